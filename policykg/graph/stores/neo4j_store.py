"""Neo4j through the official driver: constraints and indexes first, then batched `UNWIND $rows …
MERGE` writes in managed transactions (retried on transient errors), planned by neo4j_plan.

Idempotent and incremental: keys are stable hashes, every write is a MERGE on a constrained key, a
re-extracted document replaces its old tasks, owners and citations, an agency's aliases are the
union of every load's spellings, and stubs no longer cited are removed. Every statement returns
how many rows it wrote, checked against the graph. Labels and types come from the schema tables,
never from input; every value is a parameter. Errors are coded (E301-E308); credentials are never
shown.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from contextlib import contextmanager
from typing import Any, Iterator

from pydantic import BaseModel

from policykg.errors import StoreError
from policykg.graph import sandbox
from policykg.graph.model import GraphData
from policykg.graph.stores.neo4j_plan import (BATCH_DOCUMENTS, BATCH_ROWS, Batch, StoreState, chunks, plan,
                                               reconcile)
from policykg.graph.stores.reader import Reader
from policykg.schema.graph import NODE_BY_LABEL, NODES, REL_BY_TYPE, RELS, neo4j_schema


def node_statement(label: str) -> str:
    """MERGE on the key, set the properties (an absent one is removed), union the merged lists."""
    spec = NODE_BY_LABEL[label]
    sets = ["n += row.props"] + [f"n.{name} = COLLECT {{ UNWIND coalesce(n.{name}, []) + row.{name} AS item "
                                 f"RETURN DISTINCT item ORDER BY item }}" for name in spec.merged]
    return (f"UNWIND $rows AS row MERGE (n:{label} {{{spec.key}: row.props.{spec.key}}}) "
            f"SET {', '.join(sets)} RETURN count(n) AS written")


def edge_statement(rel: str, source: str, target: str) -> str:
    return (f"UNWIND $rows AS row MATCH (a:{source} {{{NODE_BY_LABEL[source].key}: row.from}}) "
            f"MATCH (b:{target} {{{NODE_BY_LABEL[target].key}: row.to}}) "
            f"MERGE (a)-[r:{rel}]->(b) SET r += row.props RETURN count(r) AS written")


def drop_cites_statement(source: str) -> str:
    """Remove citations of stubs that a document of this load turned out to be."""
    return (f"UNWIND $rows AS row MATCH (:{source} {{{NODE_BY_LABEL[source].key}: row.from}})"
            f"-[r:CITES]->(:Document {{doc_id: row.to}}) DELETE r RETURN count(*) AS written")


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
READ_DOCUMENTS = ("MATCH (d:Document) RETURN d.doc_id AS doc_id, d.doc_number AS doc_number, d.title AS title, "
                  "d.enclosed_titles AS enclosed_titles, d.stub AS stub")
CITING = {"Document": "(a:Document)", "Task": "(o:Document)-[:HAS_TASK]->(a:Task)"}  # a citer and its document
REMOVE_ORPHAN_STUBS = ("MATCH (s:Document) WHERE s.stub AND NOT EXISTS { MATCH (s)<-[:CITES]-() } "
                       "DETACH DELETE s RETURN count(*) AS removed")


def stub_citations_statement(source: str) -> str:
    owner = "a.doc_id" if source == "Document" else "o.doc_id"
    return (f"MATCH {CITING[source]}-[r:CITES]->(s:Document) WHERE s.stub "
            f"RETURN a.{NODE_BY_LABEL[source].key} AS from, {owner} AS owner, s.doc_id AS to, "
            f"r.title AS title, r.doc_number AS doc_number")


CITERS = [source for source, _ in REL_BY_TYPE["CITES"].ends]


def all_statements() -> list[str]:
    """Every statement this store can send (for the linter)."""
    out = neo4j_schema() + [node_statement(n.label) for n in NODES] + list(CLEAR_STALE)
    out += [edge_statement(r.type, a, b) for r in RELS for a, b in r.ends]
    out += [drop_cites_statement(s) for s in CITERS] + [stub_citations_statement(s) for s in CITERS]
    return out + [READ_DOCUMENTS, REMOVE_ORPHAN_STUBS]


class LoadResult(BaseModel):
    """What a load wrote (rows per label and per relationship type) beside what the graph holds."""

    nodes: dict[str, int]
    relationships: dict[str, int]
    expected: dict[str, int]
    citations_moved: int
    stubs_removed: int
    round_trips: int

    def shortfall(self) -> dict[str, tuple[int, int]]:
        written = {**self.nodes, **self.relationships}
        return {k: (written.get(k, 0), v) for k, v in self.expected.items() if written.get(k, 0) != v}

    def check(self) -> LoadResult:
        """The result, or E308 when any label or type wrote fewer (or more) rows than the graph holds."""
        if self.shortfall():
            detail = ", ".join(f"{k} {w} of {e}" for k, (w, e) in self.shortfall().items())
            raise StoreError("E308", where(), detail=detail)
        return self


def read_state(tx) -> StoreState:
    cites = [{**row, "from_label": source} for source in CITERS
             for row in tx.run(stub_citations_statement(source)).data()]
    return StoreState(documents=tx.run(READ_DOCUMENTS).data(), stub_citations=cites)


def round_trips(batches: list[Batch]) -> int:
    """Statements a load sends: the schema, the reads of what is stored, each batch's, the orphan sweep."""
    def of(batch: Batch) -> int:
        rows = [*batch.drop_cites.values(), *batch.nodes.values(), *batch.edges.values()]
        return (len(CLEAR_STALE) if batch.docs else 0) + sum(-(-len(r) // BATCH_ROWS) for r in rows)

    return len(neo4j_schema()) + 1 + len(CITERS) + sum(map(of, batches)) + 1


def write_batch(tx, batch: Batch) -> Counter:
    """All statements of one batch in one transaction; rows written per label / type ("-CITES" for
    citations dropped)."""
    written: Counter = Counter()

    def send(statement: str, name: str, rows: list) -> None:
        for part in chunks(rows, BATCH_ROWS):
            written[name] += tx.run(statement, rows=part).single()["written"]

    if batch.docs:
        for statement in CLEAR_STALE:
            tx.run(statement, docs=batch.docs).consume()
    for source, rows in batch.drop_cites.items():
        send(drop_cites_statement(source), "-CITES", rows)
    for node in NODES:
        send(node_statement(node.label), node.label, batch.nodes.get(node.label, []))
    for (rel, source, target), rows in batch.edges.items():
        send(edge_statement(rel, source, target), rel, rows)
    return written


def remove_orphan_stubs(tx) -> int:
    return tx.run(REMOVE_ORPHAN_STUBS).single()["removed"]


def build(graph: GraphData, driver=None, database: str | None = None,
          batch_documents: int = BATCH_DOCUMENTS) -> LoadResult:
    """Write the graph to Neo4j (NEO4J_DATABASE unless `database`); what was written, not yet checked."""
    own = driver is None
    driver = driver or connect()
    database = database or database_name()
    written: Counter = Counter()
    try:
        with store_errors(database, load=True), driver.session(database=database) as session:
            for statement in neo4j_schema():
                session.run(statement).consume()
            reconciled, dropped = reconcile(graph, session.execute_read(read_state))
            batches = list(plan(reconciled, dropped, batch_documents))
            for batch in batches:
                written.update(session.execute_write(write_batch, batch))
            removed = session.execute_write(remove_orphan_stubs)
    finally:
        if own:
            driver.close()
    return LoadResult(nodes={n.label: written[n.label] for n in NODES},
                      relationships={r.type: written[r.type] for r in RELS}, expected=reconciled.counts(),
                      citations_moved=written["-CITES"], stubs_removed=removed,
                      round_trips=round_trips(batches))


SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


def shown_uri(uri: str) -> str:
    """The URI without the user and password it may carry."""
    return re.sub(r"(?<=//)[^/@]*@", "", uri)


def where() -> str:
    return shown_uri(os.environ.get("NEO4J_URI", "")) or "Neo4j"


def username() -> str:
    return os.environ.get("NEO4J_USERNAME", "neo4j")


def database_name() -> str:
    return os.environ.get("NEO4J_DATABASE", "neo4j")


@contextmanager
def store_errors(database: str | None = None, load: bool = False) -> Iterator[None]:
    """The driver's connection, credential, database and constraint errors as coded StoreErrors; on a
    load every other error Neo4j returns too (a read's syntax error is the query's own)."""
    from neo4j import exceptions as neo

    try:
        yield
    except neo.AuthError:
        raise StoreError("E304", where(), user=username()) from None
    except (neo.ServiceUnavailable, neo.SessionExpired):
        raise StoreError("E303", where()) from None
    except neo.ConstraintError as exc:
        raise StoreError("E306", where(), detail=first_line(exc.message)) from None
    except neo.ClientError as exc:
        if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
            raise StoreError("E305", where(), database=database or database_name()) from None
        if load or exc.code.startswith("Neo.ClientError.Security."):
            raise StoreError("E307", where(), detail=f"{exc.code}: {first_line(exc.message)}") from None
        raise


def first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else "no message"


def connect():
    """A driver from NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD, its connection verified."""
    import neo4j

    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise StoreError("E301", "NEO4J_URI")
    try:
        if uri.partition("://")[0] not in SCHEMES:
            raise ValueError("not a Bolt URI")
        driver = neo4j.GraphDatabase.driver(uri, auth=(username(), os.environ.get("NEO4J_PASSWORD", "")))
    except (ValueError, neo4j.exceptions.ConfigurationError):  # their messages may hold the URI's password
        raise StoreError("E302", shown_uri(uri)) from None
    try:
        with store_errors():
            driver.verify_connectivity()
    except StoreError:
        driver.close()
        raise
    return driver


class Neo4jReader(Reader):
    """Read-only Cypher: the sandbox lets only reading statements through (LOAD CSV and file or network
    procedures only with `allow_file_procedures`); sessions in READ access mode, read transactions."""

    store = "neo4j"

    def __init__(self, driver=None, database: str | None = None, allow_file_procedures: bool = False):
        import neo4j

        self.allow_file_procedures = allow_file_procedures
        self.driver = driver or connect()
        self.database = database or database_name()
        self.session = self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS)

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        sandbox.check(cypher, self.store, self.allow_file_procedures)

        def work(tx):
            result = tx.run(cypher, parameters or {})
            return result.keys(), [[plain(v) for v in record.values()] for record in result]

        with store_errors(self.database):
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
