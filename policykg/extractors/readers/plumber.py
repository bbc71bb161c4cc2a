"""Pages pdfplumber reads (those holding ruled tables, text drawn twice or glyphs without a Unicode
map): text lines outside tables and the tables' rows, watermarks left out; ruling lines it would
miss (a hair off the axis, or missing where a page break cuts a row) given to it explicitly."""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from policykg.extractors.readers.layout import Item, unspaced
from policykg.extractors.readers.watermarks import legible

SKEW = 0.5  # points off the axis within which a ruling line is still straight


def line_text(line) -> str:
    """A pdfplumber line's text, spaces only at word gaps (letter-spaced and justified lines)."""
    chars = line["chars"]
    return unspaced(line["text"], [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])]) if " " in line["text"] \
        else line["text"]


def rule(x0: float, top: float, x1: float, bottom: float) -> dict:
    """A ruling line as pdfplumber takes explicit lines."""
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top}


def straightened(page) -> list[dict]:
    """Ruling lines a hair off the axis (a quarter turn written as cosine and sine: 6e-17, not 0),
    which pdfplumber would take for neither, set straight."""
    found = []
    for line in page.lines:
        wide, high = line["x1"] - line["x0"], line["bottom"] - line["top"]
        if 0 < high < SKEW < wide:
            middle = (line["top"] + line["bottom"]) / 2
            found.append(rule(line["x0"], middle, line["x1"], middle))
        elif 0 < wide < SKEW < high:
            middle = (line["x0"] + line["x1"]) / 2
            found.append(rule(middle, line["top"], middle, line["bottom"]))
    return found


def cuts(edges: list[dict]) -> list[dict]:
    """Rules closing a table where a page break cuts a row without one (the row runs on over the
    next page): vertical rules that end, or start, together at a height where no horizontal rule
    runs."""
    flat, ends = set(), defaultdict(set)
    for edge in edges:
        if edge["orientation"] == "h":
            flat.add(round(edge["top"]))
        else:
            ends[round(edge["top"])].add(edge["x0"])
            ends[round(edge["bottom"])].add(edge["x0"])
    return [rule(min(xs), y, max(xs), y) for y, xs in ends.items() if len(xs) > 1 and not flat & {y - 1, y, y + 1}]


def table_settings(page) -> dict | None:
    """pdfplumber's table settings for a page: the rules it would miss given as explicit lines."""
    from pdfplumber.utils import line_to_edge

    straight = straightened(page)
    edges = [edge for edge in page.edges if edge["orientation"] == "h" or edge["height"] >= SKEW]
    extra = straight + cuts(edges + [line_to_edge(line) for line in straight])
    if not extra:
        return None
    return {"explicit_horizontal_lines": [line for line in extra if line["top"] == line["bottom"]],
            "explicit_vertical_lines": [line for line in extra if line["top"] != line["bottom"]]}


def plumber_lines(page) -> list[Item]:
    """Items of a page read by pdfplumber: text lines outside tables, and tables, in reading order;
    watermarks (slanted or faint text) left out."""
    page = page.filter(legible).dedupe_chars()
    tables = page.find_tables(table_settings(page))
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        return not any(x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and obj["bottom"] <= bottom
                       for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    items = [Item(line["top"], line_text(line), (line["x0"], line["top"], line["x1"], line["bottom"]))
             for line in text_page.extract_text_lines(return_chars=True)]
    items += [Item(t.bbox[1], table_rows(t), tuple(t.bbox)) for t in tables]
    return sorted(items, key=lambda item: item.top)


def middle(char) -> tuple[float, float]:
    return (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2


def inside(point: tuple[float, float], box) -> bool:
    return box[0] <= point[0] < box[2] and box[1] <= point[1] < box[3]


def table_rows(table) -> list[list[str | None]]:
    """A pdfplumber table's cell texts, with the text of cells whose borders it could not close: a
    cell merged down over rows and cut by a page break without a rule under it has no cell, and its
    text would be lost. Text in the table that no cell holds goes to the first row of the run of
    missing cells of its column where it stands."""
    from pdfplumber.utils import extract_text

    rows, boxes = table.extract(), table.rows  # pdfplumber computes .rows and .columns on each use
    tops = [row.bbox[1] for row in boxes]
    cells = [cell for row in boxes for cell in row.cells if cell]
    orphans = []
    for char in table.page.chars:
        point = middle(char)
        if inside(point, table.bbox):
            row = boxes[max(0, bisect_right(tops, point[1]) - 1)]  # its row's cells first, then all
            if not any(cell and inside(point, cell) for cell in row.cells) and \
                    not any(inside(point, cell) for cell in cells):
                orphans.append((point, char))
    if not orphans:
        return rows
    for j, column in enumerate(table.columns):
        i = 0
        while i < len(rows):
            k = i
            while rows[i][j] is None and k + 1 < len(rows) and rows[k + 1][j] is None:
                k += 1
            if rows[i][j] is None:
                area = (column.bbox[0], boxes[i].bbox[1], column.bbox[2], boxes[k].bbox[3])
                chars = [char for point, char in orphans if inside(point, area)]
                rows[i][j] = extract_text(chars) if chars else None
            i = k + 1
    return rows


def plumbed(source, password: str | None, indexes: list[int]) -> dict[int, list[Item]]:
    """Pages (0-based indexes) of a PDF (a path or its bytes) read by pdfplumber."""
    import pdfplumber

    with pdfplumber.open(source, password=password or "", pages=[i + 1 for i in indexes]) as pdf:
        return dict(zip(indexes, (plumber_lines(page) for page in pdf.pages)))
