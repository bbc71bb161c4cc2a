"""The query sandbox, probed as the attacker of issue 14 did: file functions, COPY, CHECKPOINT and
writes through `policykg query`, and the classifier on a table of statements of our own."""
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from policykg.errors import PolicyKGError
from policykg.graph import sandbox
from policykg.analysis.query_library import library
from policykg.graph.stores.embedded import EmbeddedReader
from policykg.analysis.report.data import QUERIES


def run(*args):
    return subprocess.run([sys.executable, "-m", "policykg", *map(str, args)], capture_output=True, text=True)


def refused(cypher, store="embedded", **flags):
    with pytest.raises(PolicyKGError) as caught:
        sandbox.check(cypher, store, **flags)
    return caught.value.code


def test_the_file_reading_probe_is_refused_and_prints_nothing(corpus_db):
    result = run("query", "--db", corpus_db, "LOAD FROM '/etc/passwd' (file_format='csv', delim=':') RETURN column0")
    assert result.returncode == 2 and "[E601]" in result.stderr and "LOAD" in result.stderr
    assert "root" not in result.stdout + result.stderr


def test_the_file_writing_probe_is_refused_and_no_file_is_created(corpus_db, tmp_path):
    target = tmp_path / "x.csv"
    result = run("query", "--db", corpus_db, f"COPY (RETURN 'x' AS x) TO '{target}'")
    assert result.returncode == 2 and "[E601]" in result.stderr and "COPY" in result.stderr
    nested = run("query", "--db", corpus_db, f"MATCH (a:Agency) RETURN a.name; COPY (RETURN 1 AS y) TO '{target}'")
    assert nested.returncode == 2 and not target.exists()


def test_checkpoint_is_refused_and_the_database_stays_readable(corpus_db):
    before = sorted(os.listdir(corpus_db.parent))
    result = run("query", "--db", corpus_db, "CHECKPOINT")
    assert result.returncode == 2 and "[E601]" in result.stderr and "CHECKPOINT" in result.stderr
    assert sorted(os.listdir(corpus_db.parent)) == before  # no .wal or .shadow left behind
    count = run("query", "--db", corpus_db, "MATCH (d:Document) RETURN count(*) AS n", "--format", "json")
    assert count.returncode == 0 and json.loads(count.stdout)[0]["n"] > 100


def test_the_reader_refuses_too_so_reports_and_notebooks_are_covered(corpus_db, tmp_path):
    with EmbeddedReader(corpus_db) as reader:
        with pytest.raises(PolicyKGError, match="E601"):
            reader.run("COPY (MATCH (a:Agency) RETURN a.name) TO $out", {"out": str(tmp_path / "a.csv")})
    assert not (tmp_path / "a.csv").exists()


@pytest.mark.parametrize("cypher,code", [
    ("LOAD FROM '/etc/shadow' (file_format='csv', delim=':') RETURN *", "E601"),
    ("load  from 'x.parquet' return *", "E601"),
    ("COPY Agency FROM '/tmp/agencies.csv'", "E601"),
    ("EXPORT DATABASE '/tmp/dump'", "E601"),
    ("IMPORT DATABASE '/tmp/dump'", "E601"),
    ("ATTACH '/tmp/other.lbug' AS other (dbtype lbug)", "E601"),
    ("INSTALL httpfs", "E601"),
    ("LOAD EXTENSION '/tmp/evil.so'", "E601"),
    ("UPDATE EXTENSION httpfs", "E601"),
    ("checkpoint;", "E601"),
    ("BEGIN TRANSACTION", "E601"),
    ("MATCH (a:Agency) RETURN a; ROLLBACK", "E601"),
    ("MATCH (t:Task) SET t.text = 'x'", "E601"),
    ("MATCH (t:Task)\n// a comment\nDETACH DELETE t", "E601"),
    ("MERGE (:Agency {agency_id: 'x'})", "E601"),
    ("MATCH (a:Agency) REMOVE a.name", "E601"),
    ("DROP TABLE Task", "E601"),
    ("ALTER TABLE Task ADD x INT64", "E601"),
    ("RETURN 1 /* hidden */ CREATE (:Agency {agency_id: 'x'})", "E601"),
    ("MATCH (a:Agency) WITH a AS set SET a.name = 'x'", "E601"),
    ("CALL read_csv('/etc/passwd') RETURN *", "E603"),
    ("RETURN file_info('/etc/passwd')", "E603"),
    ("CALL threads=64", "E603"),
    ("CALL `read_csv`('/etc/passwd') RETURN *", "E603"),  # a back-quoted name is still the function
    ("CALL `threads` = 64", "E603"),
    ("CALL home_directory='/tmp'", "E603"),
    ("CALL project_graph('g', ['Agency'], ['LEADS'])", "E603"),
    ("RETURN 'unclosed", "E602"),
    ("RETURN 1 /* unclosed comment", "E602"),
    ("MATCH (a:Agency) RETURN a.`name", "E602"),
])
def test_statements_that_do_more_than_read_are_refused_on_the_embedded_store(cypher, code):
    assert refused(cypher) == code


@pytest.mark.parametrize("cypher", [
    "MATCH (t:Task) WHERE t.text CONTAINS 'CREATE' OR t.text CONTAINS \"LOAD FROM '/etc/passwd'\" RETURN t.text",
    "MATCH (t:Task) RETURN t.text // then DELETE everything",
    "MATCH (t:Task) /* COPY t TO 'x' */ RETURN count(*)",
    "MATCH (n:Copy) RETURN n",  # a label named like a clause
    "MATCH (a:Agency) RETURN {start: a.name, set: a.aliases} AS m",  # map keys named like clauses
    "MATCH (a:Agency) WHERE a.name = $delete RETURN a.`create`, 1 AS `SET`",
    "MATCH (t:Task) RETURN min(t.due_date) AS start, max(t.due_date) AS stop",  # aliases named like clauses
    "MATCH (a:Agency)-[r:LEADS]->(t:Task) RETURN label(r), t.due_date ORDER BY t.due_date DESC LIMIT 5",
    "CALL show_tables() RETURN *",
    "CALL table_info('Task') RETURN *",
    "RETURN 'it\\'s CHECKPOINT time' AS s",
])
def test_reading_statements_pass(cypher):
    sandbox.check(cypher, "embedded")


def test_every_library_and_report_query_passes_on_both_stores():
    texts = [(q.text(store), store) for q in library().values() for store in ("embedded", "neo4j")]
    texts += [(text, store) for text in QUERIES.values() for store in ("embedded", "neo4j")]
    for text, store in texts:
        sandbox.check(text, store)


@pytest.mark.parametrize("cypher", [
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL apoc.load.json('http://169.254.169.254/latest/meta-data') YIELD value RETURN value",
    "CALL apoc.export.csv.all('/tmp/all.csv', {})",
    "CALL apoc.cypher.run('LOAD CSV FROM $u AS l RETURN l', {u: 'file:///etc/passwd'}) YIELD value RETURN value",
    "CALL apoc.import.graphml('/tmp/g.graphml', {})",
    "CALL apoc . `load` . json('file:///etc/passwd') YIELD value RETURN value",
])
def test_neo4j_file_and_network_access_is_refused_unless_allowed(cypher):
    assert refused(cypher, "neo4j") in ("E601", "E603")
    sandbox.check(cypher, "neo4j", allow_file_procedures=True)
    assert refused(cypher, "embedded", allow_file_procedures=True) in ("E601", "E603")  # never on the embedded store


def test_neo4j_writes_stay_refused_with_the_flag():
    assert refused("LOAD CSV FROM 'file:///x.csv' AS l CREATE (:Agency {name: l[0]})", "neo4j",
                   allow_file_procedures=True) == "E601"
    assert refused("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS", "neo4j") == "E601"
    sandbox.check("CALL db.labels() YIELD label RETURN label", "neo4j")


def test_the_refusal_names_the_line():
    with pytest.raises(PolicyKGError) as caught:
        sandbox.check("MATCH (t:Task)\nWHERE t.text <> 'x'\nSET t.text = 'y'", "embedded")
    assert caught.value.line == 3 and str(caught.value).startswith("[E601] query:3:")


CLAUSES = sorted(sandbox.REFUSED_KEYWORDS)
NOISE = st.sampled_from([" ", "\n", "\t", " /* note */ ", " // note\n"])


@settings(max_examples=300, deadline=None)
@given(clause=st.sampled_from(CLAUSES), before=NOISE, after=NOISE, upper=st.booleans(),
       quoted=st.text(alphabet="abc CREATE'\\\"/*", max_size=12))
def test_a_clause_is_found_whatever_surrounds_it_and_never_inside_a_string(clause, before, after, upper, quoted):
    word = clause if upper else clause.lower()
    literal = "'" + quoted.replace("\\", "\\\\").replace("'", "\\'") + "'"
    sandbox.check(f"MATCH (t:Task) WHERE t.text = {literal} RETURN t.text", "embedded")
    assert refused(f"MATCH (t:Task) WHERE t.text = {literal}{before}{word}{after}x") == "E601"
