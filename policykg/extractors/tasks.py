"""Stage 4c, parse tasks: outline blocks to obligations with owners, deadlines and targets.

An annotated measure is one task, its text running from the item's start (or the previous
annotation) to its annotation. Unannotated running text gives one task per sentence that sets a
deadline, owned by the actor the sentence starts with.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from policykg.extractors.actors import find_actors
from policykg.extractors.annotations import Annotation, find_annotations
from policykg.extractors.deadlines import find_deadlines, parse_time_limit
from policykg.extractors.outline import Block
from policykg.extractors.targets import find_targets
from policykg.ids import stable_id
from policykg.schema import Deadline, Provenance, Task, UnitMention

SENTENCE = re.compile(r"[^。！？]+[。！？]?")
# a sentence that may assign work without a deadline: worth asking the actor model about
ASSIGNS = re.compile(r"要|负责|牵头|会同|依托|应当|须|抓好|做好|加快|推动")
ActorModel = Callable[[list[str]], list[dict | None]]
HEADLINE = re.compile(r"^[^，,。；]{2,15}。")  # a measure's short headline: "健全机制。"
STRIP = "，,；;。 "


def unique_deadlines(deadlines: list[Deadline]) -> tuple[Deadline, ...]:
    seen, out = set(), []
    for deadline in deadlines:
        key = (deadline.date or ("ongoing" if deadline.ongoing else deadline.phrase), deadline.kind)
        if key not in seen:
            seen.add(key)
            out.append(deadline)
    return tuple(out)


def unique_units(units: list[UnitMention]) -> tuple[UnitMention, ...]:
    seen, out = set(), []
    for unit in units:
        if unit.mention not in seen:
            seen.add(unit.mention)
            out.append(unit)
    return tuple(out)


class TaskBuilder:
    """Builds the tasks of one document, numbering them for stable ids.

    Running-text sentences the rules cannot give an actor are kept aside and sent to the actor
    model (the spaCy pipeline) in one batch at the end; a sentence that assigns work to the actors
    it names becomes a task even without a deadline."""

    def __init__(self, doc_id: str, path: str, issued: dt.date | None, comma_convention: bool,
                 actor_model: ActorModel | None = None):
        self.doc_id, self.path, self.issued = doc_id, path, issued
        self.year = issued.year if issued else None
        self.comma_convention = comma_convention
        self.actor_model = actor_model
        self.tasks: list[Task] = []
        self.deferred: list[tuple[Block, int, int, str, list[Deadline]]] = []

    def add(self, block: Block, start: int, end: int, units, deadlines, source_end: int | None = None) -> None:
        """A task with text[start:end]; its provenance runs to `source_end` (its annotation's end)."""
        text = block.text[start:end].strip(STRIP)
        if not text:
            return
        lines = block.lines_for(start, source_end or end)
        pages = tuple(sorted({line.page for line in lines if line.page is not None}))
        self.tasks.append(Task(
            task_id=stable_id(self.doc_id, str(len(self.tasks)), text[:60]),
            label=block.label, path=block.path, text=text, units=unique_units(list(units)),
            deadlines=unique_deadlines(list(deadlines)), targets=tuple(find_targets(text)),
            provenance=Provenance(path=self.path, start_line=lines[0].line_no,
                                  end_line=lines[-1].line_no, pages=pages)))

    def annotated(self, block: Block, start: int, annotation: Annotation) -> None:
        text = block.text[start:annotation.start]
        deadlines = [d for sentence in SENTENCE.findall(text) for d in self.dated(sentence)]
        if annotation.time_limit:
            deadlines += parse_time_limit(annotation.time_limit, self.year)
        self.add(block, start, annotation.start, annotation.units, deadlines, source_end=annotation.end)

    def dated(self, sentence: str) -> list[Deadline]:
        """Deadlines of a sentence, less the past it merely mentions: a period before the issue date
        ("对2022年第四季度…") or a cut-off over a year before it ("1983年12月10日前已建成的房屋")."""
        return [d for d in find_deadlines(sentence, self.year) if not self.historical(d)]

    def historical(self, deadline: Deadline) -> bool:
        if not (self.issued and deadline.date and deadline.date < self.issued):
            return False
        return "前" not in deadline.phrase or (self.issued - deadline.date).days > 366

    def running(self, block: Block, start: int) -> None:
        """One task per sentence with a deadline, or one that assigns work to a named actor; a block's
        headline stays with its first sentence. Sentences the rules give no actor wait for the model."""
        headline = HEADLINE.match(block.text[start:]) if start == 0 and block.label else None
        sentences = list(SENTENCE.finditer(block.text, start + (headline.end() if headline else 0)))
        for index, match in enumerate(sentences):
            begin = start if headline and index == 0 else match.start()
            sentence = match.group(0)
            deadlines = self.dated(sentence)
            actors = find_actors(sentence)
            assigns = self.actor_model is not None and ASSIGNS.search(sentence)
            if not (deadlines or assigns):
                continue
            if actors or not self.actor_model:
                self.add(block, begin, match.end(), actors, deadlines)
            else:
                self.deferred.append((block, begin, match.end(), sentence, deadlines))

    def resolve_deferred(self) -> None:
        """Ask the actor model about the sentences kept aside, in one batch."""
        if not self.deferred:
            return
        found = self.actor_model([sentence for _, _, _, sentence, _ in self.deferred])
        for (block, begin, end, _, deadlines), obligation in zip(self.deferred, found):
            actors = [UnitMention(mention=name) for name in (obligation or {}).get("actors", ())]
            if deadlines or actors:
                self.add(block, begin, end, actors, deadlines)
        self.deferred = []

    def block(self, block: Block) -> None:
        position = 0
        for annotation in find_annotations(block.text, self.comma_convention):
            if annotation.units or annotation.time_limit:
                self.annotated(block, position, annotation)
            position = annotation.end
        self.running(block, position)


def build_tasks(blocks: list[Block], doc_id: str, path: str, issued: dt.date | None,
                comma_convention: bool, actor_model: ActorModel | None = None) -> list[Task]:
    builder = TaskBuilder(doc_id, path, issued, comma_convention, actor_model)
    for block in blocks:
        builder.block(block)
    builder.resolve_deferred()
    return sorted(builder.tasks, key=lambda t: (t.provenance.start_line, t.provenance.end_line))
