"""Quantitative targets and citations, on corpus sentences."""
import pytest

from policykg.extractors.references import find_references
from policykg.extractors.targets import find_targets


@pytest.mark.parametrize("text,expected", [
    ("市本级项目开工前主要审批事项用时在现行基础上整体压缩40%以上", [(40.0, "%", ">=")]),
    ("政府投资项目审批事项用时不超过30个工作日", [(30.0, "个工作日", "<=")]),
    ("力争2023年底前“免证办”事项达到500个", [(500.0, "个", None)]),
    ("培育不少于300家中小数商企业，形成不少于30个品牌数据产品", [(300.0, "家", ">="), (30.0, "个", ">=")]),
    ("给予最高200万元资金支持", []),
    ("第十二条第三款", []),
])
def test_targets(text, expected):
    assert [(t.value, t.unit, t.comparator) for t in find_targets(text)] == expected


def test_reference_with_doc_number_broken_over_lines_and_brackets():
    # 四川 (000 lines 49-52), lines joined as the pipeline joins them
    text = ("认真落实《国务院办公厅关于深入推进跨部门综合监管的指导意见》（国办发〔2023〕1号）要求，"
            "省政府办公厅会同省直有关部门编制了《四川省跨部门综合监管重点事项指导清单》（以下简称《指导清单》，详见附件1），"
            "省直有关部门（单位）要严格依据《指导清单》组织。编制《××市/县跨部门综合监管重点事项实施清单》。"
            "附件：1.《四川省跨部门综合监管重点事项指导清单》（略）")
    refs = find_references(text, exclude=[])
    assert [(r.title, r.doc_number) for r in refs] == [
        ("国务院办公厅关于深入推进跨部门综合监管的指导意见", "国办发〔2023〕1号")]


def test_enclosed_title_is_not_a_reference():
    text = "现将《郑州市2023年优化营商环境工作要点》印发给你们。落实《优化营商环境条例》，落实《优化营商环境条例》。"
    refs = find_references(text, exclude=["郑州市2023年优化营商环境工作要点"])
    assert [(r.title, r.doc_number) for r in refs] == [("优化营商环境条例", None)]


@pytest.mark.parametrize("text,titles", [
    ("制定出台《政务公开工作规范》地方标准。", []),
    ("研究制定《数据要素市场培育方案》，按照《数据安全法》要求推进。", ["数据安全法"]),
    ("抓紧制定《实施细则》。落实《实施细则》各项要求。", ["实施细则"]),
    ("出具《信用修复告知书》和《行政处罚决定书》。", []),
    ("凭《营业执照》办理。依据《优化营商环境条例》（国务院令〔2019〕722号）。", ["优化营商环境条例"]),
    # a drafting verb reaches every title in a row after it
    ("制定《数据分级规则》《数据共享清单》，规范管理。", []),
    ("研究起草《招标代理管理办法》、《评标专家管理办法》。", []),
    # revising a document makes a new one; a newly revised law is in force
    ("修订《企业注销办事指引》，简化流程。", []),
    ("做好新修订《消防条例》宣传解读。", ["消防条例"]),
    # rules made under a cited document: the document exists
    ("出台《公共资源交易管理办法》实施细则。", ["公共资源交易管理办法"]),
    ("制定《中介服务超市管理办法》配套制度。", ["中介服务超市管理办法"]),
])
def test_documents_to_be_made_and_forms_are_not_citations(text, titles):
    assert [r.title for r in find_references(text, exclude=[])] == titles


@pytest.mark.parametrize("text,expected", [
    ("全流程办理时限压减至0.5天", [(0.5, "天")]),
    ("审批时间由50个工作日压减至45个工作日", [(45.0, "个工作日")]),
    ("用户数突破170万", [(170.0, "万")]),
    ("信用信息归集总量突破150亿条，查询次数超过10亿次", [(150.0, "亿条"), (10.0, "亿次")]),
    ("参与创建企业超过1千家", [(1.0, "千家")]),
    ("失信主体占比低于0.02%", [(0.02, "%")]),
    ("电子证照种类超过80类", [(80.0, "类")]),
    ("支持30家企业建设绿色工厂、5家企业建设零碳工厂", [(30.0, "家"), (5.0, "家")]),
    ("全面落实“稳增长20条”政策", []),  # a name in quotes
    ("给予不低于10万元的一次性奖励", []),  # a subsidy, not a target
])
def test_targets_in_more_wordings(text, expected):
    assert [(t.value, t.unit) for t in find_targets(text)] == expected


@pytest.mark.parametrize("notice,enclosed", [
    ("根据《关于印发重点工作清单的通知》（皖政务办〔2023〕2号）要求，制定了工作方案，现印发给你们。", []),
    ("按照《数据条例》要求，制定了《数据实施方案》，现印发给你们。", ["数据实施方案"]),
    ("依据《某某办法》，现将《年度工作要点》印发给你们。", ["年度工作要点"]),
    ("《营商环境行动方案》已经市政府同意，现印发给你们。", ["营商环境行动方案"]),
])
def test_a_title_cited_in_the_notice_sentence_is_not_the_one_issued(notice, enclosed):
    from policykg.extractors.header import enclosed_from_notice

    assert enclosed_from_notice(notice) == enclosed
