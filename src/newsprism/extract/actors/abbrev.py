"""Defined abbreviations: "Mohammed bin Salman, better known as MBS", "the Foundation for Defense
of Democracies (FDD)". A definition makes every later use of the short form a mention of the actor.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc

from newsprism.extract.actors.group import Mention
from newsprism.extract.actors.normalise import initials
from newsprism.extract.actors.roles import PARTY_TAG
from newsprism.model import Document

_DEFINE = re.compile(
    r"(?:,?\s*(?:(?:who|which) (?:is|was) )?(?:(?:better|more|commonly|widely|popularly|also|"
    r"often|usually|simply) )?known as\s+(?:the\s+)?|\s*\(\s*)"
    r"(?P<abbr>[A-Z][A-Za-z0-9&.\-]{1,14}?)(?P<close>\s*\))?(?=[\s,.;:)’'\"]|$)"
)
_DEFINERS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "NORP"})


def _definition(doc: Document, m: Mention) -> tuple[str, int, int, str] | None:
    """(abbreviation, start, end, evidence) defined right after mention ``m``."""
    name = doc.text[m.start:m.end]
    if m.label not in _DEFINERS or len(name.split()) < 2:
        return None
    found = _DEFINE.match(doc.text, m.end)
    if not found or PARTY_TAG.match(doc.text, found.start()) or PARTY_TAG.match(
        doc.text, m.end + len(found.group(0)) - len(found.group(0).lstrip())
    ):
        return None
    abbr = found.group("abbr").rstrip(".")
    paren = "(" in found.group(0)[: found.start("abbr") - found.start()]
    if paren:
        uppers = sum(c.isupper() for c in abbr)
        if not found.group("close") or uppers < 2 or abbr[0] != initials(name)[:1]:
            return None
    a = found.start("abbr")
    return abbr, a, a + len(abbr), doc.text[m.start:found.end()].strip()


def find_abbreviations(doc: Document, sdoc: SpacyDoc, mentions: list[Mention]) -> list[Mention]:
    """Mark definitions on their mentions and add every use of a defined short form."""
    out = list(mentions)
    for m in mentions:
        if m.alias_of is not None:
            continue
        found = _definition(doc, m)
        if found is None:
            continue
        abbr, _, _, evidence = found
        m.abbr, m.abbr_evidence = abbr, evidence
        pattern = re.compile(r"(?<![\w.\-])" + re.escape(abbr) + r"(?![\w\-])")
        for hit in pattern.finditer(sdoc.text, m.end):
            a, b = hit.start(), hit.end()
            out = [x for x in out if x is m or x.end <= a or x.start >= b]
            span = sdoc.char_span(a, b, alignment_mode="expand")
            ts, te = (span.start, span.end) if span is not None else (-1, -1)
            out.append(Mention(a, b, m.label, ts, te, alias_of=m))
    return sorted(out, key=lambda x: (x.start, -x.end))
