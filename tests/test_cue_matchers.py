"""The fast matchers of the event/quote stages do exactly what the regexes they replace did.

``WordList`` stands for ``(?<![\\w-])(?:e1|e2|...)(?![\\w-])`` (re.I, longest entry first), and
the trigger filter may skip a rule only where its regex cannot match.
"""
from __future__ import annotations

import re

import pytest

from kg.extract.word_lists import WordList, entries
from kg.extract.event_triggers import TriggerFilter, needs, rules


def _regex(items: list[str]) -> re.Pattern[str]:
    alts = "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in sorted(items, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


TRICKY = ["can", "can't", "can’t", "'ll", "’ll", "point out", "pointed out", "said", "set to", "is set"]


@pytest.mark.parametrize("text, pos, endpos", [
    ("He said, and she SAID it too.", 0, None),
    ("unsaid, said-so, said_x, said5 and (said)", 0, None),
    ("She announced it", 0, 12),                    # endpos cuts "announced" to "announce"
    ("We can’t and we can't; they’ll, we'll, it 'll", 0, None),
    ("They pointed\n  out that it is set to go", 0, None),
    ("They pointed out", 0, 12),                   # the two-word entry does not fit: "pointed" alone is none
    ("They ſaid and ıs ſet to", 0, None),           # re.I folds ſ to s and ı to i
    ("xsaid said", 1, None),                        # the word before ``pos`` still counts
    ("said", 3, 1),
])
def test_word_list_matches_like_the_regex(text: str, pos: int, endpos: int | None) -> None:
    items = TRICKY + list(entries("speech_verbs"))
    want = _regex(items)
    got = WordList(items)
    args = (text, pos) if endpos is None else (text, pos, endpos)
    assert [m.span() for m in got.finditer(*args)] == [m.span() for m in want.finditer(*args)]
    w, g = want.search(*args), got.search(*args)
    assert (g and (g.span(), g.group())) == (w and (w.span(), w.group()))


def test_word_list_with_other_characters_falls_back_to_the_regex() -> None:
    items = ["follow-up", "vs.", "said"]
    text = "A follow-up vs. the follow-ups, he said."
    assert [m.group() for m in WordList(items).finditer(text)] == [m.group() for m in _regex(items).finditer(text)]


@pytest.mark.parametrize("pattern, text", [
    (r"\bwent\s+(?:out\s+)?on\s+(?:a\s+|the\s+)?strike\b", "They WENT on strike"),
    (r"\bwalked\s+(?:off\s+(?:the|their)\s+jobs?|out\s+on\s+strike)\b", "walked off the job"),
    (r"\b(?:strike|walkout)\b(?!\s+(?:vote|fund))", "the walkout began"),
    (r"ab(?:cde|fgh)?ijk", "abijk"),
    (r"(?:foo|barbaz)+qux", "barbazqux"),
    (r"walk(?:ed|ing){0,2}", "walk"),
    (r"[abc]def|ghi", "ghi"),
    (r"(?i:mEEting)s?", "MEETINGS"),
    (r"(?<!press\s)conference", "the conference"),
])
def test_needs_hold_in_every_match(pattern: str, text: str) -> None:
    m = re.search(pattern, text, re.I)
    assert m
    for words in needs(pattern):
        assert any(w in m.group().lower() for w in words), (pattern, words)


@pytest.mark.parametrize("pattern", [r"(?x) strike", r"\x41bc", r"(?P<a>x)(?P=a)", r"(?#note)strike"])
def test_needs_claims_nothing_for_syntax_it_does_not_read(pattern: str) -> None:
    assert needs(pattern) == ()


def test_the_filter_keeps_every_rule_whose_regex_matches() -> None:
    text = ("UWW members went on strike Monday. Acme and the union met again Thursday, and talks resumed. "
            "In a statement, the union said the new offer, delivered Sept. 1, was rejected in a ratification vote. "
            "Negotiations between them broke down; the strike that began in May continued. "
            "The two sides returned to the bargaining table after a face-to-face meeting.")
    keep = {r.name for _order, r in TriggerFilter(text).rules(0, len(text))}
    fired = {r.name for r in rules() if r.pattern.search(text)}
    assert fired and fired <= keep
