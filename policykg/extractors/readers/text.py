"""Plain text and markdown: bytes decoded (UTF-8, UTF-16, GB18030), "# Page N:" markers of
PDF-extracted volumes turned into the page of the lines after them, markdown front matter read
as metadata, task tables with tab-separated cells as typed rows (tabbed.py). Line numbers are the
file's own."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions, read_bytes
from policykg.extractors.readers.tabbed import typed_lines
from policykg.schema import Line, SourceText

PAGE_MARKER = re.compile(r"^\s*#\s*Page\s*(\d+)\s*:\s*$")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
FIELD = re.compile(r"^\s*([^:：#\s][^:：]{0,20})\s*[:：]\s*(.+?)\s*$")


PLAUSIBLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\s\u2014-\u2026《》]")


def plausible(text: str) -> bool:
    """Whether decoded text reads as Chinese or ASCII (not bytes forced into some encoding)."""
    return len(PLAUSIBLE.findall(text)) >= 0.8 * len(text)


def as_utf16(data: bytes) -> str | None:
    """UTF-16 text, with a byte-order mark or without one; the decoding that reads as text wins."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:  # without a mark, only when NUL bytes show it (the high byte of ASCII characters)
        candidates = ["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 and b"\x00" in data else []
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            return text
    return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Bytes to text and the encoding used; coded errors naming the file."""
    if not data.strip():
        raise PolicyKGError("E001", path)
    utf16 = as_utf16(data)
    if utf16 is not None:
        return utf16, "utf-16"
    if b"\x00" in data:
        raise PolicyKGError("E002", path)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise PolicyKGError("E003", path, offset=utf8_error.start) from None


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Metadata fields of a leading "---" block (YAML-like "key: value") and the lines it spans."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    fields = dict(m.groups() for m in map(FIELD.match, match.group(1).splitlines()) if m)
    return {k: v.strip("'\"") for k, v in fields.items()}, match.group(0).count("\n")


def text_lines(text: str, path: str, skip: int = 0) -> tuple[Line, ...]:
    """Lines with their 1-based numbers and the page of the last marker above them."""
    page: int | None = None
    lines: list[Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        marker = PAGE_MARKER.match(raw)
        if marker:
            page = int(marker.group(1))
        elif number > skip:
            lines.append(Line(text=raw, line_no=number, page=page))
    return tuple(lines)


def source_from_text(text: str, path: str, encoding: str = "utf-8") -> SourceText:
    """A text already in memory as a source (also used for text given without a file)."""
    metadata, skip = front_matter(text)
    lines = text_lines(text, path, skip)
    if "\t" in text:
        lines = typed_lines(lines)
    return SourceText(path=path, encoding=encoding, lines=lines, metadata=metadata)


def read_text(path: Path, options: ReadOptions) -> SourceText:
    """Read one .txt/.md file."""
    text, encoding = decode(read_bytes(path), str(path))
    return source_from_text(text, str(path), encoding)
