"""The blind-written sets must not regress below the levels the README reports.

``holdout`` was measured unseen at macro_f1 0.874 (entities 0.98); ``blind2`` at 0.774,
``blind3`` at 0.771, ``blind4`` at 0.716 and ``blind5`` at 0.871 (see tests/data/README.md).  Rules were tuned on them afterwards, so the
floors below sit under today's scores rather than at the unseen ones: a drop below them is a
regression someone must explain.
"""
from __future__ import annotations

import json

import pytest

from conftest import DATA, kg


@pytest.mark.parametrize("name, macro, entities", [
    ("holdout", 0.94, 0.97),
    ("blind2", 0.94, 0.97),
    ("blind3", 0.88, 0.95),
    ("blind4", 0.83, 0.92),
    ("blind5", 0.93, 0.98),
])
def test_blind_set_scores_do_not_regress(name: str, macro: float, entities: float) -> None:
    done = kg("evaluate", "--set", str(DATA / name), "--format", "json")
    assert done.returncode == 0, done.stderr
    total = json.loads(done.stdout)["total"]
    assert total["macro_f1"] >= macro, done.stdout[-2000:]
    assert total["entities"]["f1"] >= entities, done.stdout[-2000:]
