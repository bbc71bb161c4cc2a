"""Segmentation of the whole corpus, checked against counts derived straight from the raw files."""
import re

import pytest

from policykg.extractors.clean import clean
from policykg.extractors.header import parse_header
from policykg.extractors.readers import read
from policykg.extractors.readers.text import source_from_text
from policykg.extractors.segment import HEADING_START, segment
from policykg.lexicon.official import DATE_PAREN_END

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


@pytest.mark.parametrize("head", [
    ["某某市人民政府文件", "某府发〔2023〕3号"],
    ["发文字号：某府发〔2023〕3号", "成文日期：2023年3月1日"],
])
def test_official_document_with_dated_list_is_not_a_volume(head):
    """Numbered lines that read like a volume's headings (a list of earlier notices with their dates)
    do not split a document that opens as one official document."""
    lines = [*head, "某某市人民政府关于废止部分文件的通知", "各区县人民政府：", "下列文件予以废止：",
             "1.某某市人民政府关于印发招商引资办法的通知（2019年1月5日）", "2.某某市人民政府关于加快物流业发展的意见（2020年2月1日）",
             "某某市人民政府", "2023年3月1日"]
    segments = segment(clean(source_from_text("\n".join(lines), "notice.txt")))
    assert len(segments) == 1 and "".join(line.text for line in segments[0].heading) == lines[len(head)]


def standalone_forms(seg, doc):
    """A volume's document as it would stand alone: its heading without number and date, as a web
    page has it (title, then 文号), with a metadata block above, and as a 公文 (issuer mark, 文号,
    title) when its issuer is one body."""
    title = DATE_PAREN_END.sub("", HEADING_START.match("".join(l.text for l in seg.heading)).group(2))
    body = [line.text for line in seg.body]
    numbered = bool(doc.doc_number)
    yield "web", [title, *body]
    yield "metadata", [f"发文字号：{doc.doc_number or ''}", f"成文日期：{doc.issue_date}", title, *body[numbered:]]
    if numbered and len(doc.issuers) == 1 and re.fullmatch(r"[\u4e00-\u9fff]+", doc.issuers[0]):
        yield "公文", [doc.issuers[0] + "文件", body[0], title, *body[1:]]


def test_every_corpus_document_stands_alone(corpus_dir):
    """Each numbered document of the volumes, cut out and written as a single document, is
    recognised with the title, 文号 and issuers the volume gives it (a date where it states one)."""
    checked = 0
    for path in sorted(corpus_dir.glob("*.txt")):
        for seg in segment(clean(read(path))):
            if seg.number is None:
                continue
            doc = parse_header(seg)
            for form, lines in standalone_forms(seg, doc):
                alone = segment(clean(source_from_text("\n".join(lines), f"{form}.txt")))
                assert len(alone) == 1, (form, doc.title)
                got = parse_header(alone[0])
                assert (got.title, got.doc_number, got.issuers) == (doc.title, doc.doc_number, doc.issuers), form
                if form == "metadata":
                    assert got.issue_date is not None
                checked += 1
    assert checked > 300
