"""Document metadata (title, authors, published date, outlet, url) with the evidence for each.

Each field takes the first source that supports it, in order of reliability: what the source
itself declares (HTML metadata, JSONL fields), then the text (the headline line, bylines such as
"By Jane Doe, <Outlet> correspondent", trailing author bios, "X can be reached at ..." lines,
date lines, self-references), then the URL. A field nothing supports stays ``None``/empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from newsprism.ingest import boilerplate as bp
from newsprism.ingest import outlet as outlet_mod
from newsprism.ingest.dates import find_date, url_date
from newsprism.ingest.genre import GENRE_LABEL
from newsprism.ingest.text_clean import Cleaned

_NAME = re.compile(rf"^(?:{bp.PERSON_NAME})$")
_CONTACT_NAME = re.compile(
    rf"^(?P<name>{bp.PERSON_NAME}) (?:can be reached|is reachable|may be reached)\b|"
    rf"\b(?i:contact|e-?mail|follow) (?P<name2>{bp.PERSON_NAME}) (?:at|on)\b"
)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    published_span: tuple[int, int] | None = None  # the date in a date line of the text


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _byline_names(line: str) -> list[str]:
    """"By Jane Doe and John Smith, Staff Writers" -> the names, stopping at the first role."""
    m = bp.BYLINE.match(bp.DASH_LEAD.sub("", line))
    if not m:
        return []
    names: list[str] = []
    for part in re.split(r"\s*(?:,|\b[Aa][Nn][Dd]\b|&|\||·|•|—|–)\s*", m.group("rest")):
        part = part.strip(" .")
        part = part.title() if part.isupper() and len(part) > 3 else part
        if not _NAME.match(part) or bp.NOT_NAME.search(part):
            break
        names.append(part)
    return names


def _authors_from_text(cleaned: Cleaned) -> tuple[list[str], str | None]:
    names: list[str] = []
    note: str | None = None
    for unit, lab in zip(cleaned.units, cleaned.labels):
        found: list[str] = []
        if lab == "byline":
            found = _byline_names(unit.text) or ([bp.core(unit)] if bp.is_name_only(unit) else [])
            kind = "byline"
        elif lab == "author_bio":
            found = [n for n in [bp.bio_name(unit)] if n]
            kind = "author bio"
        elif lab == "contact":
            m = _CONTACT_NAME.search(bp.core(unit))
            found = [n for n in [m and (m.group("name") or m.group("name2"))] if n]
            kind = "contact line"
        for name in found:
            if name not in names:
                names.append(name)
                note = note or f"{kind} '{_short(bp.core(unit))}'"
    return names, note


def _published_from_text(cleaned: Cleaned) -> tuple[str, str, tuple[int, int]] | None:
    for unit, lab in zip(cleaned.units, cleaned.labels):
        if lab in ("dateline_meta", "byline"):
            found = find_date(unit.text)
            if found:
                at = unit.start + unit.text.find(found[1])
                return found[0], f"date line '{_short(unit.text)}'", (at, at + len(found[1]))
    return None


def _outlet(meta: dict[str, Any], via: dict[str, str], text: str, cleaned: Cleaned,
            url: str | None, authors: tuple[str, ...]) -> tuple[str, str] | None:
    if isinstance(meta.get("outlet"), str) and meta["outlet"].strip():
        return meta["outlet"].strip(), via.get("outlet", "source metadata 'outlet'")
    host = urlsplit(url).hostname if url else None
    known = outlet_mod.from_domain(host) if host else None
    if known:
        return known, f"url domain '{host}' (table of well-known outlets)"
    return outlet_mod.from_text(text, cleaned, authors) or outlet_mod.from_url(url)


def extract_metadata(text: str, cleaned: Cleaned, meta: dict[str, Any]) -> Metadata:
    """Every metadata field of one article with the evidence that decided it."""
    via: dict[str, str] = dict(meta.get("via") or {})
    evidence: dict[str, str] = {}
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    if url:
        evidence["url"] = via.get("url", "source metadata 'url'")

    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    if title:
        evidence["title"] = via.get("title", "source metadata 'title'")
    elif cleaned.title is not None:
        line = cleaned.units[cleaned.title].text
        title = GENRE_LABEL.sub("", line).strip() or line
        evidence["title"] = f"headline line before the body '{_short(line)}'"

    authors = [a for a in meta.get("authors") or [] if isinstance(a, str) and a.strip()]
    if authors:
        evidence["authors"] = via.get("authors", "source metadata 'authors'")
    else:
        authors, note = _authors_from_text(cleaned)
        if note:
            evidence["authors"] = note

    published = meta.get("published") if isinstance(meta.get("published"), str) else None
    published_span: tuple[int, int] | None = None
    if published:
        evidence["published"] = via.get("published", "source metadata 'published'")
    elif line := _published_from_text(cleaned):
        published, evidence["published"], published_span = line
    elif in_url := url_date(url):
        published, evidence["published"] = in_url[0], f"date in url path '{in_url[1]}'"

    outlet = _outlet(meta, via, text, cleaned, url, tuple(authors))
    if outlet:
        evidence["outlet"] = outlet[1]
    return Metadata(
        title=title, authors=tuple(authors), published=published,
        outlet=outlet[0] if outlet else None, url=url, evidence=evidence, published_span=published_span,
    )
