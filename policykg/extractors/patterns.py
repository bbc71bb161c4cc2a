"""Regular expressions shared by several stages: dates, 文号, brackets, title words."""
from __future__ import annotations

import re

OPEN = "（(〔［[【"
CLOSE = "）)〕］]】"
PAIRS = dict(zip(OPEN, CLOSE))
CN_NUM = "一二三四五六七八九十百零〇两"

# 文号: 川办函〔2023〕29号, 郑政文[2023]62号, 荆职转办发（2023）8号
DOC_NUMBER = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,14}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号")
DOC_NUMBER_LINE = re.compile(r"^" + DOC_NUMBER.pattern + r"$")
# a full date, possibly in brackets: （2023年5月4日）
FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
DATE_PAREN_END = re.compile(r"[（(]((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日[）)]$")
DATE_LINE = re.compile(r"^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$")
TITLE_WORDS = re.compile(
    r"关于|通知|意见|方案|办法|措施|要点|决定|规定|条例|公告|清单|计划|细则|举措|指引|规则|通告|批复|函|制度|任务|标准|规范|发布")
SENTENCE_END = "。！？"
