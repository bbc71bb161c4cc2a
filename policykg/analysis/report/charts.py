"""Inline SVG charts for the HTML report (no script, no network): bars per month, ranked bars, a heat
map with its colour scale. Text is set in the first Chinese font the reader's system has, named for
Windows, macOS and Linux (no font file is shipped), so the page renders without installing one."""
from __future__ import annotations

from html import escape

FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
         '"WenQuanYi Micro Hei", "SimHei", sans-serif')
FONT = f"font-family='{FONTS.replace(chr(34), '')}' font-size='11'"
BLUE = (76, 142, 218)
RED, YELLOW = "#D9534F", "#F0AD4E"


def svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f"<svg class='chart' role='img' aria-label='{escape(title)}' xmlns='http://www.w3.org/2000/svg' "
            f"width='{width}' height='{height}' viewBox='0 0 {width} {height}'><title>{escape(title)}</title>"
            + "".join(body) + "</svg>")


def text(x: float, y: float, label: str, anchor: str = "start", rotate: int = 0) -> str:
    turn = f" transform='rotate({rotate} {x:.1f} {y:.1f})'" if rotate else ""
    return f"<text x='{x:.1f}' y='{y:.1f}' text-anchor='{anchor}' {FONT}{turn}>{escape(label)}</text>"


def month_bars(rows: list[dict], words: dict) -> str:
    """Vertical bars: tasks due per month, every month of the span on the axis (empty ones at zero)."""
    if not rows:
        return f"<p>{escape(words['no_dated'])}</p>"
    step, height, left, bottom, top = 24, 240, 40, 56, 20
    width = left + step * len(rows) + 10
    peak = max(r["tasks"] for r in rows) or 1
    body = [f"<line x1='{left}' y1='{height - bottom}' x2='{width - 5}' y2='{height - bottom}' stroke='#888'/>"]
    for i, row in enumerate(rows):
        h = (height - bottom - top) * row["tasks"] / peak
        x, centre, y = left + i * step + 3, left + i * step + step / 2, height - bottom - h
        body.append(f"<rect class='bar' x='{x:.1f}' y='{y:.1f}' width='{step - 6}' height='{h:.1f}' "
                    f"fill='#4C8EDA'><title>{escape(row['month'])}: {row['tasks']}</title></rect>")
        if row["tasks"]:
            body.append(text(centre, y - 3, str(row["tasks"]), "middle"))
        body.append(text(centre + 4, height - bottom + 12, row["month"], "end", -60))
    return svg(width, height, body, words["per_month"])


def ranked_bars(rows: list[dict], words: dict, limit: int = 15) -> str:
    """Horizontal stacked bars per responsible unit: red (overdue) and yellow (due soon)."""
    rows = [r for r in rows if r["red"] or r["yellow"]][:limit]
    if not rows:
        return f"<p>{escape(words['no_overdue'])}</p>"
    label_width, bar_width, line = 220, 420, 22
    peak = max(r["red"] + r["yellow"] for r in rows)
    body = [legend_swatch(label_width, 4, RED, words["red"]),
            legend_swatch(label_width + 90, 4, YELLOW, words["yellow"])]
    for i, row in enumerate(rows):
        y = 24 + i * line
        red, yellow = bar_width * row["red"] / peak, bar_width * row["yellow"] / peak
        body.append(text(label_width - 6, y + 14, row["agency"][:18], "end"))
        body.append(f"<rect class='bar' x='{label_width}' y='{y + 3}' width='{red:.1f}' height='{line - 6}' "
                    f"fill='{RED}'><title>{escape(row['agency'])}: {row['red']}</title></rect>")
        body.append(f"<rect class='bar' x='{label_width + red:.1f}' y='{y + 3}' width='{yellow:.1f}' "
                    f"height='{line - 6}' fill='{YELLOW}'>"
                    f"<title>{escape(row['agency'])}: {row['yellow']}</title></rect>")
        counts = f"{row['red']} + {row['yellow']}" if row["yellow"] else str(row["red"])
        body.append(text(label_width + red + yellow + 4, y + 14, counts))
    return svg(label_width + bar_width + 60, 24 + line * len(rows) + 10, body, words["ranking"])


def legend_swatch(x: float, y: float, colour: str, label: str) -> str:
    return f"<rect x='{x}' y='{y}' width='12' height='12' fill='{colour}'/>" + text(x + 16, y + 10, label)


def shade(value: int, peak: int) -> str:
    """The fill of a heat-map cell: white for none, then lighter to darker blue."""
    alpha = 0.12 + 0.88 * value / peak if value else 0.0
    return f"rgba({BLUE[0]},{BLUE[1]},{BLUE[2]},{alpha:.2f})"


def scale(x: float, y: float, peak: int, words: dict) -> list[str]:
    """The heat map's colour scale: a swatch for each of a few counts from 0 to the peak."""
    steps = sorted({0, 1, *(round(peak * f) for f in (0.25, 0.5, 0.75)), peak})
    body = [text(x, y + 12, words["scale"], "end")]
    for k, value in enumerate(steps):
        body.append(f"<rect class='legend' x='{x + 6 + k * 34}' y='{y}' width='30' height='14' "
                    f"fill='{shade(value, peak)}' stroke='#ccc'><title>{value}</title></rect>")
        body.append(text(x + 21 + k * 34, y + 26, str(value), "middle"))
    return body


def heat(data: dict, words: dict) -> str:
    """Agency × month grid, darker for more tasks due, every month of the span, with its colour scale."""
    agencies, months, values = data.get("agencies", []), data.get("months", []), data.get("values", [])
    if not agencies or not months:
        return f"<p>{escape(words['no_dated'])}</p>"
    label_width, cell, top = 220, 22, 60
    peak = max(max(row) for row in values) or 1
    body = []
    for j, month in enumerate(months):
        x = label_width + j * cell + cell / 2
        body.append(text(x, top - 6, month, "start", -60))
    for i, agency in enumerate(agencies):
        y = top + i * cell
        body.append(text(label_width - 6, y + 15, agency[:18], "end"))
        for j, value in enumerate(values[i]):
            body.append(f"<rect class='cell' x='{label_width + j * cell}' y='{y}' width='{cell - 2}' "
                        f"height='{cell - 2}' fill='{shade(value, peak)}' stroke='#eee'>"
                        f"<title>{escape(agency)} {escape(months[j])}: {value}</title></rect>")
    bottom = top + cell * len(agencies) + 12
    body += scale(label_width, bottom, peak, words)
    width = max(label_width + cell * len(months) + 20, label_width + 7 * 34 + 20)
    return svg(width, bottom + 36, body, words["heat"].format(n=len(agencies)))
