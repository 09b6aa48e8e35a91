"""Plain names for the discrepancy kinds and severities, for people rather than programs.

One place for the report and the web UI (served by the API at ``/api/v1/discrepancy-kinds``):
``resources/discrepancy_kinds.json`` names every ``model.DiscrepancyKind`` ("number" is
"Different figures", "name_spelling" "Spelling of a name") and says what each severity means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsprism.lang.resources import load_json

_FILE = "discrepancy_kinds.json"


@dataclass(frozen=True, slots=True)
class KindLabel:
    kind: str
    name: str  # a heading a reader understands: "Different figures"
    explain: str  # one sentence: what the outlets disagree about


def kind_label(kind: str) -> KindLabel:
    """The plain name of ``kind``; a kind the file does not know keeps its own name, made readable."""
    entry = load_json(_FILE)["kinds"].get(kind)
    if entry is None:
        return KindLabel(kind, kind.replace("_", " ").capitalize(), "")
    return KindLabel(kind, entry["name"], entry["explain"])


def severity_meaning(severity: str) -> str:
    """What a severity means to a reader ("can change what a reader believes happened")."""
    meaning: str = load_json(_FILE)["severity"].get(severity, "")
    return meaning


def labels_json() -> dict[str, Any]:
    """Every kind's name and explanation and every severity's meaning, as the API serves them."""
    data = load_json(_FILE)
    return {"kinds": {k: {"name": v["name"], "explain": v["explain"]} for k, v in data["kinds"].items()},
            "severity": dict(data["severity"])}
