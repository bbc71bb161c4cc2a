"""Single-file web archives (.mht/.mhtml) of government pages built from corpus documents: the page
they hold read as the saved .html field by field, whatever its transfer encoding and charset
(stated on the part, or only in the page's meta); archives named .html or .doc read by content;
archives without a page, cut inside it or with a damaged page give coded errors naming the file."""
import formatgen
import pytest
from conftest import reported_beside
from test_pdf import lines_of, only, table_rows, task_fields
from test_readers_html import ATTACHMENTS, FIELDS, TITLE

from policykg.extractors.readers import read
from policykg.pipeline import extract

URL = "http://www.zhengzhou.gov.cn/zwgk/zcwj/t20230425_1.shtml"
HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The 郑州 notice (corpus 003) as a GBK page and as a UTF-8 page with its measures as a task
    table (merged 牵头单位/完成时限 cells)."""
    folder = tmp_path_factory.mktemp("mht")
    notice = ["郑政文〔2023〕62号", *lines_of("003", 1675, 1830)[2:]]
    text = folder / "notice.txt"
    text.write_text("\n".join([TITLE, *notice]), encoding="utf-8")
    text_doc = only(extract([text]))
    rows = [[row[h] for h in HEADER] for row in table_rows(text_doc)]
    table = formatgen.table_html(HEADER, rows, merge=("牵头单位", "完成时限"))
    return {"folder": folder, "text_doc": text_doc,
            "gbk": formatgen.gov_page(folder / "gbk.html", TITLE, FIELDS, notice, ATTACHMENTS, charset="gb2312"),
            "table": formatgen.gov_page(folder / "table.html", "郑州市2023年优化营商环境工作要点（2023年4月19日）", {},
                                        ["为深入贯彻党的二十大精神，制定本要点。"], ATTACHMENTS[1:], table=table)}


def archive(pages, name, page, **options):
    return formatgen.web_archive(pages["folder"] / name, pages[page], URL, **options)


def same_source(left, right):
    assert [(l.text, l.line_no, l.cells) for l in left.lines] == [(l.text, l.line_no, l.cells) for l in right.lines]
    assert (left.metadata, left.attachments) == (right.metadata, right.attachments)


def same_document(left, right):
    for field in ("title", "doc_number", "issue_date", "issuers", "recipients", "enclosed_titles"):
        assert getattr(left, field) == getattr(right, field), field
    assert task_fields(left) == task_fields(right) and [t.text for t in left.tasks] == [t.text for t in right.tasks]


@pytest.mark.parametrize("page,options", [
    ("gbk", {"encoding": "quoted-printable", "charset": "gb2312"}),  # IE/Edge: the page's charset on the part
    ("gbk", {"encoding": "quoted-printable", "charset": None}),  # the charset only in the page's meta
    ("table", {"encoding": "base64", "charset": "utf-8", "images": 3, "saved_by": "Blink"}),  # pictures as parts
])
def test_archive_reads_as_its_page(pages, page, options):
    mht = archive(pages, f"{page}.mht", page, **options)
    source, saved = read(mht), read(pages[page])
    assert source.encoding.startswith("mhtml/") and saved.encoding.startswith("html/")
    same_source(source, saved)
    from_archive, from_page = only(extract([mht])), only(extract([pages[page]]))
    same_document(from_archive, from_page)
    assert len(from_archive.tasks) >= 30


@pytest.mark.parametrize("start", [True, False])
def test_archive_page_named_among_framed_pages(pages, start):
    """Framed pages (related links, a site menu) before the page: the part the archive names is read
    (by its Content-ID in `start`, or by the location the archive was saved from)."""
    menu = pages["folder"] / "menu.html"
    menu.write_text("<html><body><ul class='nav'><li><a href='/'>首页</a></li></ul><div class='list'>"
                    + "".join(f"<p>关于印发郑州市第{n}批优化营商环境典型案例的通知（2023年第{n}期）</p>" for n in range(1, 9))
                    + "</div></body></html>", encoding="utf-8")
    mht = archive(pages, "framed.mht", "gbk", charset="gb2312", frames=(menu,), start=start)
    same_source(read(mht), read(pages["gbk"]))


def test_archive_tasks_and_metadata(pages):
    source = read(archive(pages, "notice.mhtml", "gbk", charset="gb2312"))
    assert source.metadata == FIELDS and source.attachments == tuple(href for href, _ in ATTACHMENTS)
    document = only(extract([archive(pages, "table.mht", "table", encoding="base64", charset="utf-8", images=1)]))
    assert any(line.cells for line in read(pages["folder"] / "table.mht").lines)
    expected = [fields for fields in task_fields(pages["text_doc"]) if fields[0].isdigit()]
    assert task_fields(document) == expected and len(expected) == 31


@pytest.mark.parametrize("name", ["saved.html", "saved.doc", "saved.htm"])
def test_archive_under_another_name_is_read_by_content(pages, name):
    mht = archive(pages, "named.mht", "gbk", charset="gb2312", images=1)
    renamed = pages["folder"] / name
    renamed.write_bytes(mht.read_bytes())
    same_source(read(renamed), read(mht))


def no_page(data: bytes) -> bytes:
    """The archive with its page part's type changed: pictures only."""
    return data.replace(b"Content-Type: text/html", b"Content-Type: image/png", 1)


def damaged_base64(data: bytes) -> bytes:
    """Characters outside base64 written into the page's encoded lines (a damaged copy)."""
    body = data.index(b"\n\n", data.index(b"Content-Location: " + URL.encode())) + 2
    return data[:body] + b"*!*" + data[body + 3:body + 400].replace(b"A", b"*") + data[body + 400:]


@pytest.mark.parametrize("page,options,damage,code", [
    ("gbk", {"images": 2}, no_page, "E652"),
    ("gbk", {"images": 0}, lambda data: data[: len(data) // 2], "E651"),  # a download cut inside the page
    ("table", {"encoding": "base64", "charset": "utf-8", "images": 0}, lambda data: data[: len(data) * 2 // 3], "E651"),
    ("table", {"encoding": "base64", "charset": "utf-8", "images": 0}, damaged_base64, "E651"),
    ("gbk", {"images": 0}, lambda data: b"\0" * 64 + data, "E652"),  # not a MIME message
])
def test_damaged_archive_is_reported_and_the_others_extracted(pages, tmp_path, page, options, damage, code):
    bad = tmp_path / "bad.mht"
    bad.write_bytes(damage(archive(pages, "whole.mht", page, **options).read_bytes()))
    reported_beside(bad, pages["gbk"], code)


def test_archive_cut_after_its_page_still_reads(pages, tmp_path):
    whole = archive(pages, "pictures.mht", "table", encoding="base64", charset="utf-8", images=3).read_bytes()
    cut = tmp_path / "cut.mht"
    cut.write_bytes(whole[: len(whole) - 200])  # the last picture cut: the page before it is whole
    same_source(read(cut), read(pages["table"]))
