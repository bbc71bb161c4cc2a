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
    pdf = realgen.gongwen_pdf(tmp_path / "notice.pdf", plan["intro"], plan["rows"])
    lines = read(pdf).lines
    # each 重点任务 once, before its first measure, also where its cell runs over a page without a rule
    assert [line.text for line in lines if line.text in dict(CATEGORIES).values()] == [n for _, n in CATEGORIES]
    assert not [line for line in lines if "—" in line.text or not line.text.strip()]  # page numbers left and right
    assert len({line.page for line in lines if line.cells}) >= 5
    check(only(extract([pdf])), plan)


def test_gongwen_docx(plan, tmp_path):
    word = realgen.gongwen_docx(tmp_path / "notice.docx", plan["intro"], plan["rows"])
    lines = [line.text for line in read(word).lines]
    assert lines[:2] == [realgen.MARK, f"{realgen.DOC_NUMBER}\u3000{realgen.SIGNER}"]  # the text box read once
    assert lines.count(realgen.MARK) == 1 and "— 1 —" not in lines
    check(only(extract([word])), plan)


def test_ledger_xlsx(plan, tmp_path):
    ledger = realgen.ledger_xlsx(tmp_path / "ledger.xlsx", plan["rows"])
    doc = only(extract([ledger]))
    assert doc.title == f"{realgen.PLAN_TITLE}任务分工台账" and str(doc.issue_date) == "2023-04-19"
    assert numbered(doc) == numbered(plan["measures"]) and len(doc.tasks) == 31  # the 填报说明 is no task
    texts = [squeeze(t.text) for t in plan["measures"].tasks if t.label.isdigit()]
    assert [squeeze(t.text) for t in doc.tasks] == texts
    assert sum("年" in row[5] and "月" in row[5] and "底" not in row[5] for row in plan["rows"]) > 10  # date cells


def test_gov_site_page(plan, tmp_path):
    page = realgen.gov_site_page(tmp_path / "notice.html", plan["intro"], plan["rows"])
    check(only(extract([page])), plan, FIELDS[:-2])  # a site shows no 版记


@pytest.mark.parametrize("charset,declared,convert", [
    ("gbk", "gb2312", None),  # a saved page in its own encoding
    ("gb18030", "utf-8", None),  # the meta lies: GBK bytes declared UTF-8
    ("utf-8", "gb2312", None),  # the meta lies: UTF-8 bytes (a re-saved page) declared GB2312
    ("utf-8", "utf-8", "s2t"),  # a traditional-character mirror
    ("big5", "big5", "s2tw"),
])
def test_site_page_encodings(plan, tmp_path, charset, declared, convert):
    import opencc

    page = realgen.gov_site_page(tmp_path / "notice.htm", plan["intro"], plan["rows"], charset=charset, declared=declared,
                                 convert=opencc.OpenCC(convert).convert if convert else None)
    check(only(extract([page])), plan, FIELDS[:-2])


ROW = ["1", "聚焦数字赋能", "强化政务服务数字化应用。", "市大数据局", "市政务办", "2023年12月"]


@pytest.mark.parametrize("header", [
    # 责任单位 over 牵头单位 / 配合单位, cells merged down repeated (Word, Excel, a page's rowspan)
    [["序号", "重点任务", "具体措施", "责任单位", "责任单位", "完成时限"],
     ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]],
    # the same with the merged cells empty below (a PDF's table, an unfilled grid)
    [["序号", "重点任务", "具体措施", "责任单位", "", "完成时限"], ["", "", "", "牵头单位", "配合单位", ""]],
    # other words; a three-row header
    [["编号", "工作任务", "工作措施", "责任部门", "责任部门", "时间节点"], ["", "", "", "牵头部门", "协同单位", ""]],
    [["序号", "主要任务", "任务内容", "责任分工", "责任分工", "进度安排"], ["", "", "", "牵头单位", "配合单位", ""]],
])
def test_two_row_header_and_group_column(header):
    from policykg.extractors.readers.tables import whole_table

    lines = whole_table([["附件"], *header, ROW, [*ROW[:1], "聚焦数字赋能", "推广智能申报。", *ROW[3:]]])
    assert [(text, [(c.role.value, c.text) for c in cells]) for _, text, cells in lines] == [
        ("附件", []), ("聚焦数字赋能", []),
        ("1.强化政务服务数字化应用。", [("number", "1"), ("task", "强化政务服务数字化应用。"), ("lead", "市大数据局"),
                                      ("co", "市政务办"), ("time", "2023年12月")]),
        ("1.推广智能申报。", [("number", "1"), ("task", "推广智能申报。"), ("lead", "市大数据局"), ("co", "市政务办"),
                             ("time", "2023年12月")])]


@pytest.mark.parametrize("second,joined", [
    (["", "", "牵头单位", "配合单位", ""], True),
    (["1", "推进改革", "市发展改革委", "市财政局", "2023年底"], False),  # a task row, not a header
    (["", "说明：以下为2023年任务", "", "", ""], False),  # a note under the header
])
def test_second_header_row_only_when_it_names_columns(second, joined):
    from policykg.extractors.readers.tables import header_of

    columns, count = header_of([["序号", "重点任务", "责任单位", "", "完成时限"], second])
    assert (count == 2) is joined
    assert (columns.lead, columns.co) == ((2, (3,)) if joined else (None, (2,)))


def test_two_row_header_repeated_on_each_page_of_a_pdf_table():
    """pdfplumber's rows: merged header cells empty (None), the group cell only on its first row, the
    header repeated at the top of the next page."""
    from policykg.extractors.readers.tables import TableReader

    header = [["序号", "重点任务", "具体措施", "责任单位", None, "完成时限"], [None, None, None, "牵头单位", "配合单位", None]]
    reader = TableReader()
    rows = reader.rows_of([*header, ROW, ["2", None, "推广智能申报。", "市大数据局", "", "2023年9月"]])
    rows += reader.rows_of([*header, ["3", "深化审批改革", "推行告知承诺制。", "市政务办", "市司法局", "持续推进"]])
    rows += reader.flush()
    assert [(text, [c.role.value for c in cells]) for text, cells in rows] == [
        ("聚焦数字赋能", []), ("1.强化政务服务数字化应用。", ["number", "task", "lead", "co", "time"]),
        ("2.推广智能申报。", ["number", "task", "lead", "time"]), ("深化审批改革", []),
        ("3.推行告知承诺制。", ["number", "task", "lead", "co", "time"])]


@pytest.mark.parametrize("text,written,declared", [
    ("政府", "utf-8", "gb2312"),  # UTF-8 bytes GB18030 would also decode (as 鏀垮簻)
    ("关于印发工作方案的通知", "utf-8", "gbk"),
    ("关于印发工作方案的通知", "gb18030", "utf-8"),
    ("關於印發工作方案的通知", "utf-8", "big5"),
    ("關於印發工作方案的通知", "big5", "big5"),
    ("眉山市人民政府", "gb18030", "gb2312"),
])
def test_declared_charset_that_lies(text, written, declared):
    from policykg.extractors.readers.html import page_text

    page = f"<html><head><meta http-equiv='Content-Type' content='text/html; charset={declared}'></head><p>{text}</p></html>"
    assert f"<p>{text}</p>" in page_text(page.encode(written), "page.html")[0]


@pytest.mark.parametrize("note,dropped", [
    ("填报说明：1.请各责任单位于每月25日前报送进展情况。", True), ("填表说明：完成时限按自然年度填写。", True),
    ("报送要求：每季度末报送一次。", True), ("（2023年4月19日）", False), ("说明：以下任务由市政府督查室督办。", False),
])
def test_form_note_above_a_ledger_header(note, dropped):
    from policykg.extractors.readers.tables import whole_table

    lines = whole_table([["重点任务台账"], [note], ["序号", "重点任务", "牵头单位"], ["1", "推进改革", "市发展改革委"]])
    assert (note not in [text for _, text, _ in lines]) is dropped and len(lines) == (3 if not dropped else 2)


@pytest.mark.parametrize("header,roles", [
    (["序号", "任务", "牵头", "责任", "时限"], ("number", "task", "lead", "co", "time")),  # a ledger's short headers
    (["序号", "重点工作", "牵头领导", "责任单位", "完成时间"], ("number", "task", "lead", "co", "time")),
    (["编号", "工作事项", "牵头部门", "协同部门", "时间进度"], ("number", "task", "lead", "co", "time")),
    (["序号", "具体工作", "牵头部门", "配合", "完成期限（2023年）"], ("number", "task", "lead", "co", "time")),
    (["序号", "任务（项目）", "责任（牵头）单位", "配合", "备注"], ("number", "task", "co", "co", None)),
    (["任务一", "责任追究", "配合度", "期限内完成", "1"], None),  # a row of text, not a header
])
def test_header_wordings(header, roles):
    from policykg.extractors.readers.tables import role_of, recognise

    assert (recognise(header) is None) is (roles is None)
    if roles:
        assert tuple(role_of(cell) for cell in header) == roles


@pytest.mark.parametrize("text,page_number", [
    ("— 3 —", True), ("－3－", True), ("―3―", True), ("- 12 -", True), ("3 / 12", True), ("第 3 页 共 12 页", True),
    ("— 2023 —", True), ("一、总体目标", False), ("3.推进改革", False), ("2023年", False),
])
def test_page_number_wordings(text, page_number):
    from policykg.lexicon.official import PAGE_NUMBER_LINE

    assert bool(PAGE_NUMBER_LINE.match(text)) is page_number


def test_title_from_the_head_of_a_content_system_page(tmp_path):
    """No heading reads as the title (a styled div) and <title> names only the site: the head's
    ArticleTitle and PubDate meta tags give the title and the publication day."""
    page = tmp_path / "art_1.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>郑州市人民政府门户网站</title>"
        f"<meta name='ArticleTitle' content='{realgen.TITLE}'><meta name='PubDate' content='2023-04-25 10:30'>"
        "<meta name='ContentSource' content='市政府办公厅'></head><body><div class='menu'><a href='/'>首页</a></div>"
        f"<div class='bt' style='font-size:22px'>{realgen.TITLE}</div><div class='zw'><p>{realgen.DOC_NUMBER}</p>"
        f"<p>{realgen.RECIPIENTS}</p><p>{realgen.NOTICE}</p><p>{realgen.ISSUER}</p><p>{realgen.DATE}</p></div></body></html>",
        encoding="utf-8")
    source = read(page)
    assert source.metadata == {"标题": realgen.TITLE, "发布日期": "2023-04-25 10:30"}
    doc = only(extract([page]))
    assert (doc.title, doc.doc_number, str(doc.issue_date)) == (realgen.TITLE, realgen.DOC_NUMBER, "2023-04-19")
    assert doc.recipients[0] == "各开发区管委会"


@pytest.mark.parametrize("cell,units", [
    ("市政务办\n市大数据局", "市政务办、市大数据局"), ("市发展改革委  市财政局　市司法局", "市发展改革委、市财政局、市司法局"),
    ("市 财 政 局", "市财政局"),  # a name spaced out, not a list
    ("市发展改革委、\n市财政局", "市发展改革委、市财政局"), ("市委编办\n（事业单位登记中心）", "市委编办（事业单位登记中心）"),
    ("各区县（市）人民政府", "各区县（市）人民政府"), ("", ""),
])
def test_units_one_a_line_in_a_cell(cell, units):
    from policykg.extractors.readers.tables import listed

    assert listed(cell) == units


def test_cells_merged_across_columns():
    """A task and a 责任单位 cell merged over two columns (filled into both): one task, one unit, no
    group line; two different units under the merged header stay two."""
    from policykg.extractors.readers.tables import whole_table

    lines = whole_table([["序号", "重点任务", "重点任务", "责任单位", "责任单位", "完成时限"],
                         ["1", "推进政务服务改革", "推进政务服务改革", "市政务办", "市政务办", "2023年6月底前"],
                         ["2", "优化纳税服务", "优化纳税服务", "市税务局", "市财政局", "2023年底前"]])
    assert [(text, [c.text for c in cells if c.role.value == "co"]) for _, text, cells in lines] == [
        ("1.推进政务服务改革", ["市政务办"]), ("2.优化纳税服务", ["市税务局", "市财政局"])]


def test_word_notice_inside_a_one_cell_table(plan, tmp_path):
    """A notice pasted from an office system into a one-cell frame, its task table nested in the cell,
    the 抄送 units in a content control: read as the notice itself."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.text = realgen.MARK
    for text in (realgen.DOC_NUMBER, realgen.TITLE, realgen.RECIPIENTS, realgen.NOTICE, realgen.ISSUER, realgen.DATE):
        frame.add_paragraph(text)
    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    table = frame.add_table(rows=1 + len(plan["rows"]), cols=5)
    for r, row in enumerate([header, *([n, task, lead, co, time] for n, _, task, lead, co, time in plan["rows"])]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    imprint = document.add_table(rows=1, cols=2)
    imprint.cell(0, 0).text = "抄送："
    imprint.cell(0, 1)._tc.append(parse_xml(
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdtContent><w:p><w:r>'
        f'<w:t>{realgen.CC}</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    document.save(tmp_path / "framed.docx")
    doc = only(extract([tmp_path / "framed.docx"]))
    for field in ("title", "doc_number", "issuers", "issue_date", "recipients", "cc"):
        assert getattr(doc, field) == getattr(plan["notice"], field), field
    assert numbered(doc) == numbered(plan["measures"])


@pytest.mark.parametrize("numbers,heads", [(("一", "二"), ("一", "二")), (("一、", "二、"), ("一", "二")),
                                           (("（一）", "（二）"), ("（一）", "（二）"))])
def test_heading_rows_numbered_in_the_number_column(numbers, heads, tmp_path):
    """A ledger's heading rows carry their numeral in the 序号 column and nothing in the unit and time
    columns: headings of the tasks below them, not tasks."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["关于印发2023年重点任务清单的通知"], ["序号", "重点任务", "牵头单位", "完成时限"],
                [numbers[0], "优化政务服务", None, None], [1, "推进政务服务改革。", "市政务办", "2023年6月底前"],
                [2, "深化一网通办。", "市大数据局", "2023年底前"], [numbers[1], "优化市场环境", None, None],
                [3, "优化纳税服务。", "市税务局", "持续推进"]):
        book.active.append(row)
    book.save(tmp_path / "清单.xlsx")
    doc = only(extract([tmp_path / "清单.xlsx"]))
    first, second = heads
    expected = [("1", (first, "1")), ("2", (first, "2")), ("3", (second, "3"))]
    assert [(t.label, t.path[-2:]) for t in doc.tasks] == expected


def test_task_merged_down_over_the_rows_of_its_units(tmp_path):
    """A task's 序号 and text merged down over one row per unit, each with its own time: one task
    owning every unit, with every time."""
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["2023年重点任务分解清单"], ["序号", "重点任务", "责任单位", "完成时限"],
                [1, "推进政务服务改革。", "市政务办", "2023年6月底前"], [None, None, "市大数据局", "2023年9月底前"],
                [None, None, "各区县（市）政府\n各开发区管委会", "2023年9月底前"], [2, "优化纳税服务。", "市税务局", "持续推进"]):
        sheet.append(row)
    sheet.merge_cells("A3:A5")
    sheet.merge_cells("B3:B5")
    book.save(tmp_path / "分解清单.xlsx")
    doc = only(extract([tmp_path / "分解清单.xlsx"]))
    assert [(t.label, t.co_units, t.due_dates, t.ongoing) for t in doc.tasks] == [
        ("1", ["市政务办", "市大数据局", "各区县（市）政府", "各开发区管委会"], [dt.date(2023, 6, 30), dt.date(2023, 9, 30)], False),
        ("2", ["市税务局"], [], True)]


def test_pdf_task_table_without_a_number_column(tmp_path):
    """No 序号 column: every row a task of its own, over pages (rows were all run together before)."""
    import pdfgen

    rows = [[f"推行第{n}项改革措施。", "市规划自然资源局" if n % 2 else "市住房城乡建设局", f"2023年{n % 12 + 1}月底前"]
            for n in range(1, 61)]
    pdf = pdfgen.task_table(tmp_path / "t.pdf", title="工作要点", intro=["为深入贯彻党的二十大精神。"],
                            header=["重点任务", "牵头单位", "完成时限"], rows=rows)
    lines = [line for line in read(pdf).lines if line.cells]
    assert len({line.page for line in lines}) >= 2
    assert [[c.text for c in line.cells] for line in lines] == rows


@pytest.mark.parametrize("first,second,rows", [
    ("推行工业用地标准地", "供应。", ["推行工业用地标准地供应。"]),  # a row cut by the page break
    ("推行工业用地标准地供应。", "优化纳税服务。", ["推行工业用地标准地供应。", "优化纳税服务。"]),
    ("深化“放管服”改革（市政务办）", "优化纳税服务。", ["深化“放管服”改革（市政务办）", "优化纳税服务。"]),
])
def test_pdf_row_continued_on_the_next_page_without_numbers(first, second, rows):
    from policykg.extractors.readers.tables import TableReader

    reader, header = TableReader(), ["重点任务", "牵头单位", "完成时限"]
    texts = reader.rows_of([header, ["推进改革。", "市发展改革委", "2023年底"], [first, "市税务局", ""]])
    texts += reader.rows_of([header, [second, "", "2023年6月底前"]]) + reader.flush()
    assert [text for text, _ in texts] == ["推进改革。", *rows]


def test_pdf_task_merged_down_over_the_rows_of_its_units():
    """pdfplumber's rows of a task whose 序号 and text span one row per unit: one task, units listed."""
    from policykg.extractors.readers.tables import TableReader

    reader = TableReader()
    rows = reader.rows_of([["序号", "重点任务", "责任单位", "完成时限"], ["1", "推进政务服务改革。", "市政务办", "2023年6月底前"],
                           [None, None, "市大数据局", "2023年9月底前"], ["2", "优化纳税服务。", "市税务局", "持续推进"]])
    rows += reader.flush()
    assert [[(c.role.value, c.text) for c in cells] for _, cells in rows] == [
        [("number", "1"), ("task", "推进政务服务改革。"), ("co", "市政务办、市大数据局"), ("time", "2023年6月底前；2023年9月底前")],
        [("number", "2"), ("task", "优化纳税服务。"), ("co", "市税务局"), ("time", "持续推进")]]


def test_pdf_table_that_is_no_task_table_is_kept_as_text(tmp_path):
    """A ruled table of targets (指标 / 2023年 / 2025年) in a PDF: its rows as lines (they were dropped)."""
    import pdfgen

    pdf = pdfgen.task_table(tmp_path / "targets.pdf", title="主要指标", intro=["到2025年，主要指标达到以下水平。"],
                            header=["指标", "2023年", "2025年"],
                            rows=[["政务服务事项网上可办率", "95%", "98%"], ["企业开办时间（个工作日）", "1", "0.5"]])
    assert [line.text for line in read(pdf).lines][-3:] == [
        "指标\u30002023年\u30002025年", "政务服务事项网上可办率\u300095%\u300098%", "企业开办时间（个工作日）\u30001\u30000.5"]


def test_old_site_laid_out_in_a_table():
    """An old site laid out in one two-column table (menu cell, text cell): the text cell is the
    document, read paragraph by paragraph (a table of tasks stops the search, a layout table not)."""
    from policykg.extractors.readers.html import parse

    paragraphs = "".join(f"<p>{text}</p>" for text in (realgen.TITLE, realgen.DOC_NUMBER, realgen.RECIPIENTS, realgen.NOTICE,
                                                        realgen.ISSUER, realgen.DATE))
    page = (f"<html><body><table width='980'><tr><td colspan='2'><img src='banner.png'>郑州市人民政府门户网站</td></tr>"
            f"<tr><td width='200'><a href='/'>首页</a><br><a href='/zwgk'>政务公开</a></td>"
            f"<td>{paragraphs}</td></tr></table></body></html>")
    assert [text for text, _ in parse(page, "page.html")[0]] == [
        realgen.TITLE, realgen.DOC_NUMBER, realgen.RECIPIENTS, realgen.NOTICE, realgen.ISSUER, realgen.DATE]


def test_label_typed_into_a_numbered_paragraph(tmp_path):
    """Typed numbers pasted into automatically numbered paragraphs: the label once."""
    import docx

    import formatgen

    document = docx.Document()
    num_id = formatgen.numbering_levels(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"),
                                                   ("decimal", "%3.")])
    for level, text in ((0, "一、总体要求"), (1, "（一）基本原则"), (1, "强化数字赋能"), (0, "主要任务"), (0, "三、一件事一次办"),
                        (2, "1.5万户企业上云。"), (2, "2.推进改革。")):
        formatgen.number_paragraph(document.add_paragraph(text), num_id, level)
    document.save(tmp_path / "typed.docx")
    assert [line.text for line in read(tmp_path / "typed.docx").lines] == [
        "一、总体要求", "（一）基本原则", "（二）强化数字赋能", "二、主要任务", "三、一件事一次办", "1.1.5万户企业上云。", "2.推进改革。"]


def test_second_table_under_the_first_in_a_sheet():
    """Two tables on one sheet, the second with its own header (other columns): each row read by its
    own header."""
    from policykg.extractors.readers.tables import whole_table

    lines = whole_table([["一、省定任务"], ["序号", "重点任务", "牵头单位", "完成时限"], ["1", "推进改革。", "市发展改革委", "2023年底"],
                         ["二、市定任务"], ["序号", "完成时限", "工作任务", "责任单位"], ["2", "持续推进", "优化纳税服务。", "市税务局"]])
    assert [(text, [(c.role.value, c.text) for c in cells]) for _, text, cells in lines] == [
        ("一、省定任务", []),
        ("1.推进改革。", [("number", "1"), ("task", "推进改革。"), ("lead", "市发展改革委"), ("time", "2023年底")]),
        ("二、市定任务", []),
        ("2.优化纳税服务。", [("number", "2"), ("task", "优化纳税服务。"), ("co", "市税务局"), ("time", "持续推进")])]
