"""``kg query GRAPH... (--named NAME | -e SPARQL | QUERY.rq)``: the thin CLI over ``kg.query``."""
from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("graphs", nargs=-1, metavar="GRAPH... [QUERY.rq]")
@click.option("--named", "-n", metavar="NAME", help="Run a named query shipped with kg (see --list).")
@click.option("-e", "--expr", metavar="SPARQL", help="Run this SPARQL text.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Result format.")
@click.option("--list", "list_", is_flag=True, help="List the named queries and their columns.")
def query(graphs: tuple[str, ...], named: str | None, expr: str | None, fmt: str, list_: bool) -> None:
    """Run a SPARQL query over one or more graph files."""
    from ..errors import UsageError
    from ..query import format_rows, load_graph, named_queries, named_query, run_select

    if list_:
        for q in named_queries().values():
            click.echo(f"{q.name:<14} {q.description}  [{', '.join(q.columns)}]")
        return
    files = list(graphs)
    text = None
    if named:
        text = named_query(named).text
    elif expr:
        text = expr
    elif files and files[-1].endswith(".rq"):
        rq = Path(files.pop())
        if not rq.is_file():
            raise UsageError(f"{rq}: no such query file")
        text = rq.read_text(encoding="utf-8")
    if text is None:
        raise UsageError("give a query: --named NAME, -e 'SPARQL' or a QUERY.rq file (kg query --list shows names)")
    if not files:
        raise UsageError("give at least one GRAPH file to query")
    cols, rows = run_select(load_graph(files), text)
    click.echo(format_rows(cols, rows, fmt), nl=False)
