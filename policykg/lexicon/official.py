"""Elements of an official document (公文, GB/T 9704-2012): 文号, dates, title words, and the
normal forms that identify a document across sources (文号 and title normalisation)."""
from __future__ import annotations

import datetime as dt
import re

from policykg.lexicon.brackets import TO_HEXAGONAL
from policykg.lexicon.regex import alternation

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十百零〇两"
# 发文字号: 川办函〔2023〕29号, 郑政文[2023]62号, 荆职转办发（2023）8号, "渝府办发 〔 2023 〕 5 号", 苏政发﹝2023﹞7号
YEAR_OPEN, YEAR_CLOSE = "〔\\[［(（【{﹝〈「", "〕\\]］)）】}﹞〉」"
DOC_NUMBER = re.compile(rf"[\u4e00-\u9fffA-Za-z]{{1,14}}\s*[{YEAR_OPEN}]\s*(?:19|20)\d{{2}}\s*[{YEAR_CLOSE}]"
                        r"\s*第?\s*\d{1,5}\s*号")
DOC_NUMBER_LINE = re.compile(r"^" + DOC_NUMBER.pattern + r"$")
# a full date, possibly in brackets: （2023年5月4日）
FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
DATE_PAREN_END = re.compile(r"[（(]((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日[）)]$")
DATE_LINE = re.compile(r"^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$")
# a 成文日期 line, the signing body's name possibly glued before it: "XX市人民政府2023年5月6日"
SIGNED_DATE = re.compile(r"^(?P<name>[^，。；：、,;:\d]{2,40}?)?(?P<date>((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日)$")
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


# ---- the elements of a GB/T 9704 document, wherever they stand ----
# 文种 (GB/T 9704's fifteen kinds) and the plan words titles end with
GENRE_WORDS = re.compile(r"决议|命令|公报|通报|报告|请示|议案|纪要|规划|纲要|安排|预案|要求|提纲|说明")
# a title that is complete: it ends with its kind (…的通知, …实施方案, …条例（征求意见稿）), and one
# that says 关于/印发/转发 has reached the "的…" that closes it
TITLE_END = re.compile(r"(通知|通报|决定|意见|方案|办法|规定|条例|细则|措施|要点|计划|规划|纲要|清单|公告|通告|批复|函|报告|"
                       r"请示|纪要|指引|规则|标准|规范|安排|预案|决议|命令|公报|议案)([（(][^（）()]{1,12}[）)])?$")
OPEN_TITLE = re.compile(r"关于|印发|转发")
CLOSED_TITLE = re.compile(r"的[^的]{0,12}$")


def complete_title(title: str) -> bool:
    """Whether a title reads as finished, so that a next line cannot continue it."""
    return bool(TITLE_END.search(title)) and (not OPEN_TITLE.search(title) or bool(CLOSED_TITLE.search(title)))


# 发文机关: the last word of an issuer's name, longest first ("委员会" before "委"; "总局" is not "局")
ISSUER_WORDS = ("厅", "局", "委", "海关", "政府", "办公室", "委员会", "公司", "法院", "检察院", "署", "中心", "小组", "分行",
                "支行", "银行")
ISSUER_WORD = re.compile(r"(?<!总)(" + alternation(ISSUER_WORDS) + ")")
ISSUER_END = re.compile(ISSUER_WORD.pattern + "$")
# a new body starts after an ISSUER_WORD: "…办公厅|重庆市人民政府办公厅", "…市委|扬州市人民政府",
# "市财政局|市税务局"; never before a word that continues the name ("…人民政府|办公厅")
ISSUER_START = re.compile(r"(?!" + alternation(ISSUER_WORDS + ("办公", "员会", "办")) + r")(中共|国家|国网|中国|"
                          r"[\u4e00-\u9fff]{0,5}?(省|市|州|县|区|自治区))[\u4e00-\u9fff]*?" + ISSUER_WORD.pattern)
# 发文机关标志: "XX市人民政府文件", or "文件" alone beside stacked issuer names
MARK_WORD = "文件"
ISSUER_MARK = re.compile(rf"^(.{{2,80}}?){MARK_WORD}$")
# 签发人 of an upward document, alone or after the 文号 on its line: "签发人：张三　李四"
SIGNER = re.compile(r"签\s*发\s*人\s*[：:]")
# 份号, 密级 and 紧急程度 above the issuer mark
COPY_NUMBER = re.compile(r"^\d{6}$")
SECRECY = re.compile(r"^(绝密|机密|秘密)(★.*)?$|^(特急|加急|特提|平急)$")
# a page number in running text: "— 1 —", "-1-", "－ 12 －", "第3页", "第3页共9页"
PAGE_NUMBER = re.compile(r"^[—\-－–]+\s*\d{1,4}\s*[—\-－–]+$|^第\s*\d{1,4}\s*页(\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?$")
# a page number as a page's own line (PDF, OFD, OCR): also a bare "3" or "3/9"; OCR reads a dash as 一
PAGE_DASH = r"[—―‒\-－–一\s]*"
PAGE_NUMBER_LINE = re.compile(rf"^{PAGE_DASH}(第\s*)?\d{{1,4}}(\s*页)?(\s*[/／]\s*\d{{1,4}})?"
                              rf"(\s*[，,/／]?\s*共\s*\d{{1,4}}\s*页)?{PAGE_DASH}$")
# 附注 and 公开属性: "（此件公开发布）", "（联系人：王五，电话：1234567）", "公开方式：主动公开"
NOTE = re.compile(r"^[（(](此件[^）)]{1,20}|联系人[：:].*)[）)]$|^(公开方式|公开属性|信息公开选项)[：:].{1,10}$")
# a seal note under a signature, over one or several lines: "（山东省发展和改革委员会代章）"
SEAL_NOTE = re.compile(r"[（(][^（）()]{0,80}?(代章|盖章|印章)[）)]")
# 版记: 抄送 units and the 印发 date (Arabic or Chinese numerals, after arabic_dates)
CC = re.compile(r"^抄\s*[送报][：:](.+)$")
PRINTED = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日印发$")
# a date as metadata fields write it: 2023-05-06, 2023/5/6, 2023.05.06 (a time may follow)
ISO_DATE = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
ISO_DATE_LINE = re.compile(r"^" + ISO_DATE.pattern + r"(\d{1,2}:\d{2}(:\d{2})?)?$")
# how a body's first sentence opens (never a title's continuation)
BODY_OPENER = re.compile(r"^(为|根据|按照|经|现将|现就|近日|近年来|各位|依据|结合)")
# an outline item's number: a line starting with it is a measure, never a title
ITEM_NUMBER = re.compile(r"^([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、]|[①-⑳]|"
                         r"第[一二三四五六七八九十百零]+[章节条])")
# web-page metadata fields (索引号/发文机关/发文字号/成文日期…) under their names as pages and front
# matter write them; the first name of each tuple is the key SourceText.metadata uses
METADATA_KEYS = (
    ("标题", "名称", "文件名称", "公文标题", "题名", "title"),
    ("发文机关", "发文单位", "发布机构", "发布机关", "发布单位", "发文机构", "制发机关", "成文机关", "issuer", "author"),
    ("发文字号", "文号", "发文文号", "发文号", "doc_number", "number"),
    ("成文日期", "成文时间", "发文日期", "发文时间", "印发日期", "date"),
    ("发布日期", "发布时间", "公布日期", "公开日期", "公开时间", "published"),
    ("索引号", "index"),
    ("主题分类", "信息分类", "所属主题", "分类", "主题词"),
)
METADATA_KEY = {name.lower(): names[0] for names in METADATA_KEYS for name in names}
# a metadata field's name and its separator: "发文字号：", "|索引号|" (a markdown table cell); after
# the clean stage several fields may share a line: "索引号：1133…发文机关：金华市住建局"
METADATA_FIELD = re.compile(
    "(" + alternation(n for names in METADATA_KEYS for n in names if not n.isascii()) + r")\s*(?:[：:]\s*[|｜]?|[|｜])")


def any_date(text: str) -> dt.date | None:
    """The first date a text states: 2023年5月6日, 二〇二三年五月六日 or 2023-05-06."""
    text = arabic_dates(text)
    match = FULL_DATE.search(text) or ISO_DATE.search(text)
    return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None


def metadata_key(name: str) -> str | None:
    """A metadata field's name in the form SourceText.metadata uses (文号 -> 发文字号), or None."""
    return METADATA_KEY.get(re.sub(r"\s", "", name).lower())
