"""Export documents as the JSON Lines records of the evaluation format (shared/eval/FORMAT.md)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from policykg.schema import Document, Task


def task_record(task: Task) -> dict:
    return {
        "id": task.task_id,
        "label": task.label,
        "path": list(task.path),
        "text": task.text,
        "leads": task.lead_units,
        "co": task.co_units,
        "deadlines": [d.isoformat() for d in task.due_dates],
        "deadline_phrases": [d.phrase for d in task.deadlines],
        "ongoing": task.ongoing,
        "targets": [{"value": t.value, "unit": t.unit, "comparator": t.comparator, "text": t.phrase}
                    for t in task.targets],
        "source": task.provenance.model_dump(mode="json"),
    }


def document_record(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "issue_date": doc.issue_date.isoformat() if doc.issue_date else None,
        "issuers": list(doc.issuers),
        "recipients": list(doc.recipients),
        "enclosed_titles": list(doc.enclosed_titles),
        "region": doc.region,
        "province": doc.province,
        "source": doc.provenance.model_dump(mode="json"),
        "sources": [s.model_dump(mode="json") for s in doc.sources or (doc.provenance,)],
        "references": [r.model_dump(mode="json") for r in doc.references],
        "tasks": [task_record(t) for t in doc.tasks],
    }


def write_jsonl(documents: Iterable[Document], out: Path) -> int:
    """Write one record per document; returns the number written."""
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for doc in documents:
            handle.write(json.dumps(document_record(doc), ensure_ascii=False) + "\n")
            count += 1
    return count
