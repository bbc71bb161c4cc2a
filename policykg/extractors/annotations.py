"""Responsibility annotations: who owes a measure (牵头单位 leads, 责任/配合单位 co-own) and by when.

Styles handled (each has a corpus example in tests/test_annotations.py):
- bracketed fields: （责任单位：…） 〔责任单位：…〕 (牵头单位：A，责任单位：B) 〔责任部门：…，时限要求：…〕
- field lines: 牵头单位：A。责任单位：B。完成时限：2023年12月。
- a trailing list of units: （市经济信息化委、各区政府）, （A、B牵头，C配合）, （A会同B负责）
- a document's own convention "逗号前为牵头单位": in a 责任单位 list the units before the first
  comma lead.
"""
from __future__ import annotations

import re

from policykg.extractors.patterns import CLOSE, OPEN
from policykg.extractors.units import PLACE_ONLY, split_top_level, split_units
from policykg.schema import Role, UnitMention
from policykg.schema.models import Model

LEAD_KEYS = ("牵头责任单位", "责任牵头单位", "主要责任单位", "牵头单位", "牵头部门", "牵头处室", "牵头科室", "牵头")
CO_KEYS = ("责任单位", "责任部门", "责任处室", "责任科室", "配合单位", "配合部门", "参与单位", "协同单位",
           "协办单位", "责任主体", "实施单位", "落实单位", "承办单位", "联办单位")
TIME_KEYS = ("完成时限", "时限要求", "完成时间", "时间节点", "时间要求", "办结时限", "时限")
ALL_KEYS = LEAD_KEYS + CO_KEYS + TIME_KEYS
KEY = re.compile("(" + "|".join(sorted(ALL_KEYS, key=len, reverse=True)) + r")\s*[：:]")
FIELD_START = re.compile(r"(?:^|(?<=[。；;！\s]))(" + "|".join(sorted(ALL_KEYS, key=len, reverse=True)) + r")\s*[：:]")
BRACKETED = re.compile(r"[（(〔［\[【]\s*(?=(" + "|".join(sorted(ALL_KEYS, key=len, reverse=True)) + r")\s*[：:])")
# notes inside a unit list: （逗号前为牵头单位，…，下同）
NOTE = re.compile(r"[（(〔][^（()）〔〕]*(?:下同|为牵头|牵头单位|按职责分工)[^（()）〔〕]*[）)〕]|[。，]?逗号前为牵头[单位部门]*[，,。]?(下同)?")
COMMA_CONVENTION = re.compile(r"逗号前为牵头|逗号前的?为牵头|顿号前为牵头")
UNIT_SUFFIX = re.compile(
    r"(局|委|办|厅|政府|中心|公司|总部|部门|单位|机构|处|室|科|院|会|联|队|行|所|站|集团|海关|小组|部|署|"
    r"社|馆|街道|镇|管委会|委员会|办公室|分局|支队|大队|总队|各地|各区|各县|各市|片区|企业|银行|园区|集团|协会)$")
ROLE_WORDS = re.compile(r"(按职责分工|按职责|分别|共同|牵头|配合|参与|协同|协助|负责|落实|实施|推进|等)+$")
TIME_CLAUSE = re.compile(r"(\d{4}年|\d{1,2}月|年底|年内|上半年|下半年|季度|持续推进|长期|常态化)")


class Annotation(Model):
    """A responsibility annotation found in a text: its span, units and raw time limit."""

    start: int
    end: int
    units: tuple[UnitMention, ...] = ()
    time_limit: str | None = None
    raw: str


def closing_bracket(text: str, start: int) -> int:
    """Index just past the bracket that closes the one at `start` (or the text end)."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] in OPEN:
            depth += 1
        elif text[index] in CLOSE:
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def fields(body: str) -> list[tuple[str, str]]:
    """"牵头单位：A，责任单位：B；完成时限：C" to [(key, value)], split at each key."""
    depth = depths(body)
    keys = [m for m in KEY.finditer(body) if depth[m.start()] == 0]
    out = []
    for k, match in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(body)
        out.append((match.group(1), body[match.end():end].strip("，,；;。.、 ")))
    return out


def depths(text: str) -> list[int]:
    """The bracket depth before each character of `text`."""
    out, depth = [], 0
    for char in text:
        out.append(depth)
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
    return out


def units_of(key: str, value: str, comma_convention: bool) -> list[UnitMention]:
    value = NOTE.sub("", value)
    if key in TIME_KEYS:
        return []
    if key in LEAD_KEYS:
        return [UnitMention(mention=u, role=Role.lead) for u in split_units(value)]
    if comma_convention:
        comma = first_top_level(value, "，,")
        head, tail = (value[:comma], value[comma + 1:]) if comma >= 0 else ("", value)
        return ([UnitMention(mention=u, role=Role.lead) for u in split_units(head)]
                + [UnitMention(mention=u, role=Role.co) for u in split_units(tail)])
    return [UnitMention(mention=u, role=Role.co) for u in split_units(value)]


def first_top_level(value: str, chars: str) -> int:
    """Index of the first of `chars` outside brackets, or -1."""
    depth = depths(value)
    return next((i for i, char in enumerate(value) if char in chars and depth[i] == 0), -1)


def build(start: int, end: int, raw: str, body: str, comma_convention: bool) -> Annotation:
    units: list[UnitMention] = []
    time_limit = None
    for key, value in fields(body):
        if key in TIME_KEYS:
            time_limit = value
        units += units_of(key, value, comma_convention)
    return Annotation(start=start, end=end, units=tuple(units), time_limit=time_limit, raw=raw)


def bracketed(text: str, comma_convention: bool) -> list[Annotation]:
    found = []
    for match in BRACKETED.finditer(text):
        end = closing_bracket(text, match.start())
        found.append(build(match.start(), end, text[match.start():end], text[match.end():end - 1],
                           comma_convention))
    return found


def field_lines(text: str, taken: list[tuple[int, int]], comma_convention: bool) -> list[Annotation]:
    """Unbracketed fields at a sentence start: 牵头单位：…。责任单位：…。完成时限：…。"""
    found = []
    for match in FIELD_START.finditer(text):
        if any(a <= match.start() < b for a, b in taken) or any(a.start <= match.start() < a.end for a in found):
            continue
        end = match.end()
        while True:
            stop = text.find("。", end)
            stop = len(text) if stop < 0 else stop + 1
            end = stop
            if not FIELD_START.match(text, end):
                break
        body = text[match.start():end]
        found.append(build(match.start(), end, body, body, comma_convention))
    return found


def unit_like(name: str) -> bool:
    """A body (…局, …委, …中心), a collective (各…) or a place standing for its government (开发区)."""
    if not 2 <= len(name) <= 40:
        return False
    return bool(UNIT_SUFFIX.search(name)) or name.startswith("各") or bool(PLACE_ONLY.match(name))


def trailing_units(content: str) -> tuple[list[UnitMention], str | None] | None:
    """Units of a bare parenthetical such as （A、B牵头，C配合）, （A会同B负责） or
    〔A牵头，B按职责分工负责，2023年9月底前完成〕, and its time clause; None when it is not one."""
    content = NOTE.sub("", content)
    clauses = split_top_level(content, "；;，,")
    time_limit = None
    if len(clauses) > 1 and TIME_CLAUSE.search(clauses[-1]):
        time_limit = clauses.pop()
    mentions: list[UnitMention] = []
    for clause in clauses:
        if "会同" in clause:
            lead, _, co = clause.partition("会同")
            mentions += [UnitMention(mention=u, role=Role.lead) for u in split_units(lead)]
            mentions += [UnitMention(mention=u, role=Role.co) for u in split_units(ROLE_WORDS.sub("", co))]
            continue
        role = Role.lead if re.search(r"牵头$", clause) else Role.co
        mentions += [UnitMention(mention=u, role=role) for u in split_units(ROLE_WORDS.sub("", clause))]
    if mentions and all(unit_like(m.mention) for m in mentions):
        return mentions, time_limit
    return None


def trailing(text: str, taken: list[tuple[int, int]]) -> list[Annotation]:
    """Bare unit lists in brackets that close a sentence or an item."""
    found = []
    for match in re.finditer(r"[（(〔]", text):
        start = match.start()
        if any(a <= start < b for a, b in taken):
            continue
        end = closing_bracket(text, start)
        before = text[start - 1] if start else "。"
        after = text[end] if end < len(text) else "。"
        if before not in "。；;！？”" and after not in "。；;" and end != len(text):
            continue
        parsed = trailing_units(text[start + 1:end - 1])
        if parsed:
            units, time_limit = parsed
            found.append(Annotation(start=start, end=end, units=tuple(units), time_limit=time_limit,
                                    raw=text[start:end]))
    return found


def find_annotations(text: str, comma_convention: bool = False) -> list[Annotation]:
    """Every responsibility annotation in a block of text, in order."""
    found = bracketed(text, comma_convention)
    taken = [(a.start, a.end) for a in found]
    found += field_lines(text, taken, comma_convention)
    taken = [(a.start, a.end) for a in found]
    found += trailing(text, taken)
    return sorted(found, key=lambda a: a.start)


def uses_comma_convention(text: str) -> bool:
    """Whether a document declares that the units before the first comma lead (逗号前为牵头单位)."""
    return bool(COMMA_CONVENTION.search(text))
