"""Assemble a report: run the checks, the chart data, and the changes since a previous report."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from policykg.analysis.report import checks
from policykg.analysis.report.data import ReportData
from policykg.analysis.report.model import Changes, Check, Report
from policykg.analysis.report.words import section

HEATMAP_AGENCIES = 20


def month_of(day: dt.date) -> str:
    return day.strftime("%Y-%m")


def every_month(months: set[str]) -> list[str]:
    """Every month from the first to the last given, empty ones included."""
    if not months:
        return []
    first, last = min(months), max(months)
    year, month, out = int(first[:4]), int(first[5:]), []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def due_months(data: ReportData) -> dict[str, set[str]]:
    """task_id -> the months of its completion deadlines (those after its issue date)."""
    return {t["task_id"]: {month_of(day) for day, _ in checks.clauses(t) if not checks.before_issue(t, day)}
            for t in data.tasks}


def due_per_month(data: ReportData) -> list[dict]:
    """Tasks with a completion deadline in each month, every month of the span on the axis."""
    months = Counter(m for ms in due_months(data).values() for m in ms)
    return [{"month": m, "tasks": months[m]} for m in every_month(set(months))]


def heatmap(data: ReportData) -> dict:
    """Tasks due per single body (the busiest; collectives left out) and month, every month of their
    span."""
    due, collective = due_months(data), checks.groups(data)
    cells: dict[str, Counter] = defaultdict(Counter)
    for row in (r for r in data.leads + data.co if r["agency_id"] not in collective):
        for month in due.get(row["task_id"], ()):
            cells[row["agency"]][month] += 1
    busiest = sorted(cells, key=lambda a: (-sum(cells[a].values()), a))[:HEATMAP_AGENCIES]
    months = every_month({m for a in busiest for m in cells[a]})
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


def in_language(check: Check, lang: str, warn_days: int) -> Check:
    """The check titled and described in the report's language (when the words table knows it)."""
    title, description = section(lang, check.name, warn_days)
    return check.model_copy(update={"title": title, "description": description}) if title else check


def build_report(data: ReportData, as_of: dt.date, warn_days: int = 14, previous: Report | None = None,
                 lang: str = "zh") -> Report:
    """The report as of a date; with a `previous` report, what changed since."""
    overdue, ranking = checks.overdue(data, as_of, warn_days, lang)
    report = Report(
        as_of=as_of, warn_days=warn_days, lang=lang,
        checks=[overdue, checks.ownerless(data, lang), checks.undated(data, lang), checks.impossible(data, lang),
                in_language(checks.naming(data), lang, warn_days), checks.citations(data, lang),
                checks.slippage(data, lang), checks.duplicates(data, lang)],
        overdue_by_agency=ranking, due_per_month=due_per_month(data), heatmap=heatmap(data))
    if previous:
        report.changes = compare(report, previous)
    return report
