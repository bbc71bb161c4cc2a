"""The public API: the README's Python example run as written, and each verb on real files."""
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SHARED

import policykg
from policykg.errors import PolicyKGError

NOTICE = ROOT / "examples" / "zhengzhou_2023_work_points.txt"


def readme_python_example() -> str:
    """The first python block of README.md's "Python API" section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_python_example_runs_as_written(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(readme_python_example(), "README.md", "exec"), scope)
    assert not scope["docs"].errors and len(scope["docs"].documents) >= 3
    task = scope["notice"].documents[0].tasks[0]
    assert task.lead_units == ["市大数据局"] and [d.isoformat() for d in task.due_dates] == ["2023-12-31"]
    # the document is stored as 郑政文[2023]62号; the example asks with 〔〕
    assert "郑州市大数据局" in {row["agency"] for row in scope["rows"]}
    assert scope["due"][0]["tasks"] > 0
    assert (tmp_path / "policykg.lbug").is_file()
    assert {p.name for p in (tmp_path / "report").iterdir()} == {"report.md", "report.html", "report.json"}
    assert scope["report"].counts()["overdue"] == len(scope["report"].check("overdue").items)


def test_text_and_file_give_the_same_tasks():
    text = NOTICE.read_text(encoding="utf-8")
    from_file = policykg.extract(NOTICE, ner=False).documents[0]
    from_text = policykg.extract(text, name="pasted.txt", ner=False).documents[0]
    assert from_text.doc_number == from_file.doc_number == "郑政文[2023]62号"
    assert [(t.text, t.lead_units, t.due_dates) for t in from_text.tasks] == \
           [(t.text, t.lead_units, t.due_dates) for t in from_file.tasks]
    assert {t.provenance.path for t in from_text.tasks} == {"pasted.txt"}


def test_text_without_a_document_is_a_coded_error():
    result = policykg.extract("今天天气很好。我们去公园散步。\n", name="chat.txt", ner=False)
    assert not result.documents
    assert [(e.code, e.path) for e in result.errors] == [("E004", "chat.txt")]


def test_build_without_a_store_keeps_the_graph_in_memory(tmp_path):
    built = policykg.build(policykg.extract(NOTICE, ner=False))
    assert built.target is None and built.counts()["Document"] >= 1
    assert not list(tmp_path.iterdir())
    with pytest.raises(ValueError):
        policykg.build([], db=tmp_path / "g.lbug", neo4j=True)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("api") / "g.lbug"
    policykg.build(policykg.extract(ROOT / "examples", ner=False), db=db)
    with policykg.open_store(db) as reader:
        yield reader


@pytest.mark.parametrize("name,params,code,hint", [
    ("overdue_task", {"as_of": "2023-11-22"}, "E604", "overdue_tasks"),
    ("agency_task", {"agency": "大数据局"}, "E604", "agency_tasks"),
    ("overdue_tasks", {"asof": "2023-11-22"}, "E606", "as_of"),
    ("tasks_due_between", {"from_date": "2023-01-01", "to_dat": "2023-12-31"}, "E606", "to_date"),
    ("overdue_tasks", {}, "E605", "as_of"),
    ("shared_tasks", {"first": "大数据局"}, "E605", "second"),
])
def test_library_names_and_parameters_are_checked(store, name, params, code, hint):
    with pytest.raises(PolicyKGError) as caught:
        policykg.query(store, name, **params)
    assert caught.value.code == code and f"'{hint}'" in caught.value.message


def test_cypher_text_runs_with_parameters(store):
    rows = policykg.query(store, "MATCH (d:Document) WHERE d.doc_number_key = $key RETURN d.doc_number AS shown",
                          key="郑政文〔2023〕62号")
    assert rows == [{"shown": "郑政文[2023]62号"}]  # the key is normalised, the display form kept


def test_importing_policykg_loads_no_heavy_library():
    heavy = ("spacy", "pdfplumber", "neo4j", "ladybug", "pyarrow", "networkx", "jinja2", "lxml", "rich")
    probe = f"import sys, policykg, policykg.cli; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_report_verb_survives_importing_the_report_package():
    import policykg.analysis.report.build  # noqa: F401  (sets the package as an attribute on first import)

    assert callable(policykg.report) and policykg.report.__module__ == "policykg.api"


def format_fields(block: str) -> set[str]:
    return set(re.findall(r'^\s*"(\w+)":', block, re.M))


def test_the_jsonl_record_is_the_schema_and_has_every_field_of_the_evaluation_format(tmp_path):
    from policykg.graph.export import write_jsonl
    from policykg.schema.record import DocumentRecord, TaskRecord

    example = re.search(r"```json\n(.*?)```", (SHARED / "eval" / "FORMAT.md").read_text(encoding="utf-8"), re.S)
    document_part, task_part = example.group(1).split('"tasks": [', 1)
    assert format_fields(document_part) | {"tasks"} <= set(DocumentRecord.model_fields)
    assert format_fields(task_part) - {"value", "unit"} <= set(TaskRecord.model_fields)
    out = tmp_path / "out.jsonl"
    documents = policykg.extract(ROOT / "examples", ner=False).documents
    assert write_jsonl(documents, out).documents == len(documents)
    for line, doc in zip(out.read_text(encoding="utf-8").splitlines(), documents):
        record = DocumentRecord.model_validate_json(line)
        assert record.doc_number == doc.doc_number and len(record.tasks) == len(doc.tasks)
