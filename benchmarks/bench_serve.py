"""Loopback load test of the read API: requests/s and latency percentiles, every answer checked.

Starts ``newsprism serve`` in its own process over a DuckDB file (the demo corpus analysed into a
temporary database unless ``--db`` is given), fetches each URL once as the reference, then sends
``--requests`` GETs from a thread pool and checks each answer (status 200, same JSON as the
reference). Goal: >= 200 requests/s and p99 < 200 ms on 2 cores.

    .venv/bin/python benchmarks/bench_serve.py [--db FILE] [--requests 2000] [--threads 8]
"""

from __future__ import annotations

import argparse
import itertools
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "riyadh-2025-02-18"


def analysed_demo(folder: Path) -> Path:
    from newsprism.pipeline import ingest
    from newsprism.store import Store
    from newsprism.workflow import analyze_into_store

    db = folder / "bench.duckdb"
    with Store(db) as store:
        analyze_into_store(ingest([DEMO]).documents, store)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    exe = str(Path(sys.executable).with_name("newsprism"))
    proc = subprocess.Popen([exe, "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/v1/health").status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start")


def read_urls(client: httpx.Client) -> list[str]:
    stories = client.get("/stories").json()["items"]
    story = stories[0]["id"]
    doc = stories[0]["documents"][0]
    person = client.get("/entities", params={"type": "PERSON", "limit": 1}).json()["items"]
    urls = [
        "/stories", f"/stories/{story}", f"/claims?story={story}&limit=50", f"/claims?story={story}&contested=true",
        f"/quotes?story={story}&limit=20", f"/documents/{doc}", "/documents?limit=20", "/entities?type=PERSON&limit=50",
        f"/discrepancies?story={story}", "/outlets", f"/events?story={story}&limit=20", "/stats",
    ]
    if person:
        urls.append(f"/quotes?speaker={person[0]['id']}")
    return urls


def run(base: str, urls: list[str], n: int, threads: int, budget_s: float) -> dict[str, Any]:
    with httpx.Client(base_url=base + "/api/v1", timeout=30) as c:
        expected = {u: c.get(u).json() for u in urls}
    plan = list(itertools.islice(itertools.cycle(urls), n))
    clients = [httpx.Client(base_url=base + "/api/v1", timeout=30) for _ in range(threads)]
    deadline = time.monotonic() + budget_s

    def one(i: int) -> tuple[float, bool]:
        if time.monotonic() > deadline:
            return -1.0, True
        url = plan[i]
        t0 = time.perf_counter()
        r = clients[i % threads].get(url)
        elapsed = time.perf_counter() - t0
        return elapsed, r.status_code == 200 and r.json() == expected[url]

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(one, range(n)))
    wall = time.perf_counter() - t0
    for c in clients:
        c.close()
    lat = sorted(r[0] for r in results if r[0] >= 0)
    wrong = sum(1 for r in results if r[0] >= 0 and not r[1])
    return {
        "requests": len(lat), "wrong": wrong, "seconds": wall, "rps": len(lat) / wall,
        "p50_ms": 1000 * statistics.median(lat), "p99_ms": 1000 * lat[max(0, int(len(lat) * 0.99) - 1)],
        "max_ms": 1000 * lat[-1], "endpoints": len(urls),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="an analysed DuckDB file (default: analyse the demo corpus)")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--budget", type=float, default=120.0, help="stop sending after this many seconds")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or analysed_demo(Path(tmp))
        proc, base = start_server(db)
        try:
            with httpx.Client(base_url=base + "/api/v1", timeout=30) as c:
                urls = read_urls(c)
            res = run(base, urls, args.requests, args.threads, args.budget)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(f"{res['requests']} requests over {res['endpoints']} read endpoints, {args.threads} client threads: "
          f"{res['rps']:.0f} req/s, p50 {res['p50_ms']:.1f} ms, p99 {res['p99_ms']:.1f} ms, "
          f"max {res['max_ms']:.1f} ms, wrong answers: {res['wrong']}")
    ok = res["wrong"] == 0 and res["requests"] == args.requests
    goal = res["rps"] >= 200 and res["p99_ms"] < 200
    print(f"correct: {'yes' if ok else 'NO'}; goal (>=200 req/s, p99 < 200 ms): {'met' if goal else 'not met'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
