"""Task tables with tab-separated cells in plain text (a table copied out of Word, Excel or a PDF
viewer): 郑州's 31 measures (corpus 003) written as such a table — title row, header, a page break
with a running title between two parts, rows broken where the page or a cell's line broke — give
the tasks of the annotated text."""
import pytest
from test_pdf import lines_of, only, table_rows, task_fields

from policykg.extractors.readers import read
from policykg.pipeline import extract

HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]


@pytest.fixture(scope="module")
def measures(tmp_path_factory):
    text = tmp_path_factory.mktemp("tabbed") / "notice.txt"
    text.write_text("\n".join(lines_of("003", 1675, 1830)), encoding="utf-8")
    document = only(extract([text]))
    return document, [[row[h] for h in HEADER] for row in table_rows(document)]


def tabbed(rows: list[list[str]]) -> list[str]:
    return ["\t".join(row) for row in rows]


def broken(rows: list[list[str]]) -> list[str]:
    """The table as a PDF viewer copies it: after row 12 a page break (marker, running title, blank
    line) cuts row 13's task mid-sentence; row 20's 责任单位 cell runs over to a line of its own."""
    lines = ["郑州市2023年优化营商环境工作要点", "为深入贯彻党的二十大精神，制定本要点。", "重点任务分工表\t\t\t\t",
             *tabbed([HEADER] + rows[:12])]
    number, task, lead, co, time = rows[12]
    cut = len(task) // 2
    lines += [f"{number}\t{task[:cut]}\t{lead}\t{co}\t{time}", "# Page 2:", "郑州市人民政府文件汇编", "",
              f"\t{task[cut:]}\t\t\t"]
    lines += tabbed(rows[13:19])
    number, task, lead, co, time = rows[19]
    lines += [f"{number}\t{task}\t{lead}\t{co[:-2]}\t{time}", f"\t\t\t{co[-2:]}\t"]
    return lines + tabbed(rows[20:]) + ["", "郑州市人民政府", "2023年4月19日"]


def test_broken_tab_separated_table_gives_the_tasks_of_the_text(measures, tmp_path):
    document, rows = measures
    assert rows[19][3], "row 20 must have 责任单位 for the broken cell"
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(broken(rows)), encoding="utf-8")
    typed = [line for line in read(path).lines if line.cells]
    assert len(typed) == 31 and typed[12].line_no == 17 and typed[12].page is None  # at its first line
    assert typed[13].page == 2
    expected = [fields for fields in task_fields(document) if fields[0].isdigit()]
    assert task_fields(only(extract([path]))) == expected and len(expected) == 31


def test_whole_tab_separated_table_reads_as_its_rows(measures, tmp_path):
    _, rows = measures
    path = tmp_path / "sheet.txt"
    path.write_text("\n".join(["重点任务清单", *tabbed([HEADER] + rows)]), encoding="utf-8")
    typed = [line for line in read(path).lines if line.cells]
    assert [line.line_no for line in typed] == list(range(3, 34))
    assert [{c.role.value: c.text for c in line.cells}.get("number") for line in typed] == [r[0] for r in rows]


def test_other_tab_separated_text_is_left_as_written(tmp_path):
    """A table that is not a task table (indicators by year), and tabs inside prose."""
    lines = ["主要指标\t2023年\t2025年", "市场主体数量（万户）\t120\t150", "第一条\t为优化营商环境，制定本办法。"]
    path = tmp_path / "indicators.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert [(line.text, line.cells) for line in read(path).lines] == [(line, ()) for line in lines]
