"""Stage 3 for a single document: the elements of GB/T 9704-2012 wherever they stand, whatever the
source (a 公文 PDF, a Word original's text, a web page saved as markdown or HTML).

The head of a document holds, in any order: metadata fields (索引号/发文机关/发文字号/成文日期…),
份号/密级/紧急程度, the issuer mark (one or several issuers over several lines, with "文件"), the
文号 (签发人 on its line or not) and the title over a few lines. Then come 主送, the body, the
signature with its 成文日期 and the 版记, which the header parser reads from the body. Page
numbers and 附注 are dropped wherever they stand. The source's own metadata (front matter, a web
page's table) fills what the text does not state.
"""
from __future__ import annotations

import re

from policykg.extractors.clean import clean_line
from policykg.lexicon.official import (
    BODY_OPENER,
    COPY_NUMBER,
    DATE_PAREN_END,
    DOC_NUMBER,
    GENRE_WORDS,
    ISO_DATE_LINE,
    ISSUER_MARK,
    ITEM_NUMBER,
    MARK_WORD,
    METADATA_FIELD,
    NOTE,
    PAGE_NUMBER,
    SECRECY,
    SIGNED_DATE,
    SIGNER,
    TITLE_WORDS,
    arabic_dates,
    complete_title,
    metadata_key,
    normal_title,
)
from policykg.lexicon.organs import ORGAN_END
from policykg.schema import Line, SourceText
from policykg.schema.models import Model

HEAD_LINES = 24  # the head's elements stand within this many lines
ANCHOR_LINES = 80  # a title the metadata names is looked for within this many lines
MAX_TITLE_LINES = 4
MAX_TITLE_CHARS = 160
MAX_ISSUER_CHARS = 60
SENTENCE_MARKS = re.compile(r"[。；;，,：:！？!?]")
DATE_FIELDS = ("成文日期", "发布日期")
MARK_CHARS = re.compile(r"^[\u4e00-\u9fff（）()]+$")  # issuer names: no digits, marks or signs


def metadata_fields(text: str) -> dict[str, str]:
    """A line of metadata fields ("发文字号：川办发〔2023〕5号", "|索引号|1133…|") as {key: value};
    empty unless the line opens with a field name."""
    found = list(METADATA_FIELD.finditer(text))
    if not found or text[:found[0].start()].strip("|｜ "):
        return {}
    ends = [m.start() for m in found[1:]] + [len(text)]
    values = {metadata_key(m.group(1)): text[m.end():end].strip("|｜ ") for m, end in zip(found, ends)}
    return {key: value for key, value in values.items() if value}


def source_metadata(metadata: dict[str, str]) -> dict[str, str]:
    """The source's metadata under the keys SourceText.metadata uses, values cleaned as lines are."""
    out: dict[str, str] = {}
    for name, value in metadata.items():
        key = metadata_key(name)
        if key and str(value).strip():
            out[key] = clean_line(str(value)) if key != "发文机关" else str(value).strip()
    return out


def stated_fields(lines: list[Line]) -> dict[str, str]:
    """The metadata fields the top lines of a text state, the first statement of each winning."""
    fields: dict[str, str] = {}
    for line in lines[:HEAD_LINES]:
        fields = {**metadata_fields(line.text), **fields}
    return fields


def is_furniture(text: str) -> bool:
    """Page numbers and 附注 ("— 1 —", "（此件公开发布）"): never part of a document's text."""
    return bool(PAGE_NUMBER.match(text) or NOTE.match(text))


def mark_names(lines: list[Line]) -> str:
    """The issuer names of mark lines, "文件" taken off: "市财政局市税务局"."""
    return "".join(ISSUER_MARK.sub(r"\1", line.text) for line in lines if line.text != MARK_WORD)


def is_mark_line(text: str) -> bool:
    """A line that may belong to an issuer mark: short, no 关于, ending with "文件" or with an organ
    word in Chinese words only ("市财政局", "税务局" wrapped from the line above)."""
    return (len(text) <= MAX_ISSUER_CHARS and "关于" not in text and is_title_line(text)
            and bool(MARK_CHARS.match(text)) and (text.endswith(MARK_WORD) or bool(ORGAN_END.search(text))))


def split_mark(run: list[Line], number_follows: bool) -> tuple[list[Line], list[Line]]:
    """Mark-shaped lines at the top into the issuer mark and the title lines after it. Above a 文号
    they are all the mark; else the mark ends with its last "文件" line, and a name wrapped past it
    ("国家税务总局某某市文件" / "税务局")."""
    marked = [i for i, line in enumerate(run) if line.text.endswith(MARK_WORD)]
    if number_follows:
        return run, []
    if not marked:
        return [], run
    end = marked[-1] + 1
    while end < len(run) and not ORGAN_END.search(mark_names(run[:end])):
        end += 1
    return run[:end], run[end:]


def is_title_line(text: str) -> bool:
    return (len(text) <= MAX_TITLE_CHARS and not SENTENCE_MARKS.search(DATE_PAREN_END.sub("", text))
            and not ITEM_NUMBER.match(text) and not BODY_OPENER.match(text) and not date_line(text)
            and not ISO_DATE_LINE.match(text))


def continues(title: list[Line], text: str) -> bool:
    """Whether a title-shaped line may be the next line of the title read so far."""
    joined = "".join(line.text for line in title)
    return not title or (len(title) < MAX_TITLE_LINES and not complete_title(joined) and not joined.endswith("、"))


def date_line(text: str) -> re.Match | None:
    """A 成文日期 line (Arabic or Chinese numerals, a signing body's name glued before it or not)."""
    match = SIGNED_DATE.match(arabic_dates(text))
    if match and match.group("name") and not ORGAN_END.search(match.group("name")):
        return None
    return match


def is_date_only(text: str) -> bool:
    """A line that is only a date: "2023年5月6日", "二〇二三年五月六日", "2023-05-06 10:30"."""
    match = date_line(text)
    return bool(ISO_DATE_LINE.match(text) or (match and not match.group("name")))


def doc_number_line(line: Line) -> Line | None:
    """The line when it opens with a 文号 (a 签发人 after it dropped; other text glued after it, such as
    the 主送, stays for the header parser), else None."""
    text = SIGNER.split(line.text, maxsplit=1)[0]
    if not DOC_NUMBER.match(text):
        return None
    return line if text == line.text else line.model_copy(update={"text": text})


class Layout(Model):
    """A single document as its head states it: metadata fields (in the head, a date shown under the
    title), issuer mark, 文号 line, title lines, and the body (the 文号 line first, as in a volume,
    then everything after the head)."""

    fields: dict[str, str] = {}
    issuer_mark: str | None = None
    number: Line | None = None
    title: tuple[Line, ...] = ()
    body: tuple[Line, ...] = ()


def read_head(lines: list[Line]) -> tuple[Layout, int]:
    """The head's elements from the top of the lines, and the index of the body's first line."""
    fields: dict[str, str] = {}
    run: list[Line] | None = []  # mark-shaped lines at the top, None once split into mark and title
    mark: list[Line] = []
    title: list[Line] = []
    number: Line | None = None
    number_above_title = False
    index = 0
    for index, line in enumerate(lines[:HEAD_LINES]):
        text = line.text
        if metadata_fields(text) or COPY_NUMBER.match(text) or SECRECY.match(text) or SIGNER.match(text):
            continue
        if run is not None and number is None and is_mark_line(text) and not doc_number_line(line):
            run.append(line)
            continue
        if run is not None:
            mark, title, run = *split_mark(run, doc_number_line(line) is not None), None
        if number is None and doc_number_line(line):
            number, number_above_title = doc_number_line(line), not title
        elif title and normal_title(text) == normal_title("".join(line.text for line in title)):
            continue  # the title again, as a web page repeats it over the text
        elif title and is_date_only(text):
            fields.setdefault("成文日期", text)  # a date under the title, as web pages show it
        elif is_title_line(text) and continues(title, text) and (number is None or number_above_title):
            title.append(line)
        else:
            break
    else:
        index = min(len(lines), HEAD_LINES)
    if run:
        mark, title = split_mark(run, False)
    layout = Layout(fields=fields, issuer_mark=mark_names(mark) or None, number=number, title=tuple(title))
    return layout, index


def dated(layout: Layout, fields: dict[str, str]) -> bool:
    """Whether the document states a date: after its title, in a signature, or in its metadata."""
    return (bool(DATE_PAREN_END.search(title_of(layout)))
            or any(date_line(line.text) for line in layout.body) or any(key in fields for key in DATE_FIELDS))


def titled(text: str) -> bool:
    return bool(TITLE_WORDS.search(text) or GENRE_WORDS.search(text))


def head_after_noise(lines: list[Line]) -> tuple[Layout, int]:
    """The head, read on past lines that stopped the reading before it found an issuer mark, a 文号
    or a title with a title word: a web page's navigation and tools ("首页>政务公开",
    "【字体：大中小】"). A sentence (。) ends the search: the body has begun."""
    first, first_start = read_head(lines)
    layout, start = first, first_start
    while not (layout.issuer_mark or layout.number or titled(title_of(layout))):
        if start >= min(len(lines), HEAD_LINES) or "。" in lines[start].text:
            return first, first_start
        offset = start + 1
        layout, start = read_head(lines[offset:])
        start += offset
    return layout, start


def head_at_title(lines: list[Line], layout: Layout, start: int, title: str | None) -> tuple[Layout, int]:
    """The head read from the line where the title the metadata names stands (over one or several
    lines), when the first reading found another title (a page whose text opens with its site's
    sentences)."""
    wanted = normal_title(title)
    if not wanted or normal_title(title_of(layout)) == wanted:
        return layout, start
    for index, line in enumerate(lines[:ANCHOR_LINES]):
        if not normal_title(line.text) or not wanted.startswith(normal_title(line.text)):
            continue
        anchored, end = read_head(lines[index:])
        if normal_title(title_of(anchored)) == wanted:
            return anchored, index + end
    return layout, start


def title_of(layout: Layout) -> str:
    return "".join(line.text for line in layout.title)


def recognise(source: SourceText) -> Layout | None:
    """The source as one document, or None when it shows no title, or a title with neither 文号,
    date, issuer mark nor a title word."""
    lines = [line for line in source.lines if not is_furniture(line.text)]
    fields = {**stated_fields(lines), **source_metadata(source.metadata)}
    layout, start = head_after_noise(lines)
    layout, start = head_at_title(lines, layout, start, fields.get("标题"))
    fields = {**layout.fields, **fields}
    layout = layout.model_copy(update={
        "fields": fields, "body": tuple(([layout.number] if layout.number else []) + lines[start:])})
    title = title_of(layout) or fields.get("标题", "")
    if not title:
        return None
    signals = layout.issuer_mark or layout.number or "发文字号" in fields or titled(title) or dated(layout, fields)
    return layout if signals else None


def has_official_head(source: SourceText) -> bool:
    """Whether the source opens as one official document (an issuer mark, or metadata naming its
    title or 文号), so that numbered headings inside it never split it as a volume."""
    layout, _ = read_head([line for line in source.lines[:HEAD_LINES] if not is_furniture(line.text)])
    fields = {**stated_fields(list(source.lines)), **source_metadata(source.metadata)}
    return bool(layout.issuer_mark) or "标题" in fields or "发文字号" in fields
