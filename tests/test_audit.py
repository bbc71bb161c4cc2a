"""The coverage audit: signals no task consumed, on documents written here (source lines and the
tasks a parse could have made of them), and on the whole corpus through the command line."""
import datetime as dt
import json
import subprocess
import sys

import pytest

from policykg.extractors.audit import AuditReport, FindingKind, audit_document
from policykg.schema import Deadline, Document, Line, Provenance, Role, Task, UnitMention

HEAD = ["眉山市人民政府办公室关于印发优化营商环境工作方案的通知", "眉府办发〔2023〕12号", "一、重点任务"]
ISSUED = dt.date(2023, 5, 6)


def task(first: int, last: int, text: str, units=(), deadlines=()) -> Task:
    """A task over lines first..last; units as (name, role), deadlines as (phrase, date or None)."""
    return Task(task_id=f"t{first}", text=text, provenance=Provenance(path="case.txt", start_line=first, end_line=last),
                units=tuple(UnitMention(mention=name, role=role) for name, role in units),
                deadlines=tuple(Deadline(phrase=phrase, date=date, ongoing=date is None) for phrase, date in deadlines))


def audit_case(body: list[str], tasks: list[Task], doc_number="眉府办发〔2023〕12号", issued=ISSUED):
    """Audit a document whose source is HEAD + body (line 4 is the body's first line)."""
    lines = [Line(text=text, line_no=number) for number, text in enumerate(HEAD + body, start=1)]
    doc = Document(doc_id="d", title=HEAD[0], doc_number=doc_number, issue_date=issued, tasks=tuple(tasks),
                   provenance=Provenance(path="case.txt", start_line=1, end_line=len(lines)))
    return audit_document(doc, lines)


def kinds(result) -> set[tuple[FindingKind, int]]:
    return {(f.kind, f.line) for f in result.findings}


MEASURE = "（一）压缩开办时间。企业开办时间压缩至1个工作日以内。（市市场监管局）"
MEASURE_TASK = task(4, 4, "压缩开办时间。企业开办时间压缩至1个工作日以内", [("市市场监管局", Role.co)])


@pytest.mark.parametrize("sentence", [
    "各县（区）于2023年10月底前报送工作进展。",
    "6月底前完成全市评估。",
    "第三季度前建成统一平台。",
    "力争年底前实现全覆盖。",
])
def test_a_deadline_sentence_no_task_holds_is_a_miss(sentence):
    result = audit_case([MEASURE, sentence], [MEASURE_TASK])
    assert (FindingKind.deadline, 5) in kinds(result)
    consumed = audit_case([MEASURE, sentence], [MEASURE_TASK, task(5, 5, sentence.rstrip("。"))])
    assert FindingKind.deadline not in {k for k, _ in kinds(consumed)}


def test_a_past_period_is_history_not_a_signal():
    result = audit_case([MEASURE, "2022年底前已建成的项目不再申报。"], [MEASURE_TASK])
    assert result.signals[FindingKind.deadline].found == 0


@pytest.mark.parametrize("annotation", [
    "（市大数据局、市政务服务局）",
    "（责任单位：市商务局、市财政局）",
    "〔市发展改革委牵头，市财政局配合〕",
    "（市发展改革委、市财政局等市级有关部门（单位））",  # a note inside: the annotation rules reject it
])
def test_a_unit_list_no_task_owns_is_a_miss(annotation):
    lines = [MEASURE, "二、保障措施", "（一）推进电子证照应用" + annotation, "三、其他事项"]
    result = audit_case(lines, [MEASURE_TASK])
    assert (FindingKind.unit_list, 6) in kinds(result)
    owner = task(6, 6, "推进电子证照应用", [("市财政局", Role.co), ("市大数据局", Role.co)])
    assert (FindingKind.unit_list, 6) not in kinds(audit_case(lines, [MEASURE_TASK, owner]))


@pytest.mark.parametrize("text,kind", [
    ("2023年12月底前完成", FindingKind.date_task),
    ("持续推进", FindingKind.date_task),
    ("完成时限：2023年6月", FindingKind.date_task),
    ("〔市发展改革委牵头，市直有关部门按职责分工负责〕", FindingKind.annotation_task),
    ("牵头单位：市商务局。责任单位：各区政府。", FindingKind.annotation_task),
    ("市财政局、市税务局负责", FindingKind.annotation_task),
    ("2023年底前建成统一平台", None),
    ("加快建设区域性国际经济贸易中心", None),
    ("各地各部门要积极探索综合监管一件事改革", None),
])
def test_a_task_that_is_only_a_date_or_an_annotation(text, kind):
    result = audit_case([MEASURE, text], [MEASURE_TASK, task(5, 5, text)])
    found = {k for k, line in kinds(result) if line == 5 and k in (FindingKind.date_task, FindingKind.annotation_task)}
    assert found == ({kind} if kind else set())


@pytest.mark.parametrize("line,used", [
    ("川办发〔2022〕7号", False),
    ("（豫政办〔2023〕 12 号）", False),
    ("发文字号：浙政发[2023]3号", False),
    ("眉府办发[2023] 12号", True),  # the document's own, in other brackets and spacing
])
def test_a_doc_number_line_not_used_as_the_documents(line, used):
    result = audit_case([MEASURE, line], [MEASURE_TASK])
    assert ((FindingKind.doc_number, 5) in kinds(result)) is not used
    assert result.signals[FindingKind.doc_number].found == 2  # HEAD's own line and this one


def test_documents_without_doc_number_or_date():
    result = audit_case([MEASURE], [MEASURE_TASK], doc_number=None, issued=None)
    assert {FindingKind.no_doc_number, FindingKind.no_date} <= {k for k, _ in kinds(result)}
    assert not {FindingKind.no_doc_number, FindingKind.no_date} & {k for k, _ in kinds(audit_case([MEASURE],
                                                                                             [MEASURE_TASK]))}


LEAD = task(6, 6, "推进电子证照应用", [("市大数据局", Role.lead), ("各区政府", Role.co)])
COLLECTIVE = task(6, 6, "推进电子证照应用", [("市大数据局", Role.co), ("各区政府", Role.co)])
ALONE = task(6, 6, "推进电子证照应用", [("市大数据局", Role.co)])


@pytest.mark.parametrize("statement,applied_by,ignored_by", [
    ("（逗号前为牵头单位，下同）", LEAD, COLLECTIVE),
    ("责任单位中排名第一位的为牵头单位。", LEAD, ALONE),
    ("各区政府均为责任单位，以下不再列出。", COLLECTIVE, ALONE),
    ("以下工作均需各区政府负责，不再一一列出。", COLLECTIVE, ALONE),
])
def test_a_convention_stated_and_never_applied(statement, applied_by, ignored_by):
    lines = [MEASURE, statement, "（二）推进电子证照应用。"]
    assert (FindingKind.convention, 5) in kinds(audit_case(lines, [MEASURE_TASK, ignored_by]))
    assert (FindingKind.convention, 5) not in kinds(audit_case(lines, [MEASURE_TASK, applied_by]))


def test_coverage_is_the_share_of_signal_occurrences_consumed():
    lines = [MEASURE, "各县（区）于2023年10月底前报送工作进展。", "川办发〔2022〕7号"]
    result = audit_case(lines, [MEASURE_TASK])
    # signals: 文号 of HEAD (used), the unit list (owned), the deadline (missed), 川办发 (unused)
    assert result.coverage == 0.5
    fully = audit_case([MEASURE], [MEASURE_TASK])
    report = AuditReport(documents=(result, fully))
    assert report.coverage == round(4 / 6, 4)  # pooled occurrences, not the mean of 0.5 and 1.0


def test_corpus_audit_json_has_one_entry_per_parsed_document(corpus_dir, corpus_documents, tmp_path):
    out = tmp_path / "audit.json"
    run = subprocess.run([sys.executable, "-m", "policykg", "audit", str(corpus_dir), "--format", "json",
                          "--out", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    # each source is audited: a document merged from two files appears once per file
    assert len(report["documents"]) == sum(len(d.sources) for d in corpus_documents)
    assert {d["document"] for d in report["documents"]} == {d.doc_id for d in corpus_documents}
    found = sum(k["found"] for k in report["signals"].values())
    consumed = sum(k["consumed"] for k in report["signals"].values())
    assert found > 1000 and report["coverage"] == round(consumed / found, 4)
    assert all(0 <= d["coverage"] <= 1 for d in report["documents"] if d["coverage"] is not None)
    assert f"coverage {100 * report['coverage']:.1f}%" in run.stderr


def test_a_deadline_phrase_is_placed_where_it_was_found():
    # the same words earlier in the sentence (a signature date) do not move the signal to their line
    body = [MEASURE, "2024年1月8日", "（此件公开发布）", "2024年实现全覆盖。"]
    result = audit_case(body, [MEASURE_TASK, task(7, 7, "2024年实现全覆盖")])
    assert result.signals[FindingKind.deadline].found == 1
    assert FindingKind.deadline not in {k for k, _ in kinds(result)}
