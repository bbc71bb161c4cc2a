"""Organ words: how the name of a body (机关) or a collective ends, and how places and levels read."""
from __future__ import annotations

import re

from policykg.lexicon.regex import alternation

# the last word of a government body's name, as the running-text ruler looks for it
BODY_WORDS = ("人民政府办公厅", "人民政府办公室", "人民政府", "管委会", "管理委员会", "委员会", "办公室", "领导小组", "中心",
              "总部", "局", "委", "厅", "办", "院", "集团", "公司", "支行", "分行")
# the last word of any unit's name (bodies, offices, enterprises, collectives)
ORGAN_WORDS = BODY_WORDS + (
    "办公厅", "工作专班", "专班", "小组", "总局", "分局", "政府", "会", "联", "队", "支队", "大队", "总队", "行", "所",
    "站", "海关", "署", "部", "处", "室", "科", "社", "馆", "街道", "镇", "乡", "协会", "银行", "园区", "片区", "部门",
    "单位", "机构", "企业")
# zones are bodies (their 管委会), never places; enterprises carry their own name
ZONE_WORDS = ("开发区", "高新区", "新区", "自贸区", "自贸试验区", "片区", "试验区", "实验区", "示范区", "园区", "保税区",
              "经济区", "合作区", "港区", "功能区", "经开区")
# areas run by their own 管委会 (管理区, 风景区): zones when coordinated with one ("A区、B风景区管委会")
AREA_WORDS = ZONE_WORDS + ("管理区", "风景名胜区", "风景区", "旅游区", "林区", "工业区", "综试区", "投资区")
ENTERPRISE_WORDS = ("公司", "集团", "银行", "移动", "联通", "电信", "铁塔", "燃气", "水务", "保险", "证券")
ORGAN_END = re.compile("(" + alternation(ORGAN_WORDS) + ")$")
# characters a complete body's name ends with (for splitting glued lists: "…局及各区…")
ORGAN_LAST_CHARS = "局委办厅府院会部心室处队行司门位关署"
# levels of government, as they stand before a body: 省…, 市…, 区…, 各…
LEVEL_WORDS = "省|市|州|县|区|旗|盟|特区|乡|镇|街道|地"
# a part naming only places or levels, with an optional bracketed qualifier: 各市（州）, 县（市、区）, 晋宁区
PLACE_ONLY = re.compile(rf"^(各|全)?[\u4e00-\u9fff]{{0,8}}?({LEVEL_WORDS})([（(〔][^）)〕]*[）)〕])?$")
# a fragment too short to be a unit on its own: 办, 局 in "市政府各委、办、局"
HEAD_ONLY = re.compile(r"^([委办局厅室处科部]|单位)$")

# the last word of any unit's name as the graph checks it: the organ words (less 行, which ends 自行 as
# well as 银行) and the offices of mass organisations, parties and service points
UNIT_WORDS = tuple(w for w in ORGAN_WORDS if w != "行") + (
    "委", "组", "机关", "台", "校", "学", "基地", "组织", "团体", "团", "协", "党组", "平台", "窗口", "大厅", "指挥部")
# how a unit's name ends: a unit word, a zone or an enterprise
UNIT_END = re.compile(f"({alternation(UNIT_WORDS)}|{alternation(ZONE_WORDS)}|{alternation(ENTERPRISE_WORDS)})$")
# a part naming levels only, not any one place: 各设区市, 县（市、区）, 直管市, 街镇
LEVELS_ONLY = re.compile(rf"^(各|全)?(设区的?|直管|所辖|所属)?(({LEVEL_WORDS}|街镇|级)+)([（(〔][^）)〕]*[）)〕])?$")
# generic collective nouns: a name ending in one names every body of a kind (有关部门, 各成员单位)
COLLECTIVE_WORDS = ("部门", "单位", "机构")
# a body named for its mission (优化营商环境工作领导小组) may start with a verb; any other name starting
# with one is running text (支持中小微企业, 发挥自贸试验区)
MISSION_BODY_WORDS = ("领导小组", "工作小组", "小组", "委员会", "联席会议", "专班", "指挥部", "工作组")
MISSION_TAIL_WORDS = ("办公室", "各成员单位", "成员单位")
CLAUSE_VERBS = ("支持", "发挥", "充分发挥", "鼓励", "引导", "推动", "推进", "督促", "指导", "要求", "依托", "利用", "加强",
                "加快", "建立", "完善", "做好", "确保", "积极", "优化", "提升", "深化", "通过", "按照", "根据")
# words a unit list never holds: what follows, appendices, targets and due dates
FRAGMENT_WORDS = ("以下", "以上单位", "附件", "目标", "年底", "月底", "均需", "或者", "或其")
# a division inside a department ends in one of these; a body of a place ending so is none (街道办事处)
DIVISION_WORDS = ("处", "科", "室", "股")
NOT_DIVISION_WORDS = ("办事处", "实验室")
