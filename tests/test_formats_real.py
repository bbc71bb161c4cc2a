"""The 郑州 notice (corpus 003) in the messy layouts real files have (tests/realgen.py): the same
document fields and the same 31 measures, owners and deadlines as its text."""
import pytest

import realgen
from test_pdf import lines_of, only, squeeze

from policykg.extractors.readers import read
from policykg.pipeline import extract

FIELDS = ("title", "doc_number", "issuers", "issue_date", "recipients", "cc", "printed_date")
CATEGORIES = ((13, "聚焦数字赋能，持续优化政务环境"), (23, "深化审批制度改革"), (31, "强化要素保障"))


def numbered(doc):
    return [(t.label, t.lead_units, t.co_units, t.due_dates, t.ongoing) for t in doc.tasks if t.label.isdigit()]


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    """The plan's intro (its lines before the measures), its measures as extracted from the text, the
    measures as table rows (序号, category, task, lead, co, time) and the notice's text document."""
    folder = tmp_path_factory.mktemp("plan")
    lines = lines_of("003", 1675, 1830)
    source = folder / "plan.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    measures = only(extract([source]))
    rows = []
    for task in measures.tasks:
        if task.label.isdigit():
            time = "持续推进" if task.ongoing else task.deadlines[-1].phrase if task.deadlines else ""
            category = next(name for last, name in CATEGORIES if int(task.label) <= last)
            rows.append([task.label, category, task.text, "、".join(task.lead_units), "、".join(task.co_units), time])
    intro = lines[7:next(i for i, line in enumerate(lines) if line.startswith("二、"))]
    notice = only(extract([realgen.text_version(folder / "notice.txt", intro)]))
    return {"intro": intro, "measures": measures, "rows": rows, "notice": notice}


def check(doc, plan, fields=FIELDS):
    for field in fields:
        assert getattr(doc, field) == getattr(plan["notice"], field), field
    assert numbered(doc) == numbered(plan["measures"]) and len(numbered(doc)) == 31
    texts = {t.label: squeeze(t.text) for t in plan["measures"].tasks}
    assert [squeeze(t.text) for t in doc.tasks if t.label.isdigit()] == [texts[str(n)] for n in range(1, 32)]


def test_reference_notice(plan):
    notice = plan["notice"]
    assert notice.title == realgen.TITLE and notice.doc_number == realgen.DOC_NUMBER
    assert str(notice.issue_date) == "2023-04-19" and notice.issuers == (realgen.ISSUER,)
    assert str(notice.printed_date) == "2023-04-20" and len(notice.cc) == 5


def test_gongwen_pdf(plan, tmp_path):
    rows = [[r[0], r[2], r[3], r[4], r[5]] for r in plan["rows"]]
    pdf = realgen.gongwen_pdf(tmp_path / "notice.pdf", plan["intro"], ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
                              rows)
    check(only(extract([pdf])), plan)


def test_gongwen_docx(plan, tmp_path):
    check(only(extract([realgen.gongwen_docx(tmp_path / "notice.docx", plan["intro"], plan["rows"])])), plan)


def test_ledger_xlsx(plan, tmp_path):
    doc = only(extract([realgen.ledger_xlsx(tmp_path / "ledger.xlsx", plan["rows"])]))
    assert numbered(doc) == numbered(plan["measures"])


def test_gov_site_page(plan, tmp_path):
    page = realgen.gov_site_page(tmp_path / "notice.html", plan["intro"], plan["rows"])
    check(only(extract([page])), plan, FIELDS[:-2])  # a site shows no 版记
