"""``kg query GRAPH... (QUERY.rq | -e SPARQL | --named NAME)``: the thin CLI over ``kg.query``."""
from __future__ import annotations

from pathlib import Path

import click

FORMATS = ["table", "csv", "tsv", "json", "ttl", "nt", "jsonld"]


@click.command()
@click.argument("graphs", nargs=-1, metavar="GRAPH... [QUERY.rq]")
@click.option("--named", "-n", metavar="NAME", help="Run a named query shipped with kg (see --list).")
@click.option("-e", "--expr", metavar="SPARQL", help="Run this SPARQL text.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Fill in $NAME in the query with VALUE (a string; <...> for an IRI). Repeatable.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
              help="Result format [default: table; Turtle (ttl) for CONSTRUCT/DESCRIBE]. "
                   "json is SPARQL 1.1 Query Results JSON.")
@click.option("--list", "list_", is_flag=True, help="List the named queries, their columns and parameters.")
@click.option("--show", is_flag=True, help="Print the query's text (parameters filled in) instead of running it, "
                                           "e.g. to send a named query to another SPARQL server.")
def query(graphs: tuple[str, ...], named: str | None, expr: str | None, params: tuple[str, ...],
          fmt: str | None, list_: bool, show: bool) -> None:
    """Run a read-only SPARQL query over one or more graph files (any RDF format).

    \b
    SELECT and ASK print a table (or csv, tsv, json); CONSTRUCT and DESCRIBE print Turtle.
    The project's prefixes (schema:, kgo:, org:, prov:, nif:, rdfs:, xsd:, ...) need no PREFIX line.
    Examples:
      kg query exports/*.ttl --named roles
      kg query exports/*.ttl --named about --param name='Bob Iger'
      kg query exports/*.ttl -e 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }'
      kg query --named roles --show      (the SPARQL text, to run elsewhere)
    """
    from ..errors import QueryError, UsageError
    from ..query import execute, load_graph, named_queries, parse_params, query_text
    from ..results import render

    if list_:
        click.echo(_listing(named_queries()), nl=False)
        return
    files = list(graphs)
    rq_files = [f for f in files if f.endswith(".rq")]
    chosen = [what for what, given in (("--named", named), ("-e", expr), ("a QUERY.rq file", rq_files)) if given]
    if len(chosen) > 1 or len(rq_files) > 1:
        raise UsageError(f"give one query, not {' and '.join(chosen) if len(chosen) > 1 else 'two .rq files'}")
    values = parse_params(params)
    where = ""
    if named:
        text = query_text(named, values)
        values = {}
    elif expr is not None:
        text = expr
    elif rq_files:
        rq = Path(rq_files[0])
        files.remove(rq_files[0])
        if not rq.is_file():
            raise UsageError(f"{rq}: no such query file")
        try:
            text = rq.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{rq}: cannot read the query ({getattr(exc, 'strerror', None) or exc})") from None
        where = f"{rq}: "
    else:
        raise UsageError("give a query: --named NAME, -e 'SPARQL' or a QUERY.rq file (kg query --list shows names)")
    if show:
        from ..query import bind_params

        click.echo(bind_params(text, values) if values else text, nl=not text.endswith("\n"))
        return
    if not files:
        raise UsageError("give at least one GRAPH file to query")
    graph = load_graph(files)
    try:
        answer = execute(graph, text, values)
    except QueryError as err:
        raise QueryError(f"{where}{err}") from None
    out = render(answer, fmt or ("ttl" if answer.is_graph else "table"))
    click.echo(out.decode("utf-8"), nl=False)


def _listing(queries: dict) -> str:  # type: ignore[type-arg]
    """Each named query: its name and description, then its columns and parameters, indented."""
    width = max(len(n) for n in queries) + 2
    lines = []
    for q in queries.values():
        lines.append(f"{q.name:<{width}}{q.description}")
        lines.append(f"{'':<{width}}columns: {', '.join(q.columns)}")
        for p, desc in q.params:
            lines.append(f"{'':<{width}}--param {p}=...  {desc}")
    return "\n".join(lines) + "\n"
