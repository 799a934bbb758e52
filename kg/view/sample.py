"""Graphs in the project's model without the extractor: for tests, benchmarks and demos.

``Annotator`` turns an article text plus hand-written facts ("Maria Lopez is president of
the Riverside Nurses Union, stated in this phrase") into a ``Document``; the RDF
layer then writes it exactly as it writes an extracted one.  ``story_graph`` is a small
fictional dispute; ``synthetic_graph`` makes many articles over a shared cast, as large as
asked, for the large-graph benchmark.  No names here come from any real article.
"""
from __future__ import annotations

import random
from collections.abc import Sequence

from rdflib import Graph

from ..document import Document, Entity, EntityType, Event, EventKind, Evidence, Mention, Quote, Role, Span
from ..reader import parse_article
from ..sentences import sentences


class Annotator:
    """Builds a Document from an article text and facts located by the words that state them."""

    def __init__(self, text: str, stem: str = "sample", published: str | None = None) -> None:
        import datetime as dt

        date = dt.date.fromisoformat(published) if published else None
        self.doc = sentences(Document(parse_article(text, stem=stem, published=date)))
        self.text = self.doc.text
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self.roles: list[Role] = []
        self.events: list[Event] = []
        self.quotes: list[Quote] = []

    def find(self, words: str, after: int = 0) -> Span:
        """The first place ``words`` occur in the text at or after ``after`` (ValueError if nowhere)."""
        i = self.text.find(words, after)
        if i < 0:
            raise ValueError(f"{words!r} is not in the text")
        return Span(i, i + len(words))

    def evidence(self, words: str, rule: str = "sample.hand", confidence: float = 1.0) -> Evidence:
        span = self.find(words)
        sent = next((s.span for s in self.doc.sentences if span in s.span), span)
        return Evidence(sent, span, rule, confidence)

    def entity(self, key: str, name: str, type_: EntityType, aliases: Sequence[str] = ()) -> str:
        """Declare an entity; every occurrence of its name and aliases in the body is a mention."""
        self.entities.append(Entity(key, name, type_, tuple(aliases)))
        body_start = self.doc.article.body[0].start if self.doc.article.body else 0
        for form in (name, *aliases):
            at = body_start
            while (i := self.text.find(form, at)) >= 0:
                self.mentions.append(Mention(Span(i, i + len(form)), key, form))
                at = i + len(form)
        return key

    def role(self, person: str, title: str | None, org: str | None, words: str) -> None:
        self.roles.append(Role(person, title, org, self.evidence(words, "sample.role")))

    def event(self, kind: EventKind, trigger: str, participants: Sequence[str], words: str,
              date: str | None = None, date_text: str | None = None, planned: bool = False) -> None:
        self.events.append(Event(kind, trigger, tuple(participants), self.evidence(words, "sample.event"),
                                 date, date_text, "planned" if planned else "occurred"))

    def quote(self, speaker: str, words: str, via: str | None = None) -> None:
        span = self.find(words)
        ev = self.evidence(words, "sample.quote")
        self.quotes.append(Quote(speaker, words, span, ev, via))

    def document(self) -> Document:
        # (kept free of kg.pipeline, which imports the extractors; tests run its check on these)
        return self.doc.with_(entities=tuple(self.entities), mentions=tuple(sorted(self.mentions, key=lambda m: m.span)),
                              roles=tuple(self.roles), events=tuple(self.events), quotes=tuple(self.quotes))

    def graph(self) -> Graph:
        from ..rdf.graph import to_graph

        return to_graph(self.document())


STORY = """Riverside Nurses Union and Mercy Health Resume Talks

By Jane Rowe

The Riverside Nurses Union (RNU) and Mercy Health System resumed negotiations on Tuesday, three weeks after the nurses went on strike.

Mercy Health CEO Alan Brooks and RNU president Maria Lopez attended a meeting in Springfield on Tuesday.

“We are ready to reach a fair deal,” Lopez said, according to the Springfield Ledger.

The Hospital Employers Association, whose chairman Tom Reed joined the meeting, did not comment.
"""


def story_annotator() -> Annotator:
    """The fictional nurses' dispute, annotated by hand (a fixture with every kind of fact)."""
    a = Annotator(STORY, stem="riverside-nurses", published="2024-03-07")
    union = a.entity("riverside-nurses-union", "Riverside Nurses Union", "Union", ["RNU"])
    mercy = a.entity("mercy-health-system", "Mercy Health System", "Company", ["Mercy Health"])
    hea = a.entity("hospital-employers-association", "Hospital Employers Association", "TradeAssociation")
    ledger = a.entity("springfield-ledger", "Springfield Ledger", "MediaOutlet")
    brooks = a.entity("alan-brooks", "Alan Brooks", "Person", ["Brooks"])
    lopez = a.entity("maria-lopez", "Maria Lopez", "Person", ["Lopez"])
    reed = a.entity("tom-reed", "Tom Reed", "Person", ["Reed"])
    a.role(brooks, "CEO", mercy, "Mercy Health CEO Alan Brooks")
    a.role(lopez, "president", union, "RNU president Maria Lopez")
    a.role(reed, "chairman", hea, "whose chairman Tom Reed")
    a.event("Negotiation", "resumed negotiations", [union, mercy],
            "The Riverside Nurses Union (RNU) and Mercy Health System resumed negotiations on Tuesday",
            date="2024-03-05", date_text="Tuesday")
    a.event("Strike", "went on strike", [union], "the nurses went on strike")
    a.event("Meeting", "attended a meeting", [brooks, lopez, reed],
            "Mercy Health CEO Alan Brooks and RNU president Maria Lopez attended a meeting in Springfield on Tuesday",
            date="2024-03-05", date_text="Tuesday")
    a.quote(lopez, "We are ready to reach a fair deal,", via=ledger)
    return a


def story_graph() -> Graph:
    """RDF graph of the fictional nurses' dispute (7 entities, 3 events, 1 quote)."""
    return story_annotator().graph()


# --------------------------------------------------------------------------------------------
# large synthetic graphs
# --------------------------------------------------------------------------------------------

_FIRST = ("Ada Ben Cleo Dan Eva Finn Gia Hal Ivy Jon Kai Lea Max Nia Oto Pia Quin Rae Sam Tia "
          "Uma Vic Wes Xia Yan Zoe").split()
_LAST = ("Abbott Baird Chen Dorsey Ellis Fenn Gale Hart Iles Jarvis Kerr Lund Moss Nash Orr Pike "
         "Quade Rusk Sayer Toll Upton Vance Wick Yates Zeller").split()
_ORG_WORDS = ("Harbor Valley Summit Granite Cedar Beacon Orchard Prairie Copper Lantern Meridian "
              "Falcon Willow Anchor Pioneer Silver").split()
_ORG_KINDS: tuple[tuple[str, EntityType], ...] = (
    ("Workers Union", "Union"), ("Guild", "Guild"), ("Logistics Inc.", "Company"), ("Foods Corp.", "Company"),
    ("Employers Council", "TradeAssociation"), ("Daily News", "MediaOutlet"), ("Labor Board", "GovernmentBody"),
)
_TITLES = ("CEO", "president", "chairman", "general counsel", "spokesperson", "treasurer")


def synthetic_graph(articles: int, people: int, orgs: int, seed: int = 7) -> Graph:
    """A graph of ``articles`` made-up articles over a shared cast of people and organizations.

    Each article names a few people (with titles), a few organizations, a meeting, a
    negotiation, sometimes a strike, and a quote reported by an outlet, so the projection has
    the shape of a real multi-article graph: hubs, bridges and many small events.
    """
    from ..rdf.graph import to_graph

    rng = random.Random(seed)
    cast = [f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // len(_FIRST)) % len(_LAST)]} {'' if i < 650 else i}".strip()
            for i in range(people)]
    firms = []
    for i in range(orgs):
        kind, type_ = _ORG_KINDS[i % len(_ORG_KINDS)]
        firms.append((f"{_ORG_WORDS[i % len(_ORG_WORDS)]} {kind} {i // len(_ORG_WORDS) + 1}", type_))
    outlets = [f for f in firms if f[1] == "MediaOutlet"]
    g = Graph()
    for n in range(articles):
        ps = rng.sample(cast, 4)
        os_ = rng.sample([f for f in firms if f[1] != "MediaOutlet"], 3)
        outlet = rng.choice(outlets)
        titles = [rng.choice(_TITLES) for _ in ps]
        text = (f"Talks Between {os_[0][0]} and {os_[1][0]} Continue\n\n"
                f"{os_[0][0]} and {os_[1][0]} held negotiations on Monday. "
                f"{ps[0]}, {titles[0]} of {os_[0][0]}, and {ps[1]}, {titles[1]} of {os_[1][0]}, attended a meeting. "
                f"{ps[2]}, {titles[2]} of {os_[2][0]}, also attended the meeting. "
                f"Workers at {os_[0][0]} went on strike. "
                f"{ps[3]}, {titles[3]} of {os_[2][0]}, said “The talks must go on,” the {outlet[0]} reported.\n")
        a = Annotator(text, stem=f"synthetic-{n:05d}")
        keys = []
        for name, type_ in (*[(p, "Person") for p in ps], *os_, outlet):
            key = name.lower().replace(" ", "-").replace(".", "")
            if key not in keys:
                a.entity(key, name, type_)  # type: ignore[arg-type]
                keys.append(key)
        k = {name: name.lower().replace(" ", "-").replace(".", "") for name in (*ps, *(o[0] for o in os_), outlet[0])}
        for i, (org_i) in enumerate((0, 1, 2, 2)):
            a.role(k[ps[i]], titles[i], k[os_[org_i][0]], f"{ps[i]}, {titles[i]} of {os_[org_i][0]}")
        a.event("Negotiation", "held negotiations", [k[os_[0][0]], k[os_[1][0]]], "held negotiations on Monday")
        a.event("Meeting", "attended a meeting", [k[ps[0]], k[ps[1]], k[ps[2]]], "attended a meeting")
        if n % 3 == 0:
            a.event("Strike", "went on strike", [k[os_[0][0]]], "went on strike")
        a.quote(k[ps[3]], "The talks must go on,", via=k[outlet[0]])
        for t in to_graph(a.document()):
            g.add(t)
    return g
