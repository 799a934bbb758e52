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


def median_seconds(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, check=True, capture_output=True)          # warm the file cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    kg = str(Path(sys.executable).with_name("kg"))
    with tempfile.TemporaryDirectory() as out:
        rows = [
            ("python -c 'import rdflib'", median_seconds([sys.executable, "-c", "import rdflib"], a.runs)),
            ("kg --help", median_seconds([kg, "--help"], a.runs)),
            ("kg build seed (ttl,html)", median_seconds(
                [kg, "build", str(SEED), "--out", out, "--published", "2023-09-21", "-q"], a.runs)),
        ]
    base = rows[0][1]
    print(f"{'command':<30}{'median s':>10}{'x rdflib':>10}")
    for name, sec in rows:
        print(f"{name:<30}{sec:>10.3f}{sec / base:>10.2f}")


if __name__ == "__main__":
    main()
