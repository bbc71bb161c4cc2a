"""Assemble a report: run the checks, the chart data, and the changes since a previous report."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from policykg.report import checks
from policykg.report.data import ReportData
from policykg.report.model import Changes, Report

HEATMAP_AGENCIES = 20


def due_per_month(data: ReportData) -> list[dict]:
    months = Counter(t["due_date"].strftime("%Y-%m") for t in data.tasks if t["due_date"])
    return [{"month": m, "tasks": n} for m, n in sorted(months.items())]


def heatmap(data: ReportData) -> dict:
    """Tasks due per agency (the busiest) and month."""
    due = {t["task_id"]: t["due_date"].strftime("%Y-%m") for t in data.tasks if t["due_date"]}
    cells: dict[str, Counter] = defaultdict(Counter)
    for row in data.leads + data.co:
        if row["task_id"] in due:
            cells[row["agency"]][due[row["task_id"]]] += 1
    busiest = sorted(cells, key=lambda a: (-sum(cells[a].values()), a))[:HEATMAP_AGENCIES]
    months = sorted({m for a in busiest for m in cells[a]})
    return {"agencies": busiest, "months": months,
            "values": [[cells[a][m] for m in months] for a in busiest]}


def compare(report: Report, previous: Report) -> Changes:
    before = {c.name: {i.key for i in c.items} for c in previous.checks}
    changes = Changes(previous_as_of=previous.as_of)
    for check in report.checks:
        now = {i.key for i in check.items}
        changes.new[check.name] = sorted(now - before.get(check.name, set()))
        changes.resolved[check.name] = sorted(before.get(check.name, set()) - now)
    was_red = {i.key for i in previous.check("overdue").items if i.severity == "red"}
    changes.newly_overdue = sorted(i.key for i in report.check("overdue").items
                                   if i.severity == "red" and i.key not in was_red)
    return changes


def build_report(data: ReportData, as_of: dt.date, warn_days: int = 14, previous: Report | None = None) -> Report:
    """The report as of a date; with a `previous` report, what changed since."""
    overdue, ranking = checks.overdue(data, as_of, warn_days)
    report = Report(
        as_of=as_of, warn_days=warn_days,
        checks=[overdue, checks.ownerless(data), checks.undated(data), checks.impossible(data), checks.naming(data),
                checks.citations(data), checks.slippage(data), checks.duplicates(data)],
        overdue_by_agency=ranking, due_per_month=due_per_month(data), heatmap=heatmap(data))
    if previous:
        report.changes = compare(report, previous)
    return report
