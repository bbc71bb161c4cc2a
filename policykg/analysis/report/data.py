"""Read what the checks need from a store (embedded or Neo4j) with a few read-only queries."""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

QUERIES = {
    "tasks": "MATCH (d:Document)-[:HAS_TASK]->(t:Task) "
             "RETURN t.task_id AS task_id, t.label AS label, t.text AS text, t.deadlines AS deadlines, "
             "t.deadline_kinds AS deadline_kinds, t.deadline_clauses AS deadline_clauses, "
             "t.due_date AS due_date, t.ongoing AS ongoing, t.source_path AS source_path, "
             "t.start_line AS start_line, t.pages AS pages, d.doc_id AS doc_id, d.doc_number AS doc_number, "
             "d.title AS title, d.issue_date AS issue_date",
    "leads": "MATCH (a:Agency)-[r:LEADS]->(t:Task) "
             "RETURN t.task_id AS task_id, a.agency_id AS agency_id, a.name AS agency, r.mention AS mention",
    "co": "MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task) "
          "RETURN t.task_id AS task_id, a.agency_id AS agency_id, a.name AS agency, r.mention AS mention",
    "agencies": "MATCH (a:Agency) RETURN a.agency_id AS agency_id, a.name AS name, a.jurisdiction AS jurisdiction, "
                "a.aliases AS aliases, a.is_group AS is_group",
    "citations": "MATCH (c:Document)-[r:CITES]->(d:Document) WHERE NOT c.stub "
                 "RETURN c.doc_id AS from_id, c.doc_number AS from_number, c.title AS from_title, "
                 "c.source_path AS source_path, c.start_line AS start_line, r.title AS cited_title, "
                 "r.doc_number AS cited_number, d.doc_id AS to_id, d.doc_number AS to_number, "
                 "d.title AS to_title, d.stub AS stub, d.enclosed_titles AS to_enclosed",
    "documents": "MATCH (d:Document) WHERE NOT d.stub "
                 "RETURN d.doc_id AS doc_id, d.doc_number AS doc_number, d.title AS title, "
                 "d.issue_date AS issue_date, d.merge_conflicts AS merge_conflicts, d.sources AS sources, "
                 "d.source_path AS source_path, d.start_line AS start_line",
}


class ReportData(BaseModel):
    """Rows of each report query, dates parsed."""

    model_config = ConfigDict(extra="forbid")

    tasks: list[dict[str, Any]]
    leads: list[dict[str, Any]]
    co: list[dict[str, Any]]
    agencies: list[dict[str, Any]]
    citations: list[dict[str, Any]]
    documents: list[dict[str, Any]]


DATE_FIELDS = ("due_date", "issue_date")
LIST_FIELDS = ("deadline_kinds", "deadline_clauses")


def as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def rows(reader, query: str) -> list[dict[str, Any]]:
    columns, values = reader.run(query)
    out = []
    for row in values:
        record = dict(zip(columns, row))
        for field in DATE_FIELDS:
            if field in record:
                record[field] = as_date(record[field])
        for field in LIST_FIELDS:
            if field in record:
                record[field] = list(record[field] or [])
        if "deadlines" in record:
            record["deadlines"] = [as_date(d) for d in record["deadlines"] or []]
        out.append(record)
    return out


def read(reader) -> ReportData:
    """Everything the checks use, from any reader with run(cypher, params) -> (columns, rows)."""
    return ReportData(**{name: rows(reader, query) for name, query in QUERIES.items()})
