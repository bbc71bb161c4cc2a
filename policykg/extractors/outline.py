"""Stage 4b, outline: a document body into blocks, one per outline item (一、/（一）/1./（1）/①/第N条),
each knowing its label, its path in the outline and the lines it came from.

Lines are joined without separators (PDF lines break mid-word); a marker line with no sentence
punctuation that is shorter than the body's usual line is a heading, and the text after it starts
an unlabelled block under it.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from policykg.lexicon.official import CN_DATE, DATE_LINE, complete_title
from policykg.schema import Line
from policykg.schema.models import Model

MARKERS: list[tuple[str, re.Pattern]] = [
    ("chapter", re.compile(r"^第[一二三四五六七八九十百零]+[章节]")),
    ("article", re.compile(r"^第[一二三四五六七八九十百零]+条")),
    ("cn", re.compile(r"^[一二三四五六七八九十]+[、．.](?!\d)")),
    ("cn_paren", re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    ("num", re.compile(r"^\d{1,3}(?:[、．]|\.(?!\d))")),
    ("num_paren", re.compile(r"^[（(]\d{1,3}[）)]")),
    ("circled", re.compile(r"^[①-⑳]")),
]
HEADING_PUNCT = re.compile(r"[。；;！？：:，,]")
LABEL_CHARS = re.compile(r"[（()）、．.第章节条]")
MAX_HEADLINE_CHARS = 20  # a sentence ending within this many characters is a broken headline, not a heading
MAX_HEADLINE_LINES = 4
BROKEN_HEADLINE_KINDS = ("num", "num_paren", "circled")
# a line that goes on with the sentence above it: it opens with a mark that cannot start one, or with
# a title that follows the words before it ("制定" + "《…》", "《A》" + "《B》")
CONTINUATION = re.compile(r"^[，,、；;：:。）)》〉”’《]")
# the words after a date that make it part of a sentence ("2023年6月30日" + "前完成")
DATE_GOES_ON = re.compile(r"^[，,、；;。）)]|^(?:前|以前|之前|起|止|至|到|后|内)")


class Block(Model):
    """One outline item or paragraph: its label as written ("1", "（三）"), path and text."""

    label: str = ""
    kind: str = ""
    path: tuple[str, ...] = ()
    heading: bool = False
    text: str
    lines: tuple[Line, ...]
    offsets: tuple[int, ...]  # offset in `text` where each line starts

    def lines_for(self, start: int, end: int) -> tuple[Line, ...]:
        """The source lines covering text[start:end]."""
        first = max(0, bisect_right(self.offsets, start) - 1)
        last = max(first, bisect_right(self.offsets, max(start, end - 1)) - 1)
        return self.lines[first:last + 1]


def marker(text: str) -> tuple[str, str] | None:
    for kind, pattern in MARKERS:
        match = pattern.match(text)
        if match:
            return kind, match.group(0)
    return None


def label_of(raw: str, kind: str) -> str:
    return raw if kind in ("cn_paren", "num_paren", "chapter", "article") else LABEL_CHARS.sub("", raw)


def is_heading(kind: str, rest: str, following: tuple[Line, ...]) -> bool:
    """Whether an item's first line is a heading: no sentence punctuation, and not a sentence
    broken over lines ("16．推动土地出让合同、" + …): the text does not end in a list separator,
    and an arabic-numbered item ("11.推进" + "“信易贷”" + "扩大信用贷款。") reaches no sentence end
    within a headline's length on the lines after it (一、/（一） headings may be that short)."""
    if HEADING_PUNCT.search(rest) or rest.endswith(("、", "和", "及", "与")):
        return False
    if kind not in BROKEN_HEADLINE_KINDS:
        return True
    if following and CONTINUATION.match(following[0].text):
        return False
    joined = rest
    for line in following[:MAX_HEADLINE_LINES]:
        if marker(line.text):
            return True
        joined += line.text
        end = re.search(r"[。；;！？]", joined)
        if end:
            return end.start() > MAX_HEADLINE_CHARS
        if len(joined) > MAX_HEADLINE_CHARS:
            return True
    return True


def standalone_date(text: str, following: str) -> bool:
    """A line that is only a date (a signature's 成文日期) and is not the start of a sentence going on
    below it: it ends the paragraph above, so a signature never runs into the text after it."""
    return bool(DATE_LINE.match(text) or CN_DATE.fullmatch(text)) and not DATE_GOES_ON.match(following)


# the kinds of blocks that stand apart from the outline: they hold no obligation
STANDALONE_TITLE, STANDALONE_DATE = "title", "date"
STANDALONE = (STANDALONE_TITLE, STANDALONE_DATE)
SENTENCE_END = re.compile(r"[。！？；;]$")
JOINS_ON = re.compile(r"^(?:和|及|与|或|并|等|以及)")  # "…目录清单" + "和…名单": a list going on, not a title
OBLIGATION = re.compile(r"要|应当|必须|须")
PLAN_END = re.compile(r"举措$")  # "…八大举措": a plan word of compilations, beside the 文种 words of complete titles
MAX_TITLE_LINES = 3


def title_lines(parts: list[str], text: str, following: str, width: int) -> int:
    """How many of the block's last lines, with this line, make a title standing on its own (the
    enclosed plan's "…工作方案" after the notice): short lines without punctuation after a sentence
    end that read as a finished title; 0 when they do not."""
    for count in range(min(MAX_TITLE_LINES - 1, len(parts)) + 1):
        lines = [*parts[len(parts) - count:], text]
        before = parts[len(parts) - count - 1] if count < len(parts) else "。"
        title = "".join(lines)
        if any(HEADING_PUNCT.search(t) or len(t) >= width for t in lines):
            return 0
        if (SENTENCE_END.search(before) and (complete_title(title) or PLAN_END.search(title)) and not OBLIGATION.search(title)
                and not CONTINUATION.match(following) and not JOINS_ON.match(following)):
            return count + 1
    return 0


def typical_width(lines: tuple[Line, ...]) -> int:
    widths = sorted(len(line.text) for line in lines)
    return widths[int(len(widths) * 0.9)] if widths else 0


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.stack: list[tuple[str, str]] = []  # (kind, label) of open outline levels
        self.current: dict | None = None

    def open(self, kind: str, label: str, line: Line, text: str) -> None:
        self.close()
        if kind:
            kinds = [k for k, _ in self.stack]
            if kind in kinds:
                del self.stack[kinds.index(kind):]
            self.stack.append((kind, label))
        self.current = {"label": label, "kind": kind, "path": tuple(lab for _, lab in self.stack),
                        "parts": [], "lines": [], "heading": False}
        self.add(line, text)

    def add(self, line: Line, text: str) -> None:
        if self.current is None:
            self.open("", "", line, text)
            return
        self.current["parts"].append(text)
        self.current["lines"].append(line)

    def split_title(self, count: int, line: Line, text: str) -> None:
        """The block's last `count` lines and this one are a title: a heading block of their own."""
        parts, lines = (self.current["parts"], self.current["lines"]) if self.current else ([], [])
        kept = len(parts) - count
        title = [*zip(lines[kept:], parts[kept:]), (line, text)]
        del parts[kept:], lines[kept:]
        if not parts:
            self.current = None
        (first, first_text), rest = title[0], title[1:]
        self.open("", "", first, first_text)
        for source, part in rest:
            self.add(source, part)
        self.standalone(STANDALONE_TITLE)

    def standalone(self, kind: str) -> None:
        """Close the block as a heading of its own kind (a title, a signature date), under no label."""
        self.current.update(heading=True, kind=kind)
        self.close()

    def close(self) -> None:
        if not self.current:
            return
        offsets, total = [], 0
        for part in self.current["parts"]:
            offsets.append(total)
            total += len(part)
        self.blocks.append(Block(
            label=self.current["label"], kind=self.current["kind"], path=self.current["path"],
            heading=self.current["heading"], text="".join(self.current["parts"]),
            lines=tuple(self.current["lines"]), offsets=tuple(offsets)))
        self.current = None


def outline(lines: tuple[Line, ...]) -> list[Block]:
    """Split body lines into outline blocks."""
    width = typical_width(lines)
    build = _Builder()
    pending_marker: tuple[str, str] | None = None
    for index, line in enumerate(lines):
        text = line.text
        found = marker(text)
        if line.cells:  # a task-table row is an item of its own
            kind, raw = found or ("row", "")
            build.open(kind, label_of(raw, kind), line, text[len(raw):])
            build.close()
            pending_marker = None
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if not found and not pending_marker and standalone_date(text, following):
            build.open("", "", line, text)
            build.standalone(STANDALONE_DATE)
            continue
        if not found and not pending_marker:
            current = build.current or {"kind": "", "parts": []}
            count = title_lines(current["parts"][1:] if current["kind"] else current["parts"], text, following, width)
            if count:
                build.split_title(count - 1, line, text)
                continue
        if pending_marker and not found:
            kind, raw = pending_marker
            build.open(kind, label_of(raw, kind), line, text)
            pending_marker = None
        elif found:
            kind, raw = found
            rest = text[len(raw):]
            if not rest.strip():
                pending_marker = found
                continue
            build.open(kind, label_of(raw, kind), line, rest)
            if is_heading(kind, rest, lines[index + 1:]) and (len(text) < 0.75 * width or marker(following)):
                build.current["heading"] = True
                build.close()
        else:
            build.add(line, text)
    build.close()
    return build.blocks
