"""The command line's edges: names and parameters with suggestions, 文号 in any bracket form, the full
query list, readable graph results, a pasteable import command, and the linter's node engine."""
import json
import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT

from policykg.analysis.query_library import library


def run(*args, columns: int = 80):
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-m", "policykg", *map(str, args)], capture_output=True, text=True,
                          env=env)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("edges") / "examples.lbug"
    result = run("build", ROOT / "examples", "--db", path, "--no-ner")
    assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize("args,code,suggested", [
    (["--name", "overdue_task", "--param", "as_of=2023-11-22"], "E604", "overdue_tasks"),
    (["--name", "citation_chains", "--param", "doc=x"], "E604", "citation_chain"),
    (["--name", "overdue_tasks", "--param", "asof=2023-11-22"], "E606", "as_of"),
    (["--name", "agency_tasks", "--param", "agnecy=大数据局"], "E606", "agency"),
    (["--name", "overdue_tasks"], "E605", "as_of"),
    (["--name", "tasks_due_between", "--param", "from_date=2023-01-01"], "E605", "to_date"),
])
def test_unknown_names_and_parameters_give_one_line_with_a_suggestion(db, args, code, suggested):
    result = run("query", "--db", db, *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"[{code}]" in lines[0] and f"'{suggested}'" in lines[0]
    assert "Traceback" not in result.stderr and not result.stdout


@pytest.mark.parametrize("written", ["郑政文〔2023〕62号", "郑政文[2023]62号", "郑政文［2023］62号",
                                     "郑政文（2023）62号", "郑政文 (2023) 62号", "郑政文【2023】第62号"])
def test_a_doc_number_is_found_in_any_bracket_form(db, written):
    result = run("query", "--db", db, "--name", "document_assignments", "--param", f"doc={written}",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert "郑州市大数据局" in {r["agency"] for r in rows}


def test_the_stored_doc_number_keeps_its_source_form_for_display(db):
    result = run("query", "--db", db, "MATCH (d:Document) WHERE d.doc_number_key = $k RETURN d.doc_number AS n",
                 "--param", "k=郑政文〔2023〕62号", "--format", "csv")
    assert result.stdout.splitlines() == ["n", "郑政文[2023]62号"]


def test_queries_lists_every_name_in_full_on_a_narrow_terminal():
    result = run("queries", columns=40)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    for name, query in library().items():
        assert any(re.fullmatch(rf"{name}(\s+\[graph.*\])?", line) for line in lines), name
        assert f"  example: {query.example}" in lines


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_graph_queries_print_nodes_and_paths_readably(db, fmt):
    result = run("query", "--db", db, "--name", "graph_agency_tasks_due_before", "--param", "agency=郑州市大数据局",
                 "--param", "date=2024-01-01", "--format", fmt, columns=300)
    assert result.returncode == 0, result.stderr
    assert "郑州市大数据局 (Agency) -LEADS-" in result.stdout and "(Document)" in result.stdout
    assert "_ID" not in result.stdout and "offset" not in result.stdout and "_LABEL" not in result.stdout


def test_graph_queries_are_marked_in_the_list():
    result = run("queries")
    marked = {line.split()[0] for line in result.stdout.splitlines() if "[graph" in line}
    assert marked == {name for name in library() if name.startswith("graph_")} and marked


def test_export_prints_the_import_command_on_one_line(tmp_path):
    out = tmp_path / "bundle"
    result = run("export", ROOT / "examples", "--format", "neo4j-csv", "--out", out, columns=60)
    assert result.returncode == 0, result.stderr
    script = (out / "import.sh").read_text(encoding="utf-8")
    command = next(line for line in script.splitlines() if line.startswith("neo4j-admin"))
    assert command in result.stderr.splitlines()


def version(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text)[:3])


def test_the_linter_package_allows_this_node():
    lint = ROOT / "tools" / "cypher-lint"
    pinned = json.loads((lint / "package.json").read_text())["dependencies"]["@neo4j-cypher/language-support"]
    assert re.fullmatch(r"[\d.]+(-[\w.]+)?", pinned)  # an exact version, not a range
    installed = json.loads((lint / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json").read_text())
    assert installed["version"] == pinned
    required = installed.get("engines", {}).get("node", ">=0")
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout
    assert required.startswith(">=") and version(node) >= version(required)
