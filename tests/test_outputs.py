"""Outputs: paths checked before any work starts (issue 14) — a path that cannot be written, or is the
wrong kind, is a coded error with exit 2, and no input is read in vain (a missing input among the
inputs proves it: had extraction started, its E007 would be reported); CSV cells as JSON text."""
import csv
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "policykg", *map(str, args)], capture_output=True, text=True)


def can_write_in(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


@pytest.fixture
def locked(tmp_path):
    """A folder this process cannot write in: a read-only folder, or /sys when running as root."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    for candidate in (folder, Path("/sys")):
        if candidate.is_dir() and not can_write_in(candidate):
            yield candidate
            break
    else:
        pytest.skip("no unwritable folder available")
    folder.chmod(0o755)


def paths(tmp_path, locked):
    a_file = tmp_path / "a_file.txt"
    a_file.write_text("x")
    a_folder = tmp_path / "a_folder"
    a_folder.mkdir()
    return {"file": a_file, "folder": a_folder, "locked": locked / "out", "under_file": a_file / "out"}


CASES = [
    ("extract", "--out", "folder", "is a folder"),
    ("extract", "--out", "locked", "cannot write"),
    ("extract", "--out", "under_file", "is a file, not a folder"),
    ("build", "--db", "folder", "is a folder"),
    ("build", "--db", "locked", "cannot write"),
    ("build", "--db", "under_file", "is a file, not a folder"),
    ("export", "--out", "file", "is a file, expected a folder"),
    ("export", "--out", "locked", "cannot write"),
    ("report", "--out", "file", "is a file, expected a folder"),
    ("report", "--out", "locked", "cannot write"),
    ("report", "--history", "file", "is a file, expected a folder"),
]


@pytest.mark.parametrize("command,option,kind,problem", CASES)
def test_a_bad_output_path_stops_the_command_before_any_work(tmp_path, locked, command, option, kind, problem):
    target = paths(tmp_path, locked)[kind]
    missing = tmp_path / "missing-input.txt"
    if command == "report":
        extra = ["--out", tmp_path / "report"] if option == "--history" else []
        args = [command, "--db", missing, option, target, *extra]
    else:
        args = [command, ROOT / "examples", missing, option, target]
        args += ["--format", "graphml"] if command == "export" else []
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert "[E801]" in result.stderr and option in result.stderr and problem in " ".join(result.stderr.split())
    assert "[E007]" not in result.stderr and "[E701]" not in result.stderr and "Traceback" not in result.stderr


def test_csv_cells_of_paths_and_nodes_are_json_text(corpus_db):
    cypher = ("MATCH p = (a:Agency)-[:LEADS]->(t:Task) WHERE t.due_date IS NOT NULL "
              "RETURN p, a, t.deadlines AS deadlines, interval('10 days') AS grace ORDER BY t.task_id LIMIT 3")
    table = run("query", "--db", corpus_db, cypher, "--format", "csv")
    assert table.returncode == 0, table.stderr
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert len(rows) == 3
    for row in rows:
        path, agency = json.loads(row["p"]), json.loads(row["a"])
        assert [n["_LABEL"] for n in path["_NODES"]] == ["Agency", "Task"] and path["_RELS"][0]["_LABEL"] == "LEADS"
        assert agency["_LABEL"] == "Agency" and agency["name"] == path["_NODES"][0]["name"]
        assert all(dt.date.fromisoformat(day) for day in json.loads(row["deadlines"]))
        assert row["grace"].startswith("10 days")
