"""The `pressextract` command: extract, evaluate, show, train."""

from __future__ import annotations

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Information extraction for German press releases (events, agendas, people, offices, quotes).",
)


def _version(value: bool) -> None:
    if value:
        from pipeline.api import package_version

        typer.echo(f"pressextract {package_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Information extraction for German press releases (events, agendas, people, offices, quotes)."""


def _register() -> None:
    import importlib

    from pipeline.cli import extract  # noqa: F401

    for name in ("evaluate", "show", "train"):
        try:
            importlib.import_module(f"pipeline.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"pipeline.cli.{name}":
                raise


def main() -> None:
    _register()
    app()
