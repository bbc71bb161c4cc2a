"""Word 97–2003 binary documents (.doc) and WPS Writer files (.wps, the same format), read with
olefile from the compound file: the main text through the piece table, paragraphs split at their
marks, tables rebuilt from the paragraph properties (in-table cells, row ends, vertically merged
cells filled as in a .docx). Headers, footers, footnotes and field codes are dropped (a field's
shown result is kept). Automatic numbering is not written out (typed labels read as usual).

The layout follows [MS-DOC]: FIB → Clx (piece table) and PlcBtePapx (paragraph
property pages) in the table stream."""
from __future__ import annotations

import struct
from bisect import bisect_right
from io import BytesIO
from pathlib import Path
from typing import NamedTuple

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions, read_bytes
from policykg.extractors.readers.ooxml import OLE_MAGIC
from policykg.extractors.readers.tables import block_lines, numbered
from policykg.schema import SourceText

WORD_MAGIC = 0xA5EC
FC_PLCF_BTE_PAPX, FC_CLX = 13, 33  # indexes of (fc, lcb) pairs in FibRgFcLcb97
CCP_TEXT = 3  # index of the main text's length in FibRgLw97
PAGE = 512  # bytes of a formatted disk page (FKP)
# paragraph-property operations (sprm) that place a paragraph in a table
IN_TABLE, ROW_END, DEPTH, TABLE_DEFINITION, VERTICAL_MERGE = 0x2416, 0x2417, 0x6649, 0xD608, 0xD62B
OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the sprm's spra bits; 6: sized in the operand
CELL_END, PARAGRAPH_END = "\x07", "\r"
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
SHOWN = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-", "\xa0": " ",
                       **{c: None for c in "\x01\x02\x05\x08\x1f"}})


class Piece(NamedTuple):
    """A run of the main text: its first and end character positions and where its bytes lie."""

    start: int
    end: int
    offset: int
    compressed: bool  # one byte a character (cp1252) instead of UTF-16


class Paragraph(NamedTuple):
    text: str
    mark: str  # the mark ending it: a paragraph's or a table cell's
    in_table: bool
    row_end: bool
    merged: tuple[bool, ...]  # on a row end: for each cell, whether it continues the one above


def little(data: bytes, offset: int, fmt: str) -> int:
    return struct.unpack_from("<" + fmt, data, offset)[0]


class WordBinary:
    """The streams and file information block of a .doc."""

    def __init__(self, ole, path: str):
        self.path = path
        self.word = ole.openstream("WordDocument").read()
        if len(self.word) < 0x22 or little(self.word, 0, "H") != WORD_MAGIC:
            raise PolicyKGError("E614", path, reason="no Word 97–2003 file information block")
        flags = little(self.word, 0x0A, "H")
        if flags & 0x0100:
            raise PolicyKGError("E615", path)
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise PolicyKGError("E614", path, reason=f"no {table_name} stream")
        self.table = ole.openstream(table_name).read()
        csw = little(self.word, 0x20, "H")
        longs = 0x22 + csw * 2
        self.text_length = little(self.word, longs + 2 + CCP_TEXT * 4, "i")
        cslw = little(self.word, longs, "H")
        self.pairs = longs + 2 + cslw * 4 + 2

    def pair(self, index: int) -> tuple[int, int]:
        """The (offset, length) of a structure in the table stream."""
        return struct.unpack_from("<II", self.word, self.pairs + index * 8)

    def pieces(self) -> list[Piece]:
        offset, length = self.pair(FC_CLX)
        clx, at = self.table[offset:offset + length], 0
        while at < len(clx) and clx[at] == 0x01:  # property modifiers before the piece table
            at += 3 + little(clx, at + 1, "H")
        if at >= len(clx) or clx[at] != 0x02:
            raise PolicyKGError("E614", self.path, reason="no piece table")
        size = little(clx, at + 1, "I")
        plc, count = clx[at + 5:at + 5 + size], (size - 4) // 12
        starts = struct.unpack_from(f"<{count + 1}I", plc)
        out = []
        for i in range(count):
            fc = little(plc, 4 * (count + 1) + 8 * i + 2, "I")
            compressed = bool(fc & 0x40000000)
            fc &= 0x3FFFFFFF
            out.append(Piece(starts[i], starts[i + 1], fc // 2 if compressed else fc, compressed))
        return out

    def text(self, pieces: list[Piece]) -> list[tuple[str, int]]:
        """The main text's characters, each with its file offset."""
        out = []
        for piece in pieces:
            if piece.start >= self.text_length:
                break
            count = min(piece.end, self.text_length) - piece.start
            width = 1 if piece.compressed else 2
            raw = self.word[piece.offset:piece.offset + count * width]
            chars = raw.decode("cp1252", "replace") if piece.compressed else raw.decode("utf-16-le", "replace")
            out += [(c, piece.offset + i * width) for i, c in enumerate(chars)]
        return out

    def paragraph_runs(self) -> list[tuple[int, int, bytes]]:
        """(first offset, end offset, properties) of every run of paragraph marks with the same
        properties, from the paragraph property pages."""
        offset, length = self.pair(FC_PLCF_BTE_PAPX)
        count = (length - 4) // 8
        runs = []
        for i in range(count):
            page_number = little(self.table, offset + 4 * (count + 1) + 4 * i, "I") & 0x3FFFFF
            runs += page_runs(self.word[page_number * PAGE:(page_number + 1) * PAGE])
        return sorted(runs)


def page_runs(page: bytes) -> list[tuple[int, int, bytes]]:
    """The runs of one paragraph property page (PapxFkp): bounds and grpprl (after the style index)."""
    if len(page) < PAGE:
        return []
    runs = page[PAGE - 1]
    bounds = struct.unpack_from(f"<{runs + 1}I", page)
    out = []
    for i in range(runs):
        at = page[4 * (runs + 1) + 13 * i] * 2
        if not at:
            out.append((bounds[i], bounds[i + 1], b""))
            continue
        size = page[at]
        start, length = (at + 2, 2 * page[at + 1]) if size == 0 else (at + 1, 2 * size - 1)
        out.append((bounds[i], bounds[i + 1], page[start + 2:start + length]))
    return out


def operations(grpprl: bytes) -> dict[int, bytes]:
    """A property list's operations: sprm -> operand."""
    out, at = {}, 0
    while at + 2 <= len(grpprl):
        sprm = little(grpprl, at, "H")
        at += 2
        kind = sprm >> 13
        if sprm == TABLE_DEFINITION:
            size, at = little(grpprl, at, "H") + 1, at + 2
        elif kind == 6:
            size, at = grpprl[at] if at < len(grpprl) else 0, at + 1
        else:
            size = OPERAND_SIZE[kind]
        out[sprm] = grpprl[at:at + size]
        at += size
    return out


def merged_cells(ops: dict[int, bytes]) -> tuple[bool, ...]:
    """For each cell of a row (its row end's properties): whether it continues the cell above
    (TC80 flags of the table definition, or the later per-cell vertical merge operation)."""
    definition = ops.get(TABLE_DEFINITION, b"")
    cells = definition[0] if definition else 0
    flags_at = 1 + 2 * (cells + 1)
    merged = [len(definition) >= flags_at + 20 * (c + 1) and
              little(definition, flags_at + 20 * c, "H") & 0x0060 == 0x0020 for c in range(cells)]
    vertical = ops.get(VERTICAL_MERGE, b"")
    if len(vertical) >= 2 and vertical[0] < len(merged):
        merged[vertical[0]] = vertical[1] == 1
    return tuple(merged)


def shown(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Characters as Word shows them: a field's code dropped, its result kept."""
    out, fields = [], []  # per open field: whether its result (after the separator) is reached
    for char, offset in chars:
        if char == FIELD_BEGIN:
            fields.append(False)
        elif char == FIELD_SEPARATOR and fields:
            fields[-1] = True
        elif char == FIELD_END and fields:
            fields.pop()
        elif all(fields):
            out.append((char, offset))
    return out


def paragraphs(document: WordBinary) -> list[Paragraph]:
    """The main text's paragraphs with their table properties."""
    runs = document.paragraph_runs()
    starts = [run[0] for run in runs]
    out, text = [], []
    for char, offset in shown(document.text(document.pieces())):
        if char not in (PARAGRAPH_END, CELL_END):
            text.append(char)
            continue
        ops = operations(run_at(runs, starts, offset))
        depth = little(ops[DEPTH], 0, "i") if len(ops.get(DEPTH, b"")) == 4 else 1
        in_table = ops.get(IN_TABLE, b"\0")[:1] == b"\1" or char == CELL_END
        row_end = ops.get(ROW_END, b"\0")[:1] == b"\1" and depth <= 1
        out.append(Paragraph("".join(text).translate(SHOWN), char, in_table, row_end,
                             merged_cells(ops) if row_end else ()))
        text = []
    return out


def run_at(runs: list[tuple[int, int, bytes]], starts: list[int], offset: int) -> bytes:
    """The properties of the run holding a paragraph mark's file offset."""
    index = bisect_right(starts, offset) - 1
    return runs[index][2] if index >= 0 and offset < runs[index][1] else b""


def blocks(items: list[Paragraph]) -> list[str | list[list[str]]]:
    """Paragraph texts and tables (rows of cell texts, merged cells filled from above) in order."""
    out: list[str | list[list[str]]] = []
    table: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    for item in items:
        if not item.in_table:
            if table:
                out.append(table)
                table = []
            out.append(item.text)
        elif item.row_end:
            above = table[-1] if table else []
            table.append([above[c] if c < len(above) and c < len(item.merged) and item.merged[c] else text
                          for c, text in enumerate(row)])
            row = []
        elif item.mark == CELL_END:
            row.append("\n".join(cell + [item.text]))
            cell = []
        else:
            cell.append(item.text)
    return out + ([table] if table else [])


def read_doc(path: Path, options: ReadOptions) -> SourceText:
    """A binary Word (or WPS) file's lines (a package, page or RTF under this name never comes here:
    readers.reader_for routes files by content); coded errors for damaged, encrypted and empty files."""
    import olefile

    data = read_bytes(path)
    if not data.startswith(OLE_MAGIC):
        raise PolicyKGError("E614", str(path), reason="not a Word 97–2003 compound file")
    try:
        with olefile.OleFileIO(BytesIO(data)) as ole:
            if ole.exists("EncryptedPackage"):
                raise PolicyKGError("E615", str(path))
            if not ole.exists("WordDocument"):
                raise PolicyKGError("E614", str(path), reason="no WordDocument stream")
            texts = block_lines(blocks(paragraphs(WordBinary(ole, str(path)))))
    except PolicyKGError:
        raise
    except Exception as exc:  # a damaged compound file or stream fails in olefile or in struct
        raise PolicyKGError("E614", str(path), reason=f"{type(exc).__name__}: {exc}"[:120]) from None
    if not texts:
        raise PolicyKGError("E613", str(path))
    return SourceText(path=str(path), encoding="doc", lines=numbered(texts))
