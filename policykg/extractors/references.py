"""Citations: 《title》 with the 文号 in brackets after it when given.

Not citations: the documents a notice encloses, its attachments (附件), abbreviations it defines
(以下简称《…》) and placeholders (《××市…》).
"""
from __future__ import annotations

import re

from policykg.lexicon.official import DOC_NUMBER, normal_title
from policykg.schema import Reference

CITED = re.compile(r"《(?P<title>[^《》]{2,150})》(?:[（(](?P<number>" + DOC_NUMBER.pattern + r")[）)])?")
ABBREVIATION = re.compile(r"(?:以下简称|简称)[“\"]?《([^《》]+)》")
ATTACHMENT = re.compile(r"附件[：:]?\s*\d*[.．、]?\s*《([^《》]+)》")
PLACEHOLDER = re.compile(r"××|XX|xx|＊")


def find_references(text: str, exclude: list[str]) -> list[Reference]:
    """Documents cited in a document's text, each once, in order of first citation."""
    skip = {normal_title(t) for t in exclude}
    skip |= {normal_title(t) for t in ABBREVIATION.findall(text)}
    skip |= {normal_title(t) for t in ATTACHMENT.findall(text)}
    seen: dict[str, Reference] = {}
    for match in CITED.finditer(text):
        title, key = re.sub(r"\s", "", match.group("title")), normal_title(match.group("title"))
        if key in skip or PLACEHOLDER.search(title):
            continue
        number = re.sub(r"\s", "", match.group("number")) if match.group("number") else None
        if key in seen:
            if number and not seen[key].doc_number:
                seen[key] = Reference(title=title, doc_number=number)
            continue
        seen[key] = Reference(title=title, doc_number=number)
    return list(seen.values())
