"""``kg build ARTICLE... --out DIR``: the thin CLI over ``kg.build.build``."""
from __future__ import annotations

import click

from ..export import DEFAULT_FORMATS, FORMATS


@click.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@click.option("--out", "-o", default="exports", show_default=True, metavar="DIR",
              help="Folder to write <stem>.ttl, <stem>.html, ... into (created if missing).")
@click.option("--published", metavar="YYYY-MM-DD",
              help="The articles' publication date; resolves 'Wednesday', 'tomorrow', 'in May'.")
@click.option("--base", default=None, metavar="IRI",
              help="Base IRI for minted entity and fact IRIs [default: https://kg.example.org/id/].")
@click.option("--format", "formats", default=",".join(DEFAULT_FORMATS), show_default=True, metavar="LIST",
              help=f"Comma-separated exports: {', '.join(FORMATS)}.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
def build(articles: tuple[str, ...], out: str, published: str | None, base: str | None,
          formats: str, quiet: bool) -> None:
    """Extract a knowledge graph from each ARTICLE (UTF-8 text; '-' reads stdin).

    Writes DIR/<stem>.ttl and DIR/<stem>.html for each article, where <stem> is the file
    name without its extension.
    """
    from ..build import build as run_build
    from ..export import parse_formats
    from ..rdf.namespaces import DEFAULT_BASE
    from ..reader import parse_date

    date = parse_date(published) if published else None
    fmts = parse_formats(formats)
    say = (lambda msg: None) if quiet else (lambda msg: click.echo(msg, err=True))
    results = run_build(list(articles), out, published=date, base=base or DEFAULT_BASE,
                        formats=fmts, progress=say)
    if quiet:
        return
    for r in results:
        d = r.doc
        click.echo(f"{r.source}: {len(d.entities)} entities, {r.facts} facts "
                   f"({len(d.roles)} roles, {len(d.events)} events, {len(d.quotes)} quotes), "
                   f"{r.triples} triples")
        for f in r.files:
            click.echo(f"  wrote {f}")
