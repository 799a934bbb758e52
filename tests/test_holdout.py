"""The blind-written holdout set (tests/data/holdout) must not regress below what was measured
when it was still unseen (macro_f1 0.874, entities F1 0.98)."""
from __future__ import annotations

import json

from conftest import DATA, kg


def test_holdout_scores_do_not_regress() -> None:
    done = kg("evaluate", "--set", str(DATA / "holdout"), "--format", "json")
    assert done.returncode == 0, done.stderr
    total = json.loads(done.stdout)["total"]
    assert total["macro_f1"] >= 0.85, done.stdout[-2000:]
    assert total["entities"]["f1"] >= 0.95, done.stdout[-2000:]
