"""Contradictions and errors between outlets covering one story.

``find_discrepancies`` compares the documents of each story:

* every pair of mentions (from two documents) of one aligned claim goes to the judges: by
  default the rule checks for numbers and counts, dates and weekdays, and incompatible event
  verbs (``checks_numbers``, ``checks_dates``, ``checks_verbs``); a model can be plugged in
  through the ``ContradictionJudge`` protocol (``checks_judge``);
* quotes found by the extract stage, and quotations inside claim mentions, are matched across
  documents for different wording or different speakers (``checks_quotes``);
* titles before names are compared story-wide for role disagreements (``checks_roles``);
* entity mentions are compared for spelling variants of one name (``checks_names``);
* a person's stance as one outlet paraphrases it ("expressed frustration with Y") is compared
  with the same speaker's quoted words about Y (``checks_paraphrase``): a ``paraphrase`` finding
  when the words do not carry that sense (never a contradiction of a claim).

Contradictions and variants: a discrepancy is a contradiction when both statements cannot be
true (a number, count, date or weekday, an incompatible outcome, a role, the same words given
to another person, a quote whose words differ by a negation or a number). A name's spelling
and a quote's wording that changes no fact (function words, inflections, spelling, translation:
any ``quote_wording`` below ``high``) are variants (``Discrepancy.variant``): reported with
``low`` severity, never a contradiction. The same words given to a speaker named by description
("the cable", "the document") are one source named two ways: a variant.

Only documents of the same story are compared. Stories come from ``stories`` when given, else
from the claims (a document belongs to the story of every claim it states); with neither, all
documents form one story.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsprism.compare.checks import quotes as checks_quotes
from newsprism.compare.checks.dates import check_dates, other_occasions, weekday_mismatches
from newsprism.compare.checks.judge import ContradictionJudge, JudgeContext, RuleJudge, Verdict
from newsprism.compare.checks.names import name_variants
from newsprism.compare.checks.numbers import check_numbers
from newsprism.compare.checks.paraphrase import paraphrase_verdicts
from newsprism.compare.checks.events import event_verb_verdicts
from newsprism.compare.checks.roles import RoleMention, find_roles, role_verdicts
from newsprism.compare.checks.text import overlaps, span_key
from newsprism.compare.checks.verbs import check_verbs
from newsprism.lang.sentences import SentenceSpans
from newsprism.model import (
    Claim, Discrepancy, Document, Entity, Extraction, Quote, Severity, Span, Story, TimeExpression, make_id,
)

__all__ = ["ContradictionJudge", "Verdict", "default_judges", "find_discrepancies"]

_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their"})


def is_variant_finding(kind: str, severity: Severity) -> bool:
    """Whether a finding of this kind and severity is a variant rather than a contradiction."""
    # the same words given to a speaker who is not a person on one side ("the cable reads" / "the
    # document continued", "the ministry said" / "Smith said") is mostly one source named two
    # ways: a variant; only two different people saying the same words contradict
    return kind == "name_spelling" or (kind in ("quote_wording", "quote_speaker") and severity != "high")


def default_judges(context: JudgeContext) -> tuple[ContradictionJudge, ...]:
    """The rule-based judges, in the order they are asked."""
    return (
        RuleJudge("numbers", check_numbers, context),
        RuleJudge("dates", check_dates, context),
        RuleJudge("verbs", check_verbs, context),
    )


def judge_context(documents: Sequence[Document], extraction: Extraction) -> JudgeContext:
    resolved = {(t.doc, t.start, t.end): t.value for t in extraction.dates if t.value}
    return JudgeContext({d.id: d.published for d in documents}, resolved)


@dataclass(frozen=True, slots=True)
class _Found:
    verdict: Verdict
    claims: tuple[str, ...]


def find_discrepancies(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    extraction: Extraction,
    stories: Sequence[Story] | None = None,
    judges: Sequence[ContradictionJudge] | None = None,
    *,
    sentences: SentenceSpans,
    labels: Mapping[str, str] | None = None,
) -> tuple[Discrepancy, ...]:
    """Every disagreement between two documents of one story, most severe first
    (``sentences``: every document's sentence spans; ``labels``: each document's name for a
    reader, when named among more documents than these, else ``document_labels(documents)``)."""
    if labels is None:
        labels = document_labels(documents)
    story_of = _story_map(documents, claims, stories)

    def same_story(a: str, b: str) -> bool:
        return bool(story_of.get(a, set()) & story_of.get(b, set()))

    if judges is None:
        judges = default_judges(judge_context(documents, extraction))
    groups = _story_groups(documents, story_of)
    found: list[_Found] = list(_claim_verdicts(claims, judges))
    # indirect quotes are the outlet's own paraphrase: only direct quotes can be misworded
    direct: dict[str, list[Quote]] = defaultdict(list)
    for q in extraction.quotes:
        if q.kind == "direct":
            direct[q.doc].append(q)
    found += _quote_verdicts(extraction, direct, groups, same_story, sentences)
    roles: dict[str, list[RoleMention]] = {}

    def roles_of(doc: Document) -> list[RoleMention]:
        if doc.id not in roles:
            roles[doc.id] = find_roles(doc)
        return roles[doc.id]

    for group in groups:
        found += [_Found(v, ()) for v in role_verdicts(group, roles_of)]
        group_quotes = [q for d in group for q in direct.get(d.id, ()) if q.speaker is not None]
        if group_quotes:
            found += [_Found(v, ()) for v in paraphrase_verdicts(group, extraction.entities, group_quotes, sentences)]
        found += [_Found(v, ()) for v in event_verb_verdicts(group, extraction.entities, sentences=sentences)]
    index = _ClaimIndex(claims)
    records = _merge(found, index, labels)
    records += _name_records(groups, extraction, index, labels)
    records += _calendar_records(documents, index, labels)
    return tuple(sorted(records, key=discrepancy_order))


def _story_map(
    documents: Sequence[Document], claims: Sequence[Claim], stories: Sequence[Story] | None
) -> dict[str, set[str]]:
    story_of: dict[str, set[str]] = defaultdict(set)
    if stories is not None:
        for story in stories:
            for doc in story.documents:
                story_of[doc].add(story.id)
    else:
        for claim in claims:
            for m in claim.mentions:
                story_of[m.doc].add(claim.story)
        if not claims:
            for doc in documents:
                story_of[doc.id].add("all")
    return story_of


def _story_groups(documents: Sequence[Document], story_of: dict[str, set[str]]) -> list[list[Document]]:
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        for story in sorted(story_of.get(doc.id, ())):
            groups[story].append(doc)
    return [g for _, g in sorted(groups.items()) if len(g) > 1]


def _claim_verdicts(claims: Sequence[Claim], judges: Sequence[ContradictionJudge]) -> Iterable[_Found]:
    for claim in claims:
        if len(claim.mentions) < 2:
            continue
        mentions = sorted(claim.mentions, key=lambda s: (s.doc, s.start))
        for a, b in itertools.combinations(mentions, 2):
            if a.doc == b.doc:
                continue
            # two years and no shared day: two occasions (two polls, two seasons), whose
            # figures and dates differ without contradicting each other
            for judge in () if other_occasions(a.text, b.text) else judges:
                verdict = judge.judge(a, b)
                if verdict is not None:
                    yield _Found(verdict, (claim.id,))
            for qa in checks_quotes.quoted_parts(a):
                for qb in checks_quotes.quoted_parts(b):
                    verdict = checks_quotes.wording_verdict(qa, qb)
                    if verdict is not None:
                        yield _Found(verdict, (claim.id,))


def _quote_verdicts(
    extraction: Extraction, by_doc: Mapping[str, Sequence[Quote]], groups: Sequence[Sequence[Document]],
    same_story: Callable[[str, str], bool], sentences: SentenceSpans,
) -> list[_Found]:
    """Quote pairs are looked for within each story (blocked), each pair judged once: wording,
    speaker, and the day the words were said (a resolved day date in the quote's sentences)."""
    types = {e.id: e.type for e in extraction.entities}
    days: dict[str, list[TimeExpression]] = defaultdict(list)
    for t in extraction.dates:
        days[t.doc].append(t)
    said: dict[str, TimeExpression | None] = {}

    def when(q: Quote) -> TimeExpression | None:
        if q.id not in said:
            said[q.id] = checks_quotes.when_said(q, days.get(q.doc, ()), sentences.get(q.doc, ()))
        return said[q.id]

    def person(q: Quote) -> bool:
        """A speaker found as a person, or named like one ("Mayor Ines Carvalho": two capitalised
        words), not a description ("the cable", "the document") or an organisation."""
        if q.speaker is not None:
            return types.get(q.speaker) == "PERSON"
        words = (q.speaker_text or "").split()
        return len(words) >= 2 and sum(w[:1].isupper() for w in words[1:]) >= 1 and words[0].lower() not in _ARTICLES

    out: list[_Found] = []
    done: set[tuple[str, str]] = set()
    for group in groups:
        quotes = sorted((q for d in group for q in by_doc.get(d.id, ())), key=lambda q: (q.doc, q.start))
        for qa, qb in checks_quotes.candidate_pairs(quotes, same_story):
            if (qa.id, qb.id) in done:
                continue
            done.add((qa.id, qb.id))
            a, b = Span(qa.doc, qa.start, qa.end, qa.text), Span(qb.doc, qb.start, qb.end, qb.text)
            for verdict in (checks_quotes.wording_verdict(a, b), checks_quotes.speaker_verdict(qa, qb, person),
                            checks_quotes.said_on_verdict(qa, qb, when(qa), when(qb))):
                if verdict is not None:
                    out.append(_Found(verdict, ()))
    return out


class _ClaimIndex:
    """Claim mentions by document, to find the claims a span touches without a scan of all claims."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.by_doc: dict[str, list[tuple[Span, str]]] = defaultdict(list)
        for c in claims:
            for m in c.mentions:
                self.by_doc[m.doc].append((m, c.id))

    def touching(self, spans: Iterable[Span]) -> tuple[str, ...]:
        ids = [cid for s in spans for m, cid in self.by_doc.get(s.doc, ()) if overlaps(s, m)]
        return tuple(dict.fromkeys(ids))


def _merge(found: list[_Found], index: _ClaimIndex, labels: Mapping[str, str]) -> list[Discrepancy]:
    """One record per (kind, first-side evidence); the same evidence pair found twice is kept once."""
    groups: dict[tuple[str, str], list[_Found]] = defaultdict(list)
    for f in found:
        groups[(f.verdict.kind, span_key(f.verdict.a))].append(f)
    records: list[Discrepancy] = []
    seen: dict[tuple[str, frozenset[str]], list[Verdict]] = defaultdict(list)

    def key(v: Verdict) -> tuple[str, frozenset[str]]:
        return v.kind, frozenset((v.a.doc, v.b.doc))

    for _, group in sorted(groups.items()):
        kept = [f for f in group if not any(_same_pair(f.verdict, v) for v in seen[key(f.verdict)])]
        if not kept:
            continue
        for f in kept:
            seen[key(f.verdict)].append(f.verdict)
        first = kept[0].verdict
        others = list(dict.fromkeys(f.verdict.b for f in kept))
        mentions = (first.a, *others)
        claim_ids = tuple(dict.fromkeys(c for f in kept for c in f.claims)) or index.touching(mentions)
        severity = min((f.verdict.severity for f in kept), key=lambda s: _SEVERITY_RANK[s])
        variant = is_variant_finding(first.kind, severity)
        records.append(
            Discrepancy(
                id=make_id("disc", first.kind, *sorted(span_key(s) for s in mentions)),
                kind=first.kind,
                severity="low" if variant else severity,
                description=_describe(first, others, labels),
                claims=claim_ids,
                mentions=mentions,
                variant=variant,
            )
        )
    return records


def _same_pair(x: Verdict, y: Verdict) -> bool:
    if x.kind != y.kind:
        return False
    return (overlaps(x.a, y.a) and overlaps(x.b, y.b)) or (overlaps(x.a, y.b) and overlaps(x.b, y.a))


def _describe(first: Verdict, others: list[Span], labels: Mapping[str, str]) -> str:
    right = _grouped(others, labels)
    text = f"Outlets disagree on {first.subject}: {_quote(first.a.text)} ({labels.get(first.a.doc, first.a.doc)}) vs {right}"
    return f"{text} ({first.detail})" if first.detail else text


def _grouped(spans: Sequence[Span], labels: Mapping[str, str]) -> str:
    by_text: dict[str, list[str]] = defaultdict(list)
    for s in spans:
        by_text[" ".join(s.text.split())].append(labels.get(s.doc, s.doc))
    return " and ".join(f"{_quote(t)} ({', '.join(dict.fromkeys(ds))})" for t, ds in by_text.items())


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 1].rstrip()}…"'


def document_labels(documents: Sequence[Document]) -> dict[str, str]:
    """A reader's name for each document: its outlet, else its source file name; the id is added
    only when two documents would otherwise read the same."""
    names = {d.id: d.outlet or _file_name(d.source) or d.id for d in documents}
    counts: dict[str, int] = defaultdict(int)
    for name in names.values():
        counts[name] += 1
    return {doc: name if counts[name] == 1 or name == doc else f"{name}, {doc}" for doc, name in names.items()}


def _file_name(source: str) -> str:
    """The last path component of a file path or URL ("a/b/003_x.txt" -> "003_x.txt")."""
    return re.split(r"[/\\]", source.split("?")[0].rstrip("/\\"))[-1].strip()


def _name_records(
    groups: Sequence[Sequence[Document]], extraction: Extraction, index: _ClaimIndex, labels: Mapping[str, str]
) -> list[Discrepancy]:
    records: dict[str, Discrepancy] = {}
    entities_of: dict[str, list[Entity]] = defaultdict(list)
    for ent in extraction.entities:
        for doc in dict.fromkeys(m.doc for m in ent.mentions):
            entities_of[doc].append(ent)
    for group in groups:
        ids = [d.id for d in group]
        entities = list({id(e): e for d in ids for e in entities_of.get(d, ())}.values())
        for variants in name_variants(entities, ids):
            mentions = tuple(s for spans in variants.spellings.values() for s in spans)
            parts = [
                f"{_quote(word)} ({', '.join(labels.get(s.doc, s.doc) for s in spans)})"
                for word, spans in variants.spellings.items()
            ]
            rid = make_id("disc", "name_spelling", *sorted(span_key(s) for s in mentions))
            records[rid] = Discrepancy(
                id=rid,
                kind="name_spelling",
                severity="low",
                description="Outlets spell a name differently: " + " vs ".join(parts),
                claims=index.touching(mentions),
                mentions=mentions,
                variant=True,
            )
    return list(records.values())


def _calendar_records(documents: Sequence[Document], index: _ClaimIndex,
                      labels: dict[str, str]) -> list[Discrepancy]:
    """A weekday and a date written together that the calendar does not join: an error of one
    document (``dates.weekday_mismatches``), reported with its one span."""
    records: dict[str, Discrepancy] = {}
    for doc in documents:
        for start, end, truth in weekday_mismatches(doc.text[:doc.body.end], doc.published):
            if start < doc.body.start:
                continue
            span = doc.span(start, end)
            rid = make_id("disc", "weekday", span_key(span))
            records[rid] = Discrepancy(
                id=rid, kind="weekday", severity="medium",
                description=f"The weekday does not fall on the date: {_quote(span.text)} "
                            f"({labels.get(doc.id, doc.id)}), but {truth}",
                claims=index.touching([span]), mentions=(span,))
    return list(records.values())


def discrepancy_order(d: Discrepancy) -> tuple[int, str, str, int]:
    first = d.mentions[0] if d.mentions else Span("", 0, 0, "")
    return (_SEVERITY_RANK[d.severity], d.kind, first.doc, first.start)
