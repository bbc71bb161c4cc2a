"""Each responsibility-annotation style, on a snippet as it stands in the corpus."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.extractors.annotations import Conventions, conventions, find_annotations
from policykg.extractors.clean import clean_line


def joined(snippet: str) -> str:
    """Corpus lines as the outline stage joins them (PDF line breaks removed)."""
    return "".join(clean_line(line) for line in snippet.splitlines() if not line.startswith("# Page"))


def roles(text: str, comma_convention: bool = False):
    found = find_annotations(joined(text), Conventions(comma_lead=comma_convention))
    return ([[u.mention for u in a.units if u.role.value == "lead"] for a in found],
            [[u.mention for u in a.units if u.role.value == "co"] for a in found],
            [a.time_limit for a in found])


CASES = [
    # 眉山 (000): 〔责任单位：…〕 with a note declaring the comma convention, broken over lines
    ("""审批部门统筹协调开展各类评估评审和审查工作。〔责任单位：市委政法委、市发展改革委、市规划自然资源局、市生态
环境局、市政务服
务管理局、市国动办（逗号前为牵头单位，未明确牵头单位的按职责分工负责，下同）〕""", True,
     [[]], [["市委政法委", "市发展改革委", "市规划自然资源局", "市生态环境局", "市政务服务管理局", "市国动办"]], [None]),
    # 眉山 (000): （责任单位：A，B、C） under that convention, across a page marker
    ("""审批部门可直接作出审批决定。

# Page 1333:
（责任单位：市规划自然资源局，市生态环境局、市住房城乡建设局、市水利局、市文广旅
局、市国动办、眉山高新区管委会、甘眉工业园区管委会）""", True,
     [["市规划自然资源局"]],
     [["市生态环境局", "市住房城乡建设局", "市水利局", "市文广旅局", "市国动办", "眉山高新区管委会", "甘眉工业园区管委会"]],
     [None]),
    # 郑州 (003): field lines 牵头单位：…。责任单位：…。完成时限：…。 broken by a blank line
    ("""让更多惠企利民政策应上尽上、应享尽享。

牵头单位：市政务办、市大数据局。责任单位：各审批职能部门、公共服务单位，各开

发区管委会、区县（市）政府。完成时限：2023 年 12 月。""", False,
     [["市政务办", "市大数据局"]], [["各审批职能部门", "公共服务单位", "各开发区管委会", "区县（市）政府"]],
     ["2023年12月"]),
    # 贵州 (000): (牵头单位：A，责任单位：B) with 〔〕 inside a collective
    ("""将知识产权质押登记完成时限缩短至5 个工作日内。(牵头单位：省
市场监管局，责任单位：省发展改革委、省地方金融监管局、贵州银保监局、人民银行贵阳
中心支行，各市〔州〕、县〔市、区、特区〕人民政府)""", False,
     [["省市场监管局"]], [["省发展改革委", "省地方金融监管局", "贵州银保监局", "人民银行贵阳中心支行",
                           "各市〔州〕、县〔市、区、特区〕人民政府"]], [None]),
    # 安徽住建厅 (004): 〔责任部门：…，时限要求：持续推进〕
    ("""依法公开本机构的职能等信息，制定更新公开目录。〔责任部门：人事教育处，时限要求：
持续推进〕""", False, [[]], [["人事教育处"]], ["持续推进"]),
    # 上海 (004): a trailing list of units after the last sentence
    ("""企业技术中心突破1000
家。（市科委、市经济信息化委）""", False, [[]], [["市科委", "市经济信息化委"]], [None]),
    # 济宁 style (003): （A、B牵头，C配合）
    ("""全面加强经验交流和推广，着力提升营商环境建设水平。（市优化办、市行政审批服务局牵头，市直相关单位配合）""",
     False, [["市优化办", "市行政审批服务局"]], [["市直相关单位"]], [None]),
    # 山东 (004): （A、B会同C负责）
    ("""持续推进省公共信用信息平台在行业监管部门查询使用。
（省政府
办公厅、省发展改革委会同省有关部门单位负责）""", False,
     [["省政府办公厅", "省发展改革委"]], [["省有关部门单位"]], [None]),
    # 合肥 (004 line 17796): 〔A牵头，B、C及D、E按职责分工负责，2023年9月底前完成〕
    ("""数据集成等服务。〔市市场监管局牵头，市数据资源局、市公安局、人行合肥中心支行及各县(市)区、开发区按职责分工负责，2023年9月底前完成〕""",
     False, [["市市场监管局"]], [["市数据资源局", "市公安局", "人行合肥中心支行", "各县(市)区", "开发区"]],
     ["2023年9月底前完成"]),
    # 宜春 (003): 〔牵头单位：…；配合单位：…；完成时限：…〕
    ("""压减纳税人申报和缴税次数。〔牵头单位：市税务局；配合单位：各县（市、区）人民政府；完成时限：2023年12月底前〕""",
     False, [["市税务局"]], [["各县（市、区）人民政府"]], ["2023年12月底前"]),
]


@pytest.mark.parametrize("text,convention,leads,co,time_limit", CASES)
def test_annotation_styles(text, convention, leads, co, time_limit):
    assert roles(text, convention) == (leads, co, time_limit)


def test_two_annotations_in_one_item_are_two_annotations():
    text = ("给予最高200万元资金支持。（责任单位：省商务厅，配合单位：省发展改革委、国家外汇管理局安徽省分局）"
            "支持企业承揽境外工程，给予最高100万元资金支持。（责任单位：省商务厅）")
    leads, co, _ = roles(text)
    assert co == [["省商务厅", "省发展改革委", "国家外汇管理局安徽省分局"], ["省商务厅"]]


def test_explanatory_brackets_are_not_annotations():
    text = "编制《××市/县跨部门综合监管重点事项实施清单》（以下简称《实施清单》，详见附件2），并依据《实施清单》开展监管。"
    assert find_annotations(joined(text)) == []
    assert find_annotations("在全市所有普通公路收费站给予通行费五折优惠（目前符合条件的为太仓港、连云港港）。") == []


def test_comma_convention_is_detected_from_the_document_text():
    assert conventions("市国动办（逗号前为牵头单位，未明确牵头单位的按职责分工负责，下同）").comma_lead
    assert not conventions("（责任单位：市规划自然资源局，市生态环境局）").comma_lead


@given(st.text(alphabet=st.sampled_from(list("（）()〔〕：:，、；。牵头责任单位配合完成时限市局委省各县区2023年12月")), max_size=200))
def test_annotation_parser_never_crashes(text):
    for annotation in find_annotations(text, Conventions(comma_lead=True)):
        assert 0 <= annotation.start < annotation.end <= len(text)


@given(st.text(max_size=300))
def test_annotation_parser_never_crashes_on_any_text(text):
    find_annotations(text)


@pytest.mark.parametrize("text,leads,co,time_limit", [
    # a field of another kind (目标, 备注, 考核…) ends the unit list before it and names no unit
    ("（三）融资服务（牵头部门：市金融局、市财政局；目标位置：全省前3）", [["市金融局", "市财政局"]], [[]], [None]),
    ("（牵头单位：市商务局；工作目标：年度考核优秀；责任单位：各区人民政府）", [["市商务局"]], [["各区人民政府"]], [None]),
    ("〔责任单位：市文旅局，备注：涉及多部门事项另行明确〕", [[]], [["市文旅局"]], [None]),
    ("（牵头部门：区住建局，考核指标：全市前5名，完成时限：2024年6月底前）", [["区住建局"]], [[]], ["2024年6月底前"]),
])
def test_other_fields_end_the_unit_list(text, leads, co, time_limit):
    assert roles(text) == (leads, co, time_limit)


@pytest.mark.parametrize("text,leads,co", [
    # 主责单位/主责部门: 主要责任单位 shortened, the lead beside its 配合/协同 units
    ("（主责单位：市发展改革委；配合单位：市财政局、市统计局）", [["市发展改革委"]], [["市财政局", "市统计局"]]),
    ("〔主责部门：区市场监管局，协同单位：区商务局〕", [["区市场监管局"]], [["区商务局"]]),
    ("（主要责任单位：省教育厅；责任单位：各市人民政府）", [["省教育厅"]], [["各市人民政府"]]),
])
def test_main_responsibility_keys_name_the_lead(text, leads, co):
    assert roles(text)[:2] == (leads, co)


@pytest.mark.parametrize("text,leads,co", [
    # role words after a unit in a field list (落实, 按照职能负责, 按职责分工配合) are not part of its name
    ("（责任单位：市数据局牵头；各区人民政府，市级各有关部门落实）", [["市数据局"]], [["各区人民政府", "市级各有关部门"]]),
    ("〔牵头单位：市交通局、市公安局等部门按照职能负责；责任单位：各县人民政府〕", [["市交通局", "市公安局"]],
     [["各县人民政府"]]),
    ("（责任单位：市卫健委、市医保局按照职责分工配合）", [[]], [["市卫健委", "市医保局"]]),
    # a lead word closing a clause makes every unit of the clause lead; one inside the list only its own
    ("（责任单位：市财政局、市税务局牵头，市直有关部门按职责分工负责）", [["市财政局", "市税务局"]], [["市直有关部门"]]),
    ("（责任单位：区商务局、区文旅局牵头；各街道配合）", [["区商务局", "区文旅局"]], [["各街道"]]),
    ("（责任单位：市财政局牵头、市税务局，各区人民政府）", [["市财政局"]], [["市税务局", "各区人民政府"]]),
    # a quoted name keeps the 、 inside its quotes
    ("（牵头单位：市市场监管局，责任单位：“双随机、一公开”联席会议成员单位，各区人民政府）", [["市市场监管局"]],
     [["“双随机、一公开”联席会议成员单位", "各区人民政府"]]),
])
def test_role_words_and_quotes_in_unit_lists(text, leads, co):
    assert roles(text)[:2] == (leads, co)


@pytest.mark.parametrize("sentence,found", [
    # a sentence opening with a verb of action and "部门…协同/配合" names no unit
    ("加强部门协同，持续推进数据共享。", False),
    ("强化部门配合，长期开展联合执法。", False),
    ("推动部门协同，年内完成系统对接。", False),
    # a named body with its role word still is an annotation
    ("市场监管部门牵头，年内完成系统对接。", True),
])
def test_a_measure_opening_with_a_verb_is_not_an_annotation(sentence, found):
    assert bool(find_annotations(sentence)) is found


@pytest.mark.parametrize("lines,co", [
    # a field line broken after "…等相关部门" + "按职责分工，…" goes on (the role words do not end the list) up to a sentence
    ("责任单位：市民政局、市卫健委等相关部门\n按职责分工，各区人民政府\n加快推进养老服务体系建设，提升服务水平。",
     ["市民政局", "市卫健委", "相关部门", "各区人民政府"]),
    ("责任单位：区人社局、区医保局\n按照职能分工负责，各街道办事处\n切实抓好各项任务落实。",
     ["区人社局", "区医保局", "各街道办事处"]),
])
def test_a_field_goes_on_past_role_words_at_a_line_start(lines, co):
    assert field_units(lines) == co


@pytest.mark.parametrize("lines,co", [
    # a line opening with a label of its own ends the field above it, though it reads "各…"
    ("责任科室：办公室牵头，各科室、各直属单位配合\n附件：各科室承担的监测指标提升措施与进度表（略）",
     ["办公室", "各科室", "各直属单位"]),
    ("责任单位：市商务局、各县区政府\n联系人：各县区商务部门负责同志", ["市商务局", "各县区政府"]),
    ("配合单位：市财政局\n备注：各单位于每月5日前报送进展", ["市财政局"]),
    # a key broken over the lines is no label of its own
    ("责任单位：各开发区管委会、区县（市）政府。完\n成时限：2023年12月。", ["各开发区管委会", "区县（市）政府"]),
])
def test_a_labelled_line_ends_the_field_above(lines, co):
    assert field_units(lines) == co


def field_units(lines: str) -> list[str]:
    """The units of the fields in lines (a text with its line starts as breaks)."""
    parts = lines.split("\n")
    text = "".join(parts)
    breaks = tuple(len("".join(parts[:i])) for i in range(1, len(parts)))
    found = find_annotations(text, Conventions(), breaks)
    return [u.mention for a in found for u in a.units]


@pytest.mark.parametrize("text,units", [
    # a title's status note in brackets is no unit list, though 行 ends a bank's name
    ("落实某市公共数据管理办法（试行）。", []),
    ("执行企业信用修复工作规程（暂行）。", []),
    ("推进数字人民币试点。（人民银行某市中心支行）", ["人民银行某市中心支行"]),
])
def test_a_status_note_is_not_a_unit(text, units):
    assert [u.mention for a in find_annotations(text) for u in a.units] == units


@pytest.mark.parametrize("text,leads,co", [
    # 任务分解/任务分工: clause by clause, the units a clause opens with, before what they do
    ("〔任务分解：市发改委、市经信局等有关单位做好专栏信息发布；各县（市）区政府在门户网站开设专栏〕", [[]],
     [["市发改委", "市经信局", "有关单位", "各县（市）区政府"]]),
    ("（任务分工：区人社局、区财政局负责落实补贴政策；区税务局牵头，区市场监管局配合做好登记）", [["区税务局"]],
     [["区人社局", "区财政局", "区市场监管局"]]),
    ("〔责任分工：市政府办公室对接省政府办公厅做好信息报送，市直各单位及时报送本单位信息〕", [[]],
     [["市政府办公室", "市直各单位"]]),
    ("〔任务分解：市各单位做好本系统工作指导、督促、考评工作〕", [[]], [["市各单位"]]),
    # a clause opening with what is done, or with a unit doing it by a rule, names no further unit
    ("〔任务分解：市直各单位根据省厅工作部署，梳理内部各处室职责，并汇总报市公开办；各区政府做好发布〕", [[]],
     [["市直各单位", "各区政府"]]),
])
def test_a_task_breakdown_names_the_units_each_clause_opens_with(text, leads, co):
    assert roles(text)[:2] == (leads, co)
