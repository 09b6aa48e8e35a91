"""The ray engine gives the local engine's analysis, byte for byte (ids included).

Ray runs locally with 2 CPUs. The demo corpus (one story of five documents) is compared with the
session's local run of it (``demo_run``); tests/data/grow (hand-written: a fire reported twice and
a school vote, then a third report of the fire that joins the stored story) checks several stories
compared in parts and a batch that makes a stored story grow, against the local engine on the
same store sequence.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import ray
from typer.testing import CliRunner

from newsprism.cli import app

GROW = Path(__file__).parent / "data" / "grow"

pytestmark = pytest.mark.slow


def analyze(*args: str) -> str:
    result = CliRunner().invoke(app, ["analyze", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_ray_engine_gives_the_local_analysis_of_the_demo(demo_run, demo_dir: Path, tmp_path: Path) -> None:
    local_out, code, output = demo_run
    assert code == 0, output
    assert not ray.is_initialized()  # the engine starts its own local Ray, and stops it
    analyze(str(demo_dir), "--out", str(tmp_path), "--engine", "ray", "--workers", "2")
    assert not ray.is_initialized()
    assert (tmp_path / "analysis.json").read_bytes() == (local_out / "analysis.json").read_bytes()


@pytest.fixture()
def running_ray():
    """A local Ray started by the test: the engine uses it and leaves it running."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_engine_gives_the_local_analysis_of_stories_that_grow(running_ray, tmp_path: Path) -> None:
    runs = {}
    for engine, options in (("local", []), ("ray", ["--engine", "ray", "--workers", "1"])):
        db = str(tmp_path / f"{engine}.duckdb")
        first = analyze(str(GROW / "batch1.jsonl"), "--out", str(tmp_path / engine / "1"), "--db", db, *options)
        second = analyze(str(GROW / "batch2.jsonl"), "--out", str(tmp_path / engine / "2"), "--db", db, *options)
        runs[engine] = [(tmp_path / engine / n / "analysis.json").read_bytes() for n in ("1", "2")]
        assert "in 2 stories" in first and "in 1 stories" in second  # the fire grew; the vote stayed
    assert ray.is_initialized()
    assert runs["ray"] == runs["local"]


def test_without_ray_the_engine_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets where it is not installed
    result = CliRunner().invoke(app, ["analyze", str(GROW), "--out", str(tmp_path), "--engine", "ray"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        'newsprism: the ray engine needs Ray, which is not installed: pip install "newsprism[ray]" '
        '(or pip install "ray[data]==2.60.0")']
    assert not (tmp_path / "analysis.json").exists()


def test_address_and_workers_belong_to_the_ray_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["analyze", str(GROW), "--out", str(tmp_path), "--workers", "2"])
    assert result.exit_code == 1
    assert "--address and --workers apply to --engine ray only" in result.output
