"""Brackets: the pairs a document uses, bracket depth and matching, each in one linear pass."""
from __future__ import annotations

OPEN = "（(〔［[【"
CLOSE = "）)〕］]】"
PAIRS = dict(zip(OPEN, CLOSE))
QUOTES_OPEN, QUOTES_CLOSE = "“‘「『", "”’」』"  # a quoted name ("“双随机、一公开”") is one piece of a list
OPEN_CLASS = "[（(〔［\\[【]"
CLOSE_CLASS = "[）)〕］\\]】]"
# every bracket form a 文号's year may take, mapped to 〔〕 (the GB/T 9704 form)
TO_HEXAGONAL = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "(": "〔", ")": "〕",
                              "（": "〔", "）": "〕", "【": "〔", "】": "〕", "{": "〔", "}": "〕",
                              "﹝": "〔", "﹞": "〕", "〈": "〔", "〉": "〕", "「": "〔", "」": "〕"})
# every bracket form mapped to full-width round brackets (unit names: 各县（市、区）)
TO_ROUND = str.maketrans({"〔": "（", "〕": "）", "(": "（", ")": "）", "［": "（", "］": "）", "[": "（", "]": "）",
                          "【": "（", "】": "）"})


def depths(text: str, opening: str = OPEN, closing: str = CLOSE) -> list[int]:
    """The bracket depth before each character of `text` (a stray closing bracket is ignored)."""
    out, depth = [], 0
    for char in text:
        out.append(depth)
        if char in opening:
            depth += 1
        elif char in closing:
            depth = max(0, depth - 1)
    return out


def list_depths(text: str) -> list[int]:
    """Depths for splitting a list: quotation marks nest like brackets when they pair up in the text
    (a quote the PDF lost leaves the brackets alone to count)."""
    quoted = depths(text + " ", OPEN + QUOTES_OPEN, CLOSE + QUOTES_CLOSE)
    balanced = quoted[-1] == depths(text + " ")[-1]
    return quoted[:-1] if balanced else depths(text)


def closing_positions(text: str) -> dict[int, int]:
    """For each opening bracket, the index just past the bracket that closes it (len(text) when
    none does). One pass with a stack, so a text of nested or unclosed brackets stays linear."""
    found: dict[int, int] = {}
    stack: list[int] = []
    for index, char in enumerate(text):
        if char in OPEN:
            stack.append(index)
        elif char in CLOSE and stack:
            found[stack.pop()] = index + 1
    found.update((index, len(text)) for index in stack)
    return found


def split_top_level(text: str, separators: str) -> list[str]:
    """Split on separators that are not inside brackets or quotes; parts stripped, empty parts dropped."""
    parts, start = [], 0
    for index, depth in enumerate(list_depths(text)):
        if depth == 0 and text[index] in separators:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p for p in (part.strip() for part in parts) if p]


def first_top_level(text: str, chars: str) -> int:
    """Index of the first of `chars` outside brackets, or -1."""
    depth = depths(text)
    return next((i for i, char in enumerate(text) if char in chars and depth[i] == 0), -1)
