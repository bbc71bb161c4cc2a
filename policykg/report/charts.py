"""Inline SVG charts for the HTML report (no script, no network): bars, ranked bars, a heat map."""
from __future__ import annotations

from html import escape

FONT = "font-family='Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, sans-serif' font-size='11'"


def svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f"<svg class='chart' role='img' aria-label='{escape(title)}' xmlns='http://www.w3.org/2000/svg' "
            f"width='{width}' height='{height}' viewBox='0 0 {width} {height}'><title>{escape(title)}</title>"
            + "".join(body) + "</svg>")


def month_bars(rows: list[dict], title: str) -> str:
    """Vertical bars: tasks due per month."""
    if not rows:
        return "<p>No dated tasks.</p>"
    width, height, left, bottom, top = max(360, 38 * len(rows) + 60), 240, 40, 50, 20
    peak = max(r["tasks"] for r in rows)
    step = (width - left - 10) / len(rows)
    body = [f"<line x1='{left}' y1='{height - bottom}' x2='{width - 5}' y2='{height - bottom}' stroke='#888'/>"]
    for i, row in enumerate(rows):
        h = (height - bottom - top) * row["tasks"] / peak
        x = left + i * step + 4
        y = height - bottom - h
        body.append(f"<rect class='bar' x='{x:.1f}' y='{y:.1f}' width='{step - 8:.1f}' height='{h:.1f}' fill='#4C8EDA'>"
                    f"<title>{escape(row['month'])}: {row['tasks']}</title></rect>")
        body.append(f"<text x='{x + (step - 8) / 2:.1f}' y='{y - 3:.1f}' text-anchor='middle' {FONT}>{row['tasks']}</text>")
        body.append(f"<text x='{x + (step - 8) / 2:.1f}' y='{height - bottom + 14}' text-anchor='end' {FONT} "
                    f"transform='rotate(-45 {x + (step - 8) / 2:.1f} {height - bottom + 14})'>{escape(row['month'])}</text>")
    return svg(width, height, body, title)


def ranked_bars(rows: list[dict], title: str, limit: int = 15) -> str:
    """Horizontal stacked bars per agency: red (overdue) and yellow (due soon)."""
    rows = [r for r in rows if r["red"] or r["yellow"]][:limit]
    if not rows:
        return "<p>Nothing overdue.</p>"
    label_width, bar_width, line = 220, 420, 22
    height = line * len(rows) + 20
    peak = max(r["red"] + r["yellow"] for r in rows)
    body = []
    for i, row in enumerate(rows):
        y = 10 + i * line
        red = bar_width * row["red"] / peak
        yellow = bar_width * row["yellow"] / peak
        body.append(f"<text x='{label_width - 6}' y='{y + 14}' text-anchor='end' {FONT}>{escape(row['agency'][:18])}</text>")
        body.append(f"<rect class='bar' x='{label_width}' y='{y + 3}' width='{red:.1f}' height='{line - 6}' fill='#D9534F'>"
                    f"<title>{escape(row['agency'])}: {row['red']} overdue</title></rect>")
        body.append(f"<rect class='bar' x='{label_width + red:.1f}' y='{y + 3}' width='{yellow:.1f}' height='{line - 6}' "
                    f"fill='#F0AD4E'><title>{escape(row['agency'])}: {row['yellow']} due soon</title></rect>")
        counts = f"{row['red']} + {row['yellow']}" if row["yellow"] else str(row["red"])
        body.append(f"<text x='{label_width + red + yellow + 4:.1f}' y='{y + 14}' {FONT}>{counts}</text>")
    return svg(label_width + bar_width + 60, height, body, title)


def heat(data: dict, title: str) -> str:
    """Agency × month grid, darker for more tasks due."""
    agencies, months, values = data.get("agencies", []), data.get("months", []), data.get("values", [])
    if not agencies or not months:
        return "<p>No dated tasks with owners.</p>"
    label_width, cell, top = 220, 26, 60
    peak = max(max(row) for row in values) or 1
    body = []
    for j, month in enumerate(months):
        x = label_width + j * cell + cell / 2
        body.append(f"<text x='{x:.1f}' y='{top - 6}' text-anchor='start' {FONT} "
                    f"transform='rotate(-60 {x:.1f} {top - 6})'>{escape(month)}</text>")
    for i, agency in enumerate(agencies):
        y = top + i * cell
        body.append(f"<text x='{label_width - 6}' y='{y + 17}' text-anchor='end' {FONT}>{escape(agency[:18])}</text>")
        for j, value in enumerate(values[i]):
            shade = 0.08 + 0.92 * value / peak if value else 0.0
            body.append(f"<rect class='cell' x='{label_width + j * cell}' y='{y}' width='{cell - 2}' height='{cell - 2}' "
                        f"fill='rgba(76,142,218,{shade:.2f})' stroke='#eee'><title>{escape(agency)} {escape(months[j])}: "
                        f"{value}</title></rect>")
    return svg(label_width + cell * len(months) + 20, top + cell * len(agencies) + 10, body, title)
