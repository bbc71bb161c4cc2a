"""Damaged, encrypted, empty and unreadable files of the web, Word and Excel formats: a coded error
naming the file, and the other files still extracted."""
import io
import re
import tempfile
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from conftest import ROOT
from test_pdf import run_cli

from policykg.extractors.readers import read
from policykg.pipeline import extract

GOOD = ROOT / "examples" / "zhengzhou_2023_work_points.txt"


def word_bytes(text="关于印发工作方案的通知"):
    document = docx.Document()
    if text:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def excel_bytes(rows=(("序号", "重点任务", "牵头单位"), (1, "推进改革", "市发展改革委"))):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def encrypted(data: bytes) -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("s3cret", out)
    return out.getvalue()


def not_an_office_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "not a Word document")
    return out.getvalue()


NO_DOCUMENT = """<html><head><meta charset="utf-8"><title>政策文件_郑州市人民政府门户网站</title></head><body>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hd">互动交流</a></li></ul>
<div class="list"><ul><li><a href="/a/1.html">郑州市人民政府关于印发郑州市2023年优化营商环境工作要点的通知</a></li>
<li><a href="/a/2.html">郑州市人民政府办公厅关于进一步优化政务服务提升行政效能的实施意见</a></li></ul>
<div class="page">共2条 上一页 下一页</div></div><div class="footer">主办：郑州市人民政府办公厅</div></body></html>"""

BAD = {
    "truncated.docx": (lambda: word_bytes()[:900], "E611", "corrupt or truncated Word file"),
    "not_word.docx": (not_an_office_zip, "E611", "corrupt or truncated Word file"),
    "locked.docx": (lambda: encrypted(word_bytes()), "E612", "encrypted Word file"),
    "blank.docx": (lambda: word_bytes(""), "E613", "no text"),
    "truncated.xlsx": (lambda: excel_bytes()[:700], "E621", "corrupt or truncated Excel workbook"),
    "locked.xlsx": (lambda: encrypted(excel_bytes()), "E622", "encrypted Excel workbook"),
    "blank.xlsx": (lambda: excel_bytes(()), "E623", "no text"),
    "list.html": (lambda: NO_DOCUMENT.encode("utf-8"), "E610", "no document in the web page"),
    "empty.htm": (lambda: b"", "E001", "empty file"),
    "comment.html": (lambda: b"<!-- saved from url=(0041)https://www.zhengzhou.gov.cn/ -->", "E610", "no document"),
    "notice.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "E614", "corrupt or truncated Word 97"),
    "notice.wps": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "E614", "corrupt or truncated Word 97"),
    "ledger.xls": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "E621", "corrupt or truncated Excel workbook"),
    "locked.xls": (lambda: encrypted(excel_bytes()), "E622", "encrypted Excel workbook"),
}


def write_bad(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD[name][0]())
    return path


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_reported_and_the_others_extracted(name, tmp_path):
    bad = write_bad(tmp_path, name)
    _, code, words = BAD[name]
    result = extract([bad, GOOD], ner=False)
    assert [(e.code, e.path) for e in result.errors] == [(code, str(bad))]
    assert words in result.errors[0].message
    assert [d.doc_number for d in result.documents] == ["郑政文[2023]62号"]


def test_cli_names_every_bad_file_and_fails(tmp_path):
    bad = [write_bad(tmp_path, name) for name in sorted(BAD)]
    out = tmp_path / "out.jsonl"
    result = run_cli("extract", *bad, GOOD, "--out", out, "--no-ner")
    assert result.returncode == 1
    for path in bad:
        assert f"[{BAD[path.name][1]}]" in result.stderr and path.name in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def page_bytes(charset="utf-8"):
    body = "".join(f"<p>{line}</p>" for line in GOOD.read_text(encoding="utf-8").splitlines() if line.strip())
    return f"\n<!DOCTYPE html><html><head><meta charset='{charset}'></head><body><div id='zoom'>{body}</div></body></html>" \
        .encode("gb18030" if charset == "gbk" else charset)


def pdf_bytes():
    import pdfgen

    return pdfgen.running_text(Path(tempfile.mkdtemp()) / "n.pdf", GOOD.read_text(encoding="utf-8").splitlines()).read_bytes()


TABLE_PAGE = ("<html><head><meta http-equiv='Content-Type' content='application/vnd.ms-excel; charset=gbk'></head>"
              "<body><table><tr><td colspan='3'>2023年重点任务清单</td></tr>"
              "<tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr><tr><td>1</td><td>推进改革</td><td>市发展改革委</td></tr>"
              "<tr><td>2</td><td>优化纳税服务</td><td>市税务局</td></tr></table></body></html>")
MISNAMED = {  # name: the bytes, as sites and mail serve them
    "notice.docx": lambda: page_bytes(),  # a web page downloaded as "Word"
    "notice.doc": lambda: page_bytes("gbk"),  # Word's "save as web page", named .doc
    "重点任务清单.xls": lambda: excel_bytes(),  # an .xlsx renamed .xls
    "任务清单.xls": lambda: TABLE_PAGE.encode("gb18030"),  # a site's "export to Excel": an HTML table
    "notice.doc ": lambda: word_bytes(GOOD.read_text(encoding="utf-8")),  # a .docx named .doc (trailing space: a second name)
    "notice.pdf": lambda: page_bytes(),  # the viewer page saved instead of the PDF
    "scan.docx": pdf_bytes,  # a PDF with a Word name
}


@pytest.mark.parametrize("name", sorted(MISNAMED))
def test_misnamed_file_is_read_by_its_content(name, tmp_path):
    path = tmp_path / name.strip()
    path.write_bytes(MISNAMED[name]())
    result = extract([path], ner=False)
    assert not result.errors, result.errors
    if path.suffix == ".xls":
        assert [(t.text, t.lead_units) for t in result.documents[0].tasks][0] == ("推进改革", ["市发展改革委"])
    else:
        assert [d.doc_number for d in result.documents] == ["郑政文[2023]62号"]


def broken_xref(data: bytes, how: str) -> bytes:
    if how == "offsets zeroed":
        return re.sub(rb"\d{10} 00000 n", b"0000000000 00000 n", data)
    if how == "table missing":
        return data[:data.rindex(b"xref")] + b"%%EOF\n"
    return re.sub(rb"startxref\s+\d+", b"startxref\n999999", data)


@pytest.mark.parametrize("how", ["offsets zeroed", "table missing", "startxref wrong"])
def test_pdf_with_a_broken_xref_reads_as_the_sound_one(how, tmp_path):
    """Ruled pages go to pdfplumber, whose parser needs the cross-reference table; the copy pypdfium2
    rebuilds is read instead (text pages are read by pypdfium2, which repairs the file itself)."""
    import pdfgen

    rows = [[str(n), f"推行第{n}项改革。", "市规划自然资源局", "市经信局", "2023年6月底前"] for n in range(1, 41)]
    sound = pdfgen.task_table(tmp_path / "sound.pdf", title="工作要点", intro=["为深入贯彻党的二十大精神。"],
                              header=["序号", "重点任务", "牵头单位", "责任单位", "完成时限"], rows=rows)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(broken_xref(sound.read_bytes(), how))
    assert broken.read_bytes() != sound.read_bytes()
    assert read(broken).lines == read(sound).lines and len([l for l in read(broken).lines if l.cells]) == 40
