"""The report's own history: a folder of dated `report-YYYY-MM-DD.json` files; each run compares
with the latest one before its date and adds its own, so a weekly schedule needs no file juggling."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from pydantic import ValidationError

from policykg.errors import PolicyKGError
from policykg.analysis.report.model import Report

DATED = re.compile(r"^report-(\d{4}-\d{2}-\d{2})\.json$")


def dated(folder: Path) -> dict[dt.date, Path]:
    """The folder's reports by date (files not named report-YYYY-MM-DD.json are not the history's)."""
    out = {}
    for path in Path(folder).glob("report-*.json"):
        match = DATED.match(path.name)
        if match:
            try:
                out[dt.date.fromisoformat(match.group(1))] = path
            except ValueError:
                continue
    return out


def previous(folder: Path, as_of: dt.date) -> Path | None:
    """The latest report of the history dated before `as_of`, if any."""
    earlier = [day for day in dated(folder) if day < as_of]
    return dated(folder)[max(earlier)] if earlier else None


def load(path: Path) -> Report:
    """A previous report.json; a coded error (E802) naming the file when it cannot be read."""
    try:
        return Report.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as exc:
        raise PolicyKGError("E802", str(path), reason=exc.strerror or str(exc)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PolicyKGError("E802", str(path), reason=f"not JSON ({exc})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "top level"
        raise PolicyKGError("E802", str(path), reason=f"not a policykg report ({where}: {first['msg']})") from None


def keep(report: Report, folder: Path) -> Path:
    """Add a report to the history under its date (a rerun that day replaces it)."""
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"report-{report.as_of.isoformat()}.json"
    kept.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    return kept
