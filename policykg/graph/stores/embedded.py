"""The embedded store (default): a LadybugDB database file on disk that answers Cypher.

A build writes every table to Parquet and bulk-loads it with COPY into a fresh database file
beside the target, then swaps it in: a rebuild is idempotent, and a build killed midway leaves
the previous graph intact.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa
import pyarrow.parquet as pq

from policykg.graph.model import GraphData
from policykg.graph.stores.reader import Reader
from policykg.schema.graph import NODES, RELS

ARROW_TYPES = {
    "STRING": pa.string(), "DATE": pa.date32(), "BOOLEAN": pa.bool_(), "INT64": pa.int64(), "DOUBLE": pa.float64(),
    "STRING[]": pa.list_(pa.string()), "DATE[]": pa.list_(pa.date32()), "INT64[]": pa.list_(pa.int64()),
}


def ddl() -> list[str]:
    """CREATE statements for every node and relationship table of the schema."""
    statements = []
    for node in NODES:
        columns = ", ".join(f"{name} {kind}" for name, kind in node.properties.items())
        statements.append(f"CREATE NODE TABLE {node.label}({columns}, PRIMARY KEY ({node.key}))")
    for rel in RELS:
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in rel.ends)
        props = "".join(f", {name} {kind}" for name, kind in rel.properties.items())
        statements.append(f"CREATE REL TABLE {rel.type}({ends}{props})")
    return statements


def write_parquet(rows: list[dict[str, Any]], columns: dict[str, str], path: Path) -> None:
    schema = pa.schema([(name, ARROW_TYPES[kind]) for name, kind in columns.items()])
    pq.write_table(pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows], schema=schema), path)


def load(connection: ladybug.Connection, graph: GraphData, staging: Path) -> None:
    for node in NODES:
        rows = graph.nodes.get(node.label, [])
        if rows:
            path = staging / f"{node.label}.parquet"
            write_parquet(rows, node.properties, path)
            connection.execute(f"COPY {node.label} FROM '{path.as_posix()}'")
    for rel in RELS:
        for source, target in rel.ends:
            rows = [r for r in graph.edges.get(rel.type, []) if r["from_label"] == source and r["to_label"] == target]
            if not rows:
                continue
            path = staging / f"{rel.type}_{source}_{target}.parquet"
            write_parquet(rows, {"from": "STRING", "to": "STRING", **rel.properties}, path)
            options = f" (from='{source}', to='{target}')" if len(rel.ends) > 1 else ""
            connection.execute(f"COPY {rel.type} FROM '{path.as_posix()}'{options}")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_abandoned(path: Path) -> None:
    """Work folders of builds that were killed (their process is gone) are removed."""
    for work in path.parent.glob(f".{path.name}.*"):
        owner = work / "pid"
        try:
            pid = int(owner.read_text())
        except (OSError, ValueError):
            pid = None
        young = time.time() - work.stat().st_mtime < 60  # a build may not have written its pid yet
        if (pid is None and not young) or (pid is not None and not alive(pid)):
            shutil.rmtree(work, ignore_errors=True)


def build(graph: GraphData, path: Path) -> None:
    """Write the graph to a new database file at `path`, replacing any previous one atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned(path)
    work = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    (work / "pid").write_text(str(os.getpid()))
    try:
        fresh = work / path.name
        database = ladybug.Database(str(fresh))
        connection = ladybug.Connection(database)
        for statement in ddl():
            connection.execute(statement)
        load(connection, graph, work)
        connection.close()
        database.close()
        os.replace(fresh, path)
        stale_wal = path.with_name(path.name + ".wal")
        if (work / stale_wal.name).exists():
            os.replace(work / stale_wal.name, stale_wal)
        elif stale_wal.exists():
            stale_wal.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def plain(value: Any) -> Any:
    """A result value with dates as ISO strings, also inside paths, nodes and lists."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class EmbeddedReader(Reader):
    """Read-only Cypher over a built database file: writes are refused by the database itself."""

    store = "embedded"

    def __init__(self, path: Path):
        if not Path(path).exists():
            raise FileNotFoundError(f"no graph database at {path}: run 'policykg build' first")
        self.database = ladybug.Database(str(path), read_only=True)
        self.connection = ladybug.Connection(self.database)

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        result = self.connection.execute(cypher, parameters or {})
        columns = result.get_column_names()
        rows = [[plain(v) for v in row] for row in result.get_all()]
        return columns, rows

    def close(self) -> None:
        self.connection.close()
        self.database.close()

