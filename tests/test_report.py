"""Consistency report: each check on the corpus or on graphs built from real documents for the test."""
import datetime as dt
import json
import re
import shutil
import subprocess
import sys

import pytest

from policykg.graph.build import build_graph
from policykg.graph.stores.embedded import EmbeddedReader, build
from policykg.extractors.deadlines import find_deadlines
from policykg.analysis.report.build import build_report, every_month
from policykg.analysis.report.data import read
from policykg.analysis.report.render import render_html, render_md
from policykg.schema import Deadline, DeadlineKind, Precision, Role, UnitMention


AS_OF = dt.date(2023, 11, 22)


def report_of(documents, tmp_path, as_of=AS_OF, name="g.lbug", lang="zh"):
    path = tmp_path / name
    build(build_graph(documents), path)
    with EmbeddedReader(path) as reader:
        return build_report(read(reader), as_of, lang=lang)


@pytest.fixture(scope="module")
def corpus_report(corpus_db):
    with EmbeddedReader(corpus_db) as reader:
        return build_report(read(reader), AS_OF)


def test_overdue_is_per_completion_clause(corpus_report, corpus_documents):
    expected = {f"{t.task_id}:{d.date}" for doc in corpus_documents for t in doc.tasks if not t.ongoing
                for d in t.deadlines if d.kind is DeadlineKind.completion and d.date
                and doc.issue_date <= d.date < AS_OF}
    red = {i.key for i in corpus_report.check("overdue").items if i.severity == "red"}
    assert red == expected and len(red) > 50
    zhengzhou = [i for i in corpus_report.check("overdue").items if i.doc_number == "郑政文[2023]62号"]
    assert any("郑州市市场监管局" in i.details["owners"] and i.details["due_date"] == "2023-06-30" for i in zhengzhou)
    ranking = corpus_report.overdue_by_agency
    assert [r["red"] for r in ranking] == sorted((r["red"] for r in ranking), reverse=True)


def test_a_measure_with_several_deadlines_is_overdue_per_clause(corpus_report):
    # 巴府办发〔2023〕3号: "…6月底前实现电子材料…，12月底前实现市内自建系统签发的高频电子证照共享互认…"
    items = [i for i in corpus_report.check("overdue").items if i.doc_number == "巴府办发〔2023〕3号"
             and "电子证照" in i.details["task"]]
    june = [i for i in items if i.details["due_date"] == "2023-06-30"]
    assert len(june) == 1 and june[0].severity == "red"
    assert "6月底前" in june[0].details["task"] and "12月底前" not in june[0].details["task"]
    assert not any(i.details["due_date"] == "2023-12-31" for i in items)  # not yet due on 2023-11-22


# words that mark a date as an eligibility cut-off, a validity period or an extension, not a deadline
NOT_A_DEADLINE = re.compile(
    r"(?:前|底|年|季度|内)[^，。；]{0,12}(?:注册|成立|设立|认定|投产|纳统|购买|报废|举办)[^，。；]{0,24}的|有效期|执行期|"
    r"(?:延续|延长|延期|顺延)(?:到|至)|自\d{4}年[^，。；]{0,12}至|季度开始|起施行|"
    r"(?:前|底)[^，。；]*(?:暂退|暂免|免收|免征|减征|不停供)")


def test_the_overdue_list_holds_no_eligibility_or_validity_date(corpus_report, corpus_documents):
    # the corpus has such dates before the report date, so the scan below can fail
    marked = [d for doc in corpus_documents for t in doc.tasks for d in t.deadlines
              if d.date and d.date < AS_OF and NOT_A_DEADLINE.search(d.clause)]
    assert {d.kind for d in marked} >= {DeadlineKind.eligibility, DeadlineKind.validity}
    overdue = corpus_report.check("overdue").items
    assert [i.details["task"] for i in overdue if NOT_A_DEADLINE.search(i.details["task"])] == []


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
    undated = {t.task_id for d in corpus_documents for t in d.tasks if not t.due_dates and not t.ongoing}
    assert {i.key for i in corpus_report.check("undated").items} == undated


def test_deadline_before_issue_date_is_impossible_not_overdue(corpus_report, corpus_documents, tmp_path):
    # the corpus has one: 郑政文〔2023〕32号 (issued 2023-02-27) sets "2022年底前"
    impossible = corpus_report.check("impossible_deadlines").items
    assert [i.doc_number for i in impossible] == ["郑政文〔2023〕32号"]
    assert impossible[0].key not in {i.key for i in corpus_report.check("overdue").items}
    doc = next(d for d in corpus_documents if d.doc_number == "郑政文[2023]62号")
    task = doc.tasks[3]
    wrong = task.model_copy(update={"deadlines": (Deadline(date=dt.date(2019, 3, 31), phrase="2019年3月底前",
                                                           precision=Precision.month),)})
    report = report_of([doc.model_copy(update={"tasks": (wrong, *doc.tasks[4:])})], tmp_path)
    items = report.check("impossible_deadlines").items
    assert [(i.key, i.start_line) for i in items] == [(f"{task.task_id}:2019-03-31", task.provenance.start_line)]
    assert not any(i.key.startswith(task.task_id) for i in report.check("overdue").items)


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
    assert stubs[0].summary.startswith("文库中缺少：《优化营商环境条例》")
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


def slippage_pair(corpus_documents, tmp_path, high: tuple[str, str], low: tuple[str, str]):
    """The slippage items of a province task and the matching city task of a document citing it
    (湘政办发〔2023〕11号 and 娄政务公开发〔2023〕2号), each given a lead and a deadline sentence."""
    province = next(d for d in corpus_documents if d.doc_number == "湘政办发〔2023〕11号")
    city = next(d for d in corpus_documents if d.doc_number == "娄政务公开发〔2023〕2号")

    def one_task(doc, lead, sentence):
        task = next(t for t in doc.tasks if t.text.startswith("进一步规范政务服务中心运行管理"))
        task = task.model_copy(update={"units": (UnitMention(mention=lead, role=Role.lead),),
                                       "deadlines": tuple(find_deadlines(sentence, 2023))})
        return doc.model_copy(update={"tasks": (task,)})

    name = f"{high}{low}".encode().hex()[:16] + ".lbug"
    report = report_of([one_task(province, *high), one_task(city, *low)], tmp_path, name=name)
    return [(i.details["kind"], i.details["cited_doc_number"]) for i in report.check("slippage").items]


@pytest.mark.parametrize("high,low,expected", [
    # the city is later than the province: slippage
    (("省发展改革委", "6月底前完成"), ("市发展改革委", "年底前完成"), [("later", "湘政办发〔2023〕11号")]),
    # earlier than the province: fine
    (("省发展改革委", "年底前完成"), ("市发展改革委", "9月底前完成"), []),
    # the counterpart at the city's level, under another name: fine
    (("省政务局", "年底前完成"), ("市行政审批服务局", "年底前完成"), []),
    (("省住房和城乡建设厅", "年底前完成"), ("市住建局", "年底前完成"), []),
    # a body of another function: a different lead
    (("省发展改革委", "年底前完成"), ("市财政局", "年底前完成"), [("lead", "湘政办发〔2023〕11号")]),
    (("省政务局", "6月底前完成"), ("市市场监管局", "年底前完成"),
     [("later", "湘政办发〔2023〕11号"), ("lead", "湘政办发〔2023〕11号")]),
])
def test_slippage_between_a_province_and_a_city_task(corpus_documents, tmp_path, high, low, expected):
    assert slippage_pair(corpus_documents, tmp_path, high, low) == expected


def test_corpus_slippage_is_not_counterparts(corpus_report):
    # 娄底's 行政审批服务局 carries out what 湖南's 政务局 leads: the same function, not a difference
    leads = [i for i in corpus_report.check("slippage").items if i.details["kind"] == "lead"]
    assert not any("行政审批服务局" in i.summary and "政务局" in i.summary for i in leads)


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
    assert "## 与2023-06-01报告相比" in (tmp_path / "nov" / "report.md").read_text(encoding="utf-8")
    calm = run_cli("report", "--db", corpus_db, "--as-of", "2020-01-01", "--format", "json", "--out", tmp_path / "old",
                   "--fail-on", "red")
    assert calm.returncode == 0


def test_every_month_is_on_the_axes(corpus_report):
    assert every_month({"2023-11", "2024-02"}) == ["2023-11", "2023-12", "2024-01", "2024-02"]
    months = [r["month"] for r in corpus_report.due_per_month]
    assert months == every_month(set(months)) and any(r["tasks"] == 0 for r in corpus_report.due_per_month)
    heat = corpus_report.heatmap
    assert heat["months"] == every_month(set(heat["months"])) and len(heat["months"]) > 12


def test_rankings_hold_single_bodies_and_items_keep_collective_owners(corpus_db, corpus_report):
    with EmbeddedReader(corpus_db) as reader:
        data = read(reader)
    collectives = {a["name"] for a in data.agencies if a["is_group"]}
    assert len(collectives) > 20
    ranked = {r["agency"] for r in corpus_report.overdue_by_agency}
    assert ranked and not ranked & collectives
    assert corpus_report.heatmap["agencies"] and not set(corpus_report.heatmap["agencies"]) & collectives
    owners = {o for i in corpus_report.check("overdue").items for o in i.details["owners"]}
    assert owners & collectives  # a collective still owes its tasks


def test_report_md_shows_each_item_with_its_task_owners_deadline_and_source(corpus_report):
    text = render_md(corpus_report)
    assert text.startswith("# 政策文件任务督查督办报告") and "## 牵头单位排名" in text
    overdue = text.split("## 逾期（")[1].split("\n## ")[0]
    rows = [line.split(" | ") for line in overdue.splitlines() if line.startswith("| 已逾期")]
    red = [i for i in corpus_report.check("overdue").items if i.severity == "red"]
    assert len(rows) == len(red)
    for row, item in zip(rows, red):
        task, owners, due, number, source = row[1], row[2], row[3], row[4], row[5].rstrip(" |")
        assert item.details["task"][:20] in task.replace("\\|", "|") and len(task) <= 81
        assert owners == "、".join(item.details["owners"]) and due == item.details["due_date"]
        assert number == (item.doc_number or "") and re.fullmatch(r"\S+\.\w+:\d+", source)


def test_html_names_chinese_fonts_in_valid_css(corpus_report):
    page = render_html(corpus_report)
    style = page.split("<style>")[1].split("</style>")[0]
    assert 'font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC"' in style and "&#34;" not in style
    assert "Microsoft YaHei" in style and "WenQuanYi Micro Hei" in style


def test_english_on_request(corpus_db, tmp_path):
    result = run_cli("report", "--db", corpus_db, "--as-of", "2023-11-22", "--format", "md,json", "--lang", "en",
                     "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# Policy task supervision report") and "## Overdue (" in text and "## 逾期" not in text
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["lang"] == "en" and data["checks"][0]["title"] == "Overdue"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(*args, tmp_path):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=180)


@pytest.mark.skipif(not CHROMIUM, reason="chromium not installed (.ci/run installs Debian's chromium)")
def test_html_report_renders_in_headless_chromium(corpus_db, tmp_path):
    result = run_cli("report", "--db", corpus_db, "--as-of", "2023-11-22", "--format", "html", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "report.html").resolve().as_uri()
    dom = chromium("--dump-dom", page, tmp_path=tmp_path)
    assert 'data-charts="3"' in dom.stdout
    assert dom.stdout.count('class="bar"') > 20 and dom.stdout.count('class="cell"') > 20
    assert dom.stdout.count('class="legend"') >= 3  # the heat map's colour scale
    console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", dom.stdout)
    assert {"逾期（", "临期（", "无责任单位（", "无完成时限（", "牵头单位排名"} <= {re.sub(r"\d+）$", "", h) for h in headings}
    tiles = dict(re.findall(r'data-section="(\w+)"><b class="count">(\d+)</b>', dom.stdout))
    rows = {name: body.count('<tr class="item">')
            for name, body in re.findall(r'<section id="(\w+)">(.*?)</section>', dom.stdout, re.S)}
    assert len(tiles) == 9 and {name: int(n) for name, n in tiles.items()} == rows
    assert 0 < rows["due_soon"] < rows["overdue"]
    shot = tmp_path / "report.png"
    chromium("--window-size=1200,2400", f"--screenshot={shot}", page, tmp_path=tmp_path)
    assert shot.stat().st_size > 50_000
