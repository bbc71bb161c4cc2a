"""Saved government web pages built from corpus documents: the same document, tasks, owners and
deadlines as the text they were made from; the metadata table read, site chrome dropped,
attachment links recorded, traditional-character pages read as the simplified ones."""
import opencc
import pytest

import formatgen
from test_pdf import lines_of, only, table_rows, task_fields

from policykg.extractors.readers import read
from policykg.extractors.readers.html import parse
from policykg.pipeline import extract

TITLE = "郑州市人民政府关于印发郑州市2023年优化营商环境工作要点的通知"
FIELDS = {"索引号": "11410100MB1961830E/2023-00062", "主题分类": "综合政务\\其他", "发文机关": "郑州市人民政府",
          "成文日期": "2023-04-19", "标题": TITLE, "发文字号": "郑政文〔2023〕62号", "发布日期": "2023-04-25"}
ATTACHMENTS = [("./P020230425376458071254.pdf", "郑州市2023年优化营商环境工作要点.pdf"),
               ("/attach/0/%E4%BB%BB%E5%8A%A1%E5%88%86%E5%B7%A5%E8%A1%A8.xlsx", "附件：任务分工表.xlsx")]
CHROME = ("打印本页", "关闭窗口", "当前位置", "首页", "无障碍浏览", "网站标识码", "相关文件", "互动交流", "走进郑州", "字体", "来源",
          "进一步优化政务服务提升行政效能")


@pytest.fixture(scope="module")
def notice():
    """The 郑州 notice (corpus 003): 文号, recipients, notice, signature and the 31 measures."""
    lines = lines_of("003", 1675, 1830)
    return ["郑政文〔2023〕62号", *lines[2:]]


def text_version(tmp_path, lines):
    path = tmp_path / "notice.txt"
    path.write_text("\n".join([TITLE, *lines]), encoding="utf-8")
    return path


def test_government_page_reads_as_its_text(notice, tmp_path):
    page = formatgen.gov_page(tmp_path / "t20230425_1.shtml", TITLE, FIELDS, notice, ATTACHMENTS, charset="gb2312")
    source = read(page)
    assert source.metadata == FIELDS
    assert source.attachments == tuple(href for href, _ in ATTACHMENTS)
    text = "\n".join(line.text for line in source.lines)
    assert not [word for word in CHROME if word in text]
    assert source.lines[0].text == TITLE and source.lines[1].text == FIELDS["发文字号"]
    from_page, from_text = only(extract([page])), only(extract([text_version(tmp_path, notice)]))
    assert from_page.title == TITLE and from_page.doc_number == "郑政文〔2023〕62号"
    assert str(from_page.issue_date) == "2023-04-19" and from_page.issuers == ("郑州市人民政府",)
    for field in ("title", "doc_number", "issue_date", "issuers", "recipients", "enclosed_titles"):
        assert getattr(from_page, field) == getattr(from_text, field), field
    assert task_fields(from_page) == task_fields(from_text) and len(from_page.tasks) >= 30
    assert [t.text for t in from_page.tasks] == [t.text for t in from_text.tasks]


@pytest.mark.parametrize("config,charset", [("s2t", "utf-8"), ("s2tw", "big5"), ("s2hk", "utf-8")])
def test_traditional_page_reads_as_the_simplified_one(notice, tmp_path, config, charset):
    simplified = read(formatgen.gov_page(tmp_path / "s.html", TITLE, FIELDS, notice, ATTACHMENTS))
    traditional_page = formatgen.gov_page(tmp_path / "t.html", TITLE, FIELDS, notice, ATTACHMENTS, charset=charset,
                                          convert=opencc.OpenCC(config).convert)
    traditional = read(traditional_page)
    assert "國" in traditional_page.read_bytes().decode("big5hkscs" if charset == "big5" else charset)
    assert traditional.encoding.endswith("+t2s") and not simplified.encoding.endswith("+t2s")
    assert [(l.line_no, l.cells) for l in traditional.lines] == [(l.line_no, l.cells) for l in simplified.lines]
    assert traditional.metadata == simplified.metadata and traditional.attachments == simplified.attachments
    changed = [l.text for l, s in zip(traditional.lines, simplified.lines) if l.text != s.text]
    assert len(changed) <= 2, changed  # a round trip may keep a variant character (乾/干)
    assert task_fields(only(extract([traditional_page]))) == task_fields(only(extract([text_version(tmp_path, notice)])))


def test_task_table_in_a_page(notice, tmp_path):
    text_doc = only(extract([text_version(tmp_path, notice)]))
    header = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]
    rows = [[row[h] for h in header] for row in table_rows(text_doc)]
    table = formatgen.table_html(header, rows, merge=("牵头单位", "完成时限"))
    page = formatgen.gov_page(tmp_path / "table.html", "郑州市2023年优化营商环境工作要点（2023年4月19日）", {}, [
        "为深入贯彻党的二十大精神，制定本要点。"], [], table=table)
    from_page = only(extract([page]))
    expected = [fields for fields in task_fields(text_doc) if fields[0].isdigit()]
    assert task_fields(from_page) == expected and len(expected) == 31
    assert any(l.cells for l in read(page).lines)


PARAGRAPHS = "<p>各区县人民政府，市人民政府各部门：</p><p>现将《工作方案》印发给你们，请认真贯彻落实。</p>"
BODY = f"<div id='content'>{PARAGRAPHS}</div>"


@pytest.mark.parametrize("markup,expected", [
    ("<table><tr><td>索 引 号：</td><td>000014349/2023-00012</td></tr><tr><th>发文机关</th><td>国务院办公厅</td></tr></table>",
     {"索引号": "000014349/2023-00012", "发文机关": "国务院办公厅"}),
    ("<dl><dt>发文字号：</dt><dd>川府办发〔2023〕9号</dd><dt>成文时间：</dt><dd>2023年03月01日</dd></dl>",
     {"发文字号": "川府办发〔2023〕9号", "成文日期": "2023年03月01日"}),
    ("<ul><li><b>发布机构：</b><span>眉山市人民政府办公室</span></li><li><b>主题分类：</b>综合政务</li></ul>",
     {"发文机关": "眉山市人民政府办公室", "主题分类": "综合政务"}),
    ("<table><tr><td>文号：郑政文〔2023〕62号　　成文日期：2023-04-19</td></tr></table>",
     {"发文字号": "郑政文〔2023〕62号", "成文日期": "2023-04-19"}),
    ("<div class='info'>发布时间：2023-04-25 09:30　来源：市政府办公厅　【字体：大 中 小】</div>",
     {"发布日期": "2023-04-25 09:30"}),
    ("<p><span>名　　称：</span><span>关于印发工作方案的通知</span></p>", {"标题": "关于印发工作方案的通知"}),
])
def test_metadata_wordings(markup, expected):
    items, fields, _ = parse(f"<html><body>{markup}{BODY}</body></html>", "page.html")
    assert fields == expected
    assert [text for text, _ in items][-2:] == ["各区县人民政府，市人民政府各部门：", "现将《工作方案》印发给你们，请认真贯彻落实。"]
    assert not any(value in text for text, _ in items[1:] for value in expected.values())
    assert items[0][0] == expected.get("标题", "各区县人民政府，市人民政府各部门：")  # the title is the first line


@pytest.mark.parametrize("line,dropped", [
    ("【打印本页】【关闭窗口】", True), ("[ 打印 ] [ 关闭 ]", True), ("字号：大 中 小", True), ("分享到：", True),
    ("当前位置：首页 > 政务公开 > 政策文件", True), ("首页 > 政策文件", True), ("浏览次数：1024", True),
    ("关闭小散乱污企业120家。", False), ("打印机等办公设备纳入集中采购目录。", False), ("首页面向企业开放申报入口。", False),
])
def test_chrome_lines(line, dropped):
    items, _, _ = parse(f"<html><body><div id='content'>{PARAGRAPHS}<p>{line}</p></div></body></html>", "page.html")
    assert (line.replace(" ", "") not in [text.replace(" ", "") for text, _ in items]) is dropped


def test_title_from_the_page_title_when_no_heading_is_one(tmp_path):
    page = tmp_path / "plan.html"
    page.write_text("<html><head><meta charset='utf-8'><title>眉山市项目审批提速增效工作方案 - 眉山市人民政府</title></head>"
                    "<body><div class='nav'><a href='/'>首页</a></div><div class='content'><h2>一、总体要求</h2>"
                    "<p>坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。</p><h2>二、主要任务</h2>"
                    "<p>推行“多测合一”。（牵头单位：市规划自然资源局）</p></div></body></html>", encoding="utf-8")
    assert [line.text for line in read(page).lines] == [
        "眉山市项目审批提速增效工作方案", "一、总体要求", "坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。", "二、主要任务",
        "推行“多测合一”。（牵头单位：市规划自然资源局）"]


def test_other_tables_stay_rows():
    """A table that is not a task table: one line per row, a cell spanning rows or columns counted once
    in each row it covers; a one-column layout table is read as paragraphs."""
    table = ("<table><tr><th rowspan='2'>指标</th><th colspan='2'>目标值</th></tr><tr><th>2023年</th><th>2025年</th></tr>"
             "<tr><td>政务服务事项网上可办率</td><td>95%</td><td>98%</td></tr></table>"
             "<table><tr><td><p>各区县人民政府：</p><p>现将方案印发给你们。</p></td></tr></table>")
    items, _, _ = parse(f"<html><body><div id='content'>{PARAGRAPHS}{table}</div></body></html>", "page.html")
    assert [text for text, _ in items][2:] == ["指标\u3000目标值", "指标\u30002023年\u30002025年", "政务服务事项网上可办率\u300095%\u300098%",
                                               "各区县人民政府：", "现将方案印发给你们。"]


@pytest.mark.parametrize("folder_name", ["通知_files", "通知.files"])
def test_saved_complete_page_is_one_document(notice, tmp_path, folder_name):
    """A browser's "save page, complete": the page, and beside it a folder of its scripts, styles and
    framed pages of the site, which are not documents (no E610 for them, nothing extracted twice).
    A folder so named without its page is read as usual."""
    saved = tmp_path / "saved"
    resources = saved / folder_name
    resources.mkdir(parents=True)
    formatgen.gov_page(saved / "通知.html", TITLE, FIELDS, notice, ATTACHMENTS)
    (resources / "saved_resource.html").write_text(
        "<html><body><ul><li><a href='/'>首页</a></li><li><a href='/zwgk'>政务公开</a></li></ul></body></html>",
        encoding="utf-8")
    (resources / "common.js").write_text("var siteId = 1;", encoding="utf-8")
    formatgen.gov_page(resources / "copy.html", TITLE, FIELDS, notice, ATTACHMENTS)
    result = extract([saved], ner=False)
    assert not result.errors and [d.doc_number for d in result.documents] == ["郑政文〔2023〕62号"]
    (saved / "通知.html").rename(saved / "other.txt")
    assert len(extract([saved], ner=False).errors) == 1  # the framed page, now read as any file
