"""Exports: the evaluation's JSON Lines, a neo4j-admin import CSV bundle, and GraphML."""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from policykg.graph.model import GraphData
from policykg.graph.stores.networkx_store import to_networkx
from policykg.schema import Document, Task
from policykg.schema.graph import NODES, RELS, neo4j_schema, stored

ARRAY_DELIMITER = ";"
NODE_LABELS = {n.label for n in NODES}
SCHEMA_STEP = "cypher-shell -d neo4j -f schema.cypher"
ADMIN_TYPES = {"STRING": "string", "DATE": "date", "BOOLEAN": "boolean", "INT64": "long", "DOUBLE": "double",
               "STRING[]": "string[]", "DATE[]": "date[]", "INT64[]": "long[]"}


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
        "cc": list(doc.cc),
        "printed_date": doc.printed_date.isoformat() if doc.printed_date else None,
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


def admin_value(value: Any) -> str:
    """A value as neo4j-admin reads it; array elements joined by ';' (a ';' inside becomes '；'). An
    empty field is an absent property, as the driver's load leaves None, "" and [] (schema.stored)."""
    if stored(value) is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(admin_value(v).replace(ARRAY_DELIMITER, "；") for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def admin_command(files: dict[str, list[str]]) -> str:
    """The neo4j-admin command that imports the bundle (run it inside the bundle's folder)."""
    parts = ["neo4j-admin database import full neo4j"]
    parts += [f"--nodes={label}={name}" for label, names in files.items() if label in NODE_LABELS for name in names]
    parts += [f"--relationships={rel}={name}" for rel, names in files.items() if rel not in NODE_LABELS
              for name in names]
    parts += [f'--array-delimiter="{ARRAY_DELIMITER}"', "--overwrite-destination"]
    return " ".join(parts)



def write_neo4j_admin(graph: GraphData, out: Path) -> str:
    """One CSV per label and per relationship type and end pair with typed headers, schema.cypher (the
    constraints and indexes neo4j-admin does not make) and import.sh; returns the import command."""
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, list[str]] = {}
    for node in NODES:
        header = [f"{name}:ID({node.label})" if name == node.key else f"{name}:{ADMIN_TYPES[kind]}"
                  for name, kind in node.properties.items()]
        rows = ([admin_value(row.get(p)) for p in node.properties] for row in graph.nodes.get(node.label, []))
        files[node.label] = [write_csv(out / f"{node.label}.csv", header, rows)]
    for rel in RELS:
        for source, target in rel.ends:
            header = [f":START_ID({source})", f":END_ID({target})"]
            header += [f"{name}:{ADMIN_TYPES[kind]}" for name, kind in rel.properties.items()]
            rows = ([r["from"], r["to"], *(admin_value(r.get(p)) for p in rel.properties)]
                    for r in graph.edges.get(rel.type, []) if r["from_label"] == source and r["to_label"] == target)
            files.setdefault(rel.type, []).append(write_csv(out / f"{rel.type}_{source}_{target}.csv", header, rows))
    command = admin_command(files)
    (out / "schema.cypher").write_text("".join(f"{statement};\n" for statement in neo4j_schema()), encoding="utf-8")
    script = out / "import.sh"
    script.write_text(
        "#!/bin/sh\nset -e\n# 1. run inside this folder, with the database stopped:\n"
        f"{command}\n"
        "# 2. neo4j-admin makes no constraints or indexes: once the server has started, run (with -a, -u\n"
        "#    and -p for your server) the constraints and indexes every analyst query relies on:\n"
        f"echo 'imported. Start Neo4j, then run: {SCHEMA_STEP}'\n", encoding="utf-8")
    script.chmod(0o755)
    return command


def write_csv(path: Path, header: list[str], rows) -> str:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path.name


def write_graphml(graph: GraphData, path: Path) -> None:
    """GraphML of the whole graph; lists become JSON strings and dates ISO strings (GraphML has neither)."""
    g = to_networkx(graph)
    for _, attrs in g.nodes(data=True):
        flatten(attrs)
    for _, _, attrs in g.edges(data=True):
        flatten(attrs)
    nx.write_graphml(g, path)


def flatten(attrs: dict[str, Any]) -> None:
    for name, value in list(attrs.items()):
        if value is None:
            del attrs[name]
        elif isinstance(value, list):
            attrs[name] = json.dumps([admin_value(v) for v in value], ensure_ascii=False)
        elif isinstance(value, (dt.date, dt.datetime)):
            attrs[name] = value.isoformat()
