"""Annotation keys and role words: how a document says who leads (牵头单位), who co-owns
(责任/配合单位) and by when (完成时限), in field keys, in table headers and in running words."""
from __future__ import annotations

import re

from policykg.lexicon.regex import alternation

# 牵头单位: the lead; "牵头责任单位", "主要责任单位" and its short form "主责单位" are leads too
LEAD_KEYS = ("牵头责任单位", "责任牵头单位", "主要责任单位", "主责单位", "主责部门", "牵头单位", "牵头部门", "牵头处室",
             "牵头科室", "牵头领导", "牵头")
# 责任/配合单位: co-responsible units (a list without a lead distinction is all co)
CO_KEYS = ("责任单位", "责任部门", "责任处室", "责任科室", "配合单位", "配合部门", "参与单位", "协同单位", "协办单位",
           "责任主体", "实施单位", "落实单位", "承办单位", "联办单位", "协助单位", "配合处室", "责任领导", "主办单位")
TIME_KEYS = ("完成时限", "时限要求", "完成时间", "时间节点", "时间要求", "办结时限", "进度安排", "时间安排", "时限")
# 任务分解: a breakdown of the item's work, clause by clause "units + what they do" ("A、B做好…；C牵头…")
BREAKDOWN_KEYS = ("任务分解", "任务分工", "责任分工", "职责分工", "工作分工")
ALL_KEYS = LEAD_KEYS + CO_KEYS + TIME_KEYS + BREAKDOWN_KEYS
# what a breakdown's clause says its units do: where the opening list of units ends ("A、B做好…", "C在…")
ACTS = re.compile(r"做好|加强|负责|牵头|配合|协助|协同|参与|共同|分别|落实|推进|推动|开展|实施|组织|指导|督促|建立|完善|"
                  r"及时|按照|根据|依据|依托|通过|围绕|结合|会同|汇总|报送|并|要|应|在|对|将|把")


# a key followed by its colon: "牵头单位：", "完成时限:"
KEY = re.compile("(" + alternation(ALL_KEYS) + r")\s*[：:]")
# a field of another kind inside an annotation ("；目标位置：全省前5", "，备注：…"): it ends the field before it
OTHER_KEY = re.compile(r"(?<=[；;，,。])\s*([\u4e00-\u9fff]{2,6})\s*[：:]")
# a line opening with a label of its own ("附件：…", "联系人：…"): a field before it ends at the line break
LINE_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{2,6}\s*[：:]")
# words that tie units to a role in running form: "A牵头，B配合", "A会同B负责"
LEAD_WORDS = ("牵头", "牵头负责", "总牵头")
CO_WORDS = ("配合", "参与", "协同", "协助", "按职责分工负责", "按职责负责", "按职责分工落实", "分别负责", "共同负责", "负责",
            "落实", "实施", "推进")
# "按职责分工", "按照职能", "根据职责": by-function words that tie units to a role, never part of a name
BY_FUNCTION = r"(?:按照?|根据|依据)(?:各自)?(?:职责|职能)(?:分工)?"
# the words trailing a unit name: role words ("A、B牵头", "B按职责分工负责"), read by the annotation and
# stripped before a unit is resolved; list ends, stripped when a list is split ("市财政局等单位")
ROLE_TAIL_WORDS = ("分工", "分别", "共同", "牵头", "配合", "参与", "协同", "协助", "负责", "落实", "实施", "推进", "等")
LIST_END_WORDS = ("等单位", "等部门", "等", "分别", "负责", "共同")
ROLE_TAIL = re.compile(f"({alternation(ROLE_TAIL_WORDS)}|{BY_FUNCTION})+$")
LIST_END = re.compile(f"({alternation(LIST_END_WORDS)}|{BY_FUNCTION})+$")
UNIT_TAIL = re.compile(f"({alternation(ROLE_TAIL_WORDS + LIST_END_WORDS + ('等地',))}|{BY_FUNCTION})+$")
# a verb that opens a measure ("强化部门协同", "加强…"): a name never starts with one
# a title's status note ("（试行）", "（暂行）"): a verb in 行, not a bank
STATUS_NOTE = re.compile(r"^(?:试行|暂行|施行|执行|运行|实行|推行|先行|修订|修正)$")
ACTION_START = re.compile(r"^(?:强化|加强|完善|健全|深化|推进|推动|加快|提升|提高|建立|开展|实施|做好|落实|促进|鼓励|支持|探索)")
WITH = "会同"  # "A会同B负责": A leads, B co-owns
# what a time clause holds: a date, a period or an ongoing word
TIME_CLAUSE = re.compile(r"(\d{4}年|\d{1,2}月|年底|年内|上半年|下半年|季度|持续推进|长期|常态化|持续|每年|每月|每季)")
# header words of task-table columns, by column role (most specific first); lead/co/time share the keys
# (a header cell may also be shortened, as ledgers do: 牵头 / 责任 / 配合 / 时限)
TABLE_HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号"),
    "lead": LEAD_KEYS,
    "co": CO_KEYS + ("协同部门", "协办部门", "责任", "配合"),
    "time": TIME_KEYS + ("完成期限", "办结期限", "时间进度", "期限"),
    "task": ("重点任务", "工作任务", "任务内容", "主要任务", "具体任务", "具体措施", "工作措施", "改革举措", "主要内容",
             "工作内容", "政策措施", "任务措施", "任务名称", "任务", "措施", "内容", "事项", "举措", "重点工作", "具体工作",
             "工作事项", "工作重点"),
}

# A document's own conventions for reading its unit lists, stated once in any wording:
# "逗号前为牵头单位" — the units before the first comma lead
COMMA_LEAD = re.compile(r"(?:逗号|分号)前(?:面)?的?(?:单位|部门)?(?:均|都)?(?:为|是)牵头")
# "排名第一位的为牵头责任单位", "列第一位的责任单位为牵头单位", "排在首位的为牵头单位" — the first unit leads
FIRST_LEAD = re.compile(r"(?:排名|排列|排在|排|列在|列|位列|名列)?(?:第一|首)(?:位|个|名)?的?(?:单位|部门|责任单位)?"
                        r"(?:为|是)(?:牵头|主要责任|主责)")
# "A、B均为责任单位，以下不再列出" — a standing clause: A and B co-own every later task
MAX_UNITS_CHARS = 120  # a list of units in a clause is never longer (bounded, so scans stay linear)
_UNIT_CHARS = r"(?:[^（(〔〕）)。；;，,：:]|[（(〔][^（(〔〕）)]*[〕）)])"
STANDING = re.compile(
    rf"(?P<units>{_UNIT_CHARS}{{1,{MAX_UNITS_CHARS}}}?)(?:均|都|同时|也)?(?:为|是|作为)(?:各项任务|所有任务|以下各项任务|全部任务)?的?(?:共同)?"
    r"(?:责任|配合|参与|落实)?(?:单位|部门|主体)[，,]?"
    r"(?:(?:以下|下同|后同|后文|下文)?(?:均|都)?不再(?:一一|单独|重复|另行)?(?:列出|列明|标注|注明|重复|列举)|下同|后同)")
# "以下工作均需A、B负责，不再列出" — the same, with the units after the words that say what follows
STANDING_AHEAD = re.compile(
    r"以下(?:各项)?(?:工作|政策|任务|措施|事项)?(?:均|都)?(?:需|需要|由|要|涉及)?"
    rf"(?P<units>{_UNIT_CHARS}{{1,{MAX_UNITS_CHARS}}}?)(?:负责|落实|参与|配合|承担|共同负责)?(?:实施|推进)?[，,]?"
    r"(?:(?:以下|下同|后同)?(?:均|都)?不再(?:一一|单独|重复|另行)?(?:列出|列明|标注|注明|重复|列举))")
# a clause of an annotation that states a convention rather than naming units
CONVENTION_NOTE = re.compile(
    r"[^，,；;。（()）〔〕]{0,40}(?:" + COMMA_LEAD.pattern + "|" + FIRST_LEAD.pattern +
    r"|下同|后同|不再(?:一一|单独|重复)?列出|按职责分工负责的?不再列出)[^，,；;。（()）〔〕]{0,40}")
