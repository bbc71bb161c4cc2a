"""Stage 1 for PDFs (pdfplumber): page text in reading order, page numbers kept as provenance.

Per page: doubled characters of fake-bold fonts removed (dedupe_chars), tables read as task lines
(tables.py), text outside them in reading order, page furniture dropped ("— 3 —", 第3页, a running
title repeated at the head or foot of most pages). The result is text with "# Page N:" markers,
the form the rest of the pipeline already reads, so provenance keeps the page.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from policykg.errors import PolicyKGError
from policykg.extractors.load import RawText
from policykg.extractors.tables import TableReader

PAGE_NUMBER = re.compile(r"^[—\-－–\s]*(第\s*)?\d{1,4}(\s*页)?([/／]\s*\d{1,4})?[—\-－–\s]*$")
CID = re.compile(r"\(cid:\d+\)")
MAX_CID_SHARE = 0.02
RUNNING_SHARE = 0.5  # a head/foot line on at least this share of pages is a running title


def page_lines(page) -> list[tuple[float, str | list]]:
    """(top, text line) and (top, table) items of one page, in reading order."""
    page = page.dedupe_chars()
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        return not any(x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and obj["bottom"] <= bottom
                       for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    items: list[tuple[float, str | list]] = [(line["top"], line["text"]) for line in text_page.extract_text_lines()]
    items += [(t.bbox[1], t.extract()) for t in tables]
    return sorted(items, key=lambda item: item[0])


def furniture(pages: list[list[tuple[float, str | list]]]) -> set[str]:
    """Running titles: a text line standing first or last on most pages."""
    edges = Counter()
    for items in pages:
        texts = [t for _, t in items if isinstance(t, str) and t.strip()]
        for text in {texts[0], texts[-1]} if texts else ():
            edges[re.sub(r"\s", "", text)] += 1
    needed = max(3, RUNNING_SHARE * len(pages))
    return {text for text, count in edges.items() if count >= needed}


def render(pages: list[list[tuple[float, str | list]]], numbers: list[int]) -> str:
    """Pages to text with page markers, tables as task lines, furniture removed."""
    running = furniture(pages)
    reader = TableReader()
    out: list[str] = []
    for number, items in zip(numbers, pages):
        out.append(f"# Page {number}:")
        texts = [i for i, (_, item) in enumerate(items) if isinstance(item, str) and item.strip()]
        edges = {texts[0], texts[-1]} if texts else set()
        for index, (_, item) in enumerate(items):
            if isinstance(item, list):
                out += reader.lines(item)
                continue
            text = item.strip()
            if not text or PAGE_NUMBER.match(text) or (index in edges and re.sub(r"\s", "", text) in running):
                continue
            out += reader.flush()
            out.append(text)
    out += reader.flush()
    return "\n".join(out) + "\n"


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


def load_pdf(path: Path, password: str | None = None, jobs: int = 1) -> RawText:
    """A PDF's text with page markers; coded errors for encrypted, damaged and image-only files.
    With jobs > 1 the pages are read in parallel (in chunks); tables are still joined across pages."""
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
    text = render(pages, numbers)
    if not re.sub(r"#\s*Page\s*\d+:|\s", "", text):
        raise PolicyKGError("E202" if images else "E205", str(path))
    check_glyphs(text, str(path))
    return RawText(path=str(path), encoding="pdf", text=text)


def page_count(path: Path, password: str | None = None) -> int:
    with open_pdf(path, password) as pdf:
        return len(pdf.pages)
