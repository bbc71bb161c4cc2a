"""The neo4j-admin bundle makes the same graph as the driver's load (schema.cypher for what
neo4j-admin does not make, empty values absent in both), and Bloom and Browser see only indexes
that exist and never a blank caption."""
import csv
import datetime as dt
import re

import pytest

from neo4j_fake import RecordingDriver
from policykg.analysis import bloom
from policykg.graph.build import caption
from policykg.graph.export import admin_value, write_neo4j_admin
from policykg.graph.stores import neo4j_store
from policykg.schema.graph import NODES, RELS, neo4j_schema

KEY = {n.label: n.key for n in NODES}


@pytest.fixture(scope="module")
def bundle(corpus_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle")
    write_neo4j_admin(corpus_graph, out)
    return out


def read_csv(path):
    """Rows as {property: field}; a relationship's ends under "from" and "to"."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    names = [{":START_ID": "from", ":END_ID": "to"}.get(h.split("(")[0], h.split(":")[0]) for h in rows[0]]
    return [dict(zip(names, row)) for row in rows[1:]]


def test_bundle_ships_the_schema_and_says_when_to_run_it(bundle):
    statements = [s for s in (bundle / "schema.cypher").read_text(encoding="utf-8").split(";\n") if s]
    assert statements == neo4j_schema()
    for label, prop in (("Agency", "name"), ("Document", "title")):
        assert f"CREATE TEXT INDEX {label.lower()}_{prop}_text IF NOT EXISTS FOR (n:{label}) ON (n.{prop})" in statements
    for node in NODES:
        assert any(f"FOR (n:{node.label}) REQUIRE n.{node.key} IS UNIQUE" in s for s in statements)
    script = (bundle / "import.sh").read_text(encoding="utf-8")
    assert script.index("neo4j-admin database import") < script.index("cypher-shell -d neo4j -f schema.cypher")


def test_bundle_and_driver_store_the_same_properties(bundle, corpus_graph):
    driver = RecordingDriver()
    neo4j_store.build(corpus_graph, driver).check()
    for node in NODES:
        for row in read_csv(bundle / f"{node.label}.csv"):
            loaded = driver.graph.nodes[(node.label, row[node.key])]
            assert {k for k, v in row.items() if v} == set(loaded), (node.label, row[node.key])
            assert all(row[k] == admin_value(v) for k, v in loaded.items())
    for rel in RELS:
        for source, target in rel.ends:
            for row in read_csv(bundle / f"{rel.type}_{source}_{target}.csv"):
                loaded = driver.graph.rels[(rel.type, (source, row.pop("from")), (target, row.pop("to")))]
                assert {k for k, v in row.items() if v} == set(loaded)


@pytest.mark.parametrize("value,written", [
    (None, ""), ("", ""), ([], ""), ([""], ""), ("市发改委", "市发改委"), (["a;b", "c"], "a；b;c"),
    (False, "false"), (dt.date(2023, 6, 30), "2023-06-30"), ([dt.date(2023, 6, 30)], "2023-06-30"), (0, "0"),
])
def test_admin_values(value, written):
    assert admin_value(value) == written


def test_the_perspective_lists_only_indexes_the_schema_makes():
    made = set()
    for statement in neo4j_schema():
        label, prop = re.search(r"FOR \(n:(\w+)\) (?:ON \(n\.|REQUIRE n\.)(\w+)", statement).groups()
        made.add((label, prop, "text" if " TEXT " in statement else "native"))
    listed = {(i["label"], i["propertyKeys"][0], i["type"]) for i in bloom.perspective()["metadata"]["indexes"]}
    assert listed == made


def test_captions_are_never_blank_on_the_corpus(corpus_graph):
    shown = {label: style[3] for label, style in bloom.STYLE.items()}
    for label, rows in corpus_graph.nodes.items():
        assert all(row[shown[label]] for row in rows), label
    stubs = [d for d in corpus_graph.nodes["Document"] if d["stub"] and not d["doc_number"]]
    unlabelled = [t for t in corpus_graph.nodes["Task"] if not t["label"]]
    assert stubs and unlabelled  # the cases that were blank


@pytest.mark.parametrize("row,shown", [
    ({"label": "4", "text": "建立健全数据共享机制。", "due_date": dt.date(2023, 6, 30)}, "4 建立健全数据共享机制 2023-06-30"),
    ({"label": "", "text": "2023年底前完成全市政务服务事项梳理工作", "due_date": dt.date(2023, 12, 31)},
     "2023年底前完成全市政务服务事… 2023-12-31"),
    ({"label": None, "text": "持续优化营商环境，提升企业满意度和获得感", "due_date": None}, "持续优化营商环境…"),
    ({"label": "（三）", "text": "", "due_date": None}, "（三）"),
])
def test_task_captions(row, shown):
    assert caption("Task", row) == shown


@pytest.mark.parametrize("row,shown", [
    ({"doc_number": "郑政文[2023]62号", "title": "郑州市2023年工作要点"}, "郑政文[2023]62号"),
    ({"doc_number": None, "title": "优化营商环境条例"}, "优化营商环境条例"),
    ({"doc_number": "", "title": "上海市优化营商环境条例"}, "上海市优化营商环境条例"),
])
def test_document_captions(row, shown):
    assert caption("Document", row) == shown
