"""analysis.json's contract check (``export.validate``): jsonschema-rs checks, jsonschema names the fault."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from compare_fixtures import FIRE_A, doc

from newsprism.export import _checker, schema, validate
from newsprism.model import Analysis, analysis_to_json


@pytest.fixture(scope="module")
def valid() -> dict:
    return analysis_to_json(Analysis(documents=(doc(FIRE_A, "Dunmore Herald", "2024-05-15"),)))


def test_a_valid_analysis_passes(valid: dict) -> None:
    validate(valid)


def _broken(valid: dict, how: str) -> dict:
    data = copy.deepcopy(valid)
    d = data["documents"][0]
    if how == "missing field":
        del d["sha256"]
    elif how == "pattern":
        d["sha256"] = "ABC"
    elif how == "pattern before a newline":  # Python's `$` matches before a final newline
        d["sha256"] = "a" * 64 + "\n"
    elif how == "enum":
        d["genre"] = "gossip"
    elif how == "type":
        d["authors"] = "Jane Doe"
    elif how == "boolean for an integer":
        d["body"]["start"] = True
    elif how == "minimum":
        d["body"]["end"] = -1
    elif how == "missing list":
        del data["claims"]
    return data


@pytest.mark.parametrize("how", ["missing field", "pattern", "enum", "type", "boolean for an integer",
                                 "minimum", "missing list"])
def test_a_fault_raises_jsonschemas_error(valid: dict, how: str) -> None:
    data = _broken(valid, how)
    assert not _checker().is_valid(data)  # the compiled check sees it
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_what_jsonschema_lets_pass_passes(valid: dict) -> None:
    """A value that only the compiled check refuses (a final newline after a pattern's `$`):
    jsonschema checks again and, as before, it passes."""
    data = _broken(valid, "pattern before a newline")
    assert not _checker().is_valid(data)
    jsonschema.Draft202012Validator(schema()).validate(data)
    validate(data)
