"""Stage 4a, parse the head of a document: title, 文号, issue date, issuers, 主送 recipients and
enclosed titles, and where the body text starts."""
from __future__ import annotations

import datetime as dt
import re

from policykg.extractors.segment import HEADING_START, Segment
from policykg.extractors.units import split_units
from policykg.lexicon.official import DATE_LINE, DATE_PAREN_END, DOC_NUMBER
from policykg.schema.models import Model

MAX_RECIPIENT_LINES = 10
MAX_RECIPIENT_CHARS = 240
NOT_RECIPIENTS = re.compile(r"如下|^(为|根据|按照|经|现将|现就|近日|各位)|。")
ORG_END = re.compile(r"(?<!总)(厅|局|委|海关|政府|办公室|委员会|公司|法院|检察院|署|中心|小组)")
# a new body starts after an ORG_END: "…办公厅|重庆市人民政府办公厅", "…市委|扬州市人民政府"
ORG_START = re.compile(r"(中共|国家|国网|中国|[\u4e00-\u9fff]{1,5}?(省|市|州|自治区))[\u4e00-\u9fff]*?"
                       + ORG_END.pattern)
ENCLOSING = re.compile(r"(印发|转发)")
QUOTED = re.compile(r"《([^《》]+)》")


class DocumentHeader(Model):
    title: str | None = None
    cc: tuple[str, ...] = ()
    printed_date: dt.date | None = None
    body_end: int | None = None
    doc_number: str | None = None
    issue_date: dt.date | None = None
    issuers: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    enclosed_titles: tuple[str, ...] = ()
    body_start: int = 0


def to_date(match: re.Match) -> dt.date | None:
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def split_heading(segment: Segment) -> tuple[str | None, dt.date | None]:
    text = "".join(line.text for line in segment.heading)
    if segment.number is not None:
        text = HEADING_START.match(text).group(2)
    paren = DATE_PAREN_END.search(text)
    issued = to_date(paren) if paren else None
    title = text[:paren.start()] if paren else text
    return (title or None), issued


def split_issuers(text: str) -> list[str]:
    """Joint issuers written together: "四川省人民政府办公厅重庆市人民政府办公厅" -> two bodies."""
    names, start = [], 0
    for end in ORG_END.finditer(text):
        if end.end() < len(text) and ORG_START.match(text, end.end()):
            names.append(text[start:end.end()])
            start = end.end()
    return names + [text[start:]]


def issuers_from_title(title: str) -> list[str]:
    head = re.split(r"关于|印发|转发", title, maxsplit=1)
    if len(head) == 2 and 2 <= len(head[0]) <= 60:
        return split_issuers(head[0])
    return []


def enclosed_from_title(title: str) -> list[str]:
    """Titles a notice issues or forwards (印发/转发): the 《…》 parts, else the words before 的通知."""
    verb = ENCLOSING.search(title)
    if not verb:
        return []
    rest = title[verb.end():]
    quoted = QUOTED.findall(rest)
    if quoted:
        return quoted
    bare = re.sub(r"的(通知|决定|函)$", "", rest)
    return [bare] if bare and bare != rest else []


ISSUING = re.compile(r"印发给|印发你们|予以印发|现印发|转发给|现予印发|现将[^。]*印发")
RUN_JOINER = re.compile(r"[、和及与]?")
NOTICE_WINDOW = 600


def enclosed_from_notice(body: str) -> list[str]:
    """Titles the notice's own words issue: in the sentence that says 现印发给你们, the last run of
    adjacent 《…》 before the verb ("按照《X》…制定了《Y》，现印发给你们" issues Y, cites X)."""
    for sentence in re.findall(r"[^。]+。?", body[:NOTICE_WINDOW]):
        verb = ISSUING.search(sentence)
        if not verb:
            continue
        runs: list[list[str]] = []
        previous_end = None
        for match in QUOTED.finditer(sentence[:verb.end()]):
            adjacent = previous_end is not None and RUN_JOINER.fullmatch(sentence[previous_end:match.start()])
            if adjacent:
                runs[-1].append(match.group(1))
            else:
                runs.append([match.group(1)])
            previous_end = match.end()
        return runs[-1] if runs else []
    return []


def read_doc_number(lines: list[str]) -> tuple[str | None, list[str]]:
    """The 文号 on the first body line; text glued after it stays as a line of its own."""
    if not lines:
        return None, lines
    match = DOC_NUMBER.match(lines[0])
    if not match:
        return None, lines
    rest = lines[0][match.end():]
    return match.group(0), ([rest] if rest else []) + lines[1:]


def read_recipients(lines: list[str]) -> tuple[list[str], int]:
    """The 主送 line(s): text up to a closing colon within a few lines; returns units and lines used."""
    joined = ""
    for count, text in enumerate(lines[:MAX_RECIPIENT_LINES], start=1):
        joined += text
        if NOT_RECIPIENTS.search(joined) or len(joined) > MAX_RECIPIENT_CHARS:
            return [], 0
        if joined.endswith(("：", ":")):
            return split_units(joined[:-1]), count
    return [], 0


def signature(lines: list[str]) -> tuple[dt.date | None, list[str]]:
    """The first date standing alone on a line, and the issuer line(s) just above it."""
    for index, text in enumerate(lines):
        match = DATE_LINE.match(text)
        if match:
            above = lines[index - 1] if index else ""
            names = split_issuers(above) if above and not re.search(r"[，。；：]", above) else []
            return to_date(match), names
    return None, []


CC = re.compile(r"^抄送[：:](.+)$")
PRINTED = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日印发$")
FOOTER_LINES = 8


def footer(texts: list[str]) -> tuple[list[str], dt.date | None, int | None]:
    """The 版记 at the foot of an official document: 抄送 units, the 印发 date, and where it starts."""
    cc, printed, start = [], None, None
    for index in range(max(0, len(texts) - FOOTER_LINES), len(texts)):
        copied, issued = CC.match(texts[index]), PRINTED.search(texts[index])
        if copied:
            cc, start = split_units(copied.group(1).rstrip("。")), min(start or index, index)
        if issued:
            printed, start = to_date(issued), min(start if start is not None else index, index)
    return cc, printed, start


def parse_header(segment: Segment) -> DocumentHeader:
    title, issued = split_heading(segment)
    texts = [line.text for line in segment.body]
    doc_number, rest = read_doc_number(texts)
    glued = bool(doc_number) and len(rest) == len(texts)
    recipients, used = read_recipients(rest)
    signed, signers = signature(rest[:80])
    issuers = issuers_from_title(title) if title else []
    marked = split_issuers(segment.issuer_mark) if segment.issuer_mark else []
    cc, printed, body_end = footer(texts)
    return DocumentHeader(
        title=title, doc_number=doc_number, issue_date=issued or signed, cc=tuple(cc), printed_date=printed,
        body_end=body_end, issuers=tuple(issuers or marked or signers), recipients=tuple(recipients),
        enclosed_titles=tuple(enclosed_from_title(title) if title else ()),
        body_start=(1 if doc_number else 0) + used - (1 if glued and used else 0))
