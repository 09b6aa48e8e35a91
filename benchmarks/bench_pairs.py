"""Accuracy of the claims x documents cells on hand-labelled cross-outlet sentence pairs.

The pairs (``data/news_pairs.jsonl``, how they were sampled and labelled: ``data/news_pairs.md``)
are two sentences of one story told by two outlets of the news-8k sample, each labelled by
reading: ``same`` (states the same fact), ``contradicts``, ``related`` or ``unrelated``. For each
sampled story this runs the real system once (ingest of the story's news-8k records, extract,
compare; the models are loaded once for the whole run) and reads, for every pair, the cell of
document b for each claim with a mention that overlaps span a:

- ``supports`` and a mention of that claim in b overlaps span b -> ``same``
- ``contradicts`` and the cell's evidence span (in b) overlaps span b -> ``contradicts``
- ``related`` and the cell's span overlaps span b -> ``related``
- anything else (no such claim, silent, a support elsewhere in b) -> ``unrelated``

When several claims overlap span a, the strongest verdict counts (contradicts > same > related).
Prints the confusion matrix and the precision / recall of support (``same``) and of
contradiction per split (``test`` is the headline, ``dev`` is for tuning) and exits 1 when a
precision of the headline split is below its floor (support 0.90, contradiction 0.80).

    .venv/bin/python benchmarks/bench_pairs.py [--split test|dev|all] [--limit N] [--show-errors]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import NEWS_8K, read_records as news_records  # noqa: E402  (``$NEWSPRISM_NEWS8K`` or ../shared/data)

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "data" / "news_pairs.jsonl"
STORIES = HERE / "data" / "news_pairs_stories.jsonl"
LABELS = ("same", "contradicts", "related", "unrelated")
SAMPLERS = ("a", "b", "c", "d", "e")
FLOORS = {"same": 0.90, "contradicts": 0.80}  # precision floors of the headline split
RANK = {"contradicts": 3, "same": 2, "related": 1, "unrelated": 0}


class PairsError(Exception):
    """A pairs or stories file that cannot be used: the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class Side:
    record: str
    outlet: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Pair:
    id: str
    story: str
    split: str
    a: Side
    b: Side
    label: str
    sampled_by: str
    note: str = ""


def story_split(story: str) -> str:
    """``dev`` or ``test`` from a hash of the story key (about half each; a story is in one)."""
    return "dev" if int(hashlib.sha256(story.encode()).hexdigest()[:8], 16) % 2 == 0 else "test"


def _side(value: object, where: str) -> Side:
    if not isinstance(value, dict):
        raise PairsError(f"{where}: a side must be an object")
    try:
        side = Side(str(value["record"]), str(value["outlet"]), int(value["start"]), int(value["end"]),
                    str(value["text"]))
    except (KeyError, TypeError, ValueError) as err:
        raise PairsError(f"{where}: a side needs record, outlet, start, end, text ({err})") from None
    if not 0 <= side.start < side.end:
        raise PairsError(f"{where}: bad span {side.start}..{side.end}")
    return side


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    pairs: list[Pair] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise PairsError(f"{path}: cannot be read ({err.strerror})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise PairsError(f"{where}: malformed JSON ({err.msg})") from None
        if not isinstance(row, dict):
            raise PairsError(f"{where}: a pair must be a JSON object")
        try:
            pair = Pair(str(row["id"]), str(row["story"]), str(row["split"]), _side(row["a"], where),
                        _side(row["b"], where), str(row["label"]), str(row["sampled_by"]),
                        str(row.get("note") or ""))
        except KeyError as err:
            raise PairsError(f"{where}: missing field {err}") from None
        if pair.label not in LABELS:
            raise PairsError(f"{where}: label {pair.label!r} is not one of {', '.join(LABELS)}")
        if pair.sampled_by not in SAMPLERS:
            raise PairsError(f"{where}: sampled_by {pair.sampled_by!r} is not one of a..e")
        if pair.split != story_split(pair.story):
            raise PairsError(f"{where}: split {pair.split!r} is not the one the story key hashes to")
        if pair.id in seen:
            raise PairsError(f"{where}: duplicate pair id {pair.id}")
        if pair.a.outlet == pair.b.outlet:
            raise PairsError(f"{where}: both sides come from the outlet {pair.a.outlet!r}")
        seen.add(pair.id)
        pairs.append(pair)
    return pairs


def load_stories(path: Path = STORIES) -> dict[str, tuple[str, ...]]:
    """Story key -> the news-8k record ids of the story (the documents the system is run on)."""
    stories: dict[str, tuple[str, ...]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise PairsError(f"{path}: cannot be read ({err.strerror})") from None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                row = json.loads(line)
                stories[str(row["story"])] = tuple(str(r) for r in row["records"])
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise PairsError(f"{path}:{number}: a story line needs story and records ({err})") from None
    return stories


def read_records(ids: Iterable[str], data: Path = NEWS_8K) -> dict[str, dict[str, object]]:
    try:
        return news_records(ids, data)
    except LookupError as exc:
        raise PairsError(str(exc)) from None


def ingest_records(rows: Sequence[dict[str, object]], folder: Path):  # -> dict[record id, Document]
    """Each record through the real ingest (a JSONL file read by ``read_sources``), by record id."""
    from newsprism import ingest as ingest_stage
    from newsprism.model import Rejected

    path = folder / "story.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({"text": row["text"], "title": row.get("title"), "outlet": row.get("source"),
                                  "url": row.get("url"), "authors": row.get("authors"),
                                  "published": row.get("date")}) + "\n")
    by_record = {}
    for row, item in zip(rows, ingest_stage.read_sources([path]), strict=True):
        if isinstance(item, Rejected):
            raise PairsError(f"{NEWS_8K}: record {row['id']} was rejected by ingest ({item.reason})")
        by_record[str(row["id"])] = ingest_stage.build_document(item)
    return by_record


def analyze_story(docs_by_record: dict[str, object]):  # -> Analysis
    from newsprism.pipeline import analyze_documents

    docs = list({d.id: d for d in docs_by_record.values()}.values())
    analysis, _ = analyze_documents(docs)
    return analysis


def _overlaps(start: int, end: int, a: int, b: int) -> bool:
    return start < b and a < end


def verdict(analysis, doc_a: str, a: Side, doc_b: str, b: Side) -> str:
    """The system's verdict on a pair (see the module doc)."""
    best = "unrelated"
    for claim in analysis.claims:
        if not any(m.doc == doc_a and _overlaps(m.start, m.end, a.start, a.end) for m in claim.mentions):
            continue
        cell = next((c for c in claim.cells if c.doc == doc_b), None)
        if cell is None:
            continue
        found = "unrelated"
        if cell.state == "contradicts" and cell.span is not None and cell.span.doc == doc_b \
                and _overlaps(cell.span.start, cell.span.end, b.start, b.end):
            found = "contradicts"  # like the other verdicts: about sentence b, not another one of b
        elif cell.state == "supports" and any(m.doc == doc_b and _overlaps(m.start, m.end, b.start, b.end)
                                              for m in claim.mentions):
            found = "same"
        elif cell.state == "related" and cell.span is not None and cell.span.doc == doc_b \
                and _overlaps(cell.span.start, cell.span.end, b.start, b.end):
            found = "related"
        if RANK[found] > RANK[best]:
            best = found
    return best


def check_span(doc, side: Side, pair: Pair) -> None:
    if doc.text[side.start:side.end] != side.text:
        raise PairsError(f"{PAIRS}: pair {pair.id}: record {side.record} text[{side.start}:{side.end}] is "
                         f"{doc.text[side.start:side.end][:60]!r}, not {side.text[:60]!r}")


def run(pairs: Sequence[Pair], stories: dict[str, tuple[str, ...]], console: Console) -> dict[str, str]:
    """Pair id -> the system's verdict, running the system once per story."""
    by_story: dict[str, list[Pair]] = {}
    for pair in pairs:
        by_story.setdefault(pair.story, []).append(pair)
    unknown = sorted(set(by_story) - set(stories))
    if unknown:
        raise PairsError(f"{STORIES}: no records for the stories {', '.join(unknown[:5])}")
    rows = read_records(r for s in by_story for r in stories[s])
    verdicts: dict[str, str] = {}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n, (story, group) in enumerate(by_story.items(), start=1):
            docs = ingest_records([rows[r] for r in stories[story]], Path(tmp))
            for pair in group:
                for side in (pair.a, pair.b):
                    if side.record not in docs:
                        raise PairsError(f"{PAIRS}: pair {pair.id}: record {side.record} is not in story {story}")
                    check_span(docs[side.record], side, pair)
            analysis = analyze_story(docs)
            for pair in group:
                verdicts[pair.id] = verdict(analysis, docs[pair.a.record].id, pair.a,
                                            docs[pair.b.record].id, pair.b)
            console.print(f"[dim]{n}/{len(by_story)} stories, {len(docs)} documents, "
                          f"{time.perf_counter() - t0:.0f} s[/dim]", highlight=False)
    return verdicts


def scores(pairs: Sequence[Pair], verdicts: dict[str, str], label: str) -> tuple[float | None, float | None, int, int]:
    """Precision, recall (None when undefined), number predicted, number labelled."""
    predicted = [p for p in pairs if verdicts[p.id] == label]
    labelled = [p for p in pairs if p.label == label]
    hits = sum(1 for p in predicted if p.label == label)
    precision = hits / len(predicted) if predicted else None
    recall = hits / len(labelled) if labelled else None
    return precision, recall, len(predicted), len(labelled)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def report(name: str, pairs: Sequence[Pair], verdicts: dict[str, str], console: Console) -> bool:
    """Print the split's confusion matrix and scores; True when both precisions meet their floors
    (an undefined precision, nothing predicted, counts as below)."""
    matrix = Counter((p.label, verdicts[p.id]) for p in pairs)
    table = Table(title=f"{name}: {len(pairs)} pairs, {len({p.story for p in pairs})} stories "
                        "(rows: label read, columns: system)")
    table.add_column("label \\ system")
    for col in LABELS:
        table.add_column(col, justify="right")
    table.add_column("total", justify="right")
    for row in LABELS:
        table.add_row(row, *(str(matrix[row, col]) for col in LABELS),
                      str(sum(matrix[row, col] for col in LABELS)))
    table.add_row("total", *(str(sum(matrix[row, col] for row in LABELS)) for col in LABELS), str(len(pairs)),
                  style="dim")
    console.print(table)
    ok = True
    for label, floor in FLOORS.items():
        precision, recall, predicted, labelled = scores(pairs, verdicts, label)
        passed = precision is not None and precision >= floor
        ok = ok and passed
        mark = "[green]ok[/green]" if passed else "[red]below[/red]"
        console.print(f"  {label:<11} precision {_fmt(precision)} (floor {floor:.2f}) {mark}  "
                      f"recall {_fmt(recall)}  [dim]{predicted} predicted, {labelled} labelled[/dim]")
    by_sampler = Counter((p.sampled_by, p.label == verdicts[p.id]) for p in pairs)
    console.print("  agreement by sampler: " + ", ".join(
        f"{s} {by_sampler[s, True]}/{by_sampler[s, True] + by_sampler[s, False]}"
        for s in SAMPLERS if by_sampler[s, True] + by_sampler[s, False]), highlight=False)
    return ok


def show_errors(pairs: Sequence[Pair], verdicts: dict[str, str], console: Console) -> None:
    for p in pairs:
        if p.label != verdicts[p.id]:
            console.print(f"[bold]{p.id}[/bold] ({p.split}, {p.sampled_by}) label [cyan]{p.label}[/cyan] "
                          f"system [magenta]{verdicts[p.id]}[/magenta]{'  - ' + p.note if p.note else ''}",
                          highlight=False)
            console.print(f"  a {p.a.outlet}: {p.a.text}", highlight=False, markup=False)
            console.print(f"  b {p.b.outlet}: {p.b.text}", highlight=False, markup=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test",
                        help="which pairs to score (test: the headline; dev: for tuning)")
    parser.add_argument("--limit", type=int, help="only the first N stories of the split")
    parser.add_argument("--show-errors", action="store_true", help="print every pair the system gets wrong")
    args = parser.parse_args()
    console = Console()
    try:
        pairs = load_pairs()
        stories = load_stories()
    except PairsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.split != "all":
        pairs = [p for p in pairs if p.split == args.split]
    if args.limit is not None:
        keep = list(dict.fromkeys(p.story for p in pairs))[:args.limit]
        pairs = [p for p in pairs if p.story in set(keep)]
    if not pairs:
        print(f"error: {PAIRS}: no pairs in split {args.split}", file=sys.stderr)
        return 2
    try:
        verdicts = run(pairs, stories, console)
    except PairsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.show_errors:
        show_errors(pairs, verdicts, console)
    ok = True
    for name in ("dev", "test"):
        part = [p for p in pairs if p.split == name]
        if part:
            passed = report(name, part, verdicts, console)
            ok = ok and (passed if name == "test" or args.split == "dev" else True)
    if len({p.split for p in pairs}) > 1:
        report("all", pairs, verdicts, console)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
