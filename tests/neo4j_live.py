"""Live Neo4j tests run only against NEO4J_TEST_DATABASE (with NEO4J_URI, NEO4J_USERNAME,
NEO4J_PASSWORD), which they empty: never the default database, never NEO4J_DATABASE."""
from __future__ import annotations

import os

import pytest

from policykg.graph.stores import neo4j_store

RESERVED = {"neo4j", "system"}
live = pytest.mark.skipif(not (os.environ.get("NEO4J_URI") and os.environ.get("NEO4J_TEST_DATABASE")),
                          reason="NEO4J_URI and NEO4J_TEST_DATABASE not set: no Neo4j test database")


def scratch_database() -> str:
    name = os.environ["NEO4J_TEST_DATABASE"]
    if name in RESERVED | {os.environ.get("NEO4J_DATABASE")}:
        pytest.fail(f"NEO4J_TEST_DATABASE={name} is a default or working database: give a scratch one")
    return name


def emptied_driver():
    """A driver and the test database, emptied."""
    driver, database = neo4j_store.connect(), scratch_database()
    with driver.session(database=database) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    return driver, database


def graph_of(driver, database: str) -> tuple[dict, dict]:
    """Every node by (label, key) and relationship by (type, from, to), with properties."""
    keys = {n.label: n.key for n in neo4j_store.NODES}
    with driver.session(database=database) as session:
        nodes = {(r["label"], r["props"][keys[r["label"]]]): r["props"] for r in session.run(
            "MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props").data()}
        rels = {(r["type"], (r["a"], r["ak"]), (r["b"], r["bk"])): r["props"] for r in session.run(
            "MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a)[0] AS a, labels(b)[0] AS b, "
            "coalesce(a.doc_id, a.agency_id, a.jurisdiction_id, a.task_id, a.target_id) AS ak, "
            "coalesce(b.doc_id, b.agency_id, b.jurisdiction_id, b.task_id, b.target_id) AS bk, "
            "properties(r) AS props").data()}
    return nodes, rels
