"""Responsibility annotations: who owes a measure (牵头单位 leads, 责任/配合单位 co-own) and by when.

An annotation is recognised by what it holds — unit names, role words, time clauses — in any of
these forms (each has a table of wordings in tests/test_annotations.py):
- bracketed fields: （责任单位：…） 〔牵头单位：A；配合单位：B；完成时限：C〕
- field lines: 牵头单位：A。责任单位：B。完成时限：2023年12月。
- a bracketed unit list with role words and a time clause: （A、B牵头，C配合）, （A会同B负责）,
  〔A牵头，B按职责分工负责，2023年9月底前完成〕, （A、B等单位按职责分别牵头负责）
- the same without brackets as a sentence of its own after the item: "A牵头；B按职责负责；年底前完成。"
A document's conventions (Conventions) decide who leads in lists without role words; notes that
state a convention or a standing clause are never units.
"""
from __future__ import annotations

import re

from policykg.extractors.units import split_units
from policykg.lexicon.brackets import OPEN_CLASS, closing_positions, depths, first_top_level, split_top_level
from policykg.lexicon.organs import ORGAN_END, PLACE_ONLY
from policykg.lexicon.regex import alternation
from policykg.lexicon.roles import (
    ACTION_START, ACTS, ALL_KEYS, BREAKDOWN_KEYS, COMMA_LEAD, CONVENTION_NOTE, FIRST_LEAD, KEY, LEAD_KEYS, LINE_LABEL,
    MAX_UNITS_CHARS, OTHER_KEY, ROLE_TAIL, STANDING, STANDING_AHEAD, STATUS_NOTE, TIME_CLAUSE, TIME_KEYS, WITH,
)
from policykg.lexicon.sentences import SENTENCE
from policykg.schema import Role, UnitMention
from policykg.schema.models import Model

BRACKETED = re.compile(OPEN_CLASS + r"\s*(?=(" + alternation(ALL_KEYS) + r")\s*[：:])")
# a bracketed note inside a unit list: （逗号前为牵头单位，…，下同）
BRACKETED_NOTE = re.compile(r"[（(〔][^（()）〔〕]*(?:下同|为牵头|牵头单位|按职责分工)[^（()）〔〕]*[）)〕]")
LEAD_TAIL = re.compile(r"(?:分别|统一|总)?牵头(?:负责)?$")
# "由市科委牵头": a lead named in the running text of an annotated item
LEAD_IN_TEXT = re.compile(r"由([^，,。；;由]{2,30}?)(?:统一|负责|分别)?牵头")
AND = re.compile(r"和|及|与|以及")
QUALIFIER = re.compile(r"[（(][^（()）]{1,12}[）)]$")
NAMED_BODY = re.compile(r"^(?:各|[\u4e00-\u9fff]{0,6}?(?:省|市(?!场)|自治区|州|区|县|盟|旗))")
SEPARATOR_CHARS = "、，,；;"
# words of a sentence that never stand in a unit's name
SENTENCE_WORDS = re.compile(r"要|应当|必须|认真|贯彻|确保|切实|积极|进一步|加快|推动")
MAX_ANNOTATION_CHARS = 600  # a bracketed annotation longer than this is prose


class Conventions(Model):
    """How a document reads its unit lists, stated once in its text: the units before the first
    comma lead (逗号前为牵头单位), or the first unit leads (排名第一位的为牵头单位)."""

    comma_lead: bool = False
    first_lead: bool = False


def conventions(text: str) -> Conventions:
    """The conventions a document states anywhere in its text."""
    return Conventions(comma_lead=bool(COMMA_LEAD.search(text)), first_lead=bool(FIRST_LEAD.search(text)))


class Annotation(Model):
    """A responsibility annotation found in a text: its span, units and raw time limit."""

    start: int
    end: int
    units: tuple[UnitMention, ...] = ()
    time_limit: str | None = None
    raw: str


def without_notes(value: str) -> str:
    """A unit list without the notes that state conventions or standing clauses."""
    value = BRACKETED_NOTE.sub("", value)
    value = STANDING_AHEAD.sub("", STANDING.sub("", value))
    return CONVENTION_NOTE.sub("", value)


def split_joined(name: str) -> list[str]:
    """"A和B" as two units when both sides are complete unit names ("市科技局和市财政局")."""
    parts = AND.split(name)
    if len(parts) > 1 and all(ORGAN_END.search(p) and len(p) >= 3 for p in parts):
        return parts
    return [name]


def mentions(value: str, role: Role) -> list[UnitMention]:
    """Units of a list, each with `role` unless a role word says otherwise: its own ("A牵头、B"), or
    one closing its clause ("A、B牵头，C按职责分工负责": A and B lead)."""
    out = []
    clauses = split_top_level(value, "，,；;")
    for clause, unit in ((c, u) for c in clauses for u in split_units(c)):
        own = Role.lead if LEAD_TAIL.search(unit) or LEAD_TAIL.search(clause) else role
        unit = ROLE_TAIL.sub("", unit)  # "市直各部门落实", "B等部门按照职能负责": the role words are not the name
        out += [UnitMention(mention=u, role=own) for u in split_joined(unit) if u]
    return out


def lead_units(value: str) -> list[UnitMention]:
    """Units of a 牵头单位 field or column."""
    return mentions(without_notes(value), Role.lead)


def co_units(value: str, rules: Conventions) -> list[UnitMention]:
    """Units of a 责任/配合单位 field or column, read with the document's conventions."""
    value = without_notes(value)
    if rules.comma_lead:
        comma = first_top_level(value, "，,")
        head, tail = (value[:comma], value[comma + 1:]) if comma >= 0 else ("", value)
        return mentions(head, Role.lead) + mentions(tail, Role.co)
    units = mentions(value, Role.co)
    if rules.first_lead and units and not any(u.role is Role.lead for u in units):
        units[0] = units[0].model_copy(update={"role": Role.lead})
    return units


def fields(body: str) -> list[tuple[str, str]]:
    """"牵头单位：A，责任单位：B；完成时限：C" to [(key, value)], split at each key; a field of another
    kind ("；目标位置：全省前5") ends the one before it and is left out."""
    depth = depths(body)
    keys = [m for m in KEY.finditer(body) if depth[m.start()] == 0]
    colons = {m.end() for m in keys}
    keys += [m for m in OTHER_KEY.finditer(body) if depth[m.start()] == 0 and m.end() not in colons]
    keys.sort(key=lambda m: m.start())
    out = []
    for k, match in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(body)
        if match.re is KEY:
            out.append((match.group(1), body[match.end():end].strip("，,；;。.、 ")))
    return out


def build(start: int, end: int, raw: str, body: str, rules: Conventions) -> Annotation:
    pairs = fields(body)
    has_lead = any(key in LEAD_KEYS for key, _ in pairs)
    co_rules = rules.model_copy(update={"first_lead": rules.first_lead and not has_lead})
    units: list[UnitMention] = []
    time_limit = None
    for key, value in pairs:
        if key in TIME_KEYS:
            time_limit = value
        elif key in LEAD_KEYS:
            units += lead_units(value)
        elif key in BREAKDOWN_KEYS:
            units += [u for clause in split_top_level(value, "；;，,") for u in acting_units(clause)]
        else:
            units += co_units(value, co_rules)
    return Annotation(start=start, end=end, units=tuple(units), time_limit=time_limit, raw=raw)


class Taken:
    """The characters of a text already inside an annotation (one flag per character, so that
    checking a position costs the same however many annotations there are)."""

    def __init__(self, size: int, annotations: list[Annotation]):
        self.flags = bytearray(size + 1)
        for annotation in annotations:
            self.add(annotation.start, annotation.end)

    def add(self, start: int, end: int) -> None:
        self.flags[start:end] = b"\x01" * (end - start)

    def covers(self, position: int) -> bool:
        return bool(self.flags[position])


def bracketed(text: str, closing: dict[int, int], rules: Conventions) -> list[Annotation]:
    found = []
    for match in BRACKETED.finditer(text):
        end = closing[match.start()]
        if end - match.start() > MAX_ANNOTATION_CHARS:
            continue
        found.append(build(match.start(), end, text[match.start():end], text[match.end():end - 1], rules))
    return found


def item_across(text: str, position: int, stop: int) -> str:
    """The list item that spans `position` (a line break): from the separator before it to the
    one after it, so that a name broken over two lines reads whole."""
    before = max(text.rfind(c, 0, position) for c in SEPARATOR_CHARS) + 1
    after = min([i for i in (text.find(c, position, stop) for c in SEPARATOR_CHARS) if i >= 0] or [stop])
    return text[before:after].rstrip("。")


def value_like(item: str) -> bool:
    """A unit name (its role words aside: "…等相关部门按职责分工") or a time clause, not a sentence."""
    return (unit_like(ROLE_TAIL.sub("", item)) or bool(TIME_CLAUSE.search(item))) and not SENTENCE_WORDS.search(item)


def continues(text: str, position: int, next_break: int, stop: int) -> bool:
    """Whether a field's value goes on past the line break at `position`: the item across the
    break (up to the next separator, or up to the next line break) still reads as a unit name
    or a time clause, not as a sentence."""
    return value_like(item_across(text, position, stop)) or value_like(item_across(text, position, next_break))


def labelled(text: str, position: int) -> bool:
    """Whether the line starting at `position` opens with a label of its own ("附件：…"), not with
    the end of a key broken over the lines ("…政府。完" + "成时限：…")."""
    if not LINE_LABEL.match(text, position):
        return False
    before = max(text.rfind(c, 0, position) for c in SEPARATOR_CHARS + "。") + 1
    key = KEY.match(text, before)
    return not (key and key.end() > position)


def field_end(text: str, start: int, breaks: tuple[int, ...]) -> int:
    """Where fields starting at `start` end: at the 。 after the last field, or at a line break
    after which the text no longer reads as the field's value."""
    end = start
    while True:
        stop = text.find("。", end)
        stop = len(text) if stop < 0 else stop + 1
        inside = [b for b in breaks if end < b < stop]
        for position, following in zip(inside, [*inside[1:], stop]):
            if KEY.match(text, position):
                stop = position
                break
            if labelled(text, position) or not continues(text, position, following, stop):
                return position
        end = stop
        if not KEY.match(text, end):
            return end


def field_starts(text: str, breaks: tuple[int, ...]):
    """Keys that open a field: at the text's start, after a sentence end, or at a line start."""
    lines = set(breaks)
    return (m for m in KEY.finditer(text) if m.start() == 0 or m.start() in lines or text[m.start() - 1] in "。；;！ ")


def field_lines(text: str, taken: Taken, rules: Conventions,
                breaks: tuple[int, ...] = ()) -> list[Annotation]:
    """Unbracketed fields at a sentence or line start: 牵头单位：…。责任单位：…。完成时限：…。"""
    found = []
    for match in field_starts(text, breaks):
        if taken.covers(match.start()):
            continue
        end = field_end(text, match.end(), breaks)
        body = text[match.start():end]
        found.append(build(match.start(), end, body, body, rules))
        taken.add(match.start(), end)
    return found


def unit_like(name: str) -> bool:
    """A body (…局, …委, …中心), a collective (各…) or a place standing for its government (开发区);
    a qualifier in brackets after the name does not count ("市直有关部门（单位）", "市住建局（人防办）")."""
    if not 2 <= len(name) <= 40 or ACTION_START.match(name) or STATUS_NOTE.match(name):
        return False
    base = QUALIFIER.sub("", name)
    return bool(ORGAN_END.search(base)) or name.startswith("各") or bool(PLACE_ONLY.match(name))


def acting_units(clause: str) -> list[UnitMention]:
    """The units a clause of a breakdown opens with, before what they do: "A、B等有关单位做好…" (co),
    "A牵头做好…" (lead); none when it opens with no named body. The units are the longest opening
    list whose every name is a body (ends in an organ word)."""
    cut = max((end for end in range(2, min(len(clause), MAX_UNITS_CHARS) + 1) if opening_units(clause[:end])),
              default=0)
    if not cut:
        return []
    role = Role.lead if clause[cut:].startswith(("牵头", "总牵头")) else Role.co
    return mentions(clause[:cut], role)


def opening_units(text: str) -> bool:
    """Whether a text is a list of named bodies only (no word of what they do)."""
    return not ACTS.search(text) and bool(NAMED_BODY.match(text)) and all(ORGAN_END.search(QUALIFIER.sub("", part)) and unit_like(part)
                                         for part in text.split("、"))


def clause_units(clause: str, rules: Conventions) -> list[UnitMention]:
    """Units of one clause: "A会同B负责", "A、B牵头", "C按职责分工负责", or a bare list."""
    if WITH in clause:
        lead, _, co = clause.partition(WITH)
        return mentions(lead, Role.lead) + mentions(ROLE_TAIL.sub("", co), Role.co)
    tail = ROLE_TAIL.search(clause)
    if tail and "牵头" in tail.group(0):
        return mentions(ROLE_TAIL.sub("", clause), Role.lead)
    return mentions(ROLE_TAIL.sub("", clause), Role.co)


def role_list(content: str, rules: Conventions) -> tuple[list[UnitMention], str | None] | None:
    """Units and time clause of a list such as "A、B牵头，C配合，2023年9月底前完成"; None when any
    part is neither a unit name nor a time clause."""
    content = without_notes(content).strip("。；;，, ")
    clauses = split_top_level(content, "；;，,。")
    time_limit = None
    if len(clauses) > 1 and TIME_CLAUSE.search(clauses[-1]):
        time_limit = clauses.pop()
    if any(ROLE_TAIL.search(clause) or WITH in clause for clause in clauses):
        units = [u for clause in clauses for u in clause_units(clause, rules)]
    else:
        units = co_units("，".join(clauses), rules)
    if units and all(unit_like(u.mention) for u in units):
        return units, time_limit
    return None


def trailing(text: str, closing: dict[int, int], taken: Taken, rules: Conventions) -> list[Annotation]:
    """Bracketed unit lists that close a sentence or an item."""
    found = []
    for match in re.finditer(r"[（(〔]", text):
        start = match.start()
        end = closing[start]
        if end - start > MAX_ANNOTATION_CHARS or taken.covers(start):
            continue
        before = text[start - 1] if start else "。"
        after = text[end] if end < len(text) else "。"
        if before not in "。；;！？”" and after not in "。；;" and end != len(text):
            continue
        parsed = role_list(text[start + 1:end - 1], rules)
        if parsed:
            units, time_limit = parsed
            found.append(Annotation(start=start, end=end, units=tuple(units), time_limit=time_limit,
                                    raw=text[start:end]))
    return found


def bare(text: str, taken: Taken, rules: Conventions) -> list[Annotation]:
    """A sentence that is only an annotation without brackets: "A牵头；B按职责负责；年底前完成。"
    (it needs a role word, so a sentence that merely names a unit is not one)."""
    found = []
    for match in SENTENCE.finditer(text):
        if match.start() and text[match.start() - 1] not in "。！？" or taken.covers(match.start()):
            continue
        sentence = match.group(0)
        if len(sentence) > MAX_ANNOTATION_CHARS // 3 or not ROLE_TAIL.search(re.split(r"[，,；;。]", sentence)[0]):
            continue
        parsed = role_list(sentence, rules)
        if parsed and any(u.role is Role.lead for u in parsed[0]) or parsed and parsed[1]:
            found.append(Annotation(start=match.start(), end=match.end(), units=tuple(parsed[0]),
                                    time_limit=parsed[1], raw=sentence))
    return found


def find_annotations(text: str, rules: Conventions | None = None, breaks: tuple[int, ...] = ()) -> list[Annotation]:
    """Every responsibility annotation in a block of text, in order. `breaks` are the offsets
    where the text's source lines start (a field may start at one, and end at one)."""
    rules = rules or Conventions()
    closing = closing_positions(text)
    found = bracketed(text, closing, rules)
    taken = Taken(len(text), found)
    found += field_lines(text, taken, rules, breaks)
    taken = Taken(len(text), found)
    found += trailing(text, closing, taken, rules)
    taken = Taken(len(text), found)
    found += bare(text, taken, rules)
    return sorted(found, key=lambda a: a.start)


def lead_in_text(text: str) -> list[UnitMention]:
    """Leads the running text names: "由市科委牵头" — a named body (with its level or place),
    not a kind of department ("由住房城乡建设部门牵头" names a function, which the annotation names)."""
    return [u for match in LEAD_IN_TEXT.finditer(text) for u in mentions(match.group(1), Role.lead)
            if unit_like(u.mention) and NAMED_BODY.match(u.mention)]


def standing_units(text: str) -> list[UnitMention]:
    """Units a standing clause adds to every later task: "A、B均为责任单位，以下不再列出"."""
    matches = [*STANDING.finditer(text), *STANDING_AHEAD.finditer(text)]
    return [u for match in sorted(matches, key=lambda m: m.start()) for u in mentions(match.group("units"), Role.co)
            if unit_like(u.mention)]
