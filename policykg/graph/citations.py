"""Citation resolution: a cited 《title》 or 文号 to the corpus document it names — by 文号 first,
then by normalised title, including the titles of plans a notice encloses — else a stub."""
from __future__ import annotations

from policykg.ids import stable_id
from policykg.lexicon.official import normal_number, normal_title
from policykg.schema import Document, Reference
from policykg.schema.models import Model


class CitationTarget(Model):
    doc_id: str
    stub: bool


class CitationIndex:
    """Corpus documents by 文号 and by title (their own and the plans they enclose)."""

    def __init__(self, documents: list[Document]):
        self.by_number: dict[str, str] = {}
        self.by_title: dict[str, str] = {}
        for doc in documents:
            if doc.doc_number:
                self.by_number.setdefault(normal_number(doc.doc_number), doc.doc_id)
            for title in (doc.title, *doc.enclosed_titles):
                if title:
                    self.by_title.setdefault(normal_title(title), doc.doc_id)

        self.stubs: dict[str, str] = {}  # 文号 or title -> stub id, so one cited document is one stub

    def resolve(self, reference: Reference) -> CitationTarget:
        number, title = normal_number(reference.doc_number), normal_title(reference.title)
        found = self.by_number.get(number) if number else None
        found = found or (self.by_title.get(title) if title else None)
        if found:
            return CitationTarget(doc_id=found, stub=False)
        stub = (self.stubs.get(number) if number else None) or (self.stubs.get(title) if title else None)
        stub = stub or stable_id("stub", number or title)
        for key in (number, title):
            if key:
                self.stubs.setdefault(key, stub)
        return CitationTarget(doc_id=stub, stub=True)
