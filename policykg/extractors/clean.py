"""Stage 2, clean: undo PDF-extraction and markup damage line by line, keeping line numbers and pages.

Each step is a named callable on one line's text (eyecite's habit); page markers are consumed
here and become the `page` of the lines that follow them.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from policykg.extractors.load import RawText
from policykg.schema import Line, SourceText

PAGE_MARKER = re.compile(r"^\s*#\s*Page\s*(\d+)\s*:\s*$")
URL_LINE = re.compile(r"^\s*<?https?://\S+>?\s*$")
MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
MD_BULLET = re.compile(r"^\s*[-*+]\s*(?=[（(〔\[【一二三四五六七八九十\d])")
# whitespace survives only between two ASCII letters/digits ("Neo4j 5"); "2023 年5 月" -> "2023年5月"
INNER_SPACE = re.compile(r"(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])")


def strip_markdown(text: str) -> str:
    text = MD_HEADING.sub("", text)
    text = MD_BULLET.sub("", text)
    return text.replace("**", "").replace("__", "")


def drop_url(text: str) -> str:
    return "" if URL_LINE.match(text) else text


def squeeze_spaces(text: str) -> str:
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    return INNER_SPACE.sub("", text).strip()


CLEANERS: list[Callable[[str], str]] = [drop_url, strip_markdown, squeeze_spaces]


def clean_line(text: str) -> str:
    for step in CLEANERS:
        text = step(text)
    return text


def clean(raw: RawText) -> SourceText:
    """Raw text to non-empty cleaned lines with 1-based line numbers and the current PDF page."""
    page: int | None = None
    lines: list[Line] = []
    for number, text in enumerate(raw.text.splitlines(), start=1):
        marker = PAGE_MARKER.match(text)
        if marker:
            page = int(marker.group(1))
            continue
        cleaned = clean_line(text)
        if cleaned:
            lines.append(Line(text=cleaned, line_no=number, page=page))
    return SourceText(path=raw.path, encoding=raw.encoding, lines=tuple(lines))
