"""Word .docx: the package's XML read with lxml (python-docx takes longer to open a file than the
whole of this reader): body paragraphs, text boxes and tables in order; headers, footers and deleted
text dropped.

A paragraph's automatic numbering (its own or its style's) is written out as the label Word shows
("一、", "（一）", "1."), so the outline reads it as typed text would be; tables are rows with merged
cells filled, a task table giving typed rows as in a PDF. A line's number is its position among the
lines the reader yields."""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.ooxml import open_package
from policykg.extractors.readers.tables import numbered, plain_row, whole_table
from policykg.schema import SourceText
from policykg.schema.models import Model

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHINESE_DIGITS = "零一二三四五六七八九"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def chinese(n: int) -> str:
    """1..99 in Chinese numerals: 一, 十, 十一, 二十三."""
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    return (CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + (CHINESE_DIGITS[ones] if ones else "")


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(d) + 0xFEE0) for d in str(n)),
    "decimalEnclosedCircle": lambda n: chr(0x245F + n) if 1 <= n <= 20 else str(n),
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "japaneseCounting": chinese,
    "ideographTraditional": lambda n: HEAVENLY_STEMS[(n - 1) % 10],
    "lowerLetter": lambda n: chr(0x60 + n) if n <= 26 else str(n),
    "upperLetter": lambda n: chr(0x40 + n) if n <= 26 else str(n),
}
FORMATS["decimalEnclosedCircleChinese"] = FORMATS["decimalEnclosedCircle"]
FORMATS["chineseLegalSimplified"] = FORMATS["chineseCounting"]
UNLABELLED = ("bullet", "none")


def val(element, tag: str, default: str | None = None) -> str | None:
    found = element.find(W + tag) if element is not None else None
    return found.get(W + "val", default) if found is not None else default


class Level(Model):
    """One level of a list: its first number, format, label text ("（%2）") and the level after which
    it starts again (None: after any higher level; 0: never)."""

    start: int = 1
    format: str = "decimal"
    text: str = ""
    restart: int | None = None


def level_of(lvl) -> Level:
    restart = val(lvl, "lvlRestart")
    return Level(start=int(val(lvl, "start", "1")), format=val(lvl, "numFmt", "decimal"), text=val(lvl, "lvlText", ""),
                 restart=int(restart) if restart is not None else None)


def restarts(level: Level, shown: int) -> bool:
    """Whether a level starts again when the (shallower) level `shown` is counted."""
    return level.restart is None or shown < level.restart


RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
RELATION_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
EMPTY = etree.fromstring(f'<w:root xmlns:w="{W[1:-1]}"/>')


class Package(NamedTuple):
    """The parts of a .docx the reader needs: the main document and its numbering (parsed), its
    styles (parsed only when numbering may come from a style: templates carry hundreds of styles)."""

    document: etree._Element
    numbering: etree._Element
    styles: bytes


def related(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship type (its last word: officeDocument, numbering, styles) -> target part of a part."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    targets = {}
    for rel in etree.fromstring(archive.read(rels)).iter(RELATIONSHIPS):
        if rel.get("TargetMode") != "External":  # targets are relative to the part, or absolute from the root
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
            targets[rel.get("Type", "").removeprefix(RELATION_TYPES)] = target.lstrip("/")
    return targets


def open_docx(data) -> Package:
    with zipfile.ZipFile(data) as archive:
        main = related(archive, "")["officeDocument"]
        parts = related(archive, main)
        read = lambda kind: archive.read(parts[kind]) if kind in parts else b""  # noqa: E731
        numbering = read("numbering")
        return Package(document=etree.fromstring(archive.read(main)),
                       numbering=etree.fromstring(numbering) if numbering else EMPTY, styles=read("styles"))


class Numbering:
    """Counts a document's automatic numbering in reading order and writes out each label."""

    def __init__(self, package: Package) -> None:
        root = package.numbering
        abstract = {a.get(W + "abstractNumId"): {int(l.get(W + "ilvl")): level_of(l) for l in a.iter(W + "lvl")}
                    for a in root.iter(W + "abstractNum")}
        self.levels: dict[str, dict[int, Level]] = {}
        for num in root.iter(W + "num"):
            levels = dict(abstract.get(val(num, "abstractNumId"), {}))
            for override in num.iter(W + "lvlOverride"):
                ilvl, start = int(override.get(W + "ilvl")), val(override, "startOverride")
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = level_of(lvl)
                if start is not None and ilvl in levels:
                    levels[ilvl] = levels[ilvl].model_copy(update={"start": int(start)})
            self.levels[num.get(W + "numId")] = levels
        self.styles_xml = package.styles
        self.styles: dict | None = None  # style id -> w:style, parsed when first needed
        self.counters: dict[str, dict[int, int]] = {}
        self.by_style: dict[str, tuple[str | None, str | None]] = {}

    def style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style numbers its paragraphs with, through its basedOn chain."""
        if style_id is None or not self.levels:
            return None, None
        if self.styles is None:
            root = etree.fromstring(self.styles_xml) if self.styles_xml else EMPTY
            self.styles = {style.get(W + "styleId"): style for style in root.iter(W + "style")}
        if style_id not in self.by_style:
            self.by_style[style_id] = self.find_style_numbering(style_id)
        return self.by_style[style_id]

    def find_style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            ppr = self.styles[style_id].find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            if numpr is not None:
                return val(numpr, "numId"), val(numpr, "ilvl")
            style_id = val(self.styles[style_id], "basedOn")
        return None, None

    def label(self, p) -> str:
        """The label Word shows before paragraph `p` (a w:p element), counting it."""
        ppr = p.find(W + "pPr")
        if ppr is None or not self.levels:  # no properties (no numbering, own or by style), or no lists
            return ""
        numpr = ppr.find(W + "numPr")
        style_num, style_lvl = self.style_numbering(val(ppr, "pStyle"))
        num_id = val(numpr, "numId") or style_num
        ilvl = int(val(numpr, "ilvl") or style_lvl or 0)
        levels = self.levels.get(num_id or "0")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl and restarts(levels.get(k, Level()), ilvl)]:
            del counters[deeper]
        if levels[ilvl].format in UNLABELLED:
            return ""
        text = levels[ilvl].text
        for k in range(ilvl + 1):
            level = levels.get(k, Level())
            text = text.replace(f"%{k + 1}", FORMATS.get(level.format, str)(counters.get(k, level.start)))
        return text


RUN_TEXT = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n"}
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def lift_text_boxes(body) -> None:
    """Text boxes (an issuer mark, a 版记 drawn in a box) as blocks of their own before the paragraph
    anchoring them, each once: the older copy Word writes of each drawing (mc:Fallback, its text box
    again as VML) dropped."""
    found = list(body.iter(MC + "Fallback", W + "txbxContent"))  # one pass: most documents have none
    for fallback in [e for e in found if e.tag == MC + "Fallback"]:
        fallback.getparent().remove(fallback)
    for box in [e for e in found if e.tag == W + "txbxContent" and in_tree(e, body)]:
        host = next(box.iterancestors(W + "p"), None)
        if host is not None:
            for block in list(box):
                host.addprevious(block)
            box.getparent().remove(box)


def in_tree(element, root) -> bool:
    """Whether an element still hangs under `root` (not inside a removed fallback)."""
    return any(ancestor is root for ancestor in element.iterancestors())


def paragraph_text(p, numbering: Numbering) -> str:
    """A w:p's label and its runs' text (hyperlinks and insertions included, deleted text not); a
    label the text already types ("一、" typed into a numbered paragraph) once."""
    text = "".join(RUN_TEXT[e.tag] or e.text or "" for e in p.iter(*RUN_TEXT))
    label = numbering.label(p).strip()
    if not label:
        return text
    typed = text.lstrip()
    return text if typed.startswith(label) and not typed[len(label):][:1].isdigit() else label + text


def span(tc, tag: str, default: str | None = None) -> str | None:
    return val(tc.find(W + "tcPr"), tag, default)


def table_grid(tbl, numbering: Numbering) -> list[list[str]]:
    """Rows of cell texts on the table's grid: a cell spanning columns (gridSpan) or continuing the
    one above (vMerge) holds the merged cell's text."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(W + "tr"):
        row = [""] * int(val(tr.find(W + "trPr"), "gridBefore", "0"))
        for tc in tr.iterchildren(W + "tc"):
            merged = tc.find(W + "tcPr") is not None and tc.find(W + "tcPr").find(W + "vMerge") is not None
            above = rows[-1][len(row)] if rows and len(row) < len(rows[-1]) else ""
            if merged and span(tc, "vMerge", "continue") == "continue":
                text = above
            else:
                text = "\n".join(block_text(block, numbering) for block in blocks(tc))
            row += [text] * int(span(tc, "gridSpan", "1"))
        rows.append(row)
    return rows


def blocks(body):
    """The body's paragraphs and tables in order, through content controls (w:sdt) and one-column
    layout tables."""
    for child in body:
        if child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            yield from blocks(content if content is not None else ())
        elif child.tag == W + "tbl" and layout_table(child):
            for cell in child.iterchildren(W + "tr"):
                for tc in cell.iterchildren(W + "tc"):
                    yield from blocks(tc)
        elif child.tag in (W + "p", W + "tbl"):
            yield child


def layout_table(tbl) -> bool:
    """A table of one column: a frame around text (a document pasted into a one-cell table), read as
    the blocks of its cells."""
    return all(len(tr.findall(W + "tc")) <= 1 for tr in tbl.iterchildren(W + "tr"))


def block_text(block, numbering: Numbering) -> str:
    """A paragraph's text, or a table's rows one a line (a table inside a table's cell)."""
    if block.tag == W + "p":
        return paragraph_text(block, numbering)
    return "\n".join(plain_row(row) for row in table_grid(block, numbering))


def read_docx(path: Path, options: ReadOptions) -> SourceText:
    """A Word file's lines; coded errors for damaged, encrypted and empty files."""
    package = open_package(path, open_docx, "E611", "E612")
    numbering = Numbering(package)
    body = package.document.find(W + "body")
    if body is not None:
        lift_text_boxes(body)
    texts: list[tuple[str, tuple]] = []
    for block in blocks(body if body is not None else ()):
        if block.tag == W + "tbl":
            texts += [(text, cells) for _, text, cells in whole_table(table_grid(block, numbering))]
        else:
            texts += [(part, ()) for part in paragraph_text(block, numbering).split("\n") if part.strip()]
    if not texts:
        raise PolicyKGError("E613", str(path))
    return SourceText(path=str(path), encoding="docx", lines=numbered(texts))
