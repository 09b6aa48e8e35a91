"""WARC at scale, as in CC-NEWS: records per second, articles, rejects and peak memory of newsprism's
ingest on archives built from real HTML pages, at several sizes (memory must not grow with the file).

Pages: the article-extraction-benchmark's 181 pages (``--aeb``, see benchmarks/extract_bodies.py)
and trafilatura's evaluation pages (``--trafilatura-eval``: the .html files of tests/eval/ in
github.com/adbar/trafilatura, Apache-2.0 code, pages belonging to their sites; fetched outside the
repository, e.g. ``git clone --depth 1 https://github.com/adbar/trafilatura /tmp/trafilatura`` then
``--trafilatura-eval /tmp/trafilatura/tests/eval``). Every archive is written under /tmp in the
CC-NEWS layout: a warcinfo record, then a request and a response record per page, each record in
its own gzip member. When an archive asks for more responses than there are distinct pages, pages
are repeated under distinct URLs and the output says how many are repeats.

Each size is read in a fresh process (``read_sources`` then ``build_document`` per article, as
``newsprism ingest`` does), so its peak RSS (ru_maxrss) is its own; the RSS after loading
trafilatura and before the first record is printed beside it. warcio alone reading the same file
(no extraction) shows how much of the time is the WARC parsing itself.

    .venv/bin/python benchmarks/bench_warc.py --aeb /tmp/aeb --trafilatura-eval /tmp/trafilatura/tests/eval \\
        [--sizes 250,1000,2000]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]


def load_pages(aeb: str | None, traf: str | None) -> list[tuple[str, bytes]]:
    """(url, html bytes) of every distinct page found, in a fixed order."""
    pages: list[tuple[str, bytes]] = []
    if aeb:
        truth = json.loads((Path(aeb) / "ground-truth.json").read_text(encoding="utf-8"))
        for key in sorted(truth):
            data = gzip.decompress((Path(aeb) / "html" / f"{key}.html.gz").read_bytes())
            pages.append((truth[key].get("url") or f"https://aeb.example/{key}", data))
    if traf:
        for path in sorted(Path(traf).glob("*.html")):
            pages.append((f"https://trafilatura-eval.example/{quote(path.stem)}", path.read_bytes()))
    seen: set[bytes] = set()
    distinct = []
    for url, data in pages:
        if data not in seen:
            seen.add(data)
            distinct.append((url, data))
    return distinct


def write_warc(dest: Path, pages: list[tuple[str, bytes]], responses: int) -> int:
    """A CC-NEWS-like archive of ``responses`` response records; returns how many are repeats."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with dest.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(dest.name, {"software": "newsprism bench_warc",
                                                                      "format": "WARC File Format 1.0"}))
        for i in range(responses):
            url, data = pages[i % len(pages)]
            if i >= len(pages):
                url = f"{url}{'&' if '?' in url else '?'}repeat={i // len(pages)}"
            request = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(request)))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(data), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-05-06T10:00:00Z"}))
    return max(0, responses - len(pages))


def _child(path: str) -> None:
    """Read one archive as `newsprism ingest` does; print one JSON line of figures."""
    import resource

    import trafilatura  # noqa: F401  (loaded before the first record: its memory is the baseline)

    from newsprism.ingest import build_document, read_sources
    from newsprism.model import RawSource

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    articles = rejects = 0
    reasons: dict[str, int] = {}
    for item in read_sources([path]):
        if isinstance(item, RawSource):
            build_document(item)
            articles += 1
        else:
            rejects += 1
            key = item.reason.split(" (")[0][:60]
            reasons[key] = reasons.get(key, 0) + 1
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    from warcio.archiveiterator import ArchiveIterator

    start = time.perf_counter()
    with open(path, "rb") as stream:
        records = sum(1 for r in ArchiveIterator(stream) if r.content_stream().read() is not None)
    warcio_seconds = time.perf_counter() - start
    print(json.dumps({"articles": articles, "rejects": rejects, "reasons": reasons, "seconds": seconds,
                      "records": records, "warcio_seconds": warcio_seconds, "base_kb": base, "peak_kb": peak}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aeb", default=os.environ.get("NEWSPRISM_AEB"), help="article-extraction-benchmark folder")
    parser.add_argument("--trafilatura-eval", default=os.environ.get("NEWSPRISM_TRAF_EVAL"),
                        help="folder of trafilatura's tests/eval/*.html pages")
    parser.add_argument("--sizes", default="250,1000", help="response records per archive, comma-separated")
    parser.add_argument("--out", default="/tmp/newsprism-bench-warc", help="where the archives are written")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return 0
    pages = load_pages(args.aeb, args.trafilatura_eval)
    if not pages:
        print("bench_warc: no pages; pass --aeb and/or --trafilatura-eval (see this file's docstring)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    print(f"{len(pages)} distinct real pages")
    print(f"{'responses':>9} {'records':>7} {'repeats':>7} {'file MB':>8} {'articles':>8} {'rejects':>7} "
          f"{'rec/s':>6} {'art/s':>6} {'warcio rec/s':>12} {'RSS before MB':>13} {'peak RSS MB':>11}")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for size in (int(s) for s in args.sizes.split(",")):
        path = out / f"cc-news-like-{size}.warc.gz"
        repeats = write_warc(path, pages, size)
        done = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True,
                              text=True, env=env, check=True)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        mb = path.stat().st_size / 1e6
        print(f"{size:>9} {r['records']:>7} {repeats:>7} {mb:>8.1f} {r['articles']:>8} {r['rejects']:>7} "
              f"{r['records'] / r['seconds']:>6.1f} {r['articles'] / r['seconds']:>6.1f} "
              f"{r['records'] / r['warcio_seconds']:>12.0f} {r['base_kb'] / 1024:>13.0f} {r['peak_kb'] / 1024:>11.0f}")
        if r["reasons"]:
            print(f"{'':>9} rejects: {r['reasons']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
