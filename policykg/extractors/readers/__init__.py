"""Stage 1, read: a file to its lines with provenance (file, line, page, box, part) and its task
tables as typed rows, through one registry of readers by file type.

A reader is `read(path, options) -> SourceText`. The registry names each reader by module and
function, so a format's library is imported only when a file of that type is read.
"""
from __future__ import annotations

import re
import stat
import zipfile
from importlib import import_module
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.schema import SourceText
from policykg.schema.models import Model


class ReadOptions(Model):
    """What a reader may need besides the path: a PDF password, parallel jobs, when to OCR."""

    password: str | None = None
    jobs: int = 1
    ocr: str = "auto"


# suffix -> "module:function" of its reader
READERS: dict[str, str] = {
    ".txt": "policykg.extractors.readers.text:read_text",
    ".text": "policykg.extractors.readers.text:read_text",
    ".md": "policykg.extractors.readers.text:read_text",
    ".markdown": "policykg.extractors.readers.text:read_text",
    ".pdf": "policykg.extractors.readers.pdf:read_pdf",
    ".html": "policykg.extractors.readers.html:read_html",
    ".htm": "policykg.extractors.readers.html:read_html",
    ".shtml": "policykg.extractors.readers.html:read_html",
    ".xhtml": "policykg.extractors.readers.html:read_html",
    ".mht": "policykg.extractors.readers.mhtml:read_mhtml",
    ".mhtml": "policykg.extractors.readers.mhtml:read_mhtml",
    ".docx": "policykg.extractors.readers.docx:read_docx",
    ".doc": "policykg.extractors.readers.msdoc:read_doc",
    ".wps": "policykg.extractors.readers.msdoc:read_doc",
    ".rtf": "policykg.extractors.readers.rtf:read_rtf",
    ".xlsx": "policykg.extractors.readers.xlsx:read_xlsx",
    ".xlsm": "policykg.extractors.readers.xlsx:read_xlsx",
    ".xls": "policykg.extractors.readers.xlsx:read_xlsx",
    ".et": "policykg.extractors.readers.xlsx:read_xlsx",
    ".ofd": "policykg.extractors.readers.ofd:read_ofd",
}

ZIP_MAGIC = b"PK\x03\x04"
MARKUP = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|table)\b", re.I | re.S)
# a MIME message whose headers make it a multipart/related: a saved web archive (also under .doc or .html)
WEB_ARCHIVE = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:[ \t]*multipart/related", re.I)
RTF_MAGIC = b"{\\rtf"
PACKAGE_PARTS = ((".docx", "word/"), (".xlsx", "xl/"), (".ofd", "OFD.xml"))
PACKAGE_SUFFIXES = (".docx", ".xlsx", ".xlsm", ".ofd")
SNIFF_BYTES = 2048


def content_type(path: Path) -> str | None:
    """The suffix a file's bytes show, whatever its name: a PDF ("%PDF" near the start), an Office or
    OFD package (a zip by its parts), a web page (markup from the first tag), a web archive (MIME
    headers), an RTF file ("{\\rtf"); None otherwise."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return None
    if b"%PDF-" in head[:1024]:
        return ".pdf"
    if MARKUP.match(head):
        return ".html"
    if WEB_ARCHIVE.match(head):
        return ".mht"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF_MAGIC):
        return ".rtf"
    if head.startswith(ZIP_MAGIC) and path.suffix.lower() not in PACKAGE_SUFFIXES:  # a package's own name trusted
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return None
        return next((suffix for suffix, part in PACKAGE_PARTS if any(n.startswith(part) for n in names)), None)
    return None


def reader_for(path: Path):
    """The reader function of a file's type, its bytes winning over its name (a .docx that is a saved
    web page, an .xlsx named .xls); a coded error naming the file when there is none."""
    suffix = path.suffix.lower()
    shown = content_type(path)
    if shown and READERS[shown] != READERS.get(suffix):
        suffix = shown
    if suffix not in READERS:
        raise PolicyKGError("E006", str(path), suffix=path.suffix, known=", ".join(sorted(READERS)))
    module, _, function = READERS[suffix].partition(":")
    return getattr(import_module(module), function)


def read(path: Path, options: ReadOptions | None = None) -> SourceText:
    """Read one file with the reader of its type."""
    return reader_for(path)(path, options or ReadOptions())


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes; coded errors for what cannot be read (never blocks on a FIFO)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise PolicyKGError("E005", str(path), reason=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(mode):
        raise PolicyKGError("E009", str(path))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PolicyKGError("E005", str(path), reason=exc.strerror or str(exc)) from None


PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
RESOURCE_FOLDER = re.compile(r"(.+)[._]files$")  # a browser's "save page, complete": page.html + page_files/


def page_resources(folder: Path) -> bool:
    """Whether a folder holds the resources a browser saved beside a page (scripts, styles, framed
    pages of the site): not documents."""
    name = RESOURCE_FOLDER.match(folder.name)
    return bool(name) and any((folder.parent / (name.group(1) + suffix)).exists() for suffix in PAGE_SUFFIXES)


def discover(inputs: list[Path]) -> tuple[list[Path], list[PolicyKGError]]:
    """Expand folders into their readable files (sorted), leaving out the resource folders of saved
    web pages; missing paths, dangling links and symlink loops become errors naming the path."""
    files: list[Path] = []
    problems: list[PolicyKGError] = []
    for item in inputs:
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                if any(page_resources(item / folder) for folder in path.relative_to(item).parents[:-1]):
                    continue
                if path.is_symlink() and not path.exists():
                    problems.append(PolicyKGError("E010", str(path)))
                elif path.is_file() and path.suffix.lower() in READERS:
                    files.append(path)
        elif item.exists():
            files.append(item)
        else:
            problems.append(PolicyKGError("E010" if item.is_symlink() else "E007", str(item)))
    return files, problems
