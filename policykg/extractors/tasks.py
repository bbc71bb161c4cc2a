"""Stage 4c, parse tasks: outline blocks to obligations with owners, deadlines and targets.

An annotated measure is one task, its text running from the item's start (or the previous
annotation) to its annotation. How far an annotation reaches:
- a section heading's annotation ("（一）市场准入。（市市场监管局牵头）") covers every item under
  the heading without an annotation of its own; the heading is not a task;
- a standing clause ("A、B均为责任单位，以下不再列出") adds its units to every later annotated task;
- a lead named in an annotated item's text ("由市科委牵头") leads that task.
Unannotated running text gives one task per sentence that sets a deadline, owned by the actor the
sentence starts with. A task's id is a hash of its document, outline path and text.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from policykg.extractors.actors import find_actors
from policykg.extractors.annotations import (
    Annotation, Conventions, co_units, find_annotations, lead_in_text, lead_units, standing_units,
)
from policykg.extractors.deadlines import find_deadlines, parse_time_limit
from policykg.extractors.outline import STANDALONE, Block
from policykg.extractors.targets import find_targets
from policykg.ids import stable_id
from policykg.lexicon.sentences import SENTENCE
from policykg.schema import ColumnRole, Deadline, Provenance, Role, Task, UnitMention

# a sentence that may assign work without a deadline: worth asking the actor model about
ASSIGNS = re.compile(r"要|负责|牵头|会同|依托|应当|须|抓好|做好|加快|推动")
ActorModel = Callable[[list[str]], list[dict | None]]
HEADLINE = re.compile(r"^[^，,。；]{2,15}。")  # a measure's short headline: "健全机制。"
SECTION_HEADLINE = 25  # the most characters a section heading holds before its annotation
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

    def __init__(self, doc_id: str, path: str, issued: dt.date | None, rules: Conventions,
                 actor_model: ActorModel | None = None):
        self.doc_id, self.path, self.issued = doc_id, path, issued
        self.year = issued.year if issued else None
        self.rules = rules
        self.actor_model = actor_model
        self.tasks: list[Task] = []
        self.ids: dict[str, int] = {}
        self.standing: list[UnitMention] = []
        self.sections: dict[tuple[str, ...], Annotation] = {}
        self.deferred: list[tuple[Block, int, int, str, list[Deadline]]] = []

    def task_id(self, block: Block, text: str) -> str:
        """A hash of the document, outline path and text; identical twins get a counter."""
        key = stable_id(self.doc_id, "/".join(block.path), re.sub(r"\s", "", text))
        self.ids[key] = self.ids.get(key, -1) + 1
        return stable_id(key, str(self.ids[key])) if self.ids[key] else key

    def add(self, block: Block, start: int, end: int, units, deadlines, source_end: int | None = None) -> None:
        """A task with text[start:end]; its provenance runs to `source_end` (its annotation's end)."""
        text = block.text[start:end].strip(STRIP)
        if not text:
            return
        lines = block.lines_for(start, source_end or end)
        pages = tuple(sorted({line.page for line in lines if line.page is not None}))
        self.tasks.append(Task(
            task_id=self.task_id(block, text),
            label=block.label, path=block.path, text=text, units=unique_units(list(units)),
            deadlines=unique_deadlines(list(deadlines)), targets=tuple(find_targets(text)),
            provenance=Provenance(path=self.path, start_line=lines[0].line_no,
                                  end_line=lines[-1].line_no, pages=pages)))

    def annotated(self, block: Block, start: int, end: int, annotation: Annotation, source_end: int) -> None:
        """A measure text[start:end] owned by an annotation (its own, or its section's)."""
        text = block.text[start:end]
        deadlines = [d for sentence in SENTENCE.findall(text) for d in self.dated(sentence)]
        if annotation.time_limit:
            deadlines += parse_time_limit(annotation.time_limit, self.year)
        units = [*annotation.units, *lead_in_text(text), *self.standing]
        self.add(block, start, end, units, deadlines, source_end=source_end)

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

    def row(self, block: Block) -> None:
        """A task-table row: the task cell's text, owners from the 牵头/责任 columns, deadlines from
        the 完成时限 column and from the task's own sentences."""
        row = block.lines[0]
        units = lead_units(row.cell(ColumnRole.lead)) + co_units(row.cell(ColumnRole.co), self.rules) + self.standing
        deadlines = [d for sentence in SENTENCE.findall(block.text) for d in self.dated(sentence)]
        deadlines += parse_time_limit(row.cell(ColumnRole.time), self.year) if row.cell(ColumnRole.time) else []
        self.add(block, 0, len(block.text), units, deadlines)

    def section(self, block: Block, annotations: list[Annotation]) -> Annotation | None:
        """The annotation of a section heading ("（一）市场准入。（市市场监管局牵头）"): a short
        headline and one annotation closing the block."""
        if len(annotations) != 1 or block.text[annotations[0].end:].strip(STRIP):
            return None
        headline = block.text[:annotations[0].start].strip(STRIP)
        return annotations[0] if len(headline) <= SECTION_HEADLINE and "。" not in headline else None

    def inherited(self, block: Block) -> Annotation | None:
        """The annotation of the nearest section heading above the block."""
        for depth in range(len(block.path) - 1, 0, -1):
            if block.path[:depth] in self.sections:
                return self.sections[block.path[:depth]]
        return None

    def block(self, block: Block, has_items: bool = False) -> None:
        """The tasks of one outline block; `has_items` when items follow under it."""
        if block.lines[0].cells:
            self.row(block)
            return
        if block.kind in STANDALONE:  # a plan's title or a signature date
            return
        annotations = [a for a in find_annotations(block.text, self.rules, block.offsets[1:])
                       if a.units or a.time_limit]
        listed = {u.mention.removeprefix("各"): u for a in annotations for u in a.units}
        standing = [listed.get(u.mention.removeprefix("各"), u) for u in standing_units(block.text)]
        self.standing += [u.model_copy(update={"role": Role.co}) for u in standing if u not in self.standing]
        section = self.section(block, annotations) if has_items else None
        if section:
            self.sections[block.path] = section
            return
        parent = None if annotations or block.heading else self.inherited(block)
        if parent:
            self.annotated(block, 0, len(block.text), parent, len(block.text))
            return
        position = 0
        for annotation in annotations:
            self.annotated(block, position, annotation.start, annotation, annotation.end)
            position = annotation.end
        self.running(block, position)


def has_items(blocks: list[Block], index: int) -> bool:
    """Whether the block at `index` is followed by items under it in the outline."""
    if index + 1 >= len(blocks) or not blocks[index].path:
        return False
    here, following = blocks[index].path, blocks[index + 1].path
    return len(following) > len(here) and following[:len(here)] == here


def build_tasks(blocks: list[Block], doc_id: str, path: str, issued: dt.date | None,
                rules: Conventions, actor_model: ActorModel | None = None) -> list[Task]:
    builder = TaskBuilder(doc_id, path, issued, rules, actor_model)
    for index, block in enumerate(blocks):
        builder.block(block, has_items(blocks, index))
    builder.resolve_deferred()
    return sorted(builder.tasks, key=lambda t: (t.provenance.pages[:1], t.provenance.start_line, t.provenance.end_line))
