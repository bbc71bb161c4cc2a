"""Laid-out pages (PDF, OFD, OCR) to lines: pieces of text with boxes grouped into lines by
position, page furniture dropped ("— 3 —", 第3页, a running title repeated at the head or foot
of most pages), tables read as typed rows (tables.py). A line's number is its position among
the lines the reader yields."""
from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from policykg.extractors.readers.tables import TableReader
from policykg.lexicon.official import PAGE_NUMBER_LINE
from policykg.schema import Line

RUNNING_SHARE = 0.5  # a head/foot line on at least this share of pages is a running title
LETTER_SLACK = 1.0  # points by which a gap may exceed a line's narrowest and still be letter spacing

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (top-down page coordinates)


class Item(NamedTuple):
    """A line of text or a table (rows of cells) on a page, with its box; OCR adds its confidence."""

    top: float
    content: str | list
    box: Box
    confidence: float | None = None


class Piece(NamedTuple):
    """A run of text on one line: a PDF text segment, an OFD text code, an OCR detection."""

    box: Box
    text: str
    confidence: float | None = None


def same_line(line: list[Piece], piece: Piece) -> bool:
    """Whether a piece's vertical middle lies within the line's first piece."""
    x0, top, x1, bottom = line[0].box
    middle = (piece.box[1] + piece.box[3]) / 2
    return top <= middle <= bottom


def as_line(pieces: list[Piece], gap: float | None) -> Item:
    """Pieces of one line, left to right, joined with a space where they stand further apart than
    `gap` (the line's height when None)."""
    pieces = sorted(pieces, key=lambda p: p.box[0])
    box = (min(p.box[0] for p in pieces), min(p.box[1] for p in pieces),
           max(p.box[2] for p in pieces), max(p.box[3] for p in pieces))
    limit = gap if gap is not None else box[3] - box[1]
    text = pieces[0].text
    for before, piece in zip(pieces, pieces[1:]):
        text += (" " if piece.box[0] - before.box[2] > limit else "") + piece.text
    scores = [p.confidence for p in pieces if p.confidence is not None]
    return Item(box[1], text, box, min(scores) if scores else None)


def unspaced(text: str, gaps: list[float]) -> str:
    """A line's text without the spaces standing where its characters are only letter-spaced
    (spacing, justified lines: Chinese has no spaces): a space stays where the gap between the
    characters beside it exceeds the line's narrowest gap by more than LETTER_SLACK points. `gaps`
    are those between the text's characters other than spaces, in order."""
    if not gaps or len(gaps) != len(text) - text.count(" ") - 1:
        return text
    usual, out, k = max(0.0, min(gaps)), [], -1
    for char in text:
        if char != " ":
            k += 1
        elif 0 <= k < len(gaps) and gaps[k] <= usual + LETTER_SLACK:
            continue
        out.append(char)
    return "".join(out)


def group_lines(pieces: list[Piece], gap: float | None = None) -> list[Item]:
    """Pieces grouped into lines by position, top to bottom."""
    lines: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p.box[1], p.box[0])):
        home = next((line for line in reversed(lines[-3:]) if same_line(line, piece)), None)
        if home is None:
            lines.append([piece])
        else:
            home.append(piece)
    return sorted((as_line(line, gap) for line in lines), key=lambda item: item.top)


def squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def furniture(pages: list[list[Item]]) -> set[str]:
    """Running titles: a text line standing first or last on most pages."""
    edges = Counter()
    for items in pages:
        texts = [i.content for i in items if isinstance(i.content, str) and i.content.strip()]
        for text in {texts[0], texts[-1]} if texts else ():
            edges[squeezed(text)] += 1
    needed = max(3, RUNNING_SHARE * len(pages))
    return {text for text, count in edges.items() if count >= needed}


def render(pages: list[list[Item]], numbers: list[int]) -> list[Line]:
    """Pages to lines with page, box and confidence, table rows as typed rows, furniture removed."""
    running = furniture(pages)
    reader = TableReader()
    out: list[Line] = []
    held = None  # the page on which the row the reader holds (which the next page may continue) began

    def emit(rows, page: int, box: Box | None) -> None:
        out.extend(Line(text=text, cells=cells, line_no=len(out) + 1, page=page, bbox=box) for text, cells in rows)

    for number, items in zip(numbers, pages):
        texts = [i for i, item in enumerate(items) if isinstance(item.content, str) and item.content.strip()]
        edges = {texts[0], texts[-1]} if texts else set()
        for index, item in enumerate(items):
            if isinstance(item.content, list):
                holding = reader.pending is not None
                rows = reader.rows_of(item.content)
                if holding and rows:  # the held row, completed here, began on an earlier page
                    emit(rows[:1], held, None)
                emit(rows[1:] if holding else rows, number, item.box)
                held = number if rows or not holding else held
                continue
            text = item.content.strip()
            if not text or PAGE_NUMBER_LINE.match(text) or (index in edges and squeezed(text) in running):
                continue
            emit(reader.flush(), held, None)
            out.append(Line(text=text, line_no=len(out) + 1, page=number, bbox=item.box,
                            confidence=item.confidence))
    emit(reader.flush(), held, None)
    return out
