"""Resolve duplicates: the same document read from several sources becomes one, with provenance
from every source. Documents match on normalised title and issue date (a missing date matches
any); the matches are merged as connected components, so chains a–b–c end in one document."""
from __future__ import annotations

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


def merge_duplicates(documents: list[Document]) -> list[Document]:
    """Each distinct document once, in order of first appearance."""
    graph = nx.Graph()
    by_title: dict[str, list[int]] = {}
    for index, doc in enumerate(documents):
        graph.add_node(index)
        graph.add_edge(index, ("key", document_key(doc.title, doc.issue_date)))
        by_title.setdefault(document_key(doc.title, None), []).append(index)
    for indexes in by_title.values():
        undated = [i for i in indexes if documents[i].issue_date is None]
        for i in undated:
            for j in indexes:
                graph.add_edge(i, j)
    groups = []
    for component in nx.connected_components(graph):
        members = sorted(n for n in component if isinstance(n, int))
        groups.append(members)
    groups.sort(key=lambda members: members[0])
    return [merge([documents[i] for i in members]) for members in groups]
