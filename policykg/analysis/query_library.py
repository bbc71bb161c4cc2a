"""The analysts' query library: `analysis/queries/NAME.cypher` files with a header comment saying what
each answers, its parameters and an example; `NAME.embedded.cypher` beside one holds the embedded
store's variant where the two dialects cannot share a text."""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from policykg.errors import PolicyKGError
from policykg.lexicon.official import normal_number
from policykg.schema.models import Model

HEADER = re.compile(r"^//\s*(answers|params|example):\s*(.*)$")
PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
DOC_NUMBER_PARAMS = ("doc", "doc_number")  # a 文号 (or part of a title), matched on doc_number_key
GRAPH_PREFIX = "graph_"  # queries returning paths, to view in Bloom or Browser


class Query(Model):
    name: str
    answers: str
    params: str
    example: str
    neo4j: str
    embedded: str

    @property
    def parameters(self) -> list[str]:
        return sorted(set(PARAM.findall(self.neo4j)) | set(PARAM.findall(self.embedded)))

    @property
    def returns_graph(self) -> bool:
        return self.name.startswith(GRAPH_PREFIX)

    def text(self, store: str) -> str:
        return self.embedded if store == "embedded" else self.neo4j

    def bind(self, params: dict[str, Any]) -> dict[str, Any]:
        """The parameters checked against the query's (E605 missing, E606 unknown, with a suggestion),
        文号 in one bracket form (郑政文[2023]62号 -> 郑政文〔2023〕62号)."""
        known = self.parameters
        for name in params:
            if name not in known:
                raise PolicyKGError("E606", self.name, name=name, hint=suggestion(name, known),
                                    known=", ".join(known) or "none")
        for name in known:
            if name not in params:
                raise PolicyKGError("E605", self.name, name=name, known=", ".join(known))
        return {k: normal_number(v) if k in DOC_NUMBER_PARAMS and isinstance(v, str) else v
                for k, v in params.items()}


def suggestion(name: str, known) -> str:
    """": did you mean 'x'?" for the closest known name, or nothing."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return f": did you mean '{close[0]}'?" if close else ""


def parse_header(text: str) -> dict[str, str]:
    fields = {}
    for line in text.splitlines():
        match = HEADER.match(line.strip())
        if match:
            fields[match.group(1)] = match.group(2).strip()
    return fields


@lru_cache(maxsize=1)
def library() -> dict[str, Query]:
    folder = resources.files("policykg.analysis").joinpath("queries")
    files = {f.name: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".cypher")}
    queries = {}
    for name, text in sorted(files.items()):
        if name.endswith(".embedded.cypher"):
            continue
        stem = name[: -len(".cypher")]
        header = parse_header(text)
        queries[stem] = Query(name=stem, answers=header.get("answers", ""), params=header.get("params", ""),
                              example=header.get("example", ""), neo4j=text,
                              embedded=files.get(f"{stem}.embedded.cypher", text))
    return queries


def get(name: str) -> Query:
    """The library query of that name (E604, with the closest name, when there is none)."""
    try:
        return library()[name]
    except KeyError:
        raise PolicyKGError("E604", name, name=name, hint=suggestion(name, library())) from None


def run(reader, query_name: str, /, **params) -> list[dict]:
    """Run a library query on a reader (embedded or Neo4j); rows as dicts."""
    query = get(query_name)
    columns, rows = reader.run(query.text(reader.store), query.bind(params))
    return [dict(zip(columns, row)) for row in rows]
