"""Word 97–2003 (.doc) and WPS (.wps) files: Word files built with python-docx from corpus documents,
saved as .doc by LibreOffice (the writer analysts' offices use beside Word), read like the .docx and
like the corpus text; fields show their result; damaged and encrypted files give coded errors."""
import shutil
from itertools import pairwise

import docx
import formatgen
import pytest
from conftest import reported_beside
from test_pdf import lines_of, only, table_rows, task_fields

from policykg.errors import PolicyKGError
from policykg.extractors.readers import read
from policykg.pipeline import extract

pytestmark = pytest.mark.skipif(not formatgen.SOFFICE, reason="LibreOffice writes the .doc files (.ci/run installs it)")
HEADER = ["序号", "重点任务", "责任单位", "牵头单位", "完成时限"]


def hyperlink(paragraph, text: str, url: str) -> None:
    """A hyperlink run (a HYPERLINK field in the .doc: its code must not be read)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:t>{text}</w:t>'
                                  "</w:r></w:hyperlink>"))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """郑州's work points (003): as text, and as a Word file (title, intro with a hyperlink, the task
    table with merged 牵头单位/完成时限 cells, a header and footer) in .docx and .doc; 眉山's plan
    (000) as running text in .docx and .doc."""
    folder = tmp_path_factory.mktemp("doc")
    table_text = folder / "table.txt"
    table_text.write_text("\n".join(lines_of("003", 1675, 1830)), encoding="utf-8")
    text_doc = only(extract([table_text]))
    table = docx.Document()
    table.sections[0].header.paragraphs[0].text = "郑州市人民政府文件"
    table.sections[0].footer.paragraphs[0].text = "— 1 —"
    table.add_paragraph("郑州市2023年优化营商环境工作要点（2023年4月19日）")
    intro = table.add_paragraph("为深入贯彻党的二十大精神，")
    hyperlink(intro, "制定本要点", "https://www.zhengzhou.gov.cn/")
    intro.add_run("。")
    formatgen.word_table(table, HEADER, [[row[h] for h in HEADER] for row in table_rows(text_doc)],
                         merge=("牵头单位", "完成时限"), title="重点任务分工表")
    table.save(folder / "table.docx")
    plan_lines = lines_of("000", 140, 362)
    plan_text = folder / "plan.txt"
    plan_text.write_text("\n".join(plan_lines), encoding="utf-8")
    plan = docx.Document()
    for line in plan_lines:
        plan.add_paragraph(line)
    plan.save(folder / "plan.docx")
    table_doc, plan_doc = formatgen.saved_as("doc", folder, folder / "table.docx", folder / "plan.docx")
    return {"folder": folder, "table_text": text_doc, "table_docx": folder / "table.docx", "table_doc": table_doc,
            "plan_text": plan_text, "plan_lines": plan_lines, "plan_doc": plan_doc}


def line_cells(path):
    return [(line.text, line.cells) for line in read(path).lines]


def test_doc_reads_as_its_docx(files):
    lines = line_cells(files["table_doc"])
    assert lines == line_cells(files["table_docx"])
    leads = [{c.role.value: c.text for c in cells}.get("lead") for _, cells in lines if cells]
    assert any(a and a == b for a, b in pairwise(leads))  # merged 牵头单位 cells filled from above
    assert lines[1][0] == "为深入贯彻党的二十大精神，制定本要点。"  # the hyperlink's text, not its field code
    assert not any("郑州市人民政府文件" in text or "— 1 —" in text for text, _ in lines)  # header, footer


def test_task_table_in_doc_gives_the_tasks_of_the_text(files):
    expected = [fields for fields in task_fields(files["table_text"]) if fields[0].isdigit()]
    from_doc = only(extract([files["table_doc"]]))
    assert task_fields(from_doc) == expected and len(expected) == 31


def test_running_text_doc_gives_the_document_of_the_text(files):
    assert [line.text for line in read(files["plan_doc"]).lines] == files["plan_lines"]
    from_text, from_doc = only(extract([files["plan_text"]])), only(extract([files["plan_doc"]]))
    assert (from_doc.title, from_doc.doc_number, from_doc.issue_date) == \
        (from_text.title, from_text.doc_number, from_text.issue_date)
    assert task_fields(from_doc) == task_fields(from_text) and len(from_text.tasks) >= 15


def test_wps_writer_file_reads_as_doc(files, tmp_path):
    wps = tmp_path / "plan.wps"  # WPS Writer saves this same binary format under .wps
    wps.write_bytes(files["plan_doc"].read_bytes())
    assert line_cells(wps) == line_cells(files["plan_doc"])


def test_docx_package_or_web_page_named_doc_is_read_by_its_own_reader(files, tmp_path):
    package = tmp_path / "saved.doc"
    package.write_bytes(files["table_docx"].read_bytes())
    assert line_cells(package) == line_cells(files["table_docx"])
    page = tmp_path / "page.doc"
    page.write_text("<html><head><meta charset='utf-8'><title>通知</title></head><body><div class='article'>"
                    + "".join(f"<p>{line}</p>" for line in files["plan_lines"]) + "</div></body></html>",
                    encoding="utf-8")
    assert [line.text for line in read(page).lines][-3:] == files["plan_lines"][-3:]


@pytest.mark.parametrize("damage,code", [
    (lambda data: data[: len(data) // 3], "E614"),  # truncated download
    (lambda data: b"\0" * 64 + data, "E614"),  # not a compound file
    (lambda data: data.replace(b"\xec\xa5", b"\x00\x00", 1), "E614"),  # no file information block
])
def test_damaged_doc_is_reported_and_the_others_extracted(files, tmp_path, damage, code):
    bad = tmp_path / "bad.doc"
    bad.write_bytes(damage(files["plan_doc"].read_bytes()))
    reported_beside(bad, files["plan_doc"], code)


def test_encrypted_doc_asks_for_an_unprotected_file(files, tmp_path):
    import olefile

    locked = tmp_path / "locked.doc"
    shutil.copy(files["plan_doc"], locked)
    with olefile.OleFileIO(str(locked), write_mode=True) as ole:  # the FIB's fEncrypted flag, as Word sets it
        word = bytearray(ole.openstream("WordDocument").read())
        word[0x0B] |= 0x01
        ole.write_stream("WordDocument", bytes(word))
    with pytest.raises(PolicyKGError) as error:
        read(locked)
    assert error.value.code == "E615" and str(locked) in str(error.value)

