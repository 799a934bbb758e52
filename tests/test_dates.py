"""Date expressions: where they are in a sentence, and the ISO date each stands for."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dates import find_dates, resolve_date

THU = dt.date(2023, 9, 21)          # a Thursday
JAN = dt.date(2024, 1, 10)          # a Wednesday early in a year


@pytest.mark.parametrize("text, published, planned, expected", [
    # weekdays: the most recent one for past events, the next one for planned ones
    ("Wednesday", THU, False, "2023-09-20"),
    ("on Wednesday", THU, False, "2023-09-20"),
    ("Wednesday’s", THU, False, "2023-09-20"),
    ("on Thursday", THU, False, "2023-09-21"),
    ("on Monday", THU, False, "2023-09-18"),
    ("Friday", THU, False, "2023-09-15"),
    ("Thursday", THU, True, "2023-09-28"),
    ("Friday", THU, True, "2023-09-22"),
    ("last Thursday", THU, False, "2023-09-14"),
    ("next Monday", THU, False, "2023-09-25"),
    ("Monday morning", THU, False, "2023-09-18"),
    # deictic days
    ("today", THU, False, "2023-09-21"),
    ("tomorrow", THU, True, "2023-09-22"),
    ("yesterday", THU, False, "2023-09-20"),
    ("tonight", THU, True, "2023-09-21"),
    # months relative to publication
    ("last month", THU, False, "2023-08"),
    ("last month", JAN, False, "2023-12"),
    ("next month", THU, True, "2023-10"),
    ("earlier this month", THU, False, "2023-09"),
    ("later this month", THU, True, "2023-09"),
    # too vague for a day or a month: no date rather than a guess
    ("next week", THU, True, None),
    ("earlier this week", THU, False, None),
    ("last year", THU, False, None),
    ("in 2022", THU, False, None),
    # month and day: the published year, unless that contradicts the tense
    ("Aug. 22", THU, False, "2023-08-22"),
    ("Sept. 15", THU, False, "2023-09-15"),
    ("Nov. 9", THU, False, "2022-11-09"),
    ("Nov. 9", THU, True, "2023-11-09"),
    ("March 3", THU, False, "2023-03-03"),
    ("Dec. 20", JAN, False, "2023-12-20"),
    ("Jan. 5", dt.date(2023, 12, 20), True, "2024-01-05"),
    ("September 15th", THU, False, "2023-09-15"),
    ("3 March", THU, False, "2023-03-03"),
    # a weekday named with the date fixes the year
    ("Thursday, Nov. 9", THU, False, "2023-11-09"),
    ("Thursday, Nov. 9", THU, True, "2023-11-09"),
    # months alone
    ("in May", THU, False, "2023-05"),
    ("at the beginning of May", THU, False, "2023-05"),
    ("in late August", THU, False, "2023-08"),
    ("in early October", THU, False, "2022-10"),
    ("in October", THU, True, "2023-10"),
    ("in March", JAN, True, "2024-03"),
    # British forms: a weekday before the day, a span of days (its first), and a date a few
    # weeks ahead with no tense to say so is still the coming one, not last year's
    ("on Thursday 12 December", dt.date(2024, 12, 5), True, "2024-12-12"),
    ("on 9 and 10 December", dt.date(2024, 12, 5), True, "2024-12-09"),
    ("on 9-10 December", dt.date(2024, 12, 5), False, "2024-12-09"),
    ("10 December", dt.date(2024, 12, 5), False, "2024-12-10"),
    ("20 March", dt.date(2024, 12, 5), False, "2024-03-20"),
    # "last May" is the May before publication, "next June" the one after
    ("since last May", dt.date(2024, 4, 18), False, "2023-05"),
    ("last March", dt.date(2024, 4, 18), False, "2024-03"),
    ("next June", dt.date(2024, 4, 18), True, "2024-06"),
    ("next April", dt.date(2024, 4, 18), True, "2025-04"),
    # explicit years and ISO dates
    ("March 3, 2022", THU, False, "2022-03-03"),
    ("May 2023", THU, False, "2023-05"),
    ("2023-09-20", THU, False, "2023-09-20"),
    ("Feb. 30", THU, False, None),
    # no published date: only what carries its own year
    ("Wednesday", None, False, None),
    ("tomorrow", None, True, None),
    ("Aug. 22", None, False, None),
    ("in May", None, False, None),
    ("March 3, 2022", None, False, "2022-03-03"),
    ("in May 2021", None, False, "2021-05"),
])
def test_resolve_date(text: str, published: dt.date | None, planned: bool, expected: str | None) -> None:
    assert resolve_date(text, published, planned=planned) == expected


@pytest.mark.parametrize("text, expected", [
    ("the UWW strike that began in May.", ["in May"]),
    # "in" before a weekday belongs to the verb ("weighed in Wednesday"), not to the date
    ("The mayor weighed in Wednesday in a post on X.", ["Wednesday"]),
    ("In a memo to members on Thursday, leaders noted it.", ["on Thursday"]),
    ("They will meet again Thursday, Nov. 9, in Los Angeles.", ["Thursday, Nov. 9"]),
    ("Several leaders joined Wednesday’s meeting.", ["Wednesday’s"]),
    ("That conference, on March 3, was followed by more.", ["on March 3"]),
    ("met for the first time since May", ["since May"]),
    # "may" the modal, "May" the surname and "Mayor" are not months
    ("Talks may resume soon, Mayor Jones said.", []),
    ("Prime Minister Theresa May spoke.", []),
    ("They may meet within days.", []),
])
def test_find_dates(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)] == expected


def test_find_dates_offsets_slice_the_text() -> None:
    text = "xx The strike began on March 3 and ended Sept. 15."
    for d in find_dates(text[3:], offset=3):
        assert text[d.span.start:d.span.end] == d.text
    assert [(d.prep, d.core) for d in find_dates(text)] == [("on", "March 3"), (None, "Sept. 15")]
