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
PAGES_PER_CHUNK = 25  # pdfplumber pages per batch of parallel work


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
    """How one page reads: `way` is "pdfium" (its items read here), "plumber" or "ocr" (read later,
    possibly in parallel: slow_pages); how many images it holds."""

    def __init__(self, page, ocr: str) -> None:
        objects = list(page_objects(page))
        kinds = {kind for kind, _ in objects}
        self.images = sum(kind == pdfium_c.FPDF_PAGEOBJ_IMAGE for kind, _ in objects)
        self.items: list[Item] | None = None
        self.way = "plumber"
        if ocr == "always" or (ocr == "auto" and self.images and pdfium_c.FPDF_PAGEOBJ_TEXT not in kinds):
            self.way = "ocr"
        elif pdfium_c.FPDF_PAGEOBJ_PATH not in kinds and \
                not doubled([handle for kind, handle in objects if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]):
            pieces = segments(page.get_textpage(), page.get_height())
            if pieces is not None:
                self.items, self.way = group_lines(pieces, WORD_GAP), "pdfium"


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


def plumber_pages(path: Path, password: str | None, indexes: list[int]) -> dict[int, list[Item]]:
    """Pages (0-based indexes) read by pdfplumber."""
    import pdfplumber

    if not indexes:
        return {}
    with pdfplumber.open(path, password=password or "", pages=[i + 1 for i in indexes]) as pdf:
        return dict(zip(indexes, (plumber_lines(page) for page in pdf.pages)))


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


def slow_pages(path: Path, password: str | None, pages: list[tuple[int, str]]) -> dict[int, list[Item]]:
    """Items of the pages that pdfplumber or OCR reads: (0-based index, way) each."""
    try:
        found = plumber_pages(path, password, [i for i, way in pages if way == "plumber"])
        return found | ocr_pages(path, password, [i for i, way in pages if way == "ocr"])
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


def batches(pages: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
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
    work = batches([(i, page.way) for i, page in enumerate(pages) if page.items is None])
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
