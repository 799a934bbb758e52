"""Shared fixtures: the seed article, the real CLI as a subprocess, and one seed build per session."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "wga-amptp-resume-negotiations.txt"
SEED_PUBLISHED = "2023-09-21"
DATA = Path(__file__).resolve().parent / "data"


def kg(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``kg`` CLI (``python -m kg``) and capture its output."""
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          input=input, cwd=cwd, timeout=300)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built once (all formats) with the real CLI; returns the output folder."""
    out = tmp_path_factory.mktemp("seed")
    done = kg("build", str(SEED), "--out", str(out), "--published", SEED_PUBLISHED,
              "--format", "ttl,nt,jsonld,trig,html,graphml")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def seed_ttl(seed_build: Path) -> Path:
    return seed_build / f"{SEED.stem}.ttl"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files (exports/) from the current build instead of comparing")
