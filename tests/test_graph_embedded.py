"""The embedded store on the corpus: a real database file, rebuilt idempotently, read-only queries."""
import os
import signal
import subprocess
import sys
import time

import pytest

from policykg.errors import PolicyKGError
from policykg.graph.stores.embedded import EmbeddedReader, build

DUMP = {
    "Document": "MATCH (n:Document) RETURN n.doc_id, n.title, n.doc_number, n.issue_date, n.stub, n.sources "
                "ORDER BY n.doc_id",
    "Agency": "MATCH (n:Agency) RETURN n.agency_id, n.name, n.jurisdiction, n.aliases ORDER BY n.agency_id",
    "Task": "MATCH (n:Task) RETURN n.task_id, n.text, n.deadlines, n.due_date, n.ongoing ORDER BY n.task_id",
    "edges": "MATCH (a)-[r]->(b) RETURN label(a), label(r), label(b), count(*) ORDER BY label(a), label(r), label(b)",
}


def dump(path):
    with EmbeddedReader(path) as db:
        return {name: db.run(text)[1] for name, text in DUMP.items()}


def test_counts_match_the_resolved_graph(corpus_graph, corpus_db):
    with EmbeddedReader(corpus_db) as db:
        for label, rows in corpus_graph.nodes.items():
            assert db.run(f"MATCH (n:{label}) RETURN count(*)")[1] == [[len(rows)]]
        for rel, rows in corpus_graph.edges.items():
            assert db.run(f"MATCH ()-[r:{rel}]->() RETURN count(*)")[1] == [[len(rows)]]


def test_building_twice_gives_the_same_graph(corpus_graph, corpus_db, tmp_path):
    again = tmp_path / "again.lbug"
    build(corpus_graph, again)
    build(corpus_graph, again)
    assert dump(again) == dump(corpus_db)
    assert sorted(os.listdir(tmp_path)) == ["again.lbug"]


def test_a_killed_build_leaves_the_previous_graph_and_a_rerun_matches_a_clean_build(corpus_dir, corpus_db, tmp_path):
    target = tmp_path / "graph.lbug"
    command = [sys.executable, "-m", "policykg", "build", str(corpus_dir), "--db", str(target)]
    subprocess.run(command, check=True, capture_output=True)
    before = dump(target)
    victim = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)  # extraction takes about a second: the kill lands during extraction or loading
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert dump(target) == before
    subprocess.run(command, check=True, capture_output=True)
    assert dump(target) == dump(corpus_db)
    assert sorted(os.listdir(tmp_path)) == ["graph.lbug"]


def test_writes_are_refused_by_the_sandbox_and_by_the_database(corpus_db):
    with EmbeddedReader(corpus_db) as db:
        for write in ("CREATE (:Agency {agency_id: 'x'})", "MATCH (t:Task) DETACH DELETE t"):
            with pytest.raises(PolicyKGError, match=r"\[E601\].*read-only"):
                db.run(write)
            with pytest.raises(RuntimeError, match="read-only"):  # behind the sandbox, the read-only database
                db.connection.execute(write)
        assert db.run("MATCH (a:Agency {agency_id: 'x'}) RETURN count(*)")[1] == [[0]]


def test_injection_through_a_parameter_is_only_a_value(corpus_db):
    with EmbeddedReader(corpus_db) as db:
        hostile = "x' OR 1=1 RETURN a //"
        assert db.run("MATCH (a:Agency) WHERE a.name = $name RETURN a.name", {"name": hostile})[1] == []
        hostile = "'}) DETACH DELETE a //"
        assert db.run("MATCH (a:Agency {name: $name}) RETURN a.name", {"name": hostile})[1] == []
        assert db.run("MATCH (a:Agency) RETURN count(*) > 0")[1] == [[True]]
