"""`newsprism serve` as a user runs it: a subprocess that prints the write token once, keeps only
its hash in the database, answers on loopback, and lets `newsprism export` read the file meanwhile."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from test_api_support import council_analysis, free_port

from newsprism.store import Store

ARTICLE = {"text": "The city library extended its opening hours to 10 p.m. on weekdays, officials said.\n",
           "outlet": "Town Crier"}


@contextmanager
def serving(db: Path) -> Iterator[tuple[str, list[str]]]:
    port = free_port()
    cmd = [str(Path(sys.executable).with_name("newsprism")), "serve", "--db", str(db), "--port", str(port),
           "--create"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        while not any("serving" in line for line in lines):
            line = proc.stdout.readline()
            assert line, f"serve exited: {''.join(lines)}"
            lines.append(line)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:  # a refused connection or an error status: try again until the deadline
            try:
                if httpx.get(url + "/api/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not answer"
            time.sleep(0.1)
        yield url, lines
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow  # starts the command twice (~8 s)
def test_token_printed_once_hash_stored_and_writes_guarded(tmp_path: Path) -> None:
    db = tmp_path / "served.duckdb"
    with serving(db) as (url, lines):
        shown = [line.strip() for line in lines if line.startswith("  ")]
        assert len(shown) == 1 and len(shown[0]) >= 40
        token = shown[0]
        api = url + "/api/v1/articles?analyze=false"
        assert httpx.post(api, json=ARTICLE, timeout=60).status_code == 401
        ok = httpx.post(api, json=ARTICLE, headers={"Authorization": f"Bearer {token}"}, timeout=60)
        assert ok.status_code == 202, ok.text
        page = httpx.get(url + "/")
        assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    with Store(db, read_only=True) as store:
        stored = store.get_secret("api_token_scrypt") or ""
        assert stored.startswith("scrypt$") and token not in stored
        assert store.count("documents") == 1
    with serving(db) as (url, lines):
        assert not any(line.startswith("  ") for line in lines)  # not shown again
        assert any("already set" in line for line in lines)
        again = httpx.post(url + "/api/v1/articles?analyze=false", json=ARTICLE,
                           headers={"Authorization": f"Bearer {token}"}, timeout=60)
        assert again.status_code == 202 and again.json()["added"] == 0


def newsprism(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    exe = str(Path(sys.executable).with_name("newsprism"))
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=timeout)


def test_export_reads_while_serve_runs_and_writers_wait_their_turn(tmp_path: Path) -> None:
    db = tmp_path / "shared.duckdb"
    with Store(db) as store:
        store.save(council_analysis())
    with serving(db) as (url, lines):
        token = next(line.strip() for line in lines if line.startswith("  "))
        exported = newsprism("export", "--db", str(db), "--out", str(tmp_path / "out"))
        assert exported.returncode == 0, exported.stderr
        data = json.loads((tmp_path / "out" / "analysis.json").read_text("utf-8"))
        assert len(data["documents"]) == 3
        # a second writer is told at once, before it reads any input
        src = tmp_path / "in"
        src.mkdir()
        (src / "a.txt").write_text(ARTICLE["text"], encoding="utf-8")
        started = time.monotonic()
        second = newsprism("ingest", str(src), "--db", str(db))
        assert second.returncode == 1 and "in use by another process" in second.stderr, second.stderr
        assert time.monotonic() - started < 30
        # a reader in another process holds the file for a moment: the server's write waits for it
        with Store(db, read_only=True) as reader:
            release = threading.Timer(1.0, reader.close)
            release.start()
            added = httpx.post(url + "/api/v1/articles?analyze=false", json=ARTICLE,
                               headers={"Authorization": f"Bearer {token}"}, timeout=60)
            release.join()
        assert added.status_code == 202, added.text
        assert httpx.get(url + "/api/v1/stats").json()["documents"] == 4
        again = newsprism("export", "--db", str(db), "--out", str(tmp_path / "out2"))
        assert again.returncode == 0, again.stderr
        assert len(json.loads((tmp_path / "out2" / "analysis.json").read_text("utf-8"))["documents"]) == 4
