"""``kg view GRAPH... [-o FILE.html] [--open] [--raw]``: the thin CLI over ``kg.view.page``."""
from __future__ import annotations

import click


@click.command()
@click.argument("graphs", nargs=-1, required=True, metavar="GRAPH...")
@click.option("--out", "-o", metavar="FILE.html",
              help="Where to write the page [default: GRAPH with .html instead of its extension; "
                   "for several graphs, combined.html beside the first].")
@click.option("--title", metavar="TEXT", help="Page title [default: the article's headline, or 'N articles'].")
@click.option("--raw", is_flag=True, help="Draw every triple instead of the readable projection.")
@click.option("--open", "open_", is_flag=True, help="Open the page in the default web browser.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
def view(graphs: tuple[str, ...], out: str | None, title: str | None, raw: bool, open_: bool, quiet: bool) -> None:
    """Render graph files (one article or many) as one self-contained interactive HTML page.

    The page works offline from a plain file:// double-click: search by name or alias,
    filter by type, and click any node or link for the sentences it comes from.
    """
    import time
    import webbrowser
    from pathlib import Path

    from ..errors import UsageError
    from ..fileio import atomic_write, ensure_dir
    from ..query import load_graph
    from ..view.page import default_title, render_page

    if out:
        target = Path(out)
    elif len(graphs) == 1:
        target = Path(graphs[0]).with_suffix(".html")
    else:
        # not the first graph's own page: ``kg build`` wrote that one and it shows one article
        target = Path(graphs[0]).with_name("combined.html")
    if target.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"--out: {target} should end in .html")
    if any(Path(g).resolve() == target.resolve() for g in graphs):
        raise UsageError(f"--out: {target} is one of the input graphs; choose another file")
    t0 = time.perf_counter()
    graph = load_graph(list(graphs))
    page = render_page(graph, title=title or default_title(graph), raw=raw)
    ensure_dir(target.parent if str(target.parent) else Path("."))
    atomic_write(target, page.encode("utf-8"))
    if not quiet:
        click.echo(f"wrote {target} ({len(page.encode('utf-8')) // 1024} KiB, "
                   f"{time.perf_counter() - t0:.2f} s)")
    if open_:
        webbrowser.open(target.resolve().as_uri())
