"""exports/ holds what the README's main command writes for the example; it must be current.

Regenerate after an intended change with:  .venv/bin/pytest tests/test_golden_exports.py --update-golden
(or run the README's first command).  The Turtle is also compared as a graph, so a failure
says which triples changed, not just that bytes differ.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import ROOT, SEED, SEED_PUBLISHED, kg

EXPORTS = ROOT / "exports"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fresh")
    # exactly the README's main command, into a temporary folder
    done = kg("build", str(SEED), "--out", str(out), "--published", SEED_PUBLISHED)
    assert done.returncode == 0, done.stderr
    return out


def test_exports_folder_is_current(fresh: Path, request: pytest.FixtureRequest) -> None:
    names = sorted(p.name for p in fresh.iterdir())
    if request.config.getoption("--update-golden"):
        EXPORTS.mkdir(exist_ok=True)
        for name in names:
            shutil.copyfile(fresh / name, EXPORTS / name)
    committed = EXPORTS / f"{SEED.stem}.ttl"
    assert committed.exists(), "exports/ is empty: run the README's first command and commit exports/"
    new, old = Graph().parse(fresh / committed.name), Graph().parse(committed)
    if not isomorphic(new, old):
        _, only_old, only_new = graph_diff(to_isomorphic(old), to_isomorphic(new))
        pytest.fail(f"exports/ is stale: {len(only_new)} new and {len(only_old)} removed triples, e.g. "
                    f"{sorted(only_new)[:2]} / {sorted(only_old)[:2]}; regenerate with --update-golden")
    for name in names:
        assert (fresh / name).read_bytes() == (EXPORTS / name).read_bytes(), f"exports/{name} is stale"
