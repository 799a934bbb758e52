"""The records of the readable projection (nodes, edges, evidence) and small text helpers.

Shared by the projection, the raw view, the page, GraphML and the analytics; no rdflib
graph walking here, and nothing heavy to import.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..rdf.namespaces import PREFIXES
from .style import NodeStyle


@dataclass(frozen=True)
class Article:
    """An article the graph was read from: what the page shows beside each evidence sentence."""

    iri: str
    headline: str
    published: str = ""
    publisher: str = ""
    byline: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article (``article`` indexes ``Projection.articles``)."""

    article: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """Why a node or edge is there: a sentence and, inside it, the exact words."""

    sentence: int                    # index into Projection.sentences
    start: int | None = None         # the stated words as offsets into the sentence text
    end: int | None = None
    rule: str | None = None          # the extraction rule that produced the fact
    confidence: float | None = None


@dataclass
class Node:
    """A person, organization, event or quote (or, in raw mode, any RDF term)."""

    key: str                         # the IRI (raw mode: also keys of literal nodes)
    label: str
    type: str                        # a type of style.NODE_STYLES (raw mode: a class name)
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)   # other attributes for the panel
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Edge:
    """A labelled link between two nodes with the evidence that states it."""

    source: str
    target: str
    label: str
    evidence: list[Evidence] = field(default_factory=list)
    symmetric: bool = False


@dataclass
class Projection:
    """The whole picture: nodes and edges in a stable order, plus the evidence tables."""

    nodes: list[Node]
    edges: list[Edge]
    articles: list[Article]
    sentences: list[Sentence]
    styles: list[NodeStyle]          # the legend: one per type present, in legend order
    raw: bool = False

    def node(self, key: str) -> Node:
        """The node with this key (KeyError when there is none)."""
        for n in self.nodes:
            if n.key == key:
                return n
        raise KeyError(key)

    def count_by_type(self) -> dict[str, int]:
        """How many nodes of each type, in legend order."""
        counts: dict[str, int] = {s.type: 0 for s in self.styles}
        for n in self.nodes:
            counts[n.type] = counts.get(n.type, 0) + 1
        return counts

    def evidence_text(self, ev: Evidence) -> tuple[str, str]:
        """(sentence, headline) of one piece of evidence."""
        s = self.sentences[ev.sentence]
        return s.text, self.articles[s.article].headline


def iter_labels(node: Node) -> Iterator[str]:
    """Every name a user may look a node up by: its label, aliases and (for quotes) its words."""
    yield node.label
    yield from node.aliases
    for k, v in node.facts:
        if k == "quote":
            yield v


def clip(text: str, n: int) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


_PREFIXES = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda t: -len(t[0]))


def short(term: Any) -> str:
    """A readable short form of an IRI: ``schema:Person``, ``person/bob-iger``, ``riverside#char=1,5``."""
    s = str(term)
    for ns, prefix in _PREFIXES:
        if s.startswith(ns) and len(s) > len(ns):
            return f"{prefix}:{s[len(ns):]}"
    if "#" in s:
        head, frag = s.rsplit("#", 1)
        return f"{head.rstrip('/').rsplit('/', 1)[-1]}#{frag}"
    parts = s.rstrip("/").split("/")
    return "/".join(parts[-2:]) if len(parts) > 3 else s
