"""PDFs: lines in reading order, each with its page and box; task tables as typed rows; scanned
pages through OCR.

Per page, pypdfium2 reads the text (its segments grouped into lines by position) unless the page
needs pdfplumber: one holding tables or ruling lines (path objects), text drawn twice (fake-bold
fonts, whose doubled characters pdfplumber's dedupe_chars removes) or glyphs without a Unicode
mapping. A page without text goes through OCR (options.ocr: "auto" only such pages holding an
image, "always" every page, "never" none). Page furniture is dropped as for every laid-out page
(layout.py); pdfplumber's pages are read in plumber.py, watermarks told apart in watermarks.py.
"""
from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.layout import (
    Box,
    Item,
    Piece,
    group_lines,
    render,
    unspaced,
)
from policykg.extractors.readers.plumber import plumbed
from policykg.extractors.readers.watermarks import SLANT, faint
from policykg.schema import SourceText

CID = re.compile(r"\(cid:\d+\)")
MAX_CID_SHARE = 0.02
WORD_GAP = 3.0  # points between two runs of a line that make a space (pdfplumber's x_tolerance)
DOUBLED = 1.0  # points within which two text objects drawing the same run are a fake-bold pair
PAGES_PER_CHUNK = 25  # pdfplumber pages per batch of parallel work


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


def upright(rotation: int, width: float, height: float):
    """The map of a box (left, bottom, right, top in PDF space) to (x0, top, x1, bottom) on the
    page turned clockwise by `rotation` degrees (0, 90, 180, 270), as pdfminer turns a /Rotate page."""
    def corner(x: float, y: float) -> tuple[float, float]:
        return {0: (x, height - y), 90: (y, x), 180: (width - x, y), 270: (height - y, width - x)}[rotation]

    def turn(box) -> Box:
        (a, b), (c, d) = corner(box[0], box[1]), corner(box[2], box[3])
        return min(a, c), min(b, d), max(a, c), max(b, d)
    return turn


def spread(textpage, first: int, run: str) -> str:
    """A run without the spaces pdfium generates between characters set apart evenly (letter
    spacing, justified lines, each character a text object of its own): layout.unspaced."""
    if not any(char == " " and pdfium_c.FPDFText_IsGenerated(textpage, first + i)
                                 for i, char in enumerate(run)):
        return run
    boxes = [textpage.get_charbox(first + i, loose=True) for i, char in enumerate(run) if char != " "]
    return unspaced(run, [max(b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3]) for a, b in zip(boxes, boxes[1:])])


def angle(textpage, index: int) -> int:
    """The clockwise turn (degrees) that makes a character upright, -1 when it is not a quarter."""
    radians = pdfium_c.FPDFText_GetCharAngle(textpage, index)
    if not radians:
        return 0
    degrees = math.degrees(radians)
    quarter = round(degrees / 90) * 90
    return (360 - quarter) % 360 if abs(degrees - quarter) < SLANT else -1


def runs(textpage) -> list[tuple[int, str, int]]:
    """(index of its first character, text, angle) of each run of the page's text."""
    text, start, found = textpage.get_text_range(), 0, []
    for run in text.split("\r\n"):
        if run.strip():
            found.append((start, run, angle(textpage, start)))
        start += len(run) + 2
    return found


def reading_turn(pieces: list[tuple[int, str, int]]) -> int | None:
    """The clockwise turn under which most of a page's runs stand upright (None: no text)."""
    weights = Counter()
    for _, run, turn in pieces:
        weights[turn] += len(run)
    weights.pop(-1, None)
    return weights.most_common(1)[0][0] if weights else None


def segments(textpage, pieces: list[tuple[int, str, int]], width: float, height: float, turn: int) -> list[Piece] | None:
    """The text runs of a page with their boxes on the page turned by `turn` degrees (so that its
    text stands upright); text standing otherwise (a diagonal stamp) or faint (a light watermark)
    left out. None when a glyph has no Unicode mapping."""
    found, turned = [], upright(turn, width, height)
    red, green, blue, alpha = colour = [ctypes.c_uint() for _ in range(4)]
    pointers = [ctypes.byref(c) for c in colour]
    for first, run, slant in pieces:
        last = first + len(run) - 1
        if pdfium_c.FPDFText_HasUnicodeMapError(textpage, first):
            return None
        pdfium_c.FPDFText_GetFillColor(textpage, first, *pointers)
        if slant != turn or faint(red.value, green.value, blue.value, alpha.value, 255):
            continue
        if " " in run:
            run = spread(textpage, first, run)
        if turn:
            (a, b, _, _), (_, _, c, d) = textpage.get_charbox(first, loose=True), textpage.get_charbox(last, loose=True)
            box = turned((min(a, c), min(b, d), max(a, c), max(b, d)))
        else:
            x0, bottom, _, _ = textpage.get_charbox(first, loose=True)
            x1 = textpage.get_charbox(last, loose=True)[2]
            size = pdfium_c.FPDFText_GetFontSize(textpage, first)  # a line is one font size high, as in pdfminer
            box = (x0, height - bottom - size, x1, height - bottom)
        found.append(Piece(box, run))
    return found


class PageReading:
    """How one page reads: `way` is "pdfium" (its items read here), "plumber" or "ocr" (read later,
    possibly in parallel: slow_pages); how many images it holds; `turn`, for pdfplumber, the /Rotate
    under which its text stands upright when the page's own differs (content drawn sideways)."""

    def __init__(self, page, ocr: str) -> None:
        objects = list(page_objects(page))
        kinds = {kind for kind, _ in objects}
        self.images = sum(kind == pdfium_c.FPDF_PAGEOBJ_IMAGE for kind, _ in objects)
        self.items: list[Item] | None = None
        self.way, self.turn = "plumber", None
        if ocr == "always" or (ocr == "auto" and self.images and pdfium_c.FPDF_PAGEOBJ_TEXT not in kinds):
            self.way = "ocr"
            return
        textpage, rotation = page.get_textpage(), page.get_rotation()
        pieces = runs(textpage)
        turn = reading_turn(pieces)
        if pdfium_c.FPDF_PAGEOBJ_PATH not in kinds and \
                not doubled([handle for kind, handle in objects if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]):
            width, height = page.get_size()[::-1 if rotation in (90, 270) else 1]
            found = segments(textpage, pieces, width, height, turn or 0)
            if found is not None:
                self.items, self.way = group_lines(found, WORD_GAP), "pdfium"
        if self.way == "plumber" and turn not in (None, rotation):
            self.turn = turn


def open_pdf(path: Path, password: str | None):
    try:
        return pdfium.PdfDocument(path, password=password or None)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PolicyKGError("E201", str(path)) from None
        raise PolicyKGError("E204", str(path), reason=str(exc).split("(")[-1].rstrip(").")) from None


def damaged(path: Path, exc: Exception) -> PolicyKGError:
    """A library's error on a damaged file as a coded error (coded errors pass through)."""
    return exc if isinstance(exc, PolicyKGError) else PolicyKGError("E204", str(path), reason=type(exc).__name__)


def plumber_pages(path: Path, password: str | None, turns: dict[int, int | None]) -> dict[int, list[Item]]:
    """Pages (0-based index: the /Rotate it needs, or None) read by pdfplumber; from the copy
    pypdfium2 rebuilds (as viewers repair a file) when pdfminer cannot find them all through a broken
    cross-reference table, or when a page's text must be turned upright."""
    if not turns:
        return {}
    indexes, needed = list(turns), {index: turn for index, turn in turns.items() if turn is not None}
    try:
        found = {} if needed else plumbed(path, password, indexes)
    except Exception:
        found = {}
    return found if len(found) == len(indexes) else plumbed(rebuilt(path, password, needed), password, indexes)


def rebuilt(path: Path, password: str | None, turns: dict[int, int]) -> BytesIO:
    """The PDF as pypdfium2 reads it, saved again with a new cross-reference table, the pages of
    `turns` given that /Rotate."""
    document, copy = open_pdf(path, password), BytesIO()
    try:
        for index, turn in turns.items():
            document[index].set_rotation(turn)
        document.save(copy)
    finally:
        document.close()
    copy.seek(0)
    return copy


def ocr_pages(path: Path, password: str | None, indexes: list[int]) -> dict[int, list[Item]]:
    """Pages (0-based indexes) read by OCR."""
    from policykg.extractors.readers.ocr import ocr_page

    if not indexes:
        return {}
    document = open_pdf(path, password)
    try:
        return {index: ocr_page(document[index], str(path)) for index in indexes}
    finally:
        document.close()


def slow_pages(path: Path, password: str | None, pages: list[tuple[int, str, int | None]]) -> dict[int, list[Item]]:
    """Items of the pages that pdfplumber or OCR reads: (0-based index, way, turn) each."""
    try:
        found = plumber_pages(path, password, {i: turn for i, way, turn in pages if way == "plumber"})
        return found | ocr_pages(path, password, [i for i, way, _ in pages if way == "ocr"])
    except Exception as exc:
        raise damaged(path, exc) from None


def readings(path: Path, password: str | None, ocr: str) -> list[PageReading]:
    """Every page's reading (pypdfium2 pages read at once, the others marked)."""
    document = open_pdf(path, password)
    try:
        return [PageReading(page, ocr) for page in document]
    except Exception as exc:
        raise damaged(path, exc) from None
    finally:
        document.close()


def batches(pages: list[tuple[int, str, int | None]]) -> list[list[tuple[int, str, int | None]]]:
    """pdfplumber's pages in batches of PAGES_PER_CHUNK, then the OCR pages as one batch (the OCR
    engine spreads one page over every CPU itself)."""
    plumbed = [page for page in pages if page[1] == "plumber"]
    scanned = [page for page in pages if page[1] == "ocr"]
    return [plumbed[a:a + PAGES_PER_CHUNK] for a in range(0, len(plumbed), PAGES_PER_CHUNK)] + \
        ([scanned] if scanned else [])


def check_glyphs(text: str, path: str) -> None:
    unmapped = len(CID.findall(text))
    if unmapped and unmapped * 6 > MAX_CID_SHARE * max(1, len(text)):
        raise PolicyKGError("E203", path, count=unmapped)


def read_pdf(path: Path, options: ReadOptions) -> SourceText:
    """A PDF's lines; coded errors for encrypted, damaged and textless files. Pages that pdfplumber
    reads go in batches to `jobs` processes when jobs > 1, OCR pages are read here (the engine uses
    every CPU); tables are still joined across pages."""
    pages = readings(path, options.password, options.ocr)
    work = batches([(i, page.way, page.turn) for i, page in enumerate(pages) if page.items is None])
    plumbed = [batch for batch in work if batch[0][1] == "plumber"]
    if options.jobs > 1 and len(plumbed) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            done = list(pool.map(slow_pages, *zip(*[(path, options.password, batch) for batch in plumbed])))
        work = [batch for batch in work if batch[0][1] == "ocr"]
    else:
        done = []
    done += [slow_pages(path, options.password, batch) for batch in work]
    read = {index: items for part in done for index, items in part.items()}
    lines = render([page.items if page.items is not None else read[i] for i, page in enumerate(pages)],
                   list(range(1, len(pages) + 1)))
    if not any(line.text.strip() for line in lines):
        images = sum(page.images for page in pages)
        raise PolicyKGError(("E202" if options.ocr == "never" else "E206") if images else "E205", str(path))
    check_glyphs("".join(line.text for line in lines), str(path))
    return SourceText(path=str(path), encoding="pdf", lines=tuple(lines))


def page_count(path: Path, password: str | None = None) -> int:
    document = open_pdf(path, password)
    try:
        return len(document)
    finally:
        document.close()
