"""Excel task ledgers built with openpyxl from corpus documents: header rows found below title rows,
columns by their header text, merged cells filled, one task per row with its sheet and row."""
import datetime as dt

import openpyxl
import pytest

import formatgen
from test_pdf import lines_of, only, table_rows, task_fields

from policykg.extractors.readers import read
from policykg.pipeline import extract


def text_document(tmp_path, name, lines):
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return only(extract([path]))


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    """The measures of two corpus plans (郑州 003, 眉山 000) as extracted from their text."""
    tmp = tmp_path_factory.mktemp("plans")
    return text_document(tmp, "zhengzhou", lines_of("003", 1675, 1830)), text_document(tmp, "meishan", lines_of("000", 152, 362))


def numbered(doc):
    return [fields for fields in task_fields(doc) if fields[0].isdigit()]


def two_sheet_ledger(plans, path):
    """郑州's 31 measures (title rows, sections, merged 牵头单位/完成时限) and 眉山's 15 (columns in
    another order, a blank row above the header) on two sheets."""
    zhengzhou, meishan = plans
    book = openpyxl.Workbook()
    first = book.active
    first.title = "郑州重点任务"
    header = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]
    rows = [[int(row["序号"]), *(row[h] for h in header[1:])] for row in table_rows(zhengzhou)]
    formatgen.ledger_sheet(first, ["郑州市2023年优化营商环境工作要点（2023年4月19日）", "任务分工表"], header, rows,
                           merge=("牵头单位", "完成时限"), sections={0: "一、优化政务服务", 12: "二、优化市场环境"})
    second = book.create_sheet("眉山项目审批")
    header2 = ["完成时限", "编号", "主要任务", "责任单位", "牵头单位"]
    rows2 = [[row["完成时限"], row["序号"], row["重点任务"], row["责任单位"], row["牵头单位"]] for row in table_rows(meishan)]
    formatgen.ledger_sheet(second, ["进一步优化营商环境推进项目审批提速增效工作方案", ""], header2, rows2, merge=("牵头单位",))
    book.save(path)
    return path


def test_two_sheet_ledger(plans, tmp_path):
    zhengzhou, meishan = plans
    lines = read(two_sheet_ledger(plans, tmp_path / "ledger.xlsx")).lines
    assert [(l.line_no, l.page, l.part, l.text) for l in lines[:3]] == [
        (1, 1, "郑州重点任务", "郑州市2023年优化营商环境工作要点（2023年4月19日）"), (2, 1, "郑州重点任务", "任务分工表"),
        (4, 1, "郑州重点任务", "一、优化政务服务")]
    assert (lines[3].line_no, lines[3].text[:2], bool(lines[3].cells)) == (5, "1.", True)
    second_rows = [l for l in lines if l.part == "眉山项目审批" and l.cells]
    assert second_rows[0].line_no == 4 and {l.page for l in second_rows} == {2}  # header on row 3 under a blank row

    doc = only(extract([tmp_path / "ledger.xlsx"]))
    assert doc.title == "郑州市2023年优化营商环境工作要点" and str(doc.issue_date) == "2023-04-19"
    by_sheet = {page: [task_fields_of(t) for t in doc.tasks if t.provenance.pages == (page,)] for page in (1, 2)}
    assert by_sheet[1] == numbered(zhengzhou) and len(by_sheet[1]) == 31
    assert by_sheet[2] == numbered(meishan) and len(by_sheet[2]) == 15


@pytest.mark.skipif(not formatgen.SOFFICE, reason="LibreOffice writes the .xls file (.ci/run installs it)")
def test_excel_97_workbook_reads_as_its_xlsx(plans, tmp_path):
    ledger = two_sheet_ledger(plans, tmp_path / "ledger.xlsx")
    [binary] = formatgen.saved_as("xls", tmp_path, ledger)
    fields = [(l.line_no, l.page, l.part, l.text, l.cells) for l in read(ledger).lines]
    assert [(l.line_no, l.page, l.part, l.text, l.cells) for l in read(binary).lines] == fields
    wps = binary.with_suffix(".et")  # WPS Spreadsheets saves the same binary under .et
    wps.write_bytes(binary.read_bytes())
    assert task_fields(only(extract([wps]))) == task_fields(only(extract([ledger])))


def task_fields_of(task):
    return task.label, task.lead_units, task.co_units, task.due_dates, task.ongoing


def test_cell_values_and_sheets(tmp_path):
    """Numbers and dates as a ledger shows them, a hidden sheet skipped, a workbook without title rows
    titled by its file name."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "工作任务", "责任单位", "完成时间"])
    sheet.append([1.0, "推进政务服务改革", "市政务办", dt.datetime(2023, 6, 30)])
    sheet.append([2, "优化纳税服务", "市税务局", "持续推进"])
    hidden = book.create_sheet("说明")
    hidden.append(["序号", "任务", "牵头单位", "时限"])
    hidden.append([1, "不应读入的任务", "某局", "2023年底"])
    hidden.sheet_state = "hidden"
    path = tmp_path / "2023年重点任务清单.xlsx"
    book.save(path)
    lines = read(path).lines
    assert [(l.line_no, l.text) for l in lines] == [(1, "2023年重点任务清单"), (2, "1.推进政务服务改革"), (3, "2.优化纳税服务")]
    doc = only(extract([path]))
    assert [task_fields_of(t) for t in doc.tasks] == [
        ("1", [], ["市政务办"], [dt.date(2023, 6, 30)], False), ("2", [], ["市税务局"], [], True)]
