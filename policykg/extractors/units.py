"""Unit lists as written: "市发展改革委、市规划自然资源局，市住房城乡建设局" to unit names.

A list splits on 、，；, between complete unit names only: a part that names only places or
levels ("各市（州）", "县（市、区）", "省") joins the next part, so a collective such as
"各市（州）、县（市、区）人民政府" or "省、市、县" stays one unit, while
"各开发区管委会、区县（市）政府" is two.
"""
from __future__ import annotations

import re

from policykg.extractors.patterns import CLOSE, OPEN

SEPARATORS = "、，,；;"
# a part naming only places or levels, with an optional bracketed qualifier: 各市（州）, 县（市、区）, 晋宁区
PLACE_ONLY = re.compile(
    r"^(各|全)?[\u4e00-\u9fff]{0,8}?(省|市|州|县|区|旗|盟|特区|乡|镇|街道|地)([（(〔][^）)〕]*[）)〕])?$")
# a fragment too short to be a unit on its own: 办, 局 in "市政府各委、办、局"
HEAD_ONLY = re.compile(r"^([委办局厅室处科部]|单位)$")
TRAILING_NOISE = re.compile(r"(等|等单位|等部门|分别|按职责分工|负责|共同)+$")
LEADING_NOISE = re.compile(r"^(由|请|和|及|以及)")


def split_top_level(text: str, separators: str = SEPARATORS) -> list[str]:
    """Split on separators that are not inside brackets."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p for p in (part.strip() for part in parts) if p]


def clean_unit(name: str) -> str:
    name = name.strip(" 　。.：:")
    name = LEADING_NOISE.sub("", name)
    return TRAILING_NOISE.sub("", name)


# "A、B等市政府有关部门及各县区人民政府": 等/及/和 after a complete unit name also separate units
CONJUNCTION = re.compile(r"(?<=[局委办厅府院会部心室处队行司门位])(等|及|和|以及)(?=各|有关|相关|市|省|区|县|州)"
                         r"|(?<=[局委办厅府院会部心室处队行司门位])(及|以及)(?=[\u4e00-\u9fff])")


def split_units(text: str, separators: str = SEPARATORS) -> list[str]:
    """Unit names in a list, collectives kept whole."""
    text = CONJUNCTION.sub("、", text)
    units: list[str] = []
    pending = ""
    for part in split_top_level(text, separators):
        part = clean_unit(part)
        if not part:
            continue
        if units and HEAD_ONLY.match(part) and not pending:
            units[-1] += "、" + part
            continue
        if pending and part.startswith("各"):  # "眉山天府新区、各县（区）": a named place, then a collective
            units.append(pending.rstrip("、"))
            pending = ""
        if PLACE_ONLY.match(part):
            pending += part + "、"
            continue
        units.append(pending + part)
        pending = ""
    if pending:
        units.append(pending.rstrip("、"))
    return [u for u in units if u]
