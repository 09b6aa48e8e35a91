"""The edges of the command: --version, `token` (a new write token; the old one stops working,
checked through the real API on loopback), `serve` refusing a database that does not exist,
the plain-words 401, and progress that goes on through saving and writing the outputs."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import httpx
import pytest
from test_api_support import LiveServer
from test_cli_exits import GOOD, folder, held
from typer.testing import CliRunner

from newsprism.api.auth import issue_token
from newsprism.cli import app
from newsprism.store import Store

runner = CliRunner()
ARTICLE = {"text": "The city library extended its opening hours to 10 p.m. on weekdays, officials said.\n",
           "outlet": "Town Crier"}


def test_version_is_the_installed_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"newsprism {version('newsprism')}\n"


def test_serve_refuses_a_database_that_does_not_exist(tmp_path: Path) -> None:
    db = tmp_path / "typo.duckdb"
    result = runner.invoke(app, ["serve", "--db", str(db), "--port", "1"])
    assert result.exit_code == 1
    line, = result.output.splitlines()
    assert line.startswith("newsprism: ") and str(db) in line and "no such database" in line and "--create" in line
    assert not db.exists()


def post(url: str, token: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(url + "/api/v1/articles?analyze=false", json=ARTICLE, headers=headers, timeout=60)


def test_token_replaces_the_write_token_and_the_old_one_stops_working(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        old = issue_token(store)
    result = runner.invoke(app, ["token", "--db", str(db)])
    assert result.exit_code == 0, result.output
    new = result.stdout.strip()  # the token alone on stdout, the explanation on stderr
    assert len(new) == 43 and new != old and "old one no longer works" in result.stderr
    with LiveServer(db) as server:
        refused = post(server.url, old)
        assert refused.status_code == 401
        detail = refused.json()["detail"]
        assert "not valid" in detail and "newsprism token --db" in detail and "Authorization: Bearer" in detail
        missing = post(server.url, None)
        assert missing.status_code == 401
        detail = missing.json()["detail"]
        assert "none was sent" in detail and "newsprism serve" in detail and "newsprism token" in detail
        assert post(server.url, new).status_code == 202
    with Store(db, read_only=True) as store:
        assert store.count("documents") == 1


def test_token_needs_an_existing_database_that_no_one_else_holds(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["token", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no such database" in missing.output
    assert not (tmp_path / "none.duckdb").exists()
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        issue_token(store)
        before = store.get_secret("api_token_scrypt")
    with held(db):
        busy = runner.invoke(app, ["token", "--db", str(db)])
    assert busy.exit_code == 1 and "in use by another process" in busy.output and "stop it first" in busy.output
    with Store(db, read_only=True) as store:
        assert store.get_secret("api_token_scrypt") == before


@pytest.mark.slow  # loads the spaCy pipeline and runs an analysis
def test_progress_goes_on_through_saving_and_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_PROGRESS", "1")  # show the bars although stderr is not a terminal
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(folder(tmp_path, **{"good.txt": GOOD})), "--out", str(out)])
    assert result.exit_code == 0, result.output
    stages = [line.split()[0] for line in result.stderr.splitlines() if line.strip()]
    assert stages[-2:] == ["saving", "writing"] and "extract" in stages
    assert "2/2" in result.stderr.splitlines()[-1]
    exported = runner.invoke(app, ["export", "--db", str(out / "newsprism.duckdb"), "--out", str(tmp_path / "e")])
    assert exported.exit_code == 0, exported.output
    assert [line.split()[0] for line in exported.stderr.splitlines() if line.strip()] == ["loading", "writing"]
