"""Quantitative targets: measure words, the words that state an aim, and the words that mark a
number as a condition, a subsidy or a name instead."""
from __future__ import annotations

# measure words as written after a number ("30个工作日", "700家", "4批次")
MEASURES = ("个工作日", "工作日", "元", "人次", "公里", "千米", "平方米", "平方公里", "亩", "个百分点", "%", "％", "家",
            "个", "项", "户", "件", "次", "人", "天", "小时", "分钟", "所", "条", "场", "批次", "批", "套", "座", "类",
            "种", "吨", "千瓦", "场次", "台", "辆", "张", "份", "名", "位", "处", "栋", "间", "床", "岗", "个月", "倍", "斤", "日")
MULTIPLIERS = ("万亿", "千亿", "百亿", "亿", "千万", "百万", "万", "千", "百")
# a count of places keeps its noun in the unit, brackets and all ("选择1个县（市、区）")
PLACE_COUNTS = ("县", "市", "区", "乡镇", "街道", "村", "社区", "市州", "县区", "县市区")
# spans of time: a processing-time standard ("3个工作日内办结"), or an attribute ("24小时自助服务")
DURATIONS = ("个工作日", "工作日", "天", "日", "小时", "分钟", "个月")
# words that cut a span of time: after them a span is a target whatever follows ("缩减至1个工作日最快1小时")
TIME_CUTS = ("压缩", "压减", "缩短", "缩减", "减少", "不超过", "控制在", "降至", "小于", "低于")
# what a time standard is for: right after the span it makes the span a target ("7个工作日公开")
COMPLETIONS = ("办结", "办理", "办完", "办妥", "完成", "公开", "答复", "回复", "反馈", "出具", "出证", "核准", "审结", "响应",
               "处置", "处理", "到场", "到达", "送达", "审核", "审批", "受理", "发放", "领证", "开通", "接入", "通电",
               "通水", "通气", "移出", "予以", "作出")
# an aim or a bound right before the number ("压缩至", "不低于", "达")
BOUNDS = ("不超过", "不少于", "不低于", "不高于", "压缩", "压减", "减少", "降低", "缩短", "提高", "提升", "增长", "增加",
          "达到", "达", "超过", "超", "突破", "力争", "新增", "培育", "建成", "打造", "累计", "至少", "控制在", "缩减",
          "降至", "增至", "推动", "支持", "实现", "形成", "建设", "率", "比重", "占比", "覆盖", "低于", "高于", "小于",
          "大于", "保持", "少于", "多于", "确保")
# bounds that may govern a short verb before the number ("至少确定1个", "力争引进5家")
ADVERB_BOUNDS = ("至少", "力争", "确保", "争取")
# what may stand between a change word and its number: "压缩至承诺时限3个工作日"
MEASURED = ("时限", "时间", "用时", "期限", "比例", "比重", "占比")
# verbs that take a counted object anywhere later in their clause ("年底前认定州级创业孵化基地2家")
AIMS = ("新增", "培育", "建成", "打造", "创建", "认定", "新建", "推出", "完成", "实现", "推动", "形成", "帮扶",
        "选择", "遴选", "招募", "招录", "引进", "新认定", "新开工", "缔结", "上线", "吸纳", "带动", "争创", "确保", "力争",
        "累计", "培训", "举办", "组织", "命名", "发放", "开展", "推进", "恢复", "开通", "开辟", "新开", "招引",
        "增设")
# the bounds a number in Chinese numerals needs ("压缩至三个工作日"); "一批", "一次" stay idioms
CN_BOUNDS = ("不超过", "不少于", "不低于", "不高于", "压缩至", "压减至", "缩短至", "减少至", "降至", "控制在", "至少", "超过",
             "达到", "新增", "少于", "多于")
COMPARATORS = {"不超过": "<=", "以内": "<=", "以下": "<=", "及以下": "<=", "不高于": "<=", "控制在": "<=", "降至": "<=", "内": "<=",
               "不少于": ">=", "不低于": ">=", "以上": ">=", "及以上": ">=", "至少": ">=", "超过": ">", "超": ">",
               "突破": ">", "左右": "~", "低于": "<", "小于": "<", "少于": "<", "高于": ">", "大于": ">", "多于": ">"}
# words right before a number that make it an ordinal, a rate of pay or a ceiling on an award
NOT_BEFORE = ("第", "前", "近", "每", "每周", "每天", "每日", "最高", "最多", "最快", "给予", "奖励", "补助", "资助", "由", "从", "按", "按照", "减按",
              "×", "*", "仅")
# words right after a number that make it a date, an article, a rank or a from-value ("50个工作日压减至")
NOT_AFTER = ("年", "月", "日", "号", "条", "款", "强", "周年", "届", "期", "压减", "压缩", "减少", "缩短", "降低", "提高",
             "提升", "增加", "减至", "增至", "级")
# what a count of articles is called: "落实稳增长12条政策措施" names a package, it aims at nothing
PACKAGES = ("政策", "措施", "举措", "意见", "规定", "硬措施")
# a clause that grants money or relief: its numbers are rates of support, not aims
SUBSIDIES = ("给予", "奖补", "贴息", "资助", "补助", "奖励", "一次性补贴", "补贴标准", "的补贴", "设备补贴", "加计",
             "抵扣", "免征", "减按", "退还", "返还", "缴费基数", "支持金额", "扶持金额", "补贴金额", "享受")
# a subsidy word that names a kind of administrative act in a list ("行政奖励、行政给付")
NOT_SUBSIDY_BEFORE = "行政"
# measure words that count the very people or bodies a noun after them names ("1万名以上科研人员"):
# a number with any other measure word before such a noun sizes it ("5亿元以上外贸企业", "120万千瓦…项目")
COUNTERS = ("名", "人", "家", "个", "户", "位", "所")
# what a threshold qualifies when it is a condition: "1000平方米以下的项目", "超过1亿元的企业"
ELIGIBLE = ("项目", "企业", "单位", "主体", "纳税人", "缴费人", "个人", "人员", "家庭", "商户", "个体工商户", "机构", "工程",
            "房屋", "建筑", "贷款", "案件", "合同", "车辆", "农户", "职工", "毕业生", "用户", "地区", "园区", "学校",
            "医院", "群众", "创业者", "用地", "车辆", "客车", "货车")
# openings of a clause that states who qualifies ("对…的，给予"; "凡…的")
# what closes a frame naming where a rule applies ("在…的项目中"), and frames that state a baseline
# or a premise whatever precedes them ("在压缩至52个工作日基础上")
FRAME_ENDS = ("中", "之中", "内", "里")
BASELINES = ("基础上", "前提下")
QUALIFIERS = ("对于", "对", "凡", "针对", "符合")
# linking words that may come before a qualifier ("以及对每月通行…的")
LINKS = ("以及", "并且", "并", "同时", "此外", "另外")
# words that open with 对 but qualify nothing ("对接率达70%")
NOT_QUALIFIERS = ("对接", "对照", "对标", "对外", "对口", "对比")
