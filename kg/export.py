"""Exporters: one built article graph to Turtle, N-Triples, JSON-LD, TriG, HTML or GraphML.

Each exporter is a function ``(graph, article IRI) -> bytes`` registered in ``FORMATS``
with its file extension.  The graph is a ``kg.rdf.terms.Triples`` (what ``kg build`` makes)
or an rdflib graph.  Output is deterministic: the same graph gives the same bytes.
Turtle and HTML need no rdflib, so the default build never imports it; the HTML and
GraphML exporters live in the view layer and are imported only when asked for.
"""
from __future__ import annotations

import importlib
import json
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from typing import Any

from .errors import UsageError
from .rdf.namespaces import PREFIXES, bind_prefixes
from .rdf.terms import to_rdflib

Exporter = Callable[[Any, str], bytes]


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    target: str            # "module:function" (imported lazily)
    description: str


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("ttl", ".ttl", "kg.export:to_turtle", "Turtle"),
    Format("nt", ".nt", "kg.export:to_ntriples", "N-Triples, sorted"),
    Format("jsonld", ".jsonld", "kg.export:to_jsonld", "JSON-LD with a compact @context"),
    Format("trig", ".trig", "kg.export:to_trig", "TriG, the article's facts in a named graph"),
    Format("html", ".html", "kg.view.page:export_html", "interactive offline HTML view"),
    Format("graphml", ".graphml", "kg.view.projection:export_graphml", "GraphML projection (Gephi, Cytoscape)"),
)}
DEFAULT_FORMATS = ("ttl", "html")


def parse_formats(value: str) -> tuple[str, ...]:
    """``"ttl,html"`` -> ("ttl", "html"); unknown names raise a UsageError listing the known ones."""
    names = tuple(dict.fromkeys(n.strip().lower() for n in value.split(",") if n.strip()))
    bad = [n for n in names if n not in FORMATS]
    if bad or not names:
        raise UsageError(f"--format: unknown format {', '.join(bad) or repr(value)}; choose from {', '.join(FORMATS)}")
    return names


def exporter(name: str) -> Exporter:
    module, func = FORMATS[name].target.split(":")
    fn: Exporter = getattr(importlib.import_module(module), func)
    return fn


def to_turtle(graph: Any, article: str) -> bytes:
    """Turtle with the project's prefixes (our writer: sorted, and ~5x faster than rdflib's here)."""
    from .rdf.turtle import serialize_turtle
    return serialize_turtle(graph)


def to_ntriples(graph: Any, article: str) -> bytes:
    """N-Triples, one triple a line, sorted (rdflib writes them in hash order)."""
    lines = to_rdflib(graph).serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "".join(f"{line}\n" for line in sorted(set(lines)) if line.strip()).encode("utf-8")


def to_trig(graph: Any, article: str) -> bytes:
    """TriG: the article's triples in one named graph named by the article's IRI.

    That is the graph ``kg push`` fills in a store, so ``GRAPH <article>`` means the same in
    a TriG file loaded anywhere and in the store.
    """
    from rdflib import Dataset, URIRef

    ds = Dataset()
    bind_prefixes(ds)
    named = ds.graph(URIRef(article))
    for triple in to_rdflib(graph):
        named.add(triple)
    with warnings.catch_warnings():
        # rdflib's own TriG writer calls its deprecated Dataset.contexts(); not ours to fix
        warnings.simplefilter("ignore", DeprecationWarning)
        return ds.serialize(format="trig", encoding="utf-8")


# Object properties (values are IRIs) and datatype properties with one fixed datatype: with
# these coercions in the @context a value is a plain JSON string ("nif:beginIndex": "91")
# instead of an {"@id"} or {"@value", "@type"} object.  A value that does not fit its
# coercion is written in full, so nothing is lost (the export round-trips; tests check it).
_ID_PROPERTIES = (
    "kgo:article", "kgo:evidence", "kgo:quoteSpan", "kgo:participant", "kgo:reportedBy", "kgo:status",
    "prov:wasDerivedFrom", "prov:wasGeneratedBy", "schema:creator", "schema:isPartOf", "schema:mentions",
    "nif:referenceContext", "itsrdf:taIdentRef", "org:member", "org:organization", "org:role",
    "org:memberOf", "org:headOf",
)
_TYPED_PROPERTIES = {
    "nif:beginIndex": "xsd:nonNegativeInteger", "nif:endIndex": "xsd:nonNegativeInteger",
    "kgo:confidence": "xsd:decimal", "schema:datePublished": "xsd:date",
}


def jsonld_context() -> dict[str, object]:
    """The compact JSON-LD @context: the project's prefixes plus value coercions."""
    ctx: dict[str, object] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    ctx.update({p: {"@type": "@id"} for p in _ID_PROPERTIES})
    ctx.update({p: {"@type": t} for p, t in _TYPED_PROPERTIES.items()})
    return ctx


def to_jsonld(graph: Any, article: str) -> bytes:
    """JSON-LD compacted with an inline @context (no remote context: it loads offline)."""
    data = json.loads(to_rdflib(graph).serialize(format="json-ld", context=jsonld_context(), auto_compact=True))
    # sort nodes and value arrays (JSON-LD arrays are unordered sets) so output is stable
    return (json.dumps(_sorted(data), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _sorted(node: object, key: str = "") -> object:
    if isinstance(node, dict):
        return {k: _sorted(v, k) for k, v in node.items()}
    if isinstance(node, list):
        items = [_sorted(v) for v in node]
        if key == "@list":                     # an RDF list keeps its order
            return items
        return sorted(items, key=lambda v: (0, v["@id"]) if isinstance(v, dict) and isinstance(v.get("@id"), str)
                      else (1, json.dumps(v, sort_keys=True, ensure_ascii=False)))
    return node
