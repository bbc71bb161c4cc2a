"""neo4j-admin CSV bundle, GraphML and the networkx graph carry the whole graph."""
import csv

import networkx as nx

from policykg.graph.export import write_graphml, write_neo4j_admin
from policykg.graph.stores.networkx_store import to_networkx
from policykg.schema.graph import NODES


def test_neo4j_admin_bundle(corpus_graph, tmp_path):
    command = write_neo4j_admin(corpus_graph, tmp_path)
    assert command.startswith("neo4j-admin database import full neo4j --nodes=Document=Document.csv")
    assert '--array-delimiter=";"' in command and "--relationships=CITES=CITES_Task_Document.csv" in command
    with (tmp_path / "Task.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    assert header[0] == "task_id:ID(Task)" and "deadlines:date[]" in header and "due_date:date" in header
    assert len(rows) - 1 == len(corpus_graph.nodes["Task"])
    with (tmp_path / "LEADS_Agency_Task.csv").open(encoding="utf-8") as handle:
        leads = list(csv.reader(handle))
    assert leads[0] == [":START_ID(Agency)", ":END_ID(Task)", "mention:string"]
    assert len(leads) - 1 == len(corpus_graph.edges["LEADS"])
    for node in NODES:
        assert f"--nodes={node.label}={node.label}.csv" in command


def test_graphml_round_trip(corpus_graph, tmp_path):
    path = tmp_path / "g.graphml"
    write_graphml(corpus_graph, path)
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == sum(map(len, corpus_graph.nodes.values()))
    assert back.number_of_edges() == sum(map(len, corpus_graph.edges.values()))


def test_networkx_graph(corpus_graph):
    g = to_networkx(corpus_graph)
    meishan = next(n for n, a in g.nodes(data=True) if a.get("name") == "眉山市发展改革委")
    tasks = [v for _, v, k in g.out_edges(meishan, keys=True) if k in ("LEADS", "RESPONSIBLE_FOR")]
    assert len(tasks) == 7  # d1 gold: items 1, 3, 4, 5, 6, 9 and 11 name 市发展改革委
