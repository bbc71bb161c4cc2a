"""Coverage audit: the signals in a document's source that no task consumed.

The audit re-finds signals in the cleaned source lines of each parsed document with the
project's own finders, independently of the outline and task rules, and checks whether a task's
provenance (its line span) and text cover them:

- a deadline phrase of a sentence outside annotations (find_deadlines) is consumed when a task
  whose span holds its line has the phrase in its text; a period before the issue date is
  history, not a signal. An annotation's time limit (parse_time_limit) is consumed when the task
  holding it (or else the task just before or after it) has that deadline (phrase, date or ongoing);
- a unit list (find_annotations on each paragraph: lines joined up to a sentence end or an
  outline marker, and while a bracket is open; plus bracketed lists closing a sentence whose parts
  are mostly unit names, which the annotation rules rejected) is consumed when the task holding
  it, or else the task just before or after it, owns one of its units;
- a 文号-shaped line (DOC_NUMBER, alone on its line, maybe bracketed or labelled 发文字号：) is
  consumed when it is the document's 文号;
- a stated convention (the lexicon's COMMA_LEAD, FIRST_LEAD, STANDING, and any "不再列出") is
  consumed when a task from its line on applies it: a lead convention when such a task has a
  lead, a standing clause when such a task owns a unit the clause's sentence names.

Coverage is the share of these signal occurrences that tasks consumed (each occurrence counts
one, whatever its length); a run's coverage pools the occurrences of all its documents. Tasks
whose text is only an annotation or only a date, and documents without 文号 or date, are findings
too but not signals: they do not enter the coverage figure.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from enum import Enum
from pathlib import Path

from pydantic import computed_field

from policykg.extractors.annotations import (
    Annotation,
    Conventions,
    conventions,
    find_annotations,
    role_list,
    unit_like,
    without_notes,
)
from policykg.extractors.deadlines import ONGOING, PATTERNS, parse_time_limit, scan
from policykg.extractors.outline import marker
from policykg.extractors.units import split_units
from policykg.lexicon.brackets import closing_positions, depths
from policykg.lexicon.sentences import STATEMENT_ENDS
from policykg.lexicon.official import DOC_NUMBER, normal_number
from policykg.lexicon.regex import alternation
from policykg.lexicon.roles import COMMA_LEAD, FIRST_LEAD, ROLE_TAIL, STANDING, TIME_KEYS
from policykg.lexicon.sentences import SENTENCE
from policykg.pipeline import ExtractOptions, stream
from policykg.schema import Deadline, Document, ExtractionError, Line, Task, UnitMention
from policykg.schema.models import Model

# the rules' standing clause, and any sentence that says units are no longer listed (以下工作均需…负责，不再列出)
STANDING_CLAUSE = re.compile(STANDING.pattern + r"|不再(?:一一)?列(?:出|举)")
# a 文号 alone on its line, perhaps in brackets or after a label: （川办函〔2023〕29号）, 发文字号：…
NUMBER_LINE = re.compile(r"^(?:(?:发文字号|文号)[：:])?[（(]?(" + DOC_NUMBER.pattern + r")[）)]?$")
PUNCTUATION = re.compile(r"[\s\d.．、，,；;。：:！？!?（）()〔〕【】\[\]［］“”\"'‘’—\-]+")
TIME_WORDS = re.compile(alternation(TIME_KEYS) + r"|完成|之前|以前|年|月|日|[上中下]旬|季度|[上下]半|第|[一二三四]|底|末|前|止|内")
LIST_OR_ROLE = re.compile(r"、|牵头|负责|配合|会同")
MAX_UNIT_CHARS = 20  # longer "units" are sentences that start like one (各地要…)
SENTENCE_ENDS = (*STATEMENT_ENDS, ";")
ANY_YEAR = 2000  # phrases are found without a document year; their date is not used


class FindingKind(str, Enum):
    deadline = "deadline_outside_tasks"
    unit_list = "unit_list_unattached"
    doc_number = "doc_number_unused"
    convention = "convention_not_applied"
    annotation_task = "task_only_annotation"
    date_task = "task_only_date"
    no_doc_number = "document_without_doc_number"
    no_date = "document_without_date"


SIGNAL_KINDS = (FindingKind.deadline, FindingKind.unit_list, FindingKind.doc_number, FindingKind.convention)


class AuditFinding(Model):
    """One signal no task consumed, or a task or document that lacks what it should hold."""

    kind: FindingKind
    document: str
    file: str
    line: int | None = None
    text: str


class SignalCount(Model):
    found: int = 0
    consumed: int = 0


def share(counts: Sequence[SignalCount]) -> float | None:
    found = sum(c.found for c in counts)
    return round(sum(c.consumed for c in counts) / found, 4) if found else None


class DocumentAudit(Model):
    """A document's signals by kind (found, consumed), its findings, and its coverage."""

    document: str
    title: str | None
    file: str
    start_line: int
    signals: dict[FindingKind, SignalCount]
    findings: tuple[AuditFinding, ...] = ()

    @computed_field
    @property
    def coverage(self) -> float | None:
        """Consumed signal occurrences / signal occurrences; None without signals."""
        return share(list(self.signals.values()))


class AuditReport(Model):
    """Every document's audit, the run's signals and coverage, and the errors of unreadable inputs."""

    documents: tuple[DocumentAudit, ...] = ()
    errors: tuple[ExtractionError, ...] = ()

    @computed_field
    @property
    def signals(self) -> dict[FindingKind, SignalCount]:
        return {kind: SignalCount(found=sum(d.signals[kind].found for d in self.documents),
                                  consumed=sum(d.signals[kind].consumed for d in self.documents))
                for kind in SIGNAL_KINDS}

    @computed_field
    @property
    def coverage(self) -> float | None:
        """Consumed signal occurrences / signal occurrences over all documents."""
        return share(list(self.signals.values()))

    def classes(self) -> list[tuple[FindingKind, list[AuditFinding]]]:
        """Findings by kind, the most frequent kind first."""
        by_kind: dict[FindingKind, list[AuditFinding]] = {}
        for doc in self.documents:
            for finding in doc.findings:
                by_kind.setdefault(finding.kind, []).append(finding)
        return sorted(by_kind.items(), key=lambda item: -len(item[1]))


class Signal(Model):
    kind: FindingKind
    line: int
    text: str
    consumed: bool


class SourceSpan:
    """A document's lines joined without separators (PDF lines break mid-word), with the line of
    every offset."""

    def __init__(self, lines: Sequence[Line]):
        self.lines = list(lines)
        self.starts, offset = [], 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line.text)
        self.text = "".join(line.text for line in self.lines)

    def line_at(self, offset: int) -> int:
        return self.lines[bisect_right(self.starts, offset) - 1].line_no

    def paragraphs(self) -> Iterator[tuple[int, str, tuple[int, ...]]]:
        """(offset, text, offsets in the text where its lines start) of paragraphs: a line continues
        the one before unless that one ends a sentence or the line starts an outline item, and always
        while a bracket is open."""
        depth = depths(self.text + " ")
        begin = 0
        for index in range(1, len(self.lines) + 1):
            if index == len(self.lines) or (depth[self.starts[index]] == 0 and (
                    self.lines[index - 1].text.endswith(SENTENCE_ENDS) or marker(self.lines[index].text))):
                end = self.starts[index] if index < len(self.lines) else len(self.text)
                first = self.starts[begin]
                yield first, self.text[first:end], tuple(start - first for start in self.starts[begin:index])
                begin = index


def year_of(doc: Document) -> int:
    return doc.issue_date.year if doc.issue_date else ANY_YEAR


def covering(tasks: Sequence[Task], line: int) -> list[Task]:
    return [t for t in tasks if t.provenance.start_line <= line <= t.provenance.end_line]


def neighbours(tasks: Sequence[Task], line: int) -> list[Task]:
    """The tasks holding a line, or else the last task before it and the first after it."""
    found = covering(tasks, line)
    if found:
        return found
    before = [t for t in tasks if t.provenance.end_line < line][-1:]
    after = [t for t in tasks if t.provenance.start_line > line][:1]
    return before + after


def has_deadline(task: Task, deadline: Deadline) -> bool:
    """Whether a task has this deadline: the same phrase (or one inside the other), date or ongoing flag."""
    return any(deadline.phrase in d.phrase or d.phrase in deadline.phrase or (deadline.date and d.date == deadline.date)
               or (deadline.ongoing and d.ongoing) for d in task.deadlines)


class Placed(Model):
    """An annotation found in a document's joined text, at its offset there."""

    offset: int
    annotation: Annotation


def placed_annotations(span: SourceSpan) -> list[Placed]:
    """The annotations of each paragraph, and the unit lists the annotation rules reject."""
    rules = conventions(span.text)
    found = []
    for offset, text, breaks in span.paragraphs():
        annotations = find_annotations(text, rules, breaks)
        annotations += rejected_unit_lists(text, annotations)
        found += [Placed(offset=offset + a.start, annotation=a) for a in annotations]
    return found


def rejected_unit_lists(text: str, annotations: list[Annotation]) -> list[Annotation]:
    """Brackets closing a sentence or paragraph, outside every annotation, whose parts are mostly
    unit names (half or more): unit lists a finder missed (an unknown unit name, a note inside)."""
    found = []
    for start, end in closing_positions(text).items():
        if any(a.start <= start < a.end for a in annotations) or (end < len(text) and text[end] not in "。；;"):
            continue
        units = split_units(ROLE_TAIL.sub("", without_notes(text[start + 1:end - 1])), "、，,；;")
        if units and 2 * sum(map(unit_like, units)) >= len(units) and sum(map(unit_like, units)) >= 1:
            found.append(Annotation(start=start, end=end, raw=text[start:end],
                                    units=tuple(UnitMention(mention=u) for u in units)))
    return found


def deadline_signals(doc: Document, span: SourceSpan, tasks: Sequence[Task], annotations: list[Placed]
                     ) -> Iterator[Signal]:
    """Deadline phrases of each sentence outside annotations, consumed when a task holding their
    line has them in its text; history (a period before the issue date) is left out."""
    inside = [(p.offset, p.offset + len(p.annotation.raw)) for p in annotations]
    for match in SENTENCE.finditer(span.text):
        for start, _, deadline in scan(match.group(0), year_of(doc), PATTERNS):
            offset = match.start() + start  # where the phrase was found, not its first occurrence
            if any(a <= offset < b for a, b in inside) or (
                    doc.issue_date and deadline.date and deadline.date < doc.issue_date):
                continue
            line = span.line_at(offset)
            yield Signal(kind=FindingKind.deadline, line=line, text=deadline.phrase,
                         consumed=any(deadline.phrase in t.text for t in covering(tasks, line)))


def annotation_signals(doc: Document, span: SourceSpan, tasks: Sequence[Task], annotations: list[Placed]
                       ) -> Iterator[Signal]:
    """Each annotation's unit list and time limit, consumed when the task holding it (or else the
    task just before or after it) owns one of its units, or has its deadline."""
    for placed in annotations:
        annotation, line = placed.annotation, span.line_at(placed.offset)
        near = neighbours(tasks, line)
        if annotation.units:
            names = {u.mention for u in annotation.units}
            yield Signal(kind=FindingKind.unit_list, line=line, text=annotation.raw,
                         consumed=any(names & {u.mention for u in t.units} for t in near))
        for deadline in parse_time_limit(annotation.time_limit or "", year_of(doc)):
            yield Signal(kind=FindingKind.deadline, line=line, text=deadline.phrase,
                         consumed=any(has_deadline(t, deadline) for t in near))


def number_signals(doc: Document, span: SourceSpan) -> Iterator[Signal]:
    own = normal_number(doc.doc_number)
    for line in span.lines:
        match = NUMBER_LINE.match(line.text)
        if match:
            yield Signal(kind=FindingKind.doc_number, line=line.line_no, text=line.text,
                         consumed=normal_number(match.group(1)) == own)


def convention_signals(span: SourceSpan, tasks: Sequence[Task]) -> Iterator[Signal]:
    """Each sentence stating a convention, once per kind, consumed when a task from its line on applies it."""
    for match in SENTENCE.finditer(span.text):
        sentence = match.group(0)
        for pattern, applied in ((COMMA_LEAD, has_lead), (FIRST_LEAD, has_lead), (STANDING_CLAUSE, names_unit_of)):
            stated = pattern.search(sentence)
            if stated:
                line = span.line_at(match.start() + stated.end() - 1)
                later = [t for t in tasks if t.provenance.start_line >= line]
                yield Signal(kind=FindingKind.convention, line=line, text=sentence,
                             consumed=any(applied(t, sentence) for t in later))


def has_lead(task: Task, sentence: str) -> bool:
    return bool(task.lead_units)


def names_unit_of(task: Task, sentence: str) -> bool:
    return any(u.mention in sentence for u in task.units)


def only_annotation(text: str) -> bool:
    """Nothing but annotations, or a bare list of (short) unit names with role words."""
    left = PUNCTUATION.sub("", text)
    annotations = [a for a in find_annotations(text) if a.units]
    for annotation in annotations:
        left = left.replace(PUNCTUATION.sub("", annotation.raw), "")
    if annotations and not left:
        return True
    units = role_list(left, Conventions()) if LIST_OR_ROLE.search(left) else None
    return bool(units) and all(len(u.mention) <= MAX_UNIT_CHARS for u in units[0])


def only_date(text: str) -> bool:
    """Nothing but dates, periods and time words (2023年12月底前完成, 持续推进)."""
    return not TIME_WORDS.sub("", ONGOING.sub("", PUNCTUATION.sub("", text)))


def task_findings(doc: Document, tasks: Sequence[Task]) -> Iterator[AuditFinding]:
    """Tasks whose text is only an annotation (a unit list, role words) or only a date."""
    for task in tasks:
        kind = (FindingKind.annotation_task if only_annotation(task.text)
                else FindingKind.date_task if only_date(task.text) else None)
        if kind:
            yield AuditFinding(kind=kind, document=doc.doc_id, file=task.provenance.path,
                               line=task.provenance.start_line, text=task.text)


def document_findings(doc: Document) -> Iterator[AuditFinding]:
    where = {"document": doc.doc_id, "file": doc.provenance.path, "line": doc.provenance.start_line}
    if not doc.doc_number:
        yield AuditFinding(kind=FindingKind.no_doc_number, text=doc.title or "", **where)
    if not doc.issue_date:
        yield AuditFinding(kind=FindingKind.no_date, text=doc.title or "", **where)


def audit_document(doc: Document, lines: Sequence[Line]) -> DocumentAudit:
    """The audit of one parsed document against the cleaned lines of its source."""
    first, last = doc.provenance.start_line, doc.provenance.end_line
    title = doc.title or ""
    span = SourceSpan([line for line in lines if first <= line.line_no <= last and line.text not in title])
    tasks = sorted(doc.tasks, key=lambda t: (t.provenance.start_line, t.provenance.end_line))
    annotations = placed_annotations(span)
    signals = [*deadline_signals(doc, span, tasks, annotations), *annotation_signals(doc, span, tasks, annotations),
               *number_signals(doc, span), *convention_signals(span, tasks)]
    counts = {kind: SignalCount(found=sum(s.kind is kind for s in signals),
                                consumed=sum(s.kind is kind and s.consumed for s in signals))
              for kind in SIGNAL_KINDS}
    misses = [AuditFinding(kind=s.kind, document=doc.doc_id, file=doc.provenance.path, line=s.line, text=s.text)
              for s in signals if not s.consumed]
    findings = sorted([*misses, *task_findings(doc, tasks), *document_findings(doc)],
                      key=lambda f: (f.line or 0, f.kind.value))
    return DocumentAudit(document=doc.doc_id, title=doc.title, file=doc.provenance.path, start_line=first,
                         signals=counts, findings=tuple(findings))


def audit(inputs: list[Path], options: ExtractOptions | None = None) -> AuditReport:
    """Audit every document of the inputs, file by file (documents before duplicates are merged:
    each source is audited against its own lines)."""
    options = (options or ExtractOptions()).model_copy(update={"keep_source": True})
    documents: list[DocumentAudit] = []
    errors: list[ExtractionError] = []
    for result in stream(inputs, options):
        errors += result.errors
        lines = result.source.lines if result.source else ()
        documents += [audit_document(doc, lines) for doc in result.documents]
    return AuditReport(documents=tuple(documents), errors=tuple(errors))

