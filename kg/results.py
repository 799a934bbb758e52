"""Render query answers: an aligned table for terminals, CSV/TSV, the W3C SPARQL results formats
(JSON, XML, TSV) and, for CONSTRUCT/DESCRIBE, RDF (Turtle, N-Triples, JSON-LD, RDF/XML).

Used by ``kg query`` (by format name) and ``kg serve`` (by media type).  Output is
deterministic: the same answer gives the same bytes.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from .errors import UsageError

if TYPE_CHECKING:
    from rdflib.term import Node

    from .query import Answer

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
ROW_FORMATS = ("table", "csv", "tsv", "json", "xml", "sparql-tsv")
GRAPH_FORMATS = ("ttl", "nt", "jsonld", "rdfxml")

# media type -> format name, in the order the server prefers them
ROW_MEDIA = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "sparql-tsv", "text/plain": "table",
}
GRAPH_MEDIA = {
    "text/turtle": "ttl", "application/n-triples": "nt", "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml", "text/plain": "nt",
}
CHARSET_MEDIA = {"text/turtle", "text/csv", "text/tab-separated-values", "text/plain", "application/n-triples"}


def render(answer: Answer, fmt: str, *, crlf: bool = False) -> bytes:
    """The answer in ``fmt`` (a name from ROW_FORMATS for SELECT/ASK, GRAPH_FORMATS for graphs)."""
    if answer.is_graph:
        if fmt not in GRAPH_FORMATS:
            raise UsageError(f"--format {fmt}: a {answer.kind} query gives a graph; "
                             f"use one of {', '.join(GRAPH_FORMATS)}")
        return render_graph(answer.graph, fmt)          # type: ignore[arg-type]
    if fmt not in ROW_FORMATS:
        raise UsageError(f"--format {fmt}: a {answer.kind} query gives a table; use one of table, csv, tsv, json")
    if answer.kind == "ASK":
        return _render_ask(bool(answer.boolean), fmt)
    vars_, rows = list(answer.vars), answer.rows
    if fmt == "json":
        return _json({"head": {"vars": vars_},
                      "results": {"bindings": [{v: _json_term(t) for v, t in zip(vars_, row) if t is not None}
                                               for row in rows]}})
    if fmt == "xml":
        return _xml_rows(vars_, rows)
    if fmt == "sparql-tsv":
        lines = ["\t".join(f"?{v}" for v in vars_)]
        lines += ["\t".join("" if t is None else nt_term(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    return render_plain(vars_, [[_plain(t) for t in row] for row in rows], fmt,
                        iris=[[_is_iri(t) for t in row] for row in rows], crlf=crlf).encode("utf-8")


def render_plain(cols: list[str], rows: Sequence[Sequence[str]], fmt: str, *,
                 iris: Sequence[Sequence[bool]] | None = None, crlf: bool = False) -> str:
    """Plain-string rows as ``csv``, ``tsv``, ``json`` or an aligned ``table`` (IRIs cut from the left)."""
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\r\n" if crlf else "\n")
        w.writerow(cols)
        w.writerows(rows)
        return buf.getvalue()
    if fmt == "json":
        bindings = [{c: {"type": "literal", "value": v} for c, v in zip(cols, row) if v} for row in rows]
        data = {"head": {"vars": cols}, "results": {"bindings": bindings}}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _table(cols, rows, iris)


def _table(cols: list[str], rows: Sequence[Sequence[str]], iris: Sequence[Sequence[bool]] | None) -> str:
    width = 60
    def cut(s: str, iri: bool) -> str:
        s = " ".join(s.split())
        if len(s) <= width:
            return s
        # the end of an IRI is what tells two apart ("…/event/meeting-2023-09-20")
        return "…" + s[-(width - 1):] if iri else s[: width - 1] + "…"
    cells = [[cut(v, bool(iris and iris[i][j])) for j, v in enumerate(row)] for i, row in enumerate(rows)]
    widths = [max([len(c)] + [len(r[j]) for r in cells]) for j, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _render_ask(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return _json({"head": {}, "boolean": value})
    if fmt == "xml":
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
                f"  <head/>\n  <boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n").encode("utf-8")
    return b"true\n" if value else b"false\n"


def render_graph(graph: object, fmt: str) -> bytes:
    """A graph as Turtle, sorted N-Triples, JSON-LD (with the project's prefixes as context) or RDF/XML."""
    from rdflib import Graph

    from .rdf.namespaces import bind_prefixes

    assert isinstance(graph, Graph)
    bind_prefixes(graph)
    if fmt == "ttl":
        return graph.serialize(format="turtle", encoding="utf-8")
    if fmt == "nt":
        from rdflib import URIRef

        from .export import to_ntriples
        return to_ntriples(graph, URIRef(""))
    if fmt == "jsonld":
        from rdflib import URIRef

        from .export import to_jsonld
        return to_jsonld(graph, URIRef(""))
    return graph.serialize(format="xml", encoding="utf-8")


# -- terms -------------------------------------------------------------------------------------

def _plain(t: Node | None) -> str:
    from .query import plain
    return plain(t)


def _is_iri(t: Node | None) -> bool:
    from rdflib import URIRef
    return isinstance(t, URIRef)


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_term(t: Node) -> dict[str, str]:
    from rdflib import BNode, Literal

    if isinstance(t, Literal):
        out = {"type": "literal", "value": str(t)}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype is not None and str(t.datatype) != XSD_STRING:
            out["datatype"] = str(t.datatype)
        return out
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    return {"type": "uri", "value": str(t)}


def _xml_rows(vars_: list[str], rows: list[tuple[Node | None, ...]]) -> bytes:
    from rdflib import BNode, Literal

    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "  <head>"]
    out += [f"    <variable name={quoteattr(v)}/>" for v in vars_]
    out += ["  </head>", "  <results>"]
    for row in rows:
        out.append("    <result>")
        for v, t in zip(vars_, row):
            if t is None:
                continue
            if isinstance(t, Literal):
                typed = t.datatype is not None and str(t.datatype) != XSD_STRING
                attr = (f" xml:lang={quoteattr(t.language)}" if t.language else
                        f" datatype={quoteattr(str(t.datatype))}" if typed else "")
                value = f"<literal{attr}>{escape(str(t), quote=False)}</literal>"
            elif isinstance(t, BNode):
                value = f"<bnode>{escape(str(t), quote=False)}</bnode>"
            else:
                value = f"<uri>{escape(str(t), quote=False)}</uri>"
            out.append(f"      <binding name={quoteattr(v)}>{value}</binding>")
        out.append("    </result>")
    out += ["  </results>", "</sparql>"]
    return ("\n".join(out) + "\n").encode("utf-8")


def quoteattr(value: str) -> str:
    """An XML attribute value in double quotes, escaped."""
    return f'"{escape(value, quote=True)}"'


_NT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def nt_term(t: Node) -> str:
    """A term in N-Triples syntax (used by the W3C TSV results format)."""
    from rdflib import BNode, Literal

    if isinstance(t, Literal):
        body = "".join(_NT_ESCAPES.get(c, c) for c in str(t))
        if t.language:
            return f'"{body}"@{t.language}'
        if t.datatype is not None and str(t.datatype) != XSD_STRING:
            return f'"{body}"^^<{t.datatype}>'
        return f'"{body}"'
    if isinstance(t, BNode):
        return f"_:{t}"
    return f"<{t}>"


def negotiate(accept: str | None, offers: dict[str, str]) -> str | None:
    """The media type in ``offers`` that an HTTP Accept header prefers (None: nothing acceptable).

    Follows RFC 9110: q-values, ``type/*`` and ``*/*``; among equals, the server's order wins.
    """
    if not accept or not accept.strip():
        return next(iter(offers))
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    best, best_q = None, 0.0
    for offer in offers:
        main = offer.split("/")[0]
        # the most specific range that matches decides the offer's quality
        found = next((q for m, q in ranges if m == offer), None)
        if found is None:
            found = next((q for m, q in ranges if m == f"{main}/*"), None)
        if found is None:
            found = next((q for m, q in ranges if m == "*/*"), 0.0)
        if found > best_q:
            best, best_q = offer, found
    return best
