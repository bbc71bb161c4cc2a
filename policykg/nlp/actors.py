"""The shipped pipeline (policykg/nlp/model), loaded offline, and a batch helper for the extractor."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from policykg.nlp import components  # noqa: F401  (registers the factories)

MODEL_DIR = Path(__file__).with_name("model")
BATCH = 1000


@lru_cache(maxsize=4)
def pipeline(use_rules: bool = True, use_model: bool = True) -> Language:
    """The trained pipeline; the ablations switch off the rule spans or the statistical NER."""
    nlp = spacy.load(MODEL_DIR)
    merge = nlp.get_pipe("policykg_agency_merge")
    merge.use_rules, merge.use_model = use_rules, use_model
    return nlp


def first_obligation(doc) -> dict | None:
    return next((s._.obligation for s in doc.sents if s._.obligation), None)


def _chunk(sentences: list[str], use_rules: bool, use_model: bool) -> list[dict | None]:
    nlp = pipeline(use_rules, use_model)
    return [first_obligation(doc) for doc in nlp.pipe(sentences, batch_size=BATCH)]


def obligations(sentences: list[str], jobs: int = 1, use_rules: bool = True, use_model: bool = True
                ) -> list[dict | None]:
    """For each sentence, the obligation it states (actors, action, deadlines), or None.
    With jobs > 1 the sentences are split between processes that return plain data, not Docs."""
    if jobs <= 1 or len(sentences) < 4 * BATCH:
        return _chunk(sentences, use_rules, use_model)
    size = -(-len(sentences) // jobs)
    parts = [sentences[i:i + size] for i in range(0, len(sentences), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(_chunk, parts, [use_rules] * len(parts), [use_model] * len(parts))
        return [found for part in results for found in part]
