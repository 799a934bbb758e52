"""``kg serve GRAPH... [--host H] [--port P]``: the thin CLI over ``kg.serve``."""
from __future__ import annotations

import click


@click.command()
@click.argument("graphs", nargs=-1, required=True, metavar="GRAPH...")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", "-p", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port; the URL is printed).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1), metavar="SECONDS",
              help="Stop a query that runs longer than this (503).")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Refuse results with more rows (or triples) than this (400: add LIMIT).")
@click.option("--workers", default=8, show_default=True, type=click.IntRange(min=1),
              help="Queries answered at once (each in its own process).")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (browser-based SPARQL editors).")
def serve(graphs: tuple[str, ...], host: str, port: int, timeout: float, max_rows: int, workers: int,
          cors: bool) -> None:
    """Serve graph files over the SPARQL 1.1 Protocol, read-only, at http://HOST:PORT/sparql.

    \b
    GET /sparql?query=... or POST (application/sparql-query, or a form with query=...);
    results as the Accept header asks (SPARQL results JSON/XML/CSV/TSV, Turtle, N-Triples).
    One line per request is logged on stderr.  Ctrl-C stops the server.
    Example:
      kg serve exports/*.ttl --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql
    """
    from ..serve import Settings, is_loopback, open_server
    from ..serve import serve as run

    server = open_server(list(graphs), host, port, Settings(timeout=timeout, max_rows=max_rows, workers=workers,
                                                            cors=cors))
    if not is_loopback(host):
        click.echo(f"kg serve: warning: listening on {host}, so other machines can query these graphs", err=True)
    click.echo(f"kg serve: {server.triples} triples from {len(graphs)} file{'s' if len(graphs) != 1 else ''}; "
               f"SPARQL endpoint at {server.url} (read-only; timeout {timeout:g} s, at most {max_rows} rows; "
               f"Ctrl-C stops)", err=True)
    run(server)
    click.echo("kg serve: stopped", err=True)
