"""Every user-facing message, with a code (as in spaCy's errors module)."""
from __future__ import annotations


class Errors:
    E001 = "empty file"
    E002 = "binary file (NUL bytes): not a text document"
    E003 = "cannot decode as UTF-8 or GB18030 (first bad byte at offset {offset})"
    E004 = "no policy document recognised in the text"
    E005 = "cannot read file: {reason}"
    E006 = "unsupported file type '{suffix}' (expected .txt or .md)"
    E007 = "no such file or folder"
    E100 = "failed to parse document: {reason}"


class PolicyKGError(Exception):
    """An input problem with a code; the run records it and goes on with the other inputs."""

    def __init__(self, code: str, path: str, line: int | None = None, **fields):
        self.code = code
        self.path = path
        self.line = line
        self.message = getattr(Errors, code).format(**fields)
        where = f"{path}:{line}" if line else path
        super().__init__(f"[{code}] {where}: {self.message}")
