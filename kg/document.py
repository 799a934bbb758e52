"""The one typed document that flows through every stage of the pipeline.

    read -> Article -> sentences -> entities (with mentions) -> roles, events, quotes

Every record is a frozen dataclass.  Text is never copied into facts without its offsets:
a ``Span`` is a pair of character offsets into ``Article.text`` and ``article.text[s.start:s.end]``
is the words it stands for.  Each fact carries ``Evidence``: the sentence it came from, the
exact span, the name of the rule that produced it and a confidence in [0, 1].

Entities are referred to from facts by their ``key`` (a stable, normalised name such as
``"writers-guild-of-america"``); only the RDF layer turns keys into IRIs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal

# The closed vocabularies of the named-query contract (see DESIGN.md).
ENTITY_TYPES = (
    "Person", "Guild", "Union", "Company", "TradeAssociation", "MediaOutlet", "Platform",
    "GovernmentBody", "Organization",
)
EVENT_KINDS = ("Meeting", "Negotiation", "Strike", "Deal", "Proposal", "Vote", "Statement")
EntityType = Literal[
    "Person", "Guild", "Union", "Company", "TradeAssociation", "MediaOutlet", "Platform",
    "GovernmentBody", "Organization",
]
EventKind = Literal["Meeting", "Negotiation", "Strike", "Deal", "Proposal", "Vote", "Statement"]
Status = Literal["occurred", "planned"]


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The words this span covers in ``text``."""
        return text[self.start:self.end]

    def __contains__(self, other: object) -> bool:
        return isinstance(other, Span) and self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Article:
    """An article as read: its text plus metadata found in its header lines.

    ``text`` is what the article says: the input with scraper junk removed (trailing
    "Quality: ..." lines and the like) and newlines normalised.  ``body`` lists the body
    paragraphs (no headline, photo credit or byline): only they are split into sentences.
    """

    source: str                      # path as given, or "-" for stdin
    stem: str                        # file name without extension; names the output files
    text: str
    body: tuple[Span, ...]
    headline: Span | None = None
    byline: Span | None = None       # the "By ..." line, whole
    dek: Span | None = None          # the subheadline between headline and byline
    author: str | None = None        # the name(s) in the byline
    published: dt.date | None = None
    publisher: str | None = None     # the outlet that published it, when the text says so


@dataclass(frozen=True)
class Sentence:
    span: Span
    paragraph: int                   # index into Article.body


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from and how sure we are of it."""

    sentence: Span                   # the sentence (or sentences) the fact was read from
    span: Span                       # the exact words that state it (inside ``sentence``)
    rule: str                        # name of the rule that produced it, e.g. "role.appositive"
    confidence: float = 0.8


@dataclass(frozen=True)
class Mention:
    """One place in the text where an entity is named (by any of its forms)."""

    span: Span
    entity: str                      # Entity.key
    form: str                        # the surface form as written ("WGA", "Zaslav", "the guild")


@dataclass(frozen=True)
class Entity:
    """One real-world person or organization, with every surface form the text uses for it."""

    key: str                         # stable normalised name, e.g. "david-zaslav"
    name: str                        # fullest form in the text ("Writers Guild of America")
    type: EntityType
    aliases: tuple[str, ...] = ()    # other surface forms seen ("WGA", "Writers' Guild of America")
    rule: str = "entity"
    confidence: float = 0.8


@dataclass(frozen=True)
class Role:
    """A person holding a title, optionally at an organization (one title per record)."""

    person: str                      # Entity.key of a Person
    title: str | None                # "CEO", "chief content officer"; None for a bare affiliation
    organization: str | None         # Entity.key, None when the text does not say
    evidence: Evidence


@dataclass(frozen=True)
class Event:
    """Something the article states happened or is scheduled to happen."""

    kind: EventKind
    trigger: str                     # the words that name it ("face-to-face meeting")
    participants: tuple[str, ...]    # Entity.keys, in order of appearance
    evidence: Evidence
    date: str | None = None          # ISO "YYYY-MM-DD" or "YYYY-MM"
    date_text: str | None = None     # the date words as written ("Wednesday", "in May")
    status: Status = "occurred"


@dataclass(frozen=True)
class Quote:
    """Quoted words and who said them; ``span`` covers the words without the quote marks."""

    speaker: str                     # Entity.key (a person, or an organization when a body speaks)
    text: str                        # the quoted words, without quote marks
    span: Span
    evidence: Evidence
    via: str | None = None           # Entity.key of the outlet it was reported through


@dataclass(frozen=True)
class Document:
    """The pipeline's container.  Stages return a new Document with more fields filled."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    roles: tuple[Role, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    notes: tuple[str, ...] = field(default=())   # warnings worth showing the user

    @property
    def text(self) -> str:
        return self.article.text

    def entity(self, key: str) -> Entity:
        """The entity with this key (KeyError when there is none)."""
        for e in self.entities:
            if e.key == key:
                return e
        raise KeyError(key)

    def with_(self, **changes: object) -> Document:
        """A copy with some fields replaced (stages use this to hand the document on)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains a character offset."""
        for s in self.sentences:
            if s.span.start <= offset < s.span.end:
                return s
        return None
