"""Every Cypher statement the project ships or generates passes Neo4j's own linter."""
import shutil

import pytest

from cypherlint import LINTER, lint, shipped_statements

pytestmark = pytest.mark.skipif(not (LINTER.parent / "node_modules").is_dir() or not shutil.which("node"),
                                reason="linter not installed: run 'npm ci' in tools/cypher-lint")


def test_shipped_statements_are_clean():
    statements = shipped_statements()
    assert len(statements) >= 40
    problems = {k: v for k, v in lint(statements).items() if v}
    assert problems == {}


def test_the_linter_catches_what_it_should():
    found = lint({"typo": "MATCH (d:Documnt) RETURN d.titel", "syntax": "MATCH (d:Document RETURN d",
                  "embedded-only": "MATCH (t:Task) RETURN date_part('year', t.due_date)"})
    assert found["typo"] and all(d["severity"] == 2 for d in found["typo"])
    assert any(d["severity"] == 1 for d in found["syntax"])
    assert any(d["severity"] == 1 for d in found["embedded-only"])
