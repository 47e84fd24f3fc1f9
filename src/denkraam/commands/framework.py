"""`denkraam framework validate|show`: check and print a frame file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from denkraam.framework import (
    DEFAULT_FRAME,
    FrameError,
    frame_to_dict,
    frame_to_markdown,
    frame_to_text,
    load_frame,
    validate_file,
)

PATH_ARGUMENT = click.argument(
    "path", required=False, type=click.Path(dir_okay=False, path_type=Path), metavar="[PATH]"
)


@click.group()
def framework() -> None:
    """Check or show the frame: needs, principles and questions.

    Without PATH these commands use the bundled Interactiestrategie frame.
    Give PATH to use your organisation's own variant (a YAML file).
    """


@framework.command()
@PATH_ARGUMENT
def validate(path: Path | None) -> None:
    """Check a frame file and list every problem with its line number.

    Exit code 0 when the file is valid, 1 when it has problems, 2 when it cannot be read.
    """
    target = path or DEFAULT_FRAME
    if not target.exists():
        raise click.UsageError(f"Bestand niet gevonden: {target}")
    problems = validate_file(target)
    if not problems:
        frame = load_frame(target)
        click.echo(
            f"In orde: {target} ({frame.label}, {len(frame.needs)} behoeften, "
            f"{len(frame.principles())} principes, {len(frame.questions())} vragen, "
            f"{len(frame.question_sets)} vragenset(s))."
        )
        return
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(problems)} probleem/problemen gevonden in {target}.", err=True)
    raise SystemExit(1)


@framework.command()
@PATH_ARGUMENT
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="Plain text to read, JSON for other programs, or Markdown for documents.",
)
def show(path: Path | None, output_format: str) -> None:
    """Print the frame: its needs, principles and questions."""
    if path is not None and not path.exists():
        raise click.UsageError(f"Bestand niet gevonden: {path}")
    try:
        frame = load_frame(path)
    except FrameError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from exc
    if output_format == "json":
        click.echo(json.dumps(frame_to_dict(frame), ensure_ascii=False, indent=2))
    elif output_format == "markdown":
        click.echo(frame_to_markdown(frame), nl=False)
    else:
        click.echo(frame_to_text(frame), nl=False)


COMMANDS = [framework]
