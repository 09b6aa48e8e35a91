"""Stories: group documents about the same event, and join a new batch to stored stories.

Each document gets a TF-IDF vector of its title and body (``vectors.tf_vectors``) and the set of
actor ids the extract stage found in it. Candidate pairs come from blocking: documents that share
one of their top terms or an actor id, where the key is not too common (postings longer than
``MAX_POSTING`` are skipped), so the work grows near-linearly with the number of documents, never
all pairs. Pairs whose published dates are more than ``WINDOW_DAYS`` apart never link. Pairs are
merged best first (single link) but only while the two groups' centroids stay similar too, which
stops chains of weak links from growing one giant story.

A ``StorySignature`` (``model``) is the compact, storable summary of a story (id, title, top
terms, actor ids, date range, size); a new batch's groups join a prior story whose signature is
close enough.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsprism.compare import vectors as vec
from newsprism.lang.calendar import parse_iso_day
from newsprism.model import Document, Extraction, Story, StorySignature, make_id

WINDOW_DAYS = 7  # published dates further apart than this never link two documents
MAX_SPAN_DAYS = 7  # a story's known published dates span at most this many days
MAX_POSTING = 120  # blocking keys shared by more documents than this are too common to block on
BLOCK_TERMS = 10  # top terms of each document used as blocking keys
PAIR_MIN = 0.26  # similarity for two dated documents (within the window) to link
PAIR_MIN_UNDATED = 0.30  # the same when one date is unknown
LOOSE_MIN = 0.20  # pairs kept as candidates for the group-average pass
CENTROID_MIN = 0.26  # similarity two groups' centroids need to merge in the single-link pass
GROUP_MIN = 0.33  # centroid similarity for the group-average pass (one side has >= 2 members)
JOIN_MIN = 0.30  # similarity a new group needs with a prior story's signature
SIGNATURE_TERMS = 40
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})


@dataclass(frozen=True, slots=True)
class DocFeatures:
    doc: str
    vector: vec.Vector
    actors: frozenset[str]
    day: int | None  # proleptic ordinal of the published date


def day_ordinal(value: str | None) -> int | None:
    """The proleptic ordinal of an ISO date or datetime's day, or None."""
    day = parse_iso_day(value)
    return day.toordinal() if day else None


def day_iso(day: int | None) -> str | None:
    return dt.date.fromordinal(day).isoformat() if day is not None else None


def doc_actor_ids(extraction: Extraction) -> dict[str, set[str]]:
    by_doc: dict[str, set[str]] = defaultdict(set)
    for ent in extraction.entities:
        if ent.type not in ACTOR_TYPES:
            continue
        for m in ent.mentions:
            by_doc[m.doc].add(ent.id)
    return by_doc


def features(documents: Sequence[Document], extraction: Extraction) -> list[DocFeatures]:
    terms: list[list[str]] = []
    for doc in documents:
        body = doc.clean_text()[doc.body.start:doc.body.end]
        title_terms = vec.content_words(doc.title or "")
        terms.append(title_terms * 2 + vec.content_words(body))
    vectors = vec.tf_vectors(terms)
    actors = doc_actor_ids(extraction)
    return [DocFeatures(d.id, v, frozenset(actors.get(d.id, ())), day_ordinal(d.published))
            for d, v in zip(documents, vectors, strict=True)]


def block_keys(f: DocFeatures) -> list[str]:
    top = sorted(f.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:BLOCK_TERMS]
    return [f"t:{t}" for t, _ in top] + [f"a:{a}" for a in sorted(f.actors)]


def pair_score(a: DocFeatures, b: DocFeatures) -> float:
    cos = vec.cosine(a.vector, b.vector)
    if a.actors and b.actors:
        shared = len(a.actors & b.actors) / min(len(a.actors), len(b.actors))
        return 0.85 * cos + 0.15 * shared
    return cos


def _posting_pairs(members: Sequence[int], feats: Sequence[DocFeatures]) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of one posting whose dates are close: dated members are
    walked in date order with a sliding window (so a posting spanning years costs no more than
    its neighbours within the window), undated ones pair with every member."""
    dated = sorted((feats[i].day, i) for i in members if feats[i].day is not None)
    lo = 0
    for x, (day, i) in enumerate(dated):
        while dated[lo][0] < day - WINDOW_DAYS:  # type: ignore[operator]
            lo += 1
        for _, j in dated[lo:x]:
            yield (i, j) if i < j else (j, i)
    undated = [i for i in members if feats[i].day is None]
    for u in undated:
        for j in members:
            if j != u and (feats[j].day is not None or u < j):
                yield (u, j) if u < j else (j, u)


def candidate_pairs(feats: Sequence[DocFeatures]) -> list[tuple[float, int, int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in block_keys(f):
            postings[key].append(i)
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[float, int, int]] = []
    for members in postings.values():
        if len(members) < 2 or len(members) > MAX_POSTING:
            continue
        for pair in _posting_pairs(members, feats):
            if pair in seen:
                continue
            seen.add(pair)
            i, j = pair
            score = pair_score(feats[i], feats[j])
            if score >= LOOSE_MIN:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


class _Groups:
    """Union-find with a centroid per group (sum of member vectors)."""

    def __init__(self, feats: Sequence[DocFeatures]) -> None:
        self.parent = list(range(len(feats)))
        self.centroid: list[dict[str, float]] = [dict(f.vector) for f in feats]
        self.members: list[list[int]] = [[i] for i in range(len(feats))]
        self.days: list[tuple[int, int] | None] = [
            (f.day, f.day) if f.day is not None else None for f in feats]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def try_merge(self, i: int, j: int, centroid_min: float = CENTROID_MIN,
                  group_only: bool = False) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj or (group_only and len(self.members[ri]) + len(self.members[rj]) < 3):
            return
        da, db = self.days[ri], self.days[rj]
        span = da or db
        if da is not None and db is not None:
            span = (min(da[0], db[0]), max(da[1], db[1]))
            if span[1] - span[0] > MAX_SPAN_DAYS:
                return
        ca, cb = vec.normalise(self.centroid[ri]), vec.normalise(self.centroid[rj])
        if vec.cosine(ca, cb) < centroid_min:
            return
        self.days[ri] = self.days[rj] = span
        if len(self.members[ri]) < len(self.members[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        vec.add_into(self.centroid[ri], self.centroid[rj])
        self.members[ri].extend(self.members[rj])
        self.members[rj] = []
        self.centroid[rj] = {}

    def groups(self) -> list[list[int]]:
        return [sorted(m) for r, m in enumerate(self.members) if m and self.find(r) == r]


def group_documents(feats: Sequence[DocFeatures]) -> list[list[int]]:
    """Single link over strong pairs (guarded by centroids), then group-average over weaker ones."""
    groups = _Groups(feats)
    pairs = candidate_pairs(feats)
    for score, i, j in pairs:
        dated = feats[i].day is not None and feats[j].day is not None
        if score >= (PAIR_MIN if dated else PAIR_MIN_UNDATED):
            groups.try_merge(i, j)
    for _, i, j in pairs:
        groups.try_merge(i, j, centroid_min=GROUP_MIN, group_only=True)
    return groups.groups()


@dataclass(frozen=True, slots=True)
class _Group:
    members: tuple[int, ...]
    centroid: vec.Vector
    actors: Counter[str]
    first: int | None
    last: int | None


def summarise(feats: Sequence[DocFeatures], members: Sequence[int]) -> _Group:
    total: dict[str, float] = {}
    actors: Counter[str] = Counter()
    days = [feats[i].day for i in members if feats[i].day is not None]
    for i in members:
        vec.add_into(total, feats[i].vector)
        actors.update(feats[i].actors)
    return _Group(tuple(members), vec.truncate(total, SIGNATURE_TERMS), actors,
                  min(days) if days else None, max(days) if days else None)


def match_prior(group: _Group, prior: Sequence[StorySignature],
                index: dict[str, list[int]]) -> int | None:
    """The index of the prior signature this group joins, or None."""
    keys = [f"t:{t}" for t, _ in sorted(group.centroid.items(), key=lambda kv: -kv[1])[:BLOCK_TERMS]]
    keys += [f"a:{a}" for a in group.actors]
    candidates = sorted({p for k in keys for p in index.get(k, ())})
    best, best_score = None, JOIN_MIN
    for p in candidates:
        sig = prior[p]
        lo, hi = day_ordinal(sig.first), day_ordinal(sig.last)
        if group.first is not None and lo is not None and hi is not None and (
                group.first > hi + WINDOW_DAYS or (group.last or group.first) < lo - WINDOW_DAYS):
            continue
        score = vec.cosine(group.centroid, dict(sig.terms))
        if sig.actors and group.actors:
            shared = len(set(sig.actors) & set(group.actors)) / min(len(sig.actors), len(group.actors))
            score = 0.85 * score + 0.15 * shared
        if score >= best_score:
            best, best_score = p, score
    return best


def prior_index(prior: Sequence[StorySignature]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for p, sig in enumerate(prior):
        for t, _ in sig.terms[:BLOCK_TERMS]:
            index[f"t:{t}"].append(p)
        for a in sig.actors:
            index[f"a:{a}"].append(p)
    return index


def representative(documents: Sequence[Document], feats: Sequence[DocFeatures],
                   group: _Group) -> str:
    """The headline of the member closest to the group's centroid."""
    ranked = sorted(group.members,
                    key=lambda i: (-vec.cosine(feats[i].vector, group.centroid), documents[i].id))
    for i in ranked:
        if documents[i].title:
            return documents[i].title.strip()
    d = documents[ranked[0]]
    first_line = d.text[d.body.start:d.body.end].strip().split("\n", 1)[0]
    return first_line[:120]


def earliest(documents: Sequence[Document], feats: Sequence[DocFeatures],
             members: Sequence[int]) -> str:
    far = dt.date.max.toordinal()
    i = min(members, key=lambda k: (feats[k].day if feats[k].day is not None else far,
                                    documents[k].id))
    return documents[i].id


def merged_signature(story_id: str, title: str, group: _Group,
                     old: StorySignature | None) -> StorySignature:
    centroid: dict[str, float] = {t: w * len(group.members) for t, w in group.centroid.items()}
    actors = Counter(group.actors)
    first, last, size = group.first, group.last, len(group.members)
    if old is not None:
        vec.add_into(centroid, dict(old.terms), float(old.size))
        actors.update({a: old.size for a in old.actors})
        days = [d for d in (first, last, day_ordinal(old.first), day_ordinal(old.last)) if d is not None]
        first, last = (min(days), max(days)) if days else (None, None)
        size += old.size
    terms = vec.truncate(centroid, SIGNATURE_TERMS)
    top_actors = tuple(a for a, _ in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:20])
    return StorySignature(story_id, title, tuple(sorted(terms.items(), key=lambda kv: -kv[1])),
                          top_actors, day_iso(first), day_iso(last), size)


def find_stories(documents: Sequence[Document], extraction: Extraction,
                 prior: Sequence[StorySignature] = ()
                 ) -> tuple[tuple[Story, ...], tuple[StorySignature, ...]]:
    """Stories of this batch (each document in exactly one) and their updated signatures."""
    feats = features(documents, extraction)
    groups = [summarise(feats, m) for m in group_documents(feats)]
    index = prior_index(prior)
    joined: dict[str, list[_Group]] = defaultdict(list)
    old_of: dict[str, StorySignature] = {}
    for g in groups:
        p = match_prior(g, prior, index) if prior else None
        if p is not None:
            joined[prior[p].id].append(g)
            old_of[prior[p].id] = prior[p]
        else:
            joined[make_id("story", earliest(documents, feats, g.members))].append(g)
    stories: list[tuple[int, Story, StorySignature]] = []
    for story_id, parts in joined.items():
        members = sorted(i for g in parts for i in g.members)
        group = summarise(feats, members) if len(parts) > 1 else parts[0]
        old = old_of.get(story_id)
        title = old.title if old is not None and old.title else representative(documents, feats, group)
        doc_ids = tuple(documents[i].id for i in members)
        sig = merged_signature(story_id, title, group, old)
        stories.append((members[0], Story(story_id, title, doc_ids), sig))
    stories.sort(key=lambda s: s[0])
    return tuple(s for _, s, _ in stories), tuple(g for _, _, g in stories)
