"""The Neo4j write plan, in plain Python (no driver): the load's graph reconciled with what the
database already holds, then cut into transactions.

Reconciled: a stub of this load that names a document already stored (by 文号, then title) is that
document; a stored stub that names a document of this load has its citations moved onto it. Cut:
shared nodes (jurisdictions, agencies, stubs) first, then each batch of documents with what it owns,
and last every relationship whose ends sit in different batches, so none is written before both
of its ends exist.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from policykg.graph.model import GraphData
from policykg.lexicon.official import normal_number, normal_title
from policykg.schema.graph import NODE_BY_LABEL, stored

BATCH_DOCUMENTS = 200
BATCH_ROWS = 10_000
SHARED = -1  # the batch index of shared nodes
EdgeKey = tuple[str, str, str]  # relationship type, from label, to label


@dataclass
class StoreState:
    """What the database holds that a load must agree with: its documents (doc_id, doc_number, title,
    enclosed_titles, stub) and the citations of its stubs (from_label, from, to, owner, title,
    doc_number; owner is the citing document)."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    stub_citations: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Batch:
    """Rows written in one transaction: documents re-extracted (their stale parts go first), stored
    citations to drop, nodes per label, relationships per (type, from label, to label)."""

    docs: list[dict[str, Any]] = field(default_factory=list)
    drop_cites: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edges: dict[EdgeKey, list[dict[str, Any]]] = field(default_factory=dict)


class DocumentIndex:
    """Documents by normalised 文号 and by normalised title (their own and the plans they enclose)."""

    def __init__(self, rows: Iterable[dict[str, Any]]):
        self.by_number: dict[str, str] = {}
        self.by_title: dict[str, str] = {}
        for row in rows:
            if row.get("doc_number"):
                self.by_number.setdefault(normal_number(row["doc_number"]), row["doc_id"])
            for title in (row.get("title"), *(row.get("enclosed_titles") or ())):
                if title:
                    self.by_title.setdefault(normal_title(title), row["doc_id"])

    def find(self, doc_number: str | None, title: str | None) -> str | None:
        number, name = normal_number(doc_number), normal_title(title)
        return (self.by_number.get(number) if number else None) or (self.by_title.get(name) if name else None)


def reconcile(graph: GraphData, state: StoreState) -> tuple[GraphData, list[dict[str, Any]]]:
    """The graph to write given what is stored, and the stored stub citations to drop (moved onto
    a document of this load). A load of A then of B writes the graph of A+B."""
    documents = graph.nodes.get("Document", [])
    real = [d for d in documents if not d.get("stub")]
    loaded = {d["doc_id"] for d in real}
    stored_real = DocumentIndex(d for d in state.documents if not d.get("stub"))
    stored_stubs = DocumentIndex(d for d in state.documents if d.get("stub"))
    rename, named = {}, set()  # named: stubs of this load that name a stored document, not written
    for stub in (d for d in documents if d.get("stub")):
        number, title = stub.get("doc_number"), stub.get("title")
        stored_doc = stored_real.find(number, title)
        found = stored_doc or stored_stubs.find(number, title)
        if found:
            rename[stub["doc_id"]] = found
        if stored_doc:
            named.add(stub["doc_id"])
    cites = [{**row, "to": rename.get(row["to"], row["to"])} for row in graph.edges.get("CITES", [])]
    arrived, dropped = DocumentIndex(real), []
    for cite in state.stub_citations:
        found = None if cite["owner"] in loaded else arrived.find(cite["doc_number"], cite["title"])
        if found and found != cite["from"]:
            dropped.append(cite)
            cites.append({"from": cite["from"], "to": found, "from_label": cite["from_label"],
                          "to_label": "Document", "title": cite["title"], "doc_number": cite["doc_number"]})
    stubs = merge_rows({**d, "doc_id": rename.get(d["doc_id"], d["doc_id"])} for d in documents
                       if d.get("stub") and d["doc_id"] not in named)
    edges = {**graph.edges, "CITES": first_per_pair(c for c in cites if c["from"] != c["to"])}
    return GraphData(nodes={**graph.nodes, "Document": real + stubs}, edges=edges), dropped


def merge_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stub rows by id, a later row's known values over an earlier one's."""
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        known = out.setdefault(row["doc_id"], {})
        known.update({k: v for k, v in row.items() if v is not None or k not in known})
    return list(out.values())


def first_per_pair(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        out.setdefault((row["from_label"], row["from"], row["to"]), row)
    return list(out.values())


def node_row(label: str, row: dict[str, Any]) -> dict[str, Any]:
    """A node row as the load statement takes it: `props` (absent values removed from the node,
    except on a stub, whose known values only add to what earlier citations said) and each merged
    list on its own."""
    spec = NODE_BY_LABEL[label]
    props = {k: stored(v) for k, v in row.items() if k not in spec.merged}
    if row.get("stub"):
        props = {k: v for k, v in props.items() if v is not None}
    return {"props": props, **{name: row.get(name) or [] for name in spec.merged}}


def edge_row(row: dict[str, Any]) -> dict[str, Any]:
    props = {k: stored(v) for k, v in row.items() if k not in ("from", "to", "from_label", "to_label")}
    return {"from": row["from"], "to": row["to"], "props": props}


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def batch_of_nodes(graph: GraphData, batch_documents: int) -> dict[tuple[str, str], int]:
    """(label, key) of every node of the load -> the batch writing it (SHARED for shared nodes)."""
    owner: dict[str, str] = {}
    for row in graph.edges.get("HAS_TASK", []):
        owner[row["to"]] = row["from"]
    for row in graph.edges.get("HAS_TARGET", []):
        owner[row["to"]] = owner.get(row["from"], "")
    real = [d["doc_id"] for d in graph.nodes.get("Document", []) if not d.get("stub")]
    batch = {doc: index // batch_documents for index, doc in enumerate(real)}
    where = {}
    for label, rows in graph.nodes.items():
        node = NODE_BY_LABEL[label]
        for row in rows:
            own = row[node.key] if label == "Document" else owner.get(row[node.key])
            where[(label, row[node.key])] = batch.get(own, SHARED) if node.owned else SHARED
    return where


def plan(graph: GraphData, dropped: list[dict[str, Any]] = (),
         batch_documents: int = BATCH_DOCUMENTS) -> Iterator[Batch]:
    """The transactions of a load (of a reconciled graph), in order."""
    where = batch_of_nodes(graph, batch_documents)
    nodes: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for label, rows in graph.nodes.items():
        key = NODE_BY_LABEL[label].key
        for row in rows:
            nodes[where[(label, row[key])]][label].append(node_row(label, row))
    edges: dict[int | None, dict[EdgeKey, list]] = defaultdict(lambda: defaultdict(list))
    for rel, rows in graph.edges.items():
        for row in rows:
            ends = {where.get((row["from_label"], row["from"])), where.get((row["to_label"], row["to"]))}
            batch = max(ends) if None not in ends and len(ends - {SHARED}) <= 1 else None
            edges[batch][(rel, row["from_label"], row["to_label"])].append(edge_row(row))
    yield from shared_batches(nodes[SHARED], edges[SHARED])
    tasks_of: dict[str, list[str]] = defaultdict(list)
    for row in graph.edges.get("HAS_TASK", []):
        tasks_of[row["from"]].append(row["to"])
    for index in sorted(set(nodes) - {SHARED}):
        docs = [{"doc_id": d["props"]["doc_id"], "task_ids": tasks_of[d["props"]["doc_id"]]}
                for d in nodes[index].get("Document", [])]
        yield Batch(docs=docs, nodes=dict(nodes[index]), edges=dict(edges[index]))
    drops: dict[str, list] = defaultdict(list)
    for cite in dropped:
        drops[cite["from_label"]].append({"from": cite["from"], "to": cite["to"]})
    if drops:
        yield Batch(drop_cites=dict(drops))
    yield from shared_batches({}, edges[None])


def shared_batches(nodes: dict[str, list], edges: dict[EdgeKey, list]) -> Iterator[Batch]:
    """Nodes in one transaction, then relationships BATCH_ROWS at a time."""
    if any(nodes.values()):
        yield Batch(nodes=dict(nodes))
    pending = [(key, row) for key, rows in edges.items() for row in rows]
    for part in chunks(pending, BATCH_ROWS):
        grouped: dict[EdgeKey, list] = defaultdict(list)
        for key, row in part:
            grouped[key].append(row)
        yield Batch(edges=dict(grouped))
