"""RDF terms and triples as plain Python values, so that ``kg build`` never imports rdflib.

An IRI is a ``str``; a blank node is a ``str`` starting with ``_:``; a literal is a ``Lit``
(lexical form, datatype IRI, language tag).  ``Triples`` is one article's graph in this form.
Importing rdflib costs more than the whole extraction, and the default build (Turtle and
the HTML page) needs nothing rdflib does; the other formats, SPARQL and the tests convert
with ``to_rdflib``, and every reader of a graph accepts either kind through ``light``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, Union


class Lit(NamedTuple):
    """An RDF literal: its lexical form, and a datatype IRI or a language tag (or neither)."""

    value: str
    datatype: str | None = None
    lang: str | None = None

    def __str__(self) -> str:
        return self.value


Term = Union[str, Lit]
Triple = tuple[str, str, Term]


class Triples:
    """A set of triples in the order they were first added (plain values, no rdflib)."""

    __slots__ = ("_triples", "_rdflib")

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self._triples: dict[Triple, None] = dict.fromkeys(triples)
        self._rdflib: Any = None

    def add(self, s: str, p: str, o: Term) -> None:
        self._triples[(s, p, o)] = None

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def rdflib(self) -> Any:
        """The same triples as an rdflib Graph with the project's prefixes (made once)."""
        if self._rdflib is None:
            self._rdflib = _to_rdflib_graph(self._triples)
        return self._rdflib


def light(graph: Any) -> Iterator[Triple]:
    """Every triple of ``graph`` as plain values: a ``Triples``, an rdflib Graph, or all the
    graphs of an rdflib Dataset (``kg.query.load_graph``; a triple in two graphs comes twice)."""
    if isinstance(graph, Triples):
        yield from graph
        return
    from rdflib import BNode, Literal

    def term(t: Any) -> Term:
        if isinstance(t, Literal):
            return Lit(str(t), None if t.datatype is None else str(t.datatype), t.language)
        return f"_:{t}" if isinstance(t, BNode) else str(t)

    quads = getattr(graph, "quads", None)
    if quads is not None:
        # rdflib's union view of a Dataset warns (deprecated default_context) on a triple
        # pattern, so a Dataset is read through its quads
        triples: Iterable[Any] = ((s, p, o) for s, p, o, _ in quads((None, None, None, None)))
    else:
        triples = graph.triples((None, None, None))
    for s, p, o in triples:
        yield term(s), str(p), term(o)


def to_rdflib(graph: Any) -> Any:
    """``graph`` as an rdflib Graph: a ``Triples`` is converted (once), an rdflib graph returned."""
    return graph.rdflib() if isinstance(graph, Triples) else graph


def _to_rdflib_graph(triples: Iterable[Triple]) -> Any:
    from rdflib import BNode, Graph, Literal, URIRef

    from .namespaces import bind_prefixes

    cache: dict[Term, Any] = {}

    def term(t: Term) -> Any:
        hit = cache.get(t)
        if hit is None:
            if isinstance(t, Lit):
                hit = Literal(t.value, lang=t.lang, datatype=None if t.datatype is None else URIRef(t.datatype))
            else:
                hit = BNode(t[2:]) if t.startswith("_:") else URIRef(t)
            cache[t] = hit
        return hit

    # rdflib's default (context-aware) store: tools such as pyshacl wrap the graph in a Dataset
    g = bind_prefixes(Graph(bind_namespaces="none"))
    for s, p, o in triples:
        g.add((term(s), term(p), term(o)))
    return g
