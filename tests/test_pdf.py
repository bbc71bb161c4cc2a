"""PDF ingestion on PDFs generated from corpus documents: the same tasks, owners and deadlines as the
text they were made from; damaged PDFs reported without stopping the others."""
import json
import subprocess
import sys

import pytest

pytest.importorskip("reportlab")
import pdfgen  # noqa: E402
from conftest import ROOT, corpus_lines  # noqa: E402

from policykg.extractors.readers import ReadOptions  # noqa: E402
from policykg.extractors.readers.pdf import read_pdf  # noqa: E402
from policykg.pipeline import extract  # noqa: E402


def lines_of(name, start, end):
    """Corpus lines as paragraphs: no page markers, URLs or blank lines."""
    return [l.strip() for l in corpus_lines(name, start, end).splitlines()
            if l.strip() and not l.startswith("# Page") and not l.startswith("<http")]


def only(result):
    assert not result.errors, result.errors
    assert len(result.documents) == 1
    return result.documents[0]


def task_fields(doc):
    return [(t.label, t.lead_units, t.co_units, t.due_dates, t.ongoing) for t in doc.tasks]


def squeeze(text):
    """Text without whitespace, and without "·", which STSong-Light cannot draw."""
    return "".join(text.split()).replace("·", "")


@pytest.fixture(scope="module")
def zhengzhou():
    lines = lines_of("003", 1675, 1830)
    return {"title": "郑州市人民政府关于印发郑州市2023年优化营商环境工作要点的通知", "doc_number": "郑政文〔2023〕62号",
            "recipients": lines[2], "body": lines[3:]}


FOOTER = ("市委各部门，市人大常委会办公厅", "郑州市人民政府办公厅", "2023年4月20日")


def notice_files(folder, zhengzhou, gongwen, suffix):
    """The 郑州 notice as text, and in the official layout as drawn by `gongwen` (pdfgen's, ofdgen's)."""
    text = folder / "notice.txt"
    text.write_text("\n".join(["郑州市人民政府文件", zhengzhou["doc_number"], zhengzhou["title"], zhengzhou["recipients"],
                               *zhengzhou["body"], f"抄送：{FOOTER[0]}。", f"{FOOTER[1]}　　{FOOTER[2]}印发"]),
                    encoding="utf-8")
    laid_out = gongwen(folder / f"notice{suffix}", mark="郑州市人民政府文件", doc_number=zhengzhou["doc_number"],
                       title=zhengzhou["title"], recipients=zhengzhou["recipients"], body=zhengzhou["body"],
                       cc=FOOTER[0], printer=FOOTER[1], printed=FOOTER[2])
    return text, laid_out


def test_official_document_layout(zhengzhou, tmp_path, corpus_dir):
    text, pdf = notice_files(tmp_path, zhengzhou, pdfgen.gongwen, ".pdf")
    from_text, from_pdf = only(extract([text])), only(extract([pdf]))
    for doc in (from_text, from_pdf):
        assert doc.title == zhengzhou["title"] and doc.doc_number == zhengzhou["doc_number"]
        assert doc.issuers == ("郑州市人民政府",) and str(doc.issue_date) == "2023-04-19"
        assert doc.cc == ("市委各部门", "市人大常委会办公厅") and str(doc.printed_date) == "2023-04-20"
        assert doc.recipients == ("各开发区管委会", "各区县（市）人民政府", "市人民政府各部门", "各有关单位")
    assert task_fields(from_pdf) == task_fields(from_text) and len(from_pdf.tasks) >= 30
    assert [squeeze(t.text) for t in from_pdf.tasks] == [squeeze(t.text) for t in from_text.tasks]
    assert max(p for t in from_pdf.tasks for p in t.provenance.pages) >= 4  # pages kept as provenance


def table_rows(doc):
    """The measures of a document as rows of a task table."""
    rows = []
    for task in doc.tasks:
        if not task.label.isdigit():
            continue
        time = "持续推进" if task.ongoing else task.deadlines[-1].phrase if task.deadlines else ""
        rows.append({"序号": task.label, "重点任务": task.text, "牵头单位": "、".join(task.lead_units),
                     "责任单位": "、".join(task.co_units), "完成时限": time})
    return rows


@pytest.mark.parametrize("header,repeat", [
    (["序号", "重点任务", "牵头单位", "责任单位", "完成时限"], True),
    (["序号", "完成时限", "责任单位", "重点任务", "牵头单位"], False),  # any column order, header not repeated
])
def test_task_table_over_three_pages(zhengzhou, tmp_path, header, repeat):
    source = tmp_path / "source.txt"
    source.write_text("\n".join(lines_of("003", 1675, 1830)), encoding="utf-8")
    text_doc = only(extract([source]))
    rows = table_rows(text_doc)
    widths = {"序号": 28, "重点任务": 220, "牵头单位": 70, "责任单位": 80, "完成时限": 50}
    pdf = pdfgen.task_table(tmp_path / "table.pdf", title="郑州市2023年优化营商环境工作要点（2023年4月19日）",
                            intro=["为深入贯彻党的二十大精神，制定本要点。"], header=header,
                            rows=[[row[h] for h in header] for row in rows], repeat_header=repeat,
                            widths=[widths[h] for h in header])
    table_doc = only(extract([pdf]))
    assert max(p for t in table_doc.tasks for p in t.provenance.pages) >= 3
    expected = [(t.label, t.lead_units, t.co_units, t.due_dates, t.ongoing) for t in text_doc.tasks if t.label.isdigit()]
    assert task_fields(table_doc) == expected and len(expected) == 31


def test_two_level_outline_in_running_text(tmp_path):
    # 眉山 (000 lines 152-362): 一、/（一）/1. outline, annotations broken over lines
    lines = lines_of("000", 152, 362)
    text = tmp_path / "plan.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    pdf = pdfgen.running_text(tmp_path / "plan.pdf", lines, running_title="进一步优化营商环境推进项目审批提速增效工作方案")
    from_text, from_pdf = only(extract([text])), only(extract([pdf]))
    assert task_fields(from_pdf) == task_fields(from_text)
    assert len([t for t in from_text.tasks if t.label.isdigit()]) == 15  # the 15 annotated measures
    assert [t.path for t in from_pdf.tasks] == [t.path for t in from_text.tasks]
    assert from_pdf.tasks[0].path == ("二", "（一）", "1")


def pdf_lines(pdf, **options):
    return read_pdf(pdf, ReadOptions(**options)).lines


def pdf_text(pdf, **options):
    return "\n".join(line.text for line in pdf_lines(pdf, **options))


def test_page_furniture_is_removed(tmp_path):
    pdf = pdfgen.running_text(tmp_path / "f.pdf", lines_of("000", 152, 362), running_title="进一步优化营商环境推进项目审批提速增效工作方案")
    lines = pdf_lines(pdf)
    text = "\n".join(line.text for line in lines)
    assert "— 2 —" not in text and text.count("进一步优化营商环境推进项目审批提速增效工作方案") == 1
    assert len({line.page for line in lines}) >= 3
    assert all(line.bbox and line.bbox[0] < line.bbox[2] for line in lines)


def test_fake_bold_characters_are_not_doubled(tmp_path):
    pdf = pdfgen.fake_bold(tmp_path / "bold.pdf", ["关于印发工作方案的通知", "各市（州）于10月底前汇总。"])
    text = pdf_text(pdf)
    assert "关于印发工作方案的通知" in text and "关关于于" not in text


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "policykg", *map(str, args)], capture_output=True, text=True)


def damaged(kind, tmp_path):
    good = pdfgen.running_text(tmp_path / "good.pdf", ["关于印发工作方案的通知", "1.推进改革。（责任单位：市大数据局）"])
    if kind == "encrypted":
        return pdfgen.encrypted(tmp_path / "locked.pdf", "关于印发工作方案的通知", "s3cret")
    if kind == "truncated":
        path = tmp_path / "truncated.pdf"
        path.write_bytes(good.read_bytes()[:400])
        return path
    if kind == "corrupt":
        path = tmp_path / "corrupt.pdf"
        path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
        return path
    if kind == "image_only":
        return pdfgen.image_only(tmp_path / "scan.pdf")
    return pdfgen.unmapped_glyphs(tmp_path / "cid.pdf")


@pytest.mark.parametrize("kind,code,words", [
    ("encrypted", "E201", "--password"), ("truncated", "E204", "corrupt or truncated"),
    ("corrupt", "E204", "corrupt or truncated"), ("image_only", "E206", "OCR found none"),
    ("cid", "E203", "(cid:"),
])
def test_damaged_pdf_is_reported_and_the_others_extracted(kind, code, words, tmp_path):
    bad = damaged(kind, tmp_path)
    good = tmp_path / "good.txt"
    good.write_text((ROOT / "examples" / "zhengzhou_2023_work_points.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_cli("extract", bad, good, "--out", out)
    assert result.returncode == 1
    assert f"[{code}]" in result.stderr and bad.name in result.stderr and words in result.stderr
    assert [json.loads(l)["doc_number"] for l in out.read_text(encoding="utf-8").splitlines()] == ["郑政文[2023]62号"]


def test_encrypted_pdf_opens_with_its_password(tmp_path):
    # reportlab encrypts CID-font text in a way pdfminer cannot map back, so this page is Latin
    locked = pdfgen.encrypted(tmp_path / "locked.pdf", "Notice on the 2023 work points", "s3cret")
    assert "Notice on the 2023 work points" in pdf_text(locked, password="s3cret")


def test_parallel_extraction_gives_the_same_result(tmp_path, corpus_dir):
    lines = lines_of("000", 152, 362)
    pdf = pdfgen.running_text(tmp_path / "long.pdf", lines * 6, running_title="工作方案")
    assert pdf_lines(pdf, jobs=2) == pdf_lines(pdf, jobs=1)
    serial, parallel = extract([corpus_dir]), extract([corpus_dir], jobs=2)
    assert [d.model_dump() for d in parallel.documents] == [d.model_dump() for d in serial.documents]


def plumber_only(pdf):
    """The lines of a PDF as pdfplumber alone reads them (every page), before the pypdfium2 fast path."""
    import pdfplumber

    from policykg.extractors.readers.layout import render
    from policykg.extractors.readers.plumber import plumber_lines

    with pdfplumber.open(pdf) as document:
        return render([plumber_lines(page) for page in document.pages], [p.page_number for p in document.pages])


def fast_pages(pdf):
    """How many pages pypdfium2 reads (the others need pdfplumber)."""
    import pypdfium2

    from policykg.extractors.readers.pdf import PageReading

    document = pypdfium2.PdfDocument(pdf)
    return sum(PageReading(page, "never").items is not None for page in document)


def generated_pdfs(tmp_path, zhengzhou):
    plan = lines_of("000", 152, 362)
    rows = [["1", "推行工业用地标准地供应。", "市规划自然资源局", "市经信局", "2023年6月底前"],
            ["2", "深化工程建设项目审批制度改革。", "市住房城乡建设局", "", "持续推进"]]
    return {
        "gongwen": pdfgen.gongwen(tmp_path / "g.pdf", mark="郑州市人民政府文件", doc_number=zhengzhou["doc_number"],
                                  title=zhengzhou["title"], recipients=zhengzhou["recipients"],
                                  body=zhengzhou["body"], cc="市委各部门", printer="郑州市人民政府办公厅",
                                  printed="2023年4月20日"),
        "running": pdfgen.running_text(tmp_path / "r.pdf", plan, running_title="工作方案"),
        "volume": pdfgen.volume(tmp_path / "v.pdf", [plan[:40], plan[40:90]]),
        "table": pdfgen.task_table(tmp_path / "t.pdf", title="工作要点", intro=["为深入贯彻党的二十大精神。"],
                                   header=["序号", "重点任务", "牵头单位", "责任单位", "完成时限"], rows=rows * 30),
        "bold": pdfgen.fake_bold(tmp_path / "b.pdf", ["关于印发工作方案的通知", "各市（州）于10月底前汇总。"]),
    }


def near(box, other):
    """Boxes within a point of each other (the fonts' descents differ a little), or both absent."""
    return box == other or (box and other and max(abs(a - b) for a, b in zip(box, other)) < 1)


def test_fast_path_reads_as_pdfplumber_does(tmp_path, zhengzhou):
    pdfs = generated_pdfs(tmp_path, zhengzhou)
    for name, pdf in pdfs.items():
        fast, slow = pdf_lines(pdf), plumber_only(pdf)
        # pypdfium2 keeps the "·" that STSong-Light has no glyph for; pdfminer loses it
        assert [(l.text.replace("·", ""), l.line_no, l.page, l.cells) for l in fast] == \
            [(l.text, l.line_no, l.page, l.cells) for l in slow], name
        assert all(near(f.bbox, s.bbox) for f, s in zip(fast, slow) if f.text == s.text), name
    # text pages go the fast way; pages with ruling lines (tables) and fake bold go to pdfplumber
    assert fast_pages(pdfs["running"]) == fast_pages_total(pdfs["running"]) >= 3
    assert fast_pages(pdfs["gongwen"]) >= 3 and fast_pages(pdfs["table"]) == fast_pages(pdfs["bold"]) == 0


def fast_pages_total(pdf):
    from policykg.extractors.readers.pdf import page_count

    return page_count(pdf)


def test_pages_for_pdfplumber_read_in_parallel_give_the_same_lines(tmp_path):
    from policykg.extractors.readers.pdf import batches, readings
    from policykg.schema.models import ColumnRole

    rows = [[str(n), f"第{n}项重点任务：推行工业用地标准地供应。", "市规划自然资源局", "市经信局", "2023年6月底前"]
            for n in range(1, 1300)]
    pdf = pdfgen.task_table(tmp_path / "long.pdf", title="工作要点", intro=["为深入贯彻党的二十大精神。"],
                            header=["序号", "重点任务", "牵头单位", "责任单位", "完成时限"], rows=rows)
    work = batches([(i, page.way) for i, page in enumerate(readings(pdf, None, "auto")) if page.items is None])
    assert len(work) >= 2  # ruled pages: pdfplumber's, in several batches
    lines = pdf_lines(pdf, jobs=2)
    assert lines == pdf_lines(pdf, jobs=1)
    assert [line.cell(ColumnRole.number) for line in lines if line.cells] == [row[0] for row in rows]
