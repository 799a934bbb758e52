"""``kg evaluate GRAPH GOLD.json`` / ``kg evaluate --set DIR``: the thin CLI over ``kg.evaluate``."""
from __future__ import annotations

import json

import click


@click.command()
@click.argument("inputs", nargs=-1, metavar="GRAPH.ttl GOLD.json")
@click.option("--set", "set_dir", metavar="DIR",
              help="Build and score every DIR/<name>.txt that has a DIR/<name>.gold.json beside it.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date when GRAPH is an article to build (default: the gold file's).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Print an aligned table or the scores as JSON.")
@click.option("--misses", is_flag=True,
              help="Also list, per category, the gold facts missed and the predicted facts that are "
                   "spurious (per article with --set; a \"misses\" object in JSON).")
@click.option("--min-macro", type=click.FloatRange(0.0, 1.0), metavar="F",
              help="Exit with status 1 when macro_f1 is below F (for CI).")
def evaluate(inputs: tuple[str, ...], set_dir: str | None, published: str | None, fmt: str,
             misses: bool, min_macro: float | None) -> None:
    """Score extracted facts against gold facts: precision, recall and F1 per category.

    \b
    kg evaluate GRAPH.ttl GOLD.json    score a graph that kg build wrote
    kg evaluate ARTICLE.txt GOLD.json  build the article first (nothing is written)
    kg evaluate --set DIR              build and score a whole dev set (counts summed)
    kg evaluate ... --misses           also list what was missed and what is spurious
    """
    from ..errors import KGError, UsageError
    from ..evaluate import evaluate_file, evaluate_set
    from ..evaluate_report import format_misses, format_set_misses, format_set_table, format_table
    from ..reader import parse_date

    if set_dir is not None:
        if inputs:
            raise UsageError("give either --set DIR or GRAPH GOLD.json, not both")
        result = evaluate_set(set_dir, misses=misses)
        macro = result["total"]["macro_f1"]
        text = format_set_table(result) + (format_set_misses(result) if misses else "")
    elif len(inputs) == 2:
        date = parse_date(published) if published else None
        result = evaluate_file(inputs[0], inputs[1], published=date, misses=misses)
        macro = result["macro_f1"]
        text = format_table(result) + (format_misses(result) if misses else "")
    else:
        raise UsageError("give a graph (or article) and its gold file: kg evaluate GRAPH.ttl GOLD.json, "
                         "or a dev set: kg evaluate --set DIR")
    click.echo(json.dumps(result, indent=2) if fmt == "json" else text, nl=fmt == "json")
    if min_macro is not None and macro < min_macro:
        # a KGError (exit status 1) rather than click's Exit: kg.cli.run drops Exit's status
        raise KGError(f"macro_f1 {macro:.3f} is below --min-macro {min_macro:.3f}")
