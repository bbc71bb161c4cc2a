"""The 郑州 notice (corpus 003) with its 31 measures as analysts really receive it, written with the
library of each format: a 公文 PDF in the full GB/T 9704 layout (reportlab), the Word original with
automatic numbering and a task table with merged cells and a two-row header (python-docx), an Excel
ledger with title rows, a 填报说明 and a two-row header (openpyxl), and the page of a municipal
government site (hand-written HTML). Shared by tests/test_formats_real.py."""
from __future__ import annotations

import datetime as dt
import re
from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

import formatgen
from pdfgen import BODY, CELL, FONT, PLAIN

ISSUER = "郑州市人民政府"
MARK = "郑州市人民政府文件"
DOC_NUMBER = "郑政文〔2023〕62号"
SIGNER = "签发人：何雄"
TITLE_LINES = ["郑州市人民政府", "关于印发郑州市2023年优化营商环境", "工作要点的通知"]
TITLE = "".join(TITLE_LINES)
RECIPIENTS = "各开发区管委会，各区县（市）人民政府，市人民政府各部门，各有关单位："
NOTICE = "现将《郑州市2023年优化营商环境工作要点》印发给你们，请认真贯彻落实。"
DATE = "2023年4月19日"
PLAN_TITLE = "郑州市2023年优化营商环境工作要点"
CC = "市委各部门，市人大常委会办公厅，市政协办公厅，市法院，市检察院。"
PRINTER, PRINTED = "郑州市人民政府办公厅", "2023年4月20日"
SECTION = re.compile(r"^[一二三四五六七八九十]+、(.+)$")


def text_version(path: Path, intro: list[str]) -> Path:
    """The notice as plain text: the reference the laid-out files are compared with."""
    path.write_text("\n".join([MARK, DOC_NUMBER, TITLE, RECIPIENTS, NOTICE, ISSUER, DATE, "（此件公开发布）", "附件",
                               PLAN_TITLE, *intro, f"抄送：{CC}", f"{PRINTER}　　{PRINTED}印发"]), encoding="utf-8")
    return path


# --- PDF ---------------------------------------------------------------------------------------

RED = colors.Color(0.85, 0, 0)
TITLE_STYLE = ParagraphStyle("gw-title", fontName=FONT, fontSize=20, leading=30, alignment=1, wordWrap="CJK")
RIGHT = ParagraphStyle("gw-right", parent=PLAIN, alignment=2, rightIndent=16 * mm)
CENTRE = ParagraphStyle("gw-centre", parent=PLAIN, alignment=1)


class Drawn(Flowable):
    """A flowable drawn on the canvas by `draw(canvas, width)`, `height` points high."""

    def __init__(self, height: float, draw) -> None:
        super().__init__()
        self.height, self.draw_on = height, draw

    def wrap(self, width, height):
        self.width = width
        return width, self.height

    def draw(self):
        self.draw_on(self.canv, self.width)


def issuer_mark(canvas, width):
    """The red issuer mark, letter-spaced across the page, and the red rule under the 文号 line."""
    canvas.setFillColor(RED)
    canvas.setFont(FONT, 36)
    spacing = 8
    text_width = canvas.stringWidth(MARK, FONT, 36) + spacing * (len(MARK) - 1)
    text = canvas.beginText((width - text_width) / 2, 40)
    text.setCharSpace(spacing)
    text.textOut(MARK)
    canvas.drawText(text)


def number_line(canvas, width):
    """文号 at the left, 签发人 at the right, the red rule below."""
    canvas.setFont(FONT, 14)
    canvas.drawString(10 * mm, 12, DOC_NUMBER)
    canvas.drawRightString(width - 10 * mm, 12, SIGNER)
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(1.5)
    canvas.line(0, 0, width, 0)


def imprint(canvas, width):
    """版记: 抄送 and 印发 between rules at the foot of the last page."""
    canvas.setLineWidth(1)
    for y in (0, 30, 60):
        canvas.line(0, y, width, y)
    canvas.setFont(FONT, 12)
    canvas.drawString(5 * mm, 40, f"抄送：{CC}")
    canvas.drawString(5 * mm, 10, PRINTER)
    canvas.drawRightString(width - 5 * mm, 10, f"{PRINTED}印发")


def alternating_numbers(canvas, doc):
    """"— N —" at the foot, right on odd pages and left on even ones (double-sided printing)."""
    canvas.saveState()
    canvas.setFont(FONT, 12)
    if doc.page % 2:
        canvas.drawRightString(A4[0] - 28 * mm, 15 * mm, f"— {doc.page} —")
    else:
        canvas.drawString(28 * mm, 15 * mm, f"— {doc.page} —")
    canvas.restoreState()


def gongwen_pdf(path: Path, intro: list[str], rows: list[list[str]]) -> Path:
    """The notice in the GB/T 9704 layout, its plan as 附件 on a new page with the task table running
    over pages (its two header rows repeated: 责任单位 over 牵头单位 / 配合单位; each 重点任务 cell
    spanning its measures), 版记 on a last page of its own."""
    story = [Drawn(50, issuer_mark), Spacer(1, 10 * mm), Drawn(20, number_line), Spacer(1, 10 * mm),
             *(Paragraph(line, TITLE_STYLE) for line in TITLE_LINES), Spacer(1, 8 * mm), Paragraph(RECIPIENTS, PLAIN),
             Paragraph(NOTICE, BODY), Spacer(1, 15 * mm), Paragraph(ISSUER, RIGHT), Paragraph(DATE, RIGHT),
             Paragraph("（此件公开发布）", BODY), PageBreak(), Paragraph("附件", PLAIN), Spacer(1, 4 * mm),
             Paragraph(PLAN_TITLE, TITLE_STYLE), *(Paragraph(line, BODY) for line in intro), Spacer(1, 4 * mm)]
    header = [["序号", "重点任务", "具体措施", "责任单位", "", "完成时限"], ["", "", "", "牵头单位", "配合单位", ""]]
    starts = [r for r in range(len(rows)) if not r or rows[r - 1][1] != rows[r][1]]
    cells = [[Paragraph(text if c != 1 or r in starts else "", CELL) for c, text in enumerate(row)]
             for r, row in enumerate(rows)]
    line = 0.5, colors.black
    # a 重点任务 cell spans its measures as Word draws it: no rule inside it, closed at a page's foot
    table = LongTable([[Paragraph(c, CELL) for c in row] for row in header] + cells,
                      colWidths=[22, 60, 200, 55, 55, 45], repeatRows=2)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, 1), *line), ("GRID", (0, 2), (0, -1), *line),
                               ("GRID", (2, 2), (-1, -1), *line), ("LINEBELOW", (1, -1), (1, -1), *line),
                               ("LINEBELOW", (1, "splitlast"), (1, "splitlast"), *line),
                               *(("LINEABOVE", (1, 2 + r), (1, 2 + r), *line) for r in starts),
                               ("SPAN", (3, 0), (4, 0)), *(("SPAN", (c, 0), (c, 1)) for c in (0, 1, 2, 5)),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, PageBreak(), Spacer(1, 170 * mm), CondPageBreak(30 * mm), Drawn(60, imprint)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=37 * mm,
                            bottomMargin=35 * mm)
    doc.build(story, onFirstPage=alternating_numbers, onLaterPages=alternating_numbers)
    return path


# --- Word --------------------------------------------------------------------------------------

UNIT_COLUMNS = (3, 4)  # lead and co of the rows (序号, 重点任务, 具体措施, 牵头, 配合, 时限)


def one_a_line(units: str) -> str:
    """Units one a line, as a ledger's cell lists them (Alt+Enter in Excel)."""
    return units.replace("、", "\n")


BOX_NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
                  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"')


def text_box(document, text: str) -> None:
    """A paragraph anchoring a text box that holds `text`, as Word writes it: the DrawingML shape and
    its VML copy for older readers (mc:AlternateContent)."""
    from docx.oxml import parse_xml

    inner = f"<w:txbxContent><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:txbxContent>"
    document.add_paragraph()._p.append(parse_xml(
        f'<w:r {BOX_NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        f"<a:graphicData><wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox>{inner}</v:textbox></v:rect></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"))


def gongwen_docx(path: Path, intro: list[str], rows: list[list[str]]) -> Path:
    """The notice as its Word original, made from a 公文 template: the red mark in a text box, 文号 and
    签发人 in the cells of a borderless table, mark and page number in the header and footer, the
    plan's headings numbered automatically (一、), the task table with a two-row header (责任单位
    over 牵头单位 / 配合单位) and its 重点任务 cells merged down their measures, the 版记 in a table."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "郑州市人民政府文件"
    section.footer.paragraphs[0].text = "— 1 —"
    num_id = formatgen.numbering_levels(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    text_box(document, MARK)
    number = document.add_table(rows=1, cols=2)
    number.cell(0, 0).text, number.cell(0, 1).text = DOC_NUMBER, SIGNER
    for text in (*TITLE_LINES, RECIPIENTS, NOTICE, ISSUER, DATE, "（此件公开发布）", "附件", PLAN_TITLE):
        document.add_paragraph(text)
    for line in intro:
        found = SECTION.match(line)
        if found:
            formatgen.number_paragraph(document.add_paragraph(found.group(1)), num_id, 0)
        else:
            document.add_paragraph(line)
    formatgen.number_paragraph(document.add_paragraph("重点任务分工"), num_id, 0)
    table = document.add_table(rows=2 + len(rows), cols=6)
    table.style = "Table Grid"
    for c, text in enumerate(["序号", "重点任务", "具体措施", "责任单位", "", "完成时限"]):
        table.cell(0, c).text = text
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(1, 3).text, table.cell(1, 4).text = "牵头单位", "配合单位"
    for c in (0, 1, 2, 5):
        table.cell(0, c).merge(table.cell(1, c))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(2 + r, c)
            cell.text, *more = text.split("、") if c in UNIT_COLUMNS else [text]
            for unit in more:  # one unit a paragraph
                cell.add_paragraph(unit)
    formatgen.merge_down(table, 1, 2, rows)
    imprint_table = document.add_table(rows=2, cols=2)
    imprint_table.cell(0, 0).merge(imprint_table.cell(0, 1)).text = f"抄送：{CC}"
    imprint_table.cell(1, 0).text, imprint_table.cell(1, 1).text = PRINTER, f"{PRINTED}印发"
    document.save(path)
    return path


# --- Excel -------------------------------------------------------------------------------------

NOTE = ("填报说明：1.请各责任单位于每月25日前报送进展情况；2.完成时限为“长期坚持”的任务每季度报送一次；"
        "3.牵头单位负责汇总配合单位的进展。")


def excel_value(text: str):
    """A deadline as a ledger keeps it: a month typed as a date cell (its last day, shown "2023年12月"),
    else the text ("2023年底前", "持续推进")."""
    month = re.fullmatch(r"(\d{4})年(\d{1,2})月", text)
    if not month:
        return text
    year, number = map(int, month.groups())
    return dt.datetime(year + number // 12, number % 12 + 1, 1) - dt.timedelta(days=1)


def ledger_xlsx(path: Path, rows: list[list[str]]) -> Path:
    """A task ledger: two title rows and a 填报说明 merged across, a two-row header, numbers as numbers,
    days as date cells, merged category cells, a 备注 column, and an empty sheet after it."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "重点任务台账"
    width = 7
    for text in (f"{PLAN_TITLE}任务分工台账", f"（{DATE}）", NOTE):
        sheet.append([text])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
    sheet.append(["序号", "重点任务", "具体措施", "责任单位", None, "完成时限", "备注"])
    sheet.append([None, None, None, "牵头", "配合", None, None])  # short sub-headers, as ledgers write them
    top = sheet.max_row - 1
    sheet.merge_cells(start_row=top, start_column=4, end_row=top, end_column=5)
    for c in (1, 2, 3, 6, 7):
        sheet.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
    first = sheet.max_row + 1
    for row in rows:
        sheet.append([int(row[0]), row[1], row[2], one_a_line(row[3]), one_a_line(row[4]), excel_value(row[5]), ""])
        if isinstance(sheet.cell(sheet.max_row, 6).value, dt.datetime):
            sheet.cell(sheet.max_row, 6).number_format = "yyyy年m月"
    r = 0
    while r < len(rows):
        count = run_length(rows, r, 1)
        if count > 1:
            sheet.merge_cells(start_row=first + r, start_column=2, end_row=first + r + count - 1, end_column=2)
        r += count
    book.create_sheet("Sheet2")
    book.save(path)
    return path


# --- web page ----------------------------------------------------------------------------------

def run_length(rows: list[list[str]], r: int, c: int) -> int:
    """How many rows from row r hold the same text in column c."""
    end = r
    while end + 1 < len(rows) and rows[end + 1][c] == rows[r][c]:
        end += 1
    return end - r + 1


def lines_html(units: str) -> str:
    """Units one a line (<br/>), as a site's editor lists them in a cell."""
    return "<br/>".join(map(escape, units.split("、")))


def task_table_html(rows: list[list[str]]) -> str:
    """The task table as a site's editor writes it: a two-row header, 重点任务 spanning its measures."""
    head = ("<tr><td rowspan='2'><p align='center'><b>序号</b></p></td><td rowspan='2'><b>重点任务</b></td>"
            "<td rowspan='2'><b>具体措施</b></td><td colspan='2'><b>责任单位</b></td><td rowspan='2'><b>完成时限</b></td></tr>"
            "<tr><td><b>牵头单位</b></td><td><b>配合单位</b></td></tr>")
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if c == 1 and r and rows[r - 1][1] == text:
                continue
            span = run_length(rows, r, c) if c == 1 else 1
            cells.append(f"<td{f' rowspan={span}' if span > 1 else ''} style='padding:2px'>"
                         f"<span style='font-size:12pt'>{lines_html(text) if c in UNIT_COLUMNS else escape(text)}</span></td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return ("<table border='1' cellspacing='0' style='border-collapse:collapse;width:100%'><tbody>"
            + head + "".join(body) + "</tbody></table>")


FIELDS = {"索引号": "11410100MB1961830E/2023-00062", "发文机关": ISSUER, "发文字号": DOC_NUMBER, "成文日期": "2023-04-19",
          "发布日期": "2023-04-25", "主题分类": "综合政务"}


def gov_site_page(path: Path, intro: list[str], rows: list[list[str]], charset: str = "utf-8",
                  declared: str | None = None, convert=None) -> Path:
    """The notice on a municipal site: nav, breadcrumb, the metadata table, a 字号/打印 tool bar, the text
    in a styled div with a <p> per paragraph and &nbsp; indents, the task table, attachment links,
    a 相关解读 box and the footer. Written in `charset`, the page declaring `declared` (a lie when
    they differ); `convert` maps the text (a traditional-character mirror)."""
    meta = "".join(f"<tr><th>{label}：</th><td>{escape(value)}</td></tr>" for label, value in
                   (("索 引 号", FIELDS["索引号"]), ("发文机关", ISSUER), ("发文字号", DOC_NUMBER),
                    ("成文日期", FIELDS["成文日期"]), ("发布日期", FIELDS["发布日期"]), ("主题分类", FIELDS["主题分类"])))
    indent = "&nbsp;" * 4
    paragraphs = [f"<p style='text-align:right'>{text}{indent}</p>" if text in (ISSUER, DATE) else
                  f"<p style='text-indent:2em;line-height:2'>{indent}{escape(text)}</p>"
                  for text in (RECIPIENTS, NOTICE, ISSUER, DATE, "（此件公开发布）")]
    plan = [f"<p align='center'><strong>{PLAN_TITLE}</strong></p>",
            *(f"<p>{indent}{escape(line)}</p>" for line in intro)]
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset={declared or charset}" />
<meta name="ArticleTitle" content="{TITLE}"><title>{TITLE}-郑州市人民政府</title>
<link rel="stylesheet" href="/css/style.css"><script src="/js/jquery.min.js"></script></head>
<body>
<div class="wrap"><div class="topbar">今天是：<span id="today"></span>　<a href="/">网站首页</a> | <a href="/en">English</a> | <a href="/wza">无障碍</a></div>
<div class="logo-box"><a href="/"><img src="/images/logo.png" alt="郑州市人民政府"></a></div>
<div class="menu"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/zwfw">政务服务</a><a href="/hdjl">互动交流</a></div>
<div class="dqwz">首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="content-box">
<table class="xxgk_table" width="100%">{meta}</table>
<div class="article-tit"><h2 style="font-size:22px;color:#c00">{TITLE}</h2></div>
<div class="zihao">字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]　<a href="javascript:window.print()">打印本页</a>　<a href="javascript:window.close()">关闭窗口</a></div>
<div class="article-con" style="font-family:仿宋_GB2312;font-size:16pt">
{"".join(paragraphs)}
<p>附件：<a href="/u/cms/2023/P020230425.docx">1. {PLAN_TITLE}.docx</a></p>
<p style="page-break-before:always">&nbsp;</p>
{"".join(plan)}
{task_table_html(rows)}
</div>
<div class="xgjd"><h3>相关解读</h3><ul><li><a href="/jd/1.html">图解：{PLAN_TITLE}</a></li>
<li><a href="/jd/2.html">一图读懂郑州市2023年优化营商环境工作要点</a></li></ul></div>
</div>
<div class="foot"><p>主办单位：郑州市人民政府办公厅　承办单位：郑州市大数据管理局</p>
<p>网站标识码：4101000001　<a href="https://beian.miit.gov.cn">豫ICP备05016139号</a>　豫公网安备 41010202002520号</p></div>
</div></body></html>"""
    path.write_bytes((convert(page) if convert else page).encode(charset))
    return path
