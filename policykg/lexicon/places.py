"""Places: the GB/T 2260 administrative-division table (data/divisions.tsv, its source and date in its
header) with the forms a document writes a division in — full name (眉山市), common short name (眉山,
河南, 红河州) and former name (襄樊市) — and the lookups every stage uses."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LEVELS = ("province", "city", "county")
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
# words whose first character ends a place name: 漳州市场监管局 is 漳州 + 市场监管局, not 漳州市 + 场监管局
BOUND_WORDS = ("市场", "市政公用", "市政工程", "市政设施", "市容", "市监局", "区域", "县域")
# what a short name drops: the level word, with the peoples of an autonomous area (凉山彝族自治州 → 凉山)
PROVINCE_SUFFIX = re.compile(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
CITY_SUFFIX = re.compile(r"(市|地区|盟)$")
PEOPLES = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
           "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 "
           "保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split()
PEOPLE_TAIL = re.compile("(" + "|".join(sorted(PEOPLES, key=len, reverse=True)) + ")族?$")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str
    parent: str  # the parent's code, "" for a province
    former: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    """Every division by its six-digit code."""
    text = resources.files("policykg.data").joinpath("divisions.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {r["code"]: Division(r["code"], r["name"], r["level"], r["parent"],
                                tuple(n for n in r["former_names"].split(";") if n)) for r in rows}


def without_peoples(stem: str) -> str:
    """An autonomous area's name without its peoples: 凉山彝族 → 凉山, 寻甸回族彝族 → 寻甸."""
    while PEOPLE_TAIL.search(stem[2:]):
        stem = stem[:2] + PEOPLE_TAIL.sub("", stem[2:])
    return stem


def short_names(division: Division) -> tuple[str, ...]:
    """The common short forms of a province's or a prefecture's name, and of an autonomous county's
    (寻甸回族彝族自治县 → 寻甸县); other counties have none."""
    if division.level == "province":
        short = PROVINCE_SUFFIX.sub("", division.name)
        return (short,) if len(short) >= 2 and short != division.name else ()
    if division.level == "county":
        short = without_peoples(division.name[:-3])
        return (short + "县",) if division.name.endswith("自治县") and short != division.name[:-3] else ()
    if division.level != "city":
        return ()
    if division.name.endswith("自治州"):
        short = without_peoples(division.name[:-3])
        return (short, short + "州")
    short = CITY_SUFFIX.sub("", division.name)
    return (short,) if len(short) >= 2 and short != division.name else ()


@lru_cache(maxsize=1)
def forms() -> dict[str, tuple[Division, ...]]:
    """Every written form of a division (full, short, former) to the divisions it may name."""
    out: dict[str, list[Division]] = {}
    for division in divisions().values():
        for form in {division.name, *division.former, *short_names(division)}:
            out.setdefault(form, []).append(division)
    return {form: tuple(found) for form, found in out.items()}


@lru_cache(maxsize=1)
def longest_form() -> int:
    return max(map(len, forms()))


def lineage(division: Division) -> tuple[Division, ...]:
    """The division and its parents, province first."""
    table = divisions()
    chain = [division]
    while chain[0].parent:
        chain.insert(0, table[chain[0].parent])
    return tuple(chain)


def province_of(division: Division) -> Division:
    return lineage(division)[0]


def forms_at(text: str, start: int = 0) -> list[tuple[str, tuple[Division, ...]]]:
    """The division forms written at text[start:], longest first."""
    table = forms()
    stop = min(len(text), start + longest_form())
    return [(text[start:end], table[text[start:end]]) for end in range(stop, start + 1, -1) if text[start:end] in table]


def ending_with(tail: str) -> list[Division]:
    """Divisions whose name ends with a cut-off name (云港市 → 连云港市)."""
    return [d for d in divisions().values() if d.name.endswith(tail) and d.name != tail]
