"""The policykg command line: a thin layer over the library."""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager, nullcontext
from datetime import date, datetime
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

import policykg
from policykg.errors import PolicyKGError, StoreError
from policykg.outputs import writable_file, writable_folder

if TYPE_CHECKING:
    from policykg.schema import ExtractionResult

# rich_markup_mode=None: click's plain help, without loading rich (startup under 0.3 s)
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  rich_markup_mode=None, help="Chinese policy documents to a knowledge graph of obligations.")


@cache
def console(stderr: bool = False):
    """rich's console, loaded on first use (it is not needed for --help)."""
    from rich.console import Console

    return Console(stderr=stderr)


def err():
    return console(stderr=True)


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


@contextmanager
def progress_bar(inputs: list[Path]):
    """A bar over the input files on a terminal; yields the callback that advances it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from policykg.extractors.readers import discover

    files, _ = discover(inputs)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err(), disable=not err().is_terminal) as progress:
        bar = progress.add_task("extracting", total=len(files))
        yield lambda path: progress.advance(bar)


def extract_with_progress(inputs: list[Path], password: str | None = None, jobs: int = 1, ner: bool = True,
                          ocr: OcrMode = OcrMode.auto, dask: str | None = None) -> ExtractionResult:
    with progress_bar(inputs) as advance, dask_errors(dask):
        return policykg.extract(inputs, on_file=advance, password=password, jobs=jobs, ner=ner,
                                ocr=OcrMode(ocr).value, dask=dask)


@contextmanager
def dask_errors(dask: str | None):
    """A Dask scheduler that cannot be reached ends the command (exit 2); files report their own errors."""
    try:
        yield
    except OSError as exc:
        if not dask:
            raise
        err().print(f"[red]error[/red]: Dask scheduler {dask}: {exc}", highlight=False)
        raise typer.Exit(code=2) from None


def report_errors(result: ExtractionResult) -> None:
    for error in result.errors:
        where = f"{error.path}:{error.line}" if error.line else error.path
        err().print(f"[red]error[/red] [{error.code}] {where}: {error.message}", highlight=False)


@contextmanager
def store_errors():
    """A graph store that cannot be used (Neo4j unreachable, refused, incomplete load): its coded
    one-line error, exit 2."""
    try:
        yield
    except StoreError as exc:
        err().print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None


def finish(result: ExtractionResult) -> None:
    if result.errors:
        raise typer.Exit(code=1)


def stop(exc: PolicyKGError, code: int = 2) -> NoReturn:
    """End the command on a coded error (2: could not run)."""
    err().print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
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
    """Extract documents, tasks, owners and deadlines to JSON Lines, each file's documents written as
    soon as it is parsed (duplicates merged at the end).

    Example: policykg extract ../shared/corpus notice.pdf --out corpus.jsonl --jobs 2
    """
    from policykg.extractors.readers import ReadOptions
    from policykg.graph.export import write_jsonl
    from policykg.pipeline import DaskRunner, ExtractOptions, stream
    from policykg.schema import ExtractionResult

    check_output(writable_file, out_file, "--out")
    errors: list = []
    options = ExtractOptions(read=ReadOptions(password=password, jobs=jobs, ocr=OcrMode(ocr).value), ner=ner)

    def documents(on_file):
        for result in stream(inputs, options, DaskRunner(dask, jobs) if dask else None, on_file=on_file):
            errors.extend(result.errors)
            yield from result.documents

    with progress_bar(inputs) as advance, dask_errors(dask):
        written = write_jsonl(documents(advance), out_file)
    report_errors(ExtractionResult(errors=tuple(errors)))
    err().print(f"{written.documents} documents, {written.tasks} tasks, {len(errors)} errors -> {out_file}",
                highlight=False)
    finish(ExtractionResult(errors=tuple(errors)))


@app.command()
def build(inputs: list[Path] = Inputs, db: Path = DbOption, neo4j: bool = Neo4jOption,
          password: str = PasswordOption, jobs: int = JobsOption, ner: bool = NerOption,
          ocr: OcrMode = OcrOption,
          allow_empty: bool = typer.Option(False, "--allow-empty",
                                           help="Replace the graph even when no document was extracted.")) -> None:
    """Extract, resolve agencies and citations, and load the graph (embedded by default, or Neo4j).

    Example: policykg build ../shared/corpus --db policykg.lbug
    """
    if not neo4j:
        from policykg.graph.stores.embedded import check_target

        check_output(check_target, db, "--db")
    result = extract_with_progress(inputs, password, jobs, ner, ocr)
    report_errors(result)
    try:
        with store_errors():
            built = policykg.build(result, db=None if neo4j else db, neo4j=neo4j, allow_empty=allow_empty)
    except PolicyKGError as exc:
        stop(exc, code=1 if exc.code == "E704" else 2)
    target = built.target
    if built.load:
        target += (f" ({built.load.round_trips} round trips, {built.load.citations_moved} citations moved to "
                   f"arrived documents, {built.load.stubs_removed} stubs removed)")
    counts = ", ".join(f"{k} {v}" for k, v in built.counts().items())
    err().print(f"{len(result.documents)} documents, {len(result.errors)} errors -> {target}: {counts}",
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
        writer.writerows([csv_value(v) for v in row] for row in rows)
        sys.stdout.write(buffer.getvalue())
    else:
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*(cell(v) for v in row))
        from rich.console import Console

        terminal = console()
        (terminal if terminal.is_terminal else Console(width=200)).print(table)


def json_text(value, indent: int | None = None) -> str:
    """JSON of a result value: lists, nodes and paths as JSON; other values (intervals, …) as text."""
    return json.dumps(value, ensure_ascii=False, indent=indent, default=str)


def csv_value(value):
    """A CSV field: nodes and paths as text (see `graph_text`), lists as JSON."""
    if isinstance(value, dict) and ("_NODES" in value or "_LABEL" in value):
        return graph_text(value)
    return json_text(value) if isinstance(value, (list, dict)) else value


NODE_NAME = ("caption", "name", "doc_number", "title", "text", "label")


def node_text(node: dict) -> str:
    """A node as "名称 (Label)": its caption, else its name, 文号, title or text."""
    name = next((node[k] for k in NODE_NAME if node.get(k)), "?")
    return f"{name} ({node.get('_LABEL')})"


def graph_text(value: dict) -> str:
    """A node, relationship or path as one readable line: 郑州市大数据局 (Agency) -LEADS- 推进… (Task)."""
    if "_NODES" not in value:
        return node_text(value) if "_SRC" not in value and "_START" not in value else f"-{value.get('_LABEL')}-"
    nodes, rels = value["_NODES"], value["_RELS"]
    parts = [node_text(nodes[0])]
    for rel, node in zip(rels, nodes[1:]):
        parts += [f"-{rel.get('_LABEL')}-", node_text(node)]
    return " ".join(parts)


MAX_CELL = 60


def cell(value) -> str:
    """A table cell: nodes and paths as readable text, lists joined with 、, long texts cut (use
    --format json for everything)."""
    if value is None:
        return ""
    if isinstance(value, dict) and ("_NODES" in value or "_LABEL" in value):
        return graph_text(value)
    text = "、".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def open_reader(db: Path, neo4j: bool, allow_file_procedures: bool = False):
    """A read-only reader of the chosen store, or the end of the command (exit 2)."""
    try:
        with store_errors():
            return policykg.open_store(None if neo4j else db, neo4j=neo4j,
                                       allow_file_procedures=allow_file_procedures)
    except PolicyKGError as exc:
        stop(exc)


def library_query(name: str, params: dict[str, str], store: str) -> tuple[str, dict[str, str]]:
    """The text and checked parameters of a library query, or one coded line with a suggestion (exit 2)."""
    from policykg.analysis.query_library import get

    try:
        query = get(name)
        return query.text(store), query.bind(params)
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
    params = parse_params(param)
    if name:
        cypher, params = library_query(name, params, "neo4j" if neo4j else "embedded")
    reader = open_reader(db, neo4j, allow_file_procedures)
    try:
        with store_errors(), reader:
            columns, rows = reader.run(cypher, params)
    except typer.Exit:
        raise
    except PolicyKGError as exc:
        stop(exc)
    except Exception as exc:  # the database's own message: a syntax error, a refused write, …
        err().print(f"[red]query failed[/red]: {exc}", highlight=False)
        raise typer.Exit(code=2) from None
    render(columns, rows, fmt)


@app.command()
def queries() -> None:
    """List the query library: each name in full, what it answers, its parameters and an example
    (graph_* queries return paths, to view in Neo4j Browser or Bloom).

    Example: policykg queries
    """
    from policykg.analysis.query_library import library

    for q in library().values():
        kind = "  [graph: paths for Neo4j Browser / Bloom]" if q.returns_graph else ""
        print(f"{q.name}{kind}\n  answers: {q.answers}\n  params:  {q.params}\n  example: {q.example}\n")


@app.command()
def export(inputs: list[Path] = Inputs,
           fmt: ExportFormat = typer.Option(..., "--format", help="neo4j-csv (a neo4j-admin import bundle) or graphml."),
           out_dir: Path = typer.Option(..., "--out", help="Folder to write into.")) -> None:
    """Export the graph as a neo4j-admin import CSV bundle or as GraphML.

    Example: policykg export ../shared/corpus --format neo4j-csv --out import/
    """
    from policykg.graph import export as exports

    check_output(writable_folder, out_dir, "--out")
    result = extract_with_progress(inputs)
    graph = policykg.build(result).graph
    report_errors(result)
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt is ExportFormat.neo4j_csv:
        command = exports.write_neo4j_admin(graph, out_dir)
        # plain lines (no wrapping), so the command can be pasted as it is
        print(f"wrote {out_dir}; import with (inside it):\n{command}\nthen, once the server has started:\n"
              f"{exports.SCHEMA_STEP}", file=sys.stderr)
    else:
        exports.write_graphml(graph, out_dir / "policykg.graphml")
        err().print(f"wrote {out_dir / 'policykg.graphml'}", highlight=False)
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
    from policykg.analysis.report.render import FORMATS

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
        err().print(f"[red]error[/red] report could not run: {type(exc).__name__}: {exc}", highlight=False)
        raise typer.Exit(code=2) from None
    overdue = result.check("overdue").items
    red = sum(i.severity == "red" for i in overdue)
    yellow = sum(i.severity == "yellow" for i in overdue)
    err().print(", ".join(f"{c.name} {c.count}" for c in result.checks) + f" (red {red}, yellow {yellow})",
              highlight=False)
    if (fail_on is FailOn.red and red) or (fail_on is FailOn.yellow and red + yellow):
        raise typer.Exit(code=1)


def write_report(db: Path, neo4j: bool, day: date, warn_days: int, previous: Path | None, history_dir: Path | None,
                 out_dir: Path, formats: list[str], lang: str = "zh"):
    """Compare with the previous report (given, or the history's latest before `day`), write, keep."""
    from policykg.analysis.report import history

    earlier = previous or (history.previous(history_dir, day) if history_dir else None)
    with store_errors(), policykg.open_store(None if neo4j else db, neo4j=neo4j) as store:
        result = policykg.report(store, day, warn_days=warn_days, lang=lang, previous=earlier, out=out_dir,
                                 formats=formats)
    written = [out_dir / f"report.{fmt}" for fmt in formats]
    if history_dir:
        written.append(history.keep(result, history_dir))
    for path in written:
        err().print(f"wrote {path}", highlight=False)
    if history_dir:
        err().print(f"compared with {earlier}" if earlier else f"first report in {history_dir}: nothing to compare",
                  highlight=False)
    return result


@app.command()
def bloom(out_dir: Path = typer.Option(..., "--out", help="Folder to write the perspective and style into.")) -> None:
    """Write the Neo4j Bloom perspective (policykg-perspective.json) and Browser style (policykg.grass).

    Example: policykg bloom --out bloom/
    """
    from policykg.analysis import bloom as assets

    for path in assets.write(out_dir):
        err().print(f"wrote {path}", highlight=False)


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
    err().print(f"trained on {sizes['train']} sentences, {sizes['dev']} held out, {sizes['phrases']} gazetteer "
              f"phrases -> {out_dir or MODEL_DIR}", highlight=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the extracted Document record.

    Example: policykg schema > document.schema.json
    """
    from policykg.schema import Document

    sys.stdout.write(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


class AuditFormat(str, Enum):
    table = "table"
    json = "json"


def audit_tables(report) -> list:
    """Per document: signals found and consumed, coverage, findings; then each class of findings
    with three examples."""
    from rich.table import Table

    documents = Table("file:line", "title", "signals", "consumed", "coverage", "findings",
                      title=f"coverage of the run: {percent(report.coverage)}")
    for doc in report.documents:
        found = sum(c.found for c in doc.signals.values())
        consumed = sum(c.consumed for c in doc.signals.values())
        documents.add_row(f"{Path(doc.file).name}:{doc.start_line}", cell(doc.title), str(found), str(consumed),
                          percent(doc.coverage), str(len(doc.findings)))
    classes = Table("finding", "count", "examples (file:line text)")
    for kind, found in report.classes():
        examples = "\n".join(f"{Path(f.file).name}:{f.line} {cell(f.text)}" for f in found[:3])
        classes.add_row(kind.value, str(len(found)), examples)
    return [documents, classes]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


@app.command()
def audit(inputs: list[Path] = Inputs,
          fmt: AuditFormat = typer.Option(AuditFormat.table, "--format", help="table (rich) or json."),
          out_file: Path = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
          password: str = PasswordOption, jobs: int = JobsOption, ner: bool = NerOption) -> None:
    """Coverage audit: per document, the signals no task consumed (deadline phrases, unit lists,
    文号 lines, stated conventions), tasks that are only an annotation or a date, documents without
    文号 or date; coverage = consumed signal occurrences / signal occurrences, per document and run.

    Example: policykg audit ../shared/corpus --format json --out audit.json
    """
    from rich.console import Console

    from policykg.extractors.audit import audit as run_audit
    from policykg.extractors.readers import ReadOptions
    from policykg.pipeline import ExtractOptions
    from policykg.schema import ExtractionResult

    report = run_audit(inputs, ExtractOptions(read=ReadOptions(password=password, jobs=jobs), ner=ner))
    if fmt is AuditFormat.json:
        text = report.model_dump_json(indent=2) + "\n"
        if out_file:
            out_file.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    else:
        with (out_file.open("w", encoding="utf-8") if out_file else nullcontext(None)) as handle:
            screen = console()
            printer = Console(file=handle, width=200) if handle else screen if screen.is_terminal else Console(width=200)
            for table in audit_tables(report):
                printer.print(table)
    report_errors(ExtractionResult(errors=report.errors))
    err().print(f"{len(report.documents)} documents, coverage {percent(report.coverage)}, "
                f"{sum(len(d.findings) for d in report.documents)} findings", highlight=False)
    finish(ExtractionResult(errors=report.errors))
