"""Writing an analysis out: analysis.json (validated against the shipped JSON Schema) and report.html."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsprism.model import Analysis, analysis_to_json


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The output contract as a JSON Schema (draft 2020-12), shipped in the package."""
    text = resources.files("newsprism.schema").joinpath("analysis.schema.json").read_text("utf-8")
    return json.loads(text)


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when ``data`` breaks the contract."""
    import jsonschema

    jsonschema.Draft202012Validator(schema()).validate(data)


def dumps(analysis: Analysis) -> str:
    """analysis.json's text: deterministic (stable key order, no timestamps)."""
    data = analysis_to_json(analysis)
    validate(data)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_outputs(analysis: Analysis, out_dir: str | Path,
                  progress: Callable[[str, int, int | None], None] | None = None) -> tuple[Path, Path]:
    """Write DIR/analysis.json and DIR/report.html; return both paths. ``progress(stage, advance,
    total)`` (the pipeline's callback) hears of each file as stage "report"."""
    from newsprism.report import render_report

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    json_path = out / "analysis.json"
    html_path = out / "report.html"
    if progress is not None:
        progress("report", 0, 2)
    _write_atomic(json_path, dumps(analysis))
    if progress is not None:
        progress("report", 1, None)
    _write_atomic(html_path, render_report(analysis))
    if progress is not None:
        progress("report", 1, None)
    return json_path, html_path


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
