"""Brackets: the pairs a document uses, bracket depth and matching, each in one linear pass."""
from __future__ import annotations

OPEN = "（(〔［[【"
CLOSE = "）)〕］]】"
PAIRS = dict(zip(OPEN, CLOSE))
OPEN_CLASS = "[（(〔［\\[【]"
CLOSE_CLASS = "[）)〕］\\]】]"
# every bracket form a 文号's year may take, mapped to 〔〕 (the GB/T 9704 form)
TO_HEXAGONAL = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "(": "〔", ")": "〕",
                              "（": "〔", "）": "〕", "【": "〔", "】": "〕", "{": "〔", "}": "〕",
                              "﹝": "〔", "﹞": "〕", "〈": "〔", "〉": "〕", "「": "〔", "」": "〕"})
# every bracket form mapped to full-width round brackets (unit names: 各县（市、区）)
TO_ROUND = str.maketrans({"〔": "（", "〕": "）", "(": "（", ")": "）", "［": "（", "］": "）", "[": "（", "]": "）",
                          "【": "（", "】": "）"})


def depths(text: str) -> list[int]:
    """The bracket depth before each character of `text` (a stray closing bracket is ignored)."""
    out, depth = [], 0
    for char in text:
        out.append(depth)
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
    return out


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
    """Split on separators that are not inside brackets; parts stripped, empty parts dropped."""
    parts, start = [], 0
    for index, depth in enumerate(depths(text)):
        if depth == 0 and text[index] in separators:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p for p in (part.strip() for part in parts) if p]


def first_top_level(text: str, chars: str) -> int:
    """Index of the first of `chars` outside brackets, or -1."""
    depth = depths(text)
    return next((i for i, char in enumerate(text) if char in chars and depth[i] == 0), -1)
