"""The spaCy pipeline: characters per second over the corpus's running text, and an ablation of
actor extraction — rules only, statistical NER only, both — on the held-out silver split and on
the dev gold (score.py --include-optional).

Usage: python benchmarks/ner.py [CORPUS_DIR]
"""
from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from policykg.graph.export import write_jsonl
from policykg.nlp.actors import obligations, pipeline
from policykg.nlp.silver import (
    gazetteer,
    held_out,
    label,
    phrase_pattern,
    running_sentences,
)
from policykg.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
SEED = 13
VARIANTS = {"rules only": (True, False), "NER only": (False, True), "rules + NER": (True, True)}


def speed(sentences: list[str]) -> None:
    chars = sum(map(len, sentences))
    obligations(sentences[:10])
    for jobs in (1, 2):
        start = time.perf_counter()
        obligations(sentences, jobs=jobs)
        took = time.perf_counter() - start
        print(f"pipeline, jobs={jobs}: {chars / took:,.0f} characters/s ({chars:,} characters, {len(sentences):,} "
              f"sentences, {took:.1f} s)")


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"


def held_out_ablation(corpus: Path) -> None:
    """AGENCY spans against the silver labels of the held-out documents."""
    documents = list(extract([corpus], ner=False).documents)
    pattern = phrase_pattern(gazetteer(documents))
    dev = {}
    for key, sentence in running_sentences([corpus]):
        if held_out(key, SEED):
            dev[sentence] = set(label(sentence, pattern))
    texts = list(dev)
    for name, (rules, model) in VARIANTS.items():
        tp = fp = fn = 0
        for doc in pipeline(rules, model).pipe(texts, batch_size=1000):
            found = {(e.start_char, e.end_char) for e in doc.ents}
            gold = dev[doc.text]
            tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        print(f"held-out silver ({len(texts)} sentences), {name:<12} {prf(tp, fp, fn)}")


def gold_ablation(corpus: Path, scorer: Path, gold: Path) -> None:
    variants = {"extractor rules, no pipeline": False}
    variants.update({name: functools.partial(obligations, use_rules=r, use_model=m) for name, (r, m) in VARIANTS.items()})
    with tempfile.TemporaryDirectory() as work:
        for name, ner in variants.items():
            out = Path(work) / "out.jsonl"
            write_jsonl(extract([corpus], ner=ner).documents, out)
            rows = {}
            for optional in (True, False):
                report = Path(work) / "score.json"
                args = [sys.executable, str(scorer), str(out), str(gold), "--json", str(report)]
                subprocess.run(args + (["--include-optional"] if optional else []), check=True, capture_output=True)
                rows[optional] = json.loads(report.read_text(encoding="utf-8"))
            units, tasks = rows[True]["units"], rows[True]["tasks"]
            print(f"gold, {name:<28} with optional: tasks F1 {tasks['f1']:.3f}, units P {units['precision']:.3f} "
                  f"R {units['recall']:.3f} F1 {units['f1']:.3f} (tp {units['tp']}); required only: tasks F1 "
                  f"{rows[False]['tasks']['f1']:.3f}, units F1 {rows[False]['units']['f1']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    shared = args.corpus.parent
    speed([s for _, s in running_sentences([args.corpus])])
    held_out_ablation(args.corpus)
    gold_ablation(args.corpus, shared / "eval" / "score.py", shared / "eval" / "gold")


if __name__ == "__main__":
    main()
