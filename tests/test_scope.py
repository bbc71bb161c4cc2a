"""How far an annotation reaches, and conventions stated in any wording (GOLD.md "Scope"):
each mechanism on a table of wordings written for it, run through the whole extraction."""
import pytest

from policykg.extractors.actors import find_actors
from policykg.extractors.annotations import Conventions, conventions, find_annotations
from policykg.extractors.clean import clean
from policykg.extractors.document import parse_document
from policykg.extractors.readers.text import source_from_text
from policykg.extractors.segment import segment

HEAD = "某市人民政府办公室关于印发《某市2023年重点任务清单》的通知\n某府办发〔2023〕9号\n各区人民政府，市政府各部门：\n现印发给你们，请认真贯彻执行。\n"


def tasks_of(body: str):
    document = parse_document(segment(clean(source_from_text(HEAD + body, "plan.txt")))[0])
    return [(t.text[:8], sorted(t.lead_units), sorted(t.co_units)) for t in document.tasks]


@pytest.mark.parametrize("heading", [
    "（一）市场准入。（市市场监管局牵头）",
    "（一）市场准入（牵头单位：市市场监管局）",
    "（一）市场准入。〔市市场监管局牵头〕",
    "（一）市场准入（牵头部门：市市场监管局；目标位置：全省前5）",  # a field of another kind after the units
])
def test_a_section_annotation_covers_its_items(heading):
    body = f"一、主要任务\n{heading}\n1.全面清理准入壁垒。健全案例归集制度。\n2.升级开办企业系统功能。\n" \
           "3.深化注销改革。（市税务局牵头）\n（二）办理建筑许可。（市住房城乡建设委牵头）\n1.推行分段办理。\n"
    assert tasks_of(body) == [
        ("全面清理准入壁垒", ["市市场监管局"], []), ("升级开办企业系统", ["市市场监管局"], []),
        ("深化注销改革", ["市税务局"], []), ("推行分段办理", ["市住房城乡建设委"], [])]


@pytest.mark.parametrize("clause,units", [
    ("各县市区人民政府、经开区管委会均为责任单位，以下不再列出", ["各县市区人民政府", "经开区管委会"]),
    ("各区县政府为各项任务的共同责任单位，不再一一列出", ["各区县政府"]),
    ("各县（市、区）人民政府均为责任单位，下同", ["各县（市、区）人民政府"]),
    ("以下工作均需各县（市、区）政府和市直园区管委会负责，不再列出", ["各县（市、区）政府", "市直园区管委会"]),
    ("以下均需各区人民政府、高新区管委会负责，不再列出", ["各区人民政府", "高新区管委会"]),
    ("以下工作均涉及各区政府，不再一一列出", ["各区政府"]),
])
def test_a_standing_clause_adds_its_units_to_every_later_task(clause, units):
    body = f"1.优化服务流程。（市政务局牵头，市直相关单位按职责分工负责。{clause}）\n" \
           "2.推进数据共享。（市大数据局牵头）\n"
    found = tasks_of(body)
    assert found[0] == ("优化服务流程", ["市政务局"], sorted(["市直相关单位", *units]))
    assert found[1] == ("推进数据共享", ["市大数据局"], sorted(units))


@pytest.mark.parametrize("statement", [
    "排名第一位的为牵头责任单位，下同", "列第一位的责任单位为牵头单位", "排在首位的为牵头单位", "第一个单位为牵头单位",
])
def test_a_first_unit_convention_in_any_wording(statement):
    assert conventions(statement).first_lead and not conventions(statement).comma_lead
    text = f"推行承诺制。（责任单位：审批处、科技处、建筑业处，{statement}）"
    (annotation,) = find_annotations(text, conventions(text))
    assert [(u.mention, u.role.value) for u in annotation.units] == [
        ("审批处", "lead"), ("科技处", "co"), ("建筑业处", "co")]


@pytest.mark.parametrize("text,leads,co", [
    ("完成改造。市发展改革委牵头；各区政府按职责负责；2024年6月底前完成。", ["市发展改革委"], ["各区政府"]),
    ("完成改造。（市科技局和市财政局牵头，各区政府配合）", ["市科技局", "市财政局"], ["各区政府"]),
    ("完成改造。（市公安局、市教育局等单位按职责分别牵头负责）", ["市公安局", "市教育局"], []),
    ("完成改造。（责任单位：省发展改革委牵头、省有关部门）", ["省发展改革委"], ["省有关部门"]),
    ("完成改造。（市住建局会同市财政局负责）", ["市住建局"], ["市财政局"]),
    ("完成改造。(省知识产权局、稽查处分工负责)", [], ["省知识产权局", "稽查处"]),
    ("完成改造。〔市委营商办牵头，市法院、市财政局等市直有关部门（单位）、各县（市、区）政府按职责分工负责〕",
     ["市委营商办"], ["市法院", "市财政局", "市直有关部门（单位）", "各县（市、区）政府"]),
])
def test_role_words_decide_leads_in_any_form(text, leads, co):
    (annotation,) = find_annotations(text, Conventions())
    assert sorted(u.mention for u in annotation.units if u.role.value == "lead") == sorted(leads)
    assert sorted(u.mention for u in annotation.units if u.role.value == "co") == sorted(co)


def test_an_annotation_line_after_an_item_belongs_to_it():
    body = "1.推进老旧小区改造，完善配套设施。\n市住房城乡建设局牵头；各区政府按职责分工负责；2024年6月底前完成。\n" \
           "2.推动电梯加装。\n牵头单位：市住房城乡建设局\n责任单位：市财政局、各区\n政府\n各级各部门要认真贯彻落实，确保取得实效。\n"
    found = tasks_of(body)
    assert found[0] == ("推进老旧小区改造", ["市住房城乡建设局"], ["各区政府"])
    assert found[1] == ("推动电梯加装", ["市住房城乡建设局"], ["各区政府", "市财政局"])
    assert all(not text.startswith(("市住房", "牵头单位", "各级各部门")) for text, _, _ in found)


def test_a_lead_named_in_the_running_text():
    found = tasks_of("1.建设人才公寓，由市人才办牵头统筹房源。（责任单位：市住建局、市财政局）\n")
    assert found == [("建设人才公寓，由", ["市人才办"], ["市住建局", "市财政局"])]


def test_task_ids_do_not_move_when_a_task_is_added_before():
    body = "1.优化服务流程。（市政务局牵头）\n2.推进数据共享。（市大数据局牵头）\n"
    before = parse_document(segment(clean(source_from_text(HEAD + body, "p.txt")))[0])
    after = parse_document(segment(clean(source_from_text(HEAD + "1.新增一项任务。（市财政局）\n" + body, "p.txt")))[0])
    assert {t.text: t.task_id for t in before.tasks}.items() <= {t.text: t.task_id for t in after.tasks}.items()


def test_a_standing_clause_refers_back_to_the_unit_as_listed():
    body = "1.优化服务流程。（责任单位：市政务局，各区、县人民政府，以下政策均需区、县人民政府落实，不再单独列出）\n" \
           "2.推进数据共享。（责任单位：市大数据局）\n"
    assert tasks_of(body)[1] == ("推进数据共享", [], ["各区、县人民政府", "市大数据局"])


def test_a_comma_convention_with_a_collective_and_a_sentence_end_inside_the_list():
    text = "加快清理。〔州发展改革委，州财政局、州税务局等州级有关部门（单位）、各县（市）人民政府。逗号前为牵头部门，下同〕"
    (annotation,) = find_annotations(text, conventions(text))
    assert [(u.mention, u.role.value) for u in annotation.units] == [
        ("州发展改革委", "lead"), ("州财政局", "co"), ("州税务局", "co"), ("州级有关部门（单位）", "co"),
        ("各县（市）人民政府", "co")]


@pytest.mark.parametrize("sentence,actors", [
    # 应急 is part of a name, not the verb 应
    ("市应急管理局于6月底前完成风险评估。", ["市应急管理局"]),
    ("区应急指挥中心要定期组织演练。", ["区应急指挥中心"]),
    ("各区应于年底前完成排查。", ["各区"]),
    # 牵头单位 / 负责人 are nouns: "各牵头单位" is the actor, not "各"
    ("请各牵头单位于3月10日前报送进展。", ["各牵头单位"]),
    ("各责任单位负责人要于每月5日前报送。", ["各责任单位负责人"]),
    ("请各责任部门自2024年1月起每月10日前报送进展。", ["各责任部门"]),  # a time phrase ends the actor
])
def test_the_actor_a_sentence_starts_with(sentence, actors):
    assert [u.mention for u in find_actors(sentence)] == actors


def test_a_plan_title_and_a_signature_date_are_no_tasks():
    # the enclosed plan's title names a place and a year with an aim, yet it assigns nothing
    body = "某市人民政府办公室\n2023年3月1日\n某市2024年实现“一网通办”全覆盖工作方案\n为提升服务效能，制定本方案。\n" \
           "1.推行集成服务。（市政务办）\n2.深化“一件事一次办”改革，推动高频事项集成办理，提升办事便利度。（市大数据局）\n"
    assert tasks_of(body) == [("推行集成服务", [], ["市政务办"]), ("深化“一件事一次", [], ["市大数据局"])]
