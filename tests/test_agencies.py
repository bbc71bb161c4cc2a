"""Agency and jurisdiction resolution: a table of (mention, document context) → (name, jurisdiction) per
rule, the division table, and the corpus graph checked against both."""
import re
from collections import Counter

import pytest

from policykg.graph.agencies import Context, ResolvedAgency, Unresolved, problem, resolve_mention
from policykg.graph.jurisdiction import Jurisdiction, document_jurisdiction, place_prefix
from policykg.lexicon.places import divisions, lineage


def place(*names: str) -> Jurisdiction:
    """A document place from division names, with its code from the table."""
    match = place_prefix("".join(names))
    assert match and not match.rest, names
    return match.place


MEISHAN, ZHENGZHOU, HENAN = place("四川省", "眉山市"), place("河南省", "郑州市"), place("河南省")
SHANGHAI, HUANGPU, HEFEI = place("上海市"), place("上海市", "黄浦区"), place("安徽省", "合肥市")


def one(mention: str, where: Jurisdiction, issuer: str | None = None, previous: str | None = None):
    context = Context(place=where, issuer=one(issuer, where) if issuer else None,
                      previous=one(previous, where) if previous else None)
    [result] = resolve_mention(mention, context)
    return result


CASES = [
    # relative names resolve inside the document's place
    ("市发展改革委", MEISHAN, "眉山市发展改革委", "四川省/眉山市"),
    ("市发改委", MEISHAN, "眉山市发展改革委", "四川省/眉山市"),
    ("省发展和改革委员会", MEISHAN, "四川省发展改革委", "四川省"),
    ("区市场监管局", HUANGPU, "黄浦区市场监管局", "上海市/黄浦区"),
    ("本市各区人民政府", SHANGHAI, "上海市各区人民政府", "上海市"),
    # 市场/市监 are words, not 市 + a body
    ("市场监管局", ZHENGZHOU, "郑州市市场监管局", "河南省/郑州市"),
    ("市市场监督管理局", ZHENGZHOU, "郑州市市场监管局", "河南省/郑州市"),
    ("市监局", ZHENGZHOU, "郑州市市场监管局", "河南省/郑州市"),
    ("郑州市场监管局", HENAN, "郑州市市场监管局", "河南省/郑州市"),
    ("市民政局", ZHENGZHOU, "郑州市民政局", "河南省/郑州市"),
    # a name starting with a division of the table is placed there, at any depth, in any province
    ("河南省发展和改革委员会", HEFEI, "河南省发展改革委", "河南省"),
    ("金水区教育局", ZHENGZHOU, "金水区教育局", "河南省/郑州市/金水区"),
    ("瑞昌市营商办", place("江西省"), "瑞昌市营商办公室", "江西省/九江市/瑞昌市"),
    ("襄樊市政府", place("湖北省"), "襄阳市人民政府", "湖北省/襄阳市"),
    ("中共扬州市委", place("江苏省"), "扬州市委", "江苏省/扬州市"),
    ("红河州人民政府", place("云南省"), "红河哈尼族彝族自治州人民政府", "云南省/红河哈尼族彝族自治州"),
    # abbreviations and spellings of one body
    ("市人力社保局", MEISHAN, "眉山市人力资源社会保障局", "四川省/眉山市"),
    ("市人社局", MEISHAN, "眉山市人力资源社会保障局", "四川省/眉山市"),
    ("市人力资源和社会保障局", MEISHAN, "眉山市人力资源社会保障局", "四川省/眉山市"),
    ("市文旅局", MEISHAN, "眉山市文化旅游局", "四川省/眉山市"),
    ("市文化和旅游局", MEISHAN, "眉山市文化旅游局", "四川省/眉山市"),
    ("市房管局", SHANGHAI, "上海市房屋管理局", "上海市"),
    ("市规划和自然资源局", SHANGHAI, "上海市规划资源局", "上海市"),
    ("市住建委", SHANGHAI, "上海市住房城乡建设委", "上海市"),
    ("省经信厅", MEISHAN, "四川省经济信息化厅", "四川省"),
    ("市政府办", MEISHAN, "眉山市人民政府办公室", "四川省/眉山市"),
    ("省政府办公厅", MEISHAN, "四川省人民政府办公厅", "四川省"),
    ("市市场监管局（知识产权局）", MEISHAN, "眉山市市场监管局", "四川省/眉山市"),
    ("市发展改革委（大数据局）", MEISHAN, "眉山市发展改革委", "四川省/眉山市"),
    ("办公厅", MEISHAN.at("province"), "四川省人民政府办公厅", "四川省"),
    # bodies named by themselves: never a local prefix, placed where their name says
    ("上海海关", SHANGHAI, "上海海关", "上海市"),
    ("武汉海关", place("湖北省", "武汉市"), "武汉海关", "湖北省/武汉市"),
    ("人行合肥中心支行", HEFEI, "人民银行合肥中心支行", "安徽省/合肥市"),
    ("人民银行合肥中支", HEFEI, "人民银行合肥中心支行", "安徽省/合肥市"),
    ("河南银保监局", ZHENGZHOU, "河南银保监局", "河南省"),
    ("国网赣州供电公司", place("江西省"), "国网赣州供电公司", "江西省/赣州市"),
    ("国家外汇管理局上海市分局", SHANGHAI, "国家外汇管理局上海市分局", "上海市"),
    ("自贸区郑州片区管委会", HENAN, "自贸区郑州片区管委会", "河南省/郑州市"),
    ("眉山天府新区", MEISHAN, "眉山天府新区", "四川省/眉山市"),
    ("市税务局", ZHENGZHOU, "郑州市税务局", "河南省/郑州市"),
    ("税务局", ZHENGZHOU, "郑州市税务局", "河南省/郑州市"),
    ("郑州商品交易所", HENAN, "郑州商品交易所", "河南省/郑州市"),
    ("国家税务总局郑州市税务局", ZHENGZHOU, "郑州市税务局", "河南省/郑州市"),
    ("中铁上海局集团", SHANGHAI, "中铁上海局集团", "上海市"),
    # central bodies are national
    ("财政部", ZHENGZHOU, "财政部", ""),
    ("国家发展改革委", ZHENGZHOU, "国家发展改革委", ""),
    ("国务院办公厅", SHANGHAI, "国务院办公厅", ""),
    ("最高人民法院", SHANGHAI, "最高人民法院", ""),
    ("国家税务总局", ZHENGZHOU, "国家税务总局", ""),
    # role words and tags stripped before resolution
    ("市发改委牵头", MEISHAN, "眉山市发展改革委", "四川省/眉山市"),
    ("市财政局配合", MEISHAN, "眉山市财政局", "四川省/眉山市"),
    ("市财政局按职责分工负责", MEISHAN, "眉山市财政局", "四川省/眉山市"),
    ("市财政局（牵头）", MEISHAN, "眉山市财政局", "四川省/眉山市"),
    ("配合市大数据中心", MEISHAN, "眉山市大数据中心", "四川省/眉山市"),
    ("【营商环境】市财政局", MEISHAN, "眉山市财政局", "四川省/眉山市"),
    ("牵头单位：市商务局", MEISHAN, "眉山市商务局", "四川省/眉山市"),
    ("2023年5月30日省住房城乡建设厅", MEISHAN, "四川省住房城乡建设厅", "四川省"),
    # collectives stay groups of their parent jurisdiction
    ("各县（市、区）人民政府", MEISHAN, "眉山市各县（市、区）人民政府", "四川省/眉山市"),
    ("市直有关部门", ZHENGZHOU, "郑州市直有关部门", "河南省/郑州市"),
]


@pytest.mark.parametrize(("mention", "where", "name", "jurisdiction"), CASES)
def test_resolution_table(mention, where, name, jurisdiction):
    agency = one(mention, where)
    assert isinstance(agency, ResolvedAgency), agency
    assert (agency.name, agency.jurisdiction.id) == (name, jurisdiction)


@pytest.mark.parametrize("mention", ["各县（市、区）人民政府", "市直有关部门", "各开发区管委会", "省有关部门"])
def test_collectives_are_groups(mention):
    assert one(mention, MEISHAN).is_group


@pytest.mark.parametrize(("mention", "previous", "name"), [
    ("其有关部门", "市政府", "眉山市人民政府有关部门"),
    ("其所属部门", "市发展改革委", "眉山市发展改革委所属部门"),
    ("其有关部门", "省教育厅", "四川省教育厅有关部门"),
])
def test_refers_back_to_the_body_before(mention, previous, name):
    agency = one(mention, MEISHAN, previous=previous)
    assert agency.name == name and agency.is_group


def test_a_list_is_split_before_resolution_and_其_refers_back_inside_it():
    results = resolve_mention("市政府及其有关部门、武汉海关", Context(place=place("湖北省", "武汉市")))
    assert [r.name for r in results] == ["武汉市人民政府", "武汉市人民政府有关部门", "武汉海关"]


@pytest.mark.parametrize(("mention", "issuer", "where", "name"), [
    ("市局", "省税务局", place("浙江省", "温州市"), "温州市税务局"),
    ("省局", "市市场监管局", place("浙江省", "温州市"), "浙江省市场监管局"),
    ("各分局", "市市场监管局", SHANGHAI, "上海市市场监管局各分局"),
    ("局机关各处室", "市市场监管局", SHANGHAI, "上海市市场监管局各处室"),
    ("温州市局", "省税务局", place("浙江省"), "温州市税务局"),
    ("各市局", "省市场监管局", place("浙江省"), "浙江省各市市场监管局"),
])
def test_bureau_relative_names_resolve_against_the_issuer(mention, issuer, where, name):
    assert one(mention, where, issuer=issuer).name == name


@pytest.mark.parametrize("mention", ["目标位置：全省前5", "以下均需各县（市、区）人民政府", "金华市各", "巴中市市",
                                     "赣州市属", "各", "采购人自行", "上海海关等具有行政强制权和财产登记"])
def test_fragments_are_recorded_never_agencies(mention):
    results = resolve_mention(mention, Context(place=MEISHAN))
    assert results and all(isinstance(r, Unresolved) and r.text and r.reason for r in results)


def test_refer_back_without_a_body_is_unresolved():
    assert isinstance(one("其有关部门", MEISHAN), Unresolved)


@pytest.mark.parametrize(("issuers", "volume", "title", "path"), [
    (["泰安市人民政府办公室"], "江苏", None, ("山东省", "泰安市")),  # the issuer wins over the section header
    ([], "江苏", "淮南市人民政府关于印发优化营商环境若干措施的通知", ("安徽省", "淮南市")),
    ([], "江苏", "关于印发《云港市优化营商环境行动方案》的通知", ("江苏省", "连云港市")),  # a cut-off name
    (["眉山市人民政府办公室"], "四川", None, ("四川省", "眉山市")),
    (["上海市黄浦区人民政府办公室"], "上海", None, ("上海市", "黄浦区")),
    (["安宁市人民政府"], "云南", None, ("云南省", "昆明市", "安宁市")),  # a county-level city with its prefecture
    ([], "云南", "关于进一步优化营商环境的通知", ("云南省",)),
])
def test_document_place_from_issuer_then_title_then_volume(issuers, volume, title, path):
    assert document_jurisdiction(issuers, volume, title).path == path


@pytest.mark.parametrize("text", ["按照市", "发挥市", "配合市", "片区", "开发区", "各县市", "设区的市"])
def test_a_place_not_in_the_table_is_not_a_place(text):
    assert place_prefix(text, HENAN) is None


# prefecture-level divisions and (for municipalities) county-level ones, as published by the Ministry
# of Civil Affairs; 省直辖 county-level divisions (济源, 仙桃…) are not counted
PREFECTURES = {"四川省": 21, "河南省": 17, "江苏省": 13, "浙江省": 11, "安徽省": 16, "福建省": 9, "江西省": 11,
               "山东省": 16, "湖北省": 13, "湖南省": 14, "云南省": 16, "贵州省": 9}
MUNICIPALITY_COUNTIES = {"上海市": 16, "重庆市": 38}


def test_division_table_is_complete_for_the_corpus_provinces(corpus_documents):
    table = divisions().values()
    provinces = {d.name: d for d in table if d.level == "province"}
    corpus = {document_jurisdiction([], doc.province).province for doc in corpus_documents if doc.province}
    assert corpus <= set(PREFECTURES) | set(MUNICIPALITY_COUNTIES)
    for name in corpus:
        children = Counter(d.level for d in table if d.parent == provinces[name].code)
        if name in MUNICIPALITY_COUNTIES:
            assert children["county"] == MUNICIPALITY_COUNTIES[name], name
        else:
            assert children["city"] == PREFECTURES[name], name
            cities = [d for d in table if d.parent == provinces[name].code and d.level == "city"]
            assert all(any(c.parent == city.code for c in table) for city in cities), name


def test_every_jurisdiction_node_is_a_division_of_the_table(corpus_graph):
    table = divisions()
    for node in corpus_graph.nodes["Jurisdiction"]:
        division = table[node["code"]]
        assert node["name"] == division.name and node["level"] == division.level
        assert node["jurisdiction_id"] == "/".join(d.name for d in lineage(division))


def test_no_agency_name_fails_the_unit_grammar(corpus_graph):
    failing = [a["name"] for a in corpus_graph.nodes["Agency"] if problem(a["name"])]
    assert not failing


def test_every_agency_keeps_the_mentions_it_was_resolved_from(corpus_graph):
    mention = re.compile(r"^.+ \| .+ \| .+:\d+$")
    for agency in corpus_graph.nodes["Agency"]:
        assert agency["mentions"] and all(mention.match(m) for m in agency["mentions"]), agency["name"]
        assert {m.split(" | ")[0] for m in agency["mentions"]} == set(agency["aliases"])
    # 河南 documents write the commission two ways: both spellings are on the one node, with their lines
    [commission] = [a for a in corpus_graph.nodes["Agency"] if a["name"] == "河南省发展改革委"]
    assert {"河南省发展和改革委员会", "省发展改革委"} <= set(commission["aliases"])


def test_central_offices_keep_their_own_name_on_the_corpus(corpus_graph):
    names = {a["name"] for a in corpus_graph.nodes["Agency"]}
    assert "上海海关" in names and "上海市海关" not in names
    assert not [n for n in names if re.match(r"^[\u4e00-\u9fff]{2,4}市人行", n)]


def agency_row(name: str, jurisdiction: str = "上海市") -> dict:
    return {"agency_id": name, "name": name, "jurisdiction": jurisdiction, "aliases": [name], "is_group": False}


@pytest.mark.parametrize(("first", "second", "suggested"), [
    ("上海市药品监督管理局", "上海市药监局", True),
    ("上海市道路运输局", "上海市道运局", True),
    ("郑州市大数据局", "郑州市大数据服务局", True),
    ("上海市高级人民法院", "上海市高院", True),
    ("上海市商务局", "上海市税务局", False),  # one character apart, two bodies
    ("上海市民政局", "上海市财政局", False),
    ("上海市应急管理局", "上海市应急管理局法规处", False),  # a division inside its department
    ("上海市人民政府", "上海市人民政府办公厅", False),
])
def test_naming_check_suggests_abbreviations_only(first, second, suggested):
    from policykg.analysis.report.checks import naming
    from policykg.analysis.report.data import ReportData

    data = ReportData(tasks=[], leads=[], co=[], citations=[], documents=[],
                      agencies=[agency_row(first), agency_row(second), agency_row(second[:3] + "体育局", "浙江省")])
    similar = [set(i.details["names"]) for i in naming(data).items if i.key.startswith("similar:")]
    assert similar == ([{first, second}] if suggested else [])
