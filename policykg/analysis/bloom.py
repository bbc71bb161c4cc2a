"""Neo4j Bloom perspective and Neo4j Browser style (GraSS), generated from the graph schema.

The search phrases are the graph-returning queries of the query library (graph_*.cypher), so
Bloom users and analysts on the command line ask the same questions of the same text.
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from policykg.analysis.query_library import library
from policykg.schema.graph import INDEXES, NODES, RELS

PERSPECTIVE_VERSION = "2.4.0"
CREATED = 1700000000000  # fixed, so the generated file is the same on every run
NAMESPACE = uuid.UUID("6f1c5c9e-8b7a-4b8e-9d55-6a0f3c2b1e10")
STYLE = {  # label: (colour, border, diameter, caption property, Bloom size)
    "Document": ("#4C8EDA", "#2870c2", "80px", "caption", 3),
    "Agency": ("#57C7E3", "#23b3d7", "65px", "name", 2),
    "Task": ("#F16667", "#eb2728", "50px", "caption", 1),
    "Target": ("#FFC454", "#d7a013", "35px", "text", 1),
    "Jurisdiction": ("#8DCC93", "#5db665", "60px", "name", 2),
}
REL_COLORS = {"LEADS": "#D9534F", "RESPONSIBLE_FOR": "#F0AD4E", "CITES": "#4C8EDA", "HAS_TASK": "#A5ABB6"}
BLOOM_TYPES = {"STRING": "string", "DATE": "Date", "BOOLEAN": "boolean", "INT64": "bigint", "DOUBLE": "number",
               "STRING[]": "array", "DATE[]": "array", "INT64[]": "array"}
SEARCH_PHRASES = {  # query name: (phrase text, parameter types, suggestion label.property per parameter)
    "graph_agency_tasks_due_before": ("Tasks of $agency due before $date",
                                      {"agency": ("String", "Agency", "name"), "date": ("Date", None, None)}),
    "graph_overdue_tasks": ("Overdue tasks as of $date", {"date": ("Date", None, None)}),
    "graph_citation_chain": ("Citation chain of $doc_number",
                             {"doc_number": ("String", "Document", "doc_number")}),
}


def category(index: int, node) -> dict:
    colour, _, _, caption, size = STYLE[node.label]
    return {
        "id": index, "name": node.label, "labels": [node.label],
        "properties": [{"name": name, "exclude": False, "dataType": BLOOM_TYPES[kind]}
                       for name, kind in node.properties.items()],
        "createdAt": CREATED, "lastEditedAt": CREATED, "color": colour, "size": size, "icon": "no-icon",
        "textSize": 1, "textAlign": "top",
        "captions": [{"key": caption, "type": "property", "isCaption": True, "inTooltip": True, "styles": []}],
        "captionKeys": ["0_CATEGORY_NAME_CAPTION_KEY", caption], "styleRules": [],
    }


def template(index: int, name: str) -> dict:
    text, params = SEARCH_PHRASES[name]
    query = library()[name]
    cypher = "\n".join(line for line in query.neo4j.splitlines() if not line.startswith("//"))
    return {
        "name": query.answers, "id": f"tmpl:{CREATED + index}", "createdAt": CREATED, "text": text,
        "cypher": cypher, "isUpdateQuery": None, "hasCypherErrors": False,
        "params": [{"name": f"${param}", "dataType": kind, "collapsed": False, "suggestionLabel": label,
                    "suggestionProp": prop, "suggestionBoolean": False, "cypher": None}
                   for param, (kind, label, prop) in params.items()],
    }


def perspective() -> dict:
    """The Bloom perspective: a category per label, every relationship type, the search phrases."""
    return {
        "name": "policykg obligations",
        "id": str(uuid.uuid5(NAMESPACE, "policykg-perspective")),
        "categories": [category(i, node) for i, node in enumerate(NODES, start=1)],
        "labels": {node.label: [{"propertyKey": name, "type": node.label, "dataType": BLOOM_TYPES[kind]}
                                for name, kind in node.properties.items()] for node in NODES},
        "relationshipTypes": [{"id": rel.type, "name": rel.type,
                               "properties": [{"propertyKey": name, "type": rel.type, "dataType": BLOOM_TYPES[kind]}
                                              for name, kind in rel.properties.items()],
                               "color": REL_COLORS.get(rel.type, "#848484"), "size": 1,
                               "captionKeys": ["0_REL_TYPE_CAPTION_KEY"]} for rel in RELS],
        "palette": {"colors": [style[0] for style in STYLE.values()], "currentIndex": len(STYLE)},
        "createdAt": CREATED, "lastEditedAt": CREATED,
        "templates": [template(i, name) for i, name in enumerate(SEARCH_PHRASES)],
        "sceneActions": [], "hiddenRelationshipTypes": [], "hiddenCategories": [], "hideUncategorisedData": False,
        "isAuto": False, "type": "STANDARD_PERSPECTIVE", "parentPerspectiveId": None,
        "metadata": {"pathSegments": [{"source": a, "relationshipType": rel.type, "target": b}
                                      for rel in RELS for a, b in rel.ends],
                     "indexes": indexes()},
        "version": PERSPECTIVE_VERSION,
    }


def indexes() -> list[dict]:
    """The indexes schema.cypher and the driver's load create: each key's (its constraint's), then INDEXES."""
    keys = [{"label": node.label, "type": "native", "propertyKeys": [node.key]} for node in NODES]
    return keys + [{"label": i.label, "type": "native" if i.kind == "RANGE" else "text", "propertyKeys": [i.property]}
                   for i in INDEXES]


def grass() -> str:
    """Neo4j Browser style: a colour, size and caption per label, a colour per relationship type."""
    lines = ["node { diameter: 50px; color: #A5ABB6; border-color: #9AA1AC; border-width: 2px; "
             "text-color-internal: #FFFFFF; font-size: 10px; }"]
    for label, (colour, border, diameter, caption, _) in STYLE.items():
        lines.append(f"node.{label} {{ color: {colour}; border-color: {border}; diameter: {diameter}; "
                     f"caption: '{{{caption}}}'; }}")
    lines.append("relationship { color: #A5ABB6; shaft-width: 1px; font-size: 8px; caption: '<type>'; }")
    for rel in RELS:
        width = "3px" if rel.type in REL_COLORS else "1px"
        lines.append(f"relationship.{rel.type} {{ color: {REL_COLORS.get(rel.type, '#A5ABB6')}; "
                     f"shaft-width: {width}; caption: '<type>'; }}")
    return "\n".join(lines) + "\n"


def write(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    perspective_path = out / "policykg-perspective.json"
    perspective_path.write_text(json.dumps(perspective(), ensure_ascii=False, indent=2), encoding="utf-8")
    style_path = out / "policykg.grass"
    style_path.write_text(grass(), encoding="utf-8")
    return [perspective_path, style_path]
