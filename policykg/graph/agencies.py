"""Agency resolution: a unit as written in a document to one agency per real body, or to a recorded
unresolved mention.

A mention is cleaned (tags 【…】, role words 牵头/配合, a leading date), split into its units, and each
unit checked against the grammar of unit names (it ends in an organ word, or names a collective of
places: 各县（市、区）); what fails is a fragment, never an agency. A unit then resolves:
- "其有关部门" to the body it refers back to (the unit before it, else the issuer);
- 市局/省局/分局/局机关 relative to the issuing bureau;
- a name starting with 省/市/区/县 inside the document's place ("市发展改革委" in a 眉山 document);
- a central body (财政部, 国家…, 国家税务总局, 最高人民法院) is national;
- a body named by itself — a central body's local office (海关, 人民银行, 金融监管, 海事, 国网/南网),
  an enterprise or a zone — keeps its own name, placed where that name says, never prefixed (a tax
  bureau or a court is named like any local body: 国家税务总局郑州市税务局 is 郑州市税务局);
- a name starting with a division of the table at that division (a division alone: its government);
- anything else inside the document's place.
The body part of a name goes through the alias classes (data/aliases.json) before the id is made.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from policykg.extractors.units import split_units
from policykg.graph.jurisdiction import Jurisdiction, place_prefix, place_within
from policykg.ids import stable_id
from policykg.graph.coordination import LEVEL_START, QUALIFIER, coordinated
from policykg.lexicon.brackets import TO_ROUND
from policykg.lexicon.organs import (CLAUSE_VERBS, COLLECTIVE_WORDS, DIVISION_WORDS, ENTERPRISE_WORDS, FRAGMENT_WORDS,
                                     MISSION_BODY_WORDS, MISSION_TAIL_WORDS, NOT_DIVISION_WORDS, UNIT_END, ZONE_WORDS)
from policykg.lexicon.places import MUNICIPALITIES
from policykg.lexicon.regex import alternation
from policykg.lexicon.roles import CO_KEYS, CO_WORDS, LEAD_KEYS, LEAD_WORDS, UNIT_TAIL
from policykg.schema.models import Model

TAG = re.compile(r"【[^】]*】")
ROLE = re.compile(rf"^({alternation(LEAD_KEYS + CO_KEYS)})[:：]?|（({alternation(LEAD_WORDS + CO_WORDS)})）$")
LEADING = re.compile(r"^(\d{4}年(\d{1,2}月)?(\d{1,2}日)?|本[\u4e00-\u9fff]{0,4}?(办法|方案|措施|细则|意见|通知|规定|条例|规则)由|"
                     r"由|请|会同|和|及|以及|牵头|配合|协助|协同|参与)")
LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:](?=.)")  # 任务分解：市发改委
ALTERNATIVE = re.compile(r"（(或者|或)[^（）]*）")  # 施工单位（或者工程总承包单位）: the unit before it
QUALIFIER_LAST = re.compile(r"（[^（）]*）$")
ZONE = alternation(ZONE_WORDS)
ENTERPRISE = alternation(ENTERPRISE_WORDS)
UNNAMED_ZONE = re.compile(rf"^(各|全|有关|相关|重点)?({ZONE})")
ORGAN = UNIT_END  # how a unit's name ends: the lexicon's unit words, zones and enterprises
LEVEL_LIST = re.compile(r"^(各|全|所有)?[\u4e00-\u9fff]{0,6}?(省|市|州|县|区|旗|盟|地|级|乡镇|街道)"
                        r"(、[\u4e00-\u9fff]{0,6}?(省|市|州|县|区|旗|盟|地|级|乡镇|街道))*$")
# sentence text: punctuation, the lexicon's fragment words, an agent clause (…工作由…), a lone 各
FRAGMENT = re.compile(rf"[：:，,。；;！？!?“”《》…]|{alternation(FRAGMENT_WORDS)}|^各$|(?<=.)(?<!自)由")
# a name opening with a verb is running text (支持中小微企业), unless it names a body for its mission
# (推进政府职能转变…领导小组办公室) and the verb's object is no place or level (发挥市…领导小组)
CLAUSE = re.compile(rf"^(充分|积极|进一步)?({alternation(CLAUSE_VERBS)})(?P<object>.)")
MISSION = re.compile(rf"({alternation(MISSION_BODY_WORDS)})({alternation(MISSION_TAIL_WORDS)})?$")
GROUP = re.compile(rf"^(各|全|街道|乡镇|街镇|{ZONE})|有关|相关|各|成员单位|所属|直属|以上|、|({alternation(COLLECTIVE_WORDS)})$")
DIVISION = re.compile(rf"^(?!街道|乡镇|[省市州区县]级)[\u4e00-\u9fff]{{1,8}}({alternation(DIVISION_WORDS)})$")
DEPARTMENT = re.compile(r"(厅|局|委|委员会)$")
# a government organ: written after a short place name (郑州市场监管局) it takes the place's full name
GOVERNMENT = re.compile(r"(厅|局|委|委员会|办公室|办公厅|政府|部门)$")
REFERS_BACK = re.compile(r"^(其|该|上述)(?!他|余|它)")  # 其他企业主管部门 refers back to none
ISSUER_RELATIVE = re.compile(r"^(各)?(省|市|区|县)局|^(各)?分局|^局机关|^本局")
RELATIVE_HEAD = re.compile(r"^(本)?(省|市|州|区|县)(?!场|政公用|政工程|政设施|容|监局|域)")
# bodies named by themselves (上海海关, 河南银保监局, 人民银行合肥中心支行); a tax bureau or a court is named
# like any local body (郑州市税务局, 市中级人民法院), so only a place written in its name moves it
OWN_NAME = re.compile(rf"海关|人民银行|人行|中心支行|中支|(?<!地方)金融监管|银保监|证监|外汇管理|海事|铁路|国网|南网|"
                      rf"电网|供电|{ZONE}|({ENTERPRISE})$")
NATIONAL = re.compile(r"^(国务院|中共中央|中央|全国|最高人民|国家(?!税务总局.))"
                      r"|^[^省市州区县]{2,10}(?<!宣传|组织|统战|武装|政法)(部|总局|总署)$")
LONGEST = 40
# a variant standing as a word of its own: after the start, a level or 各, not opening a compound
# (政府采购, 政府性基金, 政府职能)
WORD = r"(?:(?<![\u4e00-\u9fff])|(?<=[省市县区州镇乡旗级各上关]))(?:{})(?!采购|性|职能|投资|债务|购买|引导)"


class ResolvedAgency(Model):
    agency_id: str
    name: str
    jurisdiction: Jurisdiction
    is_group: bool = False
    parent_id: str | None = None
    written: str = ""  # the unit as written in its list, role words and tags removed


class Unresolved(Model):
    """A mention, or a part of one, that is not a unit name: kept with the reason, never an agency."""

    text: str
    reason: str


class Context(Model):
    """What a mention resolves against: the document's place, its issuer, the unit before it."""

    place: Jurisdiction
    issuer: ResolvedAgency | None = None
    previous: ResolvedAgency | None = None


def union_find(groups: dict[str, list[str]]) -> dict[str, str]:
    """Every spelling to its class's canonical form; groups sharing a spelling are one class."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for key, variants in groups.items():
        for variant in variants:
            a, b = root(key), root(variant)
            if a != b:
                parent[b] = a
    return {spelling: root(spelling) for spelling in parent}


@lru_cache(maxsize=1)
def alias_tables() -> tuple[re.Pattern, dict[str, str], dict[str, str]]:
    table = json.loads(resources.files("policykg.data").joinpath("aliases.json").read_text(encoding="utf-8"))
    parts = union_find(table["parts"])
    bounded = set(table["bounded"])
    pattern = re.compile("|".join(WORD.format(re.escape(v)) if v in bounded else re.escape(v)
                                  for v in sorted(parts, key=len, reverse=True)))
    return pattern, parts, union_find(table["names"])


def canonical_body(body: str) -> str:
    """A body with its variants replaced: 发展和改革委员会 → 发展改革委, 营商办 → 营商办公室."""
    pattern, parts, names = alias_tables()
    body = names.get(body, body)
    body = re.sub(r"(?<![编、])办$", "办公室", body)  # 营商办, never 编办 or 各委、办
    body = re.sub(r"各(?=有关|相关)", "", body)  # 各有关部门 and 有关部门: one collective
    body = pattern.sub(lambda m: parts[m.group(0)], body)
    named = QUALIFIER_LAST.sub("", body)  # 市场监管局（知识产权局）: one body under two names, the first kept
    return named if named != body and ORGAN.search(named) else body


def clean(mention: str) -> str:
    """A mention without spaces, tags, role words, leading dates, a bracketed alternative or an unmatched
    bracket."""
    text = TAG.sub("", re.sub(r"\s", "", mention)).translate(TO_ROUND)
    text = ALTERNATIVE.sub("", LABEL.sub("", text))
    previous = None
    while text != previous:
        previous, text = text, LEADING.sub("", UNIT_TAIL.sub("", ROLE.sub("", text))).strip("。.：:、，")
    if text.count("（") != text.count("）"):
        text = text.replace("（", "").replace("）", "") if "（" in text else text.replace("）", "")
    return text


def problem(name: str) -> str | None:
    """Why a name is not a unit name (None when it is one)."""
    if FRAGMENT.search(name):
        return "sentence text in the name"
    if opens_a_clause(name):
        return "a verb opens the name: running text"
    if len(name) > LONGEST:
        return "too long for a unit name"
    bare = QUALIFIER.sub("", name) or name
    match = place_prefix(bare)
    if match and not match.rest:
        return None  # a division named alone: its government
    if ORGAN.search(canonical_body(bare)) or ORGAN.search(name.rstrip("）")) \
            or collective_of_places((match.rest if match else bare).lstrip("、")):
        return None
    return "does not end in an organ word"


def opens_a_clause(name: str) -> bool:
    """支持中小微企业, 发挥市…领导小组: a verb opens the name (after its place) and names no mission body
    (优化营商环境工作领导小组, 优化办) whose object is not a place or a level."""
    match = place_prefix(name)
    body = match.rest if match else LEVEL_START.sub("", name)
    clause = CLAUSE.match(body)
    if not clause:
        return False
    rest = body[clause.start("object"):]
    if rest in ("办", "办公室"):  # 优化办, 推进办公室: an office's short name
        return False
    return not MISSION.search(rest) or bool(LEVEL_START.match(rest) or place_prefix(rest))


def collective_of_places(name: str) -> bool:
    """各县（市、区）, 省、市、县: every division of some levels (bracketed qualifiers removed)."""
    return bool(LEVEL_LIST.match(name)) and (name.startswith(("各", "全", "所有")) or len(name.split("、")) > 1)


def units(mention: str, doc: Jurisdiction | None = None) -> list[str]:
    """The unit names a mention lists, cleaned, coordinated heads with a shared tail one name each."""
    names = [clean(part) for part in split_units(clean(mention))] or [clean(mention)]
    return [one for name in names for one in coordinated(name, doc)]


def resolve_mention(mention: str, context: Context) -> list[ResolvedAgency | Unresolved]:
    """The agencies (or fragments) one written mention names, in order; "其…" refers to the one before."""
    names = [name for name in units(mention, context.place) if name]
    if not names and mention.strip():
        return [Unresolved(text=mention.strip(), reason="no unit name besides role words and tags")]
    out: list[ResolvedAgency | Unresolved] = []
    for name in names:
        result = resolve_unit(name, context)
        if isinstance(result, ResolvedAgency):
            result = result.model_copy(update={"written": name})
            context = context.model_copy(update={"previous": result})
        out.append(result)
    return out


def resolve_unit(name: str, context: Context) -> ResolvedAgency | Unresolved:
    reason = problem(name)
    if reason:
        return Unresolved(text=name, reason=reason)
    if REFERS_BACK.match(name):
        return refer_back(name, context)
    if ISSUER_RELATIVE.match(name):
        return issuer_relative(name, context)
    return resolve(name, context.place, context.issuer)


def refer_back(name: str, context: Context) -> ResolvedAgency | Unresolved:
    """其有关部门 after 市政府 is 市政府有关部门: a collective of the body referred to."""
    body = context.previous or context.issuer
    if body is None:
        return Unresolved(text=name, reason="refers back to no body")
    rest = REFERS_BACK.sub("", name)
    return agency(body.jurisdiction, body.name + rest, is_group=True, parent_id=body.agency_id)


def issuer_relative(name: str, context: Context) -> ResolvedAgency | Unresolved:
    """市局/省局 are the issuing bureau's system at that level; 分局 and 局机关 hang under the issuer."""
    issuer = context.issuer
    if issuer is None or not issuer.name.endswith("局"):
        return Unresolved(text=name, reason="names the issuing bureau's system, but the issuer is no bureau")
    match = ISSUER_RELATIVE.match(name)
    rest = name[match.end():]
    if match.group(2):
        system = issuer.name[len(place_name(issuer.jurisdiction)):]
        scope = scope_of(match.group(2), context.place)
        if scope is None:  # 市局 in a province's document: the cities' bureaus
            return agency(context.place, f"{place_name(context.place)}各{match.group(2)}{system}{rest}", True)
        return agency(scope, place_name(scope) + system + rest, is_group=bool(match.group(1) or GROUP.search(rest)))
    if match.group(0) in ("局机关", "本局") or issuer.name.endswith(match.group(0)):
        # the word stands for the issuer itself (分局政治处 in a 分局's document): replaced, never prepended
        if not rest:
            return issuer
        return agency(issuer.jurisdiction, issuer.name + rest, is_group=bool(GROUP.search(rest)),
                      parent_id=issuer.agency_id)
    return agency(issuer.jurisdiction, issuer.name + name, is_group=True, parent_id=issuer.agency_id)


def scope_of(head: str, doc: Jurisdiction) -> Jurisdiction | None:
    """The place a level word (省, 市, 区) means in a document of jurisdiction `doc`."""
    if head == "省":
        return doc.at("province")
    if head in "市州":
        if doc.city:
            return doc.at("city")
        return doc.at("province") if doc.province in MUNICIPALITIES else None
    return doc if doc.county else None


def relative_scope(mention: str, doc: Jurisdiction) -> tuple[Jurisdiction, str, bool] | None:
    """省…/市…/州…/区…/县… (or 本市…) resolved inside the document's jurisdiction: the place, the body,
    and whether it names every body of a level below the document's (区财政局 in a city's document)."""
    match = RELATIVE_HEAD.match(mention)
    if not match or len(mention) == match.end():
        return None
    rest = mention[match.end():]
    scope = scope_of(match.group(2), doc)
    if scope:
        return scope, rest, False
    return doc, ("" if rest.startswith(("级", "直")) else "各") + match.group(2) + rest, True


def place_name(place: Jurisdiction) -> str:
    return place.path[-1] if place.path else ""


def agency(place: Jurisdiction, name: str, is_group: bool = False, parent_id: str | None = None) -> ResolvedAgency:
    return ResolvedAgency(agency_id=stable_id(place.id, name), name=name, jurisdiction=place, is_group=is_group,
                          parent_id=parent_id)


def own_name(written: str, doc: Jurisdiction) -> ResolvedAgency:
    """A body that carries its own name (上海海关, 人民银行合肥中心支行): placed where the name says; a zone
    named by its kind alone (经开区管委会, 各开发区) is the document's place's."""
    name = canonical_body(written)
    place = place_within(written, doc)
    if place is None and UNNAMED_ZONE.match(written):
        name = place_name(doc) + name
    return agency(place or doc, name, is_group=bool(GROUP.search(written)))


def resolve(mention: str, doc: Jurisdiction, issuer: ResolvedAgency | None = None) -> ResolvedAgency:
    """The agency a (clean, grammatical) unit name in a document of jurisdiction `doc` names."""
    written = re.sub(r"^(中共|中国共产党)(?=.)", "", mention)
    written = re.sub(r"^国家税务总局(?=.+税务)", "", written)
    is_group = bool(GROUP.search(written))
    scoped = relative_scope(written, doc)
    if scoped:
        scope, body, below = scoped
        if OWN_NAME.search(body) and place_within(body, scope):
            return own_name(body, scope)
        return agency(scope, place_name(scope) + canonical_body(body), is_group or below)
    if NATIONAL.search(written) and not place_within(written, doc):
        return agency(Jurisdiction(), canonical_body(written), is_group)
    match = place_prefix(written, doc)
    if match and not match.rest:  # a division named alone (浦东新区) stands for its government
        return agency(match.place, place_name(match.place) + "人民政府", is_group)
    if OWN_NAME.search(written):
        return own_name(written, doc)
    if match and match.rest == "局" and issuer and issuer.name.endswith("局"):  # 温州市局 in a bureau's document
        return agency(match.place, place_name(match.place) + issuer.name[len(place_name(issuer.jurisdiction)):])
    if is_group and "、" in QUALIFIER.sub("", written):  # 官渡区、西山区人民政府: several places, their parent's
        named = written if match else place_name(doc) + written
        return agency(doc, canonical_body(named), is_group)
    if match and match.rest:
        body = canonical_body(match.rest)
        if match.full or GOVERNMENT.search(body):
            return agency(match.place, place_name(match.place) + body, is_group)
        return agency(match.place, canonical_body(written), is_group)  # 郑州商品交易所 keeps its name
    if issuer and DIVISION.match(written) and not written.endswith(NOT_DIVISION_WORDS) \
            and DEPARTMENT.search(issuer.name):
        return agency(issuer.jurisdiction, f"{issuer.name}{written}", parent_id=issuer.agency_id)
    return agency(doc, place_name(doc) + canonical_body(written), is_group)
