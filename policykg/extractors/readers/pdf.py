"""PDFs: lines in reading order, each with its page and box; task tables as typed rows; scanned
pages through OCR.

Per page, pypdfium2 reads the text (its segments grouped into lines by position) unless the page
needs pdfplumber: one holding tables or ruling lines (path objects), text drawn twice (fake-bold
fonts, whose doubled characters pdfplumber's dedupe_chars removes) or glyphs without a Unicode
mapping. A page without text goes through OCR (options.ocr: "auto" only such pages holding an
image, "always" every page, "never" none). Page furniture is dropped as for every laid-out page
(layout.py).
"""
from __future__ import annotations

import ctypes
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.layout import Item, Piece, group_lines, render
from policykg.schema import SourceText

CID = re.compile(r"\(cid:\d+\)")
MAX_CID_SHARE = 0.02
WORD_GAP = 3.0  # points between two runs of a line that make a space (pdfplumber's x_tolerance)
DOUBLED = 1.0  # points within which two text objects drawing the same run are a fake-bold pair
PAGES_PER_CHUNK = 25


def plumber_lines(page) -> list[Item]:
    """Items of a page read by pdfplumber: text lines outside tables, and tables, in reading order."""
    page = page.dedupe_chars()
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        return not any(x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and obj["bottom"] <= bottom
                       for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    items = [Item(line["top"], line["text"], (line["x0"], line["top"], line["x1"], line["bottom"]))
             for line in text_page.extract_text_lines()]
    items += [Item(t.bbox[1], t.extract(), tuple(t.bbox)) for t in tables]
    return sorted(items, key=lambda item: item.top)


def page_objects(parent, count=pdfium_c.FPDFPage_CountObjects, get=pdfium_c.FPDFPage_GetObject):
    """(kind, raw handle) of every object on a page, those inside form XObjects included."""
    for index in range(count(parent)):
        handle = get(parent, index)
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from page_objects(handle, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject)
        else:
            yield kind, handle


def corner(handle) -> tuple[float, float]:
    """The (bottom, left) corner of an object's bounds."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top)
    return bottom.value, left.value


def doubled(text_objects: list) -> bool:
    """Whether two text objects stand at (nearly) the same place: fake bold."""
    corners = sorted(map(corner, text_objects))
    return any(abs(a[0] - b[0]) < DOUBLED and abs(a[1] - b[1]) < DOUBLED for a, b in zip(corners, corners[1:]))


def segments(textpage, height: float) -> list[Piece] | None:
    """The text runs of a page with their boxes; None when a glyph has no Unicode mapping."""
    text = textpage.get_text_range()
    pieces, start = [], 0
    for run in text.split("\r\n"):
        first, last = start, start + len(run) - 1
        start += len(run) + 2
        if not run.strip():
            continue
        if pdfium_c.FPDFText_HasUnicodeMapError(textpage, first):
            return None
        x0, bottom, _, _ = textpage.get_charbox(first, loose=True)
        x1 = textpage.get_charbox(last, loose=True)[2]
        size = pdfium_c.FPDFText_GetFontSize(textpage, first)  # a line is one font size high, as in pdfminer
        pieces.append(Piece((x0, height - bottom - size, x1, height - bottom), run))
    return pieces


class PageReading:
    """How one page reads: its items from pypdfium2, or None when pdfplumber must read it; whether it
    holds images."""

    def __init__(self, page, ocr: str, path: str) -> None:
        objects = list(page_objects(page))
        kinds = {kind for kind, _ in objects}
        self.images = sum(kind == pdfium_c.FPDF_PAGEOBJ_IMAGE for kind, _ in objects)
        self.items: list[Item] | None = None
        if ocr == "always" or (ocr == "auto" and self.images and pdfium_c.FPDF_PAGEOBJ_TEXT not in kinds):
            from policykg.extractors.readers.ocr import ocr_page

            self.items = ocr_page(page, path)
        elif pdfium_c.FPDF_PAGEOBJ_PATH not in kinds and \
                not doubled([handle for kind, handle in objects if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]):
            pieces = segments(page.get_textpage(), page.get_height())
            self.items = None if pieces is None else group_lines(pieces, WORD_GAP)


def open_pdf(path: Path, password: str | None):
    try:
        return pdfium.PdfDocument(path, password=password or None)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PolicyKGError("E201", str(path)) from None
        raise PolicyKGError("E204", str(path), reason=str(exc).split("(")[-1].rstrip(").")) from None


def plumber_pages(path: Path, password: str | None, indexes: list[int]) -> list[list[Item]]:
    """Pages (0-based indexes) read by pdfplumber."""
    import pdfplumber

    with pdfplumber.open(path, password=password or "", pages=[i + 1 for i in indexes]) as pdf:
        return [plumber_lines(page) for page in pdf.pages]


def read_pages(path: Path, options: ReadOptions, first: int, last: int) -> tuple[list, list[int], int]:
    """Items of pages first..last-1 (0-based), their page numbers, and how many images they hold."""
    document = open_pdf(path, options.password)
    try:
        readings = [PageReading(document[index], options.ocr, str(path)) for index in range(first, last)]
        slow = [first + i for i, reading in enumerate(readings) if reading.items is None]
        by_plumber = dict(zip(slow, plumber_pages(path, options.password, slow))) if slow else {}
    except PolicyKGError:
        raise
    except Exception as exc:
        raise PolicyKGError("E204", str(path), reason=type(exc).__name__) from None
    finally:
        document.close()
    pages = [reading.items if reading.items is not None else by_plumber[first + i]
             for i, reading in enumerate(readings)]
    return pages, list(range(first + 1, last + 1)), sum(reading.images for reading in readings)


def check_glyphs(text: str, path: str) -> None:
    unmapped = len(CID.findall(text))
    if unmapped and unmapped * 6 > MAX_CID_SHARE * max(1, len(text)):
        raise PolicyKGError("E203", path, count=unmapped)


def read_pdf(path: Path, options: ReadOptions) -> SourceText:
    """A PDF's lines; coded errors for encrypted, damaged and textless files. With jobs > 1 the
    pages are read in parallel (in chunks); tables are still joined across pages."""
    total = page_count(path, options.password)
    chunks = [(first, min(first + PAGES_PER_CHUNK, total)) for first in range(0, total, PAGES_PER_CHUNK)]
    if options.jobs > 1 and len(chunks) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            parts = list(pool.map(read_pages, *zip(*[(path, options, a, b) for a, b in chunks])))
    else:
        parts = [read_pages(path, options, a, b) for a, b in chunks]
    pages = [page for part in parts for page in part[0]]
    numbers = [number for part in parts for number in part[1]]
    images = sum(part[2] for part in parts)
    lines = render(pages, numbers)
    if not any(line.text.strip() for line in lines):
        raise PolicyKGError(("E202" if options.ocr == "never" else "E206") if images else "E205", str(path))
    check_glyphs("".join(line.text for line in lines), str(path))
    return SourceText(path=str(path), encoding="pdf", lines=tuple(lines))


def page_count(path: Path, password: str | None = None) -> int:
    document = open_pdf(path, password)
    try:
        return len(document)
    finally:
        document.close()
