"""Odd text never crashes the pipeline (a crash would reach the user as a traceback)."""
from __future__ import annotations

import pytest

from kg.document import Document
from kg.pipeline import run_stages
from kg.reader import parse_article

ODD = [
    "Workers cheered for Zed Quark, —",
    "Acme Corp. named Bob Smith, its\tchief executive, to lead talks.",
    "“", "”unbalanced quote“ said", "'", "(", ")", "—", "Mr.", "Ms. ", "Inc.", "The union", "CEO",
    "Sam Reyes, , , co-CEO;;;", "“A” “B” “C”, said", "Local 1 Local 2 Local 3",
    "On strike since Feb. 30, 2023.", "Talks resume Monday tomorrow yesterday next week last month.",
    "X said: “" + "word " * 2000,
    "A\u00a0B\u2009C\u200bD said “hi”.", "Ünïcödé Gúild (ÜG) said “ça va”.",
    "Mr. O’Brien-Smith de la Vega III, Acme Co. co-CEO and chairman, said “fine,” per Reuters.",
]


@pytest.mark.parametrize("text", ODD)
def test_pipeline_survives_odd_text(text: str) -> None:
    doc = run_stages(Document(parse_article("Headline\n\n" + text, stem="x")))
    for q in doc.quotes:
        assert doc.text[q.span.start:q.span.end] == q.text


def test_dotless_i_in_a_description_does_not_crash() -> None:
    doc = run_stages(Document(parse_article("Talks\n\nPilots of Skyward, the unıon that represents them, met.", stem="x")))
    assert doc.text
