"""Which outlet published an article: from the URL or from the outlet naming itself in the text.

URL: a small table of well-known outlet domains (``resources/ingest_outlets.tsv``), otherwise the
registered domain. Text: self-references such as "told <Outlet>", "here at <Outlet>",
"<Outlet> has been declared ...", "... newsletter from <Outlet>", "© 2025 <Outlet>",
"<Outlet>'s correspondent", a dateline agency "(AP) —" and contact e-mail domains. Each
candidate collects weighted evidence; the best supported one wins, and none means ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from newsprism.ingest.text_clean import Cleaned
from newsprism.lang.resources import lines

_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z](?:[\w&’'/-]|\.(?=\w))*)"
ORG = (
    rf"(?P<org>(?:[Tt]he\s+)?{_TOKEN}(?:\s+(?:of\s+(?:the\s+)?|and\s+|&\s+)?"
    rf"(?:{_TOKEN}|\d+))*)"
)
MEDIA_WORDS = re.compile(
    r"\b(?:times|post|news|journal|radio|tv|television|press|herald|tribune|guardian|telegraph|"
    r"daily|weekly|magazine|broadcasting|network|agency|media|wire|gazette|observer|independent|"
    r"chronicle|standard|mail|express|star|sun|review|report|today|globe|mirror|monitor|"
    r"courier|dispatch|bulletin|register|record|inquirer|examiner|authority|insider|ledger|"
    r"sentinel|advertiser|enquirer|beacon|messenger|mercury|argus|clarion|recorder|broadcaster)\b",
    re.I,
)
ACRONYM = re.compile(r"^[A-Z][A-Z0-9/&-]{1,9}$")
# (pattern, weight, which units it reads: "all" text, "furniture" = removed lines only,
#  a lower-case keyword a unit must hold before the pattern is tried)
PATTERNS: tuple[tuple[re.Pattern[str], int, str, str], ...] = (
    (re.compile(rf"\btold {ORG}"), 1, "all", "told "),
    (re.compile(rf"\b(?:here at|here on) {ORG}"), 3, "all", "here "),
    (re.compile(rf"\b(?:joining|joined|writes for|works for|reporter for|editor at) {ORG}"),
     2, "byline", ""),
    (re.compile(rf"(?:^|[.•]\s*){ORG} (?:has been|was|is) (?:declared|designated|labell?ed|branded|"
                r"listed)"), 3, "furniture", ""),
    (re.compile(rf"\b(?:from|by|of) {ORG}"), 2, "promo", ""),
    (re.compile(rf"(?:©|\bcopyright\b)\s*(?:©\s*)?(?:\d{{4}}\s*)?{ORG}", re.I),
     3, "furniture", ""),
    (re.compile(rf"{ORG}(?:['’]s\s+(?:[\w-]+\s+){{0,4}}|"
                r"\s+(?:(?!(?:is|was|has|and|a|an|the)\b)[a-z-]+\s+){1,3})(?:correspondent|"
                r"reporter|editor|writer|columnist|bureau chief|contributor)"), 2, "byline", ""),
    (re.compile(rf"^[A-Z][A-Z .,'’-]+\s\({ORG}\)\s*[—–-]"), 3, "all", ") "),
)
AGENCIES = {"AP": "Associated Press", "AFP": "AFP", "UPI": "UPI", "DPA": "dpa"}
EMAIL = re.compile(r"[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})", re.I)


@dataclass
class _Candidate:
    name: str
    weight: int = 0
    evidence: list[tuple[int, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def outlet_table() -> dict[str, str]:
    rows = (line.split("\t") for line in lines("ingest_outlets.tsv"))
    return {row[0].strip().lower(): row[1].strip() for row in rows if len(row) == 2}


def registered_domain(url_or_host: str) -> str | None:
    host = urlsplit(url_or_host if "//" in url_or_host else "//" + url_or_host).hostname
    if not host:
        return None
    host = host.lower().removeprefix("www.")
    try:
        from tld import get_fld

        return str(get_fld(host, fix_protocol=True, fail_silently=True) or host)
    except ImportError:  # pragma: no cover - tld comes with trafilatura's courlan
        return host


def from_domain(host: str) -> str | None:
    """The table name of a domain or of one of its parent domains."""
    table = outlet_table()
    parts = host.lower().removeprefix("www.").split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return None


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", name.lower()))


def _tidy(org: str) -> str:
    org = re.sub(r"['’]s$", "", org.strip(" .,;:’'"))
    org = re.sub(r"\s+(?:of|and|&)$", "", org)
    return re.sub(r"^the\s+", "", org)  # "the Los Angeles Times" -> lower-case "the" is not the name


def _media_like(name: str) -> bool:
    bare = re.sub(r"^The\s+", "", name)
    return bool(ACRONYM.match(bare)) or bool(MEDIA_WORDS.search(bare))


def _scope_text(cleaned: Cleaned, text: str, scope: str) -> list[str]:
    if scope == "all":
        return [u.text for u in cleaned.units]
    wanted = {
        "furniture": None,
        "promo": {"promo", "legal", "notice", "end_matter", "contact"},
        "byline": {"byline", "author_bio"},
    }[scope]
    return [u.text for u, lab in zip(cleaned.units, cleaned.labels)
            if lab is not None and (wanted is None or lab in wanted)]


def _add(cands: dict[str, _Candidate], name: str, weight: int, order: int, note: str) -> None:
    key = _key(name)
    if len(key) < 2:
        return
    cand = cands.setdefault(key, _Candidate(name))
    if name.startswith("The ") and not cand.name.startswith("The "):
        cand.name = name
    cand.weight += weight
    cand.evidence.append((-weight, note))


def from_text(text: str, cleaned: Cleaned, people: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(outlet name, evidence) from the article naming itself, or None; ``people`` (the authors)
    are never taken for the outlet."""
    cands: dict[str, _Candidate] = {}
    for pattern, weight, scope, key in PATTERNS:
        for order, unit_text in enumerate(_scope_text(cleaned, text, scope)):
            if key and key not in unit_text.lower():
                continue
            for m in pattern.finditer(unit_text):
                name = _tidy(m.group("org"))
                name = AGENCIES.get(name, name)
                if weight < 3 and scope != "byline" and not _media_like(name):
                    continue
                if len(name.split()) > 6:
                    continue
                _add(cands, name, weight, order, f"self-reference '{m.group(0).strip(' •')}'")
    for lab, unit in zip(cleaned.labels, cleaned.units):
        if lab != "contact":
            continue
        for m in EMAIL.finditer(unit.text):
            domain = registered_domain(m.group(1)) or m.group(1)
            stem = _key(domain.split(".")[0])
            match = next((c for k, c in cands.items() if k == stem), None)
            name = match.name if match else (from_domain(domain) or domain)
            _add(cands, name, 2, 0, f"contact e-mail domain '{m.group(1)}'")
    for person in people:
        cands.pop(_key(person), None)
    if not cands:
        return None
    best = max(cands.values(), key=lambda c: c.weight)
    return best.name, sorted(best.evidence)[0][1]


def from_url(url: str | None) -> tuple[str, str] | None:
    """(outlet name, evidence) from a URL: the outlet table, else the registered domain."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    known = from_domain(host)
    if known:
        return known, f"url domain '{host}' (table of well-known outlets)"
    domain = registered_domain(url)
    return (domain, f"registered domain of url '{url}'") if domain else None
