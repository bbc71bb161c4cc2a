"""Stage 2, clean: undo PDF-extraction and markup damage line by line, keeping each line's
provenance (line number, page, box, part) and cells.

Each step is a named callable on one line's text (eyecite's habit); lines left empty are dropped.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from policykg.schema import SourceText

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


def clean(source: SourceText) -> SourceText:
    """The source with every line cleaned and empty lines dropped."""
    lines = []
    for line in source.lines:
        text = clean_line(line.text)
        if text:
            lines.append(line.model_copy(update={"text": text}) if text != line.text else line)
    return source.model_copy(update={"lines": tuple(lines)})
