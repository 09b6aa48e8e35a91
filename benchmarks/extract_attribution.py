"""Attribution row of the accuracy harness: who said what, on PolNeAR dev (Newell, Margolin and
Ruths, LREC 2018; github networkdynamics/PolNeAR; 84 US election news articles of Sept-Oct 2016
with source, cue and content spans annotated by hand in brat standoff files).

Data: with the `fetch` tool take github networkdynamics/PolNeAR, then
    git --git-dir=/work/.mirror/networkdynamics+PolNeAR/repo archive HEAD data/dev/text \
        data/dev/attributions | tar -x -C /tmp/polnear --strip-components=1
and pass --polnear-dev /tmp/polnear/dev (or set NEWSPRISM_POLNEAR_DEV): a folder with text/*.txt and
attributions/*.ann. With --polnear-train /tmp/polnear/train (data/train, the same way; or
NEWSPRISM_POLNEAR_TRAIN) the same figures are printed for every fifth train article, a baseline to
check a change against besides dev. Never the test split (its authors ask that it is not looked at). The README states
no licence; the data is never committed. An article annotated by several annotators (two in dev) is
scored against the annotator whose id sorts first.

newsprism side: each article's text as one plain document (body = whole text), parsed once by the
default spaCy pipeline, real ``find_actors`` and ``find_quotes``. A prediction is a quote (direct or
indirect) with a speaker span.

Matching rule (PolNeAR's repository defines no scoring script, so this is ours): a gold attribution
is found when some prediction's quoted stretch overlaps (one character or more) the gold content
spans AND the prediction's speaker matches the gold source: its speaker span overlaps a gold source
span, or its speaker text or the name of the actor it resolves to shares a word (case-folded,
pronouns, determiners and titles-of-address left out) with the gold source text (a speaker named
earlier in the article, "Clinton" for a source "she", counts only through the pronoun's span), or
the gold source is a relative pronoun (who, which, that) and the speaker span ends at most 3
characters before it ("Republicans who say ...": PolNeAR marks "who", newsprism its antecedent).
* Attribution F1: recall = found gold / gold attributions that have a source (PolNeAR also marks
  attributions with no source, "it was reported that ...": they are left out and counted in the
  detail); precision = predictions that match some gold attribution / predictions, where a prediction
  whose quote overlaps only the content of a source-less gold attribution is left out of both counts.
  PolNeAR annotates every attribution, thoughts and beliefs included ("he figures that ...",
  "voters like ..."), while newsprism keeps speech and the beliefs, intents and evidence of
  resources/quotes_content_verbs.txt, so recall is bounded below 1.
* Recall where the gold cue holds a verb of newsprism's speech lexicon (or is "according to"),
  a baseline figure that separates what newsprism misses from what it does not aim at.
* Direct quotes: gold attributions with a source whose content starts with a double quotation mark
  (“ or ") and holds a closing one; the share found by a *direct* newsprism quote under the rule above.
"""

from __future__ import annotations

import re
import time
from argparse import Namespace
from dataclasses import dataclass, field
from pathlib import Path

from _registry import NotMeasured, Row, row

HOW = ("PolNeAR dev missing: fetch github networkdynamics/PolNeAR, then `mkdir -p /tmp/polnear && git "
       "--git-dir=/work/.mirror/networkdynamics+PolNeAR/repo archive HEAD data/dev/text data/dev/attributions"
       " | tar -x -C /tmp/polnear --strip-components=1`, pass --polnear-dev /tmp/polnear/dev or set "
       "NEWSPRISM_POLNEAR_DEV")
FLOOR_F1 = 0.70  # issue 12 §3 target
FLOOR_DIRECT = 0.92  # issue 12 §3 target
_STOP = frozenset(
    "he she it they we i you him her them us me his its their our my your hers theirs ours mine yours "
    "who whom which that this these those the a an of and or in on at for to by with from 's ’s "
    "mr mr. mrs mrs. ms ms. dr dr. some many other others".split())
_RELATIVE = frozenset({"who", "which", "that"})
_WORD = re.compile(r"[\w.'’-]+")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Gold:
    source: Spans
    content: Spans
    source_text: str
    direct: bool
    cue: Spans = ()


@dataclass(slots=True)
class Article:
    name: str
    text: str
    gold: list[Gold] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Pred:
    start: int
    end: int
    speaker: tuple[int, int]
    words: frozenset[str]  # speaker text and actor name words
    direct: bool


def _words(s: str) -> set[str]:
    return {w.lower().strip(".'’-") for w in _WORD.findall(s)} - _STOP - {""}


def _spans(field_: str) -> Spans:
    # "Content 120 150;160 200"
    _, _, rest = field_.partition(" ")
    out = []
    for part in rest.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(text: str, ann: str) -> list[Gold]:
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            spans[cols[0]] = _spans(cols[1])
        elif line.startswith("E") and len(cols) >= 2:
            roles: dict[str, str] = {}
            for arg in cols[1].split():
                role, _, tid = arg.partition(":")
                roles.setdefault(role, tid)
            events.append(roles)
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""), ())
        source = spans.get(ev.get("Source", ""), ())
        cue = spans.get(ev.get("Cue", ""), ())
        if not content:
            continue
        ctext = " ".join(text[a:b] for a, b in content).strip()
        direct = ctext[:1] in ('“', '"') and any(m in ctext[1:] for m in ('”', '"'))
        out.append(Gold(source, content, " ".join(text[a:b] for a, b in source), direct, cue))
    return out


def read_polnear(folder: Path) -> list[Article]:
    texts, anns = folder / "text", folder / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise NotMeasured(f"{folder} has no text/ and attributions/ folders; {HOW}")
    out = []
    for tf in sorted(texts.glob("*.txt")):
        cands = sorted(anns.glob(tf.stem + "_*.ann"))
        if not cands:
            continue
        text = tf.read_text("utf-8")
        out.append(Article(tf.stem, text, read_ann(text, cands[0].read_text("utf-8"))))
    if not out:
        raise NotMeasured(f"{folder}: no article with annotations; {HOW}")
    return out


def _overlap(a: int, b: int, spans: Spans) -> bool:
    return any(a < e and s < b for s, e in spans)


def matches(p: Pred, g: Gold) -> bool:
    if not _overlap(p.start, p.end, g.content) or not g.source:
        return False
    if _overlap(*p.speaker, g.source):
        return True
    if g.source_text.strip().lower() in _RELATIVE and 0 <= g.source[0][0] - p.speaker[1] <= 3:
        return True  # 'Republicans who say ...': the relative pronoun's antecedent right before it
    return bool(p.words & _words(g.source_text))


def predictions(nlp, art: Article) -> tuple[list[Pred], set[int]]:  # noqa: ANN001
    """newsprism's attributions of one article, and the indices of its gold attributions whose
    cue holds one of newsprism's speech verbs (lemma in quotes_speech_verbs.txt) or "according to"."""
    from newsprism.extract.actors import find_actors
    from newsprism.extract.quotes import find_quotes
    from newsprism.model import Document, Range, sha256_text

    doc = Document(art.name, f"{art.name}.txt", sha256_text(art.text), art.text, None, None, (), None,
                   "news", Range(0, len(art.text)), ())
    sdoc = nlp(doc.clean_text())
    actors = find_actors(doc, sdoc)
    from newsprism.extract.quotes.lexicon import lexicon

    verbs = lexicon().speech_verbs
    speech = set()
    for k, g in enumerate(art.gold):
        toks = [t for a, b in g.cue for t in (sdoc.char_span(a, b, alignment_mode="expand") or [])]
        if any(t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX") for t in toks) or \
                " ".join(art.text[a:b] for a, b in g.cue).lower().startswith("according to"):
            speech.add(k)
    out = []
    for q in find_quotes(doc, sdoc, actors):
        if q.speaker_span is None:
            continue
        words = _words(q.speaker_text or "")
        actor = actors.by_key(q.speaker) if q.speaker else None
        if actor is not None:
            words |= _words(actor.name)
        out.append(Pred(q.start, q.end, (q.speaker_span.start, q.speaker_span.end), frozenset(words),
                        q.kind == "direct"))
    return out, speech


@dataclass(slots=True)
class Score:
    gold: int = 0
    found: int = 0
    no_source: int = 0
    pred: int = 0
    pred_ok: int = 0
    direct: int = 0
    direct_ok: int = 0
    direct_any: int = 0  # a direct newsprism quote overlaps the content, whoever its speaker
    speech: int = 0  # gold attributions with a source whose cue is a newsprism speech verb
    speech_found: int = 0


def score(art: Article, preds: list[Pred], s: Score, speech: set[int] = frozenset()) -> list[tuple[str, Gold]]:
    """Add one article to ``s``; return its misses ("miss" / "direct-miss")."""
    misses = []
    sourced = [g for g in art.gold if g.source]
    s.no_source += len(art.gold) - len(sourced)
    for k, g in enumerate(art.gold):
        if not g.source:
            continue
        s.gold += 1
        ok = any(matches(p, g) for p in preds)
        s.found += ok
        if k in speech:
            s.speech += 1
            s.speech_found += ok
        if g.direct:
            s.direct += 1
            ok_d = any(p.direct and matches(p, g) for p in preds)
            s.direct_ok += ok_d
            s.direct_any += any(p.direct and _overlap(p.start, p.end, g.content) for p in preds)
            if not ok_d:
                misses.append(("direct-miss", g))
        elif not ok:
            misses.append(("miss", g))
    unsourced = [g for g in art.gold if not g.source]
    for p in preds:
        if any(matches(p, g) for g in sourced):
            s.pred += 1
            s.pred_ok += 1
        elif not any(_overlap(p.start, p.end, g.content) for g in unsourced):
            s.pred += 1
    return misses


def evaluate(folder: Path, limit: int = 0, nlp=None, step: int = 1) -> tuple[Score, float, list, int]:  # noqa: ANN001
    """Score every article of ``folder`` (every ``step``-th in name order): the counts, CPU seconds,
    the misses, the article count."""
    from newsprism.extract.nlp import load_nlp

    arts = read_polnear(folder)[::step]
    if limit:
        arts = arts[:limit]
    nlp = nlp or load_nlp()
    s = Score()
    misses = []
    t0 = time.process_time()
    for art in arts:
        preds, speech = predictions(nlp, art)
        misses += [(art, kind, g, preds) for kind, g in score(art, preds, s, speech)]
    return s, time.process_time() - t0, misses, len(arts)


@row("attribution")
def attribution_rows(args: Namespace) -> list[Row]:
    path = args.polnear_dev
    if not path or not Path(path).is_dir():
        raise NotMeasured(HOW)
    s, secs, _, n = evaluate(Path(path), args.limit)
    p = s.pred_ok / s.pred if s.pred else 0.0
    r = s.found / s.gold if s.gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    d = s.direct_ok / s.direct if s.direct else 0.0
    train = getattr(args, "polnear_train", None)
    extra = _train_rows(Path(train), args.limit) if train and Path(train).is_dir() else []
    return [
        Row("attribution F1 (source + content), PolNeAR dev", f, FLOOR_F1,
            f"P {p:.3f} ({s.pred_ok}/{s.pred}) R {r:.3f} ({s.found}/{s.gold}); "
            f"{n / max(secs, 1e-9):.1f} docs per CPU second"),
        Row("direct-quote speaker accuracy, PolNeAR dev", d, FLOOR_DIRECT,
            f"{s.direct_ok}/{s.direct} quoted contents; a direct quote found for {s.direct_any}"),
        Row("  recall where the gold cue is a speech verb", s.speech_found / max(s.speech, 1), None,
            f"{s.speech_found}/{s.speech}; the other {s.gold - s.speech} gold cues are mostly thoughts, "
            "beliefs, evidence or nouns ('thinks', 'shows', 'criticism'), which newsprism quotes only "
            "through quotes_content_verbs.txt"),
        Row("  (PolNeAR dev)", None, None,
            f"{n} articles, {s.gold} attributions with a source, {s.no_source} without (left out)"),
    ] + extra


TRAIN_STEP = 5  # every fifth train article: the subset a change is checked on besides dev


def _train_rows(folder: Path, limit: int) -> list[Row]:
    """The same figures on every fifth PolNeAR train article (a check against fitting dev)."""
    s, _, _, n = evaluate(folder, limit, step=TRAIN_STEP)
    p = s.pred_ok / s.pred if s.pred else 0.0
    r = s.found / s.gold if s.gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return [
        Row("attribution F1, PolNeAR train (every fifth article)", f, None,
            f"P {p:.3f} ({s.pred_ok}/{s.pred}) R {r:.3f} ({s.found}/{s.gold}); {n} articles"),
        Row("direct-quote speaker accuracy, PolNeAR train (every fifth)", s.direct_ok / max(s.direct, 1), None,
            f"{s.direct_ok}/{s.direct} quoted contents"),
    ]
