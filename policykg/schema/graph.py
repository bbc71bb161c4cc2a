"""The graph schema as data: labels, keys, property types, relationship types and their ends.

Every store's schema is generated from these tables and never written twice: the embedded
store's DDL, Neo4j constraints and indexes (the driver's load and the bundle's schema.cypher),
neo4j-admin CSV headers, GraphML keys, the Bloom perspective's indexes and the Cypher linter's schema.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# property types, written as the embedded store (LadybugDB) spells them
STRING, DATE, BOOLEAN, INT, FLOAT = "STRING", "DATE", "BOOLEAN", "INT64", "DOUBLE"
STRING_LIST, DATE_LIST, INT_LIST = "STRING[]", "DATE[]", "INT64[]"


@dataclass(frozen=True)
class NodeType:
    label: str
    key: str
    properties: dict[str, str]
    description: str = ""
    merged: tuple[str, ...] = ()  # list properties a load unions with what the store already holds
    owned: bool = False  # written and replaced with the one document that holds it; else shared by documents


@dataclass(frozen=True)
class RelType:
    type: str
    ends: tuple[tuple[str, str], ...]  # (from label, to label) pairs
    properties: dict[str, str] = field(default_factory=dict)
    description: str = ""


NODES: tuple[NodeType, ...] = (
    NodeType("Document", "doc_id", {
        "doc_id": STRING, "title": STRING, "doc_number": STRING, "doc_number_key": STRING, "issue_date": DATE, "doc_type": STRING,
        "jurisdiction": STRING, "province": STRING, "stub": BOOLEAN, "source_path": STRING,
        "start_line": INT, "end_line": INT, "pages": INT_LIST, "sources": STRING_LIST,
        "enclosed_titles": STRING_LIST, "merge_conflicts": STRING_LIST, "caption": STRING,
        "unresolved_units": STRING_LIST},
        "A policy document; stub=true for one cited but not in the corpus; unresolved_units: issuer or 主送 text "
        "that names no body", owned=True),
    NodeType("Agency", "agency_id", {
        "agency_id": STRING, "name": STRING, "jurisdiction": STRING, "level": STRING, "is_group": BOOLEAN,
        "aliases": STRING_LIST, "mentions": STRING_LIST},
        "A government body, or a collective of bodies (is_group); mentions: each 'text | document | file:line' "
        "it was resolved from", merged=("aliases", "mentions")),
    NodeType("Jurisdiction", "jurisdiction_id", {
        "jurisdiction_id": STRING, "name": STRING, "level": STRING, "code": STRING},
        "A province, city or county of the GB/T 2260 table, with its code"),
    NodeType("Task", "task_id", {
        "task_id": STRING, "label": STRING, "path": STRING_LIST, "text": STRING, "deadlines": DATE_LIST,
        "deadline_kinds": STRING_LIST, "deadline_clauses": STRING_LIST, "due_date": DATE, "ongoing": BOOLEAN,
        "source_path": STRING, "start_line": INT, "end_line": INT, "pages": INT_LIST, "caption": STRING,
        "unresolved_units": STRING_LIST},
        "An obligation: a measure or a sentence that assigns work. deadlines: its completion deadlines and "
        "target years, with their kinds and clauses (parallel lists); due_date: its last completion deadline; "
        "unresolved_units: unit text that names no body", owned=True),
    NodeType("Target", "target_id", {
        "target_id": STRING, "value": FLOAT, "unit": STRING, "comparator": STRING, "text": STRING},
        "A quantitative target of a task", owned=True),
)

RELS: tuple[RelType, ...] = (
    RelType("ISSUED", (("Agency", "Document"),), {"mention": STRING}, "the agency issued the document"),
    RelType("ADDRESSED_TO", (("Document", "Agency"),), {"mention": STRING}, "主送: the document is addressed to"),
    RelType("HAS_TASK", (("Document", "Task"),), {}, "the document assigns the task"),
    RelType("HAS_TARGET", (("Task", "Target"),), {}, "the task states the target"),
    RelType("LEADS", (("Agency", "Task"),), {"mention": STRING}, "牵头单位: the agency leads the task"),
    RelType("RESPONSIBLE_FOR", (("Agency", "Task"),), {"mention": STRING},
            "责任/配合单位: the agency shares the task"),
    RelType("CITES", (("Document", "Document"), ("Task", "Document")), {"title": STRING, "doc_number": STRING},
            "the document (or task) cites the document"),
    RelType("IN_JURISDICTION", (("Agency", "Jurisdiction"),), {}, "the agency belongs to the jurisdiction"),
    RelType("PART_OF", (("Jurisdiction", "Jurisdiction"), ("Agency", "Agency")), {},
            "a jurisdiction within another; an internal division within its department"),
)



@dataclass(frozen=True)
class Index:
    """A Neo4j index for the properties analysts filter on: RANGE for equality and ranges, TEXT for
    CONTAINS (a range index cannot serve it)."""

    label: str
    property: str
    kind: str

    @property
    def name(self) -> str:
        return f"{self.label.lower()}_{self.property}" + ("_text" if self.kind == "TEXT" else "")


INDEXES: tuple[Index, ...] = (
    Index("Task", "due_date", "RANGE"), Index("Agency", "name", "RANGE"), Index("Document", "doc_number_key", "RANGE"),
    Index("Document", "title", "RANGE"), Index("Agency", "name", "TEXT"), Index("Document", "title", "TEXT"),
)

NODE_BY_LABEL = {n.label: n for n in NODES}
REL_BY_TYPE = {r.type: r for r in RELS}


def neo4j_schema() -> list[str]:
    """Neo4j DDL: a uniqueness constraint on every key (backed by a range index), then INDEXES."""
    out = [f"CREATE CONSTRAINT {n.label.lower()}_{n.key} IF NOT EXISTS FOR (n:{n.label}) REQUIRE n.{n.key} IS UNIQUE"
           for n in NODES]
    out += [f"CREATE {i.kind} INDEX {i.name} IF NOT EXISTS FOR (n:{i.label}) ON (n.{i.property})" for i in INDEXES]
    return out


def stored(value):
    """A value as both Neo4j paths store it: empty strings and lists are absent, as neo4j-admin
    import leaves them (it cannot write either; a list of empty strings is an empty field too)."""
    if value == "" or isinstance(value, list) and all(item == "" for item in value):
        return None
    return value


def property_keys() -> list[str]:
    keys = {p for n in NODES for p in n.properties} | {p for r in RELS for p in r.properties}
    return sorted(keys)


# keys read from values that are not nodes: the load statements' row maps, temporal accessors
ROW_KEYS = ("from", "to", "props", "task_ids", "year", "month", "day")


def linter_schema(parameters: dict[str, object]) -> dict:
    """The schema Neo4j's Cypher linter checks statements against (labels, types, keys, parameters)."""
    return {
        "labels": [n.label for n in NODES],
        "relationshipTypes": [r.type for r in RELS],
        "propertyKeys": sorted(set(property_keys()) | set(ROW_KEYS)),
        "parameters": parameters,
        "graphSchema": [{"from": a, "relType": r.type, "to": b} for r in RELS for a, b in r.ends],
    }
