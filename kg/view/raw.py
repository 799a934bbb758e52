"""``kg view --raw``: every triple of the graph as an edge labelled with its predicate."""
from __future__ import annotations

from collections import defaultdict

from typing import Any

from ..rdf.namespaces import RDF, RDFS, SCHEMA, SKOS
from ..rdf.terms import Lit, Term, light
from . import style
from .model import Edge, Node, Projection, clip, short

_NAME_PREDICATES = (SCHEMA.name, RDFS.label, SKOS.prefLabel)


def project_raw(graph: Any) -> Projection:
    """Every triple as an edge labelled with its predicate; literals are nodes of their own.

    Each literal object gets its own node, so the number of edges equals the number of
    triples and a value shared by many subjects (a "0" offset) does not become a fake hub.
    Resources are coloured by their first ``rdf:type`` (alphabetically), literals grey.
    """
    triples = sorted(set(light(graph)), key=lambda t: (t[0], t[1], _n3(t[2])))
    types: dict[Term, list[Term]] = defaultdict(list)
    names: dict[Term, str] = {}
    for s, p, o in triples:
        if p == RDF.type:
            types[s].append(o)
        elif p in _NAME_PREDICATES and s not in names:
            names[s] = str(o)
    class_style: dict[str, style.NodeStyle] = {}

    def style_for(term: Term) -> style.NodeStyle:
        ts = sorted(short(t) for t in types.get(term, []))
        if not ts:
            return style.RAW_UNTYPED
        if ts[0] not in class_style:
            color = style.RAW_PALETTE[len(class_style) % len(style.RAW_PALETTE)]
            class_style[ts[0]] = style.NodeStyle(ts[0], ts[0], "resource", color, "dot")
        return class_style[ts[0]]

    nodes: dict[str, Node] = {}
    edges: list[Edge] = []

    def resource(term: Term) -> str:
        key = str(term)
        if key not in nodes:
            st = style_for(term)
            blank = key.startswith("_:")
            facts = [("blank node" if blank else "IRI", key[2:] if blank else key)]
            facts += [("type", t) for t in sorted(short(t) for t in types.get(term, []))]
            nodes[key] = Node(key, clip(names.get(term) or short(term), 48), st.type, facts=facts)
        return key

    for i, (s, p, o) in enumerate(triples):
        src = resource(s)
        if isinstance(o, Lit):
            dst = f"literal:{i}"
            value = o.value
            facts = [("value", value)]
            if o.datatype is not None:
                facts.append(("datatype", short(o.datatype)))
            if o.lang:
                facts.append(("language", o.lang))
            nodes[dst] = Node(dst, clip(value, 48) if value else '""', style.RAW_LITERAL.type, facts=facts)
        else:
            dst = resource(o)
        edges.append(Edge(src, dst, short(p)))
    present = {n.type for n in nodes.values()}
    styles = sorted(class_style.values(), key=lambda s: s.type)
    styles += [st for st in (style.RAW_UNTYPED, style.RAW_LITERAL) if st.type in present]
    return Projection(list(nodes.values()), edges, [], [], styles, raw=True)


def _n3(term: Term) -> str:
    """A sort key that keeps rdflib's order: IRIs ``<...>``, blank nodes ``_:``, literals ``"..."``."""
    if isinstance(term, Lit):
        return f'"{term.value}"' + (f"@{term.lang}" if term.lang else f"^^<{term.datatype}>" if term.datatype else "")
    return term if term.startswith("_:") else f"<{term}>"
