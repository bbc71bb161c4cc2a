"""Every query of the library runs on the embedded store built from the corpus, with a checked result;
the same tests run on Neo4j when NEO4J_URI and NEO4J_TEST_DATABASE are set."""
import os
import re

import pytest

from policykg.graph.jurisdiction import place_within
from policykg.analysis.query_library import library
from policykg.analysis.query_library import run as run_query
from policykg.graph.stores.embedded import EmbeddedReader


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def db(request, corpus_db, corpus_graph):
    if request.param == "embedded":
        with EmbeddedReader(corpus_db) as reader:
            yield reader
        return
    if not (os.environ.get("NEO4J_URI") and os.environ.get("NEO4J_TEST_DATABASE")):
        pytest.skip("NEO4J_URI and NEO4J_TEST_DATABASE not set: no Neo4j test database")
    from neo4j_live import emptied_driver
    from policykg.graph.stores import neo4j_store

    driver, database = emptied_driver()  # the scratch database only, never the working one
    neo4j_store.build(corpus_graph, driver, database=database).check()
    with neo4j_store.Neo4jReader(driver, database=database) as reader:
        yield reader


def run(db, query_name, **params):
    return run_query(db, query_name, **params)


def test_every_query_has_a_header_and_a_test():
    tested = {name[len("test_"):] for name in globals() if name.startswith("test_")}
    for query in library().values():
        assert query.answers and query.example.startswith("policykg query --name " + query.name)
        assert set(re.findall(r"--param (\w+)=", query.example)) == set(query.parameters)
        assert query.name in tested, f"no test for query {query.name}"


def test_agency_tasks(db):
    rows = run(db, "agency_tasks", agency="郑州市大数据局")
    assert len(rows) >= 15 and all(r["agency"] == "郑州市大数据局" for r in rows)
    dated = [r["due_date"] for r in rows if r["due_date"]]
    assert dated == sorted(dated)
    assert {r["role"] for r in rows} == {"lead", "co"}


def test_overdue_tasks(db):
    rows = run(db, "overdue_tasks", as_of="2023-07-01")
    assert rows and all(r["due_date"] < "2023-07-01" for r in rows)
    assert any(r["doc_number"] == "郑政文[2023]62号" and r["due_date"] == "2023-06-30" for r in rows)


def test_agencies_by_open_tasks(db):
    rows = run(db, "agencies_by_open_tasks", as_of="2023-11-22")
    counts = [r["open_tasks"] for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 20
    # the top is single bodies (no 各…, 有关部门, 成员单位, unnamed 开发区管委会), each in the division it names
    for row in rows[:15]:
        assert not re.search(r"各|有关|相关|以上|成员单位|部门$|单位$|^(开发区|园区)", row["agency"]), row
        assert place_within(row["agency"]).id == row["jurisdiction"], row


def test_shared_tasks(db):
    rows = run(db, "shared_tasks", first="郑州市大数据局", second="郑州市政务办公室")
    labels = {r["label"] for r in rows}
    assert {"4", "7", "10", "13"} <= labels  # 郑州 items led by both 市政务办 and 市大数据局


def test_document_assignments(db):
    rows = run(db, "document_assignments", doc="郑政文[2023]62号")
    by_agency = {r["agency"]: r for r in rows}
    assert by_agency["郑州市大数据局"]["leads"] >= 10
    assert by_agency["郑州市医疗保障局"]["leads"] == 1


def test_citing_documents(db):
    rows = run(db, "citing_documents", doc="沪府办规〔2023〕1号")
    assert {"嘉发改规〔2023〕2号", "沪建审改〔2023〕1号"} <= {r["doc_number"] for r in rows}


def test_citation_chain(db):
    rows = run(db, "citation_chain", doc="黄府规〔2023〕4号")
    first_hop = {r["doc_number"] for r in rows if r["hops"] == 1}
    assert "沪府规〔2023〕1号" in first_hop
    assert any(r["hops"] == 2 for r in rows)


def test_ownerless_tasks(db):
    rows = run(db, "ownerless_tasks")
    assert rows and all(r["task"] for r in rows)
    # 四川 (000): "2023年11月底前，省、市、县通过…" has an actor; "到2023年底…" goals have none
    assert not any(r["task"].startswith("2023年11月底前，省、市、县") for r in rows)


def test_deadlines_per_month(db):
    rows = run(db, "deadlines_per_month")
    december = next(r for r in rows if (r["year"], r["month"]) == (2023, 12))
    assert december["tasks"] == max(r["tasks"] for r in rows)


def test_targets_by_unit(db):
    rows = {r["unit"]: r for r in run(db, "targets_by_unit")}
    assert rows["%"]["largest"] <= 100 and rows["个工作日"]["targets"] >= 5


def test_documents_per_jurisdiction(db):
    rows = {r["jurisdiction"]: r for r in run(db, "documents_per_jurisdiction")}
    assert rows["上海市"]["documents"] >= 10
    assert sum(r["documents"] for r in rows.values()) == 146


def test_co_responsibility(db):
    rows = run(db, "co_responsibility", agency="郑州市大数据局")
    partners = {r["partner"]: r["shared_tasks"] for r in rows}
    assert partners["郑州市政务办公室"] >= 4 and "郑州市大数据局" not in partners


def test_external_citations(db):
    rows = run(db, "external_citations")
    top = rows[0]
    assert top["title"] == "优化营商环境条例" and top["cited_by"] >= 5


def test_tasks_due_between(db):
    rows = run(db, "tasks_due_between", from_date="2023-06-01", to_date="2023-06-30")
    assert rows and all("2023-06-01" <= r["due_date"] <= "2023-06-30" for r in rows)


def test_agency_lookup(db):
    rows = run(db, "agency_lookup", name="发改委")
    assert any(r["agency"] == "上海市发展改革委" and "市发改委" in r["written_as"] for r in rows)


def path_nodes(rows):
    """Nodes of the paths a graph query returns, as (label, caption) pairs, whichever the store."""
    return {(node["_LABEL"], node.get("name") or node.get("doc_number") or node.get("task_id"))
            for row in rows for node in row["p"]["_NODES"]}


def test_graph_agency_tasks_due_before(db):
    rows = run(db, "graph_agency_tasks_due_before", agency="郑州市大数据局", date="2023-10-01")
    nodes = path_nodes(rows)
    assert ("Agency", "郑州市大数据局") in nodes and ("Document", "郑政文[2023]62号") in nodes
    assert len(rows) == 2  # items 2 (September) and 15 (June) of the 郑州 要点


def test_graph_overdue_tasks(db):
    rows = run(db, "graph_overdue_tasks", date="2023-07-01")
    assert ("Agency", "郑州市市场监管局") in path_nodes(rows)


def test_graph_citation_chain(db):
    rows = run(db, "graph_citation_chain", doc_number="黄府规〔2023〕4号")
    assert ("Document", "沪府规〔2023〕1号") in path_nodes(rows)
