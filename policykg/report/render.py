"""Write a report as Markdown, one self-contained HTML page, and JSON."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from policykg.report import charts
from policykg.report.model import Report

ITEM_LIMIT = 500
FORMATS = ("md", "html", "json")


def environment() -> Environment:
    env = Environment(loader=PackageLoader("policykg.report", "templates"),
                      autoescape=select_autoescape(["html.j2"]), trim_blocks=False)
    env.filters["md"] = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    return env


def render_html(report: Report) -> str:
    drawn = {"months": charts.month_bars(report.due_per_month, "Tasks due per month"),
             "agencies": charts.ranked_bars(report.overdue_by_agency, "Overdue tasks by agency"),
             "heat": charts.heat(report.heatmap, "Tasks due by agency and month")}
    return environment().get_template("report.html.j2").render(report=report, charts=drawn, limit=ITEM_LIMIT)


def render_md(report: Report) -> str:
    return environment().get_template("report.md.j2").render(report=report, limit=ITEM_LIMIT)


def write(report: Report, out: Path, formats: list[str]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out / f"report.{fmt}"
        if fmt == "json":
            path.write_text(report.model_dump_json(indent=2), encoding="utf-8")
        elif fmt == "html":
            path.write_text(render_html(report), encoding="utf-8")
        else:
            path.write_text(render_md(report), encoding="utf-8")
        written.append(path)
    return written
