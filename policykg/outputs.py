"""Output paths checked before any work starts: a file or a folder we can write, else a coded error."""
from __future__ import annotations

import tempfile
from pathlib import Path

from policykg.errors import PolicyKGError


def nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def can_create_in(folder: Path, path: Path, option: str) -> None:
    """The folder that will hold the output (or its nearest existing ancestor) accepts a new file."""
    base = nearest_existing(folder)
    if not base.is_dir():
        raise PolicyKGError("E801", str(path), option=option, problem=f"{base} is a file, not a folder")
    try:
        with tempfile.TemporaryFile(dir=base):
            pass
    except OSError as exc:
        raise PolicyKGError("E801", str(path), option=option,
                            problem=f"cannot write in {base} ({exc.strerror or exc})") from None


def writable_file(path: Path, option: str, replaced: bool = False) -> None:
    """`path` can be written as a file: not a folder, in a folder we can write, and (unless it is
    `replaced` by a new file) writable itself if it exists."""
    path = Path(path)
    if path.is_dir():
        raise PolicyKGError("E801", str(path), option=option, problem="is a folder, expected a file")
    can_create_in(path.parent, path, option)
    if path.exists() and not replaced:
        try:
            path.open("r+b").close()
        except OSError as exc:
            raise PolicyKGError("E801", str(path), option=option,
                                problem=f"cannot write it ({exc.strerror or exc})") from None


def writable_folder(path: Path, option: str) -> None:
    """`path` is (or can become) a folder we can write in."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise PolicyKGError("E801", str(path), option=option, problem="is a file, expected a folder")
    can_create_in(path, path, option)
