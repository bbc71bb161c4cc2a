"""The query sandbox: only statements that read the graph reach a store.

A small tokenizer skips string literals and comments, joins dotted names (`apoc.load.json`,
`n.title`, back-quoted parts unquoted) into one token, and the classifier refuses a statement holding any
clause that writes, touches files or the network, or changes the session: what a read-only
database still allows (LOAD FROM, COPY … TO, CHECKPOINT, ATTACH, extensions) is caught here.
It fails closed: text it cannot tokenize (an unclosed string or comment) is refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.errors import PolicyKGError

PART = r"(?:[A-Za-z_][A-Za-z0-9_]*|`[^`]*`)"  # a name, or a back-quoted one (`read_csv` calls read_csv)
TOKEN = re.compile(rf"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<unclosed>/\*)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`[^`]*`(?!\s*\.))
  | (?P<name>{PART}(?:\s*\.\s*{PART})*)
  | (?P<other>[^'"`])
""", re.VERBOSE | re.DOTALL)

# a clause keyword, anywhere outside strings and comments, and why it is refused
REFUSED_KEYWORDS = {
    **dict.fromkeys(("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "RENAME",
                     "FOREACH", "GRANT", "DENY", "REVOKE", "START", "STOP", "TERMINATE"), "writes to the database"),
    **dict.fromkeys(("COPY", "EXPORT", "IMPORT"), "reads or writes files"),
    "LOAD": "reads files (LOAD FROM, LOAD CSV) or loads an extension",
    "ATTACH": "attaches another database",
    **dict.fromkeys(("INSTALL", "UNINSTALL", "UPDATE"), "installs or updates an extension"),
    "CHECKPOINT": "rewrites the database files",
    **dict.fromkeys(("BEGIN", "COMMIT", "ROLLBACK", "TRANSACTION", "TRANSACTIONS"), "controls transactions"),
}
# ladybug functions (CALL or scalar) that read files or hold state
EMBEDDED_FILE_FUNCTIONS = re.compile(r"^(READ_\w+|FILE_INFO|COPY_\w+|_\w+)$", re.IGNORECASE)
# read-only table functions of the embedded store (schema and version information)
EMBEDDED_CALLS = frozenset({
    "SHOW_TABLES", "TABLE_INFO", "SHOW_CONNECTION", "SHOW_FUNCTIONS", "SHOW_INDEXES", "SHOW_MACROS",
    "SHOW_SEQUENCES", "SHOW_WARNINGS", "CURRENT_SETTING", "DB_VERSION", "STORAGE_VERSION", "CATALOG_VERSION",
    "SHOW_LOADED_EXTENSIONS", "SHOW_ATTACHED_DATABASES", "SHOW_PROJECTED_GRAPHS", "SHOW_GRAPHS",
})
# Neo4j procedures and functions that touch files or the network, or run other statement text
NEO4J_FILE_PROCEDURES = re.compile(
    r"^(apoc\.(load|export|import|cypher|periodic|trigger|systemdb|log|spatial|custom)\.|dbms\.)", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    kind: str  # name (dotted parts joined, back-quotes removed), quoted (one back-quoted name), other
    text: str
    line: int


def tokens(cypher: str) -> list[Token]:
    """Names and punctuation of a statement; strings and comments dropped."""
    out, position, line = [], 0, 1
    while position < len(cypher):
        match = TOKEN.match(cypher, position)
        if match is None or match.lastgroup == "unclosed":  # an unclosed string, back-quoted name or comment
            raise refusal("E602", line, reason="an unclosed string, name or comment")
        kind = match.lastgroup
        if kind in ("name", "quoted", "other"):
            out.append(Token(kind, name_text(match.group()) if kind != "other" else match.group(), line))
        line += match.group().count("\n")
        position = match.end()
    return out


def name_text(text: str) -> str:
    """`apoc . `load` . json` → apoc.load.json"""
    return ".".join(part.strip().strip("`") for part in re.findall(rf"\s*{PART}\s*", text))


def refusal(code: str, line: int, **fields) -> PolicyKGError:
    return PolicyKGError(code, "query", line, **fields)


def check(cypher: str, store: str, allow_file_procedures: bool = False) -> None:
    """Raise a coded error (E601–E603) unless the statement only reads the graph.

    `store` is "embedded" or "neo4j"; `allow_file_procedures` lets LOAD CSV and the file and
    network procedures (apoc.load.*, apoc.export.*, …) through on Neo4j, never on the embedded store."""
    found = tokens(cypher)
    for index, token in enumerate(found):
        if token.kind == "other":
            continue
        before = found[index - 1].text if index else ""
        after = found[index + 1].text if index + 1 < len(found) else ""
        if before in (":", "$") or before.upper() == "AS" or after == ":":  # a label, type, parameter,
            continue  # alias, variable or map key: a name, not a clause
        word = token.text.upper()
        clause = token.kind == "name" and word in REFUSED_KEYWORDS  # `CREATE` back-quoted is a name
        if clause and not allowed_load_csv(found, index, store, allow_file_procedures):
            raise refusal("E601", token.line, clause=word, reason=REFUSED_KEYWORDS[word])
        if before.upper() == "CALL" or after == "(":
            check_routine(token, store, allow_file_procedures, called=before.upper() == "CALL")


def allowed_load_csv(found: list[Token], index: int, store: str, allow: bool) -> bool:
    following = found[index + 1].text.upper() if index + 1 < len(found) else ""
    return allow and store == "neo4j" and found[index].text.upper() == "LOAD" and following == "CSV"


def check_routine(token: Token, store: str, allow_file_procedures: bool, called: bool) -> None:
    """A procedure (after CALL) or function (before its parenthesis)."""
    name = token.text
    if store == "neo4j":
        if NEO4J_FILE_PROCEDURES.match(name) and not allow_file_procedures:
            raise refusal("E603", token.line, name=name, hint=" (--allow-file-procedures lets it run on Neo4j)")
        return
    if EMBEDDED_FILE_FUNCTIONS.match(name) or (called and name.upper() not in EMBEDDED_CALLS):
        raise refusal("E603", token.line, name=name, hint="")
