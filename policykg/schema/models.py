"""The intermediate representation every stage passes on: pydantic models, extra fields forbidden."""
from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """Base of every IR model: unknown fields are an error, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Provenance(Model):
    """Where a fact came from: file, 1-based line span (end inclusive) and PDF pages when known."""

    path: str
    start_line: int
    end_line: int
    pages: tuple[int, ...] = ()


class ColumnRole(str, Enum):
    """What a task table's column holds (序号 / 重点任务 / 牵头单位 / 责任单位 / 完成时限)."""

    number = "number"
    task = "task"
    lead = "lead"
    co = "co"
    time = "time"


class Cell(Model):
    """One cell of a task-table row, with the role of its column."""

    role: ColumnRole
    text: str


class Line(Model):
    """One line of a source: its text, where it came from (line number in the file or running
    line count of the reader, page, box on the page, named part such as a worksheet) and, for a
    row of a task table, its cells by column role (the text then holds the number and the task);
    a line read by OCR keeps the recogniser's confidence (0-1)."""

    text: str
    line_no: int
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    part: str | None = None
    cells: tuple[Cell, ...] = ()
    confidence: float | None = None

    def cell(self, role: ColumnRole) -> str:
        """The text of the row's cells with this role, joined by 、 (a row may have two 责任 columns)."""
        return "、".join(c.text for c in self.cells if c.role is role and c.text)


class SourceText(Model):
    """A read file: its lines in reading order, the encoding or format it was read with, and the
    metadata the source states apart from the text (a web page's 发文字号/成文日期 table, front matter)."""

    path: str
    encoding: str
    lines: tuple[Line, ...]
    metadata: dict[str, str] = Field(default_factory=dict)
    attachments: tuple[str, ...] = Field(default=(), description="links to attachment files")


class Role(str, Enum):
    """How a unit stands to a task: 牵头单位 (lead) or 责任/配合单位 (co-responsible)."""

    lead = "lead"
    co = "co"


class UnitMention(Model):
    """A unit (agency or collective) as written in the document."""

    mention: str
    role: Role = Role.co


class Precision(str, Enum):
    day = "day"
    month = "month"
    quarter = "quarter"
    half = "half"
    year = "year"


class DeadlineKind(str, Enum):
    """What a date in a task is: only a completion deadline can fall overdue."""

    completion = "completion"    # 2023年7月底前完成…, 完成时限：2023年12月
    recurring = "recurring"      # 每月25日前报送…
    eligibility = "eligibility"  # 2023年6月30日前注册的企业, 对第一季度新投产的企业
    validity = "validity"        # 有效期至…, 自2023年至2024年…, 可在…前补缴, 第二季度开始
    extension = "extension"      # 政策延续到2023年底, 延长至2027年底
    target = "target"            # 到2025年，实现…; 2023年新增…


DUE_KINDS = (DeadlineKind.completion, DeadlineKind.target)


class Deadline(Model):
    """A date of a task: the last day of the period named, the phrase it came from, how precise it is,
    what kind of date it is and the clause it governs.

    An "ongoing" limit (持续推进, 长期, 常态化) has no date; nor has a recurring one (每月25日前).
    """

    date: dt.date | None = None
    phrase: str
    precision: Precision | None = None
    ongoing: bool = False
    kind: DeadlineKind = DeadlineKind.completion
    clause: str = Field(default="", description="the part of the sentence the date governs; empty for a "
                                                "time-limit field (完成时限), which governs the whole task")


class Target(Model):
    """A quantitative target such as 压缩40%以上: value, unit, comparator and the phrase."""

    value: float
    unit: str
    comparator: str | None = None
    phrase: str


class Reference(Model):
    """A cited document: 《title》 and, when given, its 文号."""

    title: str | None = None
    doc_number: str | None = None


class Task(Model):
    """One obligation: the measure's text, its outline position, owners, deadlines and targets."""

    task_id: str
    label: str = ""
    path: tuple[str, ...] = ()
    text: str
    units: tuple[UnitMention, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    targets: tuple[Target, ...] = ()
    references: tuple[Reference, ...] = ()
    provenance: Provenance

    @property
    def lead_units(self) -> list[str]:
        return [u.mention for u in self.units if u.role is Role.lead]

    @property
    def co_units(self) -> list[str]:
        return [u.mention for u in self.units if u.role is Role.co]

    @property
    def ongoing(self) -> bool:
        return any(d.ongoing for d in self.deadlines)

    @property
    def due(self) -> list[Deadline]:
        """The first completion deadline or target year per distinct date, in order of appearance."""
        by_date: dict[dt.date, Deadline] = {}
        for deadline in self.deadlines:
            if deadline.date and deadline.kind in DUE_KINDS:
                by_date.setdefault(deadline.date, deadline)
        return list(by_date.values())

    @property
    def due_dates(self) -> list[dt.date]:
        """Distinct dates by which something is to be done or reached (completion or target), in order."""
        return [d.date for d in self.due]

    @property
    def completion_dates(self) -> list[dt.date]:
        """Distinct completion deadlines: the dates that make the task overdue once passed."""
        return [d.date for d in self.due if d.kind is DeadlineKind.completion]


class Document(Model):
    """A policy document with its metadata, citations and tasks."""

    doc_id: str
    title: str | None = None
    doc_number: str | None = None
    issue_date: dt.date | None = None
    issuers: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    enclosed_titles: tuple[str, ...] = ()
    cc: tuple[str, ...] = Field(default=(), description="抄送 units of an official document's footer")
    printed_date: dt.date | None = Field(default=None, description="印发 date of an official document's footer")
    region: str | None = None
    province: str | None = None
    references: tuple[Reference, ...] = ()
    tasks: tuple[Task, ...] = ()
    provenance: Provenance
    sources: tuple[Provenance, ...] = Field(default=(), description="every source the document was merged from")
    merge_conflicts: tuple[str, ...] = Field(default=(), description="fields on which merged copies disagreed")


class ExtractionError(Model):
    """A problem with one input, kept so that the run can go on and report it at the end."""

    code: str
    message: str
    path: str
    line: int | None = None
    page: int | None = None


class ExtractionResult(Model):
    """What extracting a set of inputs yields: the documents and the errors met on the way."""

    documents: tuple[Document, ...] = ()
    errors: tuple[ExtractionError, ...] = ()
