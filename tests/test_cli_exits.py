"""Exit codes, the store lock taken before any work, and terminal-safe messages, through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Store
from newsprism.terminal import terminal_safe

runner = CliRunner()
GOOD = ("GENEVA - Negotiators from both delegations met for six hours on Monday, officials said.\n\n"
        "The talks will resume next week in the same hotel, the organisers told reporters.\n")


def folder(tmp_path: Path, **files: str) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def rejected_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("newsprism: rejected")]


def test_ingest_exit_codes(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    ok = runner.invoke(app, ["ingest", str(folder(tmp_path, **{"good.txt": GOOD})), "--db", str(db)])
    assert ok.exit_code == 0, ok.output
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "good.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    (mixed / "empty.txt").write_text("", encoding="utf-8")
    some = runner.invoke(app, ["ingest", str(mixed), "--db", str(db)])
    assert some.exit_code == 2 and len(rejected_lines(some.output)) == 1, some.output
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 4)
    none = runner.invoke(app, ["ingest", str(bad), "--db", str(db)])
    assert none.exit_code == 1, none.output
    assert len(rejected_lines(none.output)) == 2 and "no readable article" in none.output
    with Store(db, read_only=True) as store:
        assert store.count("documents") == 2 and store.count("rejected") == 1  # the failed run stored nothing


@contextmanager
def held(db: Path) -> Iterator[None]:
    """``db`` opened to write by another process until the block ends."""
    code = f"from newsprism.store import Store\nimport sys, time\ns = Store({str(db)!r})\nprint('held', flush=True)\n" \
           "sys.stdin.read()\n"
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)


def test_a_second_writer_learns_of_the_lock_before_reading_anything(tmp_path: Path) -> None:
    src = folder(tmp_path, **{"good.txt": GOOD, "empty.txt": ""})
    db = tmp_path / "news.duckdb"
    with held(db):
        for args in (["ingest", str(src), "--db", str(db)], ["analyze", str(src), "--out", str(tmp_path / "o"),
                                                               "--db", str(db)]):
            started = time.monotonic()
            result = runner.invoke(app, args)
            assert result.exit_code == 1, result.output
            assert "in use by another process" in result.output and "PID" in result.output
            assert rejected_lines(result.output) == []  # refused before any input was read
            assert time.monotonic() - started < 10
    assert runner.invoke(app, ["ingest", str(src), "--db", str(db)]).exit_code == 2  # free again


def test_file_names_cannot_drive_the_terminal(tmp_path: Path) -> None:
    nasty = "report\x1b[2J\x1b]0;owned\x07\u202etxt.exe\u200b\x9b.txt"
    src = folder(tmp_path, **{"good.txt": GOOD, nasty: ""})
    db = tmp_path / "db\x1b[31m\u2067.duckdb"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 2, result.output
    for raw in ("\x1b", "\x07", "\u202e", "\u200b", "\x9b", "\u2067"):
        assert raw not in result.output, repr(raw)
    line, = rejected_lines(result.output)
    assert "report\\x1b[2J\\x1b]0;owned\\x07\\u202etxt.exe\\u200b\\x9b.txt" in line
    assert "db\\x1b[31m\\u2067.duckdb" in result.output  # the "Stored ... in DB" line
    markup = tmp_path / "[bold red]x[/] :smile:.duckdb"
    shown = runner.invoke(app, ["ingest", str(src), "--db", str(markup)])
    assert "[bold red]x[/] :smile:.duckdb" in shown.output  # rich markup and emoji codes stay text


def test_terminal_safe_escapes_controls_bidi_invisibles_and_undecodable_bytes() -> None:
    assert terminal_safe("plain/path é 漢字.txt") == "plain/path é 漢字.txt"
    assert terminal_safe("a\x1b[0mb\tc\nd\r") == "a\\x1b[0mb\\x09c\\x0ad\\x0d"
    assert terminal_safe("\u202a\u202e\u2066\u2069\u200e\u061c\ufeff\u2028\U000e0041") == (
        "\\u202a\\u202e\\u2066\\u2069\\u200e\\u061c\\ufeff\\u2028\\U000e0041")
    assert terminal_safe(os.fsdecode(b"caf\xe9\xff.txt")) == "caf\\xe9\\xff.txt"
    assert terminal_safe("\x85\x9b\x7f") == "\\x85\\x9b\\x7f"


def test_usage_errors_exit_1_not_2(tmp_path: Path) -> None:
    """2 means "some inputs were rejected", so a usage error (nothing was done) is 1."""
    for args in (["analyze", str(tmp_path)], ["analyze", "--bogus"], ["ingest"], ["nosuch"], ["serve", "--port", "x"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, (args, result.output)
    assert runner.invoke(app, ["ingest", "--help"]).exit_code == 0
