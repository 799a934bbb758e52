"""The ``kg`` command: a thin click group whose subcommands load lazily.

``kg --help`` must be instant, so each subcommand lives in its own module and is imported
only when it runs (or when its own ``--help`` is asked for).  Subcommands parse options,
call one library function and print a summary; a ``KGError`` becomes a one-line message and
a non-zero exit, never a traceback.
"""
from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from .. import __version__

# name -> (module under kg.cli, attribute, one-line help shown by `kg --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": ("build", "build", "Extract a knowledge graph from articles; write Turtle and HTML."),
    "query": ("query", "query", "Run a SPARQL query (or a named one) over graph files."),
    "view": ("view", "view", "Render a graph file as a self-contained interactive HTML page."),
    "stats": ("graph", "stats", "Counts, most connected entities and components of a graph."),
    "path": ("graph", "path", "The shortest chain of facts linking two entities."),
    "serve": ("serve", "serve", "Serve graphs over the SPARQL 1.1 Protocol (read-only)."),
    "push": ("push", "push", "Load graphs into a SPARQL 1.1 Graph Store, one named graph per article."),
    "evaluate": ("evaluate", "evaluate", "Score a built graph (or a dev set) against gold facts."),
}


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        cmd: click.Command = getattr(importlib.import_module(f"kg.cli.{module}"), attr)
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # short help comes from the table, so listing commands imports nothing
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, _, help_) in COMMANDS.items()])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: news articles to an evidence-backed RDF knowledge graph.

    \b
    Typical use:
      kg build examples/wga-amptp-resume-negotiations.txt --out exports --published 2023-09-21
      kg query exports/wga-amptp-resume-negotiations.ttl --named roles
      kg view exports/wga-amptp-resume-negotiations.ttl --open
    """


def run(cmd_main: Any = main) -> None:
    """Entry point: run the CLI, turning KGError into a one-line message and its exit code."""
    from ..errors import KGError

    try:
        # without standalone mode click returns the exit code instead of exiting
        code = cmd_main.main(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except KGError as err:
        click.echo(f"kg: error: {err}", err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
