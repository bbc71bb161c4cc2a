"""Neo4j loads: on the recording driver (tests/neo4j_fake.py: the real packer, a relationship row
whose end is not written yet is lost) over the whole corpus, and live against NEO4J_TEST_DATABASE."""
import copy
import json
import re

import pytest

from neo4j_fake import RecordingDriver
from neo4j_live import emptied_driver, graph_of, live
from policykg.errors import StoreError
from policykg.graph.build import build_graph
from policykg.graph.model import GraphData
from policykg.analysis.query_library import library
from policykg.graph.stores.embedded import EmbeddedReader
from policykg.graph.stores import neo4j_store
from policykg.schema.graph import NODES, RELS

SPLITS = {  # two loads of the corpus documents, in corpus order within each
    "first half, then second": lambda docs: (docs[:len(docs) // 2], docs[len(docs) // 2:]),
    "second half, then first": lambda docs: (docs[len(docs) // 2:], docs[:len(docs) // 2]),
    "odd, then even": lambda docs: (docs[1::2], docs[::2]),
    "every third, then the rest": lambda docs: (docs[::3], [d for i, d in enumerate(docs) if i % 3]),
}


def load(*graphs, batch_documents=neo4j_store.BATCH_DOCUMENTS):
    driver = RecordingDriver()
    results = [neo4j_store.build(g, driver, database="scratch", batch_documents=batch_documents).check()
               for g in graphs]
    return driver, results


@pytest.fixture(scope="module")
def loads(corpus_graph):
    return {size: load(corpus_graph, batch_documents=size) for size in (1, 7, 200)}


@pytest.mark.parametrize("size", [1, 7, 200])
def test_every_row_arrives_at_every_batch_size(loads, corpus_graph, size):
    driver, (result,) = loads[size]
    assert driver.graph.lost == {}
    assert result.relationships == {r.type: len(corpus_graph.edges[r.type]) for r in RELS}
    assert result.nodes == {n.label: len(corpus_graph.nodes[n.label]) for n in NODES}
    assert result.relationships["CITES"] == len(corpus_graph.edges["CITES"]) > 500  # 543 today
    held = {r.type: sum(key[0] == r.type for key in driver.graph.rels) for r in RELS}
    assert held == result.relationships
    assert set(driver.databases) == {"scratch"}


def test_every_batch_size_writes_the_same_graph(loads):
    graphs = [(driver.graph.nodes, driver.graph.rels) for driver, _ in loads.values()]
    assert graphs[0] == graphs[1] == graphs[2]


def test_smaller_batches_take_more_transactions(loads):
    trips = [result.round_trips for _, (result,) in loads.values()]
    assert trips[0] > trips[1] > trips[2]


def test_a_relationship_without_its_end_is_lost_and_the_check_says_so(corpus_graph):
    doc = corpus_graph.nodes["Document"][0]["doc_id"]
    cites = [{"from": doc, "to": "not-written", "from_label": "Document", "to_label": "Document",
              "title": "x", "doc_number": None}]
    graph = GraphData(nodes=corpus_graph.nodes, edges={**corpus_graph.edges, "CITES": cites})
    driver = RecordingDriver()
    result = neo4j_store.build(graph, driver)
    assert driver.graph.lost == {"CITES": 1} and result.shortfall() == {"CITES": (0, 1)}
    with pytest.raises(StoreError, match=r"\[E308\].*CITES 0 of 1"):
        result.check()


@pytest.mark.parametrize("split", SPLITS)
def test_loading_a_then_b_writes_the_graph_of_a_and_b(corpus_documents, split):
    first, second = SPLITS[split](corpus_documents)
    apart, _ = load(build_graph(first), build_graph(second))
    together, _ = load(build_graph(first + second))
    assert apart.graph.nodes == together.graph.nodes
    assert apart.graph.rels == together.graph.rels
    assert apart.graph.lost == together.graph.lost == {}


def test_incremental_loads_exercise_every_repair(corpus_documents):
    """Over the splits: stubs replaced by documents that arrive later, stubs of a later load that name
    stored documents, and aliases that only the union of both loads holds."""
    moved = named = widened = 0
    for split in SPLITS.values():
        first, second = split(corpus_documents)
        later = build_graph(second)
        driver, results = load(build_graph(first), later)
        moved += results[1].citations_moved
        named += sum(("Document", d["doc_id"]) not in driver.graph.nodes for d in later.nodes["Document"])
        widened += sum(set(driver.graph.nodes[("Agency", a["agency_id"])]["aliases"]) > set(a["aliases"])
                       for a in later.nodes["Agency"])
    assert moved > 0 and named > 0 and widened > 0


def test_loading_again_changes_nothing(corpus_graph):
    driver, _ = load(corpus_graph, batch_documents=7)
    before = copy.deepcopy((driver.graph.nodes, driver.graph.rels))
    result = neo4j_store.build(corpus_graph, driver, batch_documents=7).check()
    assert (driver.graph.nodes, driver.graph.rels) == before
    assert result.citations_moved == result.stubs_removed == 0


def test_a_changed_document_replaces_what_it_owned(corpus_documents):
    doc = next(d for d in corpus_documents if d.doc_number == "郑政文[2023]62号")
    shorter = doc.model_copy(update={"tasks": doc.tasks[:5], "references": ()})
    driver, _ = load(build_graph([doc]), build_graph([shorter]))
    fresh, _ = load(build_graph([shorter]))
    tasks = [b for (rel, a, b) in driver.graph.rels if rel == "HAS_TASK"]
    assert len(tasks) == 5
    owned = {k for k in driver.graph.rels if k[0] in ("LEADS", "RESPONSIBLE_FOR", "CITES", "HAS_TARGET")}
    assert owned == {k for k in fresh.graph.rels if k[0] in ("LEADS", "RESPONSIBLE_FOR", "CITES", "HAS_TARGET")}
    stubs = {k for k, p in driver.graph.nodes.items() if p.get("stub")}
    assert stubs == {k for k, p in fresh.graph.nodes.items() if p.get("stub")}  # orphan stubs went


def test_empty_values_are_absent(loads):
    driver, _ = loads[200]
    for props in [*driver.graph.nodes.values(), *driver.graph.rels.values()]:
        assert not any(v in ("", []) or v is None for v in props.values())
    unlabelled = [p for (label, _), p in driver.graph.nodes.items() if label == "Task" and "label" not in p]
    assert unlabelled and all(p["caption"] for p in unlabelled)


def test_statements_use_parameters_for_every_value():
    for statement in neo4j_store.all_statements():
        assert "'" not in statement and '"' not in statement
        if statement.startswith("UNWIND"):
            assert "$rows" in statement or "$docs" in statement


@live
def test_live_loads_match_the_recording(corpus_graph, loads):
    driver, database = emptied_driver()
    try:
        result = neo4j_store.build(corpus_graph, driver, database=database, batch_documents=7).check()
        recorded, _ = loads[7]
        assert result.relationships == {r.type: len(corpus_graph.edges[r.type]) for r in RELS}
        nodes, rels = graph_of(driver, database)
        assert set(nodes) == set(recorded.graph.nodes) and set(rels) == set(recorded.graph.rels)
        neo4j_store.build(corpus_graph, driver, database=database).check()
        assert graph_of(driver, database) == (nodes, rels)
        with neo4j_store.Neo4jReader(driver=neo4j_store.connect(), database=database) as reader:
            with pytest.raises(Exception):
                reader.run("CREATE (:Agency {agency_id: $id})", {"id": "x"})
    finally:
        driver.close()


@live
def test_live_a_then_b_equals_a_and_b(corpus_documents):
    first, second = SPLITS["odd, then even"](corpus_documents)
    driver, database = emptied_driver()
    try:
        for part in (first, second):
            neo4j_store.build(build_graph(part), driver, database=database).check()
        apart = graph_of(driver, database)
        driver.close()
        driver, database = emptied_driver()
        neo4j_store.build(build_graph(first + second), driver, database=database).check()
        assert graph_of(driver, database) == apart
    finally:
        driver.close()


@live
def test_live_changed_document_replaces_its_tasks(corpus_documents):
    doc = next(d for d in corpus_documents if d.doc_number == "郑政文[2023]62号")
    driver, database = emptied_driver()
    try:
        neo4j_store.build(build_graph([doc]), driver, database=database).check()
        shorter = doc.model_copy(update={"tasks": doc.tasks[:5]})
        neo4j_store.build(build_graph([shorter]), driver, database=database).check()
        nodes, _ = graph_of(driver, database)
        assert sum(label == "Task" for label, _ in nodes) == 5
    finally:
        driver.close()


def example_parameters(query) -> dict[str, str]:
    return dict(re.findall(r"--param (\w+)=(\S+)", query.example))


KEYS = {n.label: n.key for n in NODES}


def canonical(value):
    """A result value as both stores can agree on it: a node by (label, key), a path by its nodes, a
    relationship by its type, empty strings and lists as None (Neo4j stores them absent)."""
    if isinstance(value, dict) and "_NODES" in value:
        return [canonical(n) for n in value["_NODES"]]
    if isinstance(value, dict) and value.get("_LABEL") in KEYS:
        return [value["_LABEL"], value.get(KEYS[value["_LABEL"]])]
    if isinstance(value, dict) and "_LABEL" in value:
        return value["_LABEL"]
    if isinstance(value, list):
        return [canonical(v) for v in value] or None
    if isinstance(value, float):
        return round(value, 6)
    return None if value == "" else value


def answer(reader, query) -> list[str]:
    columns, rows = reader.run(query.text(reader.store), example_parameters(query))
    return sorted(json.dumps([columns, canonical(row)], ensure_ascii=False, sort_keys=True) for row in rows)


def test_every_query_example_gives_its_parameters():
    for query in library().values():
        assert set(example_parameters(query)) == set(query.parameters), query.name


@live
def test_live_library_queries_answer_as_the_embedded_store(corpus_graph, corpus_db):
    driver, database = emptied_driver()
    try:
        neo4j_store.build(corpus_graph, driver, database=database).check()
        with neo4j_store.Neo4jReader(driver=neo4j_store.connect(), database=database) as neo4j, \
                EmbeddedReader(corpus_db) as embedded:
            for query in library().values():
                assert answer(neo4j, query) == answer(embedded, query), query.name
    finally:
        driver.close()
