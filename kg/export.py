"""Exporters: one built article graph to Turtle, N-Triples, JSON-LD, TriG, HTML or GraphML.

Each exporter is a function ``(graph, article IRI) -> bytes`` registered in ``EXPORTERS``
with its file extension.  Output is deterministic: the same graph gives the same bytes.
The HTML and GraphML exporters live in the view layer and are imported only when asked for.
"""
from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef

from .errors import UsageError
from .rdf.namespaces import PREFIXES, bind_prefixes

Exporter = Callable[[Graph, URIRef], bytes]


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


def to_turtle(graph: Graph, article: URIRef) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def to_ntriples(graph: Graph, article: URIRef) -> bytes:
    # rdflib writes N-Triples in hash order; sort the lines so output is stable
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")


def to_trig(graph: Graph, article: URIRef) -> bytes:
    ds = Dataset()
    bind_prefixes(ds)
    named = ds.graph(article)
    for triple in graph:
        named.add(triple)
    return ds.serialize(format="trig", encoding="utf-8")


def to_jsonld(graph: Graph, article: URIRef) -> bytes:
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    data = graph.serialize(format="json-ld", context=context, auto_compact=True, sort_keys=True)
    # re-dump so key order and indentation are stable whatever rdflib version
    return (json.dumps(json.loads(data), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
