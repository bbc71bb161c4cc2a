"""A recording stand-in for the Neo4j driver, for tests without a server.

Every statement's parameters go through the real driver's PackStream packer (with its date
dehydration), every property value must be one Neo4j can store, and each statement the store can
send acts on an in-memory graph the way Neo4j would run it. A relationship row whose end node has
not been written yet is lost, as a MATCH would drop it, and counted in `lost`.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from neo4j._codec.packstream.v1 import PackableBuffer, Packer

from policykg.graph.stores import neo4j_store as store
from policykg.schema.graph import NODE_BY_LABEL, NODES, RELS, neo4j_schema

try:  # the driver's own dehydration of dates and times (module moved in driver 6)
    from neo4j._codec.hydration.bolt.v2 import HydrationHandler
except ImportError:  # pragma: no cover - driver 5
    from neo4j._codec.hydration.v2 import HydrationHandler

SCALARS = (str, bool, int, float, dt.date)


def storable(value) -> bool:
    """A property value Neo4j stores: a scalar, or a list of scalars of one type."""
    if isinstance(value, list):
        return all(isinstance(v, SCALARS) for v in value) and len({type(v) for v in value}) <= 1
    return value is None or isinstance(value, SCALARS)


class Result:
    def __init__(self, rows: list[dict]):
        self.rows = rows

    def single(self) -> dict:
        assert len(self.rows) == 1
        return self.rows[0]

    def data(self) -> list[dict]:
        return self.rows

    def consume(self) -> None:
        return None


class FakeGraph:
    """Nodes by (label, key) and relationships by (type, from node, to node), with properties."""

    def __init__(self):
        self.nodes: dict[tuple[str, str], dict] = {}
        self.rels: dict[tuple[str, tuple, tuple], dict] = {}
        self.lost: Counter = Counter()
        self.handlers = {s: self.schema for s in neo4j_schema()}
        self.handlers.update({store.node_statement(n.label): self.merge_nodes(n.label) for n in NODES})
        self.handlers.update({store.edge_statement(r.type, a, b): self.merge_rels(r.type, a, b)
                              for r in RELS for a, b in r.ends})
        for source in store.CITERS:
            self.handlers[store.drop_cites_statement(source)] = self.drop_cites(source)
            self.handlers[store.stub_citations_statement(source)] = self.stub_citations(source)
        self.handlers[store.READ_DOCUMENTS] = self.documents
        self.handlers[store.REMOVE_ORPHAN_STUBS] = self.remove_orphan_stubs
        self.handlers.update(zip(store.CLEAR_STALE, (self.stale_tasks, self.targets, self.owners, self.out_cites,
                                                     self.issued, self.task_cites)))

    def run(self, statement: str, params: dict) -> Result:
        buffer = PackableBuffer()
        Packer(buffer).pack(params, dehydration_hooks=HydrationHandler().new_hydration_scope().dehydration_hooks)
        return Result(self.handlers[statement](**params) or [])

    # schema and reads
    def schema(self) -> list[dict]:
        return []

    def documents(self) -> list[dict]:
        return [{k: props.get(k) for k in ("doc_id", "doc_number", "title", "enclosed_titles", "stub")}
                for (label, _), props in self.nodes.items() if label == "Document"]

    def stub_citations(self, source: str):
        def read() -> list[dict]:
            return [{"from": a[1], "owner": self.owner(a), "to": b[1], "title": props.get("title"),
                     "doc_number": props.get("doc_number")}
                    for (rel, a, b), props in self.rels.items()
                    if rel == "CITES" and a[0] == source and self.nodes[b].get("stub")]
        return read

    def owner(self, node: tuple) -> str:
        if node[0] == "Document":
            return node[1]
        return next(a[1] for (rel, a, b) in self.rels if rel == "HAS_TASK" and b == node)

    # writes
    def merge_nodes(self, label: str):
        spec = NODE_BY_LABEL[label]

        def merge(rows: list[dict]) -> list[dict]:
            for row in rows:
                assert all(storable(v) for v in row["props"].values()) and set(row) == {"props", *spec.merged}
                node = self.nodes.setdefault((label, row["props"][spec.key]), {})
                node.update(row["props"])
                for name in spec.merged:
                    node[name] = sorted(set(node.get(name) or []) | set(row[name]))
                for name in [k for k, v in node.items() if v is None]:
                    del node[name]
            return [{"written": len(rows)}]
        return merge

    def merge_rels(self, rel: str, source: str, target: str):
        def merge(rows: list[dict]) -> list[dict]:
            written = 0
            for row in rows:
                assert all(storable(v) for v in row["props"].values())
                ends = (source, row["from"]), (target, row["to"])
                if not all(end in self.nodes for end in ends):
                    self.lost[rel] += 1
                    continue
                props = self.rels.setdefault((rel, *ends), {})
                props.update(row["props"])
                for name in [k for k, v in props.items() if v is None]:
                    del props[name]
                written += 1
            return [{"written": written}]
        return merge

    def drop_cites(self, source: str):
        def drop(rows: list[dict]) -> list[dict]:
            keys = [("CITES", (source, r["from"]), ("Document", r["to"])) for r in rows]
            found = [k for k in keys if k in self.rels]
            for key in found:
                del self.rels[key]
            return [{"written": len(found)}]
        return drop

    def remove_orphan_stubs(self) -> list[dict]:
        cited = {b for (rel, _, b) in self.rels if rel == "CITES"}
        orphans = [n for n, props in self.nodes.items() if n[0] == "Document" and props.get("stub")
                   and n not in cited]
        self.delete_nodes(orphans)
        return [{"removed": len(orphans)}]

    # deletes before a document is written again (CLEAR_STALE, in order)
    def delete_nodes(self, nodes) -> None:
        for node in list(nodes):
            self.nodes.pop(node, None)
        self.delete_rels(lambda rel, a, b: a not in self.nodes or b not in self.nodes)

    def delete_rels(self, match) -> None:
        for key in [k for k in self.rels if match(*k)]:
            del self.rels[key]

    def out(self, node: tuple, rel: str) -> list[tuple]:
        return [b for (r, a, b) in self.rels if r == rel and a == node]

    def tasks(self, docs: list[dict]) -> list[tuple]:
        return [t for d in docs for t in self.out(("Document", d["doc_id"]), "HAS_TASK")]

    def stale_tasks(self, docs: list[dict]) -> None:
        keep = {("Task", t) for d in docs for t in d["task_ids"]}
        stale = [t for t in self.tasks(docs) if t not in keep]
        self.delete_nodes(stale + [x for t in stale for x in self.out(t, "HAS_TARGET")])

    def targets(self, docs: list[dict]) -> None:
        self.delete_nodes([x for t in self.tasks(docs) for x in self.out(t, "HAS_TARGET")])

    def owners(self, docs: list[dict]) -> None:
        tasks = set(self.tasks(docs))
        self.delete_rels(lambda rel, a, b: rel in ("LEADS", "RESPONSIBLE_FOR") and b in tasks)

    def out_cites(self, docs: list[dict]) -> None:
        ids = {("Document", d["doc_id"]) for d in docs}
        self.delete_rels(lambda rel, a, b: rel in ("CITES", "ADDRESSED_TO") and a in ids)

    def issued(self, docs: list[dict]) -> None:
        ids = {("Document", d["doc_id"]) for d in docs}
        self.delete_rels(lambda rel, a, b: rel == "ISSUED" and b in ids)

    def task_cites(self, docs: list[dict]) -> None:
        tasks = set(self.tasks(docs))
        self.delete_rels(lambda rel, a, b: rel == "CITES" and a in tasks)


class Transaction:
    def __init__(self, graph: FakeGraph, log: list):
        self.graph, self.log = graph, log

    def run(self, statement: str, parameters: dict | None = None, **kwargs) -> Result:
        params = {**(parameters or {}), **kwargs}
        self.log.append((statement, params))
        return self.graph.run(statement, params)


class Session(Transaction):
    def execute_read(self, work, *args, **kwargs):
        return work(Transaction(self.graph, self.log), *args, **kwargs)

    execute_write = execute_read

    def close(self) -> None:
        return None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None


class RecordingDriver:
    """Sessions on one FakeGraph; `log` holds every (statement, parameters) sent, `databases` every
    database a session was opened on."""

    def __init__(self):
        self.graph = FakeGraph()
        self.log: list[tuple[str, dict]] = []
        self.databases: list[str] = []

    def session(self, database: str, **config) -> Session:
        self.databases.append(database)
        return Session(self.graph, self.log)

    def close(self) -> None:
        return None
