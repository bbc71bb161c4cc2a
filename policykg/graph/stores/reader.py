"""What every read-only store reader shares: `run(cypher, params) -> (columns, rows)` and `with`."""
from __future__ import annotations

from typing import Any


class Reader:
    store = ""

    def run(self, cypher: str, parameters: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
