"""The resolved graph every store writes: node rows per label and edge rows per relationship type."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class GraphData(BaseModel):
    """Rows keyed by label / relationship type. A node row holds its properties; an edge row holds
    `from`, `to` (the end nodes' keys), `from_label`, `to_label` and its own properties."""

    model_config = ConfigDict(extra="forbid")

    nodes: dict[str, list[dict[str, Any]]]
    edges: dict[str, list[dict[str, Any]]]

    def counts(self) -> dict[str, int]:
        return {**{k: len(v) for k, v in self.nodes.items()}, **{k: len(v) for k, v in self.edges.items()}}
