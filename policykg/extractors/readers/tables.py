"""Task tables (序号 / 重点任务 / 牵头单位 / 责任单位 / 配合单位 / 完成时限): columns recognised by their
headers in any order, tables continued over pages joined, each row a typed row: its cells with
their column roles, and a text (number and task) that the outline reads as an item."""
from __future__ import annotations

import re

from policykg.lexicon.roles import TABLE_HEADERS as HEADERS
from policykg.schema.models import Cell, ColumnRole, Model

NUMBER = re.compile(r"^(\d{1,3})[.．、]?$")  # "3", or "3." as automatic numbering writes it


class Columns(Model):
    """Which column holds what; `co` may be several (责任单位 and 配合单位)."""

    number: int | None = None
    task: int | None = None
    lead: int | None = None
    co: tuple[int, ...] = ()
    time: int | None = None
    width: int


def clean_cell(cell: str | None) -> str:
    return re.sub(r"\s+", "", cell or "")


def recognise(header: list[str | None]) -> Columns | None:
    """Columns from a header row, or None when the row is not a task-table header."""
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(map(clean_cell, header)):
        for role, words in HEADERS.items():
            if cell and any(cell == w or cell.startswith(w) for w in words):
                found.setdefault(role, []).append(index)
                break
    if "task" not in found or not ({"lead", "co", "time"} & set(found)):
        return None
    first = lambda role: found[role][0] if role in found else None  # noqa: E731
    return Columns(number=first("number"), task=first("task"), lead=first("lead"), co=tuple(found.get("co", ())),
                   time=first("time"), width=len(header))


Row = tuple[str, tuple[Cell, ...]]


def typed_row(columns: Columns, cells: list[str]) -> Row:
    """A row's text ("3.任务…") and its cells by column role."""
    get = lambda i: cells[i] if i is not None and i < len(cells) else ""  # noqa: E731
    roles = [(ColumnRole.number, columns.number), (ColumnRole.task, columns.task), (ColumnRole.lead, columns.lead),
             *((ColumnRole.co, i) for i in columns.co), (ColumnRole.time, columns.time)]
    typed = tuple(Cell(role=role, text=get(i)) for role, i in roles if i is not None and get(i))
    number = NUMBER.match(get(columns.number))
    label = f"{number.group(1)}." if number else ""
    return f"{label}{get(columns.task)}", typed


class TableReader:
    """Reads the tables of a document page after page, carrying columns over to continuation pages."""

    def __init__(self) -> None:
        self.columns: Columns | None = None
        self.pending: list[str] | None = None  # the last row, which the next page may continue

    def rows(self, table: list[list[str | None]]) -> list[list[str]]:
        """The table's complete rows; the last row waits in case the next page continues it."""
        cells = [[clean_cell(c) for c in row] for row in table]
        if not cells:
            return []
        columns = recognise(cells[0])
        if columns:
            self.columns, cells = columns, cells[1:]
        elif self.columns is None or len(cells[0]) != self.columns.width:
            return []  # not a task table
        done = []
        for row in cells:
            number = row[self.columns.number] if self.columns.number is not None else ""
            if self.pending and not number:  # a row split across pages, or a merged cell
                self.pending = [a + b for a, b in zip(self.pending, row)]
                continue
            if self.pending:
                done.append(self.pending)
            self.pending = row
        return done

    def rows_of(self, table: list[list[str | None]]) -> list[Row]:
        return [typed_row(self.columns, row) for row in self.rows(table) if any(row)]

    def flush(self) -> list[Row]:
        """The waiting row, when the table does not go on."""
        if self.pending is None or self.columns is None:
            return []
        row, self.pending = self.pending, None
        return [typed_row(self.columns, row)] if any(row) else []


HEADER_SEARCH_ROWS = 10  # title rows a sheet or table may have above its header
PLAIN_SEPARATOR = "\u3000"


def header_at(rows: list[list[str]]) -> tuple[int, Columns] | None:
    """The first task-table header among a table's first rows, with its columns."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = recognise(row)
        if columns:
            return index, columns
    return None


def plain_row(cells: list[str]) -> str:
    """A row as one line of text: its distinct cells in order (a merged cell counts once)."""
    return PLAIN_SEPARATOR.join(dict.fromkeys(c for c in cells if c))


def section_row(columns: Columns, cells: list[str]) -> bool:
    """A row holding one text merged across the table ("一、优化政务服务"), or only outside the task column."""
    filled = [c for c in cells if c]
    task = cells[columns.task] if columns.task < len(cells) else ""
    return len(set(filled)) == 1 and (len(filled) > 1 or not task)


TableLine = tuple[int, str, tuple[Cell, ...]]


def whole_table(table: list[list[str | None]]) -> list[TableLine]:
    """A table whose rows are whole (Word, Excel, web pages; merged cells already filled): for each
    non-empty row its index and text, with typed cells for the rows below a task-table header. Title
    rows above the header, section rows and the rows of other tables are plain text; the header
    (and its repetitions) is dropped."""
    rows = [[clean_cell(c) for c in row] for row in table]
    found = header_at(rows)
    start, columns = found if found else (len(rows), None)
    out: list[TableLine] = [(i, plain_row(row), ()) for i, row in enumerate(rows[:start]) if any(row)]
    for index in range(start + 1, len(rows)):
        row = rows[index]
        if not any(row) or row == rows[start]:
            continue
        if section_row(columns, row):
            out.append((index, plain_row(row), ()))
        else:
            out.append((index, *typed_row(columns, row)))
    return out
