"""Web archives (.mht/.mhtml, "web page, single file", as IE, Edge, Chrome and Word save a page): the
MIME multipart parsed with the standard library's email package, its page (the part the archive
names as its start, else the first text/html part) decoded from its transfer encoding and read by
the web page reader, the part's charset tried before the page's own meta."""
from __future__ import annotations

import email
import email.errors
from email.message import Message
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.extractors.readers import ReadOptions, read_bytes
from policykg.extractors.readers.html import page_source
from policykg.schema import SourceText

BROKEN_PARTS = (email.errors.CloseBoundaryNotFoundDefect, email.errors.StartBoundaryNotFoundDefect)
BROKEN_ENCODING = (email.errors.InvalidBase64PaddingDefect, email.errors.InvalidBase64CharactersDefect,
                   email.errors.InvalidBase64LengthDefect)


def main_page(archive: Message) -> Message | None:
    """The archive's page: the part its `start` parameter names by Content-ID, else the part at the
    location it was saved from (Snapshot-Content-Location), else the first text/html part (a
    single-part archive is its own page)."""
    pages = [part for part in archive.walk() if part.get_content_type() == "text/html"]
    start = (archive.get_param("start") or "").strip("<>")
    location = (archive.get("Snapshot-Content-Location") or "").strip()
    by_id = [part for part in pages if start and (part.get("Content-ID") or "").strip().strip("<>") == start]
    by_location = [part for part in pages if location and (part.get("Content-Location") or "").strip() == location]
    return (by_id or by_location or pages or [None])[0]


def unfinished(archive: Message, page: Message, path: str) -> None:
    """A coded error when the archive was cut inside its page (the page is its last part and the
    closing boundary is missing, or its base64 is cut); a cut in a later part leaves the page whole."""
    parts = archive.get_payload() if archive.is_multipart() else [archive]
    if any(isinstance(d, BROKEN_PARTS) for d in archive.defects) and parts and parts[-1] is page:
        raise PolicyKGError("E651", path, reason="the page's part has no closing boundary (a cut download)")
    if any(isinstance(d, BROKEN_ENCODING) for d in page.defects):
        raise PolicyKGError("E651", path, reason="the page's base64 is cut or damaged")


def read_mhtml(path: Path, options: ReadOptions) -> SourceText:
    """A web archive's document, read like the saved page it holds; coded errors for an archive
    without a page or cut inside it."""
    archive = email.message_from_bytes(read_bytes(path))
    page = main_page(archive)
    if page is None:
        raise PolicyKGError("E652", str(path))
    data = page.get_payload(decode=True) or b""
    unfinished(archive, page, str(path))
    return page_source(data, str(path), charset=page.get_content_charset(), kind="mhtml")
