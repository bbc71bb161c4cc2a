"""The extraction pipeline: load → clean → segment → parse, one file at a time, then resolve duplicates.

`stream` yields each file's documents as soon as the file is parsed, in the inputs' order, so
memory stays bounded by the largest file (and, with processes, the few files in flight);
`policykg extract` writes them as they come (duplicates merged at the end, see
policykg.graph.export.write_jsonl). `extract` collects the stream for callers that want every
document at once. A problem with one input is recorded as an ExtractionError naming the file
(and line) and the run goes on with the rest.

Where files are parsed is a Runner: in this process, or in a pool of processes; another runner
(a cluster, …) only has to map a picklable function over paths and yield results in order.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from policykg.errors import Errors, PolicyKGError
from policykg.extractors.clean import clean
from policykg.extractors.document import parse_document
from policykg.extractors.readers import ReadOptions, discover, read
from policykg.extractors.readers.text import source_from_text
from policykg.extractors.segment import segment
from policykg.graph.duplicates import merge_duplicates
from policykg.schema import Document, ExtractionError, ExtractionResult, SourceText
from policykg.schema.models import Model


class FileResult(Model):
    """One input's documents (before duplicates are merged) and errors; its cleaned source on request."""

    path: str
    documents: tuple[Document, ...] = ()
    errors: tuple[ExtractionError, ...] = ()
    source: SourceText | None = None


class ExtractOptions(Model):
    """How to extract: the readers' options (password, jobs, OCR) and the actor model (`ner`: the
    spaCy pipeline when True, a given finder when a callable, rules only when False)."""

    read: ReadOptions = ReadOptions()
    ner: Any = True
    keep_source: bool = False


def as_error(exc: PolicyKGError) -> ExtractionError:
    return ExtractionError(code=exc.code, message=exc.message, path=exc.path, line=exc.line)


def actor_model(ner):
    """The spaCy pipeline's obligations finder (ner=True), a given finder (a callable), or None."""
    if callable(ner):
        return ner
    if not ner:
        return None
    from policykg.nlp.actors import obligations

    return obligations


def parse_source(source: SourceText, ner=True) -> tuple[list[Document], list[ExtractionError]]:
    """Documents of one cleaned source, and the errors met in it."""
    segments = segment(source)
    if not segments:
        return [], [as_error(PolicyKGError("E004", source.path))]
    documents, errors = [], []
    model = actor_model(ner)
    for seg in segments:
        try:
            documents.append(parse_document(seg, model))
        except Exception as exc:  # one bad document must not lose the others
            line = seg.heading[0].line_no if seg.heading else None
            errors.append(ExtractionError(code="E100", message=Errors.E100.format(reason=repr(exc)),
                                          path=source.path, line=line))
    return documents, errors


def extract_file(path: Path, options: ExtractOptions = ExtractOptions()) -> FileResult:
    """Documents of one file, and the errors met in it."""
    try:
        source = clean(read(path, options.read))
    except PolicyKGError as exc:
        return FileResult(path=str(path), errors=(as_error(exc),))
    documents, errors = parse_source(source, options.ner)
    return FileResult(path=str(path), documents=tuple(documents), errors=tuple(errors),
                      source=source if options.keep_source else None)


class Runner(Protocol):
    """Maps a picklable function over paths, yielding results in the paths' order."""

    def map(self, function: Callable[[Path], FileResult], paths: list[Path]) -> Iterator[FileResult]: ...


class InProcess:
    """Files one after the other in this process."""

    def map(self, function: Callable[[Path], FileResult], paths: list[Path]) -> Iterator[FileResult]:
        return map(function, paths)


class ProcessPool:
    """Files in `jobs` worker processes with at most `window` files in flight (default 2 per job),
    so results wait in memory only for the files still ahead of them in order."""

    def __init__(self, jobs: int, window: int | None = None):
        self.jobs, self.window = jobs, window or 2 * jobs

    def map(self, function: Callable[[Path], FileResult], paths: list[Path]) -> Iterator[FileResult]:
        with ProcessPoolExecutor(max_workers=self.jobs) as pool:
            pending: deque = deque()
            for path in paths:
                pending.append(pool.submit(function, path))
                if len(pending) >= self.window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()


class DaskRunner:
    """Files on a Dask cluster (a scheduler's address, or "local" for a cluster of `workers`
    processes on this machine), results in the paths' order. Workers must see the input files under
    the same paths."""

    def __init__(self, address: str, workers: int = 2):
        self.address, self.workers = address, max(1, workers)

    def map(self, function: Callable[[Path], FileResult], paths: list[Path]) -> Iterator[FileResult]:
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, dashboard_address=None) \
            if self.address == "local" else None
        client = Client(cluster or self.address, timeout=CONNECT_TIMEOUT)
        try:
            yield from client.get_executor(pure=False).map(function, paths)
        finally:
            client.close()
            if cluster:
                cluster.close()


CONNECT_TIMEOUT = 10  # seconds to reach a Dask scheduler


def default_runner(jobs: int, files: int) -> Runner:
    return ProcessPool(jobs) if jobs > 1 and files > 1 else InProcess()


def is_large_pdf(path: Path, password: str | None) -> bool:
    if path.suffix.lower() != ".pdf":
        return False
    from policykg.extractors.readers.pdf import PAGES_PER_CHUNK, page_count

    try:
        return page_count(path, password) > 2 * PAGES_PER_CHUNK
    except PolicyKGError:
        return False


def runs(files: list[Path], options: ReadOptions) -> Iterator[tuple[list[Path], bool]]:
    """Consecutive files for the runner, and (with jobs > 1) each large PDF alone, flagged: its
    pages are read in parallel in this process."""
    run: list[Path] = []
    for path in files:
        if options.jobs > 1 and is_large_pdf(path, options.password):
            if run:
                yield run, False
                run = []
            yield [path], True
        else:
            run.append(path)
    if run:
        yield run, False


def stream(inputs: list[Path], options: ExtractOptions = ExtractOptions(), runner: Runner | None = None,
           on_file: Callable[[Path], None] | None = None) -> Iterator[FileResult]:
    """Each input file's result as soon as it is parsed, in the inputs' order (missing inputs first,
    as results without documents)."""
    files, missing = discover(inputs)
    for exc in missing:
        yield FileResult(path=exc.path, errors=(as_error(exc),))
    one_job = partial(extract_file, options=options.model_copy(
        update={"read": options.read.model_copy(update={"jobs": 1})}))
    # a runner given (a cluster) takes every file; else large PDFs read their pages in parallel here
    for paths, large in (runs(files, options.read) if runner is None else [(files, False)]):
        results: Iterable[FileResult] = [extract_file(paths[0], options)] if large \
            else (runner or default_runner(options.read.jobs, len(files))).map(one_job, paths)
        for result in results:
            if on_file:
                on_file(Path(result.path))
            yield result


def extract(inputs: list[Path], on_file: Callable[[Path], None] | None = None, password: str | None = None,
            jobs: int = 1, ner: bool = True, ocr: str = "auto", dask: str | None = None) -> ExtractionResult:
    """Extract every document of the inputs (files or folders), duplicates merged, all in memory.

    With jobs > 1, files are extracted in parallel processes, and a large PDF's pages are read in
    parallel; with `dask` (a scheduler's address, or "local"), files are extracted on that Dask
    cluster. Results keep the inputs' order. `ner` adds the spaCy pipeline's actors for running text
    (sentences that assign work without a deadline become tasks); without it, rules only. `ocr`:
    "auto" reads pages without text by OCR, "always" every page, "never" none."""
    options = ExtractOptions(read=ReadOptions(password=password, jobs=jobs, ocr=ocr), ner=ner)
    documents: list[Document] = []
    errors: list[ExtractionError] = []
    for result in stream(inputs, options, DaskRunner(dask, jobs) if dask else None, on_file=on_file):
        documents += result.documents
        errors += result.errors
    return ExtractionResult(documents=tuple(merge_duplicates(documents)), errors=tuple(errors))


def extract_text(text: str, name: str, ner: bool = True) -> ExtractionResult:
    """Extract the documents of a text given without a file; `name` stands for its path."""
    documents, errors = parse_source(clean(source_from_text(text, name)), ner)
    return ExtractionResult(documents=tuple(merge_duplicates(documents)), errors=tuple(errors))
