"""The JSON Lines record of a document (the evaluation's format, shared/eval/FORMAT.md, plus
provenance): pydantic models made from the IR, so the record's names and types live in one place."""
from __future__ import annotations

import datetime as dt

from policykg.schema.models import Document, Model, Provenance, Reference, Target, Task


class TargetRecord(Model):
    value: float
    unit: str
    comparator: str | None = None
    text: str

    @classmethod
    def of(cls, target: Target) -> TargetRecord:
        return cls(value=target.value, unit=target.unit, comparator=target.comparator, text=target.phrase)


class TaskRecord(Model):
    id: str
    label: str
    path: list[str]
    text: str
    leads: list[str]
    co: list[str]
    deadlines: list[dt.date]  # completion deadlines and target years
    deadline_phrases: list[str]  # every date phrase, whatever its kind
    ongoing: bool
    targets: list[TargetRecord]
    source: Provenance

    @classmethod
    def of(cls, task: Task) -> TaskRecord:
        return cls(id=task.task_id, label=task.label, path=list(task.path), text=task.text, leads=task.lead_units,
                   co=task.co_units, deadlines=task.due_dates, deadline_phrases=[d.phrase for d in task.deadlines],
                   ongoing=task.ongoing, targets=[TargetRecord.of(t) for t in task.targets],
                   source=task.provenance)


class DocumentRecord(Model):
    doc_id: str
    title: str | None
    doc_number: str | None
    issue_date: dt.date | None
    issuers: list[str]
    recipients: list[str]
    enclosed_titles: list[str]
    cc: list[str]
    printed_date: dt.date | None
    region: str | None
    province: str | None
    source: Provenance
    sources: list[Provenance]  # every file a merged document was read from
    references: list[Reference]
    tasks: list[TaskRecord]

    @classmethod
    def of(cls, doc: Document) -> DocumentRecord:
        return cls(doc_id=doc.doc_id, title=doc.title, doc_number=doc.doc_number, issue_date=doc.issue_date,
                   issuers=list(doc.issuers), recipients=list(doc.recipients),
                   enclosed_titles=list(doc.enclosed_titles), cc=list(doc.cc), printed_date=doc.printed_date,
                   region=doc.region, province=doc.province, source=doc.provenance,
                   sources=list(doc.sources or (doc.provenance,)), references=list(doc.references),
                   tasks=[TaskRecord.of(t) for t in doc.tasks])
