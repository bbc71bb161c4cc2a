"""Task tables in plain text with their cells apart by tabs (a table copied out of Word, Excel or a
PDF viewer into a text file): the rows of one table, across the page furniture and page breaks
between them, read as typed rows like a table of any other format.

A copied PDF table breaks its rows where the page or the cell's line broke: a line holding no task
text (only a unit or a time that ran over) continues the row above, and so does the first line
after a break when the task above stops mid-sentence."""
from __future__ import annotations

from policykg.extractors.readers.tables import (
    SENTENCE_ENDS,
    Columns,
    header_at,
    whole_table,
)
from policykg.schema import Line

TAB = "\t"
MAX_BREAK_LINES = 3  # lines between two parts of one table (a running title, a blank line, a page marker)


def cells(line: Line) -> list[str]:
    return [cell.strip() for cell in line.text.split(TAB)]


def tables(lines: tuple[Line, ...]) -> list[list[int]]:
    """The indexes of each table's tab lines (parts apart by a few other lines are one table)."""
    out: list[list[int]] = []
    for index, line in enumerate(lines):
        if TAB not in line.text:
            continue
        if out and index - out[-1][-1] <= MAX_BREAK_LINES + 1:
            out[-1].append(index)
        else:
            out.append([index])
    return out


def continues(columns: Columns, above: list[str], row: list[str], after_break: bool) -> bool:
    """Whether a line of a table continues the row above instead of starting one."""
    task = row[columns.task] if columns.task < len(row) else ""
    if not task:
        return any(row)
    told = above[columns.task] if columns.task < len(above) else ""
    return after_break and bool(told) and not told.endswith(SENTENCE_ENDS)


def joined_rows(columns: Columns, table: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """The table's rows (line index, cells) with their broken parts joined, each at its first line."""
    out: list[tuple[int, list[str]]] = []
    previous = None
    for index, row in table:
        row = row + [""] * (columns.width - len(row))
        if out and continues(columns, out[-1][1], row, after_break=index - previous > 1):
            out[-1] = out[-1][0], [a + b for a, b in zip(out[-1][1], row)]
        else:
            out.append((index, row))
        previous = index
    return out


def typed_lines(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines with each tab-separated task table read as typed rows (title rows above its header
    as text); other tab-separated text is left as it is."""
    replaced: dict[int, Line | None] = {}
    for indexes in tables(lines):
        rows = [cells(lines[i]) for i in indexes]
        found = header_at(rows)
        if found is None:
            continue
        start, count, columns = found
        body = joined_rows(columns, list(zip(indexes[start + count:], rows[start + count:])))
        replaced.update({i: None for i in indexes})
        table = rows[:start + count] + [row for _, row in body]
        origins = indexes[:start + count] + [index for index, _ in body]
        for position, text, typed in whole_table(table):
            source = lines[origins[position]]
            replaced[origins[position]] = Line(text=text, line_no=source.line_no, page=source.page, cells=typed)
    return tuple(replaced.get(i, line) for i, line in enumerate(lines) if replaced.get(i, line) is not None)
