"""Neo4j: the write plan offline; the real driver against a server when NEO4J_URI is set."""
import os

import pytest

from policykg.graph.stores import neo4j_store


def test_plan_writes_every_row_once_shared_nodes_first(corpus_graph):
    batches = list(neo4j_store.plan(corpus_graph))
    assert not batches[0].docs and batches[0].nodes["Agency"]
    node_rows = sum(len(rows) for b in batches for rows in b.nodes.values())
    edge_rows = sum(len(rows) for b in batches for rows in b.edges.values())
    assert node_rows == sum(len(v) for v in corpus_graph.nodes.values())
    assert edge_rows == sum(len(v) for v in corpus_graph.edges.values())
    written = [d["doc_id"] for b in batches for d in b.docs]
    assert len(written) == len(set(written)) == 146


def test_statements_use_parameters_for_every_value():
    for statement in neo4j_store.all_statements():
        assert "'" not in statement and '"' not in statement
        if statement.startswith("UNWIND"):
            assert "$rows" in statement or "$docs" in statement


live = pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set: no Neo4j server")


def counts(driver):
    with driver.session(database=neo4j_store.database_name()) as session:
        nodes = session.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        rels = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"]
    return nodes, rels


@live
def test_live_build_is_idempotent_and_queries_run(corpus_graph):

    driver = neo4j_store.connect()
    try:
        with driver.session(database=neo4j_store.database_name()) as session:
            session.run("MATCH (n) DETACH DELETE n").consume()
        stats = neo4j_store.build(corpus_graph, driver)
        first = counts(driver)
        neo4j_store.build(corpus_graph, driver)
        assert counts(driver) == first == (sum(map(len, corpus_graph.nodes.values())),
                                           sum(map(len, corpus_graph.edges.values())))
        assert stats["round_trips"] * 1000 / stats["rows"] < 5
        with neo4j_store.Neo4jReader(driver=neo4j_store.connect()) as reader:
            with pytest.raises(Exception):
                reader.run("CREATE (:Agency {agency_id: $id})", {"id": "x"})
    finally:
        driver.close()


@live
def test_live_changed_document_replaces_its_tasks(corpus_documents):
    from policykg.graph.build import build_graph

    doc = next(d for d in corpus_documents if d.doc_number == "郑政文[2023]62号")
    driver = neo4j_store.connect()
    try:
        with driver.session(database=neo4j_store.database_name()) as session:
            session.run("MATCH (n) DETACH DELETE n").consume()
            neo4j_store.build(build_graph([doc]), driver)
            shorter = doc.model_copy(update={"tasks": doc.tasks[:5]})
            neo4j_store.build(build_graph([shorter]), driver)
            found = session.run("MATCH (:Document {doc_id: $id})-[:HAS_TASK]->(t:Task) RETURN count(t) AS c",
                                id=doc.doc_id).single()["c"]
        assert found == 5
    finally:
        driver.close()
