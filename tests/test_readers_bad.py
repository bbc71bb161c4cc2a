"""Damaged, encrypted, empty and unreadable files of the web, Word and Excel formats: a coded error
naming the file, and the other files still extracted."""
import io
import zipfile

import docx
import openpyxl
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from conftest import ROOT
from test_pdf import run_cli

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
