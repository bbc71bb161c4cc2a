"""The consistency checks: pure functions from report data to checks with offending items."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz, process

from policykg.graph.citations import normal_number, normal_title
from policykg.report.data import ReportData
from policykg.report.model import Check, Item

SIMILAR_TASKS = 0.35     # character-bigram Jaccard above which two tasks are "the same measure"
SIMILAR_NAMES = 60       # rapidfuzz ratio (0-100) above which two agency names are compared further
SUB_UNIT = re.compile(r"(处|科|室|股|办公室|办公厅|处室|各[\u4e00-\u9fff]*)(（[^）]*）)?$")
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def task_item(task: dict, key: str, severity: str, summary: str, **details) -> Item:
    return Item(key=key, severity=severity, summary=summary, doc_number=task["doc_number"], document=task["title"],
                source_path=task["source_path"], start_line=task["start_line"],
                details={"task": task["text"][:200], **details})


def owners(data: ReportData) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for role, rows in (("lead", data.leads), ("co", data.co)):
        for row in rows:
            out[row["task_id"]].append({**row, "role": role})
    return out


def ownerless(data: ReportData) -> Check:
    owned = owners(data)
    items = [task_item(t, t["task_id"], "warning", "no responsible unit") for t in data.tasks if not owned[t["task_id"]]]
    return Check(name="ownerless", title="Tasks with no responsible unit", severity="warning", items=items,
                 description="A task whose text names no lead or responsible unit: nobody can be held to it.")


def undated(data: ReportData) -> Check:
    items = [task_item(t, t["task_id"], "info", "neither a deadline nor ongoing")
             for t in data.tasks if not t["deadlines"] and not t["ongoing"]]
    return Check(name="undated", title="Tasks with neither a deadline nor an ongoing flag", severity="info",
                 items=items, description="Owned tasks without a time limit cannot fall overdue.")


def impossible(data: ReportData) -> Check:
    items = []
    for t in data.tasks:
        for day in t["deadlines"]:
            if t["issue_date"] and day < t["issue_date"]:
                items.append(task_item(t, f"{t['task_id']}:{day}", "error",
                                       f"deadline {day} is before the issue date {t['issue_date']}", deadline=str(day)))
            elif not EARLIEST <= day <= LATEST:
                items.append(task_item(t, f"{t['task_id']}:{day}", "error", f"implausible deadline {day}",
                                       deadline=str(day)))
    return Check(name="impossible_deadlines", title="Deadlines before the issue date, or impossible",
                 severity="error", items=items,
                 description="A deadline that passed before the document was issued is a drafting or extraction error.")


def status(due: dt.date, as_of: dt.date, warn_days: int) -> str:
    if due < as_of:
        return "red"
    return "yellow" if (due - as_of).days <= warn_days else "green"


def overdue(data: ReportData, as_of: dt.date, warn_days: int) -> tuple[Check, list[dict]]:
    """Tasks overdue (red) or due within warn_days (yellow), and agencies ranked by overdue tasks."""
    owned = owners(data)
    items, per_agency = [], defaultdict(Counter)
    for t in data.tasks:
        if t["ongoing"] or not t["due_date"]:
            continue
        light = status(t["due_date"], as_of, warn_days)
        for owner in owned[t["task_id"]]:
            per_agency[owner["agency"]][light] += 1
        if light != "green":
            names = [o["agency"] for o in owned[t["task_id"]]]
            days = (as_of - t["due_date"]).days
            summary = f"due {t['due_date']} ({days} days overdue)" if light == "red" else f"due {t['due_date']}"
            items.append(task_item(t, t["task_id"], light, summary, due_date=str(t["due_date"]), owners=names))
    items.sort(key=lambda i: (i.severity != "red", i.details["due_date"]))
    ranking = sorted(({"agency": name, **{c: n[c] for c in ("red", "yellow", "green")}}
                      for name, n in per_agency.items()), key=lambda r: (-r["red"], -r["yellow"], r["agency"]))
    check = Check(name="overdue", title=f"Overdue tasks as of {as_of}", severity="red", items=items,
                  description=f"Red: the last deadline has passed; yellow: due within {warn_days} days.")
    return check, ranking


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


def citations(data: ReportData) -> Check:
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
                              summary=f"《{c['cited_title']}》 cited as {c['cited_number']}, "
                                      f"but the corpus document is {c['to_number']}",
                              doc_number=c["from_number"], document=c["from_title"], source_path=c["source_path"],
                              start_line=c["start_line"]))
    for number, titles in titles_by_number.items():
        if len(titles) > 1:
            items.append(Item(key=f"titles:{number}", severity="warning",
                              summary=f"{number} cited with {len(titles)} titles: {'；'.join(sorted(titles))}"))
    for (number, title), citing in sorted(stubs.items(), key=lambda kv: (-len(kv[1]), kv[0][1] or "")):
        label = f"《{title}》" if title else ""
        items.append(Item(key=f"stub:{number or title}", severity="info",
                          summary=f"not in the corpus: {label}{f'（{number}）' if number else ''}, cited by {len(citing)}",
                          details={"cited_by": sorted(citing)}))
    return Check(name="citations", title="Citations: missing documents and conflicting references",
                 severity="warning", items=items,
                 description="Documents cited but not in the corpus (a list to acquire), a 文号 cited with different "
                             "titles, and a title cited with a 文号 that is not the corpus document's.")


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def slippage(data: ReportData) -> Check:
    """A document that cites a higher-level one and sets a later deadline, or another lead, for the same task."""
    tasks_of = defaultdict(list)
    for t in data.tasks:
        tasks_of[t["doc_id"]].append({**t, "grams": bigrams(t["text"][:120])})
    place = {a["agency_id"]: (a["jurisdiction"] or "").split("/")[-1] for a in data.agencies}
    leads = defaultdict(set)
    for row in data.leads:  # a lead's body without its place: 眉山市发展改革委 -> 发展改革委
        name, where = row["agency"], place.get(row["agency_id"], "")
        leads[row["task_id"]].add(name[len(where):] if where and name.startswith(where) else name)
    items = []
    for c in data.citations:
        if c["stub"] or c["from_id"] == c["to_id"]:
            continue
        for low in tasks_of[c["from_id"]]:
            scored = [(similarity(low["grams"], high["grams"]), high) for high in tasks_of[c["to_id"]]]
            score, high = max(scored, key=lambda s: s[0], default=(0.0, None))
            if high is None or score < SIMILAR_TASKS:
                continue
            later = low["due_date"] and high["due_date"] and low["due_date"] > high["due_date"]
            if later:
                items.append(pair_item(low, high, score, "later deadline",
                                       f"due {low['due_date']}, the cited document says {high['due_date']}"))
            low_leads, high_leads = leads[low["task_id"]], leads[high["task_id"]]
            if low_leads and high_leads and not low_leads & high_leads:
                items.append(pair_item(low, high, score, "different lead",
                                       f"led by {'、'.join(sorted(low_leads))}, the cited document names "
                                       f"{'、'.join(sorted(high_leads))}"))
    return Check(name="slippage", title="Deadline slippage between levels", severity="warning", items=items,
                 description="A task of a document that cites (implements) another sets a later deadline, or "
                             "names another lead body, than the matching task of the cited document "
                             "(tasks matched by text similarity).")


def pair_item(low: dict, high: dict, score: float, kind: str, summary: str) -> Item:
    return Item(key=f"slip:{kind}:{low['task_id']}:{high['task_id']}", severity="warning", summary=f"{kind}: {summary}",
                doc_number=low["doc_number"], document=low["title"], source_path=low["source_path"],
                start_line=low["start_line"],
                details={"task": low["text"][:200], "cited_task": high["text"][:200],
                         "cited_doc_number": high["doc_number"], "cited_document": high["title"],
                         "similarity": round(score, 2)})


def duplicates(data: ReportData) -> Check:
    items = [Item(key=f"dup:{d['doc_id']}", severity="info", summary="; ".join(d["merge_conflicts"]),
                  doc_number=d["doc_number"], document=d["title"], source_path=d["source_path"],
                  start_line=d["start_line"], details={"sources": d["sources"]})
             for d in data.documents if d["merge_conflicts"]]
    return Check(name="duplicates", title="Duplicate documents whose copies disagreed", severity="info", items=items,
                 description="Documents read from several sources and merged, where the copies differed.")
