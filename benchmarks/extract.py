"""Extraction throughput on the whole corpus: wall time, MB/s, documents/s, peak memory; then the
peak memory of the streaming `policykg extract` (a fresh process) on the corpus and on synthetic
corpora N times larger (benchmarks/build.py's), which should not grow with the input.

Usage: python benchmarks/extract.py [CORPUS_DIR] [--repeat N] [--scales 1,10]
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from build import stream_peak, synthesize  # benchmarks/build.py, beside this script
from policykg import extract

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scales", default="1,10", help="corpus sizes for the streaming peak ('' for none)")
    args = parser.parse_args()
    size = sum(p.stat().st_size for p in args.corpus.rglob("*") if p.is_file())
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = extract([args.corpus])
        timings.append(time.perf_counter() - start)
    best = min(timings)
    tasks = sum(len(d.tasks) for d in result.documents)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {args.corpus} ({size / 1e6:.2f} MB, {len(result.documents)} documents, {tasks} tasks, "
          f"{len(result.errors)} errors)")
    print(f"wall time: best {best:.2f} s of {args.repeat} (all: {', '.join(f'{t:.2f}' for t in timings)})")
    print(f"throughput: {size / 1e6 / best:.2f} MB/s, {len(result.documents) / best:.1f} documents/s")
    print(f"peak memory (max RSS of the process, everything in memory): {peak_mb:.0f} MB")
    with tempfile.TemporaryDirectory() as work:
        for scale in [int(s) for s in args.scales.split(",") if s]:
            corpus = args.corpus
            if scale > 1:
                corpus = Path(work) / f"corpus{scale}"
                corpus.mkdir()
                synthesize(args.corpus, scale, corpus)
            seconds, stream_mb = stream_peak(corpus, Path(work) / "out.jsonl")
            print(f"streaming policykg extract, {scale}x corpus: {seconds:.1f} s, peak memory {stream_mb:.0f} MB")


if __name__ == "__main__":
    main()
