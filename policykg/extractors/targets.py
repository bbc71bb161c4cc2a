"""Quantitative targets: "压缩40%以上", "不超过30个工作日", "达到500个" to value, unit and comparator."""
from __future__ import annotations

import re

from policykg.schema import Target

UNITS = ("个工作日", "工作日", "元", "人次", "公里", "千米", "平方米", "平方公里", "亩", "个百分点", "%", "％", "家", "个",
         "项", "户", "件", "次", "人", "天", "小时", "分钟", "所", "条", "场", "批", "套", "座", "类", "种", "吨", "千瓦",
         "台", "辆", "张", "份", "名", "位", "处", "栋", "间", "床", "岗")
MULTIPLIERS = ("万亿", "千亿", "百亿", "亿", "千万", "百万", "万", "千", "百")
NUMBER = r"(?P<value>\d+(?:\.\d+)?)"
# a unit as written, with its multiplier ("150亿条", "1千家"), or a multiplier alone ("用户数突破170万")
UNIT = ("(?P<unit>(?:" + "|".join(MULTIPLIERS) + ")?(?:" + "|".join(re.escape(u) for u in UNITS) + ")|"
        "(?:" + "|".join(MULTIPLIERS) + r")(?![\u4e00-\u9fff]))")
TARGET = re.compile(NUMBER + UNIT + r"(?P<after>以上|以内|以下|左右|及以上|内)?")
COMPARATOR_BEFORE = re.compile(
    r"(不超过|不少于|不低于|不高于|压缩|压减|减少|降低|缩短|提高|提升|增长|增加|达到|达|超过|突破|力争|新增|培育|"
    r"建成|打造|累计|至少|控制在|缩减|降至|提高到|增至|推动|支持|实现|形成|建设|率|比重|占比|覆盖|低于|高于|小于|大于)"
    r"(?:至|到)?\s*$")
NOT_TARGET_BEFORE = re.compile(r"(第|前|近|每|最高|最多|给予|奖励|补助|资助)\s*$")
NOT_TARGET_AFTER = re.compile(r"^(年|月|日|号|条|款|的)")  # "1000平方米以下的项目": a condition
# amounts below 亿元 are subsidies and thresholds ("给予不低于10万元支持"), not targets
SMALL_MONEY = re.compile(r"(?:千万|百万|万|千|百)?元")
# "支持30家企业建设绿色工厂、5家企业…": a number right after a list separator goes on the list
LIST_JOIN = re.compile(r"^[^。；;]{0,20}[、，,和及][^、，,和及。；;]{0,4}$")
COMPARATOR_WORDS = {"不超过": "<=", "以内": "<=", "以下": "<=", "不高于": "<=", "控制在": "<=", "降至": "<=",
                    "不少于": ">=", "不低于": ">=", "以上": ">=", "及以上": ">=", "至少": ">=", "超过": ">",
                    "突破": ">", "左右": "~", "内": "<=", "低于": "<", "小于": "<", "高于": ">", "大于": ">"}


def in_quotes(text: str, position: int) -> bool:
    """Whether a position sits inside “…” (a name such as “稳增长20条”, not a target)."""
    before = text[:position]
    return before.count("“") > before.count("”")


def find_targets(text: str) -> list[Target]:
    """Targets: a number stated with an aim or comparator word before it, or 以上/以内/左右 after it."""
    found = []
    previous_end = None
    for match in TARGET.finditer(text):
        before = text[max(0, match.start() - 6):match.start()]
        if NOT_TARGET_BEFORE.search(before) or NOT_TARGET_AFTER.match(text[match.end():]) or in_quotes(text, match.start()) \
                or SMALL_MONEY.fullmatch(match.group("unit")):
            continue
        word = COMPARATOR_BEFORE.search(before)
        after = match.group("after")
        listed = previous_end is not None and bool(LIST_JOIN.search(text[previous_end:match.start()]))
        if not (word or after or listed):
            continue
        previous_end = match.end()
        comparator = COMPARATOR_WORDS.get(after or "") or COMPARATOR_WORDS.get(word.group(1) if word else "")
        phrase = (word.group(1) if word else "") + match.group(0)
        unit = "%" if match.group("unit") == "％" else match.group("unit")
        found.append(Target(value=float(match.group("value")), unit=unit, comparator=comparator, phrase=phrase))
    return found
