"""Rich Text Format (.rtf, and RTF files that sites serve as .doc): the control words that carry a
document's text read in one pass. Paragraphs end at \\par; a table's cells end at \\cell and its rows
at \\row, each row laid on the table's column grid by its cells' right edges (\\cellx, a cell wider
than a column repeated in each, as in a .docx) and a cell continuing the one above (\\clvmrg) or to its
left (\\clmrg) holding that cell's text. Characters come as \\uN (its \\ucN fallback skipped) or as
bytes (\\'hh, or raw) of the code page of the current font's charset, else of \\ansicpgN. Groups
that hold no text are skipped: those marked \\*, the font, colour and style tables, document
information, headers, footers, footnotes, pictures, objects and field codes (a field's shown result
is kept). Libraries that strip RTF to text (striprtf) join a row's cells into one line and lose
merged cells, which a task table needs."""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from policykg.errors import PolicyKGError
from policykg.extractors.readers import RTF_MAGIC, ReadOptions, read_bytes
from policykg.extractors.readers.tables import block_lines, numbered
from policykg.schema import SourceText

GROUP_END = re.compile(rb"\\[\\{}]|[{}]")
FONT = re.compile(rb"\\f(\d+)[^;]*?\\fcharset(\d+)")
SKIPPED = {b"fonttbl", b"colortbl", b"stylesheet", b"info", b"header", b"headerl", b"headerr", b"headerf",
           b"footer", b"footerl", b"footerr", b"footerf", b"footnote", b"annotation", b"pict", b"object",
           b"fldinst", b"themedata", b"colorschememapping", b"latentstyles", b"datastore", b"xmlnstbl",
           b"listtable", b"listoverridetable", b"revtbl", b"rsidtbl", b"generator", b"pgdsctbl", b"pn",
           b"filetbl", b"shp", b"nonshppict", b"do", b"xe", b"tc", b"txe", b"private", b"userprops"}
SYMBOLS = {b"tab": "\t", b"line": "\n", b"page": "\n", b"emdash": "\u2014", b"endash": "\u2013", b"bullet": "\u2022",
           b"lquote": "\u2018", b"rquote": "\u2019", b"ldblquote": "\u201c", b"rdblquote": "\u201d",
           b"emspace": "\u2003", b"enspace": "\u2002", b"qmspace": "\u2005", b"nestcell": "\n", b"nestrow": "\n",
           b"~": "\xa0", b"_": "\u2011", b"-": "", b"\\": "\\", b"{": "{", b"}": "}"}
READ_WORDS = {b"par", b"sect", b"u", b"uc", b"f", b"plain", b"pard", b"intbl", b"itap", b"cell", b"row", b"trowd",
              b"clvmrg", b"clmrg", b"cellx", *SYMBOLS}
TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|[\r\n]+|([^\\{}\r\n]+)")
LABELS = {b"listtext", b"pntext"}  # the label a list paragraph shows, written for readers without lists
BINARY = re.compile(rb"\\bin(\d{1,10}) ?")
# \fcharsetN -> its code page (0 and 1: the document's \ansicpg)
CHARSETS = {2: "cp1252", 77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab", 134: "gb18030",
            136: "big5hkscs", 161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256",
            186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250"}
CODE_PAGES = {936: "gb18030", 950: "big5hkscs", 10000: "mac_roman"}
SURROGATE = re.compile("[\ud800-\udfff]")
TWIPS_SAME_EDGE = 20  # cell edges this close are one column edge of the grid


class CellSpec(NamedTuple):
    right: int  # \cellx: the right edge, twips
    above: bool  # \clvmrg: continues the cell above
    left: bool  # \clmrg: continues the cell to its left


class Group(NamedTuple):
    uc: int  # fallback characters after each \uN
    codepage: str
    label: int = -1  # in a list label's group ({\listtext 一、\tab}): where its characters start


class Document:
    """The reading state: the text of the paragraph, cell, row and table being read, and the
    blocks (paragraph texts, tables as rows of cell texts) read so far."""

    def __init__(self, fonts: dict[int, str], codepage: str):
        self.fonts, self.codepage = fonts, codepage
        self.group = Group(1, codepage)
        self.stack: list[Group] = []
        self.chars: list[str] = []
        self.pending = bytearray()  # bytes of the current code page not yet decoded
        self.skip = 0  # fallback characters of a \uN still to skip
        self.in_table = False
        self.cell: list[str] = []  # the paragraphs of the cell being read
        self.row: list[str] = []
        self.specs: list[CellSpec] = []
        self.cell_flags = (False, False)
        self.rows: list[tuple[list[str], list[CellSpec]]] = []
        self.blocks: list[str | list[list[str]]] = []

    def text(self) -> str:
        self.flush()
        text = "".join(self.chars)
        self.chars = []
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace") if SURROGATE.search(text) else text

    def flush(self) -> None:
        if self.pending:
            try:
                self.chars.append(self.pending.decode(self.group.codepage))
            except (UnicodeDecodeError, LookupError):
                self.chars.append(self.pending.decode("gb18030", "replace"))
            self.pending.clear()

    def add_bytes(self, data: bytes) -> None:
        if self.skip:
            data, self.skip = data[self.skip:], max(0, self.skip - len(data))
        self.pending += data

    def add_char(self, char: str) -> None:
        self.flush()
        self.chars.append(char)

    def paragraph(self) -> None:
        text = self.text()
        if self.in_table:
            self.cell.append(text)
            return
        self.end_table()
        if text:
            self.blocks.append(text)

    def end_cell(self) -> None:
        self.cell.append(self.text())
        self.row.append("\n".join(c for c in self.cell if c))
        self.cell = []

    def end_row(self) -> None:
        self.rows.append((self.row, self.specs))
        self.row = []

    def end_table(self) -> None:
        if self.rows:
            self.blocks.append(grid(self.rows))
            self.rows = []

    def open_label(self) -> None:
        self.flush()
        self.group = self.group._replace(label=len(self.chars))

    def close_group(self) -> None:
        """The group's end: a list label's text joined to the paragraph's without its tab."""
        self.flush()
        if self.group.label >= 0:
            self.chars[self.group.label:] = ["".join(self.chars[self.group.label:]).strip()]
        self.group = self.stack.pop()

    def set_font(self, number: int) -> None:
        self.flush()
        self.group = self.group._replace(codepage=self.fonts.get(number, self.codepage))


def grid(rows: list[tuple[list[str], list[CellSpec]]]) -> list[list[str]]:
    """A table's rows on its column grid: each cell's text in every column it spans, merged cells
    holding the text of the cell they continue."""
    edges: list[int] = []
    for right in sorted({spec.right for _, specs in rows for spec in specs}):
        if not edges or right - edges[-1] > TWIPS_SAME_EDGE:
            edges.append(right)
    out: list[list[str]] = []
    for texts, specs in rows:
        row: list[str] = []
        for index, spec in enumerate(specs):
            text = texts[index] if index < len(texts) else ""
            column = len(row)
            if spec.above and out and column < len(out[-1]):
                text = out[-1][column]
            elif spec.left and row:
                text = row[-1]
            width = sum(1 for edge in edges[column:] if edge <= spec.right + TWIPS_SAME_EDGE)
            row += [text] * max(width, 1)
        row += texts[len(specs):]  # cells without a definition (a damaged row)
        out.append(row)
    return out


def group_end(data: bytes, start: int) -> int:
    """The offset after the brace closing the group open at `start`; -1 when the file ends first."""
    depth, at = 1, start
    while depth:
        found = GROUP_END.search(data, at)
        if not found:
            return -1
        at = found.end()
        depth += {b"{": 1, b"}": -1}.get(found.group(), 0)
    return at


def without_binary(data: bytes) -> bytes:
    """The file without the binary data of \\binN (pictures written as bytes, not hex)."""
    parts, at = [], 0
    for found in BINARY.finditer(data):
        if found.start() >= at:
            parts.append(data[at:found.start()])
            at = found.end() + int(found.group(1))
    return b"".join(parts) + data[at:] if parts else data


def fonts_of(data: bytes, codepage: str) -> dict[int, str]:
    """Each font's code page from the font table (its \\fcharset; the document's for charset 0/1)."""
    start = data.find(b"{\\fonttbl")
    end = group_end(data, start + 1) if start >= 0 else -1
    table = data[start:end] if end > 0 else b""
    return {int(f): CHARSETS.get(int(c), codepage) for f, c in FONT.findall(table)}


def code_page(data: bytes) -> str:
    found = re.search(rb"\\ansicpg(\d+)", data[:2048])
    number = int(found.group(1)) if found else 1252
    return CODE_PAGES.get(number, f"cp{number}")


def control(doc: Document, word: bytes, number: int | None) -> None:
    """The effect of one control word on the text being read."""
    if word == b"par" or word == b"sect":
        doc.paragraph()
    elif word == b"u" and number is not None:
        doc.add_char(chr(number % 65536))
        doc.skip = doc.group.uc
        return
    elif word == b"uc":
        doc.group = doc.group._replace(uc=number or 0)
    elif word == b"f" and number is not None:
        doc.set_font(number)
    elif word == b"plain":
        doc.set_font(-1)
    elif word == b"pard":
        doc.in_table = False
    elif word == b"intbl" or (word == b"itap" and number):
        doc.in_table = True
    elif word == b"cell":
        doc.end_cell()
    elif word == b"row":
        doc.end_row()
    elif word == b"trowd":
        doc.specs, doc.cell_flags = [], (False, False)
    elif word in (b"clvmrg", b"clmrg"):
        doc.cell_flags = (doc.cell_flags[0] or word == b"clvmrg", doc.cell_flags[1] or word == b"clmrg")
    elif word == b"cellx":
        doc.specs = [*doc.specs, CellSpec(number or 0, *doc.cell_flags)]
        doc.cell_flags = (False, False)
    elif word in SYMBOLS:
        doc.add_char(SYMBOLS[word])
    doc.skip = 0


def parse(data: bytes, path: str) -> list[str | list[list[str]]]:
    """The document's blocks: paragraph texts and tables (rows of cell texts on the grid)."""
    data = without_binary(data)
    codepage = code_page(data)
    doc = Document(fonts_of(data, codepage), codepage)
    default = re.search(rb"\\deff(\d+)", data[:2048])
    doc.fonts[-1] = doc.fonts.get(int(default.group(1)), codepage) if default else codepage
    skipping = 0  # depth inside a group without text
    opened = False  # whether the last token opened a group (its first word may make it one without text)
    for word, number, hexa, symbol, brace, text in TOKEN.findall(data):
        if skipping:
            skipping += (brace == b"{") - (brace == b"}")
        elif opened and (symbol == b"*" or word in SKIPPED):
            skipping, doc.group = 1, doc.stack.pop()
        elif opened and word in LABELS:
            doc.open_label()
        elif text:
            doc.add_bytes(text)
        elif word:
            if word in READ_WORDS:
                control(doc, word, int(number) if number else None)
            else:
                doc.skip = 0  # a formatting word
        elif hexa:
            doc.add_bytes(bytes((int(hexa, 16),)))
        elif brace == b"{":
            doc.stack.append(doc.group)
        elif brace == b"}":
            if not doc.stack:
                break  # past the document's group
            doc.close_group()
        elif symbol in SYMBOLS:
            doc.add_char(SYMBOLS[symbol])
        opened = brace == b"{"
    if doc.stack or skipping:
        raise PolicyKGError("E641", path, reason=f"cut short: {len(doc.stack) + skipping} groups never closed")
    doc.paragraph()
    doc.in_table = False
    doc.end_table()
    return doc.blocks


def read_rtf(path: Path, options: ReadOptions) -> SourceText:
    """An RTF file's lines (a task table's rows typed); coded errors for a file that is not RTF, is
    cut short, or has no text."""
    data = read_bytes(path)
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF_MAGIC):
        raise PolicyKGError("E641", str(path), reason="it does not start with {\\rtf")
    texts = block_lines(parse(data.lstrip(b"\xef\xbb\xbf \t\r\n"), str(path)))
    if not texts:
        raise PolicyKGError("E642", str(path))
    return SourceText(path=str(path), encoding="rtf", lines=numbered(texts))
