"""Excel task ledgers (openpyxl): every visible sheet a plan of the workbook's one document.

Per sheet: merged cells filled with their value, the header row found below any title rows,
columns recognised by their header text, one typed row per task. A line's number is its row in
the sheet, its page the sheet's position in the workbook and its part the sheet's name."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.ooxml import open_package
from policykg.extractors.readers.tables import whole_table
from policykg.schema import Line, SourceText


def cell_text(value) -> str:
    """A cell's value as the ledger shows it: whole numbers without ".0", dates as 2023年6月30日."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value).strip()


def filled(sheet) -> list[list[str]]:
    """The sheet's values from row 1, every cell of a merged range holding the range's value."""
    rows = [[cell_text(v) for v in row] for row in sheet.iter_rows(min_row=1, min_col=1, values_only=True)]
    for merged in sheet.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else ""
        for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                rows[r][c] = value
    return rows


def sheet_lines(sheet, number: int) -> list[Line]:
    return [Line(text=text, line_no=index + 1, page=number, part=sheet.title, cells=cells)
            for index, text, cells in whole_table(filled(sheet))]


def read_xlsx(path: Path, options: ReadOptions) -> SourceText:
    """A workbook's lines, sheet after sheet; a workbook without a title row above its first table is
    titled by its file name."""
    book = open_package(path, lambda data: openpyxl.load_workbook(data, data_only=True), "E621", "E622")
    lines = [line for number, sheet in enumerate(book.worksheets, start=1) if sheet.sheet_state == "visible"
             for line in sheet_lines(sheet, number)]
    if not lines:
        raise PolicyKGError("E623", str(path))
    if lines[0].cells:
        lines.insert(0, Line(text=path.stem, line_no=0))
    return SourceText(path=str(path), encoding="xlsx", lines=tuple(lines))
