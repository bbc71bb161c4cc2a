"""Sentences and clauses: where Chinese text ends a sentence."""
from __future__ import annotations

import re

# a sentence: text up to and including its end mark (the last one may have none)
SENTENCE = re.compile(r"[^。！？]+[。！？]?")
# a clause-level sentence for running text, where a semicolon also ends a statement
STATEMENT = re.compile(r"[^。！？；]+[。！？；]?")
# the marks that end a statement (spaCy's sentencizer and the audit use them too)
STATEMENT_ENDS = ("。", "！", "？", "；")
