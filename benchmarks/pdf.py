"""PDF reading speed: pages per second of policykg's reader beside the libraries' raw speed in the
same run (pypdfium2 page text, pdfplumber page text), serial and parallel, on a generated volume.

The volume repeats the opening of the corpus (四川: notices, 工作方案 with annotations) in
reportlab's STSong-Light until it has the pages asked for. pdfplumber's raw speed is measured on
the first --plumber-pages pages (it is slow). Reading is timed best of 3 (the machine may be
shared). Goal (issue 12): ≥ 300 pages/s, within 2× of pypdfium2.

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
from policykg import extract  # noqa: E402


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


def timed(work, repeat: int = 3) -> tuple[float, object]:
    """The best of `repeat` runs (the machine may be shared) and the result."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def pypdfium2_text(volume: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(volume)
    return sum(len(page.get_textpage().get_text_range()) for page in document)


def pdfplumber_text(volume: Path, pages: int) -> int:
    import pdfplumber

    with pdfplumber.open(volume, pages=list(range(1, pages + 1))) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--plumber-pages", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        volume = make_volume(Path(work) / "volume.pdf", args.pages, args.corpus)
        pages = page_count(volume)
        print(f"volume: {pages} pages, {volume.stat().st_size / 1e6:.1f} MB")
        raw, _ = timed(lambda: pypdfium2_text(volume))
        plumber, _ = timed(lambda: pdfplumber_text(volume, args.plumber_pages), repeat=1)
        print(f"pypdfium2 alone (page text): {pages / raw:.0f} pages/s; "
              f"pdfplumber alone (page text): {args.plumber_pages / plumber:.1f} pages/s")
        for jobs in sorted({1, args.jobs}):
            read, lines = timed(lambda: read_pdf(volume, ReadOptions(jobs=jobs)).lines)
            total, result = timed(lambda: extract([volume], jobs=jobs), repeat=1)
            tasks = sum(len(d.tasks) for d in result.documents)
            print(f"jobs={jobs}: policykg reader {pages / read:.0f} pages/s ({read / raw:.1f}× pypdfium2 alone, "
                  f"{len(lines)} lines); full extract {pages / total:.1f} pages/s ({len(result.documents)} documents, "
                  f"{tasks} tasks)")


if __name__ == "__main__":
    main()
