"""Turn an upload (JSON, JSONL, plain text, HTML or multipart files) into documents, or refuse it.

Everything is validated and ingested before anything is stored: the caller saves the returned
documents in one transaction, so a bad request leaves the store exactly as it was. Uploads are
written to a private temporary folder and read by the same ``pipeline.ingest`` the CLI uses.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsprism.api.problems import Problem
from newsprism.model import Document

TEXT_FIELDS = ("url", "title", "outlet", "published")
MAX_LISTED = 100  # errors listed in one problem answer
MAX_DEPTH = 32  # an article is a flat object; deeper nesting is refused before anything re-encodes it
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/ndjson")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclasses.dataclass(frozen=True, slots=True)
class Upload:
    """One file to ingest: a name (shown as the document's source) and its bytes."""

    name: str
    data: bytes


def bad(kind: str, detail: str, errors: list[dict[str, Any]] | None = None) -> Problem:
    return Problem(422, kind, detail, errors)


def check_article(obj: Any, where: str) -> list[dict[str, Any]]:
    """What is wrong with one article object ({text|html, url?, title?, outlet?, authors?, published?})."""
    if not isinstance(obj, dict):
        return [{"pointer": where, "reason": "an article must be a JSON object"}]
    errors: list[dict[str, Any]] = []
    body = [k for k in ("text", "html") if obj.get(k) is not None]
    if not body:
        errors.append({"pointer": where, "reason": "an article needs 'text' or 'html'"})
    for key in body:
        value = obj[key]
        if not isinstance(value, str):
            errors.append({"pointer": f"{where}/{key}", "reason": f"'{key}' must be a string"})
        elif not value.strip():
            errors.append({"pointer": f"{where}/{key}", "reason": f"'{key}' is empty"})
    for key in TEXT_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            errors.append({"pointer": f"{where}/{key}", "reason": f"'{key}' must be a string"})
    authors = obj.get("authors")
    if authors is not None and not (isinstance(authors, list) and all(isinstance(a, str) for a in authors)):
        errors.append({"pointer": f"{where}/authors", "reason": "'authors' must be a list of strings"})
    odd = odd_value(obj)
    if odd is not None:
        errors.append({"pointer": f"{where}{odd[0]}", "reason": odd[1]})
    return errors


def odd_value(value: Any) -> tuple[str, str] | None:
    """(JSON pointer from ``value``, reason) of the first part no article can hold, else None:
    a key or string with a lone surrogate (``json`` decodes an escaped ``"\\ud800"`` into one; it
    cannot be encoded as UTF-8 or stored), or nesting deeper than ``MAX_DEPTH``."""
    queue: deque[tuple[str, int, Any]] = deque([("", 0, value)])
    while queue:
        pointer, depth, item = queue.popleft()
        if depth > MAX_DEPTH:
            return pointer, f"nested more than {MAX_DEPTH} levels deep"
        if isinstance(item, str) and not _encodable(item):
            return pointer, "holds a lone surrogate, which is not Unicode text"
        if isinstance(item, dict):
            for key, child in item.items():
                if not _encodable(key):
                    return pointer, "a key holds a lone surrogate, which is not Unicode text"
                queue.append((f"{pointer}/{key}", depth + 1, child))
        elif isinstance(item, list):
            queue.extend((f"{pointer}/{i}", depth + 1, child) for i, child in enumerate(item))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_error(exc: Exception) -> str:
    return "it is nested too deeply" if isinstance(exc, RecursionError) else str(exc)


def articles_from_json(data: bytes) -> list[dict[str, Any]]:
    """A JSON body: one article, a list of articles, or {"articles": [...]}.

    Not JSON, not UTF-8, nested past Python's recursion limit or holding an integer too long to
    convert: each is a 422 problem, never a crash.
    """
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise bad("malformed-json", f"the body is not valid JSON: {_json_error(exc)}") from exc
    if isinstance(obj, dict) and isinstance(obj.get("articles"), list):
        obj = obj["articles"]
    items = obj if isinstance(obj, list) else [obj]
    return _checked(items, lambda i: f"/{i}" if isinstance(obj, list) else "")


def articles_from_jsonl(data: bytes, name: str = "body") -> list[dict[str, Any]]:
    """JSON Lines: one article object per non-blank line; the first bad line is named.

    Lines end at ``\\n`` only (an optional ``\\r`` before it is dropped): U+2028, U+2029 and U+0085
    are valid inside a JSON string and do not split a line.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise bad("malformed-jsonl", f"{name}: not UTF-8 text: {exc}") from exc
    items, lines = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line.removesuffix("\r")))
        except (ValueError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else _json_error(exc)
            raise bad("malformed-jsonl", f"{name} line {number}: not valid JSON ({reason})",
                      [{"item": name, "line": number, "reason": reason}]) from exc
        lines.append(number)
    return _checked(items, lambda i: f"{name} line {lines[i]}")


def _checked(items: Sequence[Any], where: Any) -> list[dict[str, Any]]:
    if not items:
        raise bad("no-articles", "the request holds no article")
    errors = [e for i, item in enumerate(items) for e in check_article(item, where(i))]
    if errors:
        detail = "; ".join(f"{e['pointer'] or 'body'}: {e['reason']}" for e in errors[:5])
        raise bad("invalid-article", detail, errors[:MAX_LISTED])
    return [dict(item) for item in items]


def article_from_text(data: bytes, html: bool, meta: dict[str, str]) -> dict[str, Any]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise bad("bad-encoding", f"the body is not UTF-8 text: {exc}") from exc
    article: dict[str, Any] = {("html" if html else "text"): text} | {k: v for k, v in meta.items() if v}
    return _checked([article], lambda i: "")[0]


def uploads_from_articles(articles: Sequence[dict[str, Any]]) -> list[Upload]:
    """Plain-text articles without metadata become .txt files (offsets = the text exactly);
    everything else goes through one JSONL file, which keeps the metadata. That file is ASCII
    (``\\u`` escapes), so no character inside a string can be taken for a line break."""
    uploads: list[Upload] = []
    rest = []
    for i, art in enumerate(articles, start=1):
        if set(art) == {"text"}:
            uploads.append(Upload(f"pasted-{i}.txt", art["text"].encode("utf-8")))
        else:
            rest.append(json.dumps(art, ensure_ascii=True))
    if rest:
        uploads.append(Upload("articles.jsonl", ("\n".join(rest) + "\n").encode("utf-8")))
    return uploads


def safe_name(name: str, taken: set[str]) -> str:
    """A plain file name for an uploaded file: no folders, no odd characters, unique in ``taken``."""
    base = _SAFE.sub("_", Path(name.replace("\\", "/")).name).lstrip(".") or "upload"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        stem, dot, ext = base.partition(".")
        candidate = f"{stem}-{n}{dot}{ext}"
    taken.add(candidate)
    return candidate


def ingest_uploads(uploads: Sequence[Upload]) -> tuple[Document, ...]:
    """Ingest the uploads with the pipeline; any rejected input refuses the whole request."""
    from newsprism.pipeline import ingest

    with tempfile.TemporaryDirectory(prefix="newsprism-upload-") as tmp:
        folder = Path(tmp)
        paths = []
        for up in uploads:
            path = folder / up.name
            path.write_bytes(up.data)
            paths.append(path)
        ingested = ingest(paths)
        prefix = str(folder) + "/"
        rename = lambda s: "upload:" + s[len(prefix):] if s.startswith(prefix) else s  # noqa: E731
        if ingested.rejected:
            errors = [{"item": rename(r.source), "reason": r.reason} for r in ingested.rejected]
            detail = "; ".join(f"{e['item']}: {e['reason']}" for e in errors[:5])
            raise bad("rejected-input", f"nothing was stored: {detail}", errors)
        if not ingested.documents:
            raise bad("no-articles", "no readable article in the request")
        return tuple(dataclasses.replace(d, source=rename(d.source)) for d in ingested.documents)
