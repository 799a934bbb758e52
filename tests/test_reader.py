"""Reading pasted articles: headline, credit, byline, dateline, junk, wrapped lines, sentences."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.document import Document
from kg.errors import InputError
from kg.reader import parse_article, parse_byline
from kg.sentences import sentences

PASTED = """Union, Carrier Agree to Resume Talks

Photo by Jane Roe for Example News

Union, Carrier Agree to Resume Talks

By Sam Writer

The Teamsters resumed talks with Acme Freight Inc. on Monday. Mr. Lee said so.

Negotiations will continue Thursday.

Quality: - Content: +1
Share this:
"""


def test_header_lines_become_metadata_and_junk_is_dropped() -> None:
    a = parse_article(PASTED, stem="x")
    assert a.headline is not None and a.headline.of(a.text) == "Union, Carrier Agree to Resume Talks"
    assert a.author == "Sam Writer"
    assert not a.text.rstrip().endswith(("+1", "Share this:"))
    bodies = [p.of(a.text) for p in a.body]
    # the credit stays in the body (it names outlets); the repeated headline and byline do not
    assert bodies == ["Photo by Jane Roe for Example News",
                      "The Teamsters resumed talks with Acme Freight Inc. on Monday. Mr. Lee said so.",
                      "Negotiations will continue Thursday."]


@pytest.mark.parametrize("text, expected", [
    ("Acme Inc. said no. Talks ended.", ["Acme Inc. said no.", "Talks ended."]),
    ("Mr. Lee met Ms. Park on Aug. 22. They talked.", ["Mr. Lee met Ms. Park on Aug. 22.", "They talked."]),
    ("Warner Bros. Discovery agreed. The U.S. economy grew.", ["Warner Bros. Discovery agreed.", "The U.S. economy grew."]),
    ("“We walk out,” she said. “Now.”", ["“We walk out,” she said.", "“Now.”"]),
    ("J. Smith spoke. A.I. was discussed. Then lunch.", ["J. Smith spoke.", "A.I. was discussed.", "Then lunch."]),
])
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    a = parse_article("Headline here\n\n" + text, stem="x")
    doc = sentences(Document(a))
    got = [s.span.of(a.text) for s in doc.sentences]
    assert got == expected


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    a = parse_article("Title\n\nThe union said the talks\nwould resume on Monday.\nThe company agreed.", stem="x")
    assert [p.of(a.text) for p in a.body] == [
        "The union said the talks\nwould resume on Monday.", "The company agreed."]


def test_metadata_lines_and_dateline() -> None:
    a = parse_article("# published: 2024-03-05\nStrike Ends\n\nMarch 5, 2024\n\nWorkers returned.", stem="x")
    assert a.published == dt.date(2024, 3, 5)
    assert [p.of(a.text) for p in a.body] == ["Workers returned."]
    b = parse_article("Strike Ends\n\nPublished: Sept. 14, 2023\n\nWorkers returned.", stem="x")
    assert b.published == dt.date(2023, 9, 14)


def test_text_without_header_is_all_body() -> None:
    a = parse_article("The union voted to strike. The company said it was disappointed.", stem="x")
    assert a.headline is None
    assert len(a.body) == 1


def test_only_junk_is_an_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        parse_article("Quality: - Content: +1\n", stem="x")


@pytest.mark.parametrize("text, expected", [
    ("It was No. 5 on the list. Fine.", ["It was No. 5 on the list.", "Fine."]),
    ("The deal was with Acme Inc. The union agreed.", ["The deal was with Acme Inc.", "The union agreed."]),
])
def test_abbreviations_that_depend_on_the_next_word(text: str, expected: list[str]) -> None:
    a = parse_article(text, stem="x")
    assert [s.span.of(a.text) for s in sentences(Document(a)).sentences] == expected


BLOG = """Drivers Walk Out

Posted by Jo Blogger | March 4, 2024 | 2 Comments

The drivers union went on strike on Monday. "We are done waiting," said Ana Ruiz.

Let me know what you think in the comments!

Rating: 4.5/5 (12 votes)

Share this:
Twitter
Facebook

Related
Carrier Lays Off 200 Workers
Union Files Complaint
"""


def test_blog_header_and_page_furniture() -> None:
    a = parse_article(BLOG, stem="x")
    assert a.author == "Jo Blogger" and a.published == dt.date(2024, 3, 4)
    assert a.text.endswith("in the comments!")        # share buttons and related links are gone
    assert [p.of(a.text) for p in a.body][-1] == "Let me know what you think in the comments!"


@pytest.mark.parametrize("header, dek, first_body", [
    # a subheadline between headline and byline is metadata, not a body sentence
    ("Pilots reach deal\n\nDeal would lift pay 34%; union leaders to vote Sept. 4\n\nBy A. Writer\n\n",
     "Deal would lift pay 34%; union leaders to vote Sept. 4", "The union said so on Monday."),
    ("Pilots reach deal\n\nDeal would lift pay\n\nUpdated: March 4, 2024\n\n", "Deal would lift pay",
     "The union said so on Monday."),
    # a credit line is not a subheadline: it stays in the body, where it names the photographer
    ("Pilots reach deal\n\nStaff photo by Gwen Tallis\n\nBy A. Writer\n\n", None, "Staff photo by Gwen Tallis"),
    # with no byline or dateline after it, a short line is body text
    ("Pilots reach deal\n\nA short first paragraph\n\n", None, "A short first paragraph"),
])
def test_subheadline_before_the_byline(header: str, dek: str | None, first_body: str) -> None:
    a = parse_article(header + "The union said so on Monday.\n", stem="x")
    assert (a.dek.of(a.text) if a.dek else None) == dek
    assert a.body[0].of(a.text) == first_body



@pytest.mark.parametrize("line, names, title, outlet", [
    ("By Ana Pell and Bo Lind", ["Ana Pell", "Bo Lind"], None, None),
    ("By ODA WINTERS Associated Press", ["ODA WINTERS"], None, "Associated Press"),
    ("By Jo Mattern, The Associated Press", ["Jo Mattern"], None, "The Associated Press"),
    ("By Jo Mattern | The Lakeport Ledger", ["Jo Mattern"], None, "The Lakeport Ledger"),
    ("By Jo Mattern, Sun Staff Writer", ["Jo Mattern"], "Staff Writer", "Sun"),
    ("Jo Mattern – Labor Reporter, Tri-County Trade Report", ["Jo Mattern"], "Labor Reporter",
     "Tri-County Trade Report"),
    ("Posted by Jo Mattern on March 3, 2024 in Updates", ["Jo Mattern"], None, None),
    ("Posted by Jo Blogger | March 4, 2024 | 2 Comments", ["Jo Blogger"], None, None),
    ("by: Jo Mattern", ["Jo Mattern"], None, None),
])
def test_byline_parts(line: str, names: list[str], title: str | None, outlet: str | None) -> None:
    b = parse_byline(line)
    assert b is not None
    assert [line[s:e] for s, e in b.names] == names
    assert (line[b.title[0]:b.title[1]] if b.title else None) == title
    assert (line[b.outlet[0]:b.outlet[1]] if b.outlet else None) == outlet


@pytest.mark.parametrize("line", [
    "Tamsin Okoro, labour correspondent",           # no "By" and no dash: a body line
    "Union Leader – The Deal Is Done",              # not a person's name
    "Strike Ends – Workers Return",
    "KXYZ 9 News | Updated 9:15 AM",                # a masthead, not a byline
])
def test_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize("text, headline, publisher, author, first_body", [
    # a masthead above the headline: the outlet is the publisher, the next line the headline
    ("Local News | The Lakeport Sun\n\nDockworkers strike at two ports\n\nPhoto: Pickets at Pier 4.\n\n"
     "Dockworkers strike at two ports\n\nBy Jo Mattern, Sun Staff Writer\n\nDockworkers walked out.",
     "Dockworkers strike at two ports", "The Lakeport Sun", "Jo Mattern", "Photo: Pickets at Pier 4."),
    # a masthead below it, with a time or before a byline
    ("Dockworkers strike\n\nKXYZ 9 News | Updated 9:15 AM\n\nDockworkers walked out.",
     "Dockworkers strike", "KXYZ 9 News", None, "Dockworkers walked out."),
    ("Dockworkers strike\n\nDock Talk Weekly\nPosted by Jo Mattern on March 3, 2024\n\nDockworkers walked out.",
     "Dockworkers strike", "Dock Talk Weekly", "Jo Mattern", "Dockworkers walked out."),
    # a byline with no "By" names the outlet; a dateline may carry a time after a slash
    ("Dockworkers strike\n\nJo Mattern – Labor Reporter, Tri-County Trade Report\nMarch 3, 2024\n\n"
     "Dockworkers walked out.", "Dockworkers strike", "Tri-County Trade Report", "Jo Mattern",
     "Dockworkers walked out."),
    ("Dockworkers strike\n\nby: Jo Mattern\nPosted: Mar 3, 2024 / 08:05 AM EST\n\nDockworkers walked out.",
     "Dockworkers strike", None, "Jo Mattern", "Dockworkers walked out."),
])
def test_masthead_and_byline_lines(text: str, headline: str, publisher: str | None, author: str | None,
                                   first_body: str) -> None:
    a = parse_article(text, stem="x")
    assert a.headline is not None and a.headline.of(a.text) == headline
    assert a.publisher == publisher and a.author == author
    assert a.body[0].of(a.text) == first_body


@pytest.mark.parametrize("header, author, dek", [
    # a one-sentence summary and a photo caption ending in its credit, then the byline
    ("Players strike\n\nThe walkout is the first in the club's history.\n\nPickets outside the arena on "
     "Friday.Credit...Ana Vos for The Lakeport Sun\n\nBy Ema Roth\nOct. 5, 2024\n\n", "Ema Roth",
     "The walkout is the first in the club's history."),
    # a headline written as a sentence and an audio player's label
    ("Aides win a raise. Now the state must pay.\n\nListen · 3:05\n\nBy Tova Reyes, Calder Public Media\n\n",
     "Tova Reyes", None),
    # a first paragraph that ends in a period, with no byline after it, stays body text
    ("Players strike\n\nThe walkout began on Friday.\n\nUpdated: March 4, 2024\n\n", None, None),
])
def test_sentence_headers_captions_and_players(header: str, author: str | None, dek: str | None) -> None:
    a = parse_article(header + "The union said so on Monday.\n", stem="x")
    assert a.author == author
    assert (a.dek.of(a.text) if a.dek else None) == dek
    assert a.body[-1].of(a.text) == "The union said so on Monday."
