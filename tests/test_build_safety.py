"""Builds that never lose a graph, probed as in issue 14: every input failing, a database left with
checkpoint recovery pending, targets that are not databases."""
import os
import subprocess
import sys

import ladybug
import pytest

from conftest import ROOT
from policykg.graph.stores.embedded import EmbeddedReader

EXAMPLES = ROOT / "examples"
COUNTS = "MATCH (n) RETURN label(n) AS label, count(*) AS n ORDER BY label"


def run(*args):
    return subprocess.run([sys.executable, "-m", "policykg", *map(str, args)], capture_output=True, text=True)


def counts(path):
    with EmbeddedReader(path) as reader:
        return reader.run(COUNTS)[1]


@pytest.fixture
def built(tmp_path):
    db = tmp_path / "graph.lbug"
    result = run("build", EXAMPLES, "--db", db, "--no-ner")
    assert result.returncode == 0, result.stderr
    return db


def test_a_build_whose_inputs_all_fail_keeps_the_previous_graph(built, tmp_path):
    before = counts(built)
    assert dict(before)["Document"] > 0
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("build", tmp_path / "not-mounted", empty, "--db", built, "--no-ner")
    assert result.returncode == 1
    assert "[E007]" in result.stderr and "[E001]" in result.stderr
    assert "[E704]" in result.stderr and "previous graph is kept" in result.stderr and "--allow-empty" in result.stderr
    assert counts(built) == before


def test_allow_empty_replaces_the_graph_on_purpose(built, tmp_path):
    result = run("build", tmp_path / "not-mounted", "--db", built, "--allow-empty", "--no-ner")
    assert result.returncode == 1 and "[E007]" in result.stderr and "[E704]" not in result.stderr
    assert counts(built) == []


def test_a_database_with_checkpoint_recovery_pending_is_a_coded_error_and_a_rebuild_recovers(built):
    before = counts(built)
    database = ladybug.Database(str(built), read_only=True)  # what the unguarded `query CHECKPOINT` did
    connection = ladybug.Connection(database)
    with pytest.raises(RuntimeError):
        connection.execute("CHECKPOINT")
    connection.close()
    database.close()
    leftovers = {built.name + ".wal", built.name + ".shadow"}
    assert leftovers & set(os.listdir(built.parent))
    query = run("query", "--db", built, "MATCH (n) RETURN count(*)")
    assert query.returncode == 2 and "[E702]" in query.stderr and "policykg build" in query.stderr
    assert "Traceback" not in query.stderr
    rebuilt = run("build", EXAMPLES, "--db", built, "--no-ner")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert not leftovers & set(os.listdir(built.parent))
    assert counts(built) == before


def test_a_file_that_is_not_a_database_is_a_coded_error_for_query_and_never_replaced_by_build(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("meeting notes, not a graph\n")
    query = run("query", "--db", notes, "MATCH (n) RETURN count(*)")
    assert query.returncode == 2 and "[E702]" in query.stderr and "Traceback" not in query.stderr
    build = run("build", EXAMPLES, tmp_path / "missing.txt", "--db", notes, "--no-ner")
    assert build.returncode == 2 and "[E703]" in build.stderr
    assert "[E007]" not in build.stderr  # refused before extracting anything
    assert notes.read_text() == "meeting notes, not a graph\n"


def test_a_missing_database_is_a_coded_error(tmp_path):
    query = run("query", "--db", tmp_path / "none.lbug", "MATCH (n) RETURN count(*)")
    assert query.returncode == 2 and "[E701]" in query.stderr and "policykg build" in query.stderr
