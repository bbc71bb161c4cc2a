"""Where a body or a document belongs, only ever a division of the GB/T 2260 table (lexicon.places).

A name's leading place is read division by division (河南省郑州市金水区…), each one inside the last;
a form written in several divisions is taken inside the hint (the document's place) or when it
is the only one; a cut-off city name (云港市) is the one division of the hint's province it ends.
A document's place comes from its issuers, then its title, then the volume's section header.
"""
from __future__ import annotations

import re

from policykg.lexicon.places import (BOUND_WORDS, Division, divisions, ending_with, forms_at, lineage,
                                     province_of)
from policykg.schema.models import Model

PROVINCES = {name: d.name for d in divisions().values() if d.level == "province"
             for name in (re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", d.name),)}
PARTY = re.compile(r"^(中共|中国共产党)")
CUT_OFF = re.compile(r"^[\u4e00-\u9fff]{2,3}[市县]")


class Jurisdiction(Model):
    """A division with its parents: province / city / county names (any may be missing) and its code."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    code: str | None = None

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(p for p in (self.province, self.city, self.county) if p)

    @property
    def level(self) -> str:
        return "county" if self.county else "city" if self.city else "province" if self.province else "national"

    @property
    def id(self) -> str:
        return "/".join(self.path)

    def at(self, level: str) -> Jurisdiction:
        """This jurisdiction's province, or its city (its province when it lies in none)."""
        code = self.code or ""
        if level == "province" or not self.city:
            return Jurisdiction(province=self.province, code=code[:2] + "0000" if code else None)
        return Jurisdiction(province=self.province, city=self.city, code=code[:4] + "00" if code else None)


class PlaceMatch(Model):
    """A place written at the start of a name, the rest of the name, and whether the place was written
    in full (眉山市, 襄樊市) rather than short (眉山, 红河州)."""

    place: Jurisdiction
    rest: str
    full: bool = True


def of_division(division: Division) -> Jurisdiction:
    names = {d.level: d.name for d in lineage(division)}
    return Jurisdiction(province=names["province"], city=names.get("city"), county=names.get("county"),
                        code=division.code)


def inside(division: Division, outer: Division | None) -> bool:
    return outer is None or outer in lineage(division)


def pick(found: tuple[Division, ...], within: Division | None, hint: Jurisdiction | None) -> Division | None:
    """The division a form names: inside `within`, else inside the hint, else the only one."""
    candidates = [d for d in found if inside(d, within)]
    if within is None and hint is not None and len(candidates) > 1:
        near = [d for d in candidates if hint.code and inside(d, hint_division(hint))]
        candidates = near or [d for d in candidates if province_of(d).name == hint.province] or candidates
    return candidates[0] if len(candidates) == 1 else None


def hint_division(hint: Jurisdiction) -> Division | None:
    return divisions().get(hint.code or "")


def bound(text: str, end: int) -> bool:
    """True when the last character of a form starts a word going on after it (漳州市|场监管局)."""
    return any(text.startswith(word, end - 1) for word in BOUND_WORDS)


def place_prefix(name: str, hint: Jurisdiction | None = None) -> PlaceMatch | None:
    """The divisions a name starts with (中共… ignored), deepest last; None when it starts with none."""
    text = PARTY.sub("", name)
    position, current, form = 0, None, ""
    while True:
        step = next(((form, division) for form, found in forms_at(text, position)
                     if not bound(text, position + len(form))
                     for division in (pick(found, current, hint),) if division), None)
        if step is None:
            break
        form, current = step
        position += len(form)
    if current is None:
        return cut_off(text, hint)
    full = form == current.name or form in current.former
    return PlaceMatch(place=of_division(current), rest=text[position:], full=full)


def cut_off(text: str, hint: Jurisdiction | None) -> PlaceMatch | None:
    """A name starting with the tail of a division's name, the one such division in the hint's province."""
    match = CUT_OFF.match(text)
    if not match or hint is None or not hint.province:
        return None
    found = [d for d in ending_with(match.group(0)) if province_of(d).name == hint.province]
    if len(found) != 1:
        return None
    return PlaceMatch(place=of_division(found[0]), rest=text[match.end():])


def place_within(name: str, hint: Jurisdiction | None = None) -> Jurisdiction | None:
    """The first place written anywhere in a name (人行合肥中心支行 → 合肥市)."""
    for start in range(len(name) - 1):
        match = place_prefix(name[start:], hint)
        if match:
            return match.place
    return None


def province_named(volume_province: str | None) -> Jurisdiction | None:
    """The volume's section header (四川) as a province."""
    match = place_prefix(volume_province or "")
    return match.place if match else None


def title_places(title: str | None) -> list[str]:
    """The title, and the name of the plan it encloses (关于印发《眉山市…》的通知)."""
    if not title:
        return []
    return [title, *re.findall(r"《([^》]+)》", title)]


def document_jurisdiction(issuers: list[str], province: str | None, title: str | None = None) -> Jurisdiction:
    """A document's place: the deepest place its issuers name, else its title's, else the volume's province."""
    volume = province_named(province)
    for sources in (issuers, title_places(title)):
        places = [m.place for m in (place_prefix(s, volume) for s in sources) if m]
        if places:
            first = places[0].province
            return max((p for p in places if p.province == first), key=lambda p: len(p.path))
    return volume or Jurisdiction()
