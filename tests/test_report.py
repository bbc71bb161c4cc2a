"""Consistency report: each check on the corpus or on graphs built from real documents for the test."""
import datetime as dt
import json
import shutil
import subprocess
import sys

import pytest

from policykg.graph.build import build_graph
from policykg.graph.stores.embedded import EmbeddedReader, build
from policykg.report.build import build_report
from policykg.report.data import read
from policykg.schema import Deadline, Precision

AS_OF = dt.date(2023, 11, 22)


def report_of(documents, tmp_path, as_of=AS_OF, name="g.lbug"):
    path = tmp_path / name
    build(build_graph(documents), path)
    with EmbeddedReader(path) as reader:
        return build_report(read(reader), as_of)


@pytest.fixture(scope="module")
def corpus_report(corpus_db):
    with EmbeddedReader(corpus_db) as reader:
        return build_report(read(reader), AS_OF)


def test_overdue_matches_the_extracted_deadlines(corpus_report, corpus_documents):
    expected = {t.task_id for d in corpus_documents for t in d.tasks
                if t.due_dates and not t.ongoing and max(t.due_dates) < AS_OF}
    red = {i.key for i in corpus_report.check("overdue").items if i.severity == "red"}
    assert red == expected and len(red) > 50
    zhengzhou = [i for i in corpus_report.check("overdue").items if i.doc_number == "郑政文[2023]62号"]
    assert any("郑州市市场监管局" in i.details["owners"] and i.details["due_date"] == "2023-06-30" for i in zhengzhou)
    ranking = corpus_report.overdue_by_agency
    assert [r["red"] for r in ranking] == sorted((r["red"] for r in ranking), reverse=True)


def test_yellow_is_due_within_the_warning_window(corpus_db):
    with EmbeddedReader(corpus_db) as reader:
        report = build_report(read(reader), dt.date(2023, 12, 20), warn_days=14)
    yellow = [i for i in report.check("overdue").items if i.severity == "yellow"]
    assert yellow and all("2023-12-20" <= i.details["due_date"] <= "2024-01-03" for i in yellow)


def test_ownerless_and_undated_match_the_documents(corpus_report, corpus_documents, corpus_graph):
    ownerless = {t.task_id for d in corpus_documents for t in d.tasks if not t.units}
    reported = {i.key for i in corpus_report.check("ownerless").items}
    # a task whose only unit text is a fragment (目标位置：全省前5) is ownerless too, its text recorded
    fragments_only = {t["task_id"] for t in corpus_graph.nodes["Task"] if t["unresolved_units"]}
    assert ownerless <= reported and reported - ownerless <= fragments_only
    undated = {t.task_id for d in corpus_documents for t in d.tasks if not t.deadlines}
    assert {i.key for i in corpus_report.check("undated").items} == undated


def test_deadline_before_issue_date(corpus_report, corpus_documents, tmp_path):
    # the corpus has one: 郑政文〔2023〕32号 (issued 2023-02-27) sets "2022年底前"
    assert [i.doc_number for i in corpus_report.check("impossible_deadlines").items] == ["郑政文〔2023〕32号"]
    doc = next(d for d in corpus_documents if d.doc_number == "郑政文[2023]62号")
    task = doc.tasks[3]
    wrong = task.model_copy(update={"deadlines": (Deadline(date=dt.date(2019, 3, 31), phrase="2019年3月底前",
                                                           precision=Precision.month),)})
    report = report_of([doc.model_copy(update={"tasks": (wrong, *doc.tasks[4:])})], tmp_path)
    items = report.check("impossible_deadlines").items
    assert [(i.key, i.start_line) for i in items] == [(f"{task.task_id}:2019-03-31", task.provenance.start_line)]


def test_naming_conflicts(corpus_report, corpus_documents, tmp_path):
    merged = [i for i in corpus_report.check("naming").items if i.key.startswith("merged:")]
    assert any(i.details["agency"] == "河南省发展改革委" and "河南省发展和改革委员会" in i.details["written_as"]
               for i in merged)
    # a spelling the alias table does not know stays a separate agency and is flagged as a candidate
    doc = next(d for d in corpus_documents if d.doc_number == "郑政文[2023]62号")
    index, first = next((i, t) for i, t in enumerate(doc.tasks) if t.text.startswith("强化政务服务数字化应用"))
    renamed = first.model_copy(update={"units": tuple(
        u.model_copy(update={"mention": "市大数据服务局"}) if u.mention == "市大数据局" else u for u in first.units)})
    tasks = (*doc.tasks[:index], renamed, *doc.tasks[index + 1:])
    report = report_of([doc.model_copy(update={"tasks": tasks})], tmp_path)
    similar = [set(i.details["names"]) for i in report.check("naming").items if i.key.startswith("similar:")]
    assert {"郑州市大数据局", "郑州市大数据服务局"} in similar


def test_citations(corpus_report, corpus_documents, tmp_path):
    stubs = [i for i in corpus_report.check("citations").items if i.key.startswith("stub:")]
    assert stubs[0].summary.startswith("not in the corpus: 《优化营商环境条例》")
    # one 文号 cited under two titles, and a title cited with another document's 文号
    from policykg.schema import Reference
    doc = next(d for d in corpus_documents if d.doc_number == "黄府规〔2023〕4号")
    refs = (Reference(title="上海市提信心扩需求稳增长促发展行动方案", doc_number="沪府规〔2022〕9号"),
            Reference(title="国务院关于某事项的通知", doc_number="国发〔2023〕1号"))
    other = next(d for d in corpus_documents if d.doc_number == "黄府办发〔2023〕2号")
    other_refs = (Reference(title="国务院关于另一事项的通知", doc_number="国发〔2023〕1号"),)
    cited = next(d for d in corpus_documents if d.doc_number == "沪府规〔2023〕1号")
    report = report_of([doc.model_copy(update={"references": refs}), cited,
                        other.model_copy(update={"references": other_refs})], tmp_path)
    kinds = {i.key.split(":")[0] for i in report.check("citations").items}
    assert {"number", "titles", "stub"} <= kinds


def test_slippage_between_a_province_and_a_city_document(corpus_report, corpus_documents, tmp_path):
    # 娄底 (娄政务公开发〔2023〕2号) implements 湖南 (湘政办发〔2023〕11号): real lead differences
    leads = [i for i in corpus_report.check("slippage").items if i.summary.startswith("different lead")]
    assert any(i.doc_number == "娄政务公开发〔2023〕2号" and i.details["cited_doc_number"] == "湘政办发〔2023〕11号"
               for i in leads)
    # the same pair with the city's matching task due later than the province's
    province = next(d for d in corpus_documents if d.doc_number == "湘政办发〔2023〕11号")
    city = next(d for d in corpus_documents if d.doc_number == "娄政务公开发〔2023〕2号")
    high = next(t for t in province.tasks if t.text.startswith("进一步规范政务服务中心运行管理"))
    low = next(t for t in city.tasks if t.text.startswith("进一步规范政务服务中心运行管理"))
    early = Deadline(date=dt.date(2023, 6, 30), phrase="6月底前", precision=Precision.month)
    late = Deadline(date=dt.date(2023, 12, 31), phrase="年底前", precision=Precision.year)
    province = province.model_copy(update={"tasks": (high.model_copy(update={"deadlines": (early,)}),)})
    city = city.model_copy(update={"tasks": (low.model_copy(update={"deadlines": (late,)}),)})
    report = report_of([province, city], tmp_path)
    later = [i for i in report.check("slippage").items if i.summary.startswith("later deadline")]
    assert len(later) == 1 and later[0].details["cited_task"].startswith("进一步规范政务服务中心运行管理")


def test_merged_duplicates_that_disagreed(corpus_report):
    items = corpus_report.check("duplicates").items
    assert [i.doc_number for i in items] == ["凉府办发〔2023〕14号"]
    assert "doc_number" in items[0].summary and len(items[0].details["sources"]) == 2


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "policykg", *map(str, args)], capture_output=True, text=True)


def test_cli_previous_report_and_fail_on(corpus_db, tmp_path):
    first = run_cli("report", "--db", corpus_db, "--as-of", "2023-06-01", "--out", tmp_path / "june")
    assert first.returncode == 0, first.stderr
    second = run_cli("report", "--db", corpus_db, "--as-of", "2023-11-22", "--previous",
                     tmp_path / "june" / "report.json", "--format", "json,md", "--out", tmp_path / "nov",
                     "--fail-on", "red")
    assert second.returncode == 1
    data = json.loads((tmp_path / "nov" / "report.json").read_text(encoding="utf-8"))
    changes = data["changes"]
    assert changes["previous_as_of"] == "2023-06-01" and len(changes["newly_overdue"]) > 10
    assert "## Since the report of 2023-06-01" in (tmp_path / "nov" / "report.md").read_text(encoding="utf-8")
    calm = run_cli("report", "--db", corpus_db, "--as-of", "2020-01-01", "--format", "json", "--out", tmp_path / "old",
                   "--fail-on", "red")
    assert calm.returncode == 0


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM, reason="chromium not installed (.ci/run installs Debian's chromium)")
def test_html_report_renders_in_headless_chromium(corpus_db, tmp_path):
    result = run_cli("report", "--db", corpus_db, "--as-of", "2023-11-22", "--format", "html", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "report.html").resolve()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert 'data-charts="3"' in dom.stdout
    assert dom.stdout.count("class=\"bar\"") > 20 and dom.stdout.count("class=\"cell\"") > 20
    console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1200,2400", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.stat().st_size > 50_000
