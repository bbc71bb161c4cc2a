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
    E009 = "not a regular file (a FIFO, socket or device): not read"
    E010 = "broken symbolic link (dangling, or a loop)"
    E100 = "failed to parse document: {reason}"
    E201 = "encrypted PDF: give its password with --password"
    E202 = "no text layer (scanned images only): OCR needed, and --ocr never was given"
    E203 = "{count} glyphs without a Unicode mapping ((cid:…)): the font cannot be read; OCR or another copy needed"
    E204 = "corrupt or truncated PDF ({reason})"
    E205 = "the PDF has no text"
    E206 = "scanned pages without text: OCR found none"
    E207 = "scanned pages need OCR, and its engine is not installed (rapidocr-openvino, Python < 3.13)"
    E301 = "not set: export NEO4J_URI=neo4j://HOST:7687 (and NEO4J_USERNAME, NEO4J_PASSWORD)"
    E302 = ("NEO4J_URI is not a Neo4j address: expected neo4j://HOST:PORT (or neo4j+s, bolt, bolt+s) without a "
            "user or password (those go in NEO4J_USERNAME and NEO4J_PASSWORD)")
    E303 = "cannot reach Neo4j: start the server, or check NEO4J_URI and the network"
    E304 = "Neo4j refused the credentials of user '{user}': check NEO4J_USERNAME and NEO4J_PASSWORD"
    E305 = "Neo4j has no database '{database}': create it (CREATE DATABASE) or set NEO4J_DATABASE"
    E306 = "a Neo4j constraint was violated ({detail}): another program wrote these keys; check the database"
    E307 = "Neo4j refused the statement ({detail}): check the user's privileges and the server's log"
    E308 = "the load wrote fewer rows than the graph holds ({detail}): run the build again and report it"
    E601 = "refused: {clause} {reason}; queries are read-only"
    E602 = "refused: cannot classify the statement ({reason}); queries are read-only"
    E603 = "refused: {name} may touch files, the network or settings{hint}; queries are read-only"
    E604 = "no such query{hint}; 'policykg queries' lists them"
    E605 = "missing parameter '{name}' (give --param {name}=VALUE; this query takes: {known})"
    E606 = "unknown parameter '{name}'{hint} (this query takes: {known})"
    E701 = "no graph database here: run 'policykg build INPUT... --db' with this path first"
    E702 = "cannot open the graph database ({reason}); rebuild it: policykg build INPUT... --db {db}"
    E703 = "not a graph database file: refusing to replace it (choose another --db)"
    E704 = ("no document extracted: the previous graph is kept ({counts}); give --allow-empty to replace it "
            "with an empty graph")
    E801 = "{option}: {problem}"
    E802 = "cannot read the previous report: {reason}"
    E610 = "no document in the web page (only site navigation, links or an empty page)"
    E611 = "corrupt or truncated Word file ({reason})"
    E612 = ("encrypted Word file, or an old binary .doc named .docx: save an unprotected .docx "
            "(libreoffice --headless --convert-to docx)")
    E613 = "the Word file has no text"
    E614 = "corrupt or truncated Word 97–2003 (.doc/.wps) file ({reason})"
    E615 = "encrypted Word file: save it without a password and read it again"
    E621 = "corrupt or truncated Excel workbook ({reason})"
    E622 = ("encrypted Excel workbook, or an old binary .xls named .xlsx: save an unprotected .xlsx "
            "(libreoffice --headless --convert-to xlsx)")
    E623 = "the workbook has no text"
    E631 = "corrupt or truncated OFD package ({reason})"
    E632 = "not an OFD package: {reason}"
    E633 = "the OFD has no text (nor any that OCR reads on its pictures)"
    E641 = "corrupt or truncated RTF file ({reason})"
    E642 = "the RTF file has no text"
    E651 = "corrupt or truncated web archive (.mht) ({reason})"
    E652 = "no web page in the archive (no text/html part): not a saved page, or damaged"


class PolicyKGError(Exception):
    """An input problem with a code; the run records it and goes on with the other inputs."""

    def __init__(self, code: str, path: str, line: int | None = None, **fields):
        self.code = code
        self.path = path
        self.line = line
        self.message = getattr(Errors, code).format(**fields)
        where = f"{path}:{line}" if line else path
        super().__init__(f"[{code}] {where}: {self.message}")


class StoreError(PolicyKGError):
    """The graph store cannot be used (unreachable, refused, incomplete load): the command stops,
    exit code 2. `path` names the store (a URI is shown without credentials)."""
