"""Deadline expressions, from corpus sentences, to the last day of the period they name."""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.extractors.deadlines import find_deadlines, parse_time_limit

D = dt.date

CASES = [
    # 四川 (000 line 61): 月底前 with the year stated
    ("各市（州）、县（市、区）要结合本地实际，于2023年7月底前在食品、药品…编制《实施清单》", 2023, [D(2023, 7, 31)]),
    # 四川 (000 line 1331): the second deadline takes the year stated earlier in the sentence
    ("省直行业主管部门（单位）根据《指导清单》于2023年8月底前分事项编制数据供给、需求“两张清单”报省大数据中心，"
     "于10月底前完成本行业相关领域监管系统整合", 2022, [D(2023, 8, 31), D(2023, 10, 31)]),
    # no year in the sentence: the document's year
    ("各市（州）于10月底前汇总本地需对接省“互联网+监管”系统的综合监管事项数据", 2023, [D(2023, 10, 31)]),
    ("各县（市）年底前开通“天府通办”移动端APP", 2023, [D(2023, 12, 31)]),
    ("建立健全政务守信践诺机制，6月底前，未作出承诺的各级行政机关要依法依规编制承诺清单", 2023, [D(2023, 6, 30)]),
    ("6月30日前完成系统对接", 2023, [D(2023, 6, 30)]),
    ("上半年完成市级平台升级", 2023, [D(2023, 6, 30)]),
    ("第三季度完成全面评估", 2024, [D(2024, 9, 30)]),
    ("力争2023年底前“免证办”事项达到500个", 2023, [D(2023, 12, 31)]),
    ("年内各单位至少形成1个典型案例", 2023, [D(2023, 12, 31)]),
    ("到2025年，实现以下目标", 2023, [D(2025, 12, 31)]),
    ("2023年培育不少于20个细分领域专业服务商", 2023, [D(2023, 12, 31)]),
    ("于2023年6月中旬前完成", 2023, [D(2023, 6, 20)]),
    # not deadlines: recurring limits, processing times, entry into force, impossible dates
    ("于每月25日前将对标提升重点任务推进情况报市营商办", 2023, []),
    ("将知识产权质押登记完成时限缩短至5个工作日内", 2023, []),
    ("本办法自2023年8月1日起施行", 2023, []),
    ("于2023年2月30日前完成", 2023, []),
    ("在1年内完成整改", 2023, []),
]


@pytest.mark.parametrize("sentence,year,expected", CASES)
def test_deadlines_in_running_text(sentence, year, expected):
    assert [d.date for d in find_deadlines(sentence, year)] == expected


@pytest.mark.parametrize("value,expected,ongoing", [
    ("2023年12月", [D(2023, 12, 31)], False),      # 郑州 (003): 完成时限：2023 年 12 月
    ("2023年12月底前", [D(2023, 12, 31)], False),
    ("2023年6月30日", [D(2023, 6, 30)], False),
    ("2025年", [D(2025, 12, 31)], False),
    ("持续推进", [None], True),                     # 郑州 (003) and 安徽 (004): ongoing
    ("长期坚持", [None], True),
    ("常态化", [None], True),
])
def test_time_limit_fields(value, expected, ongoing):
    found = parse_time_limit(value, 2023)
    assert [d.date for d in found] == expected
    assert all(d.ongoing is ongoing for d in found)


def test_missing_year_without_any_year_is_dropped():
    assert find_deadlines("10月底前完成", None) == []


@given(st.text(alphabet=st.sampled_from(list("0123456789年月日底前上下半第一二三四季度旬内每到于，。")), max_size=60),
       st.one_of(st.none(), st.integers(min_value=1990, max_value=2100)))
def test_deadline_parser_never_crashes(text, year):
    for deadline in find_deadlines(text, year) + parse_time_limit(text, year):
        assert deadline.date is not None or deadline.ongoing


@given(st.text(max_size=200))
def test_deadline_parser_never_crashes_on_any_text(text):
    find_deadlines(text, 2023)
    parse_time_limit(text, 2023)
