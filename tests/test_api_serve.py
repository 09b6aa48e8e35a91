"""`newsprism serve` as a user runs it: a subprocess that prints the write token once, keeps only
its hash in the database, and answers on loopback."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from test_api_support import free_port

from newsprism.store import Store

ARTICLE = {"text": "The city library extended its opening hours to 10 p.m. on weekdays, officials said.\n",
           "outlet": "Town Crier"}


@contextmanager
def serving(db: Path) -> Iterator[tuple[str, list[str]]]:
    port = free_port()
    cmd = [str(Path(sys.executable).with_name("newsprism")), "serve", "--db", str(db), "--port", str(port)]
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
