"""Web page, web archive, Word, RTF and Excel reading speed: documents per second of each reader beside
its library's raw parse of the same files (lxml for pages and for Word's document.xml, the email
package for web archives, python-calamine for workbooks), and of the whole extraction of each file
(rules only; one process).

The files are generated from the corpus like the tests make them (tests/formatgen.py): the 郑州
notice (003) as a government page with its metadata table and chrome, and that page saved as a web
archive (.mht, quoted-printable, two pictures); the 眉山 plan (000) as a Word file with automatic
numbering, and saved as RTF by LibreOffice (when installed); the 郑州 measures as a two-sheet
Excel ledger.

Usage: python benchmarks/formats.py [--docs 100]
"""
from __future__ import annotations

import argparse
import email
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import docx  # noqa: E402
import formatgen  # noqa: E402
import lxml.html  # noqa: E402
from lxml import etree  # noqa: E402
import openpyxl  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from policykg.extractors.outline import marker  # noqa: E402
from policykg.extractors.readers import read  # noqa: E402
from policykg import extract  # noqa: E402

TITLE = "郑州市人民政府关于印发郑州市2023年优化营商环境工作要点的通知"
FIELDS = {"索引号": "11410100MB1961830E/2023-00062", "发文机关": "郑州市人民政府", "成文日期": "2023-04-19",
          "发文字号": "郑政文〔2023〕62号", "发布日期": "2023-04-25", "主题分类": "综合政务", "标题": TITLE}
HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]


def corpus_lines(corpus: Path, prefix: str, start: int, end: int) -> list[str]:
    path = next(corpus.glob(f"{prefix}_*.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()[start - 1:end]
    return [l.strip() for l in lines if l.strip() and not l.startswith(("# Page", "<http"))]


def make_page(path: Path, corpus: Path) -> None:
    notice = corpus_lines(corpus, "003", 1675, 1830)
    formatgen.gov_page(path, TITLE, FIELDS, ["郑政文〔2023〕62号", *notice[2:]], [("./P0202304.pdf", "附件.pdf")])


def make_word(path: Path, corpus: Path) -> None:
    levels = {"cn": 0, "cn_paren": 1, "num": 2}
    document = docx.Document()
    num_id = formatgen.numbering_levels(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"),
                                                   ("decimal", "%3.")], continuous=(2,))
    for line in corpus_lines(corpus, "000", 152, 350):
        found = marker(line)
        if found and found[0] in levels:
            formatgen.number_paragraph(document.add_paragraph(line[len(found[1]):]), num_id, levels[found[0]])
        else:
            document.add_paragraph(line)
    document.save(path)


def make_archive(path: Path, corpus: Path) -> None:
    page = path.with_suffix(".html")
    make_page(page, corpus)
    formatgen.web_archive(path, page, "http://www.zhengzhou.gov.cn/t20230425_1.shtml", images=2)


def make_rtf(path: Path, corpus: Path) -> None:
    word = path.with_suffix(".docx")
    make_word(word, corpus)
    formatgen.saved_as("rtf", path.parent, word)


def make_ledger(path: Path, measures: list[list[str]]) -> None:
    book = openpyxl.Workbook()
    formatgen.ledger_sheet(book.active, ["郑州市2023年优化营商环境工作要点（2023年4月19日）"], HEADER, measures,
                           merge=("牵头单位", "完成时限"))
    formatgen.ledger_sheet(book.create_sheet("第二批"), ["第二批任务"], HEADER, measures[::-1])
    book.save(path)


def ledger_rows(corpus: Path, work: Path) -> list[list[str]]:
    source = work / "measures.txt"
    source.write_text("\n".join(corpus_lines(corpus, "003", 1675, 1830)), encoding="utf-8")
    doc = extract([source], ner=False).documents[0]
    return [[t.label, t.text, "、".join(t.lead_units), "、".join(t.co_units),
             t.deadlines[-1].phrase if t.deadlines else ""] for t in doc.tasks if t.label.isdigit()]


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:7.1f} docs/s"


def timed(function, paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        function(path)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="files of each format")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        measures = ledger_rows(args.corpus, work)
        makers = {"html": lambda p: make_page(p, args.corpus), "mht": lambda p: make_archive(p, args.corpus),
                  "docx": lambda p: make_word(p, args.corpus), "rtf": lambda p: make_rtf(p, args.corpus),
                  "xlsx": lambda p: make_ledger(p, measures)}
        if not formatgen.SOFFICE:
            del makers["rtf"]
        raw = {"html": ("lxml.html", lambda p: lxml.html.document_fromstring(p.read_bytes())),
               "mht": ("email", lambda p: [part.get_payload(decode=True)
                                           for part in email.message_from_bytes(p.read_bytes()).walk()]),
               "rtf": ("—", None),
               "docx": ("zipfile+lxml", lambda p: etree.fromstring(zipfile.ZipFile(p).read("word/document.xml"))),
               "xlsx": ("python-calamine", lambda p: [sheet.to_python() for book in [CalamineWorkbook.from_path(str(p))]
                                                     for sheet in map(book.get_sheet_by_index, range(2))])}
        print(f"{args.docs} files of each format, {os.cpu_count()} CPUs")
        for kind, make in makers.items():
            folder = work / kind
            folder.mkdir()
            make(folder / f"0.{kind}")
            paths = [folder / f"{n}.{kind}" for n in range(args.docs)]
            for path in paths[1:]:
                path.write_bytes(paths[0].read_bytes())
            library, parse = raw[kind]
            size = paths[0].stat().st_size / 1e3
            read_time = timed(read, paths)
            alone = f"{library} alone {rate(args.docs, timed(parse, paths))} | " if parse else ""
            total = timed(lambda p: extract(p, ner=False), paths)
            tasks = len(extract(paths[0], ner=False).documents[0].tasks)
            print(f"{kind:5} ({size:.0f} kB, {tasks} tasks each): reader {rate(args.docs, read_time)} | "
                  f"{alone}whole extraction, rules only {rate(args.docs, total)}")


if __name__ == "__main__":
    main()
