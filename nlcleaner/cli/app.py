"""The typer application and the process-level concerns: exit codes, one-line errors, broken pipes, Ctrl-C."""

from __future__ import annotations

import os
import sys

import typer

from .. import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_BAD_RECORDS, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

app = typer.Typer(
    name="nlcleaner",
    help="Remove publisher furniture (appeals, share lines, footers) from article text; report what went and why.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool):
    if value:
        print(f"nlcleaner {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
):
    """nlcleaner: a rule engine for article furniture."""


def fail(message: str, code: int = EXIT_ERROR):
    """One line on stderr, then exit: how every error reaches a user."""
    print(f"nlcleaner: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def main() -> None:
    from . import commands  # noqa: F401  (registers the commands)

    try:
        app()
    except KeyboardInterrupt:
        print("nlcleaner: interrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader went away (`| head`): leave quietly, and keep Python from complaining at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
