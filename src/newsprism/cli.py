"""The `newsprism` command: a thin edge over the pipeline, the store and the server.

Exit codes: 0 everything read; 2 some inputs were rejected (the rest was analysed and stored);
1 nothing was stored (no readable input, a usage error, the store locked by another process or
failing). ``analyze`` and ``ingest`` open the store before reading any input, so a second writer
learns at once that the file is in use. Every message passes through ``terminal_safe``: a file
name cannot send escape sequences or bidi overrides to the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism.compare.embeddings import DEFAULT_KIND, EncoderKind
from newsprism.engines import EngineName
from newsprism.errors import NewsprismError, StoreLocked
from newsprism.extract.nlp import DEFAULT_MODEL
from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.terminal import terminal_safe

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

EXIT_OK, EXIT_FAILED, EXIT_REJECTED = 0, 1, 2


USAGE_ERROR: type[Exception] = typer.BadParameter.__base__  # click's UsageError, as typer vendors it


class _Commands(TyperGroup):
    """The command group: a usage error (unknown option, missing argument) exits 1 like any run
    that stored nothing, so exit status 2 always means that some inputs were rejected."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _usage_exits_failed():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with _usage_exits_failed():
            return super().invoke(ctx)


@contextmanager
def _usage_exits_failed() -> Iterator[None]:
    try:
        yield
    except USAGE_ERROR as exc:
        exc.exit_code = EXIT_FAILED  # type: ignore[attr-defined]
        raise


app = typer.Typer(
    name="newsprism",
    cls=_Commands,
    help=(
        "Read many outlets' coverage of one event and turn it into one cross-checked account.\n\n"
        "Example:\n\n"
        "    newsprism analyze examples/riyadh-2025-02-18 --out out/riyadh"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        from newsprism import __version__

        typer.echo(f"newsprism {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    pass


err = Console(stderr=True, highlight=False, markup=False, emoji=False, soft_wrap=True)
out = Console(highlight=False, markup=False, emoji=False, soft_wrap=True)

Paths = Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .html, .jsonl, .warc[.gz]).")]
DbOpt = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: DIR/newsprism.duckdb).")]
ModelOpt = Annotated[str, typer.Option("--model", help="spaCy pipeline package or path.")]
_D = DEFAULT_LIMITS
MaxBytes = Annotated[int, typer.Option("--max-bytes", min=1, help="Bytes read from one file or WARC record.")]
MaxExpanded = Annotated[int, typer.Option("--max-expanded-bytes", min=1,
                                          help="Bytes a .warc.gz may expand to.")]
MaxExpansion = Annotated[float, typer.Option("--max-expansion", min=1.0,
                                            help="Times its compressed size a .warc.gz may expand to.")]
MaxChars = Annotated[int, typer.Option("--max-chars", min=1, max=5_000_000, help="Characters of one article's text.")]
MaxMarkup = Annotated[int, typer.Option("--max-markup", min=1, help="Tags plus attributes in one HTML page.")]
MaxAttributes = Annotated[int, typer.Option("--max-attributes", min=1, help="Attributes in one HTML tag.")]
MaxSeconds = Annotated[float, typer.Option("--max-seconds", min=0.001, help="Seconds one archive may take to read.")]
MaxTokenChars = Annotated[int, typer.Option("--max-token-chars", min=1,
                                            help="Longer runs without a space are left out of the analysis.")]
EncoderOpt = Annotated[EncoderKind, typer.Option(
    "--encoder", envvar="NEWSPRISM_ENCODER",
    help="Sentence encoder that aligns claims: the static table distilled from all-MiniLM-L6-v2, "
         "or the transformer itself (finer on paraphrases, about 100x slower).")]


VerifierOpt = Annotated[EncoderKind, typer.Option(
    "--verifier", envvar="NEWSPRISM_VERIFIER",
    help="What decides that a sentence supports a claim: the all-MiniLM-L6-v2 transformer (default), "
         "or the static table at a stricter threshold (much faster on large runs, fewer supports).")]


def _cores() -> int:
    """The CPU cores this process may run on: the local engine parses in that many processes."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _say(console: Console, line: str) -> None:
    console.print(terminal_safe(line))


def _fail(message: str) -> typer.Exit:
    _say(err, f"newsprism: {message}")
    return typer.Exit(EXIT_FAILED)


def _report_rejected(rejected: tuple) -> None:
    for r in rejected:
        _say(err, f"newsprism: rejected {r.source}: {r.reason}")


class _Bars:
    """A rich progress display fed by the pipeline's progress callback."""

    def __init__(self) -> None:
        self.progress = Progress(
            TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, transient=False, disable=not err.is_terminal and "NEWSPRISM_PROGRESS" not in os.environ,
        )
        self.tasks: dict[str, int] = {}

    def __call__(self, stage: str, advance: int, total: int | None) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(terminal_safe(stage), total=total)
        elif total is not None:
            self.progress.update(self.tasks[stage], total=total)
        if advance:
            self.progress.advance(self.tasks[stage], advance)


@app.command()
def analyze(
    paths: Paths,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for analysis.json and report.html.")],
    db: DbOpt = None,
    model: ModelOpt = DEFAULT_MODEL,
    max_bytes: MaxBytes = _D.max_bytes,
    max_expanded_bytes: MaxExpanded = _D.max_expanded_bytes,
    max_expansion: MaxExpansion = _D.max_expansion,
    max_chars: MaxChars = _D.max_chars,
    max_markup: MaxMarkup = _D.max_markup,
    max_attributes: MaxAttributes = _D.max_attributes,
    max_seconds: MaxSeconds = _D.max_seconds,
    max_token_chars: MaxTokenChars = _D.max_token_chars,
    encoder: EncoderOpt = DEFAULT_KIND,
    verifier: VerifierOpt = "transformer",
    engine: Annotated[EngineName, typer.Option(
        "--engine", help="Where the stages run: in this process (local), or spread over the processes "
        "of a Ray cluster (ray; needs the extra newsprism[ray]). Both give the same analysis.")] = "local",
    address: Annotated[str | None, typer.Option(
        "--address", help="With --engine ray: the Ray cluster to join (HEAD:6379); "
        "without it a local Ray is started on this machine.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="With --engine ray: extract workers, each loading the model once "
        "(default: the cluster's CPUs); a local Ray gets this many CPUs.")] = None,
) -> None:
    """Analyse articles: write DIR/analysis.json, DIR/report.html and store all in DuckDB.

    Example:

        newsprism analyze examples/riyadh-2025-02-18 --out out/riyadh
    """
    from newsprism.engines import open_engine
    from newsprism.export import write_outputs
    from newsprism.pipeline import Options, release_models
    from newsprism.store import Store
    from newsprism.workflow import analyze_into_store

    if engine != "ray" and (address is not None or workers is not None):
        raise _fail("--address and --workers apply to --engine ray only")
    try:
        limits = Limits(max_bytes, max_expanded_bytes, max_expansion, max_chars, max_markup, max_attributes,
                        max_seconds, max_token_chars)
        with Store(db or out_dir / "newsprism.duckdb") as store:  # the lock first, then the work
            with open_engine(engine, address=address, workers=workers) as runner:
                bars = _Bars()
                with bars.progress:
                    ingested = runner.ingest(paths, limits, bars)
                    _report_rejected(ingested.rejected)
                    if not ingested.documents:
                        raise _fail("no readable article in the given paths")
                    analysis = analyze_into_store(
                        ingested.documents, store, Options(model=model, encoder=encoder, verifier=verifier, processes=_cores()), progress=bars,
                        rejected=ingested.rejected, engine=runner,
                    )
                    release_models()  # a one-off run: the outputs are written without them
                    json_path, html_path = write_outputs(analysis, out_dir, progress=bars)
    except NewsprismError as exc:
        raise _fail(str(exc)) from exc
    _say(out,
         f"Analysed {len(analysis.documents)} documents in {len(analysis.stories)} stories: "
         f"{len(analysis.entities)} actors, {len(analysis.quotes)} quotes, {len(analysis.events)} events, "
         f"{len(analysis.claims)} claims, {len(analysis.discrepancies)} discrepancies.")
    _say(out, f"Report: {html_path}")
    _say(out, f"JSON:   {json_path}")
    if ingested.rejected:
        _say(out, f"Rejected {len(ingested.rejected)} input(s); see the lines above.")
        raise typer.Exit(EXIT_REJECTED)


@app.command("ingest")
def ingest_cmd(
    paths: Paths,
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to store documents in.")] = Path("newsprism.duckdb"),
    max_bytes: MaxBytes = _D.max_bytes,
    max_expanded_bytes: MaxExpanded = _D.max_expanded_bytes,
    max_expansion: MaxExpansion = _D.max_expansion,
    max_chars: MaxChars = _D.max_chars,
    max_markup: MaxMarkup = _D.max_markup,
    max_attributes: MaxAttributes = _D.max_attributes,
    max_seconds: MaxSeconds = _D.max_seconds,
    max_token_chars: MaxTokenChars = _D.max_token_chars,
) -> None:
    """Read and clean articles and store the documents only (no analysis).

    Example:

        newsprism ingest examples/riyadh-2025-02-18 --db news.duckdb
    """
    from newsprism.model import Analysis
    from newsprism.pipeline import ingest
    from newsprism.store import Store

    try:
        limits = Limits(max_bytes, max_expanded_bytes, max_expansion, max_chars, max_markup, max_attributes,
                        max_seconds, max_token_chars)
        with Store(db) as store:  # the lock first, then the work
            ingested = ingest(paths, limits)
            _report_rejected(ingested.rejected)
            if not ingested.documents:
                raise _fail("no readable article in the given paths")
            result = store.save(Analysis(documents=ingested.documents, rejected=ingested.rejected))
    except NewsprismError as exc:
        raise _fail(str(exc)) from exc
    _say(out,
         f"Stored {result.added['documents']} new documents "
         f"({len(ingested.documents) - result.added['documents']} already stored) in {db}")
    if ingested.rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def export(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file written by analyze.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for analysis.json and report.html.")],
    story: Annotated[str | None, typer.Option("--story", help="Only this story id.")] = None,
) -> None:
    """Write analysis.json and report.html from the database.

    Example:

        newsprism export --db out/riyadh/newsprism.duckdb --out out/export
    """
    from newsprism.export import write_outputs
    from newsprism.store import Store

    if not db.exists():
        raise _fail(f"{db}: no such database")
    try:
        bars = _Bars()
        with bars.progress:
            with Store(db, read_only=True) as store:
                bars("loading", 0, 1)
                analysis = store.load_analysis(story=story)
                bars("loading", 1, None)
            json_path, html_path = write_outputs(analysis, out_dir, progress=bars)
    except NewsprismError as exc:
        raise _fail(str(exc)) from exc
    _say(out, f"Report: {html_path}")
    _say(out, f"JSON:   {json_path}")


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to serve.")] = Path("newsprism.duckdb"),
    create: Annotated[bool, typer.Option("--create", help="Make a new, empty store if --db does not exist.")] = False,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    model: ModelOpt = DEFAULT_MODEL,
    encoder: EncoderOpt = DEFAULT_KIND,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Another name clients may use for this server in the Host header "
        "(repeatable; '*' accepts any). Always accepted: 127.0.0.1, localhost, [::1] and --host.")] = None,
) -> None:
    """Start the REST API and web UI over the DuckDB store.

    Example:

        newsprism serve --db out/riyadh/newsprism.duckdb --port 8000
    """
    from newsprism.api.server import run

    if not db.exists() and not create:
        raise _fail(f"{db}: no such database (pass --create to start a new, empty one there)")
    try:
        run(db=db, host=host, port=port, model=model, encoder=encoder, allow_hosts=tuple(allow_host or ()))
    except NewsprismError as exc:
        raise _fail(str(exc)) from exc


@app.command()
def token(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file whose write token to replace.")],
) -> None:
    """Make a new write token for the API over this database; the old token stops working.

    The new token is printed once; only its hash is stored. Stop `newsprism serve` first: the
    server holds the file while it runs.

    Example:

        newsprism token --db out/riyadh/newsprism.duckdb
    """
    from newsprism.api.auth import issue_token
    from newsprism.store import Store

    if not db.exists():
        raise _fail(f"{db}: no such database")
    try:
        with Store(db) as store:
            new = issue_token(store)
    except StoreLocked as exc:
        raise _fail(f"{exc} (if `newsprism serve` runs over it, stop it first)") from exc
    except NewsprismError as exc:
        raise _fail(str(exc)) from exc
    _say(err, "newsprism: new write token for this database (shown once, keep it; the old one no longer works):")
    _say(out, new)
