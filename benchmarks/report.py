"""Consistency report on the whole corpus: build the embedded store once, then time the report.

Usage: python benchmarks/report.py [CORPUS_DIR] [--as-of 2023-11-22] [--lang zh|en]
"""
from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

import policykg
from policykg.analysis.report.build import build_report
from policykg.analysis.report.data import read
from policykg.analysis.report.render import sections, write
from policykg.analysis.report.words import LANGS

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--as-of", default="2023-11-22")
    parser.add_argument("--lang", default="zh", choices=LANGS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "g.lbug"
        policykg.build(policykg.extract(args.corpus), db=db)
        start = time.perf_counter()
        with policykg.open_store(db) as reader:
            data = read(reader)
        fetched = time.perf_counter()
        report = build_report(data, dt.date.fromisoformat(args.as_of), lang=args.lang)
        checked = time.perf_counter()
        written = write(report, Path(work) / "report", ["md", "html", "json"])
        done = time.perf_counter()
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e3:.0f} kB" for p in written)
    print(f"tiles: {', '.join(f'{s.title} {len(s.items)}' for s in sections(report))}")
    print(f"read {fetched - start:.2f} s, checks {checked - fetched:.2f} s, render {done - checked:.2f} s, "
          f"total {done - start:.2f} s ({sizes})")


if __name__ == "__main__":
    main()
