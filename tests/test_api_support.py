"""Helpers for the API and web tests (no tests here): hand-written articles built into an
Analysis by hand, a real uvicorn server on a free loopback port in a thread, and the server's
OpenAPI document as a contract to check real answers against."""

from __future__ import annotations

import dataclasses
import re
import socket
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import uvicorn

from newsprism.api import ApiConfig, create_app
from newsprism.api.auth import issue_token
from newsprism.model import (
    Analysis, Claim, Discrepancy, Document, Entity, Event, OutletProfile, Quote, Range, Span, Story,
    Tone, make_id, sha256_text,
)

# Debian's chromium, never a browser Playwright would download (see ../shared/STACK.md)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch_chromium(playwright: Any) -> Any:
    """A headless Debian chromium browser from a started Playwright."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


COUNCIL = {
    "Harbour Gazette": (
        "Council approves bus depot after late-night vote\n\n"
        "The Lakeside city council voted 7-2 on Monday to approve a new electric bus depot on the old "
        "rail yard. Mayor Elena Ruiz said the depot \"will take three hundred diesel trips off our streets "
        "every day.\" The project will cost $48 million, most of it from a federal grant.\n"
    ),
    "Valley Courier": (
        "Bus depot clears council despite neighbours' objections\n\n"
        "The Lakeside city council voted 6-3 on Monday to approve the electric bus depot. Residents of "
        "the Eastside neighbourhood protested outside city hall before the vote. Councillor Tom Becker "
        "said \"nobody asked the people who live next to the rail yard.\" The project will cost "
        "$48 million.\n"
    ),
    "Metro Wire": (
        "Lakeside backs electric buses\n\n"
        "The Lakeside city council voted 7-2 on Monday to approve a new electric bus depot. Mayor Elena "
        "Ruiz called it \"the biggest step this city has taken on clean air.\"\n"
    ),
}

HOSTILE_TEXT = (
    "Ordinary headline about a harbour festival\n\n"
    "The harbour festival opened on Saturday with 40 boats. <script>alert('xss-script')</script> "
    "Organisers said the parade <img src=x onerror=\"alert('xss-img')\"> drew large crowds. "
    "Read more <a href=\"javascript:alert('xss-link')\">here</a> about the festival.\n"
)


def doc_of(outlet: str, text: str, url: str | None = None) -> Document:
    sha = sha256_text(text)
    return Document(
        id=make_id("doc", sha), source=f"test:{outlet}", sha256=sha, text=text, outlet=outlet,
        title=text.split("\n", 1)[0], authors=(), published="2024-03-04", genre="news",
        body=Range(0, len(text)), removed=(), url=url,
    )


def span(doc: Document, phrase: str) -> Span:
    start = doc.text.index(phrase)
    return doc.span(start, start + len(phrase))


def sentence(doc: Document, begins: str) -> Span:
    start = doc.text.index(begins)
    return doc.span(start, doc.text.index(".", doc.text.index("on Monday", start)) + 1)


def council_analysis() -> Analysis:
    gaz, cou, wire = (doc_of(o, t, f"https://example.org/{i}") for i, (o, t) in enumerate(COUNCIL.items()))
    docs = (gaz, cou, wire)
    story = Story(make_id("story", "council"), "Lakeside council approves electric bus depot", tuple(d.id for d in docs))
    vote = Claim(
        id=make_id("claim", "vote"), story=story.id, text="The council voted 7-2 to approve the bus depot.",
        mentions=tuple(sentence(d, "The Lakeside city council voted") for d in docs),
        support=(gaz.id, wire.id), contradicted_by=(cou.id,), single_source=False, independent_support=2,
    )
    cost = Claim(
        id=make_id("claim", "cost"), story=story.id, text="The project will cost $48 million.",
        mentions=(span(gaz, "The project will cost $48 million"), span(cou, "The project will cost $48 million.")),
        support=(gaz.id, cou.id), contradicted_by=(), silent=(wire.id,), independent_support=2,
    )
    ruiz = Entity(make_id("ent", "ruiz"), "Elena Ruiz", "PERSON", ("Ruiz",), ("mayor",), None,
                  (span(gaz, "Elena Ruiz"), span(wire, "Elena Ruiz")))
    becker = Entity(make_id("ent", "becker"), "Tom Becker", "PERSON", (), ("councillor",), None, (span(cou, "Tom Becker"),))
    council = Entity(make_id("ent", "council"), "Lakeside city council", "ORG", (), (), "USA",
                     tuple(span(d, "Lakeside city council") for d in docs))
    quotes = (
        _quote(gaz, "will take three hundred diesel trips off our streets every day.", ruiz, "Elena Ruiz", "said"),
        _quote(cou, "nobody asked the people who live next to the rail yard.", becker, "Tom Becker", "said"),
        _quote(wire, "the biggest step this city has taken on clean air.", ruiz, "Elena Ruiz", "called"),
    )
    event = Event(make_id("ev", "vote"), "AGREE", "approve", (council.id,), (ruiz.id,), "2024-03-04", "Monday",
                  "Lakeside", (sentence(gaz, "The Lakeside city council voted"),))
    protest = Event(make_id("ev", "protest"), "PROTEST", "protest", (becker.id,), (council.id,), "2024-03-04",
                    "before the vote", "Lakeside", (span(cou, "Residents of"),))
    disc = Discrepancy(make_id("disc", "count"), "count", "high", "Vote count differs: 7-2 vs 6-3",
                       (vote.id,), (span(gaz, "7-2"), span(cou, "6-3")))
    outlets = tuple(
        OutletProfile(d.outlet or "", (d.id,), tuple(c.id for c in (vote, cost) if d.id in c.support),
                      tuple(c.id for c in (vote, cost) if d.id in c.silent), Tone(0.0, {}, 0.0, "vader"), {})
        for d in docs
    )
    return Analysis(documents=docs, entities=(ruiz, becker, council), quotes=quotes, events=(event, protest),
                    stories=(story,), claims=(vote, cost), discrepancies=(disc,), outlets=outlets)


def _quote(doc: Document, words: str, ent: Entity, speaker_text: str, cue: str) -> Quote:
    start = doc.text.index(words)
    return Quote(make_id("q", doc.id, start), doc.id, start, start + len(words), words, ent.id, speaker_text,
                 cue, "direct", span(doc, speaker_text), span(doc, cue))


def hostile_analysis() -> Analysis:
    doc = doc_of("<b>Evil</b> Outlet", HOSTILE_TEXT, url="javascript:alert('xss-url')")
    story = Story(make_id("story", "hostile"), "Harbour festival <script>alert('xss-title')</script>", (doc.id,))
    claim = Claim(make_id("claim", "boats"), story.id, "The festival opened with 40 boats.",
                  (span(doc, "The harbour festival opened on Saturday with 40 boats."),), (doc.id,), ())
    return Analysis(documents=(doc,), stories=(story,), claims=(claim,))


SPOOF_OUTLET = "Evil\u202eswen"  # RIGHT-TO-LEFT OVERRIDE: shows as "Evilnews" reversed to the end of the line
SPOOF_TITLE = "Talks\u2067 resume\u200b in Geneva"  # RIGHT-TO-LEFT ISOLATE left open, a zero-width space
SPOOF_AUTHORS = ("Ann\u202eBob", "Zed Quist")


def spoof_analysis() -> Analysis:
    """Two outlets on one story; the first's outlet, title and author carry bidi controls."""
    text = "Talks resumed in Geneva on Monday, officials said.\n"
    evil = replace(doc_of(SPOOF_OUTLET, text + "Evil copy.\n"), title=SPOOF_TITLE, authors=SPOOF_AUTHORS)
    plain = replace(doc_of("Plain Wire", text), title="Talks resume", authors=("Kim Lee",))
    story = Story(make_id("story", "spoof"), f"Geneva {SPOOF_TITLE}", (evil.id, plain.id))
    claim = Claim(make_id("claim", "spoof"), story.id, "Talks resumed in Geneva on Monday.",
                  tuple(span(d, "Talks resumed in Geneva on Monday") for d in (evil, plain)), (evil.id, plain.id), ())
    return Analysis(documents=(evil, plain), stories=(story,), claims=(claim,))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """create_app over a DuckDB file, served by uvicorn on 127.0.0.1 in a daemon thread."""

    def __init__(self, db: Path, config: ApiConfig = ApiConfig()) -> None:
        self.db = db
        self.port = free_port()
        self.app = create_app(db, dataclasses.replace(config, port=self.port))
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.state().close()

    def state(self):  # noqa: ANN201 - the app's ApiState
        return self.app.state.newsprism

    def save(self, analysis: Analysis) -> None:
        """Store ``analysis`` through the app (the only process that may write the file)."""
        self.state().write(lambda store: store.save(analysis))

    def issue_token(self) -> str:
        return self.state().write(issue_token)  # type: ignore[no-any-return]


class Contract:
    """A live server's OpenAPI document, to check real answers against what it declares."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.routes = [
            (re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path))), path, ops)
            for path, ops in document["paths"].items()
        ]
        self.routes.sort(key=lambda r: "{" in r[1])  # a fixed path before a template that also matches
        schemas = {"components": document["components"]}
        self.problem = jsonschema.Draft202012Validator({"$ref": "#/components/schemas/Problem", **schemas})
        self.article = jsonschema.Draft202012Validator({"$ref": "#/components/schemas/Article", **schemas})

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any]] | None:
        """(path template, operation) the document declares for ``method`` on ``path``, else None."""
        for pattern, template, ops in self.routes:
            if pattern.fullmatch(path) and method.lower() in ops:
                return template, ops[method.lower()]
        return None

    def check(self, method: str, path: str, response: Any) -> None:
        """The answer's status and media type are declared for the operation; a problem body is a Problem."""
        found = self.operation(method, path)
        if found is None:
            return
        template, op = found
        declared = op["responses"].get(str(response.status_code))
        assert declared is not None, (method, template, response.status_code, sorted(op["responses"]))
        media = response.headers.get("content-type", "").split(";")[0].strip()
        assert media in declared.get("content", {}), (method, template, response.status_code, media)
        if media == "application/problem+json":
            self.problem.validate(response.json())
