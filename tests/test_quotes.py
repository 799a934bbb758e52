"""Quotes: the quoted words and who said them, on documents with hand-made entities.

The entities and mentions are built here from a small table, so these tests exercise the
quote rules alone, whatever the entity stage makes of the same text.
"""
from __future__ import annotations

import datetime as dt

import pytest

from kg.document import Document
from kg.extract.events import find_events
from kg.extract.quotes import find_quotes

from hand_entities import doc_with_entities, key

# name -> (type, other forms the text may use)
ENTITIES = {
    "Jane Doe": ("Person", ("Doe",)),
    "Sam Lee": ("Person", ("Lee",)),
    "United Widget Workers": ("Union", ("the union",)),
    "Writers Guild of America": ("Guild", ("WGA",)),
    "Acme Corp": ("Company", ("Acme",)),
    "Variety": ("MediaOutlet", ()),
    "Reuters": ("MediaOutlet", ()),
}


def make_doc(text: str, published: dt.date | None = dt.date(2023, 9, 21)) -> Document:
    """A document with sentences, and mentions wherever a form of an ENTITIES entry occurs."""
    return doc_with_entities(text, ENTITIES, published)


def quotes_of(text: str) -> list[tuple[str, str, str | None]]:
    """(speaker name, quoted words, via name) for each quote found, in text order."""
    doc = find_quotes(find_events(make_doc(text)))
    names = {e.key: e.name for e in doc.entities}
    for q in doc.quotes:
        assert doc.text[q.span.start:q.span.end] == q.text          # the span is the words
        assert q.evidence.span.start <= q.span.start and q.span.end <= q.evidence.sentence.end
    return [(names[q.speaker], q.text, names.get(q.via) if q.via else None) for q in doc.quotes]


@pytest.mark.parametrize("text, expected", [
    # attribution before the quote
    ("Jane Doe said, “We will not back down.”",
     [("Jane Doe", "We will not back down.", None)]),
    ('Variety reported, "Talks resumed on Tuesday."',
     [("Variety", "Talks resumed on Tuesday.", None)]),
    # after: verb first, name first, surname only, an organization speaking
    ("“We will not back down,” said Jane Doe.",
     [("Jane Doe", "We will not back down", None)]),
    ("“We will not back down,” Doe said.",
     [("Jane Doe", "We will not back down", None)]),
    ("“Talks are over,” the union said in a statement.",
     [("United Widget Workers", "Talks are over", None)]),
    ("“We are close,” said Sam Lee, Acme’s chief executive.",
     [("Sam Lee", "We are close", None)]),
    # in the middle: both parts are the speaker's
    ("“We will not back down,” Doe said. “We are ready to strike.”",
     [("Jane Doe", "We will not back down", None), ("Jane Doe", "We are ready to strike.", None)]),
    # the outlet it came through
    ("Doe told Reuters the deal was “a win for everyone.”",
     [("Jane Doe", "a win for everyone.", "Reuters")]),
    # fragments inside reported speech, with the outlet after the second one
    ("The union noted that there had been “real discussions” with Acme, “but we are not there yet,” per Variety.",
     [("United Widget Workers", "real discussions", "Variety"),
      ("United Widget Workers", "but we are not there yet", "Variety")]),
    # a quote left open at the end of its paragraph ends there
    ("In August, Variety reported, “Talks resumed as both sides met.\n\nThe talks did not get far.",
     [("Variety", "Talks resumed as both sides met.", None)]),
    # transcript style, and a pronoun for the person just named
    ('JANE DOE, UNION PRESIDENT: "Nobody wants this."',
     [("Jane Doe", "Nobody wants this.", None)]),
    ("Jane Doe spoke outside the plant. “We are ready,” she said.",
     [("Jane Doe", "We are ready", None)]),
    # British style single quotes, and a statement speaking
    ("Doe said crews had ‘run out of patience’ with Acme.",
     [("Jane Doe", "run out of patience", None)]),
    ("Acme said in a statement on Monday that the offer was fair. “We respect the union,” the statement said.",
     [("Acme Corp", "We respect the union", None)]),
    # attribution between the two halves of one sentence
    ("“We are fighting for our members,” said Jane Doe, “and we will not stop.”",
     [("Jane Doe", "We are fighting for our members", None), ("Jane Doe", "and we will not stop.", None)]),
    # "according to" after, an adverbial between the name and the verb, "called"
    ("“We're hopeful,” according to Sam Lee.",
     [("Sam Lee", "We're hopeful", None)]),
    ("Doe, for her part, told reporters the offer was “final.”",
     [("Jane Doe", "final.", None)]),
    ("Lee called the union's latest proposal “an insult.”",
     [("Sam Lee", "an insult.", None)]),
    # plain straight single quotes
    ("“Nobody wins a strike,” Lee said. 'We need to get back to the table,' he added.",
     [("Sam Lee", "Nobody wins a strike", None), ("Sam Lee", "We need to get back to the table", None)]),
    # a reporting verb in a clause after the quote is that clause's, not the quote's
    ("Acme called the offer “insulting,” which the union said was unfair.",
     [("Acme Corp", "insulting", None)]),
    # a paragraph ending "X said:" introduces the quote that follows
    ("Talks went on.\n\nThe union's president, Jane Doe, said:\n\n“We came to the table in good faith.”",
     [("Jane Doe", "We came to the table in good faith.", None)]),
    # “...,” X said, then a paragraph that is all quote carries on X's words
    ("“We are ready,” Doe said.\n\n“We have been ready for months.”",
     [("Jane Doe", "We are ready", None), ("Jane Doe", "We have been ready for months.", None)]),
])
def test_quote_attribution(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text", [
    # scare quotes: one or two words and no reporting verb
    "The so-called “final offer” was rejected by the union.",
    "Acme called off the “Widget Days” festival.",
    # nobody we can name said it
    "“We are ready,” a person familiar with the talks said.",
    "“It is over,” people close to the negotiations said.",
    # a title in quotes
    "The union screened “The Long Strike: A History of Widget Workers” on Friday.",
])
def test_no_quote(text: str) -> None:
    assert quotes_of(text) == []


def test_quote_running_over_paragraphs_is_one_quote() -> None:
    text = "“We gave Acme a proposal in June,” said Jane Doe. “They sat on it.\n\n“Now they blame us.”"
    found = quotes_of(text)
    assert [(s, t[:12]) for s, t, _ in found] == [("Jane Doe", "We gave Acme"), ("Jane Doe", "They sat on ")]
    assert found[1][1].endswith("Now they blame us.")


def test_nested_quote_belongs_to_who_the_quote_says() -> None:
    text = ("Variety reported, “The talks stalled, and the writers complained the CEOs had "
            "greeted them with ‘a lecture about fairness.’”")
    found = quotes_of(text)
    assert found[0][0] == "Variety" and found[0][1].startswith("The talks stalled")
    assert ("Writers Guild of America", "a lecture about fairness.", None) in found
