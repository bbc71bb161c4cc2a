"""Excel task ledgers (python-calamine; .xlsx, and the Excel 97–2003 .xls and WPS .et binaries): every
visible sheet a plan of the workbook's one document.

Per sheet: merged cells filled with their value, the header row found below any title rows,
columns recognised by their header text, one typed row per task. A line's number is its row in
the sheet, its page the sheet's position in the workbook and its part the sheet's name."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.ooxml import open_package
from policykg.extractors.readers.tables import whole_table
from policykg.schema import Line, SourceText

BINARY = (".xls", ".et")  # Excel 97–2003 and WPS spreadsheets: BIFF in a compound file, read by calamine too


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
    """The sheet's values from row 1 and column A, every cell of a merged range holding its value."""
    rows = [[cell_text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
        value = rows[top][left] if top < len(rows) and left < len(rows[top]) else ""
        for r in range(top, min(bottom + 1, len(rows))):
            for c in range(left, min(right + 1, len(rows[r]))):
                rows[r][c] = value
    return rows


def sheet_lines(book: CalamineWorkbook, number: int, name: str) -> list[Line]:
    """A sheet's lines; `number` is its 1-based position in the workbook."""
    sheet = book.get_sheet_by_index(number - 1)
    return [Line(text=text, line_no=index + 1, page=number, part=name, cells=cells)
            for index, text, cells in whole_table(filled(sheet))]


def read_xlsx(path: Path, options: ReadOptions) -> SourceText:
    """A workbook's lines, sheet after sheet (hidden sheets skipped); a workbook without a title row
    above its first table is titled by its file name."""
    book = open_package(path, CalamineWorkbook.from_filelike, "E621", "E622", compound=path.suffix.lower() in BINARY)
    lines = [line for number, sheet in enumerate(book.sheets_metadata, start=1)
             if sheet.visible == SheetVisibleEnum.Visible for line in sheet_lines(book, number, sheet.name)]
    if not lines:
        raise PolicyKGError("E623", str(path))
    if lines[0].cells:  # row 1 is then the header or empty: the title takes its number
        lines.insert(0, Line(text=path.stem, line_no=1))
    return SourceText(path=str(path), encoding="xlsx", lines=tuple(lines))
