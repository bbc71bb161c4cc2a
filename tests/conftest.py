"""Shared fixtures: the real corpus and gold beside the repository (../shared), extracted once."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from policykg.errors import PolicyKGError
from policykg.extractors.readers import read
from policykg.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "cypher-lint"))  # the Cypher linter, a development tool (cypherlint)
SHARED = Path(os.environ.get("POLICYKG_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "eval" / "gold"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set POLICYKG_SHARED)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_result(corpus_dir):
    return extract([corpus_dir])


@pytest.fixture(scope="session")
def corpus_documents(corpus_result):
    return list(corpus_result.documents)


def corpus_lines(name: str, start: int, end: int) -> str:
    """Lines start..end (1-based, inclusive) of a corpus file, as they stand in the file."""
    path = next(CORPUS.glob(f"{name}*"))
    return "\n".join(path.read_text(encoding="utf-8").splitlines()[start - 1:end])


@pytest.fixture(scope="session")
def corpus_graph(corpus_documents):
    from policykg.graph.build import build_graph

    return build_graph(corpus_documents)


@pytest.fixture(scope="session")
def corpus_db(corpus_graph, tmp_path_factory):
    """The corpus built into an embedded database file."""
    from policykg.graph.stores.embedded import build

    path = tmp_path_factory.mktemp("db") / "corpus.lbug"
    build(corpus_graph, path)
    return path


def reported_beside(bad: Path, good: Path, code: str) -> None:
    """A bad file gives its coded error naming it, and a good file beside it is still extracted."""
    with pytest.raises(PolicyKGError) as error:
        read(bad)
    assert error.value.code == code and str(bad) in str(error.value)
    result = extract([bad, good], ner=False)
    assert [(e.code, e.path) for e in result.errors] == [(code, str(bad))] and len(result.documents) == 1
