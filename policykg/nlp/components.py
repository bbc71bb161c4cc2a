"""policykg's spaCy components, registered as factories so that `nlp.add_pipe(name)` works once
`policykg.nlp.components` is imported (or through the `spacy_factories` entry point). Sentences
come from spaCy's own sentencizer with SENTENCE_ENDS.

- policykg_agency_ruler: agencies from a gazetteer (phrases) and suffix patterns (…局, …委, …厅,
  …办, …中心, …管委会, …人民政府, 各…), written to doc.spans["agency_rules"]
- policykg_agency_merge: the rule spans and the statistical NER's AGENCY entities into doc.ents
- policykg_obligation: a sentence that assigns work to actors becomes an obligation (actors,
  action, deadlines), a dict on Span._.obligation
"""
from __future__ import annotations

import re
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from policykg.extractors.actors import LEADING_TIME
from policykg.extractors.deadlines import find_deadlines
from policykg.lexicon.organs import BODY_WORDS
from policykg.lexicon.sentences import STATEMENT_ENDS
from policykg.lexicon.regex import alternation

AGENCY = "AGENCY"
SENTENCE_ENDS = list(STATEMENT_ENDS)
ORG_SUFFIX = "(?:" + alternation(BODY_WORDS) + ")"
# a level (省…, 市…, 各…) or a named place (郑州市…) before a body's suffix: 市大数据局, 郑州市人民政府
SUFFIX = re.compile(r"(?:(?:各|省|市|州|区|县)(?:级|直)?|[\u4e00-\u9fff]{2,4}(?:省|市|州|区|县))"
                    r"[\u4e00-\u9fff]{0,8}?" + ORG_SUFFIX + r"(?:（[^）]{1,8}）)?")
OBLIGATION_VERB = re.compile(r"^(要|应|须|需|负责|牵头|会同|依托|于|在|将|按照|根据|结合|统筹|组织|加快|推动|建立|完成|制定)")


if not Span.has_extension("obligation"):
    Span.set_extension("obligation", default=None)


@Language.factory("policykg_agency_ruler", assigns=["doc.spans"], default_config={"phrases": []})
def make_agency_ruler(nlp: Language, name: str, phrases: list[str]):
    return AgencyRuler(nlp, phrases)


class AgencyRuler:
    """Agencies by gazetteer phrase (a PhraseMatcher, longest match wins) and by suffix pattern;
    spans in doc.spans["agency_rules"]."""

    def __init__(self, nlp: Language, phrases: list[str]):
        self.nlp = nlp
        self.set_phrases(phrases)

    def set_phrases(self, phrases: list[str]) -> None:
        self.phrases = sorted({p for p in phrases if len(p) >= 2}, key=len, reverse=True)
        self.matcher = PhraseMatcher(self.nlp.vocab)
        self.matcher.add(AGENCY, [self.nlp.make_doc(p) for p in self.phrases])

    def spans(self, doc: Doc, pattern: re.Pattern) -> list[Span]:
        found = (doc.char_span(m.start(), m.end(), label=AGENCY, alignment_mode="contract")
                 for m in pattern.finditer(doc.text))
        return [span for span in found if span is not None and len(span) >= 2]

    def match(self, doc: Doc) -> list[Span]:
        """Gazetteer phrases first; suffix-pattern spans only where no phrase is."""
        phrases = filter_spans(self.matcher(doc, as_spans=True))
        taken = {i for span in phrases for i in range(span.start, span.end)}
        guessed = [s for s in self.spans(doc, SUFFIX) if not taken & set(range(s.start, s.end))]
        return filter_spans(phrases + filter_spans(guessed))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["agency_rules"] = self.match(doc)
        return doc

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "phrases.jsonl", [{"phrase": p} for p in self.phrases])

    def from_disk(self, path, exclude=()) -> "AgencyRuler":
        self.set_phrases([line["phrase"] for line in srsly.read_jsonl(Path(path) / "phrases.jsonl")])
        return self


@Language.factory("policykg_agency_merge", assigns=["doc.ents"], requires=["doc.spans"],
                  default_config={"use_rules": True, "use_model": True})
def make_agency_merge(nlp: Language, name: str, use_rules: bool, use_model: bool):
    return AgencyMerge(use_rules, use_model)


class AgencyMerge:
    """doc.ents from the rule spans and the statistical NER: rule spans (gazetteer, suffixes) stand,
    the model's entities fill the places they left empty; a model span that runs over punctuation
    or past a plausible name length is dropped."""

    MAX_CHARS = 25

    def __init__(self, use_rules: bool = True, use_model: bool = True):
        self.use_rules, self.use_model = use_rules, use_model

    def plausible(self, span: Span) -> bool:
        return len(span.text) <= self.MAX_CHARS and not re.search(r"[，。；！？：]", span.text)

    def __call__(self, doc: Doc) -> Doc:
        rules = list(doc.spans.get("agency_rules", [])) if self.use_rules else []
        taken = {i for span in rules for i in range(span.start, span.end)}
        model = [e for e in doc.ents if e.label_ == AGENCY and self.plausible(e)
                 and not taken & set(range(e.start, e.end))] if self.use_model else []
        doc.ents = filter_spans(rules + model)
        return doc


@Language.factory("policykg_obligation", assigns=["span._.obligation"], requires=["doc.ents"],
                  default_config={"max_offset": 20})
def make_obligation(nlp: Language, name: str, max_offset: int):
    return ObligationFinder(max_offset)




class ObligationFinder:
    """A sentence whose subject is one or more agencies followed by an obligation verb."""

    def __init__(self, max_offset: int = 20):
        self.max_offset = max_offset

    def obligation(self, sent: Span) -> dict | None:
        """{"actors": (...), "action": str, "deadlines": (ISO dates...)} or None."""
        text = sent.text
        skip = LEADING_TIME.match(text)
        start = sent.start_char + (skip.end() if skip else 0)
        ents = [e for e in sent.ents if e.start_char >= start]
        if not ents or ents[0].start_char != start:
            return None
        actors, end = [ents[0]], ents[0].end_char
        for ent in ents[1:]:
            between = sent.doc.text[end:ent.start_char]
            if between not in ("", "、", "和", "及", "与", "，"):
                break
            actors.append(ent)
            end = ent.end_char
        rest = sent.doc.text[end:sent.end_char]
        if not OBLIGATION_VERB.match(rest):
            return None
        return {"actors": tuple(a.text for a in actors), "action": rest.rstrip("。；！？"),
                "deadlines": tuple(str(d.date) for d in find_deadlines(text, None) if d.date)}

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:  # most sentences name no agency: nothing to look at
            return doc
        for sent in doc.sents:
            sent._.obligation = self.obligation(sent)  # plain data: Docs cross processes
        return doc
