"""OFD (GB/T 33190): the package's XML read directly, OFD.xml -> each DocBody's Document.xml -> each
page's Content.xml (and its template pages). Text codes placed by X/Y/DeltaX inside their object's
Boundary (and CTM) are grouped into lines by position; ruling lines (PathObject) that form a grid
make a table whose cells take the text inside them. Boxes are in points, as for PDFs, pages
numbered through the package; page furniture is dropped as for every laid-out page (layout.py).
A page without text (a scan) is read by OCR from its pictures (ImageObject -> MultiMedia resource).
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from functools import partial
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.layout import Box, Item, Piece, group_lines, render
from policykg.schema import SourceText

POINTS_PER_MM = 72 / 25.4
SNAP = 0.5  # mm: ruling lines this close are one
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def child(element, name: str):
    return next((e for e in element if local(e.tag) == name), None)


def descendants(element, name: str):
    return (e for e in element.iter() if local(e.tag) == name)


def numbers(text: str | None) -> list[float]:
    """Numbers of an attribute; "g N v" (DeltaX/DeltaY shorthand) stands for N times v."""
    out: list[float] = []
    tokens = (text or "").split()
    index = 0
    while index < len(tokens):
        if tokens[index] == "g":
            out += [float(tokens[index + 2])] * int(tokens[index + 1])
            index += 3
        else:
            out.append(float(tokens[index]))
            index += 1
    return out


class Placement(NamedTuple):
    """Where an object's own coordinates land on the page: its Boundary's origin and its CTM."""

    x: float
    y: float
    ctm: Matrix

    @classmethod
    def of(cls, element) -> Placement:
        boundary = numbers(element.get("Boundary")) or [0, 0]
        ctm = numbers(element.get("CTM"))
        return cls(boundary[0], boundary[1], tuple(ctm) if len(ctm) == 6 else IDENTITY)

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.ctm
        return self.x + a * x + c * y + e, self.y + b * x + d * y + f

    @property
    def scale(self) -> float:
        a, b, c, d, *_ = self.ctm
        return abs(a * d - b * c) ** 0.5


def text_pieces(element) -> list[Piece]:
    """The text codes of a TextObject as pieces in mm: a run on one baseline, or one piece per
    character where DeltaY moves the characters (vertical text)."""
    place = Placement.of(element)
    size = float(element.get("Size", "0") or 0) * place.scale
    pieces = []
    for code in descendants(element, "TextCode"):
        text = code.text or ""
        if not text.strip():
            continue
        x, y = float(code.get("X", "0")), float(code.get("Y", "0"))
        dx, dy = numbers(code.get("DeltaX")), numbers(code.get("DeltaY"))
        spots = [(x, y)]
        for index in range(1, len(text)):
            x += dx[index - 1] if index - 1 < len(dx) else size
            y += dy[index - 1] if index - 1 < len(dy) else 0
            spots.append((x, y))
        spots = [place.point(*spot) for spot in spots]
        runs = [(text, spots)] if not any(dy) else [(char, [spot]) for char, spot in zip(text, spots)]
        for run, where in runs:
            (x0, baseline), x1 = where[0], where[-1][0] + size
            pieces.append(Piece((x0, baseline - size, x1, baseline + 0.2 * size), run))
    return pieces


Rule = tuple[float, float, float]  # a horizontal (y, x0, x1) or vertical (x, y0, y1) line in mm


def path_rules(element) -> tuple[list[Rule], list[Rule]]:
    """The horizontal and vertical straight segments of a PathObject's AbbreviatedData."""
    place = Placement.of(element)
    data = child(element, "AbbreviatedData")
    tokens = re.findall(r"[A-Za-z]|-?[\d.]+(?:[eE]-?\d+)?", data.text or "") if data is not None else []
    horizontal, vertical = [], []
    start = current = None
    index = 0
    while index < len(tokens):
        command, index = tokens[index], index + 1
        arity = {"M": 2, "L": 2, "S": 2, "Q": 4, "B": 6, "A": 7}.get(command, 0)
        values = [float(t) for t in tokens[index:index + arity]]
        index += arity
        target = place.point(*values[-2:]) if arity else start
        if command == "L" or (command == "C" and current and start):
            (xa, ya), (xb, yb) = current, target
            if abs(ya - yb) < SNAP:
                horizontal.append((ya, min(xa, xb), max(xa, xb)))
            elif abs(xa - xb) < SNAP:
                vertical.append((xa, min(ya, yb), max(ya, yb)))
        if command == "M":
            start = target
        current = target
    return horizontal, vertical


def snapped(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return out


def grids(horizontal: list[Rule], vertical: list[Rule]) -> list[tuple[list[float], list[float]]]:
    """Tables: sets of crossing rules with at least two of each direction, as row edges (ys) and
    column edges (xs)."""
    crossing = lambda h, v: h[1] - SNAP <= v[0] <= h[2] + SNAP and v[1] - SNAP <= h[0] <= v[2] + SNAP  # noqa: E731
    groups: list[tuple[list[Rule], list[Rule]]] = []
    for h in horizontal:
        joined = [g for g in groups if any(crossing(h, v) for v in g[1])]
        hs, vs = [h], [v for v in vertical if crossing(h, v)]
        for group in joined:
            groups.remove(group)
            hs, vs = hs + group[0], vs + [v for v in group[1] if v not in vs]
        groups.append((hs, vs))
    return [(snapped([h[0] for h in hs]), snapped([v[0] for v in vs])) for hs, vs in groups
            if len(snapped([h[0] for h in hs])) >= 2 and len(snapped([v[0] for v in vs])) >= 2]


def mm_box(box: Box) -> Box:
    return tuple(value * POINTS_PER_MM for value in box)


def table_item(ys: list[float], xs: list[float], pieces: list[Piece]) -> tuple[Item, list[Piece]]:
    """The table of a grid, and the pieces left outside it."""
    cells: dict[tuple[int, int], list[Piece]] = {}
    outside = []
    for piece in pieces:
        mx, my = (piece.box[0] + piece.box[2]) / 2, (piece.box[1] + piece.box[3]) / 2
        row = next((i for i in range(len(ys) - 1) if ys[i] <= my < ys[i + 1]), None)
        column = next((j for j in range(len(xs) - 1) if xs[j] <= mx < xs[j + 1]), None)
        if row is None or column is None:
            outside.append(piece)
        else:
            cells.setdefault((row, column), []).append(piece)
    text = lambda key: "".join(item.content for item in group_lines(cells.get(key, [])))  # noqa: E731
    rows = [[text((i, j)) for j in range(len(xs) - 1)] for i in range(len(ys) - 1)]
    box = mm_box((xs[0], ys[0], xs[-1], ys[-1]))
    return Item(box[1], [row for row in rows if any(row)], box), outside


def page_items(contents: list) -> list[Item]:
    """A page's items (its Content.xml and its templates' ones): tables, and lines outside them."""
    pieces, horizontal, vertical = [], [], []
    for content in contents:
        for element in content.iter():
            name = local(element.tag)
            if name == "TextObject":
                pieces += text_pieces(element)
            elif name == "PathObject":
                h, v = path_rules(element)
                horizontal, vertical = horizontal + h, vertical + v
    items = []
    for ys, xs in grids(horizontal, vertical):
        table, pieces = table_item(ys, xs, pieces)
        items.append(table)
    lines = [Item(line.top * POINTS_PER_MM, line.content, mm_box(line.box)) for line in group_lines(pieces)]
    return sorted(items + lines, key=lambda item: item.top)


class Package:
    """An OFD file's zip, its parts read as XML; coded errors naming the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, EOFError) as exc:
            raise PolicyKGError("E631", str(path), reason=str(exc) or type(exc).__name__) from None
        except OSError as exc:
            raise PolicyKGError("E005", str(path), reason=exc.strerror or str(exc)) from None

    def xml(self, name: str):
        name = name.lstrip("/")
        try:
            return ElementTree.fromstring(self.zip.read(name))
        except KeyError:
            raise PolicyKGError("E632", str(self.path), reason=f"{name} is missing") from None
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            raise PolicyKGError("E631", str(self.path), reason=f"{name}: {exc}") from None
        except ElementTree.ParseError as exc:
            raise PolicyKGError("E631", str(self.path), reason=f"{name}: bad XML ({exc})") from None

    def documents(self) -> list[str]:
        """The Document.xml of every DocBody."""
        roots = [(child(body, "DocRoot").text or "").strip() for body in descendants(self.xml("OFD.xml"), "DocBody")
                 if child(body, "DocRoot") is not None]
        if not roots:
            raise PolicyKGError("E632", str(self.path), reason="OFD.xml names no DocRoot")
        return roots

    def pages(self, document: str) -> list[list]:
        """The contents of each page of a document: its Content.xml, then its template pages'."""
        where = partial(beside, document)
        root = self.xml(document)
        templates = {t.get("ID"): t.get("BaseLoc") for t in descendants(root, "TemplatePage")}
        pages = []
        for page in descendants(root, "Page"):
            content = self.xml(where(page.get("BaseLoc", "")))
            used = [templates[t.get("TemplateID")] for t in descendants(content, "Template")
                    if templates.get(t.get("TemplateID"))]
            pages.append([content, *(self.xml(where(loc)) for loc in used)])
        return pages

    def media(self, document: str) -> dict[str, str]:
        """The parts holding a document's multimedia resources (pictures), by resource ID."""
        found = {}
        root = self.xml(document)
        for resources in (*descendants(root, "PublicRes"), *descendants(root, "DocumentRes")):
            part = beside(document, (resources.text or "").strip())
            listing = self.xml(part)
            folder = beside(part, listing.get("BaseLoc", "")) + "/"
            for item in descendants(listing, "MultiMedia"):
                media_file = child(item, "MediaFile")
                if media_file is not None and media_file.text:
                    found[item.get("ID")] = beside(folder, media_file.text.strip())
        return found

    def picture(self, part: str | None):
        """A picture part as a BGR array, or None when it cannot be decoded."""
        import numpy
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(self.zip.read(part.lstrip("/")))) as image:
                return numpy.asarray(image.convert("RGB"))[:, :, ::-1]
        except (KeyError, AttributeError, OSError, UnidentifiedImageError):
            return None


def beside(part: str, location: str) -> str:
    """A location in the package named relative to a part (or from the root when it starts with /)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(part.lstrip("/")), location)).lstrip("/")


def scanned_items(package: Package, contents: list, media: dict[str, str]) -> list[Item]:
    """The lines OCR reads on the pictures of a page without text (a scanned page), boxes in points."""
    from policykg.extractors.readers.ocr import recognise

    items = []
    for element in (e for content in contents for e in descendants(content, "ImageObject")):
        boundary = numbers(element.get("Boundary"))
        picture = package.picture(media.get(element.get("ResourceID")))
        if picture is None or len(boundary) < 4 or boundary[2] <= 0:
            continue
        dx, dy = boundary[0] * POINTS_PER_MM, boundary[1] * POINTS_PER_MM
        for item in recognise(picture, picture.shape[1] / (boundary[2] * POINTS_PER_MM), str(package.path)):
            x0, top, x1, bottom = item.box
            items.append(item._replace(top=top + dy, box=(x0 + dx, top + dy, x1 + dx, bottom + dy)))
    return sorted(items, key=lambda item: item.top)


def read_ofd(path: Path, options: ReadOptions) -> SourceText:
    """An OFD's lines with page and box, tables as typed rows, pages without text read by OCR (unless
    options.ocr is "never"); coded errors for damaged packages."""
    package = Package(path)
    pages = []
    with package.zip:
        for document in package.documents():
            media = package.media(document)
            for contents in package.pages(document):
                items = page_items(contents)
                if not items and options.ocr != "never":
                    items = scanned_items(package, contents, media)
                pages.append(items)
    lines = render(pages, list(range(1, len(pages) + 1)))
    if not any(line.text.strip() for line in lines):
        raise PolicyKGError("E633", str(path))
    return SourceText(path=str(path), encoding="ofd", lines=tuple(lines))
