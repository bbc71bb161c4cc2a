"""RTF files: Word files built with python-docx from corpus documents, saved as RTF by LibreOffice, read
like the .docx (a task table's merged cells, a running-text plan); RTF under .doc read by content;
Chinese text however a writer escapes it (\\uN with its fallback, code-page bytes under \\ansicpg936
or a GBK/Big5 font); groups without text skipped; damaged files give coded errors."""
from itertools import pairwise

import formatgen
import pytest
from conftest import reported_beside
from test_pdf import lines_of, only, task_fields
from test_readers_doc import files as word_files  # noqa: F401 (the fixture, used by name)
from test_readers_docx import numbered_document

from policykg.extractors.readers import read
from policykg.extractors.readers.rtf import parse
from policykg.pipeline import extract


@pytest.fixture(scope="module")
def soffice():
    if not formatgen.SOFFICE:
        pytest.skip("LibreOffice writes the .rtf files (.ci/run installs it)")


@pytest.fixture(scope="module")
def files(soffice, word_files, tmp_path_factory):
    """The Word files of the .doc tests (郑州's work points with their task table, merged cells, a
    hyperlink, header and footer; 眉山's plan as running text) and 眉山's plan with automatic
    numbering (一、/（一）/1.), all saved as RTF by LibreOffice."""
    folder = tmp_path_factory.mktemp("rtf")
    numbered = folder / "numbered.docx"
    numbered_document(lines_of("000", 152, 362), [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"),
                                                  ("decimal", "%3.")]).save(numbered)
    plan_docx = word_files["folder"] / "plan.docx"
    table_rtf, plan_rtf, numbered_rtf = formatgen.saved_as("rtf", folder, word_files["table_docx"], plan_docx, numbered)
    return {**word_files, "plan_docx": plan_docx, "table_rtf": table_rtf, "plan_rtf": plan_rtf,
            "numbered_docx": numbered, "numbered_rtf": numbered_rtf}


def line_cells(path):
    return [(line.text, line.cells) for line in read(path).lines]


def test_rtf_reads_as_its_docx(files):
    lines = line_cells(files["table_rtf"])
    assert lines == line_cells(files["table_docx"])
    assert line_cells(files["plan_rtf"]) == line_cells(files["plan_docx"])
    leads = [{c.role.value: c.text for c in cells}.get("lead") for _, cells in lines if cells]
    assert any(a and a == b for a, b in pairwise(leads))  # merged 牵头单位 cells filled from above
    assert lines[1][0] == "为深入贯彻党的二十大精神，制定本要点。"  # the hyperlink's text, not its field code
    assert lines[2][0] == "重点任务分工表"  # the title row merged across, once
    assert not any("郑州市人民政府文件" in text or "— 1 —" in text for text, _ in lines)  # header, footer


def test_list_labels_read_as_the_docx_shows_them(files):
    lines = [line.text for line in read(files["numbered_rtf"]).lines]  # {\listtext 一、\tab}: the label, no tab
    assert lines == [line.text for line in read(files["numbered_docx"]).lines]
    assert sum(line.startswith(("一、", "二、", "（一）", "1.")) for line in lines) >= 5


def test_task_table_in_rtf_gives_the_tasks_of_the_text(files):
    expected = [fields for fields in task_fields(files["table_text"]) if fields[0].isdigit()]
    assert task_fields(only(extract([files["table_rtf"]]))) == expected and len(expected) == 31


def test_running_text_rtf_gives_the_document_of_the_text(files):
    assert [line.text for line in read(files["plan_rtf"]).lines] == files["plan_lines"]
    from_text, from_rtf = only(extract([files["plan_text"]])), only(extract([files["plan_rtf"]]))
    assert (from_rtf.title, from_rtf.doc_number, from_rtf.issue_date) == \
        (from_text.title, from_text.doc_number, from_text.issue_date)
    assert task_fields(from_rtf) == task_fields(from_text) and len(from_text.tasks) >= 15


@pytest.mark.parametrize("name", ["download.doc", "download.wps", "notice.txt"])
def test_rtf_under_another_name_is_read_by_content(files, tmp_path, name):
    renamed = tmp_path / name  # sites serve RTF as .doc; a crawler may save it as text
    renamed.write_bytes(files["table_rtf"].read_bytes())
    assert line_cells(renamed) == line_cells(files["table_rtf"])


def escaped(text: str, codec: str) -> str:
    """Text as \\'hh escapes of its bytes in a code page."""
    return "".join(f"\\'{b:02x}" for b in text.encode(codec))


FONTS = r"{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fnil\fcharset134 \'cb\'ce\'cc\'e5;}{\f2\fnil\fcharset136 MingLiU;}}"


@pytest.mark.parametrize("body,expected", [
    (rf"\ansi\ansicpg936{FONTS}\f0 {escaped('国务院办公厅', 'gbk')}\par", "国务院办公厅"),  # Word on a Chinese system
    (rf"\ansi\ansicpg1252{FONTS}\f1 {escaped('牵头单位', 'gbk')}\f0  2023\par", "牵头单位 2023"),  # the font's charset
    (rf"\ansi\ansicpg1252{FONTS}{{\f2 {escaped('臺灣', 'big5')}}}\par", "臺灣"),  # Big5 font
    (rf"\ansi{FONTS}\uc1\u22269?\u21153?\u38498?\par", "国务院"),  # one fallback character each
    (rf"\ansi\ansicpg936{FONTS}\uc2\u22269{escaped('国', 'gbk')}\u21153{escaped('务', 'gbk')}\par", "国务"),  # GBK fallbacks
    (rf"\ansi{FONTS}\uc0\u36131\u20219 \u21333\u20301\par", "责任单位"),  # no fallback; the space ends the word
    (rf"\ansi{FONTS}\u-248?2023\u-247?\par", "（2023）"),  # characters above 32767 written negative
    (rf"\ansi\ansicpg936{FONTS}{{\*\generator Riched20;}}{{\info{{\title 标题}}}}{{\header 页眉}}{{\footer 页脚}}正文\par",
     "正文"),  # code-page bytes written as they are
    (rf"\ansi\ansicpg936{FONTS}{{\field{{\*\fldinst HYPERLINK \"http://www.gov.cn\"}}{{\fldrslt 中国政府网}}}}\par", "中国政府网"),
    (rf"\ansi{FONTS}A\~B\tab C\emdash D\{{E\}}F\\G\par", "A\xa0B\tC\u2014D{E}F\\G"),
    (rf"\ansi{FONTS}{{\pict\wmetafile8\picw10\pich10\bin6 " + "}\\{}}x" + r"}\u25991?\u23383?\par", "文字"),  # binary data
])
def test_chinese_escapes_and_skipped_groups(body, expected):
    data = ("{\\rtf1" + body + "}").encode("latin-1" if body.isascii() else "gbk")
    paragraphs = parse(data, "x.rtf")
    assert paragraphs == [expected]


TABLE_ROW = r"\trowd\trleft-108{cells}\pard\intbl {texts}\row"


def row(edges: list[str], texts: list[str]) -> str:
    return TABLE_ROW.format(cells="".join(edges), texts="".join(rf"{t}\cell " for t in texts))


@pytest.mark.parametrize("rows,expected", [
    ([row([r"\cellx3000"], ["任务表"]), row([r"\cellx1000", r"\cellx2000", r"\cellx3000"], ["序号", "任务", "牵头"])],
     [["任务表"] * 3, ["序号", "任务", "牵头"]]),  # a title row across the grid
    ([row([r"\cellx1000", r"\clvmgf\cellx2000"], ["1", "市发改委"]),
      row([r"\cellx1000", r"\clvmrg\cellx2000"], ["2", ""])], [["1", "市发改委"], ["2", "市发改委"]]),  # merged down
    ([row([r"\clmgf\cellx1000", r"\clmrg\cellx2000", r"\cellx3000"], ["一、政务服务", "", "x"])],
     [["一、政务服务", "一、政务服务", "x"]]),  # merged across (old style)
    ([row([r"\cellx1000", r"\cellx2010"], ["1", "a"]), row([r"\cellx1000", r"\cellx2000"], ["2", "b"])],
     [["1", "a"], ["2", "b"]]),  # edges a few twips apart are one column
    ([r"\pard\intbl 1\cell 第一段\par 第二段\cell{\trowd\cellx1000\cellx2000\row}"], [["1", "第一段\n第二段"]]),  # Word 2000
])
def test_table_grids(rows, expected):
    data = ("{\\rtf1\\ansi\\ansicpg936 " + "".join(rows) + r"\pard 表后\par}").encode("gbk")
    assert parse(data, "t.rtf") == [expected, "表后"]


def test_raw_code_page_bytes():
    """Some writers put the code page's bytes into the text as they are (no \\'hh)."""
    data = "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0 各区县人民政府：\\par}"
    assert parse(data.encode("gbk"), "raw.rtf") == ["各区县人民政府："]


@pytest.mark.parametrize("damage,code", [
    (lambda data: data[: len(data) // 3], "E641"),  # a cut download
    (lambda data: b"\0" * 64 + data, "E641"),  # not RTF
    (lambda data: data[: data.find(b"\\sectd")] + b"}", "E642"),  # the head only, no text
])
def test_damaged_rtf_is_reported_and_the_others_extracted(files, tmp_path, damage, code):
    bad = tmp_path / "bad.rtf"
    bad.write_bytes(damage(files["plan_rtf"].read_bytes()))
    reported_beside(bad, files["plan_rtf"], code)
