"""The report's history and exit codes, and the README's cron and systemd recipes run as written over
simulated weeks (issue 14: the old recipe never produced a report)."""
import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

WEEK_1, WEEK_2, WEEK_3 = dt.date(2023, 6, 26), dt.date(2023, 7, 3), dt.date(2023, 7, 10)
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAIL = """#!/bin/sh
# records each mail: its arguments, then its body
{ printf '%s\\n' "$*"; cat; } > "$MAILBOX/$(date +%s%N).mail"
"""


def run(*args):
    return subprocess.run([sys.executable, "-m", "policykg", *map(str, args)], capture_output=True, text=True)


@pytest.fixture
def site(tmp_path, corpus_db):
    """/srv/policykg in miniature: the venv's policykg, the corpus graph, and `mail` on the PATH."""
    srv = tmp_path / "srv"
    (srv / ".venv" / "bin").mkdir(parents=True)
    launcher = srv / ".venv" / "bin" / "policykg"
    launcher.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m policykg \"$@\"\n")
    shutil.copyfile(corpus_db, srv / "policykg.lbug")
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "mail").write_text(MAIL)
    (tmp_path / "mailbox").mkdir()
    for script in (launcher, tools / "mail"):
        script.chmod(0o755)
    return srv


def env(site):
    return {**os.environ, "PATH": f"{site.parent / 'tools'}:{os.environ['PATH']}", "MAILBOX": str(site.parent / "mailbox")}


def mails(site):
    return [p.read_text(encoding="utf-8") for p in sorted((site.parent / "mailbox").iterdir())]


def on(command: str, site, day: dt.date) -> str:
    """A README command run at /srv/policykg as if on `day` (the only change: --as-of after 'report')."""
    assert "/srv/policykg" in command and " report " in command
    return command.replace("/srv/policykg", str(site)).replace(" report ", f" report --as-of {day} ", 1)


def cron_command() -> str:
    line = next(line for line in README.splitlines() if re.match(r"^0 7 \* \* 1\s", line))
    return line.split(None, 5)[5]


def red(report_json):
    return {i["key"] for c in report_json["checks"] if c["name"] == "overdue" for i in c["items"]
            if i["severity"] == "red"}


def test_the_readme_cron_recipe_over_two_weeks_gives_two_reports_and_a_diff(site, corpus_documents):
    week = []
    for day in (WEEK_1, WEEK_2):
        result = subprocess.run(["sh", "-c", on(cron_command(), site, day)], capture_output=True, text=True,
                                env=env(site))
        assert "Traceback" not in result.stderr
        week.append((result, json.loads((site / "report" / "report.json").read_text(encoding="utf-8"))))
    (first, one), (second, two) = week
    assert "nothing to compare" in first.stderr and one["changes"] is None
    assert f"compared with history/report-{WEEK_1}.json" in second.stderr
    assert sorted(os.listdir(site / "history")) == [f"report-{WEEK_1}.json", f"report-{WEEK_2}.json"]
    due_between = {t.task_id for d in corpus_documents for t in d.tasks
                   if t.due_dates and not t.ongoing and WEEK_1 <= max(t.due_dates) < WEEK_2}
    assert due_between and two["changes"]["previous_as_of"] == str(WEEK_1)
    assert set(two["changes"]["newly_overdue"]) == due_between == red(two) - red(one)
    sent = mails(site)  # tasks were overdue both weeks: one mail each, with that week's report
    assert len(sent) == 2 and all(m.startswith("-s policykg: overdue tasks duban@example.org") for m in sent)
    assert [m.splitlines()[1] for m in sent] == [f"# policykg consistency report — {day}" for day in (WEEK_1, WEEK_2)]


def test_the_readme_cron_recipe_mails_a_failure_when_the_report_cannot_run(site):
    subprocess.run(["sh", "-c", on(cron_command(), site, WEEK_1)], capture_output=True, env=env(site))
    (site / "history" / f"report-{WEEK_1}.json").write_text('{"as_of": "2023-06-26", "checks": [', encoding="utf-8")
    result = subprocess.run(["sh", "-c", on(cron_command(), site, WEEK_2)], capture_output=True, text=True,
                            env=env(site))
    assert "[E802]" in result.stderr and f"report-{WEEK_1}.json" in result.stderr
    assert "Traceback" not in result.stderr
    sent = mails(site)
    assert len(sent) == 2 and sent[1].startswith("-s policykg: report could not run admin@example.org")


def service_unit() -> dict[str, str]:
    """Key=value lines of the README's service unit."""
    block = next(b for b in re.findall(r"^```\w*\n(.*?)\n```$", README, re.DOTALL | re.MULTILINE) if "[Service]" in b)
    return dict(line.split("=", 1) for line in block.splitlines() if "=" in line and not line.startswith("["))


def test_the_readme_systemd_service_sends_the_mail_on_exit_1_and_fails_on_exit_2(site):
    service = service_unit()
    post = shlex.split(service["ExecStopPost"])
    for day, corrupt in ((WEEK_1, False), (WEEK_2, False), (WEEK_3, True)):
        if corrupt:
            (site / "history" / f"report-{WEEK_2}.json").write_text("not json", encoding="utf-8")
        start = subprocess.run(shlex.split(on(service["ExecStart"], site, day)), cwd=service["WorkingDirectory"]
                               .replace("/srv/policykg", str(site)), capture_output=True, text=True, env=env(site))
        succeeded = str(start.returncode) in ["0", *service["SuccessExitStatus"].split()]
        assert succeeded is not corrupt and start.returncode == (2 if corrupt else 1)
        subprocess.run(post, cwd=site, env={**env(site), "EXIT_STATUS": str(start.returncode)}, check=True)
    assert len(mails(site)) == 2


@pytest.mark.parametrize("content,reason,option", [
    ('{"as_of": "2023-06-26", "checks": [', "not JSON", "--history"),
    ("\xff\xfe garbage", "not JSON", "--previous"),
    ('{"as_of": "2023-06-26"}', "not a policykg report", "--previous"),
    ('{"as_of": "someday", "warn_days": 14, "checks": []}', "not a policykg report", "--history"),
    ("[]", "not a policykg report", "--previous"),
])
def test_a_corrupt_previous_report_is_a_coded_error_with_exit_2(corpus_db, tmp_path, content, reason, option):
    history = tmp_path / "history"
    history.mkdir()
    previous = history / "report-2023-06-26.json"
    previous.write_bytes(content.encode("latin-1"))
    result = run("report", "--db", corpus_db, "--as-of", "2023-07-03", option,
                 history if option == "--history" else previous, "--out", tmp_path / "out", "--fail-on", "red")
    assert result.returncode == 2 and "[E802]" in result.stderr and reason in result.stderr
    assert previous.name in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "report.json").exists()


def test_exit_codes_tell_overdue_from_could_not_run(corpus_db, tmp_path):
    overdue = run("report", "--db", corpus_db, "--as-of", "2023-11-22", "--format", "json", "--out", tmp_path / "a",
                  "--fail-on", "red")
    calm = run("report", "--db", corpus_db, "--as-of", "2020-01-01", "--format", "json", "--out", tmp_path / "b",
               "--fail-on", "red")
    broken = run("report", "--db", tmp_path / "absent.lbug", "--out", tmp_path / "c", "--fail-on", "red")
    assert (overdue.returncode, calm.returncode, broken.returncode) == (1, 0, 2)
    assert broken.stderr.startswith("error [E701]") and broken.stderr.count("error") == 1
    both = run("report", "--db", corpus_db, "--previous", tmp_path / "a" / "report.json", "--history", tmp_path / "h",
               "--out", tmp_path / "d")
    assert both.returncode == 2


def test_a_rerun_on_the_same_day_replaces_that_day_and_compares_with_the_week_before(corpus_db, tmp_path):
    history = tmp_path / "history"
    for day in (WEEK_1, WEEK_2, WEEK_2):
        result = run("report", "--db", corpus_db, "--as-of", day, "--history", history, "--format", "json",
                     "--out", tmp_path / "out")
        assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(history)) == [f"report-{WEEK_1}.json", f"report-{WEEK_2}.json"]
    latest = json.loads((history / f"report-{WEEK_2}.json").read_text(encoding="utf-8"))
    assert latest["changes"]["previous_as_of"] == str(WEEK_1)
