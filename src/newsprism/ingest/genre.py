"""Article genre (news / opinion / analysis / explainer / unknown) from general signals.

In order of reliability: a genre the source declares (JSONL field, HTML categories/tags, a URL
section such as ``/opinion/``); a genre label printed before the body or as a title prefix
("Analysis", "Opinion |", "Explainer:"); explainer structure (a what/why/how title with question
subheadings); first-person argumentative prose outside quotations (opinion, or analysis when it
leans on research); reporting language (attributions, a dateline) for news. Otherwise unknown.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.ingest import boilerplate as bp
from newsprism.ingest.text_clean import Cleaned

LABELS: dict[str, str] = {
    "opinion": "opinion", "commentary": "opinion", "op-ed": "opinion", "oped": "opinion",
    "editorial": "opinion", "column": "opinion", "columns": "opinion", "perspective": "opinion",
    "viewpoint": "opinion", "letters": "opinion", "analysis": "analysis",
    "news analysis": "analysis", "explainer": "explainer", "explained": "explainer",
    "q&a": "explainer", "faq": "explainer",
}
GENRE_LABEL = re.compile(
    r"^(news analysis|analysis|opinion|commentary|op-ed|editorial|column|perspective|viewpoint|"
    r"explainer|explained|q&a)\s*(?:[:|—–-]\s*|$)", re.I,
)
_URL_SECTION = re.compile(
    r"/(opinions?|commentary|op-ed|oped|editorials?|columns?|analysis|explainers?|explained)(?:/|-|$)",
    re.I,
)
_URL_GENRES = (("analysis", "analysis"), ("explain", "explainer"), ("", "opinion"))
_EXPLAINER_TITLE = re.compile(
    r"^(?:what|why|how|who|where|when|will|can|is|are|does)\b.*|.*\b(?:what we know|what to know|"
    r"what we learned|things to know|key takeaways|explained|everything you need to know)\b",
    re.I,
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]d|me|my|mine|myself)\b")
_ARGUMENT = re.compile(
    r"\b(?:should|must|ought to|of course|to state the obvious|ironically|arguably|clearly|"
    r"in my view|i think|i believe|it is worth|it['’]s worth|let['’]s|we need to|the truth is|"
    r"make no mistake|the problem is|the bottom line|in short|frankly)\b",
)  # matched on lower-cased text: re.I with long alternations is several times slower
_RESEARCH = re.compile(r"\b(?:research|researchers|scholars?|study|studies|data|evidence|survey)\b")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|announced|stated|reported|added|noted|confirmed)\b"
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,}(?:\([^)]*\))?\s*[—–-]{1,2}\s")


def _declared(meta: dict[str, Any]) -> tuple[str, str] | None:
    value = meta.get("genre")
    if isinstance(value, str) and value.lower() in {"news", "opinion", "analysis", "explainer"}:
        return value.lower(), "source metadata 'genre'"
    for key in ("categories", "tags"):
        for item in meta.get(key) or []:
            if isinstance(item, str) and item.strip().lower() in LABELS:
                return LABELS[item.strip().lower()], f"html {key} '{item.strip()}'"
    url = meta.get("url")
    m = _URL_SECTION.search(url) if isinstance(url, str) else None
    if m:
        section = m.group(1).lower()
        genre = next(g for prefix, g in _URL_GENRES if section.startswith(prefix))
        return genre, f"url section '/{m.group(1)}/'"
    return None


def _printed_label(cleaned: Cleaned, title: str | None) -> tuple[str, str] | None:
    lines = [u.text for u in cleaned.before_body()] + ([title] if title else [])
    for line in lines:
        m = GENRE_LABEL.match(line.strip())
        if m:
            return LABELS[m.group(1).lower()], f"label '{_short(line)}'"
    return None


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def _explainer(cleaned: Cleaned, title: str | None) -> tuple[str, str] | None:
    questions = [u.text for u, lab in zip(cleaned.in_body(), cleaned.labels[cleaned.first:])
                 if lab is None and bp.is_heading(u) and u.text.endswith("?")]
    title_hit = bool(title and _EXPLAINER_TITLE.match(title.strip()))
    if len(questions) >= 2 or (questions and title_hit):
        return "explainer", f"question subheadings '{_short(questions[0])}'" + (
            f" and title '{_short(title or '')}'" if title_hit else "")
    return None


def classify_genre(text: str, cleaned: Cleaned, meta: dict[str, Any],
                   title: str | None) -> tuple[str, str]:
    """(genre, the evidence that decided it)."""
    found = _declared(meta) or _printed_label(cleaned, title) or _explainer(cleaned, title)
    if found:
        return found
    body = cleaned.in_body()
    prose = " ".join(u.text for u, lab in zip(body, cleaned.labels[cleaned.first:]) if lab is None)
    unquoted = _QUOTED.sub(" ", prose)
    words = max(len(unquoted.split()), 1)
    first = len(_FIRST_PERSON.findall(unquoted))
    low = unquoted.lower()
    argue = len(_ARGUMENT.findall(low))
    if first >= 2 and argue >= 3 and (first + argue) * 1000 / words >= 2.5:
        research = len(_RESEARCH.findall(low))
        kind = "analysis" if research * 1000 / words >= 3 else "opinion"
        return kind, (f"first-person argumentative text ({first} first-person words, {argue} "
                      f"argument markers, {research} research words outside quotes)")
    attributions = len(_ATTRIBUTION.findall(prose))
    dateline = bool(body and _DATELINE.match(body[0].text))
    if attributions >= 3 or (dateline and attributions >= 1):
        return "news", f"reporting language ({attributions} attributions" + (
            ", dateline)" if dateline else ")")
    return "unknown", "no genre signal"
