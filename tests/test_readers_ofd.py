"""OFD packages (GB/T 33190) written from corpus documents read to the same document, tasks, owners
and deadlines as the text they were made from; damaged packages reported without stopping the others."""
import json
import zipfile

import pytest

import ofdgen
from test_pdf import lines_of, notice_files, only, run_cli, squeeze, table_rows, task_fields, zhengzhou  # noqa: F401

from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.ofd import numbers, read_ofd
from policykg.pipeline import extract

@pytest.fixture()
def notice(zhengzhou, tmp_path):
    return notice_files(tmp_path, zhengzhou, ofdgen.gongwen, ".ofd")


def test_official_document_in_ofd_reads_like_its_text(notice):
    from_text, from_ofd = only(extract([notice[0]])), only(extract([notice[1]]))
    for field in ("title", "doc_number", "issuers", "issue_date", "recipients", "cc", "printed_date"):
        assert getattr(from_ofd, field) == getattr(from_text, field), field
    assert from_ofd.doc_number == "郑政文〔2023〕62号" and str(from_ofd.printed_date) == "2023-04-20"
    assert task_fields(from_ofd) == task_fields(from_text) and len(from_ofd.tasks) >= 30
    assert [squeeze(t.text) for t in from_ofd.tasks] == [squeeze(t.text) for t in from_text.tasks]
    assert max(p for t in from_ofd.tasks for p in t.provenance.pages) >= 4


def test_ofd_lines_keep_page_box_and_order(notice, zhengzhou):
    lines = read_ofd(notice[1], ReadOptions()).lines
    assert "— 2 —" not in "\n".join(line.text for line in lines)  # page numbers dropped
    for before, after in zip(lines, lines[1:]):
        assert (before.page, before.bbox[1]) < (after.page, after.bbox[1])  # top to bottom, page after page
    assert all(0 < line.bbox[0] < line.bbox[2] <= 595.3 and line.bbox[3] <= 841.9 for line in lines)
    # every laid-out line reads whole, those written as two text objects (every second one) too
    laid_out = [line for text in zhengzhou["body"] for line in ofdgen.wrap(text, 160 - 2 * ofdgen.SIZE)]
    read = {line.text for line in lines}
    assert len(laid_out) > 150 and all(line.strip() in read for line in laid_out)


def test_task_table_in_ofd_reads_like_its_text(tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("\n".join(lines_of("003", 1675, 1830)), encoding="utf-8")
    text_doc = only(extract([source]))
    header = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]
    title = "郑州市2023年优化营商环境工作要点（2023年4月19日）"
    ofd = ofdgen.task_table(tmp_path / "table.ofd", title=title, intro=["为深入贯彻党的二十大精神，制定本要点。"],
                            header=header, rows=[[row[h] for h in header] for row in table_rows(text_doc)],
                            widths=[10, 80, 25, 30, 15])
    table_doc = only(extract([ofd]))
    expected = [(t.label, t.lead_units, t.co_units, t.due_dates, t.ongoing) for t in text_doc.tasks if t.label.isdigit()]
    assert task_fields(table_doc) == expected and len(expected) == 31
    assert max(p for t in table_doc.tasks for p in t.provenance.pages) >= 3
    lines = read_ofd(ofd, ReadOptions()).lines
    assert sum(title in line.text for line in lines) == 1  # the running title (template page) dropped
    assert all(line.cells for line in lines if line.text[:2].rstrip(".").isdigit())


@pytest.mark.parametrize("text,expected", [
    ("4.2333", [4.2333]), ("g 3 4.2", [4.2, 4.2, 4.2]), ("1 g 2 2.1 3", [1, 2.1, 2.1, 3]), ("", []),
])
def test_delta_x_shorthand(text, expected):
    assert numbers(text) == expected


def damaged(kind, tmp_path, notice):
    data = notice[1].read_bytes()
    path = tmp_path / f"{kind}.ofd"
    if kind == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif kind == "no_document":
        with zipfile.ZipFile(notice[1]) as good, zipfile.ZipFile(path, "w") as bad:
            for item in good.namelist():
                if not item.endswith("Document.xml"):
                    bad.writestr(item, good.read(item))
    elif kind == "bad_xml":
        with zipfile.ZipFile(notice[1]) as good, zipfile.ZipFile(path, "w") as bad:
            for item in good.namelist():
                bad.writestr(item, good.read(item)[:-40] if item.endswith("Page_1/Content.xml") else good.read(item))
    else:
        with zipfile.ZipFile(notice[1]) as good, zipfile.ZipFile(path, "w") as bad:
            for item in good.namelist():
                text = good.read(item).decode("utf-8")
                bad.writestr(item, text.split("<ofd:Layer")[0] + "</ofd:Content></ofd:Page>"
                             if "/Pages/" in item else text)
    return path


@pytest.mark.parametrize("kind,code,words", [
    ("truncated", "E631", "corrupt or truncated OFD"), ("no_document", "E632", "Document.xml is missing"),
    ("bad_xml", "E631", "bad XML"), ("empty", "E633", "the OFD has no text"),
])
def test_damaged_ofd_is_reported_and_the_others_extracted(kind, code, words, tmp_path, notice):
    bad = damaged(kind, tmp_path, notice)
    out = tmp_path / "out.jsonl"
    result = run_cli("extract", bad, notice[1], "--out", out, "--no-ner")
    assert result.returncode == 1
    said = " ".join(result.stderr.split())  # the console wraps long messages
    assert f"[{code}]" in said and bad.name in said and words in said
    assert [json.loads(l)["doc_number"] for l in out.read_text(encoding="utf-8").splitlines()] == ["郑政文〔2023〕62号"]
