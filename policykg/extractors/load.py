"""Stage 1, load: a file on disk to its raw text (UTF-8, then GB18030)."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from policykg.errors import PolicyKGError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
PDF_SUFFIXES = (".pdf",)
SUFFIXES = TEXT_SUFFIXES + PDF_SUFFIXES


class RawText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    encoding: str
    text: str


def decode(data: bytes, path: str) -> RawText:
    """Decode bytes as UTF-8 (BOM allowed), else GB18030; raise a coded error naming the file."""
    if not data.strip():
        raise PolicyKGError("E001", path)
    if b"\x00" in data:
        raise PolicyKGError("E002", path)
    try:
        return RawText(path=path, encoding="utf-8", text=data.decode("utf-8-sig"))
    except UnicodeDecodeError as utf8_error:
        try:
            return RawText(path=path, encoding="gb18030", text=data.decode("gb18030"))
        except UnicodeDecodeError:
            raise PolicyKGError("E003", path, offset=utf8_error.start) from None


def load(path: Path, password: str | None = None, jobs: int = 1) -> RawText:
    """Read one file: a PDF through pdfplumber, anything else as text."""
    if path.suffix.lower() in PDF_SUFFIXES:
        from policykg.extractors.pdf import load_pdf

        return load_pdf(path, password, jobs)
    return load_text(path)


def load_text(path: Path) -> RawText:
    """Read one .txt/.md file."""
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise PolicyKGError("E006", str(path), suffix=path.suffix)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PolicyKGError("E005", str(path), reason=exc.strerror or str(exc)) from None
    return decode(data, str(path))


def discover(inputs: list[Path]) -> tuple[list[Path], list[PolicyKGError]]:
    """Expand folders into their text files (sorted); missing paths become errors."""
    files: list[Path] = []
    missing: list[PolicyKGError] = []
    for item in inputs:
        if item.is_dir():
            files += sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif item.exists():
            files.append(item)
        else:
            missing.append(PolicyKGError("E007", str(item)))
    return files, missing
