"""Run SPARQL over graph files: named queries shipped with the package, ``.rq`` files, or text.

Named queries are ``kg/queries/<name>.rq``; their first comment line describes them and a
``# columns:`` line lists their result columns (the contract in DESIGN.md).
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, QueryError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

# file extension -> rdflib parser name
RDF_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt", ".n3": "n3",
    ".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".jsonld": "json-ld", ".json": "json-ld",
    ".rdf": "xml", ".xml": "xml", ".owl": "xml",
}
QUAD_FORMATS = {"trig", "nquads"}


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    columns: tuple[str, ...]
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in the package, by name."""
    out = {}
    for res in sorted(resources.files("kg.queries").iterdir(), key=lambda r: r.name):
        if res.name.endswith(".rq"):
            text = res.read_text(encoding="utf-8")
            out[res.name[:-3]] = _parse_header(res.name[:-3], text)
    return out


def named_query(name: str) -> NamedQuery:
    """The named query ``name``, or a QueryError listing the names there are."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; choose one of: {', '.join(queries)} (see kg query --list)")
    return queries[name]


def _parse_header(name: str, text: str) -> NamedQuery:
    comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
    description = next((c for c in comments if not c.lower().startswith("columns:")), "")
    cols = next((c.split(":", 1)[1] for c in comments if c.lower().startswith("columns:")), "")
    return NamedQuery(name, description, tuple(c.strip() for c in cols.split(",") if c.strip()), text)


def load_graph(paths: Sequence[str | Path]) -> Dataset:
    """Parse one or more RDF files into one dataset whose default graph is their union."""
    from rdflib import Dataset, URIRef
    from rdflib.exceptions import ParserError

    ds = Dataset(default_union=True)
    for p in paths:
        path = Path(p)
        if not path.is_file():
            raise InputError(f"{p}: no such graph file" if not path.exists() else f"{p}: is not a file")
        fmt = RDF_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise InputError(f"{p}: unknown RDF file type {path.suffix!r}; use one of {', '.join(sorted(RDF_FORMATS))}")
        try:
            if fmt in QUAD_FORMATS:
                ds.parse(path, format=fmt)
            else:
                ds.graph(URIRef(path.resolve().as_uri())).parse(path, format=fmt)
        except (ParserError, SyntaxError, ValueError, UnicodeDecodeError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(f"{p}: not valid {fmt} ({first})") from None
    return ds


def run_select(graph: Graph | Dataset, text: str) -> tuple[list[str], list[dict[str, str]]]:
    """Run a SELECT query; return its variables and rows as plain strings ('' for unbound)."""
    result = _execute(graph, text)
    if result.type != "SELECT":
        raise QueryError(f"expected a SELECT query, got {result.type}")
    cols = [str(v) for v in (result.vars or [])]
    rows = [{c: ("" if row[i] is None else str(row[i])) for i, c in enumerate(cols)} for row in result]
    return cols, rows


def run_named(graph: Graph | Dataset, name: str) -> list[dict[str, str]]:
    """Rows of a named query, with exactly the columns its header promises."""
    q = named_query(name)
    cols, rows = run_select(graph, q.text)
    if q.columns and tuple(cols) != q.columns:
        raise QueryError(f"named query {name}: returns columns {cols}, header says {list(q.columns)}")
    return rows


def _execute(graph: Graph | Dataset, text: str):  # type: ignore[no-untyped-def]
    from pyparsing import ParseException
    if re.search(r"^\s*(?:PREFIX[^\n]*\n\s*|BASE[^\n]*\n\s*|#[^\n]*\n\s*)*"
                 r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", text, re.I):
        raise QueryError("updates are not allowed: kg query is read-only (use SELECT, ASK, CONSTRUCT or DESCRIBE)")
    try:
        return graph.query(text)
    except ParseException as exc:
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}") from None


def format_rows(cols: Sequence[str], rows: Iterable[dict[str, str]], fmt: str) -> str:
    """Render rows as ``csv``, ``tsv``, ``json`` (a list of objects) or an aligned ``table``."""
    rows = list(rows)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(cols), delimiter="," if fmt == "csv" else "\t",
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    widths = {c: min(60, max([len(c)] + [len(r[c]) for r in rows])) for c in cols}
    def cut(s: str, n: int) -> str:
        s = " ".join(s.split())
        return s if len(s) <= n else s[: n - 1] + "…"
    lines = ["  ".join(c.ljust(widths[c]) for c in cols).rstrip(),
             "  ".join("-" * widths[c] for c in cols)]
    lines += ["  ".join(cut(r[c], widths[c]).ljust(widths[c]) for c in cols).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
