"""Every user-facing message, with a code (as in spaCy's errors module)."""
from __future__ import annotations


class Errors:
    E001 = "empty file"
    E002 = "binary file (NUL bytes): not a text document"
    E003 = "cannot decode as UTF-8 or GB18030 (first bad byte at offset {offset})"
    E004 = "no policy document recognised in the text"
    E005 = "cannot read file: {reason}"
    E006 = "unsupported file type '{suffix}' (readable: {known})"
    E007 = "no such file or folder"
    E008 = "'{suffix}' files cannot be read directly: {advice}"
    E009 = "not a regular file (a FIFO, socket or device): not read"
    E010 = "broken symbolic link (dangling, or a loop)"
    E100 = "failed to parse document: {reason}"
    E201 = "encrypted PDF: give its password with --password"
    E202 = "no text layer (scanned images only): OCR needed, and --ocr never was given"
    E203 = "{count} glyphs without a Unicode mapping ((cid:…)): the font cannot be read; OCR or another copy needed"
    E204 = "corrupt or truncated PDF ({reason})"
    E205 = "the PDF has no text"
    E206 = "scanned pages without text: OCR found none"
    E207 = "scanned pages need OCR, and its engine is not installed (rapidocr-onnxruntime, Python < 3.13)"
    E301 = "corrupt or truncated OFD package ({reason})"
    E302 = "not an OFD package: {reason}"
    E303 = "the OFD has no text (nor any that OCR reads on its pictures)"


class PolicyKGError(Exception):
    """An input problem with a code; the run records it and goes on with the other inputs."""

    def __init__(self, code: str, path: str, line: int | None = None, **fields):
        self.code = code
        self.path = path
        self.line = line
        self.message = getattr(Errors, code).format(**fields)
        where = f"{path}:{line}" if line else path
        super().__init__(f"[{code}] {where}: {self.message}")
