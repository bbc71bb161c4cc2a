"""The public API: extract → build → open_store → query → report.

Each verb wraps one stage of the library; the CLI, the notebooks and the benchmarks use them.
Heavy libraries (the PDF reader, spaCy, the stores) load only when a verb needs them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykg.errors import PolicyKGError

if TYPE_CHECKING:
    from policykg.graph.model import GraphData
    from policykg.graph.stores.reader import Reader
    from policykg.analysis.report.model import Report
    from policykg.schema import Document, ExtractionResult

PathLike = str | Path
NAME = re.compile(r"\w+")  # a library query's name; anything else is Cypher


def extract(paths_or_text: PathLike | Iterable[PathLike], name: str | None = None, *, password: str | None = None,
            jobs: int = 1, ner: bool = True, ocr: str = "auto", dask: str | None = None,
            on_file: Callable[[Path], None] | None = None) -> ExtractionResult:
    """Extract policy documents with their tasks, owners and deadlines.

    `paths_or_text` is a file or folder, a list of them, or — when `name` is given — the text of
    one or more documents (`name` stands for its file name in provenance and errors). Problems
    with one input are in `.errors` (coded, naming the file); the rest is still in `.documents`.
    `jobs` > 1 extracts files in parallel; `ner=False` uses the rules only (no spaCy model);
    `ocr` is "auto" (scanned pages only), "always" or "never"; `dask` runs the files on a Dask
    cluster (a scheduler's address, or "local").
    """
    from policykg import pipeline

    if name is not None:
        return pipeline.extract_text(str(paths_or_text), name, ner=ner)
    inputs = [paths_or_text] if isinstance(paths_or_text, (str, Path)) else list(paths_or_text)
    return pipeline.extract([Path(p) for p in inputs], on_file=on_file, password=password, jobs=jobs, ner=ner,
                            ocr=ocr, dask=dask)


@dataclass
class Built:
    """What `build` made: the resolved graph, where it went, and Neo4j's load figures (else None)."""

    graph: GraphData
    target: str | None = None
    load: Any = None

    def counts(self) -> dict[str, int]:
        return self.graph.counts()


def documents_of(documents: ExtractionResult | Iterable[Document]) -> list[Document]:
    return list(getattr(documents, "documents", documents))


def build(documents: ExtractionResult | Iterable[Document], db: PathLike | None = None, *, neo4j: bool = False,
          allow_empty: bool = False) -> Built:
    """Resolve agencies, jurisdictions and citations into the graph, and store it.

    With `db`, the graph replaces the embedded database file (built beside it, then swapped in;
    a build of no document keeps the previous graph unless `allow_empty`). With `neo4j=True`, it
    is loaded incrementally into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)
    and the written rows are checked. With neither, the graph stays in memory (`Built.graph`).
    Store problems raise PolicyKGError (StoreError for Neo4j) with a code.
    """
    from policykg.graph.build import build_graph

    if db is not None and neo4j:
        raise ValueError("give db or neo4j=True, not both")
    if db is not None:
        from policykg.graph.stores import embedded

        embedded.check_target(Path(db))
    graph = build_graph(documents_of(documents))
    if neo4j:
        from policykg.graph.stores import neo4j_store

        return Built(graph, f"Neo4j {neo4j_store.where()}", neo4j_store.build(graph).check())
    if db is not None:
        embedded.build(graph, Path(db), allow_empty)
        return Built(graph, str(db))
    return Built(graph)


def open_store(db: PathLike | None = None, *, neo4j: bool = False, allow_file_procedures: bool = False) -> Reader:
    """A read-only reader of a built graph: the embedded database file `db`, or Neo4j (`neo4j=True`).

    Use it in a `with` block. Only reading statements run (writes and file access are refused,
    E601–E603); `allow_file_procedures` lets LOAD CSV and file procedures run on Neo4j only.
    """
    if neo4j:
        from policykg.graph.stores.neo4j_store import Neo4jReader

        return Neo4jReader(allow_file_procedures=allow_file_procedures)
    if db is None:
        raise ValueError("give db (an embedded database file) or neo4j=True")
    from policykg.graph.stores.embedded import EmbeddedReader

    return EmbeddedReader(Path(db))


def query(store: Reader, cypher_or_name: str, /, **params) -> list[dict[str, Any]]:
    """Run a query of the library by name (see `queries()`), or a Cypher text; rows as dicts.

    Library parameters are checked (E605 missing, E606 unknown) and a 文号 is matched in any
    bracket form (郑政文[2023]62号 finds 郑政文〔2023〕62号). Values go in as parameters only.
    """
    from policykg.analysis.query_library import run

    if NAME.fullmatch(cypher_or_name):
        return run(store, cypher_or_name, **params)
    columns, rows = store.run(cypher_or_name, params)
    return [dict(zip(columns, row)) for row in rows]


def queries() -> dict[str, str]:
    """The query library: name → what it answers."""
    from policykg.analysis.query_library import library

    return {name: q.answers for name, q in library().items()}


def report(store: Reader, as_of: dt.date | None = None, *, warn_days: int = 14, lang: str = "zh",
           previous: Report | PathLike | None = None, out: PathLike | None = None,
           formats: Iterable[str] = ("md", "html", "json")) -> Report:
    """The consistency report of a store's graph as of a date (default today): overdue and due-soon
    clauses, ownerless and undated tasks, impossible deadlines, naming, citations, slippage,
    duplicates. `previous` (a Report or a report.json) adds what changed; with `out`, report.md,
    report.html and report.json (those in `formats`) are written into that folder."""
    from policykg.analysis.report import history
    from policykg.analysis.report.build import build_report
    from policykg.analysis.report.data import read
    from policykg.analysis.report.render import write

    if isinstance(previous, (str, Path)):
        previous = history.load(Path(previous))
    result = build_report(read(store), as_of or dt.date.today(), warn_days, previous, lang)
    if out is not None:
        write(result, Path(out), list(formats))
    return result


__all__ = ["Built", "PolicyKGError", "build", "extract", "open_store", "queries", "query", "report"]
