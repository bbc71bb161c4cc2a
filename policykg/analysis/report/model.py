"""The report as data: checks, each with a count, a severity and its offending items with provenance."""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Item(BaseModel):
    """One offending item; `key` identifies it across reports (for --previous)."""

    model_config = ConfigDict(extra="forbid")

    key: str
    severity: str
    summary: str
    doc_number: str | None = None
    document: str | None = None
    source_path: str | None = None
    start_line: int | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class Check(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    title: str
    description: str
    severity: str
    items: list[Item] = Field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


class Changes(BaseModel):
    model_config = ConfigDict(extra="forbid")

    previous_as_of: dt.date | None = None
    new: dict[str, list[str]] = Field(default_factory=dict)
    resolved: dict[str, list[str]] = Field(default_factory=dict)
    newly_overdue: list[str] = Field(default_factory=list)


class Report(BaseModel):
    model_config = ConfigDict(extra="forbid")

    as_of: dt.date
    warn_days: int
    lang: str = "zh"
    checks: list[Check]
    overdue_by_agency: list[dict[str, Any]] = Field(default_factory=list)
    due_per_month: list[dict[str, Any]] = Field(default_factory=list)
    heatmap: dict[str, Any] = Field(default_factory=dict)
    changes: Changes | None = None

    def check(self, name: str) -> Check:
        return next(c for c in self.checks if c.name == name)

    def counts(self) -> dict[str, int]:
        return {c.name: c.count for c in self.checks}
