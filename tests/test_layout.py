"""Laid-out pages to lines: pieces grouped into lines by position, page furniture recognised."""
import pytest

from policykg.extractors.readers.layout import Piece, group_lines
from policykg.lexicon.official import PAGE_NUMBER_LINE


@pytest.mark.parametrize("text,furniture", [
    ("— 3 —", True), ("- 12 -", True), ("第3页", True), ("第 3 页", True), ("3/12", True), ("12／40", True),
    ("-1一", True), ("一 7 一", True),  # dashes as OCR reads them
    ("一、总体要求", False), ("3.推行并联审批。", False), ("12号", False), ("第三条", False), ("一", False),
])
def test_page_number_lines(text, furniture):
    assert bool(PAGE_NUMBER_LINE.match(text)) is furniture


def piece(x0, top, x1, bottom, text, confidence=None):
    return Piece((x0, top, x1, bottom), text, confidence)


def test_runs_of_one_line_join_left_to_right_and_lines_go_top_down():
    pieces = [piece(200, 100.4, 260, 112, "提速增效"), piece(70, 100, 200, 112, "推进项目审批"),
              piece(70, 80, 300, 92, "工作方案"), piece(70, 120, 100, 131.5, "（一）"), piece(101, 119.5, 180, 131, "前期")]
    assert [item.content for item in group_lines(pieces, gap=3)] == ["工作方案", "推进项目审批提速增效", "（一）前期"]


def test_far_apart_runs_are_spaced_and_confidence_is_the_lowest():
    pieces = [piece(70, 100, 200, 112, "郑州市人民政府办公厅", 0.99), piece(260, 101, 380, 113, "2023年4月20日印发", 0.93)]
    [line] = group_lines(pieces)  # gap: the line's height
    assert line.content == "郑州市人民政府办公厅 2023年4月20日印发" and line.confidence == 0.93
    assert line.box == (70, 100, 380, 113)
