"""Quantitative targets: "压缩40%以上", "不超过30个工作日", "新增50个" to value, unit and comparator.

A number with a measure word is a target when an aim states it: a bound right before it ("不低于"),
a bound right after it ("以上", "以内", "左右"), an aim verb earlier in its clause ("年底前认定…2家"),
a completion right after a span of time ("7个工作日办结"), or a list it continues ("30家、5家").
It is not one when it qualifies who is eligible ("对…超过1亿元的企业", "1000平方米以下的项目"),
sits in a clause granting money ("给予…50%的补贴"), is a from-value ("由50个工作日压减至…"), an
ordinal, a date, a name in quotes, or a span of time that describes a service ("24小时自助服务")."""
from __future__ import annotations

import re

from policykg.lexicon.official import cn_small_number
from policykg.lexicon.regex import alternation
from policykg.lexicon import targets as words
from policykg.schema import Target

CN_NUMBER = "[二两三四五六七八九]?十[一二三四五六七八九]?|[二两三四五六七八九]"
# "3", "0.5", "2—3" / "3至5" (a range), or "三" / "十五" in Chinese numerals
NUMBER = (r"(?<![\d.一二两三四五六七八九十百千万])(?:(?P<value>\d+(?:\.\d+)?)(?:(?P<range>[—\-~～至到])\d+(?:\.\d+)?)?"
          rf"|(?P<cn>{CN_NUMBER}))")
PLACE = "个(?:" + alternation(words.PLACE_COUNTS) + r")(?:[（(][市县区、特]+[)）])?(?!级)"
# a unit as written, with its multiplier ("150亿条", "1千家"), or a multiplier alone ("用户数突破170万")
UNIT = (f"(?P<unit>{PLACE}|(?:" + alternation(words.MULTIPLIERS) + ")?(?:" + alternation(words.MEASURES) + ")|"
        "(?:" + alternation(words.MULTIPLIERS) + r")(?![\u4e00-\u9fff]))")
AFTER = r"(?P<after>(?:[（(]含[^）)]{0,3}[）)])?(?:及以上|及以下|以上|以内|以下|左右|内))?"
QUANTITY = re.compile(NUMBER + UNIT + AFTER)
# a bound ending right before the number: "压缩至", "压缩至承诺时限", "至少选择"
BOUND_BEFORE = re.compile(f"(?P<word>{alternation(words.BOUNDS)})(?:至|到|在)?"
                          f"(?:[\u4e00-\u9fff]{{0,4}}?(?:{alternation(words.MEASURED)}))?$"
                          f"|(?P<adverb>{alternation(words.ADVERB_BOUNDS)})[\u4e00-\u9fff]{{1,2}}$")
TIME_CUT_BEFORE = re.compile(f"(?:{alternation(words.TIME_CUTS)})(?:至|到|在)?$")
AIM = re.compile(f"(?<!已)(?:{alternation(words.AIMS)})")  # "已完成16项" reports the past
CN_BOUND_BEFORE = re.compile(f"(?:{alternation(words.CN_BOUNDS)})$")
NOT_BEFORE_RE = re.compile(f"(?:{alternation(words.NOT_BEFORE)})$")
NOT_AFTER_RE = re.compile(f"^(?:{alternation(words.NOT_AFTER)})")
SUBSIDY = re.compile(f"(?<!{words.NOT_SUBSIDY_BEFORE})(?:{alternation(words.SUBSIDIES)})")
DURATION_DONE = re.compile(f"^(?:{alternation(words.COMPLETIONS)})")
# after "的": who qualifies ("的企业"), or the clause ends on the condition ("…的，给予")
ELIGIBLE_AFTER = re.compile(rf"^的(?:[^，,；;。的]{{0,8}}?(?:{alternation(words.ELIGIBLE)})|[，,；;。]|$|每|给予|按|可)")
# a size qualifying people or things directly ("失业3个月及以上人员", "进出口额5亿元以上外贸企业")
ELIGIBLE_NEXT = re.compile(f"^[\u4e00-\u9fff]{{0,6}}?(?:{alternation(words.ELIGIBLE)})")
PACKAGE_NEXT = re.compile(f"^(?:“[^”]{{0,8}}”)?[\u4e00-\u9fff]{{0,4}}?(?:{alternation(words.PACKAGES)})")
# "在建筑面积1000平方米以下、建设周期短的项目中": a frame naming where a rule applies
FRAME_END = re.compile(rf"^[^，,；;。]*?(?:的[^，,；;。的]{{0,10}}?(?:{alternation(words.FRAME_ENDS)})"
                       rf"|{alternation(words.BASELINES)})")
# a clause opening on who qualifies: "对…的", "以及对…的", "凡…的" (not "对接率")
QUALIFIED = re.compile(f"^“?(?:{alternation(words.LINKS)})?(?!{alternation(words.NOT_QUALIFIERS)})"
                       f"(?:{alternation(words.QUALIFIERS)})")
CLAUSE_BREAK = re.compile(r"[，,；;。：:！？]")
# "支持30家企业建设绿色工厂、5家企业…": a number right after a list separator goes on the list
LIST_JOIN = re.compile(r"^[^。；;，,]{0,20}(?:[、和及][^、，,和及。；;]{0,8}|[，,][^、，,和及。；;]{0,4})$")


def in_quotes(text: str, position: int) -> bool:
    """Whether a position sits inside “…” (a name such as “稳增长20条”, not a target)."""
    before = text[:position]
    return before.count("“") > before.count("”")


def clause_span(text: str, match: re.Match) -> tuple[int, int]:
    """The clause holding a match: from the last comma, semicolon or stop before it to the next one."""
    starts = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, match.start())]
    following = CLAUSE_BREAK.search(text, match.end())
    return (starts[-1] if starts else 0), (following.start() if following else len(text))


def sizes_what_follows(match: re.Match, rest: str) -> bool:
    """A size or a length of time that qualifies the noun after it ("5亿元以上外贸企业", "失业6个月以上人员")."""
    unit = match.group("unit")
    eligible = ELIGIBLE_NEXT.match(rest)
    if unit in words.DURATIONS:  # a time limit ("3个工作日内明确责任主体") governs a verb, never a noun
        return "以上" in (match.group("after") or "") and bool(eligible) and eligible.end() <= 4
    return unit.lstrip("".join(words.MULTIPLIERS)) not in words.COUNTERS and bool(eligible)


def condition(text: str, match: re.Match, clause: tuple[int, int]) -> bool:
    """The number qualifies who or what a rule applies to, or a grant's size, rather than an aim."""
    start, end = clause
    opening, rest = text[start:match.start()], text[match.end():end]
    if SUBSIDY.search(text[start:end]) or ELIGIBLE_AFTER.match(text[match.end():]):
        return True
    if sizes_what_follows(match, rest):
        return True
    if QUALIFIED.match(opening) and "的" in rest:
        return True
    return "在" in opening and bool(FRAME_END.match(rest))


def excluded(text: str, match: re.Match, clause: tuple[int, int]) -> bool:
    """An ordinal, a date, a from-value, a name in quotes, small money, a span describing a service, a condition."""
    before, after = text[max(0, match.start() - 6):match.start()], text[match.end():]
    unit = match.group("unit")
    if match.group("range"):
        return True  # "选择1-3家": gold states no range as a target
    if NOT_BEFORE_RE.search(before) or NOT_AFTER_RE.match(after) or in_quotes(text, match.start()):
        return True
    if unit == "条" and PACKAGE_NEXT.match(after):
        return True
    if unit.endswith("元") and not unit.startswith(("亿", "万亿", "千亿", "百亿")):
        return True  # amounts below 亿元 are subsidies and thresholds ("给予不低于10万元支持")
    if unit == "日" and not match.group("after"):
        return True  # "日" counts days only as a limit ("1日内"); otherwise it is a date
    return condition(text, match, clause)


def aim_start(text: str, match: re.Match, clause: tuple[int, int], previous_end: int | None) -> int | None:
    """Where the wording that makes the number a target starts, or None when nothing does."""
    window = max(clause[0], match.start() - 12)
    unit, after, following = match.group("unit"), match.group("after"), text[match.end():]
    listed = previous_end is not None and bool(LIST_JOIN.search(text[previous_end:match.start()]))
    done = unit in words.DURATIONS and bool(DURATION_DONE.match(following))
    if unit in words.DURATIONS and not after and not done and re.match(r"[\u4e00-\u9fff]", following):
        cut = TIME_CUT_BEFORE.search(text, window, match.start())  # else "24小时自助服务" describes a service
        return cut.start() if cut else (match.start() if listed else None)
    if match.group("cn"):  # Chinese numerals ("三个全生命周期") count only with a strict bound or as a time limit
        bound = CN_BOUND_BEFORE.search(text, window, match.start())
        return bound.start() if bound else (match.start() if unit in words.DURATIONS and after else None)
    bound = BOUND_BEFORE.search(text, window, match.start())
    if bound:
        return bound.start()
    if after and "以下" not in after or done or listed:  # "以下" alone caps who qualifies ("200千瓦及以下低压接入")
        return match.start()
    return aim_in_clause(text, match, clause)


def aim_in_clause(text: str, match: re.Match, clause: tuple[int, int]) -> int | None:
    """An aim verb earlier in the clause whose object the number counts ("年底前认定…基地2家")."""
    opening, unit = text[clause[0]:match.start()], match.group("unit")
    if opening.endswith("的") and unit == "%":
        return None  # "达到总投资的25%": a share of a base is a criterion unless a bound states it
    aims = list(AIM.finditer(opening))
    if aims and not counted_between(text, clause[0] + aims[-1].end(), match.start()):
        return match.start()
    return None


def counted_between(text: str, start: int, end: int) -> bool:
    """Whether another quantity, not a mere condition, stands between an aim verb and a number: the verb
    is then that quantity's ("培育企业20家，其中…5家"), while "引进营收3亿元以上企业4家" keeps its aim."""
    return any(not (other.group("cn") or excluded(text, other, clause_span(text, other)))
               for other in QUANTITY.finditer(text, start, end))


def value_of(match: re.Match) -> float:
    if match.group("cn"):
        return float(cn_small_number(match.group("cn").replace("两", "二")))
    return float(match.group("value"))


def comparator_of(match: re.Match, phrase: str) -> str | None:
    after = re.sub(r"[（(]含[^）)]*[）)]", "", match.group("after") or "")
    if after:
        return words.COMPARATORS.get(after)
    word = BOUND_BEFORE.search(phrase[:len(phrase) - len(match.group(0))])
    return words.COMPARATORS.get(word.group("word") or word.group("adverb")) if word else None


def find_targets(text: str) -> list[Target]:
    """Every target of a task's text, with the phrase that states it as written."""
    found = []
    previous_end = None
    for match in QUANTITY.finditer(text):
        clause = clause_span(text, match)
        if excluded(text, match, clause):
            continue
        start = aim_start(text, match, clause, previous_end)
        if start is None:
            continue
        previous_end = match.end()
        phrase = text[start:match.end()]
        unit = "%" if match.group("unit") == "％" else match.group("unit")
        found.append(Target(value=value_of(match), unit=unit, comparator=comparator_of(match, phrase), phrase=phrase))
    return found
