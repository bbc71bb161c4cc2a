"""Sentences and clauses: where Chinese text ends a sentence."""
from __future__ import annotations

import re

SENTENCE_END = "。！？"
# a sentence: text up to and including its end mark (the last one may have none)
SENTENCE = re.compile(r"[^。！？]+[。！？]?")
# a clause-level sentence for running text, where a semicolon also ends a statement
STATEMENT = re.compile(r"[^。！？；]+[。！？；]?")
CLAUSE_SEPARATORS = "，,；;"


def sentences(text: str) -> list[str]:
    return SENTENCE.findall(text)
