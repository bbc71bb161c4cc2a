"""The graph as a networkx MultiDiGraph, for analysis: nodes are "Label:key", edges keyed by type."""
from __future__ import annotations

import networkx as nx

from policykg.graph.model import GraphData
from policykg.schema.graph import NODE_BY_LABEL


def node_id(label: str, key: str) -> str:
    return f"{label}:{key}"


def to_networkx(graph: GraphData) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph()
    for label, rows in graph.nodes.items():
        key = NODE_BY_LABEL[label].key
        out.add_nodes_from((node_id(label, row[key]), {"label": label, **row}) for row in rows)
    for rel, rows in graph.edges.items():
        for row in rows:
            props = {k: v for k, v in row.items() if k not in ("from", "to", "from_label", "to_label")}
            out.add_edge(node_id(row["from_label"], row["from"]), node_id(row["to_label"], row["to"]),
                         key=rel, type=rel, **props)
    return out
