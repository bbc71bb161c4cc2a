"""Office Open XML packages (.docx, .xlsx): opened from their bytes with coded errors for a damaged
zip and for an encrypted file (Office wraps an encrypted package, like an old binary .doc/.xls, in
an OLE compound file)."""
from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import TypeVar

from policykg.errors import PolicyKGError
from policykg.extractors.readers import read_bytes

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
Package = TypeVar("Package")


def open_package(path: Path, opener: Callable[[BytesIO], Package], corrupt: str, encrypted: str,
                 compound: bool = False) -> Package:
    """The package `opener` makes of the file; `encrypted` or `corrupt` (codes) when it cannot.
    `compound`: the opener also reads the format's older binary form (an OLE compound file such
    as .xls), so only an encrypted package inside one is refused."""
    data = read_bytes(path)
    if data.startswith(OLE_MAGIC) and (not compound or encrypted_package(data)):
        raise PolicyKGError(encrypted, str(path))
    try:
        return opener(BytesIO(data))
    except Exception as exc:  # a damaged zip fails in zipfile, zlib, the XML parser or the library
        raise PolicyKGError(corrupt, str(path), reason=f"{type(exc).__name__}: {exc}"[:120]) from None


def encrypted_package(data: bytes) -> bool:
    """Whether a compound file wraps an encrypted Office package."""
    import olefile

    try:
        with olefile.OleFileIO(BytesIO(data)) as ole:
            return ole.exists("EncryptedPackage")
    except OSError:  # a damaged compound file: the opener says so
        return False
