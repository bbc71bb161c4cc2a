"""The extraction pipeline: load → clean → segment → parse → resolve duplicates.

A problem with one input is recorded as an ExtractionError naming the file (and line) and the
run goes on with the rest.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from policykg.errors import Errors, PolicyKGError
from policykg.extractors.clean import clean
from policykg.extractors.document import parse_document
from policykg.extractors.readers import ReadOptions, discover, read
from policykg.extractors.segment import segment
from policykg.graph.duplicates import merge_duplicates
from policykg.schema import Document, ExtractionError, ExtractionResult


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


def extract_file(path: Path, password: str | None = None, jobs: int = 1, ner: bool = True, ocr: str = "auto"
                 ) -> tuple[list[Document], list[ExtractionError]]:
    """Documents of one file, and the errors met in it."""
    try:
        segments = segment(clean(read(path, ReadOptions(password=password, jobs=jobs, ocr=ocr))))
    except PolicyKGError as exc:
        return [], [as_error(exc)]
    if not segments:
        return [], [as_error(PolicyKGError("E004", str(path)))]
    documents, errors = [], []
    model = actor_model(ner)
    for seg in segments:
        try:
            documents.append(parse_document(seg, model))
        except Exception as exc:  # one bad document must not lose the others
            line = seg.heading[0].line_no if seg.heading else None
            errors.append(ExtractionError(code="E100", message=Errors.E100.format(reason=repr(exc)),
                                          path=str(path), line=line))
    return documents, errors


def is_large_pdf(path: Path, password: str | None) -> bool:
    if path.suffix.lower() != ".pdf":
        return False
    from policykg.extractors.readers.pdf import PAGES_PER_CHUNK, page_count

    try:
        return page_count(path, password) > 2 * PAGES_PER_CHUNK
    except PolicyKGError:
        return False


CONNECT_TIMEOUT = 10  # seconds to reach a Dask scheduler


@contextmanager
def dask_executor(address: str, workers: int):
    """Per-file work on a Dask cluster: a scheduler's address, or "local" for a cluster of `workers`
    processes on this machine. Workers must see the input files under the same paths."""
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) \
        if address == "local" else None
    client = Client(cluster or address, timeout=CONNECT_TIMEOUT)
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()
        if cluster:
            cluster.close()


def executor(jobs: int, dask: str | None) -> AbstractContextManager[Executor]:
    """Where per-file work runs: local processes, or a Dask cluster when `dask` names one."""
    return dask_executor(dask, jobs) if dask else ProcessPoolExecutor(max_workers=jobs)


def extract(inputs: list[Path], on_file: Callable[[Path], None] | None = None, password: str | None = None,
            jobs: int = 1, ner: bool = True, ocr: str = "auto", dask: str | None = None) -> ExtractionResult:
    """Extract every document of the inputs (files or folders), duplicates merged.

    With jobs > 1, files are extracted in parallel processes, and a large PDF's pages are read in
    parallel; with `dask` (a scheduler's address, or "local"), files are extracted on that Dask
    cluster. Results keep the inputs' order. `ner` adds the spaCy pipeline's actors for running text
    (sentences that assign work without a deadline become tasks); without it, rules only. `ocr`:
    "auto" reads pages without text by OCR, "always" every page, "never" none."""
    files, missing = discover(inputs)
    errors = [as_error(exc) for exc in missing]
    results: dict[Path, tuple[list[Document], list[ExtractionError]]] = {}
    large = [p for p in files if jobs > 1 and not dask and is_large_pdf(p, password)]
    for path in large:
        results[path] = extract_file(path, password, jobs, ner, ocr)
        if on_file:
            on_file(path)
    rest = [p for p in files if p not in results]
    if dask or (jobs > 1 and len(rest) > 1):
        with executor(jobs, dask) as pool:
            futures = {pool.submit(extract_file, path, password, 1, ner, ocr): path for path in rest}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                if on_file:
                    on_file(futures[future])
    else:
        for path in rest:
            results[path] = extract_file(path, password, 1, ner, ocr)
            if on_file:
                on_file(path)
    documents = [doc for path in files for doc in results[path][0]]
    errors += [error for path in files for error in results[path][1]]
    return ExtractionResult(documents=tuple(merge_duplicates(documents)), errors=tuple(errors))
