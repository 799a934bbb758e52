"""Namespaces and the class/kind tables shared by the RDF writer and its readers.

Only the RDF layer knows IRIs.  Everything here is plain strings, so the build path
(``kg build`` -> Turtle and HTML) never imports rdflib; ``bind_prefixes`` and
``rdflib_namespaces`` hand the same prefixes to rdflib where a graph is parsed or queried,
so that no ``ns1:``-style prefix is ever invented.
"""
from __future__ import annotations

from typing import Any


class Namespace:
    """An IRI prefix: ``KGO.Guild`` and ``KGO["Guild"]`` are the full IRI, as a plain str."""

    __slots__ = ("iri",)

    def __init__(self, iri: str) -> None:
        self.iri = iri

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.iri + name

    def __getitem__(self, name: str) -> str:
        return self.iri + name

    def __str__(self) -> str:
        return self.iri

    def __repr__(self) -> str:
        return f"Namespace({self.iri!r})"


KGO = Namespace("https://kg.example.org/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SH = Namespace("http://www.w3.org/ns/shacl#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")

DEFAULT_BASE = "https://kg.example.org/id/"

PREFIXES: dict[str, Namespace] = {
    "kgo": KGO, "schema": SCHEMA, "org": ORG, "prov": PROV, "nif": NIF, "itsrdf": ITSRDF,
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "dcterms": DCTERMS,
}

# entity type (contract name) -> the classes an entity of that type is asserted to have.
# The first class is the one that names the type; the rest are its schema.org ancestors,
# asserted too so that plain SPARQL (no reasoner) finds every organization as schema:Organization.
ENTITY_CLASSES = {
    "Person": (SCHEMA.Person,),
    "Guild": (KGO.Guild, SCHEMA.WorkersUnion, SCHEMA.Organization),
    "Union": (KGO.Union, SCHEMA.WorkersUnion, SCHEMA.Organization),
    "Company": (KGO.Company, SCHEMA.Corporation, SCHEMA.Organization),
    "TradeAssociation": (KGO.TradeAssociation, SCHEMA.Organization),
    "MediaOutlet": (KGO.MediaOutlet, SCHEMA.NewsMediaOrganization, SCHEMA.Organization),
    "Platform": (KGO.Platform, SCHEMA.Organization),
    "GovernmentBody": (KGO.GovernmentBody, SCHEMA.GovernmentOrganization, SCHEMA.Organization),
    "Organization": (SCHEMA.Organization,),
}
EVENT_CLASSES = {kind: KGO[kind] for kind in
                 ("Meeting", "Negotiation", "Strike", "Deal", "Proposal", "Vote", "Statement")}
STATUS = {"occurred": KGO.Occurred, "planned": KGO.Planned}


def rdflib_namespaces() -> dict[str, Any]:
    """The project's prefixes as rdflib Namespaces (for a parser's or a query's ``initNs``)."""
    from rdflib import Namespace as RdflibNamespace

    return {prefix: RdflibNamespace(ns.iri) for prefix, ns in PREFIXES.items()}


def bind_prefixes(graph: Any) -> Any:
    """Bind this project's prefixes on an rdflib graph (replacing rdflib's defaults) and return it."""
    for prefix, ns in rdflib_namespaces().items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
