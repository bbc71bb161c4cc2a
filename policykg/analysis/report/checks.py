"""The consistency checks: pure functions from report data to checks with offending items, in the
report's language (policykg.analysis.report.words)."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from policykg.graph.agencies import canonical_body
from policykg.graph.citations import normal_number, normal_title
from policykg.analysis.report.data import ReportData
from policykg.analysis.report.model import Check, Item
from policykg.analysis.report.words import say, section

SIMILAR_TASKS = 0.35     # character-bigram Jaccard above which two tasks are "the same measure"
SIMILAR_NAMES = 60       # rapidfuzz ratio (0-100) above which two agency names are compared further
SUB_UNIT = re.compile(r"(处|科|室|股|办公室|办公厅|处室|各[\u4e00-\u9fff]*)(（[^）]*）)?$")
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
LEVEL_SUFFIX = re.compile(r"(?:办公厅|办公室|委员会|厅|局|委|办)$")


def titled(name: str, lang: str, severity: str, items: list[Item], warn_days: int = 14) -> Check:
    title, description = section(lang, name, warn_days)
    return Check(name=name, title=title, description=description, severity=severity, items=items)


def groups(data: ReportData) -> set[str]:
    """Agency ids of collectives (各县（市、区）人民政府, 市直有关部门): owners in items, never ranked."""
    return {a["agency_id"] for a in data.agencies if a["is_group"]}


def owners(data: ReportData) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for role, rows in (("lead", data.leads), ("co", data.co)):
        for row in rows:
            out[row["task_id"]].append({**row, "role": role})
    return out


def task_item(task: dict, key: str, severity: str, summary: str, owned: list[dict], text: str | None = None,
              **details) -> Item:
    """An item about a task (or one clause of it): its text, owners (leads first), 文号 and file:line."""
    names = [o["agency"] for o in sorted(owned, key=lambda o: o["role"] != "lead")]
    return Item(key=key, severity=severity, summary=summary, doc_number=task["doc_number"], document=task["title"],
                source_path=task["source_path"], start_line=task["start_line"],
                details={"task": (text or task["text"])[:200], "owners": list(dict.fromkeys(names)), **details})


def ownerless(data: ReportData, lang: str) -> Check:
    owned = owners(data)
    items = [task_item(t, t["task_id"], "warning", say(lang, "ownerless_summary"), [])
             for t in data.tasks if not owned[t["task_id"]]]
    return titled("ownerless", lang, "warning", items)


def undated(data: ReportData, lang: str) -> Check:
    owned = owners(data)
    items = [task_item(t, t["task_id"], "info", say(lang, "undated_summary"), owned[t["task_id"]])
             for t in data.tasks if not t["deadlines"] and not t["ongoing"]]
    return titled("undated", lang, "info", items)


def clauses(task: dict, kinds: tuple[str, ...] = ("completion",)) -> list[tuple[dt.date, str]]:
    """(date, clause text) of a task's deadlines of the given kinds; a clause left empty is the whole task."""
    return [(day, clause or task["text"]) for day, kind, clause in
            zip(task["deadlines"], task["deadline_kinds"], task["deadline_clauses"]) if kind in kinds]


def before_issue(task: dict, day: dt.date) -> bool:
    return bool(task["issue_date"]) and day < task["issue_date"]


def impossible(data: ReportData, lang: str) -> Check:
    owned, items = owners(data), []
    for t in data.tasks:
        for day, clause in clauses(t, ("completion", "target")):
            if before_issue(t, day):
                summary = say(lang, "before_issue", due=day, issued=t["issue_date"])
            elif not EARLIEST <= day <= LATEST:
                summary = say(lang, "implausible", due=day)
            else:
                continue
            items.append(task_item(t, f"{t['task_id']}:{day}", "error", summary, owned[t["task_id"]], clause,
                                   deadline=str(day)))
    return titled("impossible_deadlines", lang, "error", items)


def status(due: dt.date, as_of: dt.date, warn_days: int) -> str:
    if due < as_of:
        return "red"
    return "yellow" if (due - as_of).days <= warn_days else "green"


def overdue(data: ReportData, as_of: dt.date, warn_days: int, lang: str) -> tuple[Check, list[dict]]:
    """Clauses overdue (red) or due within warn_days (yellow), each with its own text, and the
    single responsible bodies ranked by their tasks' worst light: leads, or the co units of a task
    without one (collectives are not ranked).

    Only completion deadlines count; one before the issue date is impossible, not overdue."""
    owned, collective = owners(data), groups(data)
    items, per_agency = [], defaultdict(Counter)
    for t in data.tasks:
        if t["ongoing"]:
            continue
        lights = []
        for day, clause in clauses(t):
            if before_issue(t, day):
                continue
            light = status(day, as_of, warn_days)
            lights.append(light)
            if light == "green":
                continue
            days = abs((as_of - day).days)
            summary = say(lang, "overdue_summary" if light == "red" else "due_summary", days=days)
            items.append(task_item(t, f"{t['task_id']}:{day}", light, summary, owned[t["task_id"]], clause,
                                   due_date=str(day)))
        if lights:
            worst = min(lights, key=["red", "yellow", "green"].index)
            leads = [o for o in owned[t["task_id"]] if o["role"] == "lead"] or owned[t["task_id"]]
            for name in {o["agency"] for o in leads if o["agency_id"] not in collective}:
                per_agency[name][worst] += 1
    items.sort(key=lambda i: (i.severity != "red", i.details["due_date"], i.key))
    ranking = sorted(({"agency": name, **{c: n[c] for c in ("red", "yellow", "green")}}
                      for name, n in per_agency.items()), key=lambda r: (-r["red"], -r["yellow"], r["agency"]))
    return titled("overdue", lang, "red", items, warn_days), ranking


def merged_names(data: ReportData) -> list[Item]:
    """Agencies resolved from more than one spelling."""
    return [Item(key=f"merged:{a['agency_id']}", severity="info",
                 summary=f"{a['name']} written as {'、'.join(a['aliases'])}",
                 details={"agency": a["name"], "written_as": a["aliases"]})
            for a in data.agencies if len(a["aliases"] or []) > 1]


def written_short(short: str, long: str) -> bool:
    """True when `short` reads as an abbreviation of `long` (its characters in order: 药监局, 药品监督管理局),
    and `long` is not a unit inside `short` (发展改革委, 发展改革委办公室)."""
    if long.startswith(short) and SUB_UNIT.search(long[len(short):]):
        return False
    rest = iter(long)
    return all(char in rest for char in short)


def near_duplicates(data: ReportData) -> list[Item]:
    """Single agencies of one jurisdiction (the block) that rapidfuzz scores close and whose shorter name
    abbreviates the longer: candidates for the alias table."""
    by_place = defaultdict(list)
    for a in data.agencies:
        if not a["is_group"]:
            by_place[a["jurisdiction"]].append(a)
    items = []
    for place, agencies in by_place.items():
        agencies.sort(key=lambda a: a["name"])
        names = [a["name"] for a in agencies]
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=SIMILAR_NAMES)
        for i, j in zip(*scores.nonzero()):
            if i < j and written_short(*sorted((names[i], names[j]), key=len)):
                a, b, ratio = agencies[i], agencies[j], float(scores[i, j]) / 100
                items.append(Item(key=f"similar:{a['agency_id']}:{b['agency_id']}", severity="warning",
                                  summary=f"{a['name']} ~ {b['name']} ({ratio:.2f}): one body? add an alias",
                                  details={"jurisdiction": place, "names": [a["name"], b["name"]],
                                           "similarity": round(ratio, 2)}))
    return items


def naming(data: ReportData) -> Check:
    """Spellings merged into one agency, and near-identical names in one jurisdiction that did not merge."""
    return Check(name="naming", title="Agency naming: merged spellings and near-duplicates", severity="warning",
                 items=merged_names(data) + near_duplicates(data),
                 description="Spellings resolved to one agency (check them), and similar names in one "
                             "jurisdiction that stayed apart (suggestions for the alias table, never merged "
                             "automatically).")


def citations(data: ReportData, lang: str) -> Check:
    items = []
    stubs = defaultdict(set)
    titles_by_number = defaultdict(set)
    for c in data.citations:
        if c["stub"]:
            stubs[(c["to_number"], c["to_title"])].add(c["from_number"] or c["from_title"])
        if c["cited_number"] and c["cited_title"]:
            titles_by_number[normal_number(c["cited_number"])].add(normal_title(c["cited_title"]))
        if not c["stub"] and c["cited_number"] and c["to_number"] and \
                normal_number(c["cited_number"]) != normal_number(c["to_number"]):
            items.append(Item(key=f"number:{c['from_id']}:{c['to_id']}", severity="warning",
                              summary=say(lang, "number_mismatch", title=c["cited_title"], cited=c["cited_number"],
                                          number=c["to_number"]),
                              doc_number=c["from_number"], document=c["from_title"], source_path=c["source_path"],
                              start_line=c["start_line"]))
    for number, titles in titles_by_number.items():
        if len(titles) > 1:
            items.append(Item(key=f"titles:{number}", severity="warning",
                              summary=say(lang, "titles", number=number, n=len(titles),
                                          titles="；".join(sorted(titles)))))
    for (number, title), citing in sorted(stubs.items(), key=lambda kv: (-len(kv[1]), kv[0][1] or "")):
        label = f"《{title}》" if title else ""
        items.append(Item(key=f"stub:{number or title}", severity="info",
                          summary=say(lang, "stub", label=label, number=f"（{number}）" if number else "", n=len(citing)),
                          details={"cited_by": sorted(citing)}))
    return titled("citations", lang, "warning", items)


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@lru_cache(maxsize=1)
def counterpart_families() -> dict[str, str]:
    """Body name -> its function family (data/counterparts.json)."""
    table = json.loads(resources.files("policykg.data").joinpath("counterparts.json").read_text(encoding="utf-8"))
    return {body: family for family, bodies in table.items() if not family.startswith("_") for body in bodies}


def function_of(name: str, jurisdiction: str | None) -> str:
    """What a body does, whatever its level: the name less its places, through the alias table, its
    counterpart family, less the level word (厅/局/委): 湖南省住房城乡建设厅 and 娄底市住房和城乡建设局 -> 住房城乡建设."""
    for place in (jurisdiction or "").split("/"):
        name = name.removeprefix(place)
    body = canonical_body(name)
    return counterpart_families().get(body) or LEVEL_SUFFIX.sub("", body) or body


def leads_by_task(data: ReportData) -> dict[str, dict[str, str]]:
    """task_id -> {function: agency name} of its leads."""
    place = {a["agency_id"]: a["jurisdiction"] for a in data.agencies}
    leads: dict[str, dict[str, str]] = defaultdict(dict)
    for row in data.leads:
        leads[row["task_id"]][function_of(row["agency"], place.get(row["agency_id"]))] = row["agency"]
    return leads


def slippage(data: ReportData, lang: str) -> Check:
    """A task of a document citing a higher-level one, matched to the cited document's most similar task:
    due later than it, or led by a body that is not the counterpart of its lead."""
    tasks_of = defaultdict(list)
    for t in data.tasks:
        tasks_of[t["doc_id"]].append({**t, "grams": bigrams(t["text"][:120])})
    leads = leads_by_task(data)
    items = []
    for c in data.citations:
        if c["stub"] or c["from_id"] == c["to_id"]:
            continue
        for low in tasks_of[c["from_id"]]:
            scored = [(similarity(low["grams"], high["grams"]), high) for high in tasks_of[c["to_id"]]]
            score, high = max(scored, key=lambda s: s[0], default=(0.0, None))
            if high is None or score < SIMILAR_TASKS:
                continue
            low_leads, high_leads = leads[low["task_id"]], leads[high["task_id"]]
            if low["due_date"] and high["due_date"] and low["due_date"] > high["due_date"]:
                items.append(pair_item(low, high, score, "later", say(lang, "later", low=low["due_date"],
                                                                          high=high["due_date"]), low_leads))
            if low_leads and high_leads and not low_leads.keys() & high_leads.keys():
                items.append(pair_item(low, high, score, "lead", say(
                    lang, "different_lead", low="、".join(sorted(low_leads.values())),
                    high="、".join(sorted(high_leads.values()))), low_leads))
    return titled("slippage", lang, "warning", items)


def pair_item(low: dict, high: dict, score: float, kind: str, summary: str, low_leads: dict) -> Item:
    return Item(key=f"slip:{kind}:{low['task_id']}:{high['task_id']}", severity="warning", summary=summary,
                doc_number=low["doc_number"], document=low["title"], source_path=low["source_path"],
                start_line=low["start_line"],
                details={"task": low["text"][:200], "owners": sorted(low_leads.values()), "kind": kind,
                         "due_date": str(low["due_date"] or ""),
                         "cited_task": high["text"][:200], "cited_due_date": str(high["due_date"] or ""),
                         "cited_doc_number": high["doc_number"], "cited_document": high["title"],
                         "similarity": round(score, 2)})


def duplicates(data: ReportData, lang: str) -> Check:
    items = [Item(key=f"dup:{d['doc_id']}", severity="info", summary="; ".join(d["merge_conflicts"]),
                  doc_number=d["doc_number"], document=d["title"], source_path=d["source_path"],
                  start_line=d["start_line"], details={"sources": d["sources"]})
             for d in data.documents if d["merge_conflicts"]]
    return titled("duplicates", lang, "info", items)
