"""The extraction pipeline: load → clean → segment → parse → resolve duplicates.

A problem with one input is recorded as an ExtractionError naming the file (and line) and the
run goes on with the rest.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from policykg.errors import Errors, PolicyKGError
from policykg.extractors.clean import clean
from policykg.extractors.document import parse_document
from policykg.extractors.load import discover, load_text
from policykg.extractors.segment import segment
from policykg.graph.duplicates import merge_duplicates
from policykg.schema import Document, ExtractionError, ExtractionResult


def as_error(exc: PolicyKGError) -> ExtractionError:
    return ExtractionError(code=exc.code, message=exc.message, path=exc.path, line=exc.line)


def extract_file(path: Path) -> tuple[list[Document], list[ExtractionError]]:
    """Documents of one file, and the errors met in it."""
    try:
        segments = segment(clean(load_text(path)))
    except PolicyKGError as exc:
        return [], [as_error(exc)]
    if not segments:
        return [], [as_error(PolicyKGError("E004", str(path)))]
    documents, errors = [], []
    for seg in segments:
        try:
            documents.append(parse_document(seg))
        except Exception as exc:  # one bad document must not lose the others
            line = seg.heading[0].line_no if seg.heading else None
            errors.append(ExtractionError(code="E100", message=Errors.E100.format(reason=repr(exc)),
                                          path=str(path), line=line))
    return documents, errors


def extract(inputs: list[Path], on_file: Callable[[Path], None] | None = None) -> ExtractionResult:
    """Extract every document of the inputs (files or folders), duplicates merged."""
    files, missing = discover(inputs)
    documents: list[Document] = []
    errors = [as_error(exc) for exc in missing]
    for path in files:
        found, failed = extract_file(path)
        documents += found
        errors += failed
        if on_file:
            on_file(path)
    return ExtractionResult(documents=tuple(merge_duplicates(documents)), errors=tuple(errors))
