"""OFD and OCR reading speed: pages per second of policykg's readers beside their libraries' raw speed
in the same run.

OFD: a volume of the 郑州 notice (corpus 003) written as an OFD package (tests/ofdgen.py), read by
read_ofd beside the raw cost of its library (zipfile + ElementTree parsing every part).
OCR: a scan of the 眉山 plan (corpus 000: the PDF rendered to 200 dpi pictures, tests/pdfgen.py),
read by read_pdf (render + OCR + lines) beside rapidocr-openvino alone on the same rendered pages
(the engine spreads each page over every CPU).
Goal (issue 12): OCR ≥ 1 page/s on the 2-core machine. CPU seconds per page are printed too, since
wall time on a shared machine depends on its load.

Usage: python benchmarks/formats_ofd_ocr.py [--ofd-copies 20] [--ocr-pages 4]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import ofdgen  # noqa: E402
import pdfgen  # noqa: E402

from policykg.extractors.readers import ReadOptions  # noqa: E402
from policykg.extractors.readers.ocr import SCALE, engine  # noqa: E402
from policykg.extractors.readers.ofd import read_ofd  # noqa: E402
from policykg.extractors.readers.pdf import read_pdf  # noqa: E402


def corpus_lines(corpus: Path, name: str, start: int, end: int) -> list[str]:
    text = next(corpus.glob(f"{name}_*.txt")).read_text(encoding="utf-8").splitlines()[start - 1:end]
    return [line.strip() for line in text if line.strip() and not line.startswith(("# Page", "<http"))]


def timed(work) -> tuple[float, float, object]:
    """Wall and CPU seconds of a call, and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def parse_parts(path: Path) -> int:
    with zipfile.ZipFile(path) as package:
        return sum(len(ElementTree.fromstring(package.read(name))) for name in package.namelist())


def ofd_speed(folder: Path, corpus: Path, copies: int) -> None:
    lines = corpus_lines(corpus, "003", 1675, 1830)
    path = ofdgen.gongwen(folder / "volume.ofd", mark="郑州市人民政府文件", doc_number="郑政文〔2023〕62号",
                          title=lines[0], recipients=lines[2], body=lines[3:] * copies, cc="市委各部门",
                          printer="郑州市人民政府办公厅", printed="2023年4月20日")
    raw, _, _ = timed(lambda: parse_parts(path))
    wall, cpu, source = timed(lambda: read_ofd(path, ReadOptions()))
    pages = max(line.page for line in source.lines)
    print(f"OFD: {pages} pages; zipfile+ElementTree alone {pages / raw:.0f} pages/s; "
          f"read_ofd {pages / wall:.0f} pages/s ({wall / raw:.1f}× the raw parse, {len(source.lines)} lines)")


def ocr_speed(folder: Path, corpus: Path, pages: int) -> None:
    import pypdfium2

    pdf = pdfgen.running_text(folder / "plan.pdf", corpus_lines(corpus, "000", 152, 152 + 40 * pages))
    document = pypdfium2.PdfDocument(pdf)
    scan = pdfgen.scanned(folder / "scan.pdf", pdf)
    engine()(document[0].render(scale=SCALE).to_numpy())  # models loaded once per process, not timed
    pictures = [page.render(scale=SCALE).to_numpy() for page in pypdfium2.PdfDocument(scan)][:pages]
    raw, raw_cpu, _ = timed(lambda: [engine()(picture) for picture in pictures])
    wall, cpu, source = timed(lambda: read_pdf(scan, ReadOptions()))
    total = len(pypdfium2.PdfDocument(scan))
    print(f"OCR: rapidocr-openvino alone {len(pictures) / raw:.2f} pages/s "
          f"({raw_cpu / len(pictures):.1f} CPU s/page); read_pdf of the scan {total / wall:.2f} pages/s "
          f"({cpu / total:.1f} CPU s/page, {total} pages, {len(source.lines)} lines)")


def ofd_ocr(corpus: Path, ofd_copies: int, ocr_pages: int) -> None:
    with tempfile.TemporaryDirectory() as work:
        ofd_speed(Path(work), corpus, ofd_copies)
        ocr_speed(Path(work), corpus, ocr_pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ofd-copies", type=int, default=20, help="copies of the notice's body in the OFD volume")
    parser.add_argument("--ocr-pages", type=int, default=4)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    ofd_ocr(args.corpus, args.ofd_copies, args.ocr_pages)


if __name__ == "__main__":
    main()
