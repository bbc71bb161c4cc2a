"""Web pages saved from government sites (lxml): the document's text without the site around it.

In order: the page decoded (UTF-8 when its bytes are, else its declared charset, else as text files
are), a traditional-character page converted to simplified (OpenCC); links to attachment files
recorded; the metadata table (索引号, 发文机关, 发文字号, 成文日期, 发布日期, 主题分类, 标题) read into
the metadata and taken out, the head's <meta name="ArticleTitle"> and its like filling what it does
not state; site chrome dropped (menus, headers, footers, breadcrumbs, share and print bars); the
title found; the main text found as the smallest element holding most of the page's text outside
links (never inside a task table); its blocks become lines and its tables rows (a task table typed
rows). A line's number is its position among the lines the reader yields."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import lxml.etree
import lxml.html

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions, read_bytes
from policykg.extractors.readers.chinese import to_simplified
from policykg.extractors.readers.tables import numbered, task_table, whole_table
from policykg.extractors.readers.text import decode
from policykg.lexicon.official import METADATA_KEYS, TITLE_WORDS
from policykg.schema import SourceText

CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
CHARSET_NAMES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

# metadata label as sites write it (whitespace removed: "索 引 号" is 索引号) -> the field it fills
FIELD_OF = {name: names[0] for names in METADATA_KEYS for name in names if not name.isascii()}
LABELS = "|".join(sorted(FIELD_OF, key=len, reverse=True))
OWN_LABEL = re.compile(rf"^({LABELS})(?:[:：](.*))?$", re.S)
LABEL_IN_TEXT = re.compile(rf"({LABELS})[:：]")
OTHER_LABEL = re.compile(r"\s+[^\s:：\d]{1,8}[:：]|[【\[]")  # where a value ends: "来源：…", "【字体…】"

CHROME_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select",
               "button", "object", "svg", "template")
# class/id words of site chrome, matched as whole words of the attribute
CHROME_WORDS = {"nav", "navbar", "menu", "menus", "footer", "foot", "header", "head", "banner", "breadcrumb",
                "crumb", "crumbs", "position", "location", "share", "print", "toolbar", "tools", "sidebar", "side",
                "copyright", "search", "topbar", "login", "friendlink", "links", "related", "recommend",
                "comment", "comments", "bottom", "top", "fontsize", "qrcode"}
WORD = re.compile(r"[a-z]+")
# a line made only of chrome words: 【打印本页】【关闭窗口】, 字号：大 中 小, 分享到…
CHROME_TOKENS = re.compile(r"打印本页|打印此页|打印正文|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏本页|加入收藏|收藏|分享到|"
                           r"分享|字号|字体|默认|扫一扫在手机打开当前页|[大中小]|[【】\[\]\s|丨:：/]")
CHROME_LINE = re.compile(r"^(当前位置|您现在的位置|您的位置|所在位置|来源|信息来源|文章来源|浏览次数|访问次数|点击数|阅读次数|"
                         r"责任编辑)[:：]|^首页\s*[>＞»]")
BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
              "dl", "dt", "dd", "blockquote", "center", "pre", "address", "figure", "figcaption", "tr", "td", "th",
              "table", "tbody", "thead", "tfoot", "caption", "hr", "body"}
ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ofd", ".zip", ".rar", ".7z",
                       ".txt", ".ppt", ".pptx")
OUTLINE_LABEL = re.compile(r"^([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百]+[章节条])")
MAIN_SHARE = 0.7  # descend into a child holding at least this share of its parent's text
MAX_SPAN = 1000
MAX_VALUE = 300  # characters of a metadata value
MIN_DOCUMENT_CHARS = 30  # Chinese characters outside links below which a page holds no document


def page_text(data: bytes, path: str, charset: str | None = None) -> tuple[str, str]:
    """The page decoded as UTF-8 when its bytes are UTF-8 whatever it declares (a page re-saved by a
    browser or a crawler keeps its old meta; GBK text is practically never valid UTF-8), else with
    the charset its container states (a web archive's part) or its meta declares when that works,
    else as a text file."""
    try:
        if not data.isascii():
            return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    meta = CHARSET.search(data[:4096])
    for declared in filter(None, (charset, meta and meta.group(1).decode("ascii"))):
        name = CHARSET_NAMES.get(declared.lower(), declared.lower())
        try:
            return data.decode(name).lstrip("\ufeff"), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def attachments(root) -> tuple[str, ...]:
    """Links to files (PDF, Word, Excel, OFD, archives), as written in the page, in order."""
    links = (a.get("href", "").strip() for a in root.iter("a"))
    return tuple(dict.fromkeys(href for href in links
                               if unquote(urlparse(href).path).lower().endswith(ATTACHMENT_SUFFIXES)))


def cut(element) -> None:
    """Remove an element and its tail text."""
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def own_text(element) -> str:
    return "".join((element.text or "").split())


def value_after(element) -> tuple[str, list]:
    """The value following a bare label element: its tail text, else the next element's short text."""
    tail = squeeze(element.tail or "")
    if tail:
        element.tail = None
        return tail, []
    following = element.getnext()
    value = squeeze(following.text_content()) if following is not None else ""
    return (value, [following]) if 0 < len(value) <= MAX_VALUE else ("", [])


def metadata(root) -> dict[str, str]:
    """The page's metadata fields (label and value in one element, or a bare label and the value after
    it); the elements read are taken out of the page."""
    fields: dict[str, str] = {}
    done: list = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not (element.text or "").strip() or element in done:
            continue
        label = OWN_LABEL.match(own_text(element))
        if not label or len(element.text_content()) > MAX_VALUE:
            continue
        text = squeeze(element.text_content())
        pairs, extra = split_fields(text), []
        if not pairs and re.sub(r"[\s:：]", "", text) == label.group(1):
            value, extra = value_after(element)
            pairs = [(FIELD_OF[label.group(1)], value)] if value else []
        for field, value in pairs:
            fields.setdefault(field, value)
        if pairs:
            done += [element, *extra]
    for element in done:
        cut(element)
    return fields


# <meta name="ArticleTitle" content="…">: the fields content systems (TRS and its like) put in a page's head
META_FIELDS = {"articletitle": "标题", "pubdate": "发布日期", "firstpublishedtime": "发布日期"}


def head_fields(root) -> dict[str, str]:
    """The metadata a page's head states in <meta name=… content=…> tags."""
    fields: dict[str, str] = {}
    for meta in root.iter("meta"):
        field = META_FIELDS.get((meta.get("name") or "").strip().lower())
        value = squeeze(meta.get("content") or "")
        if field and value and len(value) <= MAX_VALUE:
            fields.setdefault(field, value)
    return fields


def split_fields(text: str) -> list[tuple[str, str]]:
    """"发文字号：郑政文〔2023〕62号 成文日期：2023-04-19" as its fields."""
    starts = list(LABEL_IN_TEXT.finditer(text))
    pairs = []
    for k, match in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        value = OTHER_LABEL.split(text[match.end():end], maxsplit=1)[0].strip()
        if value:
            pairs.append((FIELD_OF[match.group(1)], value))
    return pairs


def chrome(element) -> bool:
    if element.tag in CHROME_TAGS:
        return True
    names = element.get("class", "") + " " + element.get("id", "")
    return bool(names.strip()) and any(word in CHROME_WORDS for word in WORD.findall(names.lower()))


def weight(text: str | None) -> int:
    """How much text a string holds: its characters outside ASCII (Chinese and its punctuation)."""
    return len(text) - len(text.encode("ascii", "ignore")) if text else 0


def text_weights(root) -> dict:
    """The weight of the text outside links in each element's subtree."""
    weights = {}

    def weigh(element) -> int:
        inside = 0 if element.tag == "a" else weight(element.text)
        for child in element:
            inside += (weigh(child) if isinstance(child.tag, str) else 0) + weight(child.tail)
        weights[element] = inside
        return inside

    weigh(root)
    return weights


def drop_chrome(body) -> dict:
    """Take out site chrome, never an element that holds most of the page's text; the weights of
    what is left."""
    weights = text_weights(body)
    half = 0.5 * weights[body]
    for element in [e for e in body.iter() if isinstance(e.tag, str) and e is not body and chrome(e)]:
        if weights[element] >= half:
            continue
        for ancestor in element.iterancestors():
            if ancestor not in weights:
                break  # above the body
            weights[ancestor] -= weights[element] + weight(element.tail)
        cut(element)
    return weights


def main_element(body, weights: dict):
    """The smallest element holding most of the text outside links; never inside a task table (a
    long one holds most of its page's text, the notice around it belongs to the document)."""
    node = body
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        best = max(children, key=weights.__getitem__, default=None)
        if best is None or weights[best] < MAIN_SHARE * weights[node] or \
                (best.tag == "table" and task_table(grid(best))):
            return node, weights[node]
        node = best


def title_of(body, root, fields: dict[str, str]) -> str | None:
    """The metadata's 标题, else the first heading that reads as a title (taken out of the page; not
    an outline heading such as "二、主要任务"), else the <title> up to its site name."""
    for element in body.xpath("//h1|//h2|//h3|//*[contains(@class,'title') or contains(@id,'title')]"):
        text = squeeze(element.text_content())
        if TITLE_WORDS.search(text) and "。" not in text and 4 <= len(text) <= 160 and not OUTLINE_LABEL.match(text):
            cut(element)
            return fields.get("标题") or text
    heads = root.xpath("//title")
    site_title = re.split(r"\s*[-_|—–]+\s*", squeeze(heads[0].text_content()))[0] if heads else ""
    return fields.get("标题") or (site_title if TITLE_WORDS.search(site_title) else None)


def span(cell, name: str) -> int:
    value = (cell.get(name) or "1").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def grid(table) -> list[list[str]]:
    """A table's rows of cell texts, a cell spanning rows or columns repeated in each."""
    rows, spans = [], {}  # column -> (rows still to fill, text)
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row: list[str] = []
        for cell in tr.xpath("./td|./th"):
            fill_spans(row, spans, upto=None)
            text, rowspan = squeeze(broken_text(cell)), span(cell, "rowspan")
            for _ in range(span(cell, "colspan")):
                if rowspan > 1:
                    spans[len(row)] = (rowspan - 1, text)
                row.append(text)
        fill_spans(row, spans, upto=max(spans, default=-1) + 1)
        rows.append(row)
    return rows


def broken_text(element) -> str:
    """An element's text with a line break at each <br> and around each block (a cell's units one per
    <p> or <br>), where text_content() glues them."""
    out = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            inner = broken_text(child)
            out.append(f"\n{inner}\n" if child.tag in BLOCK_TAGS or child.tag == "br" else inner)
        out.append(child.tail or "")
    return "".join(out)


def fill_spans(row: list[str], spans: dict, upto: int | None) -> None:
    """Continue the cells spanning down into this row at its next columns (up to `upto`, when given:
    the columns before it that no cell of the row took are empty)."""
    while len(row) in spans or (upto is not None and len(row) < upto):
        left, text = spans.pop(len(row), (0, ""))
        if left > 1:
            spans[len(row)] = (left - 1, text)
        row.append(text)


def data_table(node, rows: list[list[str]]) -> bool:
    """A table of rows and columns, not a layout table wrapping the page (one column, or tables inside)."""
    return len(rows) > 1 and max(map(len, rows)) > 1 and not node.xpath(".//table")


Item = tuple[str, tuple]


def blocks(element) -> list[Item]:
    """An element's text as lines (one per block, <br> breaking lines) and its tables as rows."""
    out: list[Item] = []
    pending: list[str] = []

    def flush() -> None:
        text = squeeze("".join(pending))
        pending.clear()
        if text:
            out.append((text, ()))

    def walk(node, top: bool = False) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        rows = grid(node) if tag == "table" else []
        if rows and data_table(node, rows):
            flush()
            out.extend((text, cells) for _, text, cells in whole_table(rows))
        elif tag == "br":
            flush()
        elif tag:
            block = tag in BLOCK_TAGS
            if block:
                flush()
            pending.append(node.text or "")
            for child in node:
                walk(child)
            if block:
                flush()
        if not top:
            pending.append(node.tail or "")

    walk(element, top=True)
    flush()
    return out


def chrome_line(text: str) -> bool:
    return not CHROME_TOKENS.sub("", text) or bool(CHROME_LINE.match(text))


def parse(text: str, path: str) -> tuple[list[Item], dict[str, str], tuple[str, ...]]:
    """The document's lines, metadata and attachment links of a page's text."""
    try:
        root = lxml.html.document_fromstring(XML_DECLARATION.sub("", text))
    except lxml.etree.ParserError:  # only comments, or a declaration
        raise PolicyKGError("E610", path) from None
    links = attachments(root)
    fields = {**head_fields(root), **metadata(root)}
    body = root.find("body") if root.find("body") is not None else root
    weights = drop_chrome(body)
    title = title_of(body, root, fields)
    main, held = main_element(body, weights)
    if held < MIN_DOCUMENT_CHARS:
        raise PolicyKGError("E610", path)
    items = [item for item in blocks(main) if item[1] or not chrome_line(item[0])]
    if title and (not items or items[0][0].replace(" ", "") != title.replace(" ", "")):
        items.insert(0, (title, ()))
    return items, fields, links


def read_html(path: Path, options: ReadOptions) -> SourceText:
    """A saved web page's document: lines, metadata and attachment links; coded errors for an empty
    page or one without a document."""
    return page_source(read_bytes(path), str(path))


def page_source(data: bytes, path: str, charset: str | None = None, kind: str = "html") -> SourceText:
    """The document of a page's bytes (a file's, or a web archive's part: `charset` as its container
    states it, `kind` naming the container in the encoding)."""
    text, encoding = page_text(data, path, charset)
    text, converted = to_simplified(text)
    items, fields, links = parse(text, path)
    return SourceText(path=path, encoding=f"{kind}/{encoding}" + ("+t2s" if converted else ""),
                      lines=numbered(items),
                      metadata=fields, attachments=links)
