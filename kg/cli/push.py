"""``kg push GRAPH... --endpoint URL``: the thin CLI over ``kg.push``."""
from __future__ import annotations

import click


@click.command()
@click.argument("graphs", nargs=-1, required=True, metavar="GRAPH...")
@click.option("--endpoint", "-E", required=True, metavar="URL",
              help="The store's SPARQL 1.1 Graph Store URL (Oxigraph: http://HOST:PORT/store).")
@click.option("--timeout", default=60.0, show_default=True, metavar="SECONDS",
              help="How long to wait for the store to answer each request.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
def push(graphs: tuple[str, ...], endpoint: str, timeout: float, quiet: bool) -> None:
    """Load graph files into a triple store, one named graph per article.

    Each article's triples go to the named graph of its IRI (PUT <URL>?graph=<article IRI>),
    replacing what was there: pushing again updates the article and duplicates nothing.
    Query the store with the union of its named graphs as the default graph (Oxigraph:
    serve --union-default-graph) so that kg's named queries run there unchanged.
    """
    from ..push import Upload
    from ..push import push as run_push

    def say(u: Upload, status: int) -> None:
        if not quiet:
            click.echo(f"pushed {u.triples} triples from {u.source} to graph <{u.graph}> (HTTP {status})")

    sent = run_push(list(graphs), endpoint, timeout=timeout, progress=say)
    if not quiet:
        total = sum(u.triples for u in sent)
        click.echo(f"{len(sent)} graph{'s' if len(sent) != 1 else ''}, {total} triples pushed to {endpoint}")
