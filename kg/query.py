"""Run SPARQL over graph files: named queries shipped with the package, ``.rq`` files, or text.

Named queries are ``kg/queries/<name>.rq``.  Their header comments describe them: the first
comment line is a one-line description, ``# columns:`` lists the result columns (the contract
in DESIGN.md) and each ``# param: NAME  what it is`` declares a parameter written ``$NAME`` in
the query and filled in with ``--param NAME=VALUE``.

Everything here is read-only: an update is refused before it runs, ``SERVICE`` (which would
reach the network) is refused, and ``FROM``/``FROM NAMED`` pick graphs already loaded instead
of fetching URLs.
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, QueryError, UsageError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph
    from rdflib.term import Node

# file extension -> rdflib parser name
RDF_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt", ".n3": "n3",
    ".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".jsonld": "json-ld", ".json": "json-ld",
    ".rdf": "xml", ".xml": "xml", ".owl": "xml",
}
QUAD_FORMATS = {"trig", "nquads"}
SCHEMA_NEWS_ARTICLE = "https://schema.org/NewsArticle"


class ReadOnlyError(QueryError):
    """The query would change the graph (an update) or reach outside it (SERVICE)."""


class TooLargeError(QueryError):
    """The result has more rows or triples than the cap allows."""


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped with kg: its name, one-line description, result columns and parameters."""

    name: str
    description: str
    columns: tuple[str, ...]
    text: str
    params: tuple[tuple[str, str], ...] = ()      # (name, description), filled in as $name


@dataclass(frozen=True)
class Answer:
    """The result of one query: rows of terms (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE)."""

    kind: str                                    # "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"
    vars: tuple[str, ...] = ()
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    @property
    def is_graph(self) -> bool:
        return self.kind in ("CONSTRUCT", "DESCRIBE")

    def __len__(self) -> int:
        if self.is_graph:
            return len(self.graph) if self.graph is not None else 0
        return len(self.rows) if self.kind == "SELECT" else 1


# -- named queries ---------------------------------------------------------------------------

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
    def tagged(tag: str) -> list[str]:
        return [c.split(":", 1)[1].strip() for c in comments if c.lower().startswith(tag + ":")]
    description = next((c for c in comments if not re.match(r"(?i)(columns|param):", c)), "")
    cols = next(iter(tagged("columns")), "")
    params = tuple((p.split(None, 1) + [""])[:2] for p in tagged("param") if p)
    return NamedQuery(name, description, tuple(c.strip() for c in cols.split(",") if c.strip()), text,
                      tuple((n, d.strip()) for n, d in params))


def query_text(name: str, params: Mapping[str, str] | None = None) -> str:
    """The text of a named query with its parameters filled in (every declared one is required)."""
    q = named_query(name)
    params = dict(params or {})
    missing = [p for p, _ in q.params if p not in params]
    if missing:
        usage = " ".join(f"--param {p}=VALUE" for p in missing)
        raise UsageError(f"named query {name} needs {usage} ({'; '.join(f'{p}: {d}' for p, d in q.params)})")
    unknown = [p for p in params if p not in dict(q.params)]
    if unknown:
        known = ", ".join(p for p, _ in q.params) or "none"
        raise UsageError(f"--param {unknown[0]}: named query {name} has no such parameter (it takes: {known})")
    return bind_params(q.text, params)


# -- parameters ------------------------------------------------------------------------------

_IRI_VALUE = re.compile(r'^<[^<>"{}|^`\\\s]*>$')


def sparql_literal(value: str) -> str:
    """``value`` as a SPARQL term: an ``<IRI>`` when written so, else an escaped string literal."""
    if _IRI_VALUE.match(value):
        return value
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))
    return f'"{escaped}"'


def bind_params(text: str, params: Mapping[str, str]) -> str:
    """Replace each ``$name`` in the query with the value of ``name`` as a SPARQL term.

    Done on the text (not with rdflib's initBindings) so the same query can be sent to any
    SPARQL server; values are escaped, so a value can never change the query's shape.
    """
    for name, value in params.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise UsageError(f"--param {name}: a parameter name is letters, digits and _ (e.g. name=Bob)")
        pattern = re.compile(rf"\${re.escape(name)}\b")
        if not pattern.search(text):
            raise UsageError(f"--param {name}: the query has no ${name} to fill in")
        term = sparql_literal(value)
        text = pattern.sub(term.replace("\\", "\\\\"), text)   # a literal replacement, not a template
    return text


def parse_params(items: Iterable[str]) -> dict[str, str]:
    """``["name=Bob Iger"]`` -> ``{"name": "Bob Iger"}``; a UsageError for an item without ``=``."""
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {item!r}: write NAME=VALUE (e.g. --param name='Bob Iger')")
        out[name.strip()] = value
    return out


# -- loading graphs --------------------------------------------------------------------------

def graph_file(p: str | Path) -> tuple[Path, str]:
    """A graph file's path and rdflib format name, or an InputError saying what is wrong."""
    path = Path(p)
    if not path.is_file():
        raise InputError(f"{p}: no such graph file" if not path.exists() else f"{p}: is not a file")
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{p}: unknown RDF file type {path.suffix!r}; use one of {', '.join(sorted(RDF_FORMATS))}")
    return path, fmt


def load_graph(paths: Sequence[str | Path]) -> Dataset:
    """Parse one or more RDF files into one dataset whose default graph is their union.

    Each article gets its own named graph, named by its ``schema:NewsArticle`` IRI (as in the
    TriG export and in a store filled by ``kg push``), so ``GRAPH ?g`` and ``FROM <article>``
    mean the same everywhere; a file with no single article is named by its file URI.
    """
    from rdflib import Dataset, Graph, URIRef
    from rdflib.exceptions import ParserError
    from rdflib.namespace import RDF

    ds = Dataset(default_union=True)
    for p in paths:
        path, fmt = graph_file(p)
        try:
            if fmt in QUAD_FORMATS:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)   # raised inside rdflib's parser
                    ds.parse(path, format=fmt)
                continue
            g = Graph().parse(path, format=fmt)
        except (ParserError, SyntaxError, ValueError, UnicodeDecodeError, AttributeError, TypeError) as exc:
            # rdflib's parsers raise many kinds of error for bad input; all mean "not valid RDF"
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(f"{p}: not valid {fmt} ({first[:200]})") from None
        except OSError as exc:
            raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
        articles = {a for a in g.subjects(RDF.type, URIRef(SCHEMA_NEWS_ARTICLE)) if isinstance(a, URIRef)}
        name = articles.pop() if len(articles) == 1 else URIRef(path.resolve().as_uri())
        ctx = ds.graph(name)
        ds.addN((s, pr, o, ctx) for s, pr, o in g)
        for prefix, ns in g.namespaces():
            ds.bind(prefix, ns, override=False)
    return ds


# -- running queries -------------------------------------------------------------------------

def prepare(text: str, prefixes: bool = True) -> Any:
    """Parse a query (not an update), or raise a QueryError that says where the text is wrong.

    With ``prefixes`` the project's prefixes (schema:, kgo:, org:, ...) need no PREFIX line.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    from .rdf.namespaces import rdflib_namespaces

    try:
        parsed = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except ParseException:
            pass
        else:
            raise ReadOnlyError("updates are not allowed: the graph is read-only "
                             "(use SELECT, ASK, CONSTRUCT or DESCRIBE)") from None
        near = " ".join(str(exc.line)[exc.col - 1:].split())[:40]
        found = f", near {near!r}" if near else ", at the end of the query"
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}{found} "
                         f"({exc.msg.replace('Expected', 'expected')})") from None
    try:
        prepared = translateQuery(parsed, initNs=rdflib_namespaces() if prefixes else {})
    except Exception as exc:  # rdflib raises a bare Exception for an unknown prefix and the like
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if msg.startswith("Unknown namespace prefix"):
            prefix = msg.rsplit(":", 1)[-1].strip()
            raise QueryError(f"SPARQL error: unknown prefix {prefix}: (declare it: PREFIX {prefix}: <...>)") from None
        raise QueryError(f"SPARQL error: {msg}") from None
    if _mentions(prepared.algebra, "ServiceGraphPattern"):
        raise ReadOnlyError("SERVICE is not allowed: queries run over the loaded graphs only, never the network")
    return prepared


def _mentions(node: Any, name: str) -> bool:
    """True when the algebra tree holds a node called ``name``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, CompValue):
            if n.name == name:
                return True
            stack.extend(n.values())
        elif isinstance(n, (list, tuple)):
            stack.extend(n)
        elif isinstance(n, dict):
            stack.extend(n.values())
    return False


def execute(graph: Graph | Dataset, text: str, params: Mapping[str, str] | None = None, *,
            max_rows: int | None = None,
            dataset: tuple[Sequence[str], Sequence[str]] | None = None) -> Answer:
    """Run any read-only query; ``params`` fill ``$name`` placeholders; ``max_rows`` caps the result.

    ``dataset`` is (default graph IRIs, named graph IRIs), as the SPARQL Protocol's
    ``default-graph-uri`` and ``named-graph-uri``: when given it replaces the query's FROM clauses.
    """
    import rdflib.plugins.sparql as sparql_plugin

    if params:
        text = bind_params(text, params)
    prepared = prepare(text)
    if dataset and (dataset[0] or dataset[1]):
        _set_dataset(prepared, *dataset)
    loads = sparql_plugin.SPARQL_LOAD_GRAPHS
    sparql_plugin.SPARQL_LOAD_GRAPHS = False       # FROM <x> picks a loaded graph; never fetches x
    try:
        with warnings.catch_warnings():
            # rdflib's evaluator calls its own deprecated Dataset API (property paths); not ours
            warnings.simplefilter("ignore", DeprecationWarning)
            return _evaluate(graph, text, prepared, max_rows)
    except (QueryError, UsageError):
        raise
    except Exception as exc:  # evaluation errors inside rdflib: say so in one line, no traceback
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise QueryError(f"the query failed while running ({type(exc).__name__}: {msg[:200]})") from None
    finally:
        sparql_plugin.SPARQL_LOAD_GRAPHS = loads


def _set_dataset(prepared: Any, defaults: Sequence[str], named: Sequence[str]) -> None:
    from rdflib import URIRef
    from rdflib.plugins.sparql.parserutils import CompValue

    for iri in (*defaults, *named):
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*", iri):
            raise QueryError(f"graph IRI {iri!r} is not an absolute IRI")
    prepared.algebra["datasetClause"] = (
        [CompValue("DatasetClause", default=URIRef(i)) for i in defaults]
        + [CompValue("DatasetClause", named=URIRef(i)) for i in named])


def _evaluate(graph: Graph | Dataset, text: str, prepared: Any, max_rows: int | None) -> Answer:
    from .rdf.namespaces import bind_prefixes, rdflib_namespaces

    if hasattr(getattr(graph, "store", None), "query_endpoint"):
        # a remote store (rdflib's SPARQLStore) is sent the text; the server evaluates it
        result = graph.query(text, initNs=rdflib_namespaces())
    else:
        result = graph.query(prepared)
    kind = str(result.type)
    if kind == "ASK":
        return Answer("ASK", boolean=bool(result.askAnswer))
    if kind in ("CONSTRUCT", "DESCRIBE"):
        g = bind_prefixes(result.graph)  # type: ignore[arg-type]
        _check_size(len(g), max_rows, "triples")
        return Answer(kind, graph=g)
    names = [str(v) for v in (result.vars or [])]
    order = _star_order(text, names)
    rows = []
    for row in result:
        rows.append(tuple(row[i] for i in order))  # type: ignore[index]
        _check_size(len(rows), max_rows, "rows")
    return Answer("SELECT", tuple(names[i] for i in order), rows)


def _star_order(text: str, names: list[str]) -> list[int]:
    """Column order: as written, or for ``SELECT *`` the order the variables first appear in.

    rdflib collects ``*`` variables in a set, so without this their order changes from run to run.
    """
    first = re.search(r"(?i)\bSELECT\b\s*(?:DISTINCT\b|REDUCED\b)?\s*(\S)", re.sub(r"(?m)#.*$", "", text))
    if not first or first.group(1) != "*":
        return list(range(len(names)))
    def seen(name: str) -> int:
        m = re.search(rf"[?$]{re.escape(name)}\b", text)
        return m.start() if m else len(text)
    return sorted(range(len(names)), key=lambda i: (seen(names[i]), names[i]))


def _check_size(n: int, cap: int | None, what: str) -> None:
    if cap is not None and n > cap:
        raise TooLargeError(f"the result has more than {cap} {what}, the limit here; "
                         f"add LIMIT (and OFFSET to page through it) or narrow the query")


def run_select(graph: Graph | Dataset, text: str, params: Mapping[str, str] | None = None
               ) -> tuple[list[str], list[dict[str, str]]]:
    """Run a SELECT query; return its variables and rows as plain strings ('' for unbound)."""
    answer = execute(graph, text, params)
    if answer.kind != "SELECT":
        raise QueryError(f"expected a SELECT query, got {answer.kind}")
    cols = list(answer.vars)
    return cols, [{c: plain(v) for c, v in zip(cols, row)} for row in answer.rows]


def run_named(graph: Graph | Dataset, name: str, params: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """Rows of a named query, with exactly the columns its header promises."""
    q = named_query(name)
    cols, rows = run_select(graph, query_text(name, params))
    if q.columns and tuple(cols) != q.columns:
        raise QueryError(f"named query {name}: returns columns {cols}, header says {list(q.columns)}")
    return rows


def plain(term: Node | None) -> str:
    """A term as plain text: the IRI, the literal's lexical form, ``_:id`` for a blank node, '' if unbound."""
    from rdflib import BNode

    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)
