"""The domain vocabulary: bracket matching in one pass, 文号 and title normal forms, dates in
Chinese numerals, annotation keys shared by the parsers and the table reader."""
import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.extractors.annotations import find_annotations
from policykg.lexicon.brackets import closing_positions, depths, split_top_level
from policykg.lexicon.official import CN_DATE, DOC_NUMBER, arabic_dates, cn_date, normal_number, normal_title
from policykg.lexicon.roles import LEAD_KEYS, TABLE_HEADERS
from policykg.extractors.clean import clean
from policykg.extractors.document import parse_document
from policykg.extractors.readers.text import source_from_text
from policykg.extractors.segment import segment
from policykg.pipeline import extract


@pytest.mark.parametrize("text,expected", [
    ("（责任单位：（市）局）", {0: 11, 6: 9}),
    ("a（b〔c〕d）e", {1: 8, 3: 6}),
    ("（（（", {0: 3, 1: 3, 2: 3}),  # unclosed: to the end
    ("）（x）", {1: 4}),  # a stray closing bracket is ignored
])
def test_closing_positions(text, expected):
    assert closing_positions(text) == expected


def test_split_top_level_keeps_bracketed_separators():
    assert split_top_level("各县（市、区）人民政府、市直各部门", "、") == ["各县（市、区）人民政府", "市直各部门"]
    assert depths("a（b）") == [0, 0, 1, 1]


@pytest.mark.parametrize("written,normal", [
    ("郑政文[2023]62号", "郑政文〔2023〕62号"),
    ("荆职转办发（2023）8号", "荆职转办发〔2023〕8号"),
    ("渝府办发 〔 2023 〕 41 号", "渝府办发〔2023〕41号"),
    ("川办函【2023】第29号", "川办函〔2023〕29号"),
])
def test_doc_numbers_in_any_bracket_form_read_and_normalise(written, normal):
    assert DOC_NUMBER.fullmatch(written)
    assert normal_number(written) == normal


def test_titles_compare_without_marks_and_brackets():
    assert normal_title("关于印发《上海市行动方案》的通知") == normal_title("关于印发“上海市行动方案”的通知 ")


@pytest.mark.parametrize("written,date", [
    ("二〇二三年五月六日", dt.date(2023, 5, 6)),
    ("二○二三年十二月三十一日", dt.date(2023, 12, 31)),
    ("二〇二四年一月十日", dt.date(2024, 1, 10)),
    ("二〇二三年十月二十日", dt.date(2023, 10, 20)),
])
def test_dates_in_chinese_numerals(written, date):
    assert cn_date(CN_DATE.search(written)) == date
    assert arabic_dates(f"（{written}）") == f"（{date.year}年{date.month}月{date.day}日）"


def test_table_headers_and_annotation_keys_are_one_vocabulary():
    assert TABLE_HEADERS["lead"] == LEAD_KEYS
    assert all(find_annotations(f"推进改革。（{key}：市大数据局）")[0].units[0].role.value == "lead" for key in LEAD_KEYS)


@pytest.mark.parametrize("hostile", ["（" * 100_000, "（" * 50_000 + "）" * 50_000, "（责任单位：" * 10_000])
def test_bracket_heavy_text_extracts_in_linear_time(hostile, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("关于印发工作方案的通知\n" + hostile + "\n", encoding="utf-8")
    started = time.perf_counter()
    extract([path], ner=False)
    assert time.perf_counter() - started < 5  # quadratic matching took minutes on these


def extract_text(text: str) -> None:
    for piece in segment(clean(source_from_text("关于印发工作方案的通知\n" + text, "x.txt"))):
        parse_document(piece)


@settings(max_examples=8, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("（）〔〕()【】：，、。\n责任单位牵头市局2023年底前")), min_size=1, max_size=40))
def test_extraction_time_grows_linearly_with_bracket_heavy_text(unit):
    """The whole extraction of 10 KB and 100 KB of random bracket-heavy text: no exception, and
    10× the text takes far less than the 100× a quadratic scan would."""
    timings = []
    for size in (10_000, 100_000):
        started = time.perf_counter()
        extract_text((unit * (size // len(unit) + 1))[:size])
        timings.append(time.perf_counter() - started)
    assert timings[1] < 40 * max(timings[0], 0.02)
