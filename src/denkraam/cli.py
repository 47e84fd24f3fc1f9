"""The `denkraam` command line: a thin layer over the analysis library, the frame and the web app.

Each command group lives in its own module under `denkraam.commands`; this module only wires them together.
"""

from __future__ import annotations

import click

from denkraam import __version__
from denkraam.commands import register_all


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="denkraam", message="%(prog)s %(version)s")
def main() -> None:
    """denkraam: check whether government contact serves trust, a personal approach and ease.

    It holds the frame of the Interactiestrategie, checks letters and web texts, and runs
    the web app where teams assess their initiatives together.
    """


register_all(main)


if __name__ == "__main__":  # pragma: no cover
    main()
