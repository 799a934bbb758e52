"""``kg stats GRAPH...`` and ``kg path GRAPH... A B``: analytics over the readable projection."""
from __future__ import annotations

import json

import click


@click.command()
@click.argument("graphs", nargs=-1, required=True, metavar="GRAPH...")
@click.option("--top", default=10, show_default=True, metavar="N", type=click.IntRange(1, 1000),
              help="How many of the most connected people and organizations to list.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for scripts.")
def stats(graphs: tuple[str, ...], top: int, fmt: str) -> None:
    """Counts by type, the most connected people and organizations, and connected components."""
    from ..query import load_graph
    from ..view.analytics import format_stats
    from ..view.analytics import stats as compute
    from ..view.projection import project

    s = compute(project(load_graph(list(graphs))), top=top)
    if fmt == "json":
        click.echo(json.dumps(s.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_stats(s), nl=False)


@click.command()
@click.argument("args", nargs=-1, required=True, metavar="GRAPH... A B")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for scripts.")
def path(args: tuple[str, ...], fmt: str) -> None:
    """The shortest chain of facts linking entities A and B, each step with its evidence sentence.

    A and B are names or aliases as in the graph (any case; a unique part of a name will do).
    """
    from ..errors import UsageError
    from ..query import load_graph
    from ..view.analytics import format_path, path_json, shortest_path
    from ..view.projection import project

    if len(args) < 3:
        raise UsageError('give one or more GRAPH files, then two names: kg path GRAPH "A" "B"')
    *graphs, a, b = args
    start, end, steps = shortest_path(project(load_graph(graphs)), a, b)
    if fmt == "json":
        click.echo(json.dumps(path_json(start, end, steps), indent=2, ensure_ascii=False))
    else:
        click.echo(format_path(start, end, steps), nl=False)
