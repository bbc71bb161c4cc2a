"""Deadlines: Chinese date expressions to the last day of the period they name.

"2023年7月底前" -> 2023-07-31, "年底前" -> 12-31, "上半年" -> 06-30, "第三季度" -> 09-30,
"6月30日前" -> 06-30, "完成时限：2023年12月" -> 12-31, "持续推进" -> ongoing. A missing year is
the year stated earlier in the same sentence, else the document's year. Recurring limits
("每月25日前") and processing times ("5个工作日内") are not deadlines.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from policykg.schema import Deadline, Precision

YEAR = r"(?:(?P<y>(?:19|20)\d{2})年)?"
BEFORE = r"(?:之前|以前|前|止)"
CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
PATTERNS: list[tuple[Precision, re.Pattern]] = [
    (Precision.day, re.compile(YEAR + r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日" + BEFORE)),
    (Precision.day, re.compile(YEAR + r"(?P<m>\d{1,2})月(?P<part>上旬|中旬|下旬)(?:末)?" + BEFORE + "?")),
    (Precision.month, re.compile(YEAR + r"(?P<m>\d{1,2})月(?:份)?(?:底|末)" + BEFORE + "?")),
    (Precision.month, re.compile(YEAR + r"(?P<m>\d{1,2})月(?:份)?" + BEFORE)),
    (Precision.quarter, re.compile(YEAR + r"第?(?P<q>[一二三四1-4])季度(?:末|底)?" + BEFORE + "?")),
    (Precision.half, re.compile(YEAR + r"(?P<h>上半年|下半年)(?:前)?")),
    (Precision.year, re.compile(r"(?P<y>(?:19|20)\d{2})年(?:底|末)" + BEFORE + "?")),
    (Precision.year, re.compile(r"(?:年底|年末|今年底|本年底)" + BEFORE + r"?|(?<![\d一二三四五六七八九十两几个多])年内")),
    (Precision.year, re.compile(r"(?:到|至|截至|于)(?P<y>(?:19|20)\d{2})年(?![\d上下第])" + BEFORE + "?")),
    (Precision.year, re.compile(r"(?P<y>(?:19|20)\d{2})年" + BEFORE)),
    # a year alone before an aim: "2023年培育不少于20个…"
    (Precision.year, re.compile(r"(?P<y>(?:19|20)\d{2})年(?=[，,]?(?:培育|实现|完成|建成|建设|达到|新增|累计|力争|基本|"
                                r"形成|打造|争取|确保|全面|推动|新建|改造|启动))")),
]
# inside a time-limit field (完成时限：…) a bare month or year is the deadline
FIELD_PATTERNS: list[tuple[Precision, re.Pattern]] = [
    (Precision.day, re.compile(YEAR + r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日")),
    (Precision.month, re.compile(YEAR + r"(?P<m>\d{1,2})月")),
    (Precision.year, re.compile(r"(?P<y>(?:19|20)\d{2})年")),
]
RECURRING = re.compile(r"(每年|每月|每季度?|每半年|每周|每日|逐月|按月|按季度?)$")
ONGOING = re.compile(r"持续推进|长期坚持|长期|常态化|持续开展|持续实施|持续|长效")
ANY_YEAR = re.compile(r"((?:19|20)\d{2})年")


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def to_date(precision: Precision, groups: dict, year: int) -> dt.date | None:
    """The last day of the period a match names, or None when the numbers are impossible."""
    try:
        if precision is Precision.day and groups.get("part"):
            month = int(groups["m"])
            return {"上旬": dt.date(year, month, 10), "中旬": dt.date(year, month, 20)}.get(
                groups["part"], last_day(year, month))
        if precision is Precision.day:
            return dt.date(year, int(groups["m"]), int(groups["d"]))
        if precision is Precision.month:
            return last_day(year, int(groups["m"]))
        if precision is Precision.quarter:
            return last_day(year, 3 * CN_QUARTER[groups["q"]])
        if precision is Precision.half:
            return dt.date(year, 6, 30) if groups["h"] == "上半年" else dt.date(year, 12, 31)
        return dt.date(year, 12, 31)
    except (ValueError, KeyError):
        return None


def scan(text: str, default_year: int | None, patterns: list) -> list[tuple[int, int, Deadline]]:
    """Non-overlapping deadline matches in order: (start, end, Deadline)."""
    hits: list[tuple[int, int, Precision, re.Match]] = []
    for precision, pattern in patterns:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e, _, _ in hits):
                continue
            if RECURRING.search(text[max(0, match.start() - 3):match.start()]):
                continue
            hits.append((match.start(), match.end(), precision, match))
    found = []
    for start, end, precision, match in sorted(hits, key=lambda h: h[0]):
        groups = match.groupdict()
        stated = groups.get("y")
        earlier = ANY_YEAR.findall(text[:start])
        year = int(stated) if stated else int(earlier[-1]) if earlier else default_year
        if year is None:
            continue
        day = to_date(precision, groups, year)
        if day:
            found.append((start, end, Deadline(date=day, phrase=match.group(0), precision=precision)))
    return found


def find_deadlines(sentence: str, default_year: int | None) -> list[Deadline]:
    """Deadlines in running text, in order of appearance."""
    return [d for _, _, d in scan(sentence, default_year, PATTERNS)]


def parse_time_limit(value: str, default_year: int | None) -> list[Deadline]:
    """A time-limit field (完成时限 / 时限要求): dates, or an "ongoing" flag."""
    found = [d for _, _, d in scan(value, default_year, PATTERNS)]
    if not found:
        found = [d for _, _, d in scan(value, default_year, FIELD_PATTERNS)]
    if not found and ONGOING.search(value):
        found = [Deadline(phrase=value, ongoing=True)]
    return found
