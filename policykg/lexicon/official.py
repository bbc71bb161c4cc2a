"""Elements of an official document (公文, GB/T 9704-2012): 文号, dates, title words, and the
normal forms that identify a document across sources (文号 and title normalisation)."""
from __future__ import annotations

import datetime as dt
import re

from policykg.lexicon.brackets import TO_HEXAGONAL

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十百零〇两"
# 发文字号: 川办函〔2023〕29号, 郑政文[2023]62号, 荆职转办发（2023）8号, "渝府办发 〔 2023 〕 5 号"
DOC_NUMBER = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,14}\s*[〔\[［(（【{]\s*(?:19|20)\d{2}\s*[〕\]］)）】}]\s*第?\s*\d{1,5}\s*号")
DOC_NUMBER_LINE = re.compile(r"^" + DOC_NUMBER.pattern + r"$")
# a full date, possibly in brackets: （2023年5月4日）
FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
DATE_PAREN_END = re.compile(r"[（(]((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日[）)]$")
DATE_LINE = re.compile(r"^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$")
# a date in Chinese numerals, as a 成文日期 is often written: 二〇二三年五月六日
CN_YEAR = "[〇零○Ｏ一二三四五六七八九]{4}"
CN_SMALL = "[一二三四五六七八九十]{1,3}"
CN_DATE = re.compile(rf"({CN_YEAR})年({CN_SMALL})月({CN_SMALL})日")
TITLE_WORDS = re.compile(
    r"关于|通知|意见|方案|办法|措施|要点|决定|规定|条例|公告|清单|计划|细则|举措|指引|规则|通告|批复|函|制度|任务|标准|规范|发布")


def cn_small_number(text: str) -> int:
    """一 .. 三十一 to an int."""
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def cn_date(match: re.Match) -> dt.date | None:
    """A CN_DATE match to a date: 二〇二三年五月六日 -> 2023-05-06."""
    year = int("".join(str(CN_DIGITS[c]) for c in match.group(1)))
    return make_date(year, cn_small_number(match.group(2)), cn_small_number(match.group(3)))


def arabic_dates(text: str) -> str:
    """Text with every Chinese-numeral date written in digits (same meaning, shorter string)."""
    def digits(match: re.Match) -> str:
        date = cn_date(match)
        return f"{date.year}年{date.month}月{date.day}日" if date else match.group(0)
    return CN_DATE.sub(digits, text)


def normal_number(number: str | None) -> str:
    """A 文号 in one form: no spaces, the year in 〔〕 (郑政文[2023]62号 -> 郑政文〔2023〕62号)."""
    return re.sub(r"\s", "", number or "").translate(TO_HEXAGONAL).replace("〕第", "〕")


def normal_title(title: str | None) -> str:
    """A title in one form: no spaces, quotes, title marks or brackets (sources differ on them)."""
    return re.sub(r"[\s《》<>〈〉“”\"'‘’（）()〔〕\[\]［］【】]", "", title or "")


def document_key(title: str | None, issue_date: dt.date | None) -> str:
    """What identifies a document across sources: its normal title and issue date."""
    return normal_title(title) + "|" + (str(issue_date) if issue_date else "")
