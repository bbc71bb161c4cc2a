"""One agency per real body: relative parts, fragments, coordinated names, levels below the document's
place and word-bounded spellings, each a table of wordings; then the corpus graph checked for junk."""
import re

import pytest

from policykg.extractors.units import split_units
from policykg.graph.agencies import Context, ResolvedAgency, Unresolved, resolve_mention
from policykg.graph.jurisdiction import Jurisdiction, place_prefix


def place(name: str) -> Jurisdiction:
    match = place_prefix(name)
    assert match and not match.rest, name
    return match.place


MEISHAN, ZHENGZHOU, HENAN = place("四川省眉山市"), place("河南省郑州市"), place("河南省")
SHANGHAI, HUANGPU, KUNMING = place("上海市"), place("上海市黄浦区"), place("云南省昆明市")
JIANGSU, JIANGXI, LUQUAN = place("江苏省"), place("江西省"), place("云南省昆明市禄劝彝族苗族自治县")


def context(where: Jurisdiction, issuer: str | None = None, previous: str | None = None) -> Context:
    def body(name):
        [found] = resolve_mention(name, Context(place=where))
        return found
    return Context(place=where, issuer=body(issuer) if issuer else None, previous=body(previous) if previous else None)


def names(mention: str, where: Jurisdiction, **kwargs) -> list[str]:
    results = resolve_mention(mention, context(where, **kwargs))
    assert all(isinstance(r, ResolvedAgency) for r in results), results
    return [r.name for r in results]


@pytest.mark.parametrize(("mention", "issuer", "name", "group"), [
    ("分局治安支队", "市公安局浦东分局", "上海市公安局浦东分局治安支队", False),
    ("分局", "市公安局浦东分局", "上海市公安局浦东分局", False),
    ("分局各派出所", "市公安局浦东分局", "上海市公安局浦东分局各派出所", True),
    ("本局办公室", "市税务局", "上海市税务局办公室", False),
    ("局机关各处室", "市税务局", "上海市税务局各处室", True),
    ("各分局", "市税务局", "上海市税务局各分局", True),  # a bureau's branches hang under it
])
def test_a_relative_part_replaces_the_part_it_stands_for(mention, issuer, name, group):
    [agency] = resolve_mention(mention, context(SHANGHAI, issuer=issuer))
    assert (agency.name, agency.is_group) == (name, group)
    assert agency.parent_id is None or agency.parent_id == context(SHANGHAI, issuer=issuer).issuer.agency_id


@pytest.mark.parametrize("mention", [
    "支持小微企业", "鼓励商业银行", "充分发挥开发区", "积极引导行业协会", "发挥区营商环境领导小组",
    "区推动创新型企业", "审批工作由作出决定的部门的审批机构", "采购人或者其代理机构", "建设单位或其委托的监理机构",
])
def test_running_text_is_a_fragment_never_an_agency(mention):
    results = resolve_mention(mention, Context(place=HUANGPU))
    assert results and all(isinstance(r, Unresolved) and r.reason for r in results), results


@pytest.mark.parametrize(("mention", "name"), [
    ("推进政府职能转变协调小组办公室", "黄浦区推进政府职能转变协调小组办公室"),  # named for its mission
    ("区优化营商环境工作领导小组", "黄浦区优化营商环境工作领导小组"),
    ("区优化办", "黄浦区优化办公室"),
    ("本实施细则由区司法局", "黄浦区司法局"),  # the body after "本…由" is the unit
    ("本条例由区人大常委会", "黄浦区人大常委会"),
    ("中国（上海）自由贸易试验区管委会", "中国（上海）自由贸易试验区管委会"),  # 自由 is no agent clause
    ("区建设管理委（或者区交通委）", "黄浦区建设管理委"),  # a bracketed alternative is dropped
])
def test_a_body_named_for_its_mission_is_no_fragment(mention, name):
    assert names(mention, HUANGPU) == [name]


@pytest.mark.parametrize(("mention", "name"), [
    ("其他行业主管部门", "眉山市其他行业主管部门"),
    ("其余成员单位", "眉山市其余成员单位"),
    ("其它有关单位", "眉山市其它有关单位"),
])
def test_其他_is_a_pronoun_of_its_own_never_其_plus_他(mention, name):
    [agency] = resolve_mention(mention, context(MEISHAN, previous="市财政局"))
    assert agency.name == name and agency.is_group and agency.parent_id is None


@pytest.mark.parametrize(("mention", "where", "expected"), [
    ("南京市、苏州市、无锡市人民政府", JIANGSU, ["南京市人民政府", "苏州市人民政府", "无锡市人民政府"]),
    ("五华区、盘龙区人民政府", KUNMING, ["五华区人民政府", "盘龙区人民政府"]),
    ("徐州、淮安市交通运输局", JIANGSU, ["徐州市交通运输局", "淮安市交通运输局"]),  # a short head
    ("高新区、经开区管委会", ZHENGZHOU, ["郑州市高新区管委会", "郑州市经开区管委会"]),
    ("郑东新区、航空港经济综合实验区管委会", ZHENGZHOU, ["郑东新区管委会", "航空港经济综合实验区管委会"]),
    ("黄浦区、临港新片区管委会", SHANGHAI, ["黄浦区人民政府", "临港新片区管委会"]),  # a division stands alone
    ("各县（市）、金水区、二七区教育局", ZHENGZHOU, ["郑州市各县（市）教育局", "金水区教育局", "二七区教育局"]),
    ("经开区、财政局", ZHENGZHOU, ["郑州市经开区", "郑州市财政局"]),  # two complete bodies
    ("金水区、市商务局", ZHENGZHOU, ["金水区人民政府", "郑州市商务局"]),
    ("郑州市、开封市等地", HENAN, ["郑州市人民政府", "开封市人民政府"]),
    ("各乡镇党委和人民政府", LUQUAN, ["禄劝彝族苗族自治县各乡镇党委", "禄劝彝族苗族自治县各乡镇人民政府"]),
    ("街道党工委和办事处", HUANGPU, ["黄浦区街道党工委", "黄浦区街道办事处"]),
    ("省人民政府和市人民政府各部门", MEISHAN, ["四川省人民政府", "眉山市人民政府各部门"]),
])
def test_coordinated_heads_are_one_body_each(mention, where, expected):
    assert names(mention, where) == expected


@pytest.mark.parametrize(("mention", "where"), [
    ("各市、县（区）人民政府", HENAN), ("市、县（区）财政部门", ZHENGZHOU), ("各乡、镇人民政府", LUQUAN),
    ("各州、市、县人民政府", place("云南省")), ("省、市、县", MEISHAN), ("市工业和信息化局", MEISHAN),
    ("有关部门和单位", MEISHAN), ("市政务服务和大数据局", MEISHAN), ("市政府各委、办、局", MEISHAN),
])
def test_collectives_and_names_with_和_stay_one(mention, where):
    assert len(names(mention, where)) == 1


def test_autonomous_counties_are_found_by_their_short_name():
    assert names("寻甸县、禄劝县人民政府", KUNMING) == ["寻甸回族彝族自治县人民政府", "禄劝彝族苗族自治县人民政府"]


@pytest.mark.parametrize(("mention", "where", "name"), [
    ("区财政局", SHANGHAI, "上海市各区财政局"),
    ("县（区）人民政府", JIANGXI, "江西省各县（区）人民政府"),
    ("市场监管所", ZHENGZHOU, "郑州市市场监管所"),  # 市场 is a word, not a level
    ("市直单位", JIANGXI, "江西省市直单位"),
    ("区级实验室", SHANGHAI, "上海市区级实验室"),
])
def test_a_level_below_the_documents_place_is_a_collective(mention, where, name):
    [agency] = resolve_mention(mention, Context(place=where))
    assert agency.name == name and (agency.is_group or name.startswith("郑州"))


@pytest.mark.parametrize(("mention", "issuer", "name", "division"), [
    ("法规处", "市住房城乡建设局", "眉山市住房城乡建设局法规处", True),
    ("街道办事处", "市人大常委会", "眉山市街道办事处", False),  # a body of each street, no division
    ("乡镇综合服务中心", "市人民政府办公室", "眉山市乡镇综合服务中心", False),
    ("重点实验室", "市科学技术局", "眉山市重点实验室", False),
])
def test_only_a_departments_own_division_hangs_under_the_issuer(mention, issuer, name, division):
    ctx = context(MEISHAN, issuer=issuer)
    [agency] = resolve_mention(mention, ctx)
    assert agency.name == name and (agency.parent_id == ctx.issuer.agency_id) is division


@pytest.mark.parametrize(("mention", "name"), [
    ("市政府各部门", "眉山市人民政府各部门"),
    ("县级以上政府有关部门", "眉山市县级以上人民政府有关部门"),
    ("市政府采购监管部门", "眉山市政府采购监管部门"),  # 政府采购 is one word
    ("市数字政府建设领导小组办公室", "眉山市数字政府建设领导小组办公室"),
    ("市政府性融资担保机构", "眉山市政府性融资担保机构"),
    ("市地方金融局", "眉山市地方金融监督管理局"),
    ("市政府国资委", "眉山市国有资产监督管理委员会"),
    ("市国资委", "眉山市国有资产监督管理委员会"),
    ("市住房和城乡建设管理委员会", "眉山市住房城乡建设管理委"),
])
def test_a_spelling_is_replaced_only_as_a_word_of_its_own(mention, name):
    assert names(mention, MEISHAN) == [name]


@pytest.mark.parametrize(("text", "expected"), [
    ("市财政局等单位、市税务局等部门", ["市财政局", "市税务局"]),
    ("市发改委牵头、市财政局配合", ["市发改委牵头", "市财政局配合"]),  # role words are the annotation's to read
    ("市商务局分别负责，市统计局共同", ["市商务局", "市统计局"]),
])
def test_a_list_split_drops_list_ends_and_keeps_role_words(text, expected):
    assert split_units(text) == expected


# junk a corpus agency name must never show, written independently of the resolver's own patterns
JUNK = {
    "a part written twice": re.compile(r"(分局|市局|本局|地方)\1"),
    "a verb opening the body": re.compile(r"^[\u4e00-\u9fff]{2,9}?[省市区县州](充分)?(支持|发挥|鼓励|推动|督促|依托|加强|确保)"
                                          r"(?!.*(领导小组|办公室|专班|委员会)$)"),
    "其他 cut after a body": re.compile(r"(局|委|办|府|机构)他"),
    "an agent clause": re.compile(r"(?<=.)(?<!自)由|或者|或其"),
    "a body glued to another's part": re.compile(r"(局|委|常务委员会|办公厅)(街道|区级|乡镇)"),
    "政府 inside a compound": re.compile(r"人民政府(采购|职能|性)|数字人民政府"),
}


def named_places(name: str) -> int:
    """How many parts of a name joined by 、 are divisions of the table (郑州市、开封市人民政府: 1, then 开封市…)."""
    parts = re.sub(r"（[^）]*）", "", name).split("、")
    return sum(1 for part in parts if (match := place_prefix(part)) and not match.rest)


def test_no_corpus_agency_name_is_junk(corpus_graph):
    found = {kind: [a["name"] for a in corpus_graph.nodes["Agency"] if pattern.search(a["name"])]
             for kind, pattern in JUNK.items()}
    found["named places joined"] = [a["name"] for a in corpus_graph.nodes["Agency"] if named_places(a["name"]) > 1]
    assert not any(found.values()), found
