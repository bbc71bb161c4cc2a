"""Stage 3, segment: a compiled volume into its documents.

A volume has region headers (七、西南), province headers (（一）四川) and numbered documents whose
heading runs over one to several lines and ends with the issue date in brackets:
"3. 眉山市人民政府办公室关于印发《…》的通知（2023 年6 月1 日）". A single document is read
by the recogniser (recognise.py), whatever its layout.
"""
from __future__ import annotations

import re

from policykg.extractors.recognise import has_official_head, recognise
from policykg.lexicon.official import (
    DATE_PAREN_END,
    DOC_NUMBER_LINE,
    FULL_DATE,
    TITLE_WORDS,
)
from policykg.schema import Line, SourceText
from policykg.schema.models import Model

REGIONS = "华北|东北|华东|华中|华南|西南|西北"
PROVINCES = (
    "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾")
REGION_LINE = re.compile(rf"^[一二三四五六七八九十]+、({REGIONS})(?:地区)?$")
PROVINCE_LINE = re.compile(rf"^[（(][一二三四五六七八九十]+[）)]({PROVINCES})$")
HEADING_START = re.compile(r"^(\d{1,3})[.．、](?!\d)(.*)$")
MAX_HEADING_LINES = 10
MAX_HEADING_CHARS = 160


class Segment(Model):
    """One document's lines: the heading (title and date) and the rest, with its volume context."""

    path: str
    number: str | None = None
    issuer_mark: str | None = None  # 公文 header "XX人民政府文件"
    heading: tuple[Line, ...]
    body: tuple[Line, ...]
    region: str | None = None
    province: str | None = None
    metadata: dict[str, str] = {}  # 标题/发文机关/发文字号/成文日期/发布日期… the source states apart from the text


def heading_end(lines: tuple[Line, ...], start: int) -> int | None:
    """Index of the heading's last line when a document heading starts at `start`, else None."""
    match = HEADING_START.match(lines[start].text)
    if not match:
        return None
    joined = match.group(2)
    for end in range(start, min(start + MAX_HEADING_LINES, len(lines))):
        if end > start:
            if HEADING_START.match(lines[end].text):
                return None  # a list of numbered items, or a later heading: not this one
            joined += lines[end].text
        if "。" in joined or "；" in joined or len(joined) > MAX_HEADING_CHARS:
            return None
        if FULL_DATE.search(DATE_PAREN_END.sub("", joined)):
            return None  # a signature date: the heading cannot run past it
        if DATE_PAREN_END.search(joined) and TITLE_WORDS.search(joined):
            return end
        following = lines[end + 1].text if end + 1 < len(lines) else ""
        if joined and DOC_NUMBER_LINE.match(following) and TITLE_WORDS.search(joined):
            return end
    return None


def segment(source: SourceText) -> list[Segment]:
    """Split a volume into document segments; a file without numbered headings, or one that opens
    as an official document, is one document."""
    if has_official_head(source):
        return single_document(source)
    lines = source.lines
    starts: list[tuple[int, int]] = []  # (first heading line, last heading line)
    context: dict[int, tuple[str | None, str | None]] = {}
    boundaries: set[int] = set()
    region = province = None
    i = 0
    while i < len(lines):
        text = lines[i].text
        if REGION_LINE.match(text):
            region, province = REGION_LINE.match(text).group(1), None
            boundaries.add(i)
        elif PROVINCE_LINE.match(text):
            province = PROVINCE_LINE.match(text).group(1)
            boundaries.add(i)
        else:
            end = heading_end(lines, i)
            if end is not None:
                starts.append((i, end))
                context[i] = (region, province)
                i = end + 1
                continue
        i += 1
    if not starts:
        return single_document(source)
    segments = []
    for k, (first, last) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        stop = min([b for b in boundaries if last < b < stop], default=stop)
        region, province = context[first]
        segments.append(Segment(
            path=source.path, number=HEADING_START.match(lines[first].text).group(1),
            heading=lines[first:last + 1], body=lines[last + 1:stop], region=region, province=province))
    return segments


def single_document(source: SourceText) -> list[Segment]:
    """The whole file as one document when the recogniser finds one in it (GB/T 9704 elements,
    metadata, or a title with a 文号 or a date)."""
    layout = recognise(source)
    if layout is None:
        return []
    return [Segment(path=source.path, issuer_mark=layout.issuer_mark, heading=layout.title, body=layout.body,
                    metadata=layout.fields)]
