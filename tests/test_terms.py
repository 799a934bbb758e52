"""The rdflib-free triples of a build agree with rdflib in every direction.

``kg build`` writes Turtle and HTML from plain-value triples (``kg.rdf.terms``) so that it
never imports rdflib; every other format, SPARQL and the tests go through rdflib.  These
tests pin that both roads give the same graph and the same bytes.
"""
from __future__ import annotations

import datetime as dt

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kg.pipeline import build_document
from kg.rdf.graph import to_triples
from kg.rdf.terms import Lit, Triples, light, to_rdflib
from kg.rdf.turtle import serialize_turtle
from kg.view.projection import project
from kg.view.sample import story_annotator

from conftest import SEED


def seed_triples() -> Triples:
    return to_triples(build_document(SEED, dt.date(2023, 9, 21)))


def test_turtle_is_the_same_from_plain_triples_and_from_rdflib() -> None:
    triples = seed_triples()
    assert len(triples) > 1000
    assert serialize_turtle(triples) == serialize_turtle(to_rdflib(triples))


def test_plain_triples_survive_a_turtle_round_trip_through_rdflib_exactly() -> None:
    triples = seed_triples()
    parsed = Graph().parse(data=serialize_turtle(triples).decode("utf-8"), format="turtle")
    assert set(light(parsed)) == set(triples)
    assert isomorphic(parsed, to_rdflib(triples))


def test_triples_are_a_set_in_first_added_order() -> None:
    t = Triples()
    t.add("http://x/a", "http://x/p", Lit("1", str(XSD.integer)))
    t.add("http://x/a", "http://x/p", "http://x/b")
    t.add("http://x/a", "http://x/p", Lit("1", str(XSD.integer)))
    assert len(t) == 2
    assert list(t)[1] == ("http://x/a", "http://x/p", "http://x/b")
    # a literal never equals the IRI with the same characters
    assert Lit("http://x/b") != "http://x/b" and ("http://x/a", "http://x/p", Lit("http://x/b")) not in t
    assert str(list(t)[0][2]) == "1"                 # a literal reads as its lexical form


def test_blank_nodes_and_language_tags_are_written_and_read_back() -> None:
    g = Graph()
    b = BNode("b1")
    g.add((URIRef("http://x/a"), URIRef("http://x/knows"), b))
    g.add((b, URIRef("http://x/name"), Literal("Zoë \"Z\"\n", lang="en")))
    g.add((b, URIRef("http://x/age"), Literal("41", datatype=XSD.integer)))
    assert ("_:b1", "http://x/name", Lit('Zoë "Z"\n', None, "en")) in set(light(g))
    back = Graph().parse(data=serialize_turtle(g).decode("utf-8"), format="turtle")
    assert isomorphic(back, g)


def test_the_projection_is_the_same_from_plain_triples_and_from_rdflib() -> None:
    triples = to_triples(story_annotator().document())
    a, b = project(triples), project(to_rdflib(triples))
    assert [(n.key, n.label, n.type, n.aliases, n.titles) for n in a.nodes] == \
        [(n.key, n.label, n.type, n.aliases, n.titles) for n in b.nodes]
    assert [(e.source, e.target, e.label, e.evidence) for e in a.edges] == \
        [(e.source, e.target, e.label, e.evidence) for e in b.edges]
    assert {n.type for n in a.nodes} >= {"Person", "Union", "Company", "Meeting", "Quote"}


@pytest.mark.parametrize("name, type_, shown", [
    ("MARTIN KESSLER", "Person", "Martin Kessler"),      # an all-caps wire byline
    ("MARY O'NEILL-PARK", "Person", "Mary O'Neill-Park"),
    ("J.R. SMITH", "Person", "J.R. Smith"),
    ("Jane Doe", "Person", "Jane Doe"),
    ("NLRB", "GovernmentBody", "NLRB"),                 # acronyms stay
])
def test_a_persons_name_reads_the_same_in_every_article(name: str, type_: str, shown: str) -> None:
    from kg.rdf.graph import _display_name

    assert _display_name(name, type_) == shown
