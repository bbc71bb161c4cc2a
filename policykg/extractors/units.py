"""Unit lists as written: "市发展改革委、市规划自然资源局，市住房城乡建设局" to unit names.

A list splits on 、，；, between complete unit names only: a part that names only places or
levels ("各市（州）", "县（市、区）", "省") joins the next part, so a collective such as
"各市（州）、县（市、区）人民政府" or "省、市、县" stays one unit, while
"各开发区管委会、区县（市）政府" is two.
"""
from __future__ import annotations

import re

from policykg.lexicon.brackets import split_top_level
from policykg.lexicon.organs import HEAD_ONLY, ORGAN_LAST_CHARS, PLACE_ONLY
from policykg.lexicon.roles import LIST_END

SEPARATORS = "、，,；;"
LEADING_NOISE = re.compile(r"^(由|请|和|及|以及)")


def clean_unit(name: str) -> str:
    name = name.strip(" 　。.：:")
    name = LEADING_NOISE.sub("", name)
    return LIST_END.sub("", name)


# "A、B等市政府有关部门及各县区人民政府": 等/及/和 after a complete unit name also separate units, and so
# does 和 before a list of places sharing a body ("省金融监管局和郑州市、开封市政府": the two cities' governments)
CONJUNCTION = re.compile(rf"(?<=[{ORGAN_LAST_CHARS}])(等|及|和|以及)"
                         r"(?=各|有关|相关|市|省|区|县|州|[\u4e00-\u9fff]{1,6}?(?:省|市|州|区|县|旗|盟)[、，,])"
                         rf"|(?<=[{ORGAN_LAST_CHARS}])(及|以及)(?=[\u4e00-\u9fff])")


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
