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
    # auxiliaries and adverbs between an appositive name and its verb
    ("Its founder and chief executive, Jane Doe, has said publicly that the plan “works for everyone.”",
     [("Jane Doe", "works for everyone.", None)]),
    # the name before an aside: a relative clause holding "that", a participle, a first verb phrase
    ("Variety, which first reported that talks had stalled, wrote that the meeting “changed everything overnight.”",
     [("Variety", "changed everything overnight.", None)]),
    ("Acme’s Lee, leaving the hotel on Tuesday, told reporters only: “We are close to a deal.”",
     [("Sam Lee", "We are close to a deal.", None)]),
    ("A spokesperson, Sam Lee, pointed reporters to the memo and said the company “is bargaining in good faith.”",
     [("Sam Lee", "is bargaining in good faith.", None)]),
    ("“Nothing is off the table,” Doe, 54, said.",
     [("Jane Doe", "Nothing is off the table", None)]),
    ("Acme, a firm that makes widgets, said in a statement that the walkout was “deeply disappointing.”",
     [("Acme Corp", "deeply disappointing.", None)]),
    # "what it called": the pronoun is the clause's subject
    ("Talks broke down when Acme presented what it called a “last and final offer” on Friday.",
     [("Acme Corp", "last and final offer", None)]),
    ("Doe pointed to what Acme has called “a fair deal for all” and said it was anything but.",
     [("Acme Corp", "a fair deal for all", None)]),
    # a characterizing verb with "as"
    ("The offer, which the union rejected as “a rerun of the last one,” expired on Friday.",
     [("United Widget Workers", "a rerun of the last one", None)]),
    ("Acme dismissed the demands as “unrealistic and unaffordable.”",
     [("Acme Corp", "unrealistic and unaffordable.", None)]),
    # "the committee" after "<organization>'s ... committee"
    ("The union's bargaining committee met on Sunday. The committee called the deal “the best contract in a generation.”",
     [("United Widget Workers", "the best contract in a generation.", None)]),
    # "the statement said / read" after "X said in a statement" or "X issued a statement"
    ("Acme, a firm that makes widgets, said in a statement that it respected the vote.\n\n"
     "“We look forward to talks,” the statement said.",
     [("Acme Corp", "We look forward to talks", None)]),
    ("Acme issued a statement on Friday. “We remain at the table,” the statement read.",
     [("Acme Corp", "We remain at the table", None)]),
    # "It added": the organization that spoke last
    ("Acme said the demands were “unsustainable.” It added that it hoped to “reach a fair deal soon.”",
     [("Acme Corp", "unsustainable.", None), ("Acme Corp", "reach a fair deal soon.", None)]),
    ("Doe said the offer was “a good start.” It added that talks would “go on for weeks.”",
     [("Jane Doe", "a good start.", None)]),
    # a second verb whose subject is left out is the first one's
    ("In a statement, Acme called the walkout “an illegal stoppage” and said it was “weighing every option.”",
     [("Acme Corp", "an illegal stoppage", None), ("Acme Corp", "weighing every option.", None)]),
    # a title in quotes inside the aside does not cut the speaker off
    ("Showrunner Jane Doe, whose series “Widget Town” is on hiatus, posted on Instagram: “We are going back to work.”",
     [("Jane Doe", "We are going back to work.", None)]),
    # "urging" reports words too
    ("Doe weighed in on Friday in a post on X, urging both sides to “get back to the table.”",
     [("Jane Doe", "get back to the table.", None)]),
    # a short carried quote that is a sentence of its own is not a scare quote
    ("“I fought for every one of these jobs,” Doe wrote. “I'm sorry.”",
     [("Jane Doe", "I fought for every one of these jobs", None), ("Jane Doe", "I'm sorry.", None)]),
    # the last sentence of a long paragraph introduces the quote that follows
    ("The layoffs came on Tuesday, weeks after the company had promised staff that no cuts were planned for the year. "
     "The union, which represents most of the staff and is affiliated with the Writers Guild of America, "
     "posted a statement on Tuesday evening:\n\n“We will not accept this.”",
     [("United Widget Workers", "We will not accept this.", None)]),
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


@pytest.mark.parametrize("text, not_speaker", [
    # "then told": the second verb of "Lee met Doe" is Lee's, never Doe's
    ("Lee met Doe on Monday, then told reporters: “It went well, all things considered.”", "Jane Doe"),
    # a passive "dismissed as" names the thing dismissed, not the speaker
    ("The offer from the union was dismissed as “unrealistic and unaffordable” by Acme.", "United Widget Workers"),
    # "what it called" after a person: "it" is not Doe
    ("Doe criticized what it called a “last and final offer” on Friday.", "Jane Doe"),
    ("Doe, hailed as “a hero of the picket line” by members, spoke on Friday.", "Jane Doe"),
    ("Doe cited what some analysts have called “a bubble waiting to burst.”", "Jane Doe"),
])
def test_not_said_by(text: str, not_speaker: str) -> None:
    assert not_speaker not in [speaker for speaker, _, _ in quotes_of(text)]


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
