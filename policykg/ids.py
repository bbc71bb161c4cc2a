"""Stable keys: a hash of normalised content, so that the same input always gets the same id."""
from __future__ import annotations

import hashlib


def stable_id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
