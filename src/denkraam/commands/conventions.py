"""What the CLI commands agree on: the --output option and how a bad input ends a command.

Not a command module (it has no COMMANDS, so it is not in MODULES).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])


def output_option(help_text: str) -> Callable[[F], F]:
    """The `--output/-o FILE` option: where the command writes its result instead of the screen."""
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        help=help_text,
    )


def input_error(message: str) -> NoReturn:
    """Say in Dutch what is wrong with the input and stop with exit code 2, as click does for a usage error."""
    click.echo(f"Fout: {message}", err=True)
    sys.exit(2)
