"""Write the hand-made SPARQL fixtures: two short invented articles, annotated by hand.

The facts below are written by hand (no extractor runs), so the fixtures stay fixed while
extraction changes; ``kg.rdf.graph.to_graph`` turns them into the project's RDF model.
Regenerate with:  .venv/bin/python tests/data/sparql/make_fixtures.py
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from kg.document import Document, Entity, Event, Evidence, Mention, Quote, Role, Span
from kg.export import to_turtle
from kg.rdf.graph import to_graph
from kg.rdf.iris import IRIs
from kg.rdf.namespaces import DEFAULT_BASE
from kg.reader import parse_article
from kg.sentences import sentences

HERE = Path(__file__).resolve().parent

TALKS = """Dockworkers and port operators resume contract talks

By Jane Doe

The International Dockworkers Union (IDU) and the Pacific Maritime Council (PMC) met on Tuesday in Oakland to resume contract talks, the union said.

Maria Lopez, IDU president, and Tom Becker, chief executive of Harbor Lines, attended the meeting.

"We are closer than we have ever been," Lopez told the Daily Ledger.

The union will hold a strike vote on March 15.
"""

DEAL = """Port operators and union reach tentative deal

The International Dockworkers Union and the Pacific Maritime Council reached a tentative deal on Monday.

Harbor Lines CEO Tom Becker said in a statement that the deal "keeps cargo moving".

Maria Lopez, president of the union, posted on X: "Our members won."

"Talks were hard," PMC spokesperson Ann Chu told the Daily Ledger.

Sam Ortiz with the Daily Ledger shared the news on X on Monday.
"""

ENTITIES = {
    "international-dockworkers-union": ("International Dockworkers Union", "Union", ("IDU",)),
    "pacific-maritime-council": ("Pacific Maritime Council", "TradeAssociation", ("PMC",)),
    "maria-lopez": ("Maria Lopez", "Person", ("Lopez",)),
    "tom-becker": ("Tom Becker", "Person", ()),
    "harbor-lines": ("Harbor Lines", "Company", ()),
    "daily-ledger": ("Daily Ledger", "MediaOutlet", ()),
    "ann-chu": ("Ann Chu", "Person", ()),
    "x": ("X", "Platform", ()),
    "sam-ortiz": ("Sam Ortiz", "Person", ()),
}


class Annotator:
    """Finds spans by their words, so the hand annotations below stay readable."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text

    def span(self, words: str, after: int = 0) -> Span:
        start = self.text.index(words, after)
        return Span(start, start + len(words))

    def evidence(self, words: str, rule: str, confidence: float = 0.9) -> Evidence:
        """Evidence at the first place the words occur inside a body sentence (not the headline)."""
        for sent in self.doc.sentences:
            if words in sent.span.of(self.text):
                span = self.span(words, sent.span.start)
                return Evidence(sent.span, span, rule, confidence)
        raise AssertionError(f"no sentence says {words!r}")

    def entities(self, keys: list[str]) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
        ents, mentions = [], []
        for key in keys:
            name, type_, aliases = ENTITIES[key]
            seen = tuple(a for a in aliases if a in self.text)
            ents.append(Entity(key, name, type_, seen, "fixture.hand", 1.0))  # type: ignore[arg-type]
            for form in (name, *seen):       # longest form first: "Lopez" inside "Maria Lopez" is no mention
                for found in re.finditer(rf"\b{re.escape(form)}\b", self.text):
                    span = Span(found.start(), found.end())
                    if not any(span in m.span for m in mentions):
                        mentions.append(Mention(span, key, form))
        return tuple(ents), tuple(sorted(mentions, key=lambda m: m.span))


def talks() -> Document:
    doc = sentences(Document(parse_article(TALKS, source="harbor-talks.txt", stem="harbor-talks",
                                           published=dt.date(2024, 3, 7))))
    a = Annotator(doc)
    ents, mentions = a.entities(["international-dockworkers-union", "pacific-maritime-council", "maria-lopez",
                                 "tom-becker", "harbor-lines", "daily-ledger"])
    quote = "We are closer than we have ever been,"
    return doc.with_(
        entities=ents, mentions=mentions,
        roles=(Role("maria-lopez", "president", "international-dockworkers-union",
                    a.evidence("Maria Lopez, IDU president", "role.appositive")),
               Role("tom-becker", "chief executive", "harbor-lines",
                    a.evidence("Tom Becker, chief executive of Harbor Lines", "role.appositive"))),
        events=(Event("Meeting", "met", ("international-dockworkers-union", "pacific-maritime-council",
                                         "maria-lopez", "tom-becker"),
                      a.evidence("met on Tuesday", "event.trigger"), "2024-03-05", "Tuesday", "occurred"),
                Event("Negotiation", "contract talks", ("international-dockworkers-union", "pacific-maritime-council"),
                      a.evidence("resume contract talks", "event.trigger", 0.8)),
                Event("Vote", "strike vote", ("international-dockworkers-union",),
                      a.evidence("will hold a strike vote on March 15", "event.trigger"), "2024-03-15",
                      "March 15", "planned")),
        quotes=(Quote("maria-lopez", quote, a.span(quote),
                      a.evidence(f'"{quote}" Lopez told the Daily Ledger', "quote.said"), "daily-ledger"),),
    )


def deal() -> Document:
    doc = sentences(Document(parse_article(DEAL, source="harbor-deal.txt", stem="harbor-deal",
                                           published=dt.date(2024, 3, 20))))
    a = Annotator(doc)
    ents, mentions = a.entities(["international-dockworkers-union", "pacific-maritime-council", "maria-lopez",
                                 "tom-becker", "harbor-lines", "daily-ledger", "ann-chu", "x", "sam-ortiz"])
    q1, q2, q3 = "keeps cargo moving", "Our members won.", "Talks were hard,"
    return doc.with_(
        entities=ents, mentions=mentions,
        roles=(Role("tom-becker", "CEO", "harbor-lines", a.evidence("Harbor Lines CEO Tom Becker", "role.premodifier")),
               Role("maria-lopez", "president", "international-dockworkers-union",
                    a.evidence("Maria Lopez, president of the union", "role.appositive", 0.7)),
               Role("ann-chu", "spokesperson", "pacific-maritime-council",
                    a.evidence("PMC spokesperson Ann Chu", "role.premodifier")),
               Role("sam-ortiz", None, "daily-ledger", a.evidence("Sam Ortiz with the Daily Ledger", "role.with"))),
        events=(Event("Deal", "tentative deal", ("international-dockworkers-union", "pacific-maritime-council"),
                      a.evidence("reached a tentative deal on Monday", "event.trigger"), "2024-03-18", "Monday",
                      "occurred"),
                Event("Statement", "statement", ("tom-becker",),
                      a.evidence("said in a statement", "event.statement"), None, None, "occurred"),
                Event("Statement", "shared the news", ("sam-ortiz",),
                      a.evidence("shared the news on X on Monday", "event.statement"), "2024-03-18", "on Monday",
                      "occurred")),
        quotes=(Quote("tom-becker", q1, a.span(q1), a.evidence(f'"{q1}"', "quote.that")),
                Quote("maria-lopez", q2, a.span(q2), a.evidence(f'posted on X: "{q2}"', "quote.colon"), "x"),
                Quote("ann-chu", q3, a.span(q3),
                      a.evidence(f'"{q3}" PMC spokesperson Ann Chu told the Daily Ledger', "quote.said"),
                      "daily-ledger")),
    )


def main() -> None:
    for doc in (talks(), deal()):
        graph = to_graph(doc)
        path = HERE / f"{doc.article.stem}.ttl"
        path.write_bytes(to_turtle(graph, IRIs(DEFAULT_BASE, doc.article.stem).article))
        print(f"wrote {path} ({len(graph)} triples)")


if __name__ == "__main__":
    main()
