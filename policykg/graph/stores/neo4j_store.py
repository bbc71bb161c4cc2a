"""Neo4j through the official driver: constraints first, then batched `UNWIND $rows … MERGE`
writes, one managed transaction per batch of documents (retried on transient errors).

Idempotent: keys are stable hashes, every write is a MERGE on a constrained key, and a
re-extracted document replaces its old tasks, owners and citations instead of adding to them.
Labels and types come from the schema tables, never from input; every value is a parameter.
"""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterator

from policykg.graph import sandbox
from policykg.graph.model import GraphData
from policykg.graph.stores.reader import Reader
from policykg.schema.graph import NODE_BY_LABEL, NODES, RELS

BATCH_DOCUMENTS = 200
BATCH_ROWS = 10_000
SHARED_LABELS = ("Jurisdiction", "Agency")
OWNED_LABELS = ("Document", "Task", "Target")


def constraint_statements() -> list[str]:
    """Uniqueness constraints on every key, plus indexes for the properties analysts filter on."""
    out = [f"CREATE CONSTRAINT {n.label.lower()}_{n.key} IF NOT EXISTS FOR (n:{n.label}) REQUIRE n.{n.key} IS UNIQUE"
           for n in NODES]
    for label, prop in (("Task", "due_date"), ("Agency", "name"), ("Document", "doc_number"), ("Document", "title")):
        out.append(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    return out


def node_statement(label: str) -> str:
    key = NODE_BY_LABEL[label].key
    return f"UNWIND $rows AS row MERGE (n:{label} {{{key}: row.{key}}}) SET n += row"


def edge_statement(rel: str, source: str, target: str) -> str:
    return (f"UNWIND $rows AS row MATCH (a:{source} {{{NODE_BY_LABEL[source].key}: row.from}}) "
            f"MATCH (b:{target} {{{NODE_BY_LABEL[target].key}: row.to}}) "
            f"MERGE (a)-[r:{rel}]->(b) SET r += row.props")


# before a batch of documents is written again: what it owned goes, so the new version replaces it
CLEAR_STALE = [
    "UNWIND $docs AS d MATCH (:Document {doc_id: d.doc_id})-[:HAS_TASK]->(t:Task) "
    "WHERE NOT t.task_id IN d.task_ids OPTIONAL MATCH (t)-[:HAS_TARGET]->(x:Target) DETACH DELETE t, x",
    "UNWIND $docs AS d MATCH (:Document {doc_id: d.doc_id})-[:HAS_TASK]->(:Task)-[:HAS_TARGET]->(x:Target) "
    "DETACH DELETE x",
    "UNWIND $docs AS d MATCH (:Document {doc_id: d.doc_id})-[:HAS_TASK]->(:Task)<-[r:LEADS|RESPONSIBLE_FOR]-() "
    "DELETE r",
    "UNWIND $docs AS d MATCH (doc:Document {doc_id: d.doc_id})-[r:CITES|ADDRESSED_TO]->() DELETE r",
    "UNWIND $docs AS d MATCH (:Document {doc_id: d.doc_id})<-[r:ISSUED]-() DELETE r",
    "UNWIND $docs AS d MATCH (:Document {doc_id: d.doc_id})-[:HAS_TASK]->(:Task)-[r:CITES]->() DELETE r",
]


def all_statements() -> list[str]:
    """Every statement this store can send (for the linter)."""
    out = constraint_statements() + [node_statement(n.label) for n in NODES] + list(CLEAR_STALE)
    out += [edge_statement(r.type, a, b) for r in RELS for a, b in r.ends]
    return out


@dataclass
class Batch:
    """Rows written in one transaction."""

    docs: list[dict[str, Any]]
    nodes: dict[str, list[dict[str, Any]]]
    edges: dict[tuple[str, str, str], list[dict[str, Any]]]


def edge_rows(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for rel, row in rows:
        props = {k: v for k, v in row.items() if k not in ("from", "to", "from_label", "to_label")}
        out[(rel, row["from_label"], row["to_label"])].append({"from": row["from"], "to": row["to"], "props": props})
    return out


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def plan(graph: GraphData) -> Iterator[Batch]:
    """Shared nodes (jurisdictions, agencies, stubs) first, then documents with what they own."""
    owner: dict[str, str] = {}
    for row in graph.edges.get("HAS_TASK", []):
        owner[row["to"]] = row["from"]
    for row in graph.edges.get("HAS_TARGET", []):
        owner[row["to"]] = owner.get(row["from"], "")
    corpus = [d for d in graph.nodes.get("Document", []) if not d.get("stub")]
    corpus_ids = {d["doc_id"] for d in corpus}

    def doc_of(label: str, key: str) -> str | None:
        if label == "Document":
            return key if key in corpus_ids else None
        return owner.get(key) if label in OWNED_LABELS else None

    shared_nodes = {label: graph.nodes.get(label, []) for label in SHARED_LABELS}
    shared_nodes["Document"] = [d for d in graph.nodes.get("Document", []) if d.get("stub")]
    owned_edges: dict[str, list] = defaultdict(list)
    shared_edges = []
    for rel, rows in graph.edges.items():
        for row in rows:
            doc = doc_of(row["from_label"], row["from"]) or doc_of(row["to_label"], row["to"])
            (owned_edges[doc] if doc else shared_edges).append((rel, row))
    for part in chunks(shared_edges, BATCH_ROWS):
        yield Batch(docs=[], nodes=shared_nodes, edges=edge_rows(part))
        shared_nodes = {}
    if shared_nodes:
        yield Batch(docs=[], nodes=shared_nodes, edges={})
    tasks_of: dict[str, list[dict]] = defaultdict(list)
    for task in graph.nodes.get("Task", []):
        tasks_of[owner.get(task["task_id"], "")].append(task)
    targets_of: dict[str, list[dict]] = defaultdict(list)
    for target in graph.nodes.get("Target", []):
        targets_of[owner.get(target["target_id"], "")].append(target)
    for docs in chunks(corpus, BATCH_DOCUMENTS):
        ids = [d["doc_id"] for d in docs]
        yield Batch(
            docs=[{"doc_id": i, "task_ids": [t["task_id"] for t in tasks_of[i]]} for i in ids],
            nodes={"Document": docs, "Task": [t for i in ids for t in tasks_of[i]],
                   "Target": [t for i in ids for t in targets_of[i]]},
            edges=edge_rows([e for i in ids for e in owned_edges[i]]))


def write_batch(tx, batch: Batch) -> int:
    """All statements of one batch in one transaction; returns the number of round trips."""
    trips = 0
    if batch.docs:
        for statement in CLEAR_STALE:
            tx.run(statement, docs=batch.docs).consume()
            trips += 1
    for label in ("Jurisdiction", "Agency", "Document", "Task", "Target"):
        for rows in chunks(batch.nodes.get(label, []), BATCH_ROWS):
            tx.run(node_statement(label), rows=rows).consume()
            trips += 1
    for (rel, source, target), rows in batch.edges.items():
        for part in chunks(rows, BATCH_ROWS):
            tx.run(edge_statement(rel, source, target), rows=part).consume()
            trips += 1
    return trips


def connect():
    """A driver from NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD (never printed)."""
    import neo4j

    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise RuntimeError("NEO4J_URI is not set")
    auth = (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    return neo4j.GraphDatabase.driver(uri, auth=auth)


def database_name() -> str:
    return os.environ.get("NEO4J_DATABASE", "neo4j")


def build(graph: GraphData, driver=None) -> dict[str, int]:
    """Write the graph to Neo4j; returns rows written and round trips."""
    own = driver is None
    driver = driver or connect()
    trips = rows = 0
    try:
        with driver.session(database=database_name()) as session:
            for statement in constraint_statements():
                session.run(statement).consume()
                trips += 1
            for batch in plan(graph):
                trips += session.execute_write(write_batch, batch)
                rows += sum(map(len, batch.nodes.values())) + sum(map(len, batch.edges.values()))
    finally:
        if own:
            driver.close()
    return {"rows": rows, "round_trips": trips}


class Neo4jReader(Reader):
    """Read-only Cypher: the sandbox lets only reading statements through (LOAD CSV and file or network
    procedures only with `allow_file_procedures`); sessions in READ access mode, read transactions."""

    store = "neo4j"

    def __init__(self, driver=None, allow_file_procedures: bool = False):
        import neo4j

        self.allow_file_procedures = allow_file_procedures
        self.driver = driver or connect()
        self.session = self.driver.session(database=database_name(), default_access_mode=neo4j.READ_ACCESS)

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        sandbox.check(cypher, self.store, self.allow_file_procedures)

        def work(tx):
            result = tx.run(cypher, parameters or {})
            return result.keys(), [[plain(v) for v in record.values()] for record in result]

        columns, rows = self.session.execute_read(work)
        return list(columns), rows

    def close(self) -> None:
        self.session.close()
        self.driver.close()



def plain(value: Any) -> Any:
    """A result value as plain data, shaped like the embedded store's: a path is {"_NODES", "_RELS"},
    a node carries "_LABEL", a relationship "_LABEL" (its type); temporal values are ISO strings."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Path):
        return {"_NODES": [plain(n) for n in value.nodes], "_RELS": [plain(r) for r in value.relationships]}
    if isinstance(value, Node):
        return {"_LABEL": next(iter(value.labels), None), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_LABEL": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    iso = getattr(value, "iso_format", None)
    return iso() if iso else value
