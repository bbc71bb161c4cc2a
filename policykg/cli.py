"""The policykg command line: a thin layer over the library."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from policykg.extractors.load import discover
from policykg.graph.export import write_jsonl
from policykg.pipeline import extract as run_extract
from policykg.schema import Document

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chinese policy documents to a knowledge graph of obligations.")
err = Console(stderr=True)


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(..., help="Files (.txt, .md) or folders to read."),
    out: Path = typer.Option(..., "--out", "-o", help="JSON Lines file to write, one document per line."),
) -> None:
    """Extract documents, tasks, owners and deadlines to JSON Lines.

    Example: policykg extract ../shared/corpus --out corpus.jsonl
    """
    files, _ = discover(inputs)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, disable=not err.is_terminal) as progress:
        bar = progress.add_task("extracting", total=len(files))
        result = run_extract(inputs, on_file=lambda path: progress.advance(bar))
    written = write_jsonl(result.documents, out)
    tasks = sum(len(d.tasks) for d in result.documents)
    for error in result.errors:
        where = f"{error.path}:{error.line}" if error.line else error.path
        err.print(f"[red]error[/red] [{error.code}] {where}: {error.message}", highlight=False)
    err.print(f"{written} documents, {tasks} tasks, {len(result.errors)} errors -> {out}", highlight=False)
    if result.errors:
        raise typer.Exit(code=1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the extracted Document record.

    Example: policykg schema > document.schema.json
    """
    sys.stdout.write(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    app()
