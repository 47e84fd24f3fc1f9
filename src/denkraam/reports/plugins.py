"""Report sections that other apps (evidence, feedback) fill in when they are installed and have something to say.

Contract for a providing app: its `selectors` module defines one or more of these functions, each returning a list
of `ReportItem` (or any object with the same attributes), newest first, or an empty list:

- `evidence_report_items(*, user, assessment=None, initiative=None, limit=10)` (the `evidence` app)
- `feedback_report_items(*, user, assessment=None, initiative=None, limit=10)` (the `feedback` app)

The provider checks access itself (it knows its own data); `user=None` means an operator run from the command line.
A missing app, module or function simply means: no section. Reports never break because a part is absent.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps


@dataclass(frozen=True, slots=True)
class ReportItem:
    """One line in a pluggable section: an evidence item or a feedback summary."""

    title: str
    detail: str = ""
    url: str = ""
    date: dt.date | dt.datetime | None = None
    question_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PluginSection:
    """A section with a Dutch heading and its items."""

    key: str
    heading: str
    items: list[Any]


# app label, module, function name, heading
PROVIDERS: tuple[tuple[str, str, str, str], ...] = (
    ("denkraam.evidence", "denkraam.evidence.selectors", "evidence_report_items", "Bewijs"),
    ("denkraam.feedback", "denkraam.feedback.selectors", "feedback_report_items", "Feedback van klanten"),
)


def _provider(app: str, module_name: str, function: str) -> Any | None:
    if not apps.is_installed(app):
        return None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        # Only "the module is not there yet" is normal; a broken import inside the module must surface.
        if exc.name != module_name:
            raise
        return None
    return getattr(module, function, None)


def plugin_sections(
    *, user: Any, assessment: Any = None, initiative: Any = None, limit: int = 10
) -> list[PluginSection]:
    """The pluggable sections that have items for this assessment or initiative; an empty list when none do."""
    sections = []
    for app, module_name, function, heading in PROVIDERS:
        provider = _provider(app, module_name, function)
        if provider is None:
            continue
        items = provider(user=user, assessment=assessment, initiative=initiative, limit=limit)
        if items:
            sections.append(PluginSection(key=function.split("_")[0], heading=heading, items=list(items)))
    return sections
