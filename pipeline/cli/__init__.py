"""The `pressextract` command: extract, evaluate, show, train."""

from __future__ import annotations

import click
import typer
from typer.core import TyperOption

_display_type_rich = TyperOption.display_type_rich


def _flag_without_type(self: TyperOption, ctx: click.Context) -> str | None:
    """A flag (--help, --quiet, --check/--no-check) takes no value: show no "<bool>" type in --help."""
    if self.is_flag and self.metavar is None:
        return ""
    return _display_type_rich(self, ctx)


TyperOption.display_type_rich = _flag_without_type  # type: ignore[method-assign]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Information extraction for German press releases (events, agendas, people, offices, quotes).",
)


def _version(value: bool) -> None:
    if value:
        from pressextract.api import package_version

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

    from pressextract.cli import extract  # noqa: F401

    for name in ("evaluate", "show", "train"):
        try:
            importlib.import_module(f"pressextract.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"pressextract.cli.{name}":
                raise


def main() -> None:
    _register()
    app()
