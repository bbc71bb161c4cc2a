"""The embedded store (default): a LadybugDB database file on disk that answers Cypher.

A build writes every table to Parquet and bulk-loads it with COPY into a fresh database file
beside the target, then swaps it in: a rebuild is idempotent, a build killed midway leaves
the previous graph intact, and a build that extracted no document keeps it.
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

from policykg.errors import PolicyKGError
from policykg.graph import sandbox
from policykg.graph.model import GraphData
from policykg.graph.stores.reader import Reader
from policykg.outputs import writable_file
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


SIDECARS = (".wal", ".shadow")  # the write-ahead log and checkpoint shadow pages beside a database file
MAGIC = b"LBUG"


def sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDECARS]


def head(path: Path) -> bytes:
    with path.open("rb") as stream:
        return stream.read(len(MAGIC))


def check_target(path: Path, option: str = "--db") -> None:
    """Before any work: the target is a database file (or nothing yet) in a folder we can write."""
    path = Path(path)
    writable_file(path, option, replaced=True)
    if path.is_file() and path.stat().st_size and head(path) != MAGIC:
        raise PolicyKGError("E703", str(path))


def settle(path: Path) -> None:
    """A write interrupted at the target (a .wal or .shadow beside it) is recovered by opening the
    database read-write once; if it cannot be recovered (and no other process holds it), its
    leftovers are removed: the file is about to be replaced."""
    if not path.exists() or not any(p.exists() for p in sidecars(path)):
        return
    try:
        ladybug.Database(str(path)).close()
    except RuntimeError as exc:
        if "lock" in str(exc).lower():  # another process holds it and recovers it
            return
        for leftover in sidecars(path):
            leftover.unlink(missing_ok=True)


def node_counts(path: Path) -> dict[str, int]:
    with EmbeddedReader(path) as reader:
        return {n.label: reader.run(f"MATCH (n:{n.label}) RETURN count(*)")[1][0][0] for n in NODES}


def build(graph: GraphData, path: Path, allow_empty: bool = False) -> None:
    """Write the graph to a new database file at `path`, replacing any previous one atomically.

    A graph without documents does not replace an existing one (E704) unless `allow_empty`."""
    path = Path(path)
    check_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned(path)
    settle(path)
    if path.is_file() and path.stat().st_size and not graph.nodes.get("Document") and not allow_empty:
        counts = ", ".join(f"{label} {n}" for label, n in node_counts(path).items())
        raise PolicyKGError("E704", str(path), counts=counts)
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
        swap(fresh, path)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def swap(fresh: Path, path: Path) -> None:
    """Replace the target with the fresh database: the target's own leftovers go with it."""
    os.replace(fresh, path)
    for mine, theirs in zip(sidecars(fresh), sidecars(path)):
        if mine.exists():
            os.replace(mine, theirs)
        else:
            theirs.unlink(missing_ok=True)


def plain(value: Any) -> Any:
    """A result value with dates as ISO strings, also inside paths, nodes and lists."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def engine_message(exc: Exception) -> str:
    """The engine's reason, without its exception-class prefix, on one line."""
    return " ".join(str(exc).removeprefix("Runtime exception:").split())


class EmbeddedReader(Reader):
    """Read-only Cypher over a built database file: the sandbox lets only reading statements through
    (LadybugDB has no setting that turns off its file functions), and the database, opened
    read-only, refuses writes itself."""

    store = "embedded"

    def __init__(self, path: Path):
        if not Path(path).exists():
            raise PolicyKGError("E701", str(path))
        try:
            self.database = ladybug.Database(str(path), read_only=True)
        except RuntimeError as exc:
            raise PolicyKGError("E702", str(path), reason=engine_message(exc), db=path) from None
        self.connection = ladybug.Connection(self.database)

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        sandbox.check(cypher, self.store)
        result = self.connection.execute(cypher, parameters or {})
        columns = result.get_column_names()
        rows = [[plain(v) for v in row] for row in result.get_all()]
        return columns, rows

    def close(self) -> None:
        self.connection.close()
        self.database.close()

