#!/usr/bin/env python3
"""Benchmark: `kg build` on the seed, start to finish, against `python -c "import rdflib"`.

The target (issue 2) is a build that takes at most twice as long as importing rdflib.
Usage: .venv/bin/python benchmarks/build_speed.py [--runs N]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "wga-amptp-resume-negotiations.txt"


def interleaved_medians(cmds: list[list[str]], runs: int) -> list[float]:
    """Median wall time of each command, running them in turns so that drift in the
    machine's speed (other jobs, CPU frequency) affects every command alike."""
    for cmd in cmds:
        subprocess.run(cmd, check=True, capture_output=True)      # warm the file cache
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times[i].append(time.perf_counter() - t)
    return [statistics.median(t) for t in times]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    kg = str(Path(sys.executable).with_name("kg"))
    with tempfile.TemporaryDirectory() as out:
        names = ["python -c 'import rdflib'", "kg --help", "kg build seed (ttl,html)"]
        cmds = [[sys.executable, "-c", "import rdflib"], [kg, "--help"],
                [kg, "build", str(SEED), "--out", out, "--published", "2023-09-21", "-q"]]
        rows = list(zip(names, interleaved_medians(cmds, a.runs)))
    base = rows[0][1]
    print(f"{'command':<30}{'median s':>10}{'x rdflib':>10}")
    for name, sec in rows:
        print(f"{name:<30}{sec:>10.3f}{sec / base:>10.2f}")


if __name__ == "__main__":
    main()
