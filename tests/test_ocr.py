"""Scanned PDFs: a generated PDF rendered to pictures (no text layer) reads through OCR to the same
tasks, owners and deadlines as the text it was made from; confidence kept; no download at run time."""
import difflib
import json
import subprocess
import sys

import pytest

pytest.importorskip("rapidocr_openvino")
import pdfgen  # noqa: E402
from test_pdf import lines_of, only, run_cli, task_fields  # noqa: E402

from policykg.extractors.readers import ReadOptions  # noqa: E402
from policykg.extractors.readers.pdf import read_pdf  # noqa: E402
from policykg.pipeline import extract  # noqa: E402

MAX_CER = 0.02  # measured on this page: 0.4% (2 of 541 characters differ)


def char_error_rate(reference: str, read: str) -> float:
    """Edit operations over reference characters, whitespace ignored."""
    reference, read = "".join(reference.split()), "".join(read.split())
    matcher = difflib.SequenceMatcher(None, reference, read, autojunk=False)
    edits = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
    return edits / max(1, len(reference))


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    """A one-page plan from the corpus (眉山: title, measures 1 and 2 with their 责任单位), as text,
    as a PDF and as a scan of that PDF."""
    folder = tmp_path_factory.mktemp("scan")
    lines = lines_of("000", 152, 152) + lines_of("000", 176, 205)
    text = folder / "plan.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    pdf = pdfgen.running_text(folder / "plan.pdf", lines)
    return {"lines": lines, "text": text, "pdf": pdf, "scan": pdfgen.scanned(folder / "scan.pdf", pdf)}


@pytest.mark.parametrize("faults", [{}, {"dpi": 300, "skew": 1.0, "noise": 10, "jpeg": 60},
                                    {"dpi": 150, "skew": -2.0, "noise": 20, "jpeg": 40}])
def test_scanned_plan_reads_like_its_text(plan, faults, tmp_path):
    """A clean scan, and scans of a sheet turned on the glass, grainy and JPEG-compressed."""
    scan = pdfgen.scanned(tmp_path / "scan.pdf", plan["pdf"], **faults) if faults else plan["scan"]
    from_text = only(extract([plan["text"]], ner=False))
    from_scan = only(extract([scan], ner=False))
    assert from_scan.title == from_text.title
    assert task_fields(from_scan) == task_fields(from_text) and len(from_text.tasks) >= 2
    for scanned, typed in zip(from_scan.tasks, from_text.tasks):
        assert char_error_rate(typed.text, scanned.text) <= MAX_CER, (typed.text, scanned.text)
        assert scanned.provenance.pages == (1,)


def test_scanned_ofd_reads_like_its_text(plan, tmp_path):
    import io

    import ofdgen
    import pypdfium2

    pictures = []
    for page in pypdfium2.PdfDocument(plan["pdf"]):
        buffer = io.BytesIO()
        page.render(scale=200 / 72, grayscale=True).to_pil().save(buffer, format="PNG")
        pictures.append(buffer.getvalue())
    ofd = ofdgen.scanned(tmp_path / "scan.ofd", pictures)
    from_text, from_scan = only(extract([plan["text"]], ner=False)), only(extract([ofd], ner=False))
    assert from_scan.title == from_text.title and task_fields(from_scan) == task_fields(from_text)
    for scanned, typed in zip(from_scan.tasks, from_text.tasks):
        assert char_error_rate(typed.text, scanned.text) <= MAX_CER, (typed.text, scanned.text)
    lines = extract_lines(ofd)
    assert all(line.confidence and line.page == 1 and 0 < line.bbox[0] < line.bbox[2] < 595.3 for line in lines)


def extract_lines(ofd):
    from policykg.extractors.readers.ofd import read_ofd

    return read_ofd(ofd, ReadOptions()).lines


def test_ocr_lines_keep_position_and_confidence(plan):
    lines = read_pdf(plan["scan"], ReadOptions()).lines
    assert all(line.confidence is not None and 0.5 <= line.confidence <= 1 for line in lines)
    tops = [line.bbox[1] for line in lines]
    assert tops == sorted(tops) and all(line.page == 1 for line in lines)
    cer = char_error_rate("".join(plan["lines"]), "".join(line.text for line in lines))
    assert cer <= MAX_CER, cer


def test_ocr_always_reads_the_picture_of_a_text_page(tmp_path):
    pdf = pdfgen.running_text(tmp_path / "one.pdf", ["关于印发优化营商环境工作要点的通知"])
    assert [l.confidence for l in read_pdf(pdf, ReadOptions()).lines] == [None]  # text layer
    ocr = read_pdf(pdf, ReadOptions(ocr="always")).lines
    assert [l.text for l in ocr] == ["关于印发优化营商环境工作要点的通知"] and ocr[0].confidence > 0.9


OFFLINE = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network used")
socket.socket.connect = socket.socket.connect_ex = socket.create_connection = refuse
from pathlib import Path
from policykg.extractors.readers import ReadOptions
from policykg.extractors.readers.pdf import read_pdf
print(read_pdf(Path(sys.argv[1]), ReadOptions()).lines[0].text)
"""


def test_ocr_runs_without_network(tmp_path):
    pdf = pdfgen.running_text(tmp_path / "one.pdf", ["关于印发优化营商环境工作要点的通知"])
    scan = pdfgen.scanned(tmp_path / "scan.pdf", pdf)
    result = subprocess.run([sys.executable, "-c", OFFLINE, str(scan)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "关于印发优化营商环境工作要点的通知"


@pytest.mark.parametrize("ocr,code,words", [("auto", "E206", "OCR found none"), ("never", "E202", "OCR needed")])
def test_picture_without_text_is_reported_and_the_others_extracted(tmp_path, plan, ocr, code, words):
    bad = pdfgen.image_only(tmp_path / "blank_scan.pdf")
    out = tmp_path / "out.jsonl"
    result = run_cli("extract", bad, plan["text"], "--out", out, "--ocr", ocr, "--no-ner")
    assert result.returncode == 1
    said = " ".join(result.stderr.split())  # the console wraps long messages
    assert f"[{code}]" in said and bad.name in said and words in said
    titles = [json.loads(line)["title"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert titles == ["进一步优化营商环境推进项目审批提速增效工作方案"]


def test_scans_beside_ruled_pages_read_the_same_in_parallel(tmp_path, plan):
    """A volume of a long task table (pdfplumber's pages, sent to other processes with jobs=2) and a
    scanned plan (read by OCR in this process after them) gives the same lines either way, in page
    order, the scan's lines with their confidence."""
    import pypdfium2

    rows = [[str(n), f"第{n}项重点任务：推行工业用地标准地供应。", "市规划自然资源局", "市经信局", "2023年6月底前"]
            for n in range(1, 400)]
    table = pdfgen.task_table(tmp_path / "table.pdf", title="工作要点", intro=["为深入贯彻党的二十大精神。"],
                              header=["序号", "重点任务", "牵头单位", "责任单位", "完成时限"], rows=rows)
    volume = pypdfium2.PdfDocument.new()
    for part in (table, plan["scan"]):
        volume.import_pages(pypdfium2.PdfDocument(part))
    volume.save(tmp_path / "volume.pdf")
    serial = read_pdf(tmp_path / "volume.pdf", ReadOptions(jobs=1)).lines
    assert read_pdf(tmp_path / "volume.pdf", ReadOptions(jobs=2)).lines == serial
    last = max(line.page for line in serial)
    scanned = [line for line in serial if line.page == last]
    assert scanned and all(line.confidence is not None for line in scanned)
    assert all(line.confidence is None for line in serial if line.page < last)
    assert [line.page for line in serial] == sorted(line.page for line in serial)
