"""Deadline expressions, from corpus sentences, to the last day of the period they name."""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.extractors.deadlines import find_deadlines, parse_time_limit
from policykg.schema import DeadlineKind as K

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
    # a year with a quantity to reach in its clause
    ("2024年全市新建建筑绿色建筑占比达100%", 2023, [D(2024, 12, 31)]),
    ("力争2023年融资余额突破4500亿元", 2023, [D(2023, 12, 31)]),
    ("2025年数字经济核心产业增加值占比提高到12%以上", 2023, [D(2025, 12, 31)]),
    ("2023年我市研发投入同比增长较快", 2023, []),
    ("力争2025年产业园区平均停电时间小于1小时", 2023, [D(2025, 12, 31)]),
    ("2024年审批时限压减至5个工作日", 2023, [D(2024, 12, 31)]),
    ("于2023年6月中旬前完成", 2023, [D(2023, 6, 20)]),
    # a year alone before the change it brings: "2025年扩大到…", "2024年覆盖…"
    ("2023年底前试点两个区县，2025年扩大到全市所有区县", 2023, [D(2023, 12, 31), D(2025, 12, 31)]),
    ("2024年覆盖全部乡镇便民服务中心", 2023, [D(2024, 12, 31)]),
    ("2026年推广至市属国有企业", 2024, [D(2026, 12, 31)]),
    ("2023年以来累计办理业务", 2023, []),
    # not deadlines: processing times, entry into force, impossible dates
    ("将知识产权质押登记完成时限缩短至5个工作日内", 2023, []),
    ("本办法自2023年8月1日起施行", 2023, []),
    ("于2023年2月30日前完成", 2023, []),
    ("在1年内完成整改", 2023, []),
]


@pytest.mark.parametrize("sentence,year,expected", CASES)
def test_deadlines_in_running_text(sentence, year, expected):
    assert [d.date for d in find_deadlines(sentence, year) if d.kind in (K.completion, K.target)] == expected


KINDS = [
    # completion deadlines: the date by which the clause's work is to be done
    ("各区县于2024年3月底前完成排查整治", K.completion),
    ("年底前建成市级数据共享交换平台", K.completion),
    ("9月30日前，各部门要将自查报告报送市司法局", K.completion),
    ("力争2024年6月底前实现“一网通办”全覆盖", K.completion),
    ("于第三季度末前出台配套细则", K.completion),
    ("用人单位可在2024年6月30日前分期补缴缓缴的社会保险费", K.completion),  # the employer's own deadline
    # recurring limits
    ("每月25日前将工作进展报送市营商办", K.recurring),
    ("各地于每季度末前报送典型案例", K.recurring),
    ("每年12月底前向社会公布年度报告", K.recurring),
    ("按月前报送统计数据", K.recurring),
    # eligibility: the date picks who or what qualifies
    ("对2023年6月30日前注册的企业给予一次性补贴", K.eligibility),
    ("2022年底前成立的小微企业可申请贴息", K.eligibility),
    ("对第二季度新投产纳统的工业企业给予奖励", K.eligibility),
    ("对2023年上半年举办的展会按实际费用给予补助", K.eligibility),
    ("2023年9月30日前购买新能源汽车的个人消费者，给予消费券", K.eligibility),
    # validity: the period a measure applies in, or from when
    ("本措施有效期至2025年底", K.validity),
    ("自2024年至2026年，对符合条件的企业减半征收", K.validity),
    ("政策执行期为2023年1月1日至2024年12月31日止", K.validity),
    ("本通知自印发之日起施行，有效期到2026年底", K.validity),
    ("暂免征收2023年下半年城镇土地使用税", K.validity),
    ("第三季度开始，开展专项检查", K.validity),
    ("对受影响的个体工商户，2024年3月底前暂免收取摊位费", K.validity),
    ("对符合条件的企业，2023年12月31日前继续按照50%比例暂退保证金", K.validity),
    # extensions of an existing measure
    ("阶段性降低失业保险费率政策延续到2024年底", K.extension),
    ("延长贷款贴息政策执行期限至2026年底", K.extension),
    ("将稳岗返还政策实施期限延期至2024年6月底", K.extension),
    ("减免房租政策顺延至年底", K.extension),
    # target years: the horizon of an aim
    ("到2025年，基本建成统一的政务数据平台", K.target),
    ("2024年新增高新技术企业300家", K.target),
    ("至2026年底累计培育专精特新企业500家", K.target),
    ("力争到2027年，数字经济核心产业增加值突破千亿元", K.target),
]


@pytest.mark.parametrize("sentence,kind", KINDS)
def test_what_a_date_is(sentence, kind):
    assert [d.kind for d in find_deadlines(sentence, 2023)] == [kind]


def test_each_date_governs_its_own_clause():
    sentence = ("各地要于2023年8月底前摸清底数，完善工作台账，10月底前完成首批试点，"
                "对2023年6月30日前注册的企业给予补贴")
    found = find_deadlines(sentence, 2023)
    assert [(d.kind, d.clause) for d in found] == [
        (K.completion, "各地要于2023年8月底前摸清底数，完善工作台账"),
        (K.completion, "10月底前完成首批试点"),
        (K.eligibility, "对2023年6月30日前注册的企业给予补贴")]
    # a date standing alone before a comma governs what follows it
    assert find_deadlines("6月底前，各县区完成自查。", 2023)[0].clause == "6月底前，各县区完成自查"


def test_a_time_limit_field_governs_the_whole_task():
    found = parse_time_limit("2023年6月底前完成初稿，12月底前出台", 2023)
    assert [(d.date, d.kind, d.clause) for d in found] == [(D(2023, 6, 30), K.completion, ""),
                                                         (D(2023, 12, 31), K.completion, "")]


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
        assert deadline.date is not None or deadline.ongoing or deadline.kind is K.recurring


@given(st.text(max_size=200))
def test_deadline_parser_never_crashes_on_any_text(text):
    find_deadlines(text, 2023)
    parse_time_limit(text, 2023)
