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


def dumps(analysis: Analysis) -> str:
    """analysis.json's text: deterministic (stable key order, no timestamps)."""
    data = analysis_to_json(analysis)
    validate(data)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_outputs(analysis: Analysis, out_dir: str | Path, progress: Progress | None = None) -> tuple[Path, Path]:
    """Write DIR/analysis.json and the report (``write_report``); return the paths of
    analysis.json and report.html. ``progress`` hears of each file as the stage "writing"."""
    if progress is None:
        progress = _silent
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    json_path = out / "analysis.json"
    progress("writing", 0, 2)
    _write_atomic(json_path, dumps(analysis))
    progress("writing", 1, None)
    html_path = write_report(analysis, out)
    progress("writing", 1, None)
    return json_path, html_path


def write_report(analysis: Analysis, out_dir: str | Path) -> Path:
    """Write DIR/report.html and, for several stories, a page per story in DIR/stories/ (story
    pages of an earlier report there that are no longer part of it are removed); return the
    path of report.html."""
    from newsprism.report import INDEX, STORY_DIR, render_pages

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pages = render_pages(analysis)
    stories = out / STORY_DIR
    if len(pages) > 1:
        stories.mkdir(exist_ok=True)
    for rel, text in sorted(pages.items()):
        if rel != INDEX:
            _write_atomic(out / rel, text)
    _remove_stale(stories, {out / rel for rel in pages})
    html_path = out / INDEX
    _write_atomic(html_path, pages[INDEX])  # last: the index links only to pages already written
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
