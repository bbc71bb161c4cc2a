"""Word .docx (python-docx): body paragraphs and tables in order; headers and footers dropped.

A paragraph's automatic numbering (its own or its style's) is written out as the label Word shows
("一、", "（一）", "1."), so the outline reads it as typed text would be; tables are rows with merged
cells filled, a task table giving typed rows as in a PDF. A line's number is its position among the
lines the reader yields."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.ooxml import open_package
from policykg.extractors.readers.tables import whole_table
from policykg.schema import Line, SourceText
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


def numbering_root(document):
    """The numbering definitions (w:numbering), or an empty element when the file has none."""
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):  # python-docx cannot create a missing numbering part
        return docx.oxml.parse_xml(f'<w:numbering xmlns:w="{W[1:-1]}"/>')


class Numbering:
    """Counts a document's automatic numbering in reading order and writes out each label."""

    def __init__(self, document) -> None:
        root = numbering_root(document)
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
        self.styles = self.style_numbering(document)
        self.counters: dict[str, dict[int, int]] = {}

    @staticmethod
    def style_numbering(document) -> dict[str, tuple[str | None, str | None]]:
        """Style id -> (numId, ilvl) it numbers its paragraphs with, through its basedOn chain."""
        own, based = {}, {}
        for style in document.styles.element.iter(W + "style"):
            sid = style.get(W + "styleId")
            ppr = style.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            own[sid] = (val(numpr, "numId"), val(numpr, "ilvl")) if numpr is not None else None
            based[sid] = val(style, "basedOn")
        resolved = {}
        for sid in own:
            seen, current = set(), sid
            while current and own.get(current) is None and current not in seen:
                seen.add(current)
                current = based.get(current)
            resolved[sid] = own.get(current) or (None, None)
        return resolved

    def label(self, p) -> str:
        """The label Word shows before paragraph `p` (a w:p element), counting it."""
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        style_num, style_lvl = self.styles.get(val(ppr, "pStyle"), (None, None))
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


def paragraph_text(paragraph: Paragraph, numbering: Numbering) -> str:
    return numbering.label(paragraph._p) + paragraph.text


def table_grid(table: Table, numbering: Numbering) -> list[list[str]]:
    """Rows of cell texts, a merged cell's text in every grid cell it covers (numbered once)."""
    texts: dict = {}  # w:tc element (kept alive, so lxml gives the same proxy) -> text

    def text(cell) -> str:
        if cell._tc not in texts:
            texts[cell._tc] = "\n".join(paragraph_text(p, numbering) for p in cell.paragraphs)
        return texts[cell._tc]

    return [[""] * row.grid_cols_before + [text(cell) for cell in row.cells] for row in table.rows]


def read_docx(path: Path, options: ReadOptions) -> SourceText:
    """A Word file's lines; coded errors for damaged, encrypted and empty files."""
    document = open_package(path, docx.Document, "E611", "E612")
    numbering = Numbering(document)
    texts: list[tuple[str, tuple]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            texts += [(text, cells) for _, text, cells in whole_table(table_grid(block, numbering))]
        else:
            texts += [(part, ()) for part in paragraph_text(block, numbering).split("\n") if part.strip()]
    if not texts:
        raise PolicyKGError("E613", str(path))
    return SourceText(path=str(path), encoding="docx",
                      lines=tuple(Line(text=t, line_no=n, cells=c) for n, (t, c) in enumerate(texts, start=1)))
