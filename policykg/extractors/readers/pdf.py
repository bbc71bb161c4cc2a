"""PDFs (pdfplumber): lines in reading order, each with its page and box; task tables as typed rows.

Per page: doubled characters of fake-bold fonts removed (dedupe_chars), tables read as rows with
column roles (tables.py), text outside them in reading order, page furniture dropped ("— 3 —",
第3页, a running title repeated at the head or foot of most pages). A line's number is its
position among the lines the reader yields.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.tables import TableReader
from policykg.schema import Line, SourceText

PAGE_NUMBER = re.compile(r"^[—\-－–\s]*(第\s*)?\d{1,4}(\s*页)?([/／]\s*\d{1,4})?[—\-－–\s]*$")
CID = re.compile(r"\(cid:\d+\)")
MAX_CID_SHARE = 0.02
RUNNING_SHARE = 0.5  # a head/foot line on at least this share of pages is a running title


Box = tuple[float, float, float, float]
Item = tuple[float, str | list, Box]


def page_lines(page) -> list[Item]:
    """(top, text line, box) and (top, table, box) items of one page, in reading order."""
    page = page.dedupe_chars()
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        return not any(x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and obj["bottom"] <= bottom
                       for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    items: list[Item] = [(line["top"], line["text"], (line["x0"], line["top"], line["x1"], line["bottom"]))
                         for line in text_page.extract_text_lines()]
    items += [(t.bbox[1], t.extract(), tuple(t.bbox)) for t in tables]
    return sorted(items, key=lambda item: item[0])


def furniture(pages: list[list[Item]]) -> set[str]:
    """Running titles: a text line standing first or last on most pages."""
    edges = Counter()
    for items in pages:
        texts = [t for _, t, _ in items if isinstance(t, str) and t.strip()]
        for text in {texts[0], texts[-1]} if texts else ():
            edges[re.sub(r"\s", "", text)] += 1
    needed = max(3, RUNNING_SHARE * len(pages))
    return {text for text, count in edges.items() if count >= needed}


def render(pages: list[list[Item]], numbers: list[int]) -> list[Line]:
    """Pages to lines with page and box, table rows as typed rows, furniture removed."""
    running = furniture(pages)
    reader = TableReader()
    out: list[Line] = []

    def emit(rows, page: int, box: Box | None) -> None:
        out.extend(Line(text=text, cells=cells, line_no=len(out) + 1, page=page, bbox=box) for text, cells in rows)

    for number, items in zip(numbers, pages):
        texts = [i for i, (_, item, _) in enumerate(items) if isinstance(item, str) and item.strip()]
        edges = {texts[0], texts[-1]} if texts else set()
        for index, (_, item, box) in enumerate(items):
            if isinstance(item, list):
                emit(reader.rows_of(item), number, box)
                continue
            text = item.strip()
            if not text or PAGE_NUMBER.match(text) or (index in edges and re.sub(r"\s", "", text) in running):
                continue
            emit(reader.flush(), number, None)
            out.append(Line(text=text, line_no=len(out) + 1, page=number, bbox=box))
    emit(reader.flush(), numbers[-1] if numbers else None, None)
    return out


def check_glyphs(text: str, path: str) -> None:
    unmapped = len(CID.findall(text))
    if unmapped and unmapped * 6 > MAX_CID_SHARE * max(1, len(text)):
        raise PolicyKGError("E203", path, count=unmapped)


def open_pdf(path: Path, password: str | None):
    try:
        return pdfplumber.open(path, password=password or "")
    except PDFPasswordIncorrect:
        raise PolicyKGError("E201", str(path)) from None
    except Exception as exc:  # pdfplumber wraps pdfminer's many errors for damaged files
        if any(isinstance(arg, PDFPasswordIncorrect) for arg in exc.args):
            raise PolicyKGError("E201", str(path)) from None
        reason = type(exc.args[0]).__name__ if exc.args and isinstance(exc.args[0], Exception) else type(exc).__name__
        raise PolicyKGError("E204", str(path), reason=reason) from None


PAGES_PER_CHUNK = 25


def read_pages(path: Path, password: str | None, first: int, last: int) -> tuple[list, list[int], int]:
    """Items of pages first..last-1 (0-based), their page numbers, and how many images they hold."""
    with open_pdf(path, password) as pdf:
        try:
            selected = pdf.pages[first:last]
            return [page_lines(page) for page in selected], [p.page_number for p in selected], \
                sum(len(p.images) for p in selected)
        except PolicyKGError:
            raise
        except Exception as exc:
            raise PolicyKGError("E204", str(path), reason=type(exc).__name__) from None


def read_pdf(path: Path, options: ReadOptions) -> SourceText:
    """A PDF's lines; coded errors for encrypted, damaged and image-only files. With jobs > 1 the
    pages are read in parallel (in chunks); tables are still joined across pages."""
    password, jobs = options.password, options.jobs
    total = page_count(path, password)
    chunks = [(first, min(first + PAGES_PER_CHUNK, total)) for first in range(0, total, PAGES_PER_CHUNK)]
    if jobs > 1 and len(chunks) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(read_pages, *zip(*[(path, password, a, b) for a, b in chunks])))
    else:
        parts = [read_pages(path, password, a, b) for a, b in chunks]
    pages = [page for part in parts for page in part[0]]
    numbers = [number for part in parts for number in part[1]]
    images = sum(part[2] for part in parts)
    lines = render(pages, numbers)
    if not any(line.text.strip() for line in lines):
        raise PolicyKGError("E202" if images else "E205", str(path))
    check_glyphs("".join(line.text for line in lines), str(path))
    return SourceText(path=str(path), encoding="pdf", lines=tuple(lines))


def page_count(path: Path, password: str | None = None) -> int:
    with open_pdf(path, password) as pdf:
        return len(pdf.pages)
