"""Deadlines: Chinese date expressions to the last day of the period they name.

"2023年7月底前" -> 2023-07-31, "年底前" -> 12-31, "上半年" -> 06-30, "第三季度" -> 09-30,
"6月30日前" -> 06-30, "完成时限：2023年12月" -> 12-31, "持续推进" -> ongoing. A missing year is
the year stated earlier in the same sentence, else the document's year. Processing times
("5个工作日内") are not dates at all.

Each date gets a kind from the words around it (see DeadlineKind): a recurring limit ("每月25日前"),
an eligibility date ("2023年6月30日前注册的企业"), a validity period ("自2023年至2024年"), an
extension ("延长至2027年底"), a target year ("到2025年，实现…"), else a completion deadline; and the
clause it governs: the sentence cut between its dates at the comma before each.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left

from policykg.schema import Deadline, DeadlineKind, Precision

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
                                r"形成|打造|争取|确保|全面|推动|新建|改造|启动|扩大|覆盖|推广|拓展|延伸|提升|提高))")),
    # a year alone with a quantity to reach in its clause: "2023年中心城区达标率达100%", "力争2023年…突破4500亿元"
    (Precision.year, re.compile(r"(?P<y>(?:19|20)\d{2})年(?![\d上下第底末])(?=[^，,。；;]{0,24}?"
                                r"(?:达到|达|突破|超过|不低于|不少于|提高到|提升至|增至|增长到|小于|低于|不超过|控制在|"
                                r"压减至|压缩至|缩短至|降至|降低至|减少到)[^，,。；;]{0,6}?\d)")),
]
# inside a time-limit field (完成时限：…) a bare month or year is the deadline
FIELD_PATTERNS: list[tuple[Precision, re.Pattern]] = [
    (Precision.day, re.compile(YEAR + r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日")),
    (Precision.month, re.compile(YEAR + r"(?P<m>\d{1,2})月")),
    (Precision.year, re.compile(r"(?P<y>(?:19|20)\d{2})年")),
]
EVERY = r"(?:每年|每月|每季度?|每半年|每周|每日|逐月|按月|按季度?)"
RECURRING = re.compile(EVERY + "$")
RECURRING_LIMIT = re.compile(EVERY + r"(?:\d{1,2}月)?(?:(?:\d{1,2}日|底|末)" + BEFORE + "?|" + BEFORE + ")")
CLAUSE_BREAK = "，,；;"
AFTER = 80  # how far after a date its kind words may stand
BEFORE_WORDS = 40  # and how far before it
# what the words around a date say it is; PREFIX_* match the clause before the date, SUFFIX_* after it
PREFIX_EXTENSION = re.compile(r"(?:延续|延长|延期|顺延|展期|延至)[^，。；]{0,24}?(?:到|至)?$")
PREFIX_VALIDITY = re.compile(r"(?:有效期|执行期|实施期|期限|执行|实施|施行|适用)[^，。；]{0,16}?(?:为|至|到|截至)$|"
                             r"自[^，。；]{1,16}(?:至|到)$|(?:免征|减征|暂免征收|减免|免收|缓缴)$")
PREFIX_ELIGIBILITY = re.compile(r"(?:^|[^面绝])(?:对|凡|对于|针对)$")
PREFIX_TARGET = re.compile(r"(?:到|至|截至|截止到?|力争到?|争取到?)$")
SUFFIX_VALIDITY = re.compile(r"^(?:起|开始|以来|之后|以后|期间|有效)")
# a relief that applies until the date: "2023年3月31日前继续按照100%比例暂退…保证金", "6月底前…并免收滞纳金"
SUFFIX_RELIEF = re.compile(r"^[^，。；]*?(?:暂退|暂免|免收|免征|减征|减免|缓收|不停供)")
SUFFIX_ELIGIBILITY = re.compile(r"^[^，。；的]{0,16}?(?:注册|成立|登记|设立|认定|投产|入驻|落户|签约|开业|取得|获得|"
                                r"购买|购置|报废|缴纳|参保|建成|举办|招用|注销)[^，。；]{0,16}?的")
CONNECTIVE = re.compile(r"截至|到|至|于")
CLAUSE_STRIP = CLAUSE_BREAK + "。 "
TARGET_AIM = re.compile(r"^[，,]?(?:实现|达到|达|超过|突破|新增|累计|培育|增长|提高|不少于|不低于|力争|基本|全面|形成|建成)")
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


class Positions:
    """Where a text breaks into clauses and states years, found once so that each date's lookups
    cost a bisection (a long sentence with many dates stays linear)."""

    def __init__(self, text: str):
        self.breaks = [i + 1 for i, ch in enumerate(text) if ch in CLAUSE_BREAK]
        self.pieces = [i + 1 for i, ch in enumerate(text) if ch in CLAUSE_BREAK + "。"]
        self.years = [(m.start(), int(m.group(1))) for m in ANY_YEAR.finditer(text)]

    def last_break(self, position: int) -> int:
        """Just past the last 、，； before `position` (0 when none)."""
        index = bisect_left(self.breaks, position + 1) - 1
        return self.breaks[index] if index >= 0 and self.breaks[index] <= position else 0

    def piece_start(self, position: int) -> int:
        index = bisect_left(self.pieces, position + 1) - 1
        return self.pieces[index] if index >= 0 and self.pieces[index] <= position else 0

    def year_before(self, position: int) -> int | None:
        index = bisect_left(self.years, (position, 0)) - 1
        return self.years[index][1] if index >= 0 else None


def scan(text: str, default_year: int | None, patterns: list) -> list[tuple[int, int, Deadline]]:
    """Non-overlapping dates in order, recurring limits first: (start, end, Deadline) with kind and clause."""
    hits: list[tuple[int, int, Precision | None, re.Match]] = [
        (m.start(), m.end(), None, m) for m in RECURRING_LIMIT.finditer(text)]
    taken = bytearray(len(text) + 1)
    for start, end, _, _ in hits:
        taken[start:end] = b"\x01" * (end - start)
    for precision, pattern in patterns:
        for match in pattern.finditer(text):
            if any(taken[match.start():match.end()]):
                continue
            if RECURRING.search(text[max(0, match.start() - 3):match.start()]):
                continue  # inside a recurring limit, which RECURRING_LIMIT reads whole
            hits.append((match.start(), match.end(), precision, match))
            taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    hits.sort(key=lambda h: h[0])
    where = Positions(text)
    found = []
    for (start, end, precision, match), clause in zip(hits, clauses(text, [h[0] for h in hits], where)):
        if precision is None:
            found.append((start, end, Deadline(phrase=match.group(0), kind=DeadlineKind.recurring, clause=clause)))
            continue
        groups = match.groupdict()
        earlier = where.year_before(start)
        year = int(groups["y"]) if groups.get("y") else earlier if earlier is not None else default_year
        day = to_date(precision, groups, year) if year is not None else None
        if day:
            found.append((start, end, Deadline(date=day, phrase=match.group(0), precision=precision,
                                               kind=kind_of(text, start, end, precision, where), clause=clause)))
    return found


def clauses(text: str, starts: list[int], where: Positions) -> list[str]:
    """The clause each date governs: the text cut at the last break (，；) before each date that stands
    in a later piece than the one before it; the first clause starts with the text."""
    cuts = [0] + [where.last_break(s) for s in starts[1:]]
    bounds = sorted(set(cuts)) + [len(text)]
    following = {cut: bounds[index + 1] for index, cut in enumerate(bounds[:-1])}
    return [text[c:following[c]].strip(CLAUSE_STRIP) for c in cuts]


def kind_of(text: str, start: int, end: int, precision: Precision, where: Positions) -> DeadlineKind:
    """What the words around a date at text[start:end] say it is."""
    piece_start = max(where.piece_start(start), start - BEFORE_WORDS)
    lead = CONNECTIVE.match(text, start)  # "至2024年": the 至 belongs to the words before the date
    before, phrase, after = text[piece_start:lead.end() if lead else start], text[start:end], text[end:end + AFTER]
    if PREFIX_EXTENSION.search(before):
        return DeadlineKind.extension
    if PREFIX_VALIDITY.search(before) or SUFFIX_VALIDITY.match(after) or SUFFIX_RELIEF.match(after):
        return DeadlineKind.validity
    if PREFIX_ELIGIBILITY.search(before) or SUFFIX_ELIGIBILITY.match(after):
        return DeadlineKind.eligibility
    if not re.search(BEFORE + "|内", phrase) and (
            PREFIX_TARGET.search(before) or (precision is Precision.year and TARGET_AIM.match(after))):
        return DeadlineKind.target
    return DeadlineKind.completion


def find_deadlines(sentence: str, default_year: int | None) -> list[Deadline]:
    """Dates in running text, in order of appearance, each with its kind and clause."""
    return [d for _, _, d in scan(sentence, default_year, PATTERNS)]


def parse_time_limit(value: str, default_year: int | None) -> list[Deadline]:
    """A time-limit field (完成时限 / 时限要求): completion deadlines (or recurring ones) for the whole
    task, or an "ongoing" flag."""
    found = [d for _, _, d in scan(value, default_year, PATTERNS)]
    if not any(d.date for d in found):
        found += [d for _, _, d in scan(value, default_year, FIELD_PATTERNS)]
    if not found and ONGOING.search(value):
        found = [Deadline(phrase=value, ongoing=True)]
    return [d.model_copy(update={"clause": "", "kind": d.kind if d.kind is DeadlineKind.recurring
                                 else DeadlineKind.completion}) for d in found]
