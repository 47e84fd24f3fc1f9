"""Every command has plain-language help, and the README documents every top-level command."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from denkraam import __version__
from denkraam.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += _all_commands(command, (*prefix, name))
    return found


def test_version_prints_the_package_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"denkraam {__version__}"


@pytest.mark.parametrize("path", _all_commands(main), ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    summary = result.output.split("\n\n")[1].strip()
    assert len(summary) > 15, f"{' '.join(path)} needs a help text"


def test_an_unknown_command_exits_2() -> None:
    result = CliRunner().invoke(main, ["vergadering"])
    assert result.exit_code == 2


@pytest.mark.parametrize("name", sorted(main.commands))
def test_the_readme_documents_every_command(name: str) -> None:
    assert f"denkraam {name}" in README.read_text(encoding="utf-8")
