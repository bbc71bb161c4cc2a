"""Agency resolution: a unit as written in a document to one agency per real body.

A relative name resolves inside the document's jurisdiction ("市发展改革委" in a 眉山 document is
眉山市's commission, "省市场监管局" the province's); a name that starts with a place resolves
there; variants of a body's name merge through the alias table (data/aliases.json);
collectives (各县（市、区）人民政府, 市级有关部门) are group agencies; an internal division
(城建处) of an issuing department hangs under it.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from policykg.graph.jurisdiction import MUNICIPALITIES, Jurisdiction, place_prefix
from policykg.ids import stable_id
from policykg.schema.models import Model

GROUP = re.compile(r"^(各|全)|有关|相关|各|成员单位|所属|直属|、|(部门|单位|机构)(（[^）]*）)?$")
DIVISION = re.compile(r"^[\u4e00-\u9fff]{1,8}(处|科|室|股)$")
DEPARTMENT = re.compile(r"(厅|局|委|委员会)$")
BRACKETS = str.maketrans({"〔": "（", "〕": "）", "(": "（", ")": "）", "［": "（", "］": "）", "[": "（", "]": "）"})


class ResolvedAgency(Model):
    agency_id: str
    name: str
    jurisdiction: Jurisdiction
    is_group: bool = False
    parent_id: str | None = None


@lru_cache(maxsize=1)
def alias_pattern() -> tuple[re.Pattern, dict[str, str]]:
    table = json.loads(resources.files("policykg.data").joinpath("aliases.json").read_text(encoding="utf-8"))
    canonical = {variant: key for key, variants in table.items() if not key.startswith("_") for variant in variants}
    canonical.update({key: key for key in table if not key.startswith("_")})
    pattern = re.compile("|".join(sorted(map(re.escape, canonical), key=len, reverse=True)))
    return pattern, canonical


def canonical_body(body: str) -> str:
    """The body part of a name with its variants replaced: 发展和改革委员会 → 发展改革委."""
    pattern, canonical = alias_pattern()
    return pattern.sub(lambda m: canonical[m.group(0)], body.translate(BRACKETS))


def relative_scope(mention: str, doc: Jurisdiction) -> tuple[Jurisdiction, str] | None:
    """省…/市…/州…/区…/县… resolved inside the document's jurisdiction."""
    head, body = mention[:1], mention[1:]
    if not body or head not in "省市州区县":
        return None
    if head == "省":
        return Jurisdiction(province=doc.province), body
    if head in "市州":
        if doc.city:
            return Jurisdiction(province=doc.province, city=doc.city), body
        if doc.province in MUNICIPALITIES:
            return Jurisdiction(province=doc.province), body
        return doc, mention
    if doc.county:
        return doc, body
    return doc, mention


def resolve(mention: str, doc: Jurisdiction, issuer: ResolvedAgency | None = None) -> ResolvedAgency:
    """The agency a mention in a document of jurisdiction `doc` names."""
    written = re.sub(r"\s", "", mention)
    is_group = bool(GROUP.search(written))
    scope_body = relative_scope(written, doc)
    if scope_body is None:
        place, rest = place_prefix(written, doc.province)
        if place.path and rest:
            scope_body = (place, rest)
    if scope_body is None and issuer and DIVISION.match(written) and DEPARTMENT.search(issuer.name):
        return ResolvedAgency(agency_id=stable_id(issuer.agency_id, written), name=f"{issuer.name}{written}",
                              jurisdiction=issuer.jurisdiction, parent_id=issuer.agency_id)
    scope, body = scope_body or (doc, written)
    body = canonical_body(body)
    place = scope.path[-1] if scope.path else ""
    return ResolvedAgency(agency_id=stable_id(scope.id, body), name=place + body, jurisdiction=scope,
                          is_group=is_group)
