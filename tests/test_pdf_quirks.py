"""Quirks of real 公文 PDFs, drawn with reportlab from the 郑州 notice (corpus 003) and read field by
field against its text: a landscape 附件 task table on /Rotate 90 or 270 pages or drawn sideways on
portrait pages, lines set character by character or letter-spaced, page furniture (— N —, a running
title, the red rule under the 文号) and watermarks (a diagonal light-grey stamp, a red seal picture)."""
import functools

import pytest

pytest.importorskip("reportlab")
import pdfgen  # noqa: E402
import realgen  # noqa: E402
from test_formats_real import check, plan  # noqa: E402,F401  (plan: the 郑州 plan fixture)
from test_pdf import notice_files, only, squeeze, task_fields, zhengzhou  # noqa: E402,F401

from policykg.extractors.readers import read  # noqa: E402
from policykg.extractors.readers.layout import unspaced  # noqa: E402
from policykg.extractors.readers.watermarks import faint  # noqa: E402
from policykg.pipeline import extract  # noqa: E402

HEADER = ["序号", "具体措施", "牵头单位", "配合单位", "完成时限"]


def landscape_notice(path, plan, rotate, split_rows=False, computed=False):
    """The notice on portrait pages, its plan's task table on landscape pages turned as `rotate` says
    (rows cut by page breaks when `split_rows`, the turn written as cosine and sine when `computed`)."""
    front = pdfgen.paragraphs([realgen.MARK, realgen.DOC_NUMBER, realgen.TITLE, realgen.RECIPIENTS, realgen.NOTICE,
                               realgen.ISSUER, realgen.DATE, "（此件公开发布）"], pdfgen.PLAIN)
    rows = [[row[0], *row[2:]] for row in plan["rows"]]  # no 重点任务 column
    annex = [*pdfgen.paragraphs(["附件", realgen.PLAN_TITLE, *plan["intro"]], pdfgen.PLAIN),
             pdfgen.grid_table(HEADER, rows, [30, 420, 120, 120, 60], split_rows)]
    back = pdfgen.paragraphs([f"抄送：{realgen.CC}", f"{realgen.PRINTER}\u3000\u3000{realgen.PRINTED}印发"], pdfgen.PLAIN)
    path = pdfgen.landscape_annex(path, front, annex, back)
    return path if rotate == "none" else pdfgen.turned(path, None if rotate == "sideways" else rotate, computed)


@pytest.mark.parametrize("split_rows", [False, True])
@pytest.mark.parametrize("rotate, computed", [("none", False), (90, False), (270, False), ("sideways", False),
                                              (90, True), ("sideways", True)])
def test_landscape_task_table(plan, tmp_path, rotate, computed, split_rows):  # noqa: F811
    pdf = landscape_notice(tmp_path / "notice.pdf", plan, rotate, split_rows, computed)
    lines = read(pdf).lines
    rows = [line for line in lines if line.cells]
    assert rows and {line.page for line in rows} >= {2, 3} and rows[0].cells[0].text == "1"
    assert [line.text for line in lines[:2]] == [realgen.MARK, realgen.DOC_NUMBER]
    check(only(extract([pdf])), plan)


QUIRKS = {"justified": {}, "one text object a character": {"per_char": True},
          "running title": {"running_title": realgen.PLAN_TITLE},
          "watermark and seal": {"watermark": "郑州市人民政府", "seal": True},
          "level watermark": {"watermark": "内部资料", "slant": 0},
          "dark slanted stamp": {"watermark": "郑州市人民政府", "shade": 0.4, "slant": 30},
          "all at once": {"per_char": True, "running_title": realgen.PLAN_TITLE, "watermark": "内部资料"}}


@pytest.mark.parametrize("quirk", QUIRKS)
def test_typeset_notice(zhengzhou, tmp_path, quirk):  # noqa: F811
    typeset = functools.partial(pdfgen.typeset_gongwen, **QUIRKS[quirk])
    text, pdf = notice_files(tmp_path, zhengzhou, typeset, ".pdf")
    lines = [line.text for line in read(pdf).lines]
    drawn = pdf.with_suffix(".drawn").read_text(encoding="utf-8").splitlines()
    assert squeeze("".join(lines)) == squeeze("".join(drawn))  # nothing added (stamp, page numbers), nothing lost
    assert len(lines) == len(drawn)  # no line merged or split
    assert lines[0] == "郑州市人民政府文件"  # letter-spaced in red, read without spaces
    from_text, from_pdf = only(extract([text])), only(extract([pdf]))
    for field in ("title", "doc_number", "issuers", "issue_date", "recipients", "cc", "printed_date"):
        assert getattr(from_pdf, field) == getattr(from_text, field), field
    assert task_fields(from_pdf) == task_fields(from_text) and len(from_pdf.tasks) >= 30
    assert [t.text for t in from_pdf.tasks] == [t.text for t in from_text.tasks]


def gaps(text, spacing, wide=()):
    """The gaps between a line's characters other than spaces: `spacing` each, `wide` (index: gap) apart."""
    count = len(text.replace(" ", "")) - 1
    return [dict(wide).get(i, spacing) for i in range(count)]


@pytest.mark.parametrize("text, spacing, wide, read", [
    ("郑 州 市 人 民 政 府 文 件", 8, (), "郑州市人民政府文件"),  # the letter-spaced issuer mark
    ("完 成 时 限 ： 2 0 2 3 年 1 2 月", 5.5, (), "完成时限：2023年12月"),  # a justified line, one object a character
    ("通 知", 48, (), "通知"),  # a two-character title spread over the line
    ("现将《郑州市 2023 年优化", 0, ((5, 2.5), (9, 2.5)), "现将《郑州市 2023 年优化"),  # spaces the text has
    ("郑政文〔2023〕62号 签发人：何雄", 0, ((11, 150),), "郑政文〔2023〕62号 签发人：何雄"),  # two parts of a line
    ("2 0 2 3 年 4 月", 6, ((3, 9), (4, 9)), "2023 年 4月"),  # letter-spaced text with its own spaces
    ("市发展改革委 市财政局", 0.5, ((5, 4),), "市发展改革委 市财政局"),
])
def test_letter_spacing_parts_no_words(text, spacing, wide, read):
    assert unspaced(text, gaps(text, spacing, wide)) == read


@pytest.mark.parametrize("colour, light", [((0.82, 0.82, 0.82), True), ((1, 0.75, 0.75), True),
                                           ((0.85, 0, 0), False), ((0, 0, 0), False), ((0.5, 0.5, 0.5), False),
                                           ((0, 0, 0, 0.2), True)])
def test_watermark_colours(colour, light):
    assert faint(*colour) == light


@pytest.mark.parametrize("rotate", [90, 270, "sideways"])
def test_landscape_text_pages_read_as_upright_ones(zhengzhou, tmp_path, rotate):  # noqa: F811
    """Landscape pages of text only (pypdfium2's fast path): the same lines, in the same order, as
    the pages drawn upright."""
    def notice(path):
        front = pdfgen.paragraphs([zhengzhou["title"], zhengzhou["recipients"]], pdfgen.PLAIN)
        return pdfgen.landscape_annex(path, front, pdfgen.paragraphs(zhengzhou["body"][:60], pdfgen.BODY),
                                      pdfgen.paragraphs(["抄送：市委各部门。"], pdfgen.PLAIN))

    upright = [(line.text, line.page) for line in read(notice(tmp_path / "upright.pdf")).lines]
    turned = pdfgen.turned(notice(tmp_path / "turned.pdf"), None if rotate == "sideways" else rotate)
    assert [(line.text, line.page) for line in read(turned).lines] == upright
    assert len({page for _, page in upright}) >= 4
