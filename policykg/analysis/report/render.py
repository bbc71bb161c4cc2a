"""Write a report as Markdown, one self-contained HTML page, and JSON, in the report's language."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, ConfigDict

from policykg.analysis.report import charts
from policykg.analysis.report.model import Item, Report
from policykg.analysis.report.words import PHRASES, section

FORMATS = ("md", "html", "json")
SHORT_TASK = 80  # characters of a task's text in report.md


class Section(BaseModel):
    """What one headline tile counts and its section lists: a check, or the overdue check's red
    (逾期) or yellow (临期) items."""

    model_config = ConfigDict(extra="forbid")

    name: str
    title: str
    description: str
    severity: str
    items: list[Item]


def sections(report: Report) -> list[Section]:
    out = []
    for check in report.checks:
        if check.name != "overdue":
            out.append(Section(name=check.name, title=check.title, description=check.description,
                               severity=check.severity, items=check.items))
            continue
        for name, light in (("overdue", "red"), ("due_soon", "yellow")):
            title, description = section(report.lang, name, report.warn_days)
            out.append(Section(name=name, title=title, description=description, severity=light,
                               items=[i for i in check.items if i.severity == light]))
    return out


def deadline(item: Item) -> str:
    return str(item.details.get("due_date") or item.details.get("deadline") or "")


def short(text: str | None, limit: int = SHORT_TASK) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def environment() -> Environment:
    env = Environment(loader=PackageLoader("policykg.analysis.report", "templates"),
                      autoescape=select_autoescape(["html.j2"]), trim_blocks=False)
    env.filters["md"] = lambda text: str(text or "").replace("|", "\\|").replace("\n", " ")
    env.filters["short"] = short
    env.filters["deadline"] = deadline
    env.filters["where"] = lambda item: f"{item.source_path.split('/')[-1]}:{item.start_line}" \
        if item.source_path else ""
    return env


def context(report: Report) -> dict:
    words = PHRASES[report.lang]
    return {"report": report, "sections": sections(report), "w": words}


def render_html(report: Report) -> str:
    words = PHRASES[report.lang]
    drawn = {"months": charts.month_bars(report.due_per_month, words),
             "agencies": charts.ranked_bars(report.overdue_by_agency, words),
             "heat": charts.heat(report.heatmap, words)}
    return environment().get_template("report.html.j2").render(charts=drawn, fonts=charts.FONTS, **context(report))


def render_md(report: Report) -> str:
    return environment().get_template("report.md.j2").render(**context(report))


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
