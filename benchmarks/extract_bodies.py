"""HTML bodies on real pages: newsprism's body extraction against trafilatura alone.

Data: the ScrapingHub article-extraction benchmark (181 real article pages with a hand-checked
``articleBody`` each; scripts MIT, the pages belong to their sites and are not committed here).
Fetch it once, outside the repository:

    git clone --depth 1 https://github.com/scrapinghub/article-extraction-benchmark /tmp/aeb
    # the folder needs html/<id>.html.gz and ground-truth.json

Run (PATH from --data or $NEWSPRISM_AEB):

    .venv/bin/python benchmarks/extract_bodies.py --data /tmp/aeb [--diffs 10]

A second, optional set: trafilatura's own evaluation corpus (github.com/adbar/trafilatura,
Apache-2.0; tests/evaldata.json, with tests/eval/ and tests/cache/ holding about 1,000 pages, not
committed here), scored as trafilatura's tests/eval_common.py does: per page, which hand-picked
snippets that must be in the body ("with") are found and which that must not ("without") are
absent, by whitespace-normalised substring match; precision, recall and F1 over all snippets:

    .venv/bin/python benchmarks/extract_bodies.py --data /tmp/aeb --trafilatura-eval /tmp/trafilatura/tests

Systems, all fed the same decoded HTML (``ingest.html.decode_html``) and the page URL:

* ``trafilatura``: trafilatura 2.3.1's ``extract`` with the options newsprism uses
  (no comments, tables kept);
* ``trafilatura_recall``: the same with ``favor_recall=True``;
* ``newsprism``: ``html_source`` then ``build_document``: the Document's body range of
  ``clean_text()`` (boilerplate ranges blanked), what every later stage reads.

Scores, as in the benchmark's evaluate.py: per page, true/false positives and false negatives of
(1) bags of word tokens (``\\w+``, the brief's token-level score) and (2) the benchmark's own
4-token shingles, normalised per page; precision and recall are means over pages, F1 is taken
from those means. ``measure(path)`` returns the rows (name, value, floor) for the combined
harness: newsprism's F1 has trafilatura's F1 on the same pages as its floor.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import re
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ENV = "NEWSPRISM_AEB"
TRAF_ENV = "NEWSPRISM_TRAF_EVAL"
_TOKEN = re.compile(r"\w+")
Row = tuple[str, float, float | None]


# --------------------------------------------------------------------------- data


def load_pages(path: str | Path, limit: int = 0) -> Iterator[tuple[str, str, str, str]]:
    """(id, url, html text, true body) of every page of the benchmark folder (the first ``limit``
    when not 0), in id order."""
    from newsprism.ingest.html import decode_html

    folder = Path(path)
    truth_file = folder / "ground-truth.json"
    if not truth_file.is_file() or not (folder / "html").is_dir():
        raise SystemExit(f"{folder}: not the article-extraction-benchmark folder "
                         "(needs ground-truth.json and html/); see this file's docstring")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    for key in sorted(truth)[: limit or None]:
        page = folder / "html" / f"{key}.html.gz"
        html = decode_html(gzip.decompress(page.read_bytes()))
        yield key, truth[key].get("url") or "", html, truth[key].get("articleBody") or ""


# --------------------------------------------------------------------------- systems


def trafilatura_body(html: str, url: str, favor_recall: bool = False) -> str:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return trafilatura.extract(html, url=url or None, include_comments=False, include_tables=True,
                                   favor_recall=favor_recall) or ""


def newsprism_body(html: str, url: str, key: str = "page.html") -> str:
    from newsprism.ingest import build_document
    from newsprism.ingest.html import html_source
    from newsprism.model import Rejected

    raw = html_source(key, html, url=url or None)
    if isinstance(raw, Rejected):
        return ""
    doc = build_document(raw)
    if doc.body.end <= doc.body.start:
        return ""
    return doc.clean_text()[doc.body.start:doc.body.end]


SYSTEMS: dict[str, Callable[[str, str], str]] = {
    "trafilatura": trafilatura_body,
    "trafilatura_recall": lambda html, url: trafilatura_body(html, url, favor_recall=True),
    "newsprism": newsprism_body,
}


# --------------------------------------------------------------------------- scores


def grams(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str, n: int) -> tuple[float, float, float]:
    """The page's share of matched, extra and missed n-grams (sums to 1 unless both are empty)."""
    t, p = grams(true, n), grams(pred, n)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(triples: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision and recall over pages (as evaluate.py), F1 of the two means."""
    p = statistics.mean(_precision(*t) for t in triples if t[0] + t[1] > 0)
    r = statistics.mean(_recall(*t) for t in triples if t[0] + t[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


# --------------------------------------------------------------------------- runs


def run(path: str | Path, limit: int = 0) -> dict[str, dict[str, object]]:
    """Every system's bodies and scores on every page (the first ``limit`` when not 0)."""
    out: dict[str, dict[str, object]] = {name: {"bodies": {}, "seconds": 0.0} for name in SYSTEMS}
    truths: dict[str, str] = {}
    for key, url, html, truth in load_pages(path, limit):
        truths[key] = truth
        for name, system in SYSTEMS.items():
            start = time.perf_counter()
            out[name]["bodies"][key] = system(html, url)  # type: ignore[index]
            out[name]["seconds"] += time.perf_counter() - start  # type: ignore[operator]
    for res in out.values():
        bodies: dict[str, str] = res["bodies"]  # type: ignore[assignment]
        for label, n in (("tokens", 1), ("shingles", 4)):
            res[label] = scores([tp_fp_fn(truths[k], bodies[k], n) for k in truths])
        res["per_page"] = {k: tp_fp_fn(truths[k], bodies[k], 1) for k in truths}
    out["_truth"] = {"bodies": truths}
    return out


def rows(res: dict[str, dict[str, object]]) -> list[Row]:
    """(name, value, floor) per system and score; newsprism's F1 floors are trafilatura's F1."""
    out: list[Row] = []
    for label in ("tokens", "shingles"):
        base = res["trafilatura"][label]["f1"]  # type: ignore[index]
        for name in SYSTEMS:
            sc = res[name][label]  # type: ignore[index]
            out.append((f"html bodies {label} F1 {name}", round(sc["f1"], 4),
                        round(base, 4) if name == "newsprism" else None))
            out.append((f"html bodies {label} precision {name}", round(sc["precision"], 4), None))
            out.append((f"html bodies {label} recall {name}", round(sc["recall"], 4), None))
    return out


def measure(path: str | Path, trafilatura_eval: str | Path | None = None, limit: int = 0) -> list[Row]:
    """Rows for the combined harness (benchmarks/bench_extract.py): (name, value, floor);
    ``trafilatura_eval`` (or $NEWSPRISM_TRAF_EVAL) adds the snippet scores on trafilatura's corpus."""
    out = rows(run(path, limit))
    extra = trafilatura_eval or os.environ.get(TRAF_ENV)
    if extra:
        out += snippet_rows(run_snippets(extra))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def run_snippets(folder: str | Path) -> dict[str, dict[str, object]]:
    """Every system on trafilatura's evaluation pages: (tp, fp, fn, tn) summed over snippets."""
    from newsprism.ingest.html import decode_html

    base = Path(folder)
    evaldata = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, object]] = {name: {"counts": [0, 0, 0, 0], "pages": {}} for name in SYSTEMS}
    for url in sorted(evaldata):
        item = evaldata[url]
        page = next((base / sub / item["file"] for sub in ("cache", "eval") if (base / sub / item["file"]).is_file()), None)
        if page is None:
            continue
        html = decode_html(page.read_bytes())
        for name, system in SYSTEMS.items():
            text = _norm(system(html, url))
            tp = sum(_norm(w) in text for w in item["with"])
            fp = sum(_norm(w) in text for w in item["without"])
            counts = (tp, fp, len(item["with"]) - tp, len(item["without"]) - fp)
            out[name]["pages"][url] = counts  # type: ignore[index]
            out[name]["counts"] = [a + b for a, b in zip(out[name]["counts"], counts)]  # type: ignore[call-overload]
    for res in out.values():
        tp, fp, fn, _ = res["counts"]  # type: ignore[misc]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        res["snippets"] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return out


def snippet_rows(res: dict[str, dict[str, object]]) -> list[Row]:
    out: list[Row] = []
    base = res["trafilatura"]["snippets"]["f1"]  # type: ignore[index]
    for name in SYSTEMS:
        sc = res[name]["snippets"]  # type: ignore[index]
        out.append((f"html bodies trafilatura-eval snippets F1 {name}", round(sc["f1"], 4),
                    round(base, 4) if name == "newsprism" else None))
    return out


def _diff(truth: str, pred: str) -> tuple[list[str], list[str]]:
    t, p = Counter(_TOKEN.findall(truth)), Counter(_TOKEN.findall(pred))
    return sorted((t - p).elements()), sorted((p - t).elements())


def _show_diffs(res: dict[str, dict[str, object]], limit: int) -> None:
    """The pages where newsprism's token F1 is furthest below trafilatura's, with lost/added words."""
    truths: dict[str, str] = res["_truth"]["bodies"]  # type: ignore[assignment]
    tr: dict[str, str] = res["trafilatura"]["bodies"]  # type: ignore[assignment]
    npb: dict[str, str] = res["newsprism"]["bodies"]  # type: ignore[assignment]

    def f1(t: tuple[float, float, float]) -> float:
        return 2 * t[0] / (2 * t[0] + t[1] + t[2]) if t[0] else 0.0

    gaps = sorted(truths, key=lambda k: f1(res["newsprism"]["per_page"][k])  # type: ignore[index]
                  - f1(res["trafilatura"]["per_page"][k]))  # type: ignore[index]
    for k in gaps[:limit]:
        a = f1(res["trafilatura"]["per_page"][k])  # type: ignore[index]
        b = f1(res["newsprism"]["per_page"][k])  # type: ignore[index]
        if b >= a:
            break
        lost, added = _diff(tr[k], npb[k])  # against trafilatura: what newsprism's cleaning changed
        print(f"\n== {k[:12]}  token F1 trafilatura {a:.3f}  newsprism {b:.3f}")
        print(f"   newsprism drops {len(lost)} words of trafilatura's: {' '.join(lost[:60])}")
        print(f"   newsprism adds {len(added)} words: {' '.join(added[:40])}")


def _show_snippet_diffs(res: dict[str, dict[str, object]], folder: str, limit: int) -> None:
    """Pages of trafilatura's corpus where newsprism misses a 'with' snippet trafilatura finds."""
    evaldata = json.loads((Path(folder) / "evaldata.json").read_text(encoding="utf-8"))
    tr: dict[str, tuple[int, ...]] = res["trafilatura"]["pages"]  # type: ignore[assignment]
    npg: dict[str, tuple[int, ...]] = res["newsprism"]["pages"]  # type: ignore[assignment]
    worse = [u for u in npg if npg[u][0] < tr[u][0]][:limit]
    print(f"\n{sum(npg[u][0] < tr[u][0] for u in npg)} pages where newsprism finds fewer 'with' snippets, "
          f"{sum(npg[u][1] < tr[u][1] for u in npg)} where it finds fewer 'without' snippets")
    for u in worse:
        print(f"== {u}  with: {evaldata[u]['with']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get(ENV), help=f"benchmark folder (or ${ENV})")
    parser.add_argument("--trafilatura-eval", default=os.environ.get(TRAF_ENV),
                        help=f"trafilatura's tests/ folder (evaldata.json, eval/, cache/) (or ${TRAF_ENV})")
    parser.add_argument("--diffs", type=int, default=0, help="print the N pages newsprism loses most on")
    args = parser.parse_args()
    if not args.data:
        print(f"extract_bodies: no data folder; pass --data PATH or set ${ENV}", file=sys.stderr)
        return 2
    res = run(args.data)
    n = len(res["_truth"]["bodies"])  # type: ignore[arg-type]
    print(f"{n} pages from {args.data}")
    print(f"{'system':<20} {'score':<9} {'F1':>6} {'prec':>6} {'recall':>6}  seconds")
    for label in ("tokens", "shingles"):
        for name in SYSTEMS:
            sc = res[name][label]  # type: ignore[index]
            print(f"{name:<20} {label:<9} {sc['f1']:6.3f} {sc['precision']:6.3f} {sc['recall']:6.3f}"
                  f"  {res[name]['seconds']:.1f}")
    all_rows = rows(res)
    if args.trafilatura_eval:
        snip = run_snippets(args.trafilatura_eval)
        n_pages = len(snip["trafilatura"]["pages"])  # type: ignore[arg-type]
        print(f"\ntrafilatura's evaluation corpus: {n_pages} pages; snippets with / without")
        for name in SYSTEMS:
            sc = snip[name]["snippets"]  # type: ignore[index]
            tp, fp, fn, tn = snip[name]["counts"]  # type: ignore[misc]
            print(f"{name:<20} snippets  {sc['f1']:6.3f} {sc['precision']:6.3f} {sc['recall']:6.3f}"
                  f"  (tp {tp} fp {fp} fn {fn} tn {tn})")
        all_rows += snippet_rows(snip)
        if args.diffs:
            _show_snippet_diffs(snip, args.trafilatura_eval, args.diffs)
    bad = [(name, value, floor) for name, value, floor in all_rows if floor is not None and value < floor]
    for name, value, floor in bad:
        print(f"BELOW FLOOR: {name} {value:.4f} < {floor:.4f} (trafilatura alone)")
    if args.diffs:
        _show_diffs(res, args.diffs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
