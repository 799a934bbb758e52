"""Namespaces and the class/kind tables shared by the RDF writer and its readers.

Only the RDF layer knows IRIs.  Prefixes are bound explicitly on every graph so that no
``ns1:``-style prefix is ever invented by rdflib.
"""
from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

KGO = Namespace("https://kg.example.org/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SH = Namespace("http://www.w3.org/ns/shacl#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

DEFAULT_BASE = "https://kg.example.org/id/"

PREFIXES: dict[str, Namespace] = {
    "kgo": KGO, "schema": SCHEMA, "org": ORG, "prov": PROV, "nif": NIF, "itsrdf": ITSRDF,
    "rdf": Namespace(str(RDF)), "rdfs": Namespace(str(RDFS)), "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)), "skos": Namespace(str(SKOS)), "dcterms": DCTERMS,
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


def bind_prefixes(graph: Graph) -> Graph:
    """Bind this project's prefixes on a graph (replacing rdflib's defaults) and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
