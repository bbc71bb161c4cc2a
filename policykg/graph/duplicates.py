"""Resolve duplicates: the same document read from several sources becomes one, with provenance
from every source. Documents match on normalised title and issue date (a missing date matches
any); the matches are merged as connected components, so chains a–b–c end in one document.
Matching needs only each document's key; a Spill keeps the documents themselves on disk for a
writer that streams (policykg.graph.export.write_jsonl)."""
from __future__ import annotations

import io
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import networkx as nx

from policykg.lexicon.official import document_key
from policykg.schema import Document


def richness(doc: Document) -> tuple:
    return (len(doc.tasks), doc.doc_number is not None, len(doc.recipients), len(doc.references))


COMPARED = ("title", "doc_number", "issue_date", "issuers", "recipients")


def conflicts(group: list[Document]) -> tuple[str, ...]:
    """Fields whose values differ between copies (one copy lacking a value counts too), and task counts."""
    found = []
    for field in COMPARED:
        values = {str(getattr(d, field) or "") for d in group}
        if len(values) > 1:
            found.append(f"{field}: " + " | ".join(sorted(values)))
    counts = {len(d.tasks) for d in group}
    if len(counts) > 1:
        found.append("tasks: " + " | ".join(map(str, sorted(counts))))
    return tuple(found)


def merge(group: list[Document]) -> Document:
    """One document from its copies: the richest copy, gaps filled from the others."""
    ordered = sorted(group, key=richness, reverse=True)
    best = ordered[0]
    fill = {}
    for field in ("doc_number", "issue_date", "issuers", "recipients", "enclosed_titles", "region",
                  "province", "references"):
        if not getattr(best, field):
            fill[field] = next((getattr(d, field) for d in ordered if getattr(d, field)), getattr(best, field))
    sources = tuple(dict.fromkeys(src for d in group for src in (d.sources or (d.provenance,))))
    return best.model_copy(update={**fill, "sources": sources, "merge_conflicts": conflicts(group)})


class DocumentKey(NamedTuple):
    """What matching needs of a document: its normal title, title and date, whether it is undated."""

    title: str
    dated: str
    undated: bool


def key_of(doc: Document) -> DocumentKey:
    return DocumentKey(document_key(doc.title, None), document_key(doc.title, doc.issue_date), doc.issue_date is None)


def duplicate_groups(keys: Sequence[DocumentKey]) -> list[list[int]]:
    """Indexes of the documents that are one, each group sorted, groups in order of first appearance."""
    graph = nx.Graph()
    by_title: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        graph.add_edge(index, ("key", key.dated))
        by_title.setdefault(key.title, []).append(index)
    for indexes in by_title.values():
        for i in indexes:
            if keys[i].undated:
                graph.add_edges_from((i, j) for j in indexes)
    return sorted(sorted(n for n in component if isinstance(n, int)) for component in nx.connected_components(graph))


def merge_duplicates(documents: list[Document]) -> list[Document]:
    """Each distinct document once, in order of first appearance."""
    groups = duplicate_groups([key_of(doc) for doc in documents])
    return [merge([documents[i] for i in members]) for members in groups]


class Spill:
    """Documents put aside in a temporary file (full JSON, one per line) with only their keys, task
    counts and offsets in memory, so that a stream can be written as it comes and its duplicates
    merged once every document has been seen: memory holds one duplicate group at a time."""

    def __init__(self, folder: Path | None = None):
        self.file = tempfile.TemporaryFile(dir=folder)
        self.offsets: list[int] = []
        self.keys: list[DocumentKey] = []
        self.task_counts: list[int] = []

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()

    def add(self, doc: Document) -> None:
        self.offsets.append(self.file.tell())
        self.keys.append(key_of(doc))
        self.task_counts.append(len(doc.tasks))
        self.file.write(doc.model_dump_json().encode("utf-8") + b"\n")

    def load(self, index: int) -> Document:
        self.file.seek(self.offsets[index])
        document = Document.model_validate_json(self.file.readline())
        self.file.seek(0, io.SEEK_END)
        return document

    def merges(self) -> dict[int, list[int]]:
        """The groups of several documents, by their first member's index."""
        return {members[0]: members for members in duplicate_groups(self.keys) if len(members) > 1}

    def merged(self, members: list[int]) -> Document:
        return merge([self.load(i) for i in members])
