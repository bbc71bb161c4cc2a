"""Stage 4a, parse the head of a document: title, 文号, issue date, issuers, 主送 recipients and
enclosed titles, and where the body text starts."""
from __future__ import annotations

import datetime as dt
import re

from policykg.extractors.recognise import date_line
from policykg.extractors.segment import HEADING_START, Segment
from policykg.extractors.units import split_units
from policykg.lexicon.official import (
    CC,
    DATE_PAREN_END,
    DOC_NUMBER,
    ISSUER_END,
    ISSUER_START,
    ISSUER_WORD,
    ITEM_NUMBER,
    PRINTED,
    SEAL_NOTE,
    any_date,
    arabic_dates,
    make_date,
)
from policykg.schema.models import Model

MAX_RECIPIENT_LINES = 10
MAX_RECIPIENT_CHARS = 240
NOT_RECIPIENTS = re.compile(r"如下|^(为|根据|按照|经|现将|现就|近日|各位)|。")
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
    return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def split_heading(segment: Segment) -> tuple[str | None, dt.date | None]:
    text = "".join(line.text for line in segment.heading)
    if segment.number is not None and text:
        text = HEADING_START.match(text).group(2)
    paren = DATE_PAREN_END.search(text)
    issued = to_date(paren) if paren else None
    title = text[:paren.start()] if paren else text
    return (title or None), issued


def split_issuers(text: str) -> list[str]:
    """Joint issuers written together: "四川省人民政府办公厅重庆市人民政府办公厅" -> two bodies."""
    names, start = [], 0
    for end in ISSUER_WORD.finditer(text):
        if end.end() < len(text) and ISSUER_START.match(text, end.end()):
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


# a title with its 文号 after it, or introduced by 根据/按照/依据, is cited by the notice
CITED_AFTER = re.compile(r"[（(]" + DOC_NUMBER.pattern + r"[）)]")
CITING_BEFORE = re.compile(r"(?:根据|按照|依据|依照|落实|贯彻)$")


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
            if CITED_AFTER.match(sentence, match.end()) or CITING_BEFORE.search(sentence[:match.start()]):
                continue  # "根据《X》（文号）要求…": a document cited, not the one issued
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


MAX_SIGNATURE_LINES = 4
SIGNATURE_WINDOW = 80
PROSE = re.compile(r"[，。；：,;:！？]")


def signers(lines: list[str]) -> list[str]:
    """The issuers signed in the lines just above a date: lines without punctuation, seal notes
    （…代章） taken off (over lines too), a name wrapped over two lines joined."""
    block: list[str] = []
    for text in reversed(lines[-MAX_SIGNATURE_LINES:]):
        if PROSE.search(text) or ITEM_NUMBER.match(text):
            break
        block.insert(0, text)
    names, pending = [], ""
    for text in SEAL_NOTE.sub("", "\n".join(block)).split("\n"):
        pending += text
        if ISSUER_END.search(pending):
            names += split_issuers(pending)
            pending = ""
    return names


def signature(lines: list[str]) -> tuple[dt.date | None, list[str]]:
    """The 成文日期: the first date standing alone on a line (Arabic or Chinese numerals, near the top
    as a notice has it, else anywhere), and the issuers signed above it or glued before it."""
    for window in (lines[:SIGNATURE_WINDOW], lines):
        for index, text in enumerate(window):
            match = date_line(text)
            if match:
                above = [match.group("name")] if match.group("name") else lines[:index]
                return any_date(match.group("date")), signers(above)
    return None, []


FOOTER_LINES = 8
LIST_SEPARATORS = ("，", "、", ",", "；", ";")


def copied_to(texts: list[str], index: int) -> str:
    """The 抄送 list starting on line `index`, over the next lines while it reads unfinished: the
    line ends with a separator, or the next line closes the list with "。"."""
    listed = CC.match(texts[index]).group(1)
    for more in texts[index + 1:]:
        if PRINTED.search(arabic_dates(more)) or CC.match(more):
            break
        if not (listed.endswith(LIST_SEPARATORS) or more.endswith("。")):
            break
        listed += more
        if listed.endswith("。"):
            break
    return listed.rstrip("。")


def footer(texts: list[str]) -> tuple[list[str], dt.date | None, int | None]:
    """The 版记 at the foot of an official document: 抄送 units, the 印发 date, and where it starts."""
    cc, printed, start = [], None, None
    for index in range(max(0, len(texts) - FOOTER_LINES), len(texts)):
        issued = PRINTED.search(arabic_dates(texts[index]))
        if CC.match(texts[index]):
            cc, start = split_units(copied_to(texts, index)), min(start or index, index)
        if issued:
            printed, start = to_date(issued), min(start if start is not None else index, index)
    return cc, printed, start


ISSUER_LIST = re.compile(r"[\s、，,；;]+")


def metadata_number(metadata: dict[str, str]) -> str | None:
    match = DOC_NUMBER.search(metadata.get("发文字号", ""))
    return re.sub(r"\s", "", match.group(0)) if match else None


def metadata_issuers(metadata: dict[str, str]) -> list[str]:
    """The 发文机关 field: names apart by spaces or 、, or written together."""
    return [name for part in ISSUER_LIST.split(metadata.get("发文机关", "")) if part for name in split_issuers(part)]


def metadata_date(metadata: dict[str, str]) -> dt.date | None:
    """成文日期, else 发布日期 (a web page's publication day, close to it)."""
    return any_date(metadata.get("成文日期", "")) or any_date(metadata.get("发布日期", ""))


def parse_header(segment: Segment) -> DocumentHeader:
    """The head of a document; what the text states wins, the source's metadata fills the rest."""
    title, issued = split_heading(segment)
    title = title or segment.metadata.get("标题")
    texts = [line.text for line in segment.body]
    doc_number, rest = read_doc_number(texts)
    glued = bool(doc_number) and len(rest) == len(texts)
    recipients, used = read_recipients(rest)
    signed, signed_by = signature(rest)
    issuers = issuers_from_title(title) if title else []
    marked = split_issuers(segment.issuer_mark) if segment.issuer_mark else []
    cc, printed, body_end = footer(texts)
    meta = segment.metadata
    return DocumentHeader(
        title=title, doc_number=doc_number or metadata_number(meta), issue_date=issued or signed or metadata_date(meta),
        cc=tuple(cc), printed_date=printed, body_end=body_end,
        issuers=tuple(issuers or marked or signed_by or metadata_issuers(meta)), recipients=tuple(recipients),
        enclosed_titles=tuple(enclosed_from_title(title) if title else ()),
        body_start=(1 if doc_number else 0) + used - (1 if glued and used else 0))
