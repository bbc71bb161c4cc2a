"""Actors named at the start of a sentence in running text (rules; the spaCy pipeline refines them).

"各市（州）于10月底前汇总…" -> 各市（州）; "2023年11月底前，省、市、县通过…" -> 省、市、县;
"省直行业主管部门（单位）会同省大数据中心探索…" -> lead 省直行业主管部门（单位）, co 省大数据中心.
"""
from __future__ import annotations

import re

from policykg.extractors.annotations import unit_like
from policykg.extractors.units import PLACE_ONLY, split_units
from policykg.schema import Role, UnitMention

LEADING_TIME = re.compile(r"^(?:[到至于在截]{0,2}(?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前)?)[，,]")
VERB = re.compile(
    r"要|于|在|自(?=\d)|将|应(?!急)|须|负责(?!人|同志)|牵头(?!单位|部门|处室|科室)|会同|根据|按照|依托|结合|通过|对|加快|组织|联合|共同|统筹|指导|督促|做好|"
    r"完成|开展|建立|制定|推进|推动|持续|积极|进一步|全面|及时|分别|依法|切实|认真|抓紧|尽快|严格|探索|构建|编制|落实|实施")
MAX_ACTOR_CHARS = 40


def actor_like(name: str) -> bool:
    places = name.split("、")
    return (unit_like(name) or name.startswith("各") or all(PLACE_ONLY.match(p) for p in places)
            or name.endswith(("（单位）", "(单位)", "地区")))


def names(phrase: str) -> list[str] | None:
    units = split_units(re.sub(r"和|及|与", "、", phrase))
    return units if units and all(actor_like(u) for u in units) else None


def find_actors(sentence: str) -> list[UnitMention]:
    """The unit(s) a running-text sentence starts with, if it starts with one."""
    text = LEADING_TIME.sub("", sentence, count=1)
    verb = VERB.search(text[:MAX_ACTOR_CHARS + 1])
    if not verb or verb.start() == 0:
        return []
    subject = text[:verb.start()]
    if "，" in subject or "。" in subject:
        return []
    leads = names(subject)
    if not leads:
        return []
    if verb.group(0) != "会同":
        return [UnitMention(mention=u, role=Role.co) for u in leads]
    rest = text[verb.end():]
    second = VERB.search(rest[:MAX_ACTOR_CHARS + 1])
    partners = names(rest[:second.start()]) if second and second.start() else None
    return ([UnitMention(mention=u, role=Role.lead) for u in leads]
            + [UnitMention(mention=u, role=Role.co) for u in partners or []])
