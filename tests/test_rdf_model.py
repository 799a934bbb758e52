"""The built seed graph against the model: SHACL shapes, declared terms, exact spans, prefixes."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF

from kg.rdf import namespaces
from kg.rdf.namespaces import PREFIXES

from conftest import DATA

# the project's vocabulary is plain strings (the build never imports rdflib); as rdflib terms here
KGO, NIF = Namespace(str(namespaces.KGO)), Namespace(str(namespaces.NIF))


@pytest.fixture(scope="module", params=["seed", "every-data-set"])
def graph(request: pytest.FixtureRequest, seed_ttl: Path) -> Graph:
    """The seed as built by the CLI; and every dev, holdout and blind article merged in one graph,
    so that rules only other articles trigger (bylines, subheadlines, worker titles) are checked too."""
    if request.param == "seed":
        return Graph().parse(seed_ttl, format="turtle")
    import datetime as dt

    from kg.pipeline import build_document
    from kg.rdf.graph import to_triples
    from kg.rdf.terms import Triples

    merged = Triples()
    for path in sorted(DATA.glob("*/*.txt")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        published = dt.date.fromisoformat(first.split(":", 1)[1].strip()) if first.startswith("# published:") else None
        for t in to_triples(build_document(path, published)):
            merged.add(*t)
    assert len(merged) > 20000
    return merged.rdflib()


def ontology() -> Graph:
    g = Graph()
    g.parse(data=resources.files("kg.ontology").joinpath("kg.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def test_seed_graph_conforms_to_the_shacl_shapes(graph: Graph) -> None:
    pyshacl = pytest.importorskip("pyshacl")
    shapes = Graph().parse(data=resources.files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"),
                           format="turtle")
    conforms, _, report = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology(), inference="none")
    assert conforms, report


def test_shapes_catch_a_broken_fact(graph: Graph) -> None:
    """The shapes are not vacuous: a quotation without a speaker fails them."""
    pyshacl = pytest.importorskip("pyshacl")
    shapes = Graph().parse(data=resources.files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"),
                           format="turtle")
    broken = Graph()
    for t in graph:
        broken.add(t)
    q = URIRef("https://kg.example.org/id/article/x/quote/orphan")
    broken.add((q, RDF.type, URIRef("https://schema.org/Quotation")))
    broken.add((q, URIRef("https://schema.org/text"), Literal("words")))
    conforms, _, _ = pyshacl.validate(broken, shacl_graph=shapes, inference="none")
    assert not conforms


def test_every_project_term_is_declared_in_the_ontology(graph: Graph) -> None:
    declared = {s for s, o in ontology().subject_objects(RDF.type)
                if o in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)}
    used = {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KGO))}
    assert used, "the graph uses no project terms at all"
    assert used <= declared, sorted(used - declared)


def test_every_predicate_comes_from_a_bound_vocabulary(graph: Graph) -> None:
    namespaces = tuple(str(ns) for ns in PREFIXES.values())
    stray = {p for p in graph.predicates() if not str(p).startswith(namespaces)}
    assert not stray, stray


def test_every_span_slices_the_article_text_exactly(graph: Graph) -> None:
    texts = {s: str(o) for s, o in graph.subject_objects(NIF.isString)}
    spans = list(graph.subjects(NIF.anchorOf, None))
    assert len(spans) > 20
    for span in spans:
        text = texts[graph.value(span, NIF.referenceContext)]
        begin, end = int(graph.value(span, NIF.beginIndex)), int(graph.value(span, NIF.endIndex))
        assert text[begin:end] == str(graph.value(span, NIF.anchorOf)), span
        assert str(span).endswith(f"#char={begin},{end}")


def test_every_fact_links_to_evidence(graph: Graph) -> None:
    facts = set(graph.subjects(KGO.confidence, None))
    assert facts
    for f in facts:
        assert graph.value(f, KGO.evidence) is not None, f


def test_turtle_binds_explicit_prefixes_only(seed_ttl: Path) -> None:
    text = seed_ttl.read_text(encoding="utf-8")
    prefixes = [line.split()[1] for line in text.splitlines() if line.startswith("@prefix")]
    assert prefixes and all(not p.startswith("ns") for p in prefixes), prefixes
    assert set(p.rstrip(":") for p in prefixes) <= set(PREFIXES)
    assert "_:" not in text, "entities and facts must not be blank nodes"
