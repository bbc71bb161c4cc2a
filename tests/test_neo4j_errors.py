"""Neo4j errors in build, report and query: one coded line, exit 2, and the password nowhere — not in
stdout, not in stderr, not in the driver's debug log — for every way a connection fails. The real
driver talks to a closed port or to tests/bolt_server.py."""
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bolt_server import CONSTRAINT, HELLO, NO_DATABASE, RUN, UNAUTHORIZED, BoltServer

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "pk-Test-S3cret-7319"
BEGIN = 0x11
# the CLI with the driver's debug log on stderr, so the log is checked too
WITH_LOG = ("import logging, sys; logging.basicConfig(level=logging.DEBUG); sys.argv[0] = 'policykg'; "
            "from policykg.cli import app; app()")
# the driver itself fails with the password among its locals: the traceback must not show them
WITH_FAILING_DRIVER = ("import sys, neo4j; sys.argv[0] = 'policykg'\n"
                       "def driver(uri, auth):\n    raise RuntimeError('driver broke')\n"
                       "neo4j.GraphDatabase.driver = driver\nfrom policykg.cli import app; app()")


def closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"bolt://127.0.0.1:{s.getsockname()[1]}"


SERVERS = {  # which message the server fails, and how
    "E304": lambda signature, message: UNAUTHORIZED if signature == HELLO else None,
    "E305": lambda signature, message: NO_DATABASE if signature in (RUN, BEGIN) else None,
    "E306": lambda signature, message: CONSTRAINT if signature == RUN and b"MERGE" in message else None,
}
COMMANDS = {
    "build": ["build", str(ROOT / "examples" / "zhengzhou_2023_work_points.txt"), "--neo4j", "--no-ner"],
    "report": ["report", "--neo4j", "--out", "{tmp}"],
    "query": ["query", "--neo4j", "MATCH (n) RETURN count(n) AS nodes"],
}
CASES = [  # (code, NEO4J_URI or a server, commands, what the line says)
    ("E301", None, ["build", "report", "query"], r"NEO4J_URI: not set: export NEO4J_URI="),
    ("E302", f"neo4j://neo4j:{PASSWORD}@localhost:7687", ["query"], r"neo4j://localhost:7687: NEO4J_URI is not"),
    ("E302", "http://localhost:7474", ["query"], r"http://localhost:7474: NEO4J_URI is not a Neo4j address"),
    ("E303", "closed", ["build", "report", "query"], r"bolt://127\.0\.0\.1:\d+: cannot reach Neo4j"),
    ("E304", "server", ["build", "report", "query"], r"refused the credentials of user 'analyst'"),
    ("E305", "server", ["build", "report", "query"], r"no database 'policy'"),
    ("E306", "server", ["build"], r"constraint was violated \(Node\(12\) already exists"),
]


def run(script: str, args: list[str], uri: str | None, tmp_path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update({"NEO4J_PASSWORD": PASSWORD, "NEO4J_USERNAME": "analyst", "NEO4J_DATABASE": "policy"})
    env.update({"NEO4J_URI": uri} if uri else {})
    command = [sys.executable, "-c", script, *(a.format(tmp=tmp_path) for a in args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)


@pytest.mark.parametrize("code,uri,command,says", [(c, u, cmd, s) for c, u, cmds, s in CASES for cmd in cmds],
                         ids=lambda v: v if isinstance(v, str) and len(v) < 8 else None)
def test_each_connection_error_is_one_coded_line_without_the_password(code, uri, command, says, tmp_path):
    server = BoltServer(SERVERS[code]) if uri == "server" else None
    address = server.address if server else closed_port() if uri == "closed" else uri
    try:
        result = run(WITH_LOG, COMMANDS[command], address, tmp_path)
    finally:
        if server:
            server.close()
    assert result.returncode == 2, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("error [")]
    assert len(lines) == 1 and re.match(rf"error \[{code}\] .*{says}", lines[0]), lines
    assert "Traceback" not in result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    if uri in ("closed", "server"):
        assert "DEBUG:neo4j" in result.stderr  # the driver's log was on, and clean


def test_a_traceback_shows_no_locals(tmp_path):
    result = run(WITH_FAILING_DRIVER, COMMANDS["query"], "bolt://localhost:7687", tmp_path)
    assert result.returncode == 1 and "RuntimeError" in result.stderr and "driver broke" in result.stderr
    assert PASSWORD not in result.stdout + result.stderr
