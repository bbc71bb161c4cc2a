"""Startup: wall time of `policykg --help` (goal: under 0.3 s), and which heavy libraries it loads.

    .venv/bin/python benchmarks/startup.py [RUNS]

Prints the median and best wall time and the median CPU time of RUNS runs (default 11) of the installed `policykg` script beside
this interpreter, and the heavy libraries `import policykg.cli` pulls in (none expected).
"""
from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HEAVY = ("spacy", "pdfplumber", "neo4j", "ladybug", "pyarrow", "networkx", "jinja2", "lxml", "openpyxl",
         "python_calamine", "opencc", "pydantic", "rich")


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run; CPU time hardly moves on a busy machine."""
    start, start_cpu = time.perf_counter(), cpu()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, cpu() - start_cpu


def loaded_heavy() -> list[str]:
    probe = f"import sys, policykg.cli; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    return subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.split()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    script = Path(sys.executable).with_name("policykg")
    walls, cpus = zip(*(timed([str(script), "--help"]) for _ in range(runs)))
    print(f"policykg --help: wall median {statistics.median(walls):.3f} s, best {min(walls):.3f} s; "
          f"CPU median {statistics.median(cpus):.3f} s ({runs} runs)")
    print(f"heavy libraries loaded by the CLI at startup: {', '.join(loaded_heavy()) or 'none'}")


if __name__ == "__main__":
    main()
