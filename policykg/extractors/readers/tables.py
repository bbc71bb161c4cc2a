"""Task tables (序号 / 重点任务 / 牵头单位 / 责任单位 / 配合单位 / 完成时限): columns recognised by their
headers in any order (a header over two rows read as one; a task column beside a 重点任务 that
groups it), tables continued over pages joined, each row a typed row: its cells with their column
roles, and a text (number and task) that the outline reads as an item. Rows of one task merged
down over its units' rows are one task; a row numbered 一 or （一） without units is a heading."""
from __future__ import annotations

import re

from policykg.lexicon.roles import TABLE_HEADERS as HEADERS
from policykg.schema import Line
from policykg.schema.models import Cell, ColumnRole, Model

NUMBER = re.compile(r"^(\d{1,3})[.．、]?$")  # "3", or "3." as automatic numbering writes it
HEADING_NUMBER = re.compile(r"^([一二三四五六七八九十]+)[、.．]?$|^([（(][一二三四五六七八九十]+[）)])$")
SENTENCE_ENDS = ("。", "；", ";", "！", "？", "）", ")")
HEADER_SEARCH_ROWS = 10  # title rows a sheet or table may have above its header
PLAIN_SEPARATOR = "\u3000"
# how to fill in a ledger, above its header ("填报说明：1.请各责任单位于每月25日前报送…"): not the policy's text
FORM_NOTE = re.compile(r"^(?:填报|填表|填写|报送)(?:说明|要求|须知)[:：]")


class Columns(Model):
    """Which column holds what; `co` may be several (责任单位 and 配合单位); `groups` are task columns
    left of the task that group its rows (重点任务 beside 具体措施, merged down its measures)."""

    number: int | None = None
    task: int | None = None
    lead: int | None = None
    co: tuple[int, ...] = ()
    time: int | None = None
    groups: tuple[int, ...] = ()
    width: int


def clean_cell(cell: str | None) -> str:
    return "".join(cell.split()) if cell else ""


def names(cell: str, word: str) -> bool:
    """Whether a header cell is a header word: the word, or its start ("完成时限（2023年）"); a word of
    two characters ("任务", "责任") only alone or before a bracket (not "责任追究", "任务一")."""
    return cell == word or (cell.startswith(word) and (len(word) > 2 or cell[len(word)] in "（(［[【"))


def by_start() -> dict[str, list[tuple[str, str]]]:
    """(role, word) of the header words by their first two characters (every word has two or more),
    in the order of HEADERS: a cell is compared with the few words it may name."""
    found: dict[str, list[tuple[str, str]]] = {}
    for role, words in HEADERS.items():
        for word in words:
            found.setdefault(word[:2], []).append((role, word))
    return found


CANDIDATES = by_start()


def role_of(cell: str) -> str | None:
    """The role a header cell names, if any (the first role listing a word it names)."""
    return next((role for role, word in CANDIDATES.get(cell[:2], ()) if names(cell, word)), None)


def recognise(header: list[str | None]) -> Columns | None:
    """Columns from a header row, or None when the row is not a task-table header. Of several task
    columns the last is the task, the ones before it group the rows."""
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(map(clean_cell, header)):
        role = role_of(cell)
        if role:
            found.setdefault(role, []).append(index)
    if "task" not in found or not ({"lead", "co", "time"} & set(found)):
        return None
    first = lambda role: found[role][0] if role in found else None  # noqa: E731
    task = found["task"][-1]
    groups = tuple(i for i in found["task"] if clean_cell(header[i]) != clean_cell(header[task]))  # not the task merged across
    return Columns(number=first("number"), task=task, lead=first("lead"), co=tuple(found.get("co", ())),
                   time=first("time"), groups=groups, width=len(header))


def sub_header(header: list[str], row: list[str]) -> list[str] | None:
    """The header completed by the row under it when that row is its second header row (责任单位 over
    牵头单位 and 配合单位): every cell empty, the cell above (a merged cell) or a header word."""
    if len(row) != len(header) or row == header or not any(row):
        return None
    if not all(not cell or cell == above or role_of(cell) for cell, above in zip(row, header)):
        return None
    return [cell or above for cell, above in zip(row, header)]


def header_of(rows: list[list[str]]) -> tuple[Columns, int] | None:
    """The columns of a table starting with its header, and how many header rows it has."""
    if not rows or recognise(rows[0]) is None:
        return None
    header, count = rows[0], 1
    while count < len(rows):
        combined = sub_header(header, rows[count])
        if combined is None or recognise(combined) is None:
            break
        header, count = combined, count + 1
    return recognise(header), count


Row = tuple[str, tuple[Cell, ...]]


def group_text(columns: Columns, cells: list[str]) -> str:
    """The text of a row's group columns (its 重点任务 beside the 具体措施)."""
    return PLAIN_SEPARATOR.join(cells[i] for i in columns.groups if i < len(cells) and cells[i])


def typed_row(columns: Columns, cells: list[str]) -> Row:
    """A row's text ("3.任务…") and its cells by column role (a cell merged across columns once); a
    heading row ("一" or "（一）" as its number, no unit nor time) as the heading's plain text."""
    get = lambda i: cells[i] if i is not None and i < len(cells) else ""  # noqa: E731
    number = NUMBER.match(get(columns.number))
    heading = None if number else HEADING_NUMBER.match(get(columns.number))
    if heading and not any(get(i) for i in (columns.lead, *columns.co, columns.time)):
        numeral, bracketed = heading.groups()
        return (f"{numeral}、" if numeral else bracketed) + get(columns.task), ()
    roles = [(ColumnRole.number, columns.number), (ColumnRole.task, columns.task), (ColumnRole.lead, columns.lead),
             *((ColumnRole.co, i) for i in columns.co), (ColumnRole.time, columns.time)]
    pairs: list[tuple[ColumnRole, str]] = []
    for role, i in roles:
        text = get(i)
        if text and (not pairs or pairs[-1] != (role, text)):  # a cell merged across columns once
            pairs.append((role, text))
    typed = tuple(Cell(role=role, text=text) for role, text in pairs)
    label = f"{number.group(1)}." if number else ""
    return f"{label}{get(columns.task)}", typed


class TableReader:
    """Reads the tables of a document page after page, carrying columns over to continuation pages."""

    def __init__(self) -> None:
        self.columns: Columns | None = None
        self.pending: list[str] | None = None  # the last row, which the next page may continue
        self.group = ""  # the group (重点任务) of the rows last read

    def rows(self, table: list[list[str | None]]) -> list[list[str]] | None:
        """The table's complete rows (None when it is not a task table); the last row waits in case
        the next page continues it."""
        cells = [[clean_cell(c) for c in row] for row in table]
        if not cells:
            return []
        found = header_of(cells)
        if found:
            self.columns, cells = found[0], cells[found[1]:]
        elif self.columns is None or len(cells[0]) != self.columns.width:
            return None
        done = []
        for k, row in enumerate(cells):
            if self.pending and k == 0 and self.split(row):  # a row split across pages
                self.pending = [a + b for a, b in zip(self.pending, row)]
            elif self.pending and self.columns.number is not None and not row[self.columns.number]:
                self.pending = joined(self.columns, self.pending, row)  # a task merged down over its units' rows
            else:
                if self.pending:
                    done.append(self.pending)
                self.pending = row
        return done

    def split(self, row: list[str]) -> bool:
        """Whether the first row on a page continues the last row of the page before: it has no
        number, or (in a table without numbers) that row's task stops mid-sentence."""
        if self.columns.number is not None:
            return not row[self.columns.number]
        task = self.pending[self.columns.task] if self.columns.task < len(self.pending) else ""
        return bool(task) and not task.endswith(SENTENCE_ENDS)

    def typed(self, row: list[str]) -> list[Row]:
        """A row as a typed row, after its group's text when the group starts there."""
        group = group_text(self.columns, row)
        out: list[Row] = [(group, ())] if group not in ("", self.group) else []
        self.group = group or self.group
        return out + [typed_row(self.columns, row)]

    def rows_of(self, table: list[list[str | None]]) -> list[Row]:
        """A table's typed rows; another table's rows (指标 / 2023年 / 2025年) as lines of text."""
        rows = self.rows(table)
        if rows is None:
            return self.flush() + [(plain_row([clean_cell(c) for c in row]), ()) for row in table if any(row)]
        return [typed for row in rows if any(row) for typed in self.typed(row)]

    def flush(self) -> list[Row]:
        """The waiting row, when the table does not go on."""
        if self.pending is None or self.columns is None:
            return []
        row, self.pending = self.pending, None
        return self.typed(row) if any(row) else []


def header_at(rows: list[list[str]]) -> tuple[int, int, Columns] | None:
    """The first task-table header among a table's first rows: where it starts, its rows, its columns."""
    for index in range(min(len(rows), HEADER_SEARCH_ROWS)):
        found = header_of(rows[index:])
        if found:
            return index, found[1], found[0]
    return None


def task_table(table: list[list[str | None]]) -> bool:
    """Whether a table has a task-table header among its first rows."""
    return header_at([[clean_cell(c) for c in row] for row in table]) is not None


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
    rows above the header, section rows, group cells and the rows of other tables are plain text; the
    header (and its repetitions) and a 填报说明 above it are dropped."""
    rows = [[clean_cell(c) for c in row] for row in table]
    found = header_at(rows)
    start, count, columns = found or (len(rows), 0, None)
    out: list[TableLine] = [(i, plain_row(row), ()) for i, row in enumerate(rows[:start])
                            if any(row) and not (columns and FORM_NOTE.match(plain_row(row)))]
    return out + (body_lines(columns, table, rows, start + count, rows[start:start + count]) if columns else [])


def body_lines(columns: Columns, table: list[list[str | None]], rows: list[list[str]], first: int,
               headers: list[list[str]]) -> list[TableLine]:
    """The lines of a task table's rows from `first`, a new header below switching the columns (a
    second table under the first in a sheet)."""
    body = TaskRows(columns, headers)
    index = first
    while index < len(rows):
        found = header_of(rows[index:]) if labels_only(rows[index]) and rows[index] not in body.headers else None
        if found:
            body.release()
            body = TaskRows(found[0], rows[index:index + found[1]], body.out)
            index += found[1]
            continue
        body.add(index, rows[index], table[index])
        index += 1
    body.release()
    return body.out


MAX_HEADER_CHARS = 20


def labels_only(row: list[str]) -> bool:
    """Whether a row may be a task-table header: short cells (a task row holds a task's text), a
    header among them."""
    return all(len(cell) <= MAX_HEADER_CHARS for cell in row) and recognise(row) is not None


class TaskRows:
    """The rows under one header of a whole table: section rows and group cells as text, task rows
    typed; rows repeating a task's number and text (its merged cells filled into the rows of its
    several units) one task."""

    def __init__(self, columns: Columns, headers: list[list[str]], out: list[TableLine] | None = None) -> None:
        self.columns, self.headers = columns, headers
        self.units = [i for i in (columns.lead, *columns.co) if i is not None]
        self.out: list[TableLine] = [] if out is None else out
        self.group = ""
        self.held: tuple[int, list[str]] | None = None  # the task row the next rows may continue

    def add(self, index: int, row: list[str], raw: list[str | None]) -> None:
        if not any(row) or row in self.headers:
            return
        cells = [listed(raw[i]) if i in self.units else cell for i, cell in enumerate(row)]
        section = section_row(self.columns, row)
        if self.held and not section and same_task(self.columns, self.held[1], cells):
            self.held = self.held[0], joined(self.columns, self.held[1], cells)
            return
        self.release()
        if section:
            self.out.append((index, plain_row(row), ()))
            return
        if self.columns.groups and group_text(self.columns, row) not in ("", self.group):
            self.group = group_text(self.columns, row)
            self.out.append((index, self.group, ()))
        self.held = index, cells

    def release(self) -> None:
        if self.held:
            self.out.append((self.held[0], *typed_row(self.columns, self.held[1])))
        self.held = None


def same_task(columns: Columns, row: list[str], other: list[str]) -> bool:
    """Whether two rows hold one numbered task (its number and text merged down over both)."""
    number, task = columns.number, columns.task
    return (number is not None and number < len(row) == len(other) and bool(row[number])
            and row[number] == other[number] and task < len(row) and row[task] == other[task])


def joined(columns: Columns, row: list[str], other: list[str]) -> list[str]:
    """Two rows of one task as one: their units listed, their distinct times apart by "；", other
    text joined."""
    out = list(row)
    for i, cell in enumerate(other[:len(out)]):
        separator = "；" if i == columns.time else "、" if i == columns.lead or i in columns.co else ""
        if cell and cell not in (out[i].split(separator) if separator else [out[i]]):
            out[i] = f"{out[i]}{separator if out[i] else ''}{cell}"
    return out


LIST_ENDS, LIST_STARTS = "、，,；;：:", "（(、，,；;）)"  # a part after or before these continues the text


def listed(cell: str | None) -> str:
    """A unit cell of a whole table, its units one per line or apart by spaces ("市政务办\n市大数据局")
    as a list ("市政务办、市大数据局"); parts of one character are a name spaced out ("市 财 政 局")."""
    parts = (cell or "").split()
    if len(parts) < 2 or min(map(len, parts)) < 2:
        return "".join(parts)
    out = parts[0]
    for part in parts[1:]:
        out += ("" if out[-1] in LIST_ENDS or part[0] in LIST_STARTS else "、") + part
    return out


Text = tuple[str, tuple[Cell, ...]]  # a line's text and its typed cells (none outside task tables)


def block_lines(blocks: list[str | list[list[str]]]) -> list[Text]:
    """The lines of a document read as blocks in order (Word, RTF): a paragraph's lines, a whole
    table's rows (typed below a task-table header)."""
    out: list[Text] = []
    for block in blocks:
        if isinstance(block, list):
            out += [(text, cells) for _, text, cells in whole_table(block)]
        else:
            out += [(line, ()) for line in block.split("\n") if line.strip()]
    return out


def numbered(texts: list[Text]) -> tuple[Line, ...]:
    """Lines numbered by their position among a reader's lines (formats without lines of their own)."""
    return tuple(Line(text=text, line_no=n, cells=cells) for n, (text, cells) in enumerate(texts, start=1))
