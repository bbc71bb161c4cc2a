"""The command line on real files: the export, the summary, and bad inputs that must not stop a run."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

NOTICE = (ROOT / "examples" / "zhengzhou_2023_work_points.txt").read_text(encoding="utf-8")


def run(*args):
    return subprocess.run([sys.executable, "-m", "policykg", *map(str, args)], capture_output=True, text=True)


def records(path: Path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_examples_writes_the_evaluation_format(tmp_path):
    out = tmp_path / "examples.jsonl"
    result = run("extract", ROOT / "examples", "--out", out)
    assert result.returncode == 0, result.stderr
    docs = records(out)
    assert "documents" in result.stderr and "0 errors" in result.stderr
    zhengzhou = next(d for d in docs if d["doc_number"] == "郑政文[2023]62号")
    assert zhengzhou["issue_date"] == "2023-04-19"
    assert zhengzhou["issuers"] == ["郑州市人民政府"]
    first = next(t for t in zhengzhou["tasks"] if t["text"].startswith("强化政务服务数字化应用"))
    assert first["leads"] == ["市大数据局"] and first["deadlines"] == ["2023-12-31"]
    assert first["source"]["start_line"] < first["source"]["end_line"]


@pytest.mark.parametrize("name,content,code", [
    ("empty.txt", b"", "E001"),
    ("blank.txt", b"  \n\n ", "E001"),
    ("binary.txt", bytes(range(256)) * 4, "E002"),
    ("undecodable.txt", b"\xff\xfe\xfa\xfb" * 50, "E003"),
    ("no_document.txt", "今天天气很好。我们去公园散步。\n".encode("utf-8"), "E004"),
    ("picture.png", b"\x89PNG\r\n", "E006"),
])
def test_bad_input_is_reported_and_the_others_still_extracted(tmp_path, name, content, code):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", bad, good, "--out", out)
    assert result.returncode == 1
    assert f"[{code}]" in result.stderr and name in result.stderr
    assert [d["doc_number"] for d in records(out)] == ["郑政文[2023]62号"]


def test_gb18030_file_is_read(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(NOTICE.encode("gb18030"))
    out = tmp_path / "out.jsonl"
    result = run("extract", path, "--out", out)
    assert result.returncode == 0, result.stderr
    assert records(out)[0]["title"] == "郑州市人民政府关于印发郑州市2023年优化营商环境工作要点的通知"


def test_missing_path_is_an_error(tmp_path):
    result = run("extract", tmp_path / "nope.txt", "--out", tmp_path / "out.jsonl")
    assert result.returncode == 1 and "[E007]" in result.stderr and "nope.txt" in result.stderr


def test_schema_prints_json_schema():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Document" and "tasks" in schema["properties"]
    assert {"Task", "Deadline", "Target", "UnitMention", "Provenance", "Reference"} <= set(schema["$defs"])


def test_build_then_query_by_name_and_inline(tmp_path):
    db = tmp_path / "g.lbug"
    built = run("build", ROOT / "examples", "--db", db)
    assert built.returncode == 0, built.stderr
    assert "Task" in built.stderr and db.exists()
    by_name = run("query", "--db", db, "--name", "agency_tasks", "--param", "agency=郑州市大数据局", "--format", "json")
    rows = json.loads(by_name.stdout)
    assert rows and all(r["agency"] == "郑州市大数据局" for r in rows)
    inline = run("query", "--db", db, "MATCH (d:Document) WHERE d.doc_number = $n RETURN d.title AS title",
                 "--param", "n=郑政文[2023]62号", "--format", "csv")
    assert inline.stdout.splitlines() == ["title", "郑州市人民政府关于印发郑州市2023年优化营商环境工作要点的通知"]


def test_query_refuses_writes_and_injection_through_param(tmp_path):
    db = tmp_path / "g.lbug"
    run("build", ROOT / "examples", "--db", db)
    write = run("query", "--db", db, "MATCH (t:Task) DETACH DELETE t")
    assert write.returncode == 2 and "read-only" in write.stderr
    hostile = run("query", "--db", db, "--name", "agency_tasks", "--param",
                  "agency=x' OR 1=1 WITH a MATCH (t:Task) DETACH DELETE t //", "--format", "json")
    assert hostile.returncode == 0 and json.loads(hostile.stdout) == []
    count = run("query", "--db", db, "MATCH (t:Task) RETURN count(*) AS n", "--format", "json")
    assert json.loads(count.stdout)[0]["n"] > 0
    bad = run("query", "--db", db, "--name", "agency_tasks", "--param", "no-equals-sign")
    assert bad.returncode != 0 and "KEY=VALUE" in bad.stderr


def test_export_neo4j_csv_and_graphml(tmp_path):
    result = run("export", ROOT / "examples", "--format", "neo4j-csv", "--out", tmp_path / "csv")
    assert result.returncode == 0 and "neo4j-admin database import full" in result.stderr
    assert (tmp_path / "csv" / "Task.csv").exists() and (tmp_path / "csv" / "import.sh").exists()
    result = run("export", ROOT / "examples", "--format", "graphml", "--out", tmp_path / "gml")
    assert result.returncode == 0 and (tmp_path / "gml" / "policykg.graphml").exists()


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    from policykg.cli import app

    names = [command.name or command.callback.__name__ for command in app.registered_commands]
    assert {"extract", "build", "query", "queries", "export", "schema"} <= set(names)
    for name in names:
        assert f"policykg {name}" in readme, f"README does not document 'policykg {name}'"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "gb18030"])
def test_text_in_other_encodings_is_decoded(tmp_path, encoding):
    source = (ROOT / "examples" / "zhengzhou_2023_work_points.txt").read_text(encoding="utf-8")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(source.encode(encoding))
    out = tmp_path / "out.jsonl"
    result = run("extract", path, "--out", out)
    assert result.returncode == 0, result.stderr
    assert [d["doc_number"] for d in records(out)] == ["郑政文[2023]62号"]
