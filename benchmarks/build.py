"""Build time and peak memory: the corpus, and synthetic corpora N times larger.

A synthetic corpus repeats the real one N times with every province, city and county renamed in
each copy (眉山 → 眉山甲, 眉山乙, …), so that documents, agencies and jurisdictions do not merge
back together. Also prints the Neo4j round trips per 1,000 rows the write plan makes.

Usage: python benchmarks/build.py [CORPUS_DIR] [--scales 1,10,50]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星云风雷电山川江河湖海松竹梅兰菊桃李杏"


def place_names(corpus: Path) -> list[str]:
    """Province, city and county names of the corpus (without 省/市/州/区/县)."""
    from policykg.graph.build import build_graph
    from policykg.graph.jurisdiction import PROVINCES
    from policykg.pipeline import extract

    graph = build_graph(list(extract([corpus]).documents))
    names = set(PROVINCES)
    for row in graph.nodes["Jurisdiction"]:
        stem = re.sub(r"(省|市|州|区|县|自治区)$", "", row["name"])
        if 2 <= len(stem) <= 3:
            names.add(stem)
    return sorted(names, key=len, reverse=True)


def synthesize(corpus: Path, scale: int, out: Path) -> int:
    names = place_names(corpus)
    pattern = re.compile("|".join(map(re.escape, names)))
    size = 0
    for copy in range(scale):
        suffix = SUFFIXES[copy % len(SUFFIXES)] * (1 + copy // len(SUFFIXES))
        for path in sorted(corpus.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            renamed = pattern.sub(lambda m: m.group(0) + suffix, text) if copy else text
            target = out / f"{copy:03d}_{path.name}"
            target.write_text(renamed, encoding="utf-8")
            size += target.stat().st_size
    return size


MEASURE = """
import json, resource, sys, time
from pathlib import Path
from policykg.pipeline import extract
from policykg.graph.build import build_graph
from policykg.graph.stores import embedded, neo4j_plan, neo4j_store
start = time.perf_counter()
result = extract([Path(sys.argv[1])])
extracted = time.perf_counter()
graph = build_graph(list(result.documents))
resolved = time.perf_counter()
embedded.build(graph, Path(sys.argv[2]))
loaded = time.perf_counter()
trips = neo4j_store.round_trips(list(neo4j_plan.plan(graph)))
rows = sum(graph.counts().values())
print(json.dumps({"documents": len(result.documents), "tasks": sum(len(d.tasks) for d in result.documents),
                  "rows": sum(graph.counts().values()), "extract_s": extracted - start,
                  "resolve_s": resolved - extracted, "load_s": loaded - resolved, "total_s": loaded - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "neo4j_trips_per_1000_rows": 1000 * trips / rows}))
"""


def measure(corpus: Path, db: Path) -> dict:
    """Run one build in a fresh process, so that peak memory is this build's own."""
    import json

    run = subprocess.run([sys.executable, "-c", MEASURE, str(corpus), str(db)], capture_output=True, text=True,
                         check=True)
    return json.loads(run.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--scales", default="1,10,50")
    args = parser.parse_args()
    print(f"{'scale':>5} {'MB':>7} {'docs':>6} {'tasks':>7} {'rows':>8} {'extract':>8} {'resolve':>8} "
          f"{'load':>6} {'total':>7} {'peak MB':>8} {'neo4j trips/1k rows':>20}")
    with tempfile.TemporaryDirectory() as work:
        for scale in map(int, args.scales.split(",")):
            corpus = Path(work) / f"corpus{scale}"
            corpus.mkdir()
            size = synthesize(args.corpus, scale, corpus)
            m = measure(corpus, Path(work) / f"g{scale}.lbug")
            print(f"{scale:>5} {size / 1e6:>7.1f} {m['documents']:>6} {m['tasks']:>7} {m['rows']:>8} "
                  f"{m['extract_s']:>7.1f}s {m['resolve_s']:>7.1f}s {m['load_s']:>5.1f}s {m['total_s']:>6.1f}s "
                  f"{m['peak_mb']:>8.0f} {m['neo4j_trips_per_1000_rows']:>20.2f}", flush=True)


if __name__ == "__main__":
    main()
