import pytest

"""Cleaning and outlining keep provenance: page markers become pages, broken lines are joined."""
from conftest import corpus_lines

from policykg.extractors.clean import clean
from policykg.extractors.outline import outline
from policykg.extractors.readers.text import source_from_text

# 四川 (000 lines 145-158): a notice broken mid-word, with a page marker and spaces in dates
SNIPPET = corpus_lines("000", 145, 158)


def test_page_markers_become_pages_and_line_numbers_survive():
    source = clean(source_from_text(path="000.txt", text=SNIPPET))
    assert all("Page" not in line.text for line in source.lines)
    signature = next(line for line in source.lines if line.text == "2023年6月1日")
    assert signature.page == 1332
    assert signature.line_no == SNIPPET.splitlines().index("2023 年6 月1 日") + 1


def test_spaces_inside_numbers_and_dates_are_removed():
    source = clean(source_from_text(path="x.txt", text="2023 年5 月4 日\n压缩40 %以上 Neo4j 5"))
    assert [line.text for line in source.lines] == ["2023年5月4日", "压缩40%以上Neo4j 5"]


def test_outline_levels_paths_and_headings():
    # 四川 (000 lines 53-72): 一、 heading on its own line, running text broken over lines
    source = clean(source_from_text(path="000.txt", text=corpus_lines("000", 53, 72)))
    blocks = outline(source.lines)
    heading = next(b for b in blocks if b.label == "一")
    assert heading.heading and heading.text == "建立健全跨部门综合监管重点事项清单"
    body = blocks[blocks.index(heading) + 1]
    assert body.path == ("一",) and body.label == ""
    assert "由行业主管部门牵头、相关部门参与" in body.text  # "牵\n头" joined back


def test_marker_alone_on_its_line_takes_the_next_line():
    text = "一、总体要求\n（一）\n推行并联审批。将项目开工前须具备的节能审查纳入并联审批范围。\n（1）细则一。\n①要点。"
    blocks = outline(clean(source_from_text(path="x.txt", text=text)).lines)
    assert [(b.label, b.path) for b in blocks] == [
        ("一", ("一",)), ("（一）", ("一", "（一）")), ("（1）", ("一", "（一）", "（1）")),
        ("①", ("一", "（一）", "（1）", "①"))]
    assert blocks[1].text.startswith("推行并联审批。")


def test_block_maps_text_offsets_back_to_lines():
    source = clean(source_from_text(path="000.txt", text=corpus_lines("000", 53, 72)))
    block = next(b for b in outline(source.lines) if "由行业主管部门牵头" in b.text)
    start = block.text.index("各市（州）、县（市、区）要结合本地实际")
    lines = block.lines_for(start, start + 10)
    assert "各市（州）、县（市、区）要结合本地实际" in lines[0].text


# a full-width item after the case, so that the case's short first line could pass for a heading
WIDE = "9.统筹推进安全生产标准化建设工作，提升企业本质安全水平，切实减轻企业负担。"
WIDE_BLOCK = ("9", False, WIDE[2:])


@pytest.mark.parametrize("text,expected", [
    # a numbered headline broken over lines by the PDF layout is one item, not a heading
    ("11.推进\n“信易贷”\n扩大信用贷款。\n组织平台接入。", [("11", False, "推进“信易贷”扩大信用贷款。组织平台接入。")]),
    ("16．推动土地出让合同、\n勘测定界成果共享。", [("16", False, "推动土地出让合同、勘测定界成果共享。")]),
    ("3.推动\n数据共享和开放，提升效率。", [("3", False, "推动数据共享和开放，提升效率。")]),
    # real headings stay headings, with the paragraph after them as a block of its own
    ("一、工作目标\n到2025年，全面建成。", [("一", True, "工作目标"), ("", False, "到2025年，全面建成。")]),
    ("（一）总体要求\n坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。",
     [("（一）", True, "总体要求"), ("", False, "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。")]),
    # a numbered line whose next line opens with a comma or a title goes on below: not a heading
    (f"2.制定《城市更新项目管理细则》\n，明确审批情形。（责任处室：规划处）\n{WIDE}",
     [("2", False, "制定《城市更新项目管理细则》，明确审批情形。（责任处室：规划处）"), WIDE_BLOCK]),
    (f"5.修订《安全生产约谈办法》\n《安全生产举报处理规程》，规范执法。\n{WIDE}",
     [("5", False, "修订《安全生产约谈办法》《安全生产举报处理规程》，规范执法。"), WIDE_BLOCK]),
    (f"8.做好新修订\n《消防条例》\n宣传解读，组织执法人员和重点企业开展培训。\n{WIDE}",
     [("8", False, "做好新修订《消防条例》宣传解读，组织执法人员和重点企业开展培训。"), WIDE_BLOCK]),
])
def test_headings_and_broken_headlines(text, expected):
    blocks = outline(clean(source_from_text(path="x.txt", text=text)).lines)
    assert [(b.label, b.heading, b.text) for b in blocks] == expected


PREAMBLE = "为推动文化和旅游深度融合发展，结合本市实际，制定本方案。"


@pytest.mark.parametrize("text,expected", [
    # a signature's date ends the notice; the plan's title over two lines stands on its own
    (f"请认真贯彻落实。\n市文化和旅游局\n2024年2月8日\n市文化和旅游局2024年\n重点工作方案\n{PREAMBLE}",
     [(False, "请认真贯彻落实。市文化和旅游局"), (True, "2024年2月8日"), (True, "市文化和旅游局2024年重点工作方案"),
      (False, PREAMBLE)]),
    # a title on one line after the date, in Chinese numerals too
    (f"现印发给你们。\n二〇二三年九月一日\n全区招商引资考核办法\n{PREAMBLE}",
     [(False, "现印发给你们。"), (True, "二〇二三年九月一日"), (True, "全区招商引资考核办法"), (False, PREAMBLE)]),
    (f"请认真贯彻执行。\n2023年4月3日\n全市营商环境八大举措\n{PREAMBLE}",
     [(False, "请认真贯彻执行。"), (True, "2023年4月3日"), (True, "全市营商环境八大举措"), (False, PREAMBLE)]),
    # a date inside a sentence, a list going on after "…清单", an obligation ending in "方案" stay running text
    (f"各区于\n2024年3月31日\n前报送材料。{PREAMBLE}", [(False, f"各区于2024年3月31日前报送材料。{PREAMBLE}")]),
    (f"完成评估。\n公布收费目录清单\n和收费单位名单，接受监督。{PREAMBLE}",
     [(False, f"完成评估。公布收费目录清单和收费单位名单，接受监督。{PREAMBLE}")]),
    (f"做好衔接。\n各区要制定实施方案\n{PREAMBLE}", [(False, f"做好衔接。各区要制定实施方案{PREAMBLE}")]),
])
def test_signature_dates_and_titles_stand_apart(text, expected):
    blocks = outline(clean(source_from_text(path="x.txt", text=text)).lines)
    assert [(b.heading, b.text) for b in blocks] == expected
