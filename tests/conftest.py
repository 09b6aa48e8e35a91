"""Shared fixtures. Each model is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "riyadh-2025-02-18"
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def nlp():
    from newsprism.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO
