"""The demo data set. The assessment workspace fills this in; until then it only prepares the database."""

from __future__ import annotations


def demo_load() -> list[str]:
    """Load the demo (idempotent) and return the lines to print for the user."""
    return ["De database is klaar. Demogegevens volgen met de gesprekken-module."]
