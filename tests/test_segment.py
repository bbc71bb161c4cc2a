"""Segmentation of the whole corpus, checked against counts derived straight from the raw files."""
import re

from policykg.extractors.clean import clean
from policykg.extractors.readers import read
from policykg.extractors.segment import segment

# a 文号 standing alone on a line, spaces allowed: "川办发〔2023〕14 号", "郑政文[2023]62 号"
RAW_DOC_NUMBER_LINE = re.compile(
    r"^\s*([^\s，。、《》“”（）()]{1,14}?)\s*[〔\[［(（]\s*(20\d\d)\s*[〕\]］)）]\s*(\d+)\s*号\s*(?=$|各)")
PAGE = re.compile(r"^\s*#\s*Page\s*\d+:\s*$")


def raw_numbered_documents(corpus_dir):
    """Distinct (文号, the line before it) read from the raw files, without the pipeline."""
    keys = set()
    for path in sorted(corpus_dir.glob("*.txt")):
        lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not PAGE.match(l)]
        for index, line in enumerate(lines):
            match = RAW_DOC_NUMBER_LINE.match(line)
            if match:
                number = f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}号"
                keys.add((number, re.sub(r"\s", "", lines[index - 1])))
    return keys


def test_every_numbered_document_is_found_once(corpus_dir, corpus_documents):
    expected = raw_numbered_documents(corpus_dir)
    numbered = [d for d in corpus_documents if d.doc_number]
    found = {re.sub(r"[〔\[［(（](20\d\d)[〕\]］)）]", r"〔\1〕", d.doc_number) for d in numbered}
    assert found == {number for number, _ in expected}
    # a 文号 shared by two different documents (a typo in the compilation) still gives two documents
    assert len(numbered) == len(expected)
    print(f"distinct numbered documents in the corpus: {len(expected)}")


def test_every_document_has_title_and_date(corpus_documents):
    assert len(corpus_documents) > len([d for d in corpus_documents if d.doc_number])
    for doc in corpus_documents:
        assert doc.title and doc.issue_date, doc.provenance


def test_volume_context_and_provenance(corpus_dir):
    segments = segment(clean(read(corpus_dir / "000_1a409ee7d1e34223.txt")))
    provinces = [s.province for s in segments]
    assert provinces[0] == "四川" and provinces[-1] == "云南"
    assert {s.region for s in segments} == {"西南"}
    starts = [s.heading[0].line_no for s in segments]
    assert starts == sorted(starts)


def test_single_markdown_document_is_one_segment(corpus_dir):
    segments = segment(clean(read(corpus_dir / "002_a3e90bef45e55250.txt")))
    assert len(segments) == 1
    assert segments[0].heading[0].text.startswith("凉山州人民政府办公室关于印发")
