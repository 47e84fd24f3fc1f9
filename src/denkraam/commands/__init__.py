"""Command groups of the `denkraam` CLI, one module each.

A module exposes `COMMANDS`: the click commands or groups it adds to the main group. Modules are imported
lazily by name so a missing optional part never breaks `denkraam --help`.
"""

from __future__ import annotations

import importlib

import click

# Order here is the order in `denkraam --help`.
MODULES: tuple[str, ...] = (
    "denkraam.commands.check",
    "denkraam.commands.feedback",
    "denkraam.commands.framework",
    "denkraam.commands.report",
    "denkraam.commands.web",
)


def register_all(group: click.Group) -> None:
    """Add every command from every module in MODULES to `group`."""
    for name in MODULES:
        module = importlib.import_module(name)
        for command in module.COMMANDS:
            group.add_command(command)
