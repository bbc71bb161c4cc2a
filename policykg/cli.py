"""The policykg command line: a thin layer over the library."""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from policykg.errors import PolicyKGError, StoreError
from policykg.extractors.readers import discover
from policykg.graph import export as exports
from policykg.graph.build import build_graph
from policykg.graph.query_library import get as get_query
from policykg.graph.query_library import library
from policykg.outputs import writable_file, writable_folder
from policykg.pipeline import extract as run_extract
from policykg.schema import Document, ExtractionResult

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="Chinese policy documents to a knowledge graph of obligations.")
err = Console(stderr=True)
out = Console()
DEFAULT_DB = Path("policykg.lbug")

Inputs = typer.Argument(..., help="Files (.txt, .md, .pdf, .ofd) or folders to read.")
DbOption = typer.Option(DEFAULT_DB, "--db", help="Embedded graph database file (the default store).")
PasswordOption = typer.Option(None, "--password", help="Password of encrypted PDFs.")
NerOption = typer.Option(True, "--ner/--no-ner", help="Use the spaCy pipeline for actors in running text.")
JobsOption = typer.Option(1, "--jobs", "-j", min=1, help="Processes to extract with (files, and pages of large PDFs).")
OcrOption = typer.Option("auto", "--ocr", help="OCR of scanned pages: auto (pages without text), always, never.")
DaskOption = typer.Option(None, "--dask", help="Run per-file work on a Dask cluster: a scheduler address "
                                               "(tcp://host:8786), or 'local' for a local cluster of --jobs workers.")
Neo4jOption = typer.Option(False, "--neo4j", help="Use Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, "
                                                  "NEO4J_DATABASE) instead of the embedded store.")


class OcrMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    neo4j_csv = "neo4j-csv"
    graphml = "graphml"


def extract_with_progress(inputs: list[Path], password: str | None = None, jobs: int = 1,
                          ner: bool = True, ocr: OcrMode = OcrMode.auto, dask: str | None = None) -> ExtractionResult:
    files, _ = discover(inputs)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, disable=not err.is_terminal) as progress:
        bar = progress.add_task("extracting", total=len(files))
        try:
            return run_extract(inputs, on_file=lambda path: progress.advance(bar), password=password, jobs=jobs,
                               ner=ner, ocr=OcrMode(ocr).value, dask=dask)
        except OSError as exc:  # only a Dask scheduler that cannot be reached gets here: files report their own
            err.print(f"[red]error[/red]: Dask scheduler {dask}: {exc}", highlight=False)
            raise typer.Exit(code=2) from None


def report_errors(result: ExtractionResult) -> None:
    for error in result.errors:
        where = f"{error.path}:{error.line}" if error.line else error.path
        err.print(f"[red]error[/red] [{error.code}] {where}: {error.message}", highlight=False)


@contextmanager
def store_errors():
    """A graph store that cannot be used (Neo4j unreachable, refused, incomplete load): its coded
    one-line error, exit 2."""
    try:
        yield
    except StoreError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None


def finish(result: ExtractionResult) -> None:
    if result.errors:
        raise typer.Exit(code=1)


def stop(exc: PolicyKGError, code: int = 2) -> NoReturn:
    """End the command on a coded error (2: could not run)."""
    err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=code)


def check_output(check, path: Path, option: str) -> None:
    """An output path checked before any work starts (exit 2 when it cannot be written)."""
    try:
        check(path, option)
    except PolicyKGError as exc:
        stop(exc)


@app.command()
def extract(inputs: list[Path] = Inputs,
            out_file: Path = typer.Option(..., "--out", "-o", help="JSON Lines file, one document per line."),
            password: str = PasswordOption, jobs: int = JobsOption, ner: bool = NerOption,
            ocr: OcrMode = OcrOption, dask: str = DaskOption) -> None:
    """Extract documents, tasks, owners and deadlines to JSON Lines.

    Example: policykg extract ../shared/corpus notice.pdf --out corpus.jsonl --jobs 2
    """
    check_output(writable_file, out_file, "--out")
    result = extract_with_progress(inputs, password, jobs, ner, ocr, dask)
    written = exports.write_jsonl(result.documents, out_file)
    report_errors(result)
    tasks = sum(len(d.tasks) for d in result.documents)
    err.print(f"{written} documents, {tasks} tasks, {len(result.errors)} errors -> {out_file}", highlight=False)
    finish(result)


@app.command()
def build(inputs: list[Path] = Inputs, db: Path = DbOption, neo4j: bool = Neo4jOption,
          password: str = PasswordOption, jobs: int = JobsOption, ner: bool = NerOption,
          ocr: OcrMode = OcrOption,
          allow_empty: bool = typer.Option(False, "--allow-empty",
                                           help="Replace the graph even when no document was extracted.")) -> None:
    """Extract, resolve agencies and citations, and load the graph (embedded by default, or Neo4j).

    Example: policykg build ../shared/corpus --db policykg.lbug
    """
    from policykg.graph.stores import embedded

    if not neo4j:
        check_output(embedded.check_target, db, "--db")
    result = extract_with_progress(inputs, password, jobs, ner, ocr)
    graph = build_graph(list(result.documents))
    report_errors(result)
    if neo4j:
        from policykg.graph.stores import neo4j_store

        with store_errors():
            loaded = neo4j_store.build(graph).check()
        target = (f"Neo4j {neo4j_store.where()} ({loaded.round_trips} round trips, {loaded.citations_moved} "
                  f"citations moved to arrived documents, {loaded.stubs_removed} stubs removed)")
    else:
        try:
            embedded.build(graph, db, allow_empty)
        except PolicyKGError as exc:
            stop(exc, code=1 if exc.code == "E704" else 2)
        target = str(db)
    counts = ", ".join(f"{k} {v}" for k, v in graph.counts().items())
    err.print(f"{len(result.documents)} documents, {len(result.errors)} errors -> {target}: {counts}",
              highlight=False)
    finish(result)


def parse_params(values: list[str]) -> dict[str, str]:
    params = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"expected KEY=VALUE, got {value!r}", param_hint="--param")
        params[key] = text
    return params


def render(columns: list[str], rows: list[list], fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        sys.stdout.write(json_text([dict(zip(columns, row)) for row in rows], indent=2) + "\n")
    elif fmt is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([json_text(v) if isinstance(v, (list, dict)) else v for v in row] for row in rows)
        sys.stdout.write(buffer.getvalue())
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*(cell(v) for v in row))
        (out if out.is_terminal else Console(width=200)).print(table)


def json_text(value, indent: int | None = None) -> str:
    """JSON of a result value: lists, nodes and paths as JSON; other values (intervals, …) as text."""
    return json.dumps(value, ensure_ascii=False, indent=indent, default=str)


MAX_CELL = 60


def cell(value) -> str:
    """A table cell: lists joined with 、, long texts cut (use --format json for everything)."""
    if value is None:
        return ""
    text = "、".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def reader_for(db: Path, neo4j: bool, allow_file_procedures: bool = False):
    """A read-only reader of the chosen store (a coded error when the database will not open)."""
    if neo4j:
        from policykg.graph.stores.neo4j_store import Neo4jReader

        with store_errors():
            return Neo4jReader(allow_file_procedures=allow_file_procedures)
    from policykg.graph.stores.embedded import EmbeddedReader

    return EmbeddedReader(db)


def open_reader(db: Path, neo4j: bool, allow_file_procedures: bool = False):
    """A read-only reader of the chosen store, or the end of the command (exit 2)."""
    try:
        return reader_for(db, neo4j, allow_file_procedures)
    except PolicyKGError as exc:
        stop(exc)


@app.command()
def query(cypher: str = typer.Argument(None, help="A Cypher query (read-only)."),
          name: str = typer.Option(None, "--name", help="A query of the library (see 'policykg queries')."),
          param: list[str] = typer.Option([], "--param", help="A query parameter KEY=VALUE (repeatable)."),
          fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
          db: Path = DbOption, neo4j: bool = Neo4jOption,
          allow_file_procedures: bool = typer.Option(
              False, "--allow-file-procedures",
              help="Neo4j only: let LOAD CSV and file or network procedures (apoc.load.*, apoc.export.*) run.")
          ) -> None:
    """Run a read-only Cypher query, given inline or by name from the query library; statements that
    write, touch files or change settings are refused (exit 2).

    Example: policykg query --name overdue_tasks --param as_of=2023-11-22 --format csv
    """
    if bool(cypher) == bool(name):
        raise typer.BadParameter("give either a CYPHER text or --name")
    store = "neo4j" if neo4j else "embedded"
    text = get_query(name).text(store) if name else cypher
    params = parse_params(param)
    reader = open_reader(db, neo4j, allow_file_procedures)
    try:
        with store_errors(), reader:
            columns, rows = reader.run(text, params)
    except typer.Exit:
        raise
    except PolicyKGError as exc:
        stop(exc)
    except Exception as exc:  # the database's own message: a syntax error, a refused write, …
        err.print(f"[red]query failed[/red]: {exc}", highlight=False)
        raise typer.Exit(code=2) from None
    render(columns, rows, fmt)


@app.command()
def queries() -> None:
    """List the query library: name, what it answers, parameters and an example.

    Example: policykg queries
    """
    table = Table("name", "answers", "params", "example")
    for q in library().values():
        table.add_row(q.name, q.answers, q.params, q.example)
    out.print(table)


@app.command()
def export(inputs: list[Path] = Inputs,
           fmt: ExportFormat = typer.Option(..., "--format", help="neo4j-csv (a neo4j-admin import bundle) or graphml."),
           out_dir: Path = typer.Option(..., "--out", help="Folder to write into.")) -> None:
    """Export the graph as a neo4j-admin import CSV bundle or as GraphML.

    Example: policykg export ../shared/corpus --format neo4j-csv --out import/
    """
    check_output(writable_folder, out_dir, "--out")
    result = extract_with_progress(inputs)
    graph = build_graph(list(result.documents))
    report_errors(result)
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt is ExportFormat.neo4j_csv:
        command = exports.write_neo4j_admin(graph, out_dir)
        err.print(f"wrote {out_dir}; import with (inside it):\n{command}\nthen, once the server has started:\n"
                  f"{exports.SCHEMA_STEP}", highlight=False)
    else:
        exports.write_graphml(graph, out_dir / "policykg.graphml")
        err.print(f"wrote {out_dir / 'policykg.graphml'}", highlight=False)
    finish(result)


class FailOn(str, Enum):
    red = "red"
    yellow = "yellow"
    never = "never"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


@app.command()
def report(db: Path = DbOption, neo4j: bool = Neo4jOption,
           as_of: datetime = typer.Option(None, "--as-of", formats=["%Y-%m-%d"],
                                          help="Date the report is for (default: today)."),
           previous: Path = typer.Option(None, "--previous", exists=True, dir_okay=False,
                                         help="A previous report.json: adds what changed since."),
           history_dir: Path = typer.Option(None, "--history",
                                            help="Folder of dated report-YYYY-MM-DD.json files: compare with the "
                                                 "latest one before --as-of, then add this report to it."),
           formats: str = typer.Option("md,html,json", "--format", help="Comma-separated: md, html, json."),
           out_dir: Path = typer.Option(..., "--out", help="Folder to write report.{md,html,json} into."),
           warn_days: int = typer.Option(14, "--warn-days", help="Yellow: due within this many days."),
           lang: Lang = typer.Option(Lang.zh, "--lang", help="Language of the report: zh (中文) or en."),
           fail_on: FailOn = typer.Option(FailOn.never, "--fail-on",
                                          help="Exit 1 when any task is red (overdue) or at least yellow.")) -> None:
    """Write the consistency report: overdue tasks per agency, ownerless and undated tasks, impossible
    deadlines, naming conflicts, citations to acquire or check, deadline slippage, merged duplicates.
    Exit 0: written; 1: written, and tasks at the --fail-on level found; 2: could not run.

    Example: policykg report --db policykg.lbug --history history/ --out report/ --fail-on red
    """
    from policykg.report.render import FORMATS

    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = set(chosen) - set(FORMATS)
    if unknown:
        raise typer.BadParameter(f"unknown format(s): {', '.join(sorted(unknown))}", param_hint="--format")
    if previous and history_dir:
        raise typer.BadParameter("give --previous or --history, not both", param_hint="--previous")
    check_output(writable_folder, out_dir, "--out")
    if history_dir:
        check_output(writable_folder, history_dir, "--history")
    try:
        result = write_report(db, neo4j, as_of.date() if as_of else date.today(), warn_days, previous, history_dir,
                              out_dir, chosen, lang.value)
    except typer.Exit:
        raise
    except PolicyKGError as exc:
        stop(exc)
    except Exception as exc:  # whatever the cause, "could not run" is exit 2: exit 1 means "found overdue"
        err.print(f"[red]error[/red] report could not run: {type(exc).__name__}: {exc}", highlight=False)
        raise typer.Exit(code=2) from None
    overdue = result.check("overdue").items
    red = sum(i.severity == "red" for i in overdue)
    yellow = sum(i.severity == "yellow" for i in overdue)
    err.print(", ".join(f"{c.name} {c.count}" for c in result.checks) + f" (red {red}, yellow {yellow})",
              highlight=False)
    if (fail_on is FailOn.red and red) or (fail_on is FailOn.yellow and red + yellow):
        raise typer.Exit(code=1)


def write_report(db: Path, neo4j: bool, day: date, warn_days: int, previous: Path | None, history_dir: Path | None,
                 out_dir: Path, formats: list[str], lang: str = "zh"):
    """Compare with the previous report (given, or the history's latest before `day`), write, keep."""
    from policykg.report import history
    from policykg.report.build import build_report
    from policykg.report.data import read
    from policykg.report.render import write

    earlier = previous or (history.previous(history_dir, day) if history_dir else None)
    before = history.load(earlier) if earlier else None
    with store_errors(), reader_for(db, neo4j) as reader:
        data = read(reader)
    result = build_report(data, day, warn_days, before, lang)
    written = write(result, out_dir, formats)
    if history_dir:
        written.append(history.keep(result, history_dir))
    for path in written:
        err.print(f"wrote {path}", highlight=False)
    if history_dir:
        err.print(f"compared with {earlier}" if earlier else f"first report in {history_dir}: nothing to compare",
                  highlight=False)
    return result


@app.command()
def bloom(out_dir: Path = typer.Option(..., "--out", help="Folder to write the perspective and style into.")) -> None:
    """Write the Neo4j Bloom perspective (policykg-perspective.json) and Browser style (policykg.grass).

    Example: policykg bloom --out bloom/
    """
    from policykg.graph import bloom as assets

    for path in assets.write(out_dir):
        err.print(f"wrote {path}", highlight=False)


@app.command("train-ner")
def train_ner(inputs: list[Path] = Inputs,
              out_dir: Path = typer.Option(None, "--out", help="Where to write the pipeline (default: the "
                                                                 "package's own policykg/nlp/model)."),
              seed: int = typer.Option(13, "--seed", help="Seed of the split by document and of training.")) -> None:
    """Train the agency NER on silver data (annotation units projected onto running text) and package
    the spaCy pipeline; held-out documents are chosen by seed.

    Example: policykg train-ner ../shared/corpus --seed 13
    """
    from policykg.nlp.train import MODEL_DIR, train

    sizes = train(inputs, out_dir or MODEL_DIR, seed)
    err.print(f"trained on {sizes['train']} sentences, {sizes['dev']} held out, {sizes['phrases']} gazetteer "
              f"phrases -> {out_dir or MODEL_DIR}", highlight=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the extracted Document record.

    Example: policykg schema > document.schema.json
    """
    sys.stdout.write(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
