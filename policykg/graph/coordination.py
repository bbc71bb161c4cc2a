"""Coordinated unit names: several bodies written as one name, split into one name per body.

- heads sharing the last head's organ tail: 郑州市、开封市、洛阳市人民政府 (divisions), 经开区、临港新片区管委会
  (areas); a division among areas stands alone for its government (浦东新区、临港新片区管委会), a run of
  levels stays one collective (各县（市）、铜山区交通运输局 → 各县（市）交通运输局, 铜山区交通运输局);
- complete bodies listed together: 经开区、人社局, 闵行区、市商务委;
- A和B of two bodies: 各镇党委和人民政府 (B a bare organ, the head shared), 省政府和市政府各部门;
- a collective of levels stays one name (各市（州）、县（市、区）人民政府, 省、市、县), and so do
  工业和信息化局 and 有关部门和单位.
"""
from __future__ import annotations

import re

from policykg.graph.jurisdiction import Jurisdiction, place_prefix
from policykg.lexicon.brackets import split_top_level
from policykg.lexicon.organs import AREA_WORDS, COLLECTIVE_WORDS, HEAD_ONLY, LEVELS_ONLY, UNIT_END
from policykg.lexicon.regex import alternation

AREA_END = re.compile(rf"({alternation(AREA_WORDS)})$")
# the last part: an area's name, then its organ tail (no bracket closing the head's qualifier)
AREA_HEAD = re.compile(rf"^(?P<head>.+(?:{alternation(AREA_WORDS)}|区))(?P<tail>[^区）)][^区]*)$")
LEVEL_START = re.compile(r"^(本|各|全)?(省|市|州|区|县|乡|镇)")
QUALIFIER = re.compile(r"（[^（）]*）")


def coordinated(name: str, doc: Jurisdiction | None = None) -> list[str]:
    """The bodies a unit name coordinates, one name each (the name itself when it names one)."""
    paired = conjoined(name, doc)
    if len(paired) > 1:
        return [one for part in paired for one in coordinated(part, doc)]
    parts = split_top_level(name, "、")
    if len(parts) < 2 or any(HEAD_ONLY.match(p) for p in parts):
        return [name]
    *heads, last = parts
    if LEVEL_START.match(last) and all(head_kind(h, doc) == "level" for h in heads):
        return [name]  # 各乡、镇人民政府: levels all through
    for kind, tail in shared_tails(last, doc):
        names = with_tail(heads, kind, tail, doc)
        if names:
            return [*names, last]
    return parts if all(head_kind(p, doc) in ("division", "area") or UNIT_END.search(p) for p in parts) else [name]


def conjoined(name: str, doc: Jurisdiction | None) -> list[str]:
    """A和B as two names when A is a body and B a body named in full or a bare organ (its head A's)."""
    left, _, right = name.partition("和")
    if not right or not UNIT_END.search(QUALIFIER.sub("", left)) or left.endswith(COLLECTIVE_WORDS):
        return [name]
    if LEVEL_START.match(right) or place_prefix(right, doc) or right.startswith(("各", "全")):
        return [left, right]
    head = next((left[:end] for end in range(len(left) - 1, 1, -1) if head_kind(left[:end], doc)), None)
    return [left, head + right] if head and len(right) <= 4 and UNIT_END.search(right) else [name]


def head_kind(part: str, doc: Jurisdiction | None) -> str | None:
    """A head of a coordination: a division (郑州市), a level (各县（市）), an area (经开区, 园区), or none."""
    match = place_prefix(part, doc)
    if match and not match.rest:
        return "division"
    if LEVELS_ONLY.match(part):
        return "level"
    if part.startswith(("各", "全")) or "（" in part and "）" not in part:
        return None
    return "area" if AREA_END.search(part) or len(part) >= 3 and part.endswith("区") else None


def shared_tails(last: str, doc: Jurisdiction | None) -> list[tuple[str, str]]:
    """The ways the last part splits into a named head and an organ tail: after a division, an area."""
    out = []
    match = place_prefix(last, doc)
    if match and match.rest and UNIT_END.search(match.rest) and head_kind(last[:-len(match.rest)], doc) == "division":
        out.append(("division", match.rest))
    area = AREA_HEAD.match(last)
    if area and UNIT_END.search(area.group("tail")) and head_kind(area.group("head"), doc) == "area":
        out.append(("area", area.group("tail")))
    return out


def with_tail(heads: list[str], kind: str, tail: str, doc: Jurisdiction | None) -> list[str]:
    """The heads with the shared tail, a run of levels as one collective, a division among areas alone;
    empty when a head fits neither."""
    out: list[str] = []
    levels: list[str] = []
    for head in heads:
        found = head_kind(head, doc)
        if found == "level":
            levels.append(head)
            continue
        if levels:
            out.append("、".join(levels) + tail)
            levels = []
        if found not in (kind, "division"):
            return []
        out.append(head + tail if found == kind else head)
    return out + (["、".join(levels) + tail] if levels else [])
