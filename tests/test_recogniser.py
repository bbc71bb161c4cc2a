"""The official-document recogniser on documents written here: GB/T 9704 elements in any order and
wording (issuer marks, 文号, 签发人, titles over lines, signatures, Chinese-numeral dates, 附注,
版记, page numbers), web-page metadata (front matter, metadata lines), and the least a document
needs to be recognised (a title with a 文号 or a date)."""
import datetime as dt

import pytest

from policykg.extractors.header import footer, signature, split_issuers
from policykg.extractors.recognise import is_furniture, metadata_fields
from policykg.lexicon.official import any_date, normal_number
from policykg.pipeline import extract

BODY = ["为进一步优化营商环境，现就有关事项通知如下。",
        "一、提升办事效率",
        "（一）压缩企业开办时间至1个工作日以内。（牵头单位：市市场监管局；责任单位：市税务局；完成时限：2023年6月底前）",
        "（二）推行工程建设项目联合验收。（牵头单位：市住房城乡建设局；完成时限：2023年12月底前）"]


def only_document(tmp_path, lines, name="doc.txt"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = extract([path], ner=False)
    assert not result.errors, result.errors
    assert len(result.documents) == 1
    return result.documents[0]


@pytest.mark.parametrize("line,expected", [
    ("发文字号：川办发〔2023〕12号", {"发文字号": "川办发〔2023〕12号"}),
    ("文号:苏政办发﹝2023﹞7号", {"发文字号": "苏政办发﹝2023﹞7号"}),
    # several fields on a line: the clean stage has squeezed the spaces between them
    ("索引号：11510000MB0000000X/2023-00012发文机关：某某省人民政府办公厅",
     {"索引号": "11510000MB0000000X/2023-00012", "发文机关": "某某省人民政府办公厅"}),
    ("|索引号|000014349/2023-00051|主题分类|综合政务|", {"索引号": "000014349/2023-00051", "主题分类": "综合政务"}),
    ("成文日期：2023年05月06日发布日期：2023-05-08", {"成文日期": "2023年05月06日", "发布日期": "2023-05-08"}),
    ("各区县人民政府：", {}),
    ("本办法所称发文机关：是指制发文件的机关。", {}),
])
def test_metadata_lines(line, expected):
    assert metadata_fields(line) == expected


@pytest.mark.parametrize("line,furniture", [
    ("—1—", True), ("-12-", True), ("－3－", True), ("第2页共9页", True), ("第2页/共9页", True),
    ("（此件公开发布）", True), ("（此件主动公开）", True), ("（联系人：王五，联系电话：12345678）", True),
    ("公开方式：主动公开", True),
    ("2", False), ("2023", False), ("—", False), ("（一）加强组织领导", False), ("（此件由市政府办公室负责解释，请各单位认真执行。）", False),
])
def test_page_numbers_and_notes(line, furniture):
    assert is_furniture(line) is furniture


@pytest.mark.parametrize("text,date", [
    ("二〇二三年五月六日", dt.date(2023, 5, 6)),
    ("二〇二二年十二月三十一日", dt.date(2022, 12, 31)),
    ("二○二三年十月十日", dt.date(2023, 10, 10)),
    ("二零二四年一月二十日", dt.date(2024, 1, 20)),
    ("2023-5-6", dt.date(2023, 5, 6)),
    ("2023.05.06 10:30", dt.date(2023, 5, 6)),
    ("2023年05月06日", dt.date(2023, 5, 6)),
    ("二〇二三年二月三十日", None),
])
def test_dates_in_any_numerals(text, date):
    assert any_date(text) == date


@pytest.mark.parametrize("lines,date,names", [
    (["现印发给你们，请认真贯彻执行。", "某某市人民政府办公室", "2023年5月6日"], "2023-05-06", ["某某市人民政府办公室"]),
    # a seal note over two lines under the name
    (["现印发给你们。", "某某省营商环境建设领导小组办公室", "（某某省发展和改革委员会", "某某省财政厅代章）", "二〇二三年六月一日"],
     "2023-06-01", ["某某省营商环境建设领导小组办公室"]),
    # a long name wrapped over two lines, the seal note after it
    (["请认真组织实施。", "某某市城市更新与工程建设项目审批", "制度改革工作联席会议办公室（代章）", "2023年7月3日"],
     "2023-07-03", ["某某市城市更新与工程建设项目审批制度改革工作联席会议办公室"]),
    # joint issuers one over the other, the date in Chinese numerals
    (["请遵照执行。", "某某市财政局", "国家税务总局某某市税务局", "二〇二三年八月一日"], "2023-08-01",
     ["某某市财政局", "国家税务总局某某市税务局"]),
    # the name glued before the date on one line (spaces squeezed by the clean stage)
    (["特此通知。", "某某市商务局2023年9月9日"], "2023-09-09", ["某某市商务局"]),
    # a date with nobody signed above it
    (["特此通知。", "2023年1月5日"], "2023-01-05", []),
    # an attachment list above the signature is not a name
    (["附件：1.任务清单", "2.责任分工表", "某某县人民政府", "2023年2月2日"], "2023-02-02", ["某某县人民政府"]),
])
def test_signature(lines, date, names):
    signed, signers = signature(lines)
    assert str(signed) == date and signers == names


@pytest.mark.parametrize("text,names", [
    ("四川省人民政府办公厅某某市人民政府办公厅", ["四川省人民政府办公厅", "某某市人民政府办公厅"]),
    ("中共某某县委办公室某某县人民政府办公室", ["中共某某县委办公室", "某某县人民政府办公室"]),
    ("某某市发展和改革委员会某某市财政局", ["某某市发展和改革委员会", "某某市财政局"]),
    ("市财政局市税务局", ["市财政局", "市税务局"]),
    ("某某省发展和改革委员会中国人民银行某某分行", ["某某省发展和改革委员会", "中国人民银行某某分行"]),
    ("某某市财政局国家税务总局某某市税务局", ["某某市财政局", "国家税务总局某某市税务局"]),
    ("某某市人民政府", ["某某市人民政府"]),
])
def test_joint_issuers_written_together(text, names):
    assert split_issuers(text) == names


TITLE = "关于进一步优化营商环境的通知"

HEADS = [
    # one issuer, mark on one line, the 文号 under it
    (["某某市人民政府文件", "某府发〔2023〕3号", "某某市人民政府" + TITLE, "各区县人民政府，市政府各部门："],
     ("某某市人民政府",), "某府发〔2023〕3号", "某某市人民政府" + TITLE),
    # two issuers letter-spaced over two lines, "文件" after the second; 文号 with spaces; title over two lines
    (["市 财 政 局", "市 税 务 局 文 件", "某财税 〔2023〕 4 号", "关于进一步优化营商", "环境的通知", "各区县财政局、税务局："],
     ("市财政局", "市税务局"), "某财税〔2023〕4号", TITLE),
    # "文件" alone between the two issuers, as a PDF reads a vertically centred word
    (["中共某某县委办公室", "文件", "某某县人民政府办公室", "某委办发[2023]9号", TITLE, "各乡镇党委、政府："],
     ("中共某某县委办公室", "某某县人民政府办公室"), "某委办发〔2023〕9号", TITLE),
    # a letter-style mark without "文件", straight above the 文号
    (["某某省发展和改革委员会", "某发改函（2023）15号", TITLE, "各市州发展改革委："],
     ("某某省发展和改革委员会",), "某发改函〔2023〕15号", TITLE),
    # 份号, 密级 and 紧急程度 above the mark; 签发人 on the 文号's line (an upward document)
    (["000123", "机密★1年", "特急", "某某市人民政府文件", "某府报〔2023〕2号签发人：张三", "某某市人民政府关于请求支持营商环境改革的请示",
      "某某省人民政府："], ("某某市人民政府",), "某府报〔2023〕2号", "某某市人民政府关于请求支持营商环境改革的请示"),
    # "文件" read on the first issuer's line, the second issuer under it
    (["某某市财政局文件", "某某市税务局", "某财发〔2023〕1号", TITLE, "各区县："],
     ("某某市财政局", "某某市税务局"), "某财发〔2023〕1号", TITLE),
    # a second issuer name wrapped past "文件"
    (["某某市财政局", "国家税务总局某某市文件", "税务局", "某财发﹝2023﹞12号", TITLE, "各区县："],
     ("某某市财政局", "国家税务总局某某市税务局"), "某财发〔2023〕12号", TITLE),
]


@pytest.mark.parametrize("head,issuers,number,title", HEADS)
def test_issuer_mark_and_doc_number(tmp_path, head, issuers, number, title):
    doc = only_document(tmp_path, head + BODY + ["二〇二三年五月六日"])
    assert doc.issuers == issuers and normal_number(doc.doc_number) == number and doc.title == title
    assert str(doc.issue_date) == "2023-05-06"
    assert [t.lead_units for t in doc.tasks] == [["市市场监管局"], ["市住房城乡建设局"]]


@pytest.mark.parametrize("head,number,title", [
    # a Word original without the red head: the 文号 first, then the title over two lines
    (["某政办发[2023]7号", "某某市人民政府办公室关于印发", "营商环境改革实施方案的通知"], "某政办发〔2023〕7号",
     "某某市人民政府办公室关于印发营商环境改革实施方案的通知"),
    # a web page: the title, then the 文号 on its own line
    (["某某市人民政府办公室关于印发营商环境改革实施方案的通知", "某政办发〔2023〕7号"], "某政办发〔2023〕7号",
     "某某市人民政府办公室关于印发营商环境改革实施方案的通知"),
    (["某政办发【2023】第7号", "某某市营商环境改革实施方案"], "某政办发〔2023〕7号", "某某市营商环境改革实施方案"),
])
def test_doc_number_before_or_after_title(tmp_path, head, number, title):
    doc = only_document(tmp_path, head + ["各区县人民政府："] + BODY)
    assert normal_number(doc.doc_number) == number and doc.title == title
    assert doc.recipients == ("各区县人民政府",)


@pytest.mark.parametrize("front,text,expected", [
    # front matter with the fields as a page names them; the 文号 on its own line under the title
    (["标题: 某某市商务局关于促进消费的通知", "发文机关: 某某市商务局", "成文日期: 2023-06-01"],
     ["# 某某市商务局关于促进消费的通知", "", "某商发〔2023〕21号", "", "各区县商务主管部门："],
     ("某某市商务局关于促进消费的通知", "某商发〔2023〕21号", "2023-06-01", ("某某市商务局",))),
    # English keys, no title line in the text: title and issuer from the front matter
    (["title: 某某县营商环境提升行动方案", "issuer: 某某县人民政府办公室", "date: 2023/7/15"],
     ["某县办发〔2023〕30号", "", "为持续优化营商环境，制定本方案。"],
     ("某某县营商环境提升行动方案", "某县办发〔2023〕30号", "2023-07-15", ("某某县人民政府办公室",))),
    # the 文号 only in the front matter; the text's own signature date wins over the metadata's
    (["文号: 某人社发 〔2023〕 8 号", "成文日期: 2023-01-01", "发文机关: 某某市人力资源和社会保障局 某某市财政局"],
     ["## 关于做好稳就业工作的通知", "各区县人力社保局、财政局：", *BODY, "2023年3月3日"],
     ("关于做好稳就业工作的通知", "某人社发〔2023〕8号", "2023-03-03", ("某某市人力资源和社会保障局", "某某市财政局"))),
])
def test_markdown_page_with_front_matter(tmp_path, front, text, expected):
    doc = only_document(tmp_path, ["---", *front, "---", *text] + BODY, name="page.md")
    assert (doc.title, normal_number(doc.doc_number), str(doc.issue_date), doc.issuers) == expected


@pytest.mark.parametrize("block", [
    # one field a line
    ["索引号：11510000MB0000000X/2023-00012", "主题分类：综合政务", "发文机关：某某省人民政府办公厅", "成文日期：2023年05月06日",
     "标题：某某省人民政府办公厅关于深化跨部门综合监管的通知", "发文字号：某办发〔2023〕12号", "发布日期：2023年05月08日"],
    # two fields a line, with spaces between them (the clean stage squeezes them)
    ["索引号：11510000MB0000000X/2023-00012   主题分类：综合政务", "发文机关：某某省人民政府办公厅   成文日期：2023年05月06日",
     "发文字号：某办发 〔2023〕 12号   发布日期：2023-05-08"],
    # a page's navigation and tools above the block
    ["首页 > 政务公开 > 政策文件", "【字体：大 中 小】 打印本页", "发文字号：某办发〔2023〕12号", "成文日期：2023年5月6日",
     "发文机关：某某省人民政府办公厅"],
    # a markdown table
    ["| 索引号 | 11510000MB0000000X/2023-00012 | 主题分类 | 综合政务 |", "| 发布机构 | 某某省人民政府办公厅 | 成文日期 | 2023-05-06 |",
     "| 文号 | 某办发〔2023〕12号 | 发布日期 | 2023-05-08 |"],
])
def test_web_page_metadata_block(tmp_path, block):
    text = block + ["某某省人民政府办公厅关于深化跨部门综合监管的通知", "各市（州）人民政府，省政府各部门："] + BODY
    doc = only_document(tmp_path, text)
    assert doc.title == "某某省人民政府办公厅关于深化跨部门综合监管的通知"
    assert normal_number(doc.doc_number) == "某办发〔2023〕12号" and str(doc.issue_date) == "2023-05-06"
    assert doc.issuers == ("某某省人民政府办公厅",) and doc.recipients == ("各市（州）人民政府", "省政府各部门")


@pytest.mark.parametrize("lines", [
    # the site's sentences first; the 标题 field says where the title stands
    ["欢迎访问某某市人民政府门户网站。", "当前位置：首页>政策文件", "标题：某某市人民政府关于促进民营经济发展的若干意见",
     "发布日期：2023-04-03", "某某市人民政府关于促进民营经济发展的若干意见", "各区县人民政府：", *BODY],
    # the title over two lines, the page repeating it and showing its publication time under it
    ["标题：某某市人民政府关于促进民营经济发展的若干意见", "某某市人民政府关于促进民营经济", "发展的若干意见",
     "发布时间：2023-04-03 09:30来源：某某市人民政府办公室", "某某市人民政府关于促进民营经济发展的若干意见", "各区县人民政府：", *BODY],
])
def test_web_page_title_found_by_its_metadata(tmp_path, lines):
    doc = only_document(tmp_path, lines)
    assert doc.title == "某某市人民政府关于促进民营经济发展的若干意见" and str(doc.issue_date) == "2023-04-03"
    assert doc.recipients == ("各区县人民政府",) and doc.issuers == ("某某市人民政府",)
    assert [t.lead_units for t in doc.tasks] == [["市市场监管局"], ["市住房城乡建设局"]]


@pytest.mark.parametrize("lines,title,date", [
    # no title word, a bare date at the end
    (["某某区2023年营商环境重点工作安排", "今年全区要在以下方面下功夫。", "一是压缩审批时间。", "2023年2月8日"],
     "某某区2023年营商环境重点工作安排", "2023-02-08"),
    # a title without any title word, signed in Chinese numerals
    (["某某市优化营商环境三年行动", "全市上下要一以贯之抓落实。", "某某市人民政府", "二〇二三年三月一日"],
     "某某市优化营商环境三年行动", "2023-03-01"),
    # the date in brackets after the title
    (["某某县营商环境提升年活动（2023年4月1日）", "全县各单位要形成合力。"], "某某县营商环境提升年活动", "2023-04-01"),
    # a date under the title, as a web page shows it
    (["某某镇便民服务提升行动", "2023-09-12", "镇便民服务中心要延长服务时间。"], "某某镇便民服务提升行动", "2023-09-12"),
])
def test_title_and_date_are_enough(tmp_path, lines, title, date):
    doc = only_document(tmp_path, lines)
    assert doc.title == title and str(doc.issue_date) == date


@pytest.mark.parametrize("lines", [
    ["今天天气很好。我们去公园散步。"],
    ["公园散步", "我们沿着湖边走了一圈。", "回家吃饭。"],
])
def test_no_document_without_title_and_signal(tmp_path, lines):
    path = tmp_path / "note.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert [e.code for e in extract([path], ner=False).errors] == ["E004"]


def test_page_numbers_and_notes_inside_text(tmp_path):
    """Page numbers between lines, even inside an annotation, and 附注 change nothing."""
    head = ["某某市人民政府文件", "某府发〔2023〕3号", "某某市人民政府" + TITLE, "各区县人民政府："]
    broken = BODY[:2] + ["（一）压缩企业开办时间至1个工作日以内。（牵头单位：市市场监管局；", "— 2 —",
                         "责任单位：市税务局；完成时限：2023年6月底前）", "-3-", BODY[3]]
    plain = only_document(tmp_path, head + BODY + ["某某市人民政府", "2023年5月6日"])
    paged = only_document(tmp_path, head + broken + ["某某市人民政府", "第4页共5页", "2023年5月6日", "（此件公开发布）"],
                          name="paged.txt")
    assert [(t.text, t.lead_units, t.co_units, t.due_dates) for t in paged.tasks] == \
        [(t.text, t.lead_units, t.co_units, t.due_dates) for t in plain.tasks]
    assert paged.issuers == plain.issuers == ("某某市人民政府",) and str(paged.issue_date) == "2023-05-06"


MEASURES = [
    "一、落实减税降费政策",
    "（一）全面落实小微企业减税政策，确保应享尽享。（牵头单位：市税务局；责任单位：市财政局；完成时限：2023年6月底前）",
    "（二）加快留抵退税办理进度，压缩审核时间至3个工作日以内。（牵头单位：市税务局；责任单位：市财政局、市发展改革委；"
    "完成时限：2023年12月底前）",
    "二、规范涉企收费",
    "（三）清理规范行政事业性收费，公布收费目录清单。（牵头单位：市财政局；责任单位：市市场监管局；完成时限：2023年9月底前）",
]


@pytest.mark.parametrize("issuers,number,expected_number,title,date,expected_date", [
    (["某某市财政局", "国家税务总局某某市税务局"], "某财发 〔 2023 〕 12 号", "某财发〔2023〕12号",
     ["某某市财政局　国家税务总局某某市税务局", "关于进一步减轻市场主体负担的通知"], "二〇二三年五月六日", "2023-05-06"),
    (["中共某某县委办公室", "某某县人民政府办公室"], "某委办发 [ 2023 ] 9 号", "某委办发〔2023〕9号",
     ["关于印发某某县减轻市场主体负担", "若干措施的通知"], "二〇二三年十一月二十日", "2023-11-20"),
    (["某某省发展和改革委员会", "某某省财政厅"], "某发改财金 （2023） 105 号", "某发改财金〔2023〕105号",
     ["某某省发展和改革委员会　某某省财政厅关于", "减轻市场主体负担的通知"], "二〇二三年十月九日", "2023-10-09"),
])
def test_joint_issuer_pdf(tmp_path, issuers, number, expected_number, title, date, expected_date):
    pytest.importorskip("reportlab")
    import pdfgen
    pdf = pdfgen.joint_gongwen(
        tmp_path / "notice.pdf", issuers=issuers, doc_number=number, title=title,
        recipients="各区县人民政府，市级有关部门：", body=["为进一步减轻市场主体负担，现就有关事项通知如下。", *MEASURES],
        date=date, cc="市委办公室，市人大常委会办公室。", printer="某某市财政局办公室", printed="2023年12月1日")
    result = extract([pdf], ner=False)
    assert not result.errors and len(result.documents) == 1
    doc = result.documents[0]
    assert doc.title == "".join(title).replace("　", "") and normal_number(doc.doc_number) == expected_number
    assert doc.issuers == tuple(issuers) and str(doc.issue_date) == expected_date
    assert doc.recipients == ("各区县人民政府", "市级有关部门")
    assert doc.cc == ("市委办公室", "市人大常委会办公室") and str(doc.printed_date) == "2023-12-01"
    assert [(t.label, t.lead_units, t.co_units, [str(d) for d in t.due_dates]) for t in doc.tasks] == [
        ("（一）", ["市税务局"], ["市财政局"], ["2023-06-30"]),
        ("（二）", ["市税务局"], ["市财政局", "市发展改革委"], ["2023-12-31"]),
        ("（三）", ["市财政局"], ["市市场监管局"], ["2023-09-30"])]
    assert {p for t in doc.tasks for p in t.provenance.pages} == {1}


def test_text_wins_over_metadata(tmp_path):
    """Where the text states title, 文号, date and issuers, a page's differing metadata does not change them."""
    front = ["---", "标题: 关于促进消费的通知（网页版）", "发文字号: 某商发〔2022〕1号", "成文日期: 2022-01-01",
             "发文机关: 某某省商务厅", "---"]
    text = ["某某市商务局文件", "某商发〔2023〕21号", "关于促进消费的通知", "各区县商务主管部门：", *BODY, "二〇二三年六月一日"]
    doc = only_document(tmp_path, front + text, name="page.md")
    assert (doc.title, doc.doc_number, str(doc.issue_date), doc.issuers) == \
        ("关于促进消费的通知", "某商发〔2023〕21号", "2023-06-01", ("某某市商务局",))


@pytest.mark.parametrize("lines,cc,printed", [
    (["抄送：市委办公室，市人大常委会办公室。", "某某市人民政府办公室2023年5月8日印发"],
     ["市委办公室", "市人大常委会办公室"], "2023-05-08"),
    # the list over two lines, broken after a separator
    (["抄送：市委办公室，市人大常委会办公室，", "市政协办公室。", "某某市人民政府办公室2023年5月8日印发"],
     ["市委办公室", "市人大常委会办公室", "市政协办公室"], "2023-05-08"),
    # broken inside a name; the printer on a line of its own above the date
    (["抄报：省财政厅，省税务", "局。", "某某市财政局办公室", "2023年6月2日印发"], ["省财政厅", "省税务局"], "2023-06-02"),
    # no closing "。", the 印发 date in Chinese numerals
    (["抄送：市委办公室", "某某市财政局办公室二〇二三年六月二日印发"], ["市委办公室"], "2023-06-02"),
])
def test_footer(lines, cc, printed):
    body = ["（三）加强督促检查。", "某某市人民政府", "2023年5月6日"]
    found, date, start = footer(body + lines)
    assert found == cc and str(date) == printed and start == len(body)
