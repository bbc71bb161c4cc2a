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
# a document still to be made ("制定出台《X》"): the object of a drafting verb, not a citation
TO_BE_MADE = re.compile(r"(?:制定|制订|出台|编制|起草|拟定|研究制定|加快制定|抓紧制定|(?<![新已])修订|(?<![新已])修改)"
                        r"(?:出台|印发|并印发)?$")
# titles in a row ("制定《A》《B》", "出台《A》、《B》"): a verb before the first reaches all of them
TITLE_RUN = re.compile(r"《[^《》]{2,150}》[、和及]?$")
# a document made under the cited one ("出台《X办法》实施细则"): X exists, only its rules are to be made
DERIVED = re.compile(r"(?:的)?(?:实施细则|工作细则|细则|配套制度|配套政策|实施办法|实施方案|操作规程)")
# a form or certificate (《行政处罚决定书》, 《信用修复告知书》, 《营业执照》), not a document
FORM = re.compile(r"(?:决定书|告知书|通知书|承诺书|申请书|意见书|证明书|责任书|建议书|申请表|登记表|审批表|一览表|报表|证书|"
                  r"许可证|执照|凭证|回执)$")
DRAFTING_WINDOW = 8


def cited(text: str, start: int, end: int, title: str) -> bool:
    """Whether 《title》 at text[start:end] cites a document: not a form, not a document still to be
    made (unless what is to be made are rules under it)."""
    while (run := TITLE_RUN.search(text, max(0, start - 160), start)) and run.end() == start:
        start = run.start()
    before = text[max(0, start - DRAFTING_WINDOW):start]
    return not FORM.search(title) and (not TO_BE_MADE.search(before) or bool(DERIVED.match(text, end)))


def find_references(text: str, exclude: list[str]) -> list[Reference]:
    """Documents cited in a document's text, each once, in order of first citation."""
    skip = {normal_title(t) for t in exclude}
    skip |= {normal_title(t) for t in ABBREVIATION.findall(text)}
    skip |= {normal_title(t) for t in ATTACHMENT.findall(text)}
    seen: dict[str, Reference] = {}
    for match in CITED.finditer(text):
        title, key = re.sub(r"\s", "", match.group("title")), normal_title(match.group("title"))
        number = re.sub(r"\s", "", match.group("number")) if match.group("number") else None
        if key in skip or PLACEHOLDER.search(title) or not (number or cited(text, match.start(), match.end(), title)):
            continue
        if key in seen:
            if number and not seen[key].doc_number:
                seen[key] = Reference(title=title, doc_number=number)
            continue
        seen[key] = Reference(title=title, doc_number=number)
    return list(seen.values())
