"""Word files built with python-docx from corpus documents: automatic numbering written out as the
outline labels it shows, task tables read like PDF task tables, headers and footers dropped."""
import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

import formatgen
from test_pdf import lines_of, only, table_rows, task_fields

from policykg.extractors.outline import marker
from policykg.extractors.readers import read
from policykg.extractors.readers.docx import chinese
from policykg.pipeline import extract

LEVELS = {"cn": 0, "cn_paren": 1, "num": 2}


def numbered_document(lines, num_levels, continuous=()):
    """The lines as Word paragraphs, outline labels before the 附件 list replaced by automatic numbering."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "眉山市人民政府办公室文件"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    num_id = formatgen.numbering_levels(document, num_levels, continuous)
    attachments = next(i for i, line in enumerate(lines) if line.startswith("附件"))
    for index, line in enumerate(lines):
        found = marker(line)
        if found and found[0] in LEVELS and index < attachments:
            formatgen.number_paragraph(document.add_paragraph(line[len(found[1]):]), num_id, LEVELS[found[0]])
        else:
            document.add_paragraph(line)
    return document


def test_numbered_plan_reads_as_its_text(tmp_path):
    # 眉山 (000 lines 152-362): 一、/（一）/1. outline; the measures numbered 1-15 across sections
    lines = lines_of("000", 152, 362)
    text = tmp_path / "plan.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    word = tmp_path / "plan.docx"
    numbered_document(lines, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")],
                      continuous=(2,)).save(word)
    source = read(word)
    assert [line.text for line in source.lines] == lines  # labels as written, header and footer dropped
    from_text, from_word = only(extract([text])), only(extract([word]))
    assert task_fields(from_word) == task_fields(from_text)
    assert [t.path for t in from_word.tasks] == [t.path for t in from_text.tasks]
    assert len([t for t in from_word.tasks if t.label.isdigit()]) == 15


def test_numbering_restarts_under_each_heading_by_default(tmp_path):
    lines = lines_of("000", 152, 362)
    word = tmp_path / "plan.docx"
    numbered_document(lines, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]).save(word)
    labels = [marker(line.text)[1] for line in read(word).lines if marker(line.text)]
    assert labels[:6] == ["一、", "二、", "（一）", "1.", "2.", "3."]
    assert "11." not in labels and labels.count("1.") == 3  # each of the three （N） stages counts from 1 again


@pytest.mark.parametrize("n,numeral", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"),
                                       (99, "九十九")])
def test_chinese_numerals(n, numeral):
    assert chinese(n) == numeral


@pytest.mark.parametrize("levels,expected", [
    ([("chineseCountingThousand", "%1、"), ("decimal", "%1.%2")], ["一、", "一.1", "一.2", "二、", "二.1"]),
    ([("decimal", "第%1条"), ("decimalEnclosedCircle", "%2")], ["第1条", "①", "②", "第2条", "①"]),
    ([("ideographTraditional", "%1."), ("bullet", "")], ["甲.", "", "", "乙.", ""]),
])
def test_label_formats(levels, expected, tmp_path):
    document = docx.Document()
    num_id = formatgen.numbering_levels(document, levels)
    for level in (0, 1, 1, 0, 1):
        formatgen.number_paragraph(document.add_paragraph("推进改革。"), num_id, level)
    document.save(tmp_path / "labels.docx")
    assert [line.text.removesuffix("推进改革。") for line in read(tmp_path / "labels.docx").lines] == expected


def test_task_table_in_word(tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("\n".join(lines_of("003", 1675, 1830)), encoding="utf-8")
    text_doc = only(extract([source]))
    header = ["序号", "重点任务", "责任单位", "牵头单位", "完成时限"]
    document = docx.Document()
    document.add_paragraph("郑州市2023年优化营商环境工作要点（2023年4月19日）")
    document.add_paragraph("为深入贯彻党的二十大精神，制定本要点。")
    formatgen.word_table(document, header, [[row[h] for h in header] for row in table_rows(text_doc)],
                         merge=("牵头单位", "完成时限"), title="重点任务分工表")
    document.save(tmp_path / "table.docx")
    lines = read(tmp_path / "table.docx").lines
    assert lines[2].text == "重点任务分工表" and not lines[2].cells and lines[3].cells  # title row, header dropped
    expected = [fields for fields in task_fields(text_doc) if fields[0].isdigit()]
    assert task_fields(only(extract([tmp_path / "table.docx"]))) == expected and len(expected) == 31


def test_numbered_number_column(tmp_path):
    """A 序号 column numbered automatically (empty cells with "%1." numbering) gives the row numbers."""
    document = docx.Document()
    document.add_paragraph("关于印发重点任务清单的通知")
    table = formatgen.word_table(document, ["序号", "工作任务", "责任单位", "时间节点"],
                                 [["", "推进政务服务改革", "市政务办", "2023年6月底前"],
                                  ["", "优化纳税服务", "市税务局", "持续推进"]])
    num_id = formatgen.numbering_levels(document, [("decimal", "%1.")])
    for row in table.rows[1:]:
        formatgen.number_paragraph(row.cells[0].paragraphs[0], num_id, 0)
    document.save(tmp_path / "list.docx")
    rows = [line for line in read(tmp_path / "list.docx").lines if line.cells]
    assert [line.text for line in rows] == ["1.推进政务服务改革", "2.优化纳税服务"]


def test_numbering_of_a_paragraph_style(tmp_path):
    """Numbering set on a heading style, and inherited by a style based on it."""
    document = docx.Document()
    num_id = formatgen.numbering_levels(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    heading = document.styles["Heading 1"]
    formatgen.number_paragraph(heading, num_id, 0)
    sub = document.styles.add_style("分项标题", WD_STYLE_TYPE.PARAGRAPH)
    sub.base_style = document.styles["Heading 2"]
    formatgen.number_paragraph(document.styles["Heading 2"], num_id, 1)
    for style, text in (("Heading 1", "总体要求"), ("Normal", "坚持稳中求进。"), ("Heading 1", "主要举措"),
                        ("分项标题", "前期工作阶段"), ("分项标题", "施工建设阶段")):
        document.add_paragraph(text, style=style)
    document.save(tmp_path / "styles.docx")
    assert [line.text for line in read(tmp_path / "styles.docx").lines] == [
        "一、总体要求", "坚持稳中求进。", "二、主要举措", "（一）前期工作阶段", "（二）施工建设阶段"]
