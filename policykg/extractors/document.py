"""A segment to a Document: header, outline, tasks and citations, with provenance."""
from __future__ import annotations

import re

from policykg.extractors.annotations import conventions
from policykg.extractors.header import enclosed_from_notice, parse_header
from policykg.extractors.outline import outline
from policykg.extractors.references import find_references
from policykg.extractors.segment import Segment
from policykg.extractors.tasks import ActorModel, build_tasks
from policykg.ids import stable_id
from policykg.lexicon.official import document_key
from policykg.schema import Document, Provenance, Reference, Task

ATTACHMENT = re.compile(r"^附件\d*[：:]?(.*)$")
LIST_ITEM = re.compile(r"^\d{1,2}[.．、](.+)$")
ATTACHMENT_NOTE = re.compile(r"[（(](略|样表|参照|附后)[）)]$")


def attachment_titles(lines) -> list[str]:
    """Titles listed after 附件：, numbered or not, without 《》 or notes such as （略）."""
    titles: list[str] = []
    for index, line in enumerate(lines):
        head = ATTACHMENT.match(line.text)
        if not head or not head.group(1):
            continue
        items = [head.group(1)]
        for following in lines[index + 1:index + 20]:
            if not LIST_ITEM.match(following.text):
                break
            items.append(following.text)
        for item in items:
            numbered = LIST_ITEM.match(item)
            titles.append(ATTACHMENT_NOTE.sub("", numbered.group(1) if numbered else item).strip("《》"))
    return titles


def enclosed_titles(header, from_notice: list[str]) -> list[str]:
    """The titles a notice issues: 《…》 in its title and its notice sentence; words taken from an
    unquoted title ("印发…的通知") only when the notice quotes none."""
    quoted_title = "《" in (header.title or "")
    if from_notice and not quoted_title:
        return from_notice
    return list(dict.fromkeys([*header.enclosed_titles, *from_notice]))


def cited_in(task: Task, references: list[Reference]) -> Task:
    """The task with the document's citations that its own text makes."""
    own = tuple(r for r in references if r.title and f"《{r.title}》" in task.text)
    return task.model_copy(update={"references": own}) if own else task


def parse_document(segment: Segment, actor_model: ActorModel | None = None) -> Document:
    header = parse_header(segment)
    body = segment.body[header.body_start:header.body_end]
    text = "".join(line.text for line in body)
    doc_id = stable_id(document_key(header.title, header.issue_date))
    tasks = build_tasks(outline(body), doc_id, segment.path, header.issue_date, conventions(text),
                        actor_model)
    enclosed = enclosed_titles(header, enclosed_from_notice(text))
    excluded = [*enclosed, header.title or "", *attachment_titles(body)]
    references = find_references(text, exclude=excluded)
    tasks = [cited_in(task, references) for task in tasks]
    lines = segment.heading + segment.body
    pages = tuple(sorted({line.page for line in lines if line.page is not None}))
    return Document(
        doc_id=doc_id, title=header.title, doc_number=header.doc_number, issue_date=header.issue_date,
        issuers=header.issuers, recipients=header.recipients, enclosed_titles=tuple(enclosed), cc=header.cc,
        printed_date=header.printed_date,
        region=segment.region, province=segment.province, references=tuple(references), tasks=tuple(tasks),
        provenance=Provenance(path=segment.path, start_line=lines[0].line_no, end_line=lines[-1].line_no,
                              pages=pages))
