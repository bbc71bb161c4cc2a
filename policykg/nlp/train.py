"""Train the statistical agency NER on silver data and package the whole pipeline.

Reproducible: a fixed seed for the split (by document) and for training. The trained pipeline
(blank zh, character tokens) goes to policykg/nlp/model, shipped inside the package.
"""
from __future__ import annotations

import random
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans

from policykg.nlp import components  # noqa: F401  (registers the factories)
from policykg.nlp.silver import (
    gazetteer,
    held_out,
    label,
    phrase_pattern,
    running_sentences,
)
from policykg.pipeline import extract

MODEL_DIR = Path(__file__).with_name("model")
NEGATIVE_SHARE_OF_ALL = 0.1  # share of the sentences without any agency that training keeps

# small on purpose: characters are tokens, and the pipeline must read ~200k characters a second
CONFIG_OVERRIDES = {
    "components.tok2vec.model.embed.width": 32,
    "components.tok2vec.model.embed.attrs": ["NORM", "SHAPE"],
    "components.tok2vec.model.embed.rows": [3000, 200],
    "components.tok2vec.model.encode.width": 32,
    "components.tok2vec.model.encode.depth": 1,
    "components.ner.model.hidden_width": 16,
    "components.ner.model.maxout_pieces": 1,
    "training.max_epochs": 20,
    "training.patience": 1600,
    "training.eval_frequency": 400,
}


def docbin(nlp, items: list[tuple[str, list[tuple[int, int]]]]) -> DocBin:
    bin_ = DocBin()
    for text, spans in items:
        doc = nlp.make_doc(text)
        ents = [doc.char_span(a, b, label=components.AGENCY, alignment_mode="contract") for a, b in spans]
        doc.ents = filter_spans([e for e in ents if e is not None])
        bin_.add(doc)
    return bin_


def silver_split(inputs: list[Path], seed: int):
    result = extract(inputs, ner=False)  # annotation units only: the silver data must not come from the model
    if result.errors:
        raise RuntimeError(f"cannot build silver data: {result.errors[0].message} ({result.errors[0].path})")
    documents = list(result.documents)
    phrases = gazetteer(documents)
    pattern = phrase_pattern(phrases)
    rng = random.Random(seed)
    train, dev, seen = [], [], set()
    for key, sentence in running_sentences(inputs):
        if sentence in seen:  # a document present in two files counts once
            continue
        seen.add(sentence)
        spans = label(sentence, pattern)
        if not spans and rng.random() > NEGATIVE_SHARE_OF_ALL:
            continue
        (dev if held_out(key, seed) else train).append((sentence, spans))
    return phrases, train, dev


def base_config() -> spacy.Config:
    from spacy.cli.init_config import init_config

    config = init_config(lang="zh", pipeline=["ner"], optimize="efficiency")
    for dotted, value in CONFIG_OVERRIDES.items():
        section = config
        *parents, leaf = dotted.split(".")
        for part in parents:
            section = section[part]
        section[leaf] = value
    return config


def train(inputs: list[Path], out: Path = MODEL_DIR, seed: int = 13, max_epochs: int | None = None,
          limit: int | None = None) -> dict:
    """Train on the silver data of `inputs`; write the packaged pipeline to `out`; return split sizes.
    `max_epochs` and `limit` (sentences per split) make a quick run for smoke tests."""
    from spacy.cli.train import train as spacy_train

    phrases, train_items, dev_items = silver_split(inputs, seed)
    if limit:
        train_items, dev_items = train_items[:limit], dev_items[:limit]
    blank = spacy.blank("zh")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        docbin(blank, train_items).to_disk(work / "train.spacy")
        docbin(blank, dev_items).to_disk(work / "dev.spacy")
        config = base_config()
        config["system"]["seed"] = seed
        config["paths"]["train"] = str(work / "train.spacy")
        config["paths"]["dev"] = str(work / "dev.spacy")
        if max_epochs:
            config["training"]["max_epochs"] = max_epochs
        config.to_disk(work / "config.cfg")
        spacy_train(work / "config.cfg", work / "output", use_gpu=-1)
        nlp = spacy.load(work / "output" / "model-best")
    assemble(nlp, phrases).to_disk(out)
    return {"phrases": len(phrases), "train": len(train_items), "dev": len(dev_items)}


def assemble(nlp, phrases: list[str]):
    """The trained NER with the project's components around it."""
    nlp.add_pipe("sentencizer", first=True, config={"punct_chars": components.SENTENCE_ENDS})
    ruler = nlp.add_pipe("policykg_agency_ruler", before="ner")
    ruler.set_phrases(phrases)
    nlp.add_pipe("policykg_agency_merge", after="ner")
    nlp.add_pipe("policykg_obligation", last=True)
    return nlp
