"""Check Cypher statements with Neo4j's own linter (npm @neo4j-cypher/language-support, run by node).

A development tool beside the package (it needs node and `npm ci` in this folder, which CI runs):
statements are checked against the graph schema of policykg/schema/graph.py, with every
$parameter declared. The tests import it from here.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from policykg.analysis.query_library import library
from policykg.graph.stores import neo4j_store
from policykg.schema.graph import linter_schema

LINTER = Path(__file__).resolve().with_name("lint.mjs")
PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# example values by parameter name: the linter only needs each declared
EXAMPLE_VALUES = {"rows": [], "docs": [], "as_of": "2023-11-22"}


def shipped_statements() -> dict[str, str]:
    """Every Neo4j statement the project ships or generates: the query library, the load statements
    and the report's queries."""
    from policykg.analysis.report.data import QUERIES

    statements = {f"query:{q.name}": q.neo4j for q in library().values()}
    statements.update({f"load:{i}": s for i, s in enumerate(neo4j_store.all_statements())})
    statements.update({f"report:{name}": s for name, s in QUERIES.items()})
    return statements


def lint(statements: dict[str, str]) -> dict[str, list[dict]]:
    """Diagnostics per statement id (empty lists when clean)."""
    names = {p for text in statements.values() for p in PARAM.findall(text)}
    schema = linter_schema({name: EXAMPLE_VALUES.get(name, "") for name in sorted(names)})
    payload = json.dumps({"schema": schema, "statements": [{"id": k, "query": v} for k, v in statements.items()]},
                         ensure_ascii=False)
    run = subprocess.run(["node", str(LINTER)], input=payload, capture_output=True, text=True,
                         cwd=LINTER.parent, check=True)
    return {item["id"]: item["diagnostics"] for item in json.loads(run.stdout)}
