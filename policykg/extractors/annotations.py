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

from policykg.extractors.units import split_units
from policykg.lexicon.brackets import (
    OPEN_CLASS,
    closing_positions,
    depths,
    first_top_level,
    split_top_level,
)
from policykg.lexicon.organs import ORGAN_END, PLACE_ONLY
from policykg.lexicon.regex import alternation
from policykg.lexicon.roles import (
    ALL_KEYS,
    KEY,
    LEAD_KEYS,
    ROLE_TAIL,
    TIME_CLAUSE,
    TIME_KEYS,
    WITH,
)
from policykg.schema import Role, UnitMention
from policykg.schema.models import Model

FIELD_START = re.compile(r"(?:^|(?<=[。；;！\s]))(" + alternation(ALL_KEYS) + r")\s*[：:]")
BRACKETED = re.compile(OPEN_CLASS + r"\s*(?=(" + alternation(ALL_KEYS) + r")\s*[：:])")
# notes inside a unit list: （逗号前为牵头单位，…，下同）
NOTE = re.compile(r"[（(〔][^（()）〔〕]*(?:下同|为牵头|牵头单位|按职责分工)[^（()）〔〕]*[）)〕]|[。，]?逗号前为牵头[单位部门]*[，,。]?(下同)?")
COMMA_CONVENTION = re.compile(r"逗号前为牵头|逗号前的?为牵头|顿号前为牵头")
MAX_ANNOTATION_CHARS = 600  # a bracketed annotation longer than this is prose


class Annotation(Model):
    """A responsibility annotation found in a text: its span, units and raw time limit."""

    start: int
    end: int
    units: tuple[UnitMention, ...] = ()
    time_limit: str | None = None
    raw: str


def fields(body: str) -> list[tuple[str, str]]:
    """"牵头单位：A，责任单位：B；完成时限：C" to [(key, value)], split at each key."""
    depth = depths(body)
    keys = [m for m in KEY.finditer(body) if depth[m.start()] == 0]
    out = []
    for k, match in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(body)
        out.append((match.group(1), body[match.end():end].strip("，,；;。.、 ")))
    return out


def lead_units(value: str) -> list[UnitMention]:
    """Units of a 牵头单位 field or column."""
    return [UnitMention(mention=u, role=Role.lead) for u in split_units(NOTE.sub("", value))]


def co_units(value: str, comma_convention: bool) -> list[UnitMention]:
    """Units of a 责任/配合单位 field or column; under the "逗号前为牵头单位" convention the units
    before the first comma lead."""
    value = NOTE.sub("", value)
    if comma_convention:
        comma = first_top_level(value, "，,")
        head, tail = (value[:comma], value[comma + 1:]) if comma >= 0 else ("", value)
        return lead_units(head) + [UnitMention(mention=u, role=Role.co) for u in split_units(tail)]
    return [UnitMention(mention=u, role=Role.co) for u in split_units(value)]


def units_of(key: str, value: str, comma_convention: bool) -> list[UnitMention]:
    if key in TIME_KEYS:
        return []
    return lead_units(value) if key in LEAD_KEYS else co_units(value, comma_convention)


def build(start: int, end: int, raw: str, body: str, comma_convention: bool) -> Annotation:
    units: list[UnitMention] = []
    time_limit = None
    for key, value in fields(body):
        if key in TIME_KEYS:
            time_limit = value
        units += units_of(key, value, comma_convention)
    return Annotation(start=start, end=end, units=tuple(units), time_limit=time_limit, raw=raw)


def bracketed(text: str, closing: dict[int, int], comma_convention: bool) -> list[Annotation]:
    found = []
    for match in BRACKETED.finditer(text):
        end = closing[match.start()]
        if end - match.start() > MAX_ANNOTATION_CHARS:
            continue
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
    return bool(ORGAN_END.search(name)) or name.startswith("各") or bool(PLACE_ONLY.match(name))


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
        if WITH in clause:
            lead, _, co = clause.partition(WITH)
            mentions += [UnitMention(mention=u, role=Role.lead) for u in split_units(lead)]
            mentions += [UnitMention(mention=u, role=Role.co) for u in split_units(ROLE_TAIL.sub("", co))]
            continue
        role = Role.lead if re.search(r"牵头$", clause) else Role.co
        mentions += [UnitMention(mention=u, role=role) for u in split_units(ROLE_TAIL.sub("", clause))]
    if mentions and all(unit_like(m.mention) for m in mentions):
        return mentions, time_limit
    return None


def trailing(text: str, closing: dict[int, int], taken: list[tuple[int, int]]) -> list[Annotation]:
    """Bare unit lists in brackets that close a sentence or an item."""
    found = []
    for match in re.finditer(r"[（(〔]", text):
        start = match.start()
        end = closing[start]
        if end - start > MAX_ANNOTATION_CHARS or any(a <= start < b for a, b in taken):
            continue
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
    closing = closing_positions(text)
    found = bracketed(text, closing, comma_convention)
    taken = [(a.start, a.end) for a in found]
    found += field_lines(text, taken, comma_convention)
    taken = [(a.start, a.end) for a in found]
    found += trailing(text, closing, taken)
    return sorted(found, key=lambda a: a.start)


def uses_comma_convention(text: str) -> bool:
    """Whether a document declares that the units before the first comma lead (逗号前为牵头单位)."""
    return bool(COMMA_CONVENTION.search(text))
