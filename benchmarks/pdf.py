"""PDF reading speed: pages per second, serial and parallel, on a generated 200-page volume.

The volume repeats the opening of the corpus (四川: notices, 工作方案 with annotations) in
reportlab's STSong-Light until it has the pages asked for.

Usage: python benchmarks/pdf.py [--pages 200] [--jobs 2]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen  # noqa: E402

from policykg.extractors.readers import ReadOptions  # noqa: E402
from policykg.extractors.readers.pdf import page_count, read_pdf  # noqa: E402
from policykg.pipeline import extract  # noqa: E402


def corpus_paragraphs(corpus: Path) -> list[str]:
    text = (corpus / "000_1a409ee7d1e34223.txt").read_text(encoding="utf-8").splitlines()[:2200]
    return [line.strip() for line in text if line.strip() and not line.startswith("# Page")]


def make_volume(path: Path, pages: int, corpus: Path) -> Path:
    paragraphs = corpus_paragraphs(corpus)
    copies = 1
    while True:
        pdfgen.running_text(path, paragraphs * copies, running_title="优化营商环境政策汇编")
        if page_count(path) >= pages:
            return path
        copies = max(copies + 1, int(copies * pages / page_count(path)) + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        volume = make_volume(Path(work) / "volume.pdf", args.pages, args.corpus)
        pages = page_count(volume)
        print(f"volume: {pages} pages, {volume.stat().st_size / 1e6:.1f} MB")
        for jobs in sorted({1, args.jobs}):
            start = time.perf_counter()
            text = "".join(line.text for line in read_pdf(volume, ReadOptions(jobs=jobs)).lines)
            read = time.perf_counter() - start
            start = time.perf_counter()
            result = extract([volume], jobs=jobs)
            total = time.perf_counter() - start
            tasks = sum(len(d.tasks) for d in result.documents)
            print(f"jobs={jobs}: read {read:.1f} s = {pages / read:.1f} pages/s; full extract {total:.1f} s = "
                  f"{pages / total:.1f} pages/s ({len(text) / 1e6:.1f} M chars, {len(result.documents)} documents, "
                  f"{tasks} tasks)")


if __name__ == "__main__":
    main()
