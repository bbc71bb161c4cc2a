"""The report's words in each language: Chinese as a 督查督办 office writes it (default), and English."""
from __future__ import annotations

LANGS = ("zh", "en")

# section name -> (title, description); "overdue" and "due_soon" are the red and yellow items of the
# overdue check, shown apart
SECTIONS = {
    "zh": {
        "overdue": ("逾期", "完成时限已过的任务条款（按条款列出，各附原文）；持续推进类、资格或有效期日期、"
                            "政策延期和目标年份不计逾期。"),
        "due_soon": ("临期", "{warn_days}日内到期的任务条款。"),
        "ownerless": ("无责任单位", "未写明牵头或责任单位的任务，无法落实到单位。"),
        "undated": ("无完成时限", "既无完成时限或目标年份、也未标注持续推进的任务，无法判断是否逾期。"),
        "impossible_deadlines": ("时限早于发文日期", "完成时限早于文件发文日期，属起草或抽取错误，不计逾期。"),
        "naming": ("单位名称冲突", "合并为同一单位的不同写法（请核对），以及同一地区内相近而未合并的名称"
                                 "（可补入别名表）。"),
        "citations": ("引用文件核对", "引用的文件不在文库中（待补充），或文号、标题与文库不一致。"),
        "slippage": ("上下级落实偏差", "落实上级文件的任务（经引用关系和文本相似度匹配）完成时限晚于上级，"
                                     "或牵头单位不是上级牵头单位在本级的对口单位。"),
        "duplicates": ("重复文件不一致", "同一文件的多个来源合并时内容不一致。"),
    },
    "en": {
        "overdue": ("Overdue", "Task clauses whose completion deadline has passed, each with its own text; ongoing "
                               "tasks, eligibility or validity dates, extensions and target years never fall overdue."),
        "due_soon": ("Due soon", "Task clauses due within {warn_days} days."),
        "ownerless": ("No responsible unit", "Tasks naming no lead or responsible unit: nobody can be held to them."),
        "undated": ("No time limit", "Tasks with neither a completion deadline, a target year nor an ongoing flag: "
                                     "they cannot fall overdue."),
        "impossible_deadlines": ("Deadline before issue date", "A deadline before the document's issue date is a "
                                                               "drafting or extraction error, not an overdue task."),
        "naming": ("Agency naming conflicts", "Spellings resolved to one agency (check them), and similar names in "
                                              "one jurisdiction that stayed apart (candidates for the alias table)."),
        "citations": ("Citations to check", "Cited documents not in the corpus (to acquire), or cited with another "
                                            "文号 or title than the corpus has."),
        "slippage": ("Slippage between levels", "A task implementing a higher-level task (matched through the "
                                                "citation and text similarity) is due later, or is led by a body "
                                                "that is not the counterpart of the higher lead at its level."),
        "duplicates": ("Duplicates that disagreed", "Documents read from several sources whose copies differed."),
    },
}

PHRASES = {
    "zh": {
        "title": "政策文件任务督查督办报告", "as_of": "统计日期：{as_of}；临期：{warn_days}日内到期",
        "heading": "{title}（{n}）",
        "charts": "图表", "count": "数量", "per_month": "各月到期任务数", "ranking": "牵头单位排名",
        "ranking_caption": "牵头单位排名（红：逾期，黄：临期）",
        "ranking_note": "按逾期、临期任务数排序；任务未写牵头单位时计入其责任单位；“各县（市、区）人民政府”等集合性主体不参与排名。",
        "heat": "单位×月份到期任务（任务最多的{n}个单位，不含集合性主体）", "scale": "任务数",
        "agency": "单位", "red": "逾期", "yellow": "临期", "green": "未到期", "none": "无",
        "item": "事项", "task": "任务（条款）", "owners": "责任单位", "deadline": "时限", "doc": "文号 / 文件",
        "source": "出处", "more": "另有{n}项见JSON报告", "since": "与{date}报告相比", "new": "新增", "resolved": "已解决",
        "newly_overdue": "新增逾期", "no_dated": "无有时限的任务。", "no_overdue": "无逾期或临期任务。",
        "overdue_summary": "已逾期{days}天", "due_summary": "尚余{days}天",
        "ownerless_summary": "无责任单位", "undated_summary": "无完成时限",
        "before_issue": "时限{due}早于发文日期{issued}", "implausible": "时限{due}不合理",
        "later": "完成时限晚于上级：本级{low}，上级{high}", "different_lead": "牵头单位不对口：本级{low}，上级{high}",
        "cited": "上级任务",
        "number_mismatch": "《{title}》引用文号为{cited}，文库中该文件文号为{number}",
        "titles": "{number}被以{n}个不同标题引用：{titles}", "stub": "文库中缺少：{label}{number}，被{n}个文件引用",
    },
    "en": {
        "title": "Policy task supervision report", "as_of": "As of {as_of}; due soon: within {warn_days} days",
        "heading": "{title} ({n})",
        "charts": "Charts", "count": "count", "per_month": "Tasks due per month", "ranking": "Lead units ranked",
        "ranking_caption": "Lead units ranked (red: overdue, yellow: due soon)",
        "ranking_note": "By overdue, then due-soon tasks; a task without a lead counts for its responsible units; collectives (all county governments…) are not ranked.",
        "heat": "Tasks due by agency and month (the {n} busiest single agencies, collectives left out)", "scale": "tasks",
        "agency": "agency", "red": "overdue", "yellow": "due soon", "green": "later", "none": "none",
        "item": "item", "task": "task (clause)", "owners": "owners", "deadline": "deadline", "doc": "文号 / document",
        "source": "source", "more": "{n} more in the JSON report", "since": "Since the report of {date}", "new": "new",
        "resolved": "resolved", "newly_overdue": "newly overdue", "no_dated": "No dated tasks.",
        "no_overdue": "Nothing overdue or due soon.",
        "overdue_summary": "{days} days overdue", "due_summary": "{days} days left",
        "ownerless_summary": "no responsible unit", "undated_summary": "no time limit",
        "before_issue": "deadline {due} is before the issue date {issued}", "implausible": "implausible deadline {due}",
        "later": "due later than the higher level: {low}, the cited document says {high}",
        "different_lead": "lead is no counterpart: {low}, the cited document names {high}",
        "cited": "higher-level task",
        "number_mismatch": "《{title}》 cited as {cited}, but the corpus document is {number}",
        "titles": "{number} cited with {n} titles: {titles}",
        "stub": "not in the corpus: {label}{number}, cited by {n}",
    },
}


def say(lang: str, key: str, **values) -> str:
    """A phrase in the language, with its values filled in."""
    return PHRASES[lang][key].format(**values)


def section(lang: str, name: str, warn_days: int = 14) -> tuple[str, str]:
    """A section's title and description; a check this table does not know keeps its own words."""
    title, description = SECTIONS[lang].get(name, ("", ""))
    return title, description.format(warn_days=warn_days)
