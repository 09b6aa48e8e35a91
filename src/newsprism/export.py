"""Writing an analysis out: analysis.json (validated against the shipped JSON Schema) and the HTML
report (report.html, with one page per story under stories/ when there are several)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.model import Analysis, analysis_to_json

if TYPE_CHECKING:
    from newsprism.pipeline import Progress


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The output contract as a JSON Schema (draft 2020-12), shipped in the package."""
    text = resources.files("newsprism.schema").joinpath("analysis.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _checker() -> Any:
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(schema())


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when ``data`` breaks the contract.

    The check runs in jsonschema-rs (compiled: a thousand articles' analysis in a tenth of a
    second, where jsonschema takes some twenty); only when it finds a fault does jsonschema
    check again, so the error raised is jsonschema's own, and a value that only the compiled
    check refuses (a final newline where a pattern ends in ``$``) passes as it did before."""
    if _checker().is_valid(data):
        return
    import jsonschema

    jsonschema.Draft202012Validator(schema()).validate(data)


def write_json(analysis: Analysis, path: Path) -> None:
    """analysis.json, validated, deterministic (stable key order, no timestamps), written to
    ``path`` atomically and as it is encoded: the whole text of a large analysis is never held
    at once."""
    data = analysis_to_json(analysis)
    validate(data)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    tmp.replace(path)


def write_outputs(analysis: Analysis, out_dir: str | Path, progress: Progress | None = None) -> tuple[Path, Path]:
    """Write DIR/analysis.json and the report (``write_report``); return the paths of
    analysis.json and report.html. ``progress`` hears of each file as the stage "writing"."""
    if progress is None:
        progress = _silent
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    json_path = out / "analysis.json"
    progress("writing", 0, 2)
    write_json(analysis, json_path)
    progress("writing", 1, None)
    html_path = write_report(analysis, out)
    progress("writing", 1, None)
    return json_path, html_path


def write_report(analysis: Analysis, out_dir: str | Path) -> Path:
    """Write DIR/report.html and, for several stories, a page per story in DIR/stories/ (story
    pages of an earlier report there that are no longer part of it are removed); return the
    path of report.html."""
    from newsprism.report import INDEX, STORY_DIR, iter_pages

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stories = out / STORY_DIR
    written: set[Path] = set()
    for rel, text in iter_pages(analysis):  # one page held at a time; the index comes last
        if rel == INDEX:
            _remove_stale(stories, written)
            break
        stories.mkdir(exist_ok=True)
        _write_atomic(out / rel, text)
        written.add(out / rel)
    html_path = out / INDEX
    _write_atomic(html_path, text)  # last: the index links only to pages already written
    return html_path


def _remove_stale(stories: Path, keep: set[Path]) -> None:
    """Remove the story pages of an earlier report (``*.html`` directly in ``stories``) that the
    new report does not have, and the folder when it is left empty."""
    if not stories.is_dir():
        return
    for path in stories.glob("*.html"):
        if path not in keep and path.is_file():
            path.unlink()
    if not any(stories.iterdir()):
        stories.rmdir()


def _silent(stage: str, advance: int, total: int | None) -> None:
    pass


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
