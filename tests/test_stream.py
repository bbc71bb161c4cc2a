"""Streaming extraction: `policykg extract` writes each file's documents as they come and merges
duplicates at the end; its JSONL must equal the in-memory extraction's, duplicates included."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

from policykg.graph.duplicates import Spill, merge_duplicates
from policykg.graph.export import write_jsonl
from policykg.schema.record import DocumentRecord
from policykg.pipeline import ExtractOptions, InProcess, ProcessPool, extract, extract_file, stream


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def test_streamed_jsonl_of_the_corpus_equals_the_in_memory_extraction(corpus_dir, corpus_documents, tmp_path):
    out = tmp_path / "corpus.jsonl"
    run = subprocess.run([sys.executable, "-m", "policykg", "extract", str(corpus_dir), "--out", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    streamed = lines_of(out)
    assert streamed == [json.loads(DocumentRecord.of(d).model_dump_json()) for d in corpus_documents]
    merged = [d for d in streamed if len(d["sources"]) > 1]
    assert merged, "the corpus has documents in two files: the rewrite must have run"
    tasks = sum(len(d["tasks"]) for d in streamed)
    assert f"{len(streamed)} documents, {tasks} tasks" in run.stderr


def test_a_duplicate_first_in_the_inputs_keeps_its_place(corpus_dir, tmp_path):
    """The markdown copy of a volume's document, given before the volume and twice: one merged record
    at the first copy's place, as the in-memory merge orders it."""
    single = next(corpus_dir.glob("002_*"))
    copy = tmp_path / "copy.md"
    shutil.copy(single, copy)
    inputs = [copy, next(corpus_dir.glob("000_*")), single]
    documents = [d for result in stream(inputs, ExtractOptions(ner=False)) for d in result.documents]
    out = tmp_path / "out.jsonl"
    written = write_jsonl(iter(documents), out)
    expected = [json.loads(DocumentRecord.of(d).model_dump_json()) for d in merge_duplicates(documents)]
    assert lines_of(out) == json.loads(json.dumps(expected, ensure_ascii=False))
    assert written.documents == len(expected) < len(documents)
    assert written.tasks == sum(len(d["tasks"]) for d in expected)
    assert len(lines_of(out)[0]["sources"]) == 3


def test_spilled_documents_come_back_equal(corpus_dir, tmp_path):
    documents = extract_file(next(corpus_dir.glob("002_*")), ExtractOptions(ner=False)).documents
    with Spill(tmp_path) as spill:
        for doc in documents:
            spill.add(doc)
        assert [spill.load(i) for i in range(len(documents))] == list(documents)


def test_process_pool_yields_in_input_order(corpus_dir):
    files = sorted(corpus_dir.glob("*.txt"))
    serial = list(InProcess().map(_rules_only, files))
    pooled = list(ProcessPool(2, window=2).map(_rules_only, files))
    assert [r.path for r in pooled] == [r.path for r in serial] == [str(p) for p in files]
    assert [len(r.documents) for r in pooled] == [len(r.documents) for r in serial]


def _rules_only(path: Path):
    return extract_file(path, ExtractOptions(ner=False))


def test_missing_inputs_are_reported_and_the_stream_goes_on(corpus_dir, tmp_path):
    results = list(stream([tmp_path / "absent.txt", next(corpus_dir.glob("002_*"))], ExtractOptions(ner=False)))
    assert [e.code for e in results[0].errors] == ["E007"] and not results[0].documents
    assert results[1].documents and not results[1].errors
    assert extract([tmp_path / "absent.txt"]).errors[0].code == "E007"
