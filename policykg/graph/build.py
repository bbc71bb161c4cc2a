"""Resolve stage: extracted documents to the graph of schema/graph.py — agencies resolved by
jurisdiction, citations linked to corpus documents or stubs, rows ready for every store."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from policykg.graph.agencies import Context, ResolvedAgency, Unresolved, resolve_mention
from policykg.graph.citations import CitationIndex
from policykg.graph.jurisdiction import Jurisdiction, document_jurisdiction
from policykg.graph.model import GraphData
from policykg.ids import stable_id
from policykg.lexicon.official import normal_number
from policykg.lexicon.places import divisions, lineage
from policykg.schema import Document, Provenance, Role, Task
from policykg.schema.graph import NODES, RELS


class GraphBuilder:
    def __init__(self, documents: list[Document]):
        self.documents = documents
        self.citations = CitationIndex(documents)
        self.nodes: dict[str, dict[str, dict[str, Any]]] = {n.label: {} for n in NODES}
        self.edges: dict[str, dict[tuple, dict[str, Any]]] = {r.type: {} for r in RELS}
        self.mentions: dict[str, list[str]] = defaultdict(list)

    def node(self, node_label: str, key: str, **props) -> str:
        row = self.nodes[node_label].setdefault(key, {})
        row.update({k: v for k, v in props.items() if v is not None or k not in row})
        return key

    def edge(self, rel: str, from_label: str, source: str, to_label: str, target: str, **props) -> None:
        self.edges[rel].setdefault((from_label, source, to_label, target), props)

    def jurisdiction(self, place: Jurisdiction) -> str | None:
        """The division's node and its parents' (only divisions of the table), its key."""
        parent, path = None, []
        for division in lineage(divisions()[place.code]) if place.code else ():
            path.append(division.name)
            key = "/".join(path)
            self.node("Jurisdiction", key, jurisdiction_id=key, name=division.name, level=division.level,
                      code=division.code)
            if parent:
                self.edge("PART_OF", "Jurisdiction", key, "Jurisdiction", parent)
            parent = key
        return parent

    def units(self, mention: str, context: Context, source: Provenance, doc: Document,
              unresolved: list[str]) -> list[ResolvedAgency]:
        """The agencies a mention names, added to the graph; fragments go to `unresolved`."""
        found = []
        for result in resolve_mention(mention, context):
            if isinstance(result, Unresolved):
                unresolved.append(f"{result.text}: {result.reason}")
                continue
            document = doc.doc_number or doc.title or doc.doc_id
            written = f"{result.written} | {document} | {source.path}:{source.start_line}"
            self.agency(result, written)
            found.append(result)
        return found

    def agency(self, agency: ResolvedAgency, mention: str) -> str:
        self.mentions[agency.agency_id].append(mention)
        self.node("Agency", agency.agency_id, agency_id=agency.agency_id, name=agency.name,
                  jurisdiction=agency.jurisdiction.id, level=agency.jurisdiction.level, is_group=agency.is_group)
        place = self.jurisdiction(agency.jurisdiction)
        if place:
            self.edge("IN_JURISDICTION", "Agency", agency.agency_id, "Jurisdiction", place)
        if agency.parent_id:
            self.edge("PART_OF", "Agency", agency.agency_id, "Agency", agency.parent_id)
        return agency.agency_id

    def document(self, doc: Document) -> None:
        place = document_jurisdiction(list(doc.issuers), doc.province, doc.title)
        self.node("Document", doc.doc_id, doc_id=doc.doc_id, title=doc.title, doc_number=doc.doc_number,
                  issue_date=doc.issue_date, doc_type=doc_type(doc.title), jurisdiction=place.id,
                  province=doc.province, stub=False, source_path=doc.provenance.path,
                  start_line=doc.provenance.start_line, end_line=doc.provenance.end_line,
                  pages=list(doc.provenance.pages), sources=[s.path for s in doc.sources or (doc.provenance,)],
                  enclosed_titles=list(doc.enclosed_titles), merge_conflicts=list(doc.merge_conflicts))
        unresolved: list[str] = []
        issued = [(name, agency) for name in doc.issuers
                  for agency in self.units(name, Context(place=place), doc.provenance, doc, unresolved)]
        for name, agency in issued:
            self.edge("ISSUED", "Agency", agency.agency_id, "Document", doc.doc_id, mention=name)
        context = Context(place=place, issuer=issued[0][1] if issued else None)
        for name in doc.recipients:
            for agency in self.units(name, context, doc.provenance, doc, unresolved):
                self.edge("ADDRESSED_TO", "Document", doc.doc_id, "Agency", agency.agency_id, mention=name)
        self.nodes["Document"][doc.doc_id]["unresolved_units"] = unresolved
        for reference in doc.references:
            self.cite("Document", doc.doc_id, reference)
        for task in doc.tasks:
            self.task(doc, task, context)

    def cite(self, from_label: str, source: str, reference) -> None:
        target = self.citations.resolve(reference)
        if target.doc_id == source:
            return
        if target.stub:
            self.node("Document", target.doc_id, doc_id=target.doc_id, title=reference.title,
                      doc_number=reference.doc_number, stub=True)
        self.edge("CITES", from_label, source, "Document", target.doc_id, title=reference.title,
                  doc_number=reference.doc_number)

    def task(self, doc: Document, task: Task, context: Context) -> None:
        due, completion = task.due, task.completion_dates
        self.node("Task", task.task_id, task_id=task.task_id, label=task.label, path=list(task.path),
                  text=task.text, deadlines=[d.date for d in due], deadline_kinds=[d.kind.value for d in due],
                  deadline_clauses=[d.clause for d in due], due_date=max(completion) if completion else None,
                  ongoing=task.ongoing,
                  source_path=task.provenance.path, start_line=task.provenance.start_line,
                  end_line=task.provenance.end_line, pages=list(task.provenance.pages))
        self.edge("HAS_TASK", "Document", doc.doc_id, "Task", task.task_id)
        unresolved: list[str] = []
        for unit in task.units:
            rel = "LEADS" if unit.role is Role.lead else "RESPONSIBLE_FOR"
            for agency in self.units(unit.mention, context, task.provenance, doc, unresolved):
                self.edge(rel, "Agency", agency.agency_id, "Task", task.task_id, mention=unit.mention)
                context = context.model_copy(update={"previous": agency})
        self.nodes["Task"][task.task_id]["unresolved_units"] = unresolved
        for index, target in enumerate(task.targets):
            key = stable_id(task.task_id, str(index))
            self.node("Target", key, target_id=key, value=target.value, unit=target.unit,
                      comparator=target.comparator, text=target.phrase)
            self.edge("HAS_TARGET", "Task", task.task_id, "Target", key)
        for reference in task.references:
            self.cite("Task", task.task_id, reference)

    def build(self) -> GraphData:
        for doc in self.documents:
            self.document(doc)
        for agency_id, mentions in self.mentions.items():
            self.nodes["Agency"][agency_id]["aliases"] = sorted({m.split(" | ")[0] for m in mentions})
            self.nodes["Agency"][agency_id]["mentions"] = sorted(set(mentions))  # as a merging load keeps them
        nodes = {label: [complete(label, row) for row in rows.values()] for label, rows in self.nodes.items()}
        edges = {rel: [{"from": s, "to": t, "from_label": fl, "to_label": tl, **props}
                       for (fl, s, tl, t), props in rows.items()] for rel, rows in self.edges.items()}
        return GraphData(nodes=nodes, edges=edges)


def complete(label: str, row: dict[str, Any]) -> dict[str, Any]:
    """Every property of the label present (None when unknown), in schema order."""
    spec = next(n for n in NODES if n.label == label)
    if "caption" in spec.properties:
        row = {**row, "caption": caption(label, row)}
    if "doc_number_key" in spec.properties:
        row = {**row, "doc_number_key": normal_number(row.get("doc_number")) or None}
    return {name: row.get(name) for name in spec.properties}


CAPTION_CHARS = 16
CLAUSE_END = re.compile(r"[，。；：,;:]")


def caption(label: str, row: dict[str, Any]) -> str | None:
    """What Bloom and Browser show on a node, never blank: a document's 文号, else its title; a task's
    label (when it has one), its first words (up to the first comma or stop, at most CAPTION_CHARS,
    "…" when more follows) and its due date."""
    if label == "Document":
        return row.get("doc_number") or row.get("title")
    text = (row.get("text") or "").rstrip("。；;")
    words = CLAUSE_END.split(text)[0][:CAPTION_CHARS]
    words += "…" if len(words) < len(text) else ""
    due = row.get("due_date")
    return " ".join(filter(None, (row.get("label"), words, due.isoformat() if due else None)))


DOC_TYPES = (("通知", "notice"), ("意见", "opinion"), ("方案", "plan"), ("要点", "work_points"),
             ("办法", "measures"), ("条例", "regulation"), ("措施", "measures"), ("清单", "list"),
             ("公告", "announcement"), ("规划", "plan"))


def doc_type(title: str | None) -> str | None:
    """The kind of document its title ends with (通知, 方案, 要点, …)."""
    if not title:
        return None
    ending = max(((title.rfind(word), kind) for word, kind in DOC_TYPES), default=(-1, None))
    return ending[1] if ending[0] >= 0 else None


def build_graph(documents: list[Document]) -> GraphData:
    """Documents (duplicates already merged) to the resolved graph."""
    return GraphBuilder(documents).build()
