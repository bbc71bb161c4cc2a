"""The analysts' query library: `graph/queries/NAME.cypher` files with a header comment saying what
each answers, its parameters and an example; `NAME.embedded.cypher` beside one holds the embedded
store's variant where the two dialects cannot share a text."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from policykg.schema.models import Model

HEADER = re.compile(r"^//\s*(answers|params|example):\s*(.*)$")
PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


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

    def text(self, store: str) -> str:
        return self.embedded if store == "embedded" else self.neo4j


def parse_header(text: str) -> dict[str, str]:
    fields = {}
    for line in text.splitlines():
        match = HEADER.match(line.strip())
        if match:
            fields[match.group(1)] = match.group(2).strip()
    return fields


@lru_cache(maxsize=1)
def library() -> dict[str, Query]:
    folder = resources.files("policykg.graph").joinpath("queries")
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
    try:
        return library()[name]
    except KeyError:
        raise KeyError(f"no query named {name!r}; known: {', '.join(library())}") from None


def run(reader, query_name: str, /, **params) -> list[dict]:
    """Run a library query on a reader (embedded or Neo4j); rows as dicts."""
    columns, rows = reader.run(get(query_name).text(reader.store), params)
    return [dict(zip(columns, row)) for row in rows]
