"""A story's quotes as the report and the web UI show them: grouped by speaker, the same words
carried by several outlets as one entry listing those outlets, and scare quotes kept apart.

A scare quote is words in quotation marks with no speaker, no speaker text and no speech verb: a
word held at a distance, not something someone said. Both the HTML report (``html``) and the API's
story view (``api.story_views``) read these records, so both show one story's quotes alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.model import Entity, Quote, Story
from newsprism.report.views import Index, QuoteView, quote_groups

_WORDS = re.compile(r"\w+")


def same_words(text: str) -> str:
    """A quote's words for grouping: case, punctuation and spacing ignored."""
    return " ".join(_WORDS.findall(text.casefold()))


def is_scare_quote(q: Quote) -> bool:
    """Words in quotation marks with no speaker, no speaker text and no speech verb: a scare quote
    (a word held at a distance), not something someone said."""
    return q.kind == "direct" and not q.speaker and not (q.speaker_text or "").strip() and not q.cue


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """One wording (and kind) and every quote that carries it, in the order they were met; the
    text, kind and cue are those of the first."""
    text: str
    kind: str
    cue: str | None
    quotes: tuple[QuoteView, ...]
    outlets: tuple[str, ...]  # each once, in the order first met


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    name: str
    entity: Entity | None
    speaker_texts: tuple[str, ...]
    entries: tuple[QuoteEntry, ...]

    @property
    def count(self) -> int:
        """How many quotes the speaker's entries hold together."""
        return sum(len(e.quotes) for e in self.entries)


def carried(quotes: Sequence[QuoteView]) -> tuple[QuoteEntry, ...]:
    """Quotes with the same words (and kind) as one entry listing every outlet that carries them,
    in the order of their first quote."""
    entries: dict[tuple[str, str], list[QuoteView]] = {}
    for qv in quotes:
        entries.setdefault((qv.quote.kind, same_words(qv.quote.text) or qv.quote.text), []).append(qv)
    return tuple(QuoteEntry(views[0].quote.text, views[0].quote.kind, views[0].quote.cue, tuple(views),
                            tuple(dict.fromkeys(qv.outlet for qv in views)))
                 for views in entries.values())


def story_quotes(ix: Index, story: Story) -> tuple[tuple[SpeakerQuotes, ...], tuple[QuoteEntry, ...]]:
    """The story's quotes by speaker (``views.quote_groups``'s order, scare quotes left out, a
    speaker with none left dropped) and its scare quotes, each as same-words entries."""
    groups: list[SpeakerQuotes] = []
    scare: list[QuoteView] = []
    for g in quote_groups(ix, story):
        said = [qv for qv in g.quotes if not is_scare_quote(qv.quote)]
        scare += [qv for qv in g.quotes if is_scare_quote(qv.quote)]
        if said:
            groups.append(SpeakerQuotes(g.name, g.entity, g.speaker_texts, carried(said)))
    return tuple(groups), carried(scare)
