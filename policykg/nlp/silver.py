"""Silver training data: the unit lists of the corpus's annotations projected onto running text.

Every unit named in a responsibility annotation anywhere in the corpus becomes a gazetteer
phrase; each running-text sentence (annotations cut out) gets AGENCY spans where a phrase occurs.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterator

from policykg.extractors.annotations import find_annotations
from policykg.extractors.clean import clean
from policykg.extractors.header import parse_header
from policykg.extractors.outline import outline
from policykg.extractors.readers import discover, read
from policykg.extractors.segment import segment
from policykg.lexicon.sentences import STATEMENT as SENTENCE
from policykg.schema import Document

MIN_SENTENCE = 8


def gazetteer(documents: list[Document]) -> list[str]:
    """Unit names written in the corpus's annotations (and sentence starts found by the rules)."""
    names = {u.mention for d in documents for t in d.tasks for u in t.units}
    return sorted(n for n in names if 2 <= len(n) <= 20 and not re.search(r"[，。；：“”]|等.", n))


def running_sentences(inputs: list[Path]) -> Iterator[tuple[str, str]]:
    """(document key, sentence) for every running-text sentence of the inputs, annotations removed."""
    files, _ = discover(inputs)
    for path in files:
        for seg in segment(clean(read(path))):
            header = parse_header(seg)
            key = header.title or f"{path.name}:{seg.heading[0].line_no}"
            for block in outline(seg.body[header.body_start:header.body_end]):
                text = block.text
                for annotation in reversed(find_annotations(text)):
                    text = text[:annotation.start] + "。" + text[annotation.end:]
                for sentence in SENTENCE.findall(text):
                    sentence = sentence.strip("。；")
                    if len(sentence) >= MIN_SENTENCE:
                        yield key, sentence + "。"


def held_out(key: str, seed: int, share: float = 0.2) -> bool:
    """Whether a document belongs to the held-out split (stable for a seed)."""
    digest = hashlib.sha1(f"{seed}:{key}".encode("utf-8")).digest()
    return digest[0] / 256 < share


def label(sentence: str, pattern: re.Pattern | None) -> list[tuple[int, int]]:
    """Character spans of gazetteer phrases in a sentence, longest first, no overlaps."""
    if pattern is None:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(sentence)]


def phrase_pattern(phrases: list[str]) -> re.Pattern | None:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None
