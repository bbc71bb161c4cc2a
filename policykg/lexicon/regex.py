"""Regex helpers for word lists."""
from __future__ import annotations

import re


def alternation(words) -> str:
    """A regex alternation of words, longest first (so 牵头单位 wins over 牵头)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))
