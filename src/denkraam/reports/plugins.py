"""Report sections from other apps (evidence, feedback): shown where the app is installed and has something to say.

For each section, reports use (in this order):

1. the app's own `selectors.evidence_report_items` / `selectors.feedback_report_items`
   (`*, user, assessment=None, initiative=None, limit=10` → list of `ReportItem`-like objects), when it defines one;
2. else a built-in adapter below that reads the app's public selectors (access checks included);
3. else nothing: a missing app, module or function means no section. Reports never break because a part is absent.

`user=None` is an operator (the command line); the adapters then look through the facilitator's eyes, the person
who sees most of an assessment's surroundings.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from django.apps import apps
from django.http import Http404


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


def _module(app: str, module_name: str) -> ModuleType | None:
    if not apps.is_installed(app):
        return None
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        # Only "the module is not there" is normal; a broken import inside the module must surface.
        if exc.name != module_name:
            raise
        return None


def _viewer(user: Any, assessment: Any) -> Any:
    return user if user is not None else getattr(assessment, "facilitator", None)


def _evidence_items(module: ModuleType, *, user: Any, assessment: Any, initiative: Any, limit: int) -> list[ReportItem]:
    viewer = _viewer(user, assessment)
    listing = getattr(module, "evidence_list_for_initiative", None)
    if viewer is None or listing is None:
        return []
    items = []
    for item in listing(user=viewer, initiative=initiative)[:limit]:
        latest = getattr(item, "latest", None)
        parts = [item.get_kind_display()]
        if latest is not None and getattr(latest, "status", "") == "klaar":
            if latest.readability_level:
                parts.append(f"leesniveau {latest.readability_level}")
            parts.append(f"{len(latest.findings or [])} bevindingen")
        elif latest is not None:
            parts.append(f"controle: {latest.get_status_display().lower()}")
        items.append(ReportItem(title=item.title, detail="; ".join(parts), url=item.source_url, date=item.created_at))
    return items


def _feedback_items(module: ModuleType, *, user: Any, assessment: Any, initiative: Any, limit: int) -> list[ReportItem]:
    viewer = _viewer(user, assessment)
    access = getattr(module, "feedback_access_for_user", None)
    need_evidence = getattr(module, "feedback_need_evidence", None)
    if viewer is None or access is None or need_evidence is None:
        return []
    try:
        access(user=viewer, initiative_id=initiative.pk)
    except Http404:
        return []  # feedback is for members of the organisations only
    items = []
    for need in ("vertrouwen", "persoonlijk", "gemak"):
        summary = need_evidence(initiative=initiative, need=need)
        if summary is None:
            continue
        moods = ", ".join(f"{s.label.lower()} {round(s.share * 100)}%" for s in summary.sentiments if s.count)
        themes = ", ".join(t.label for t in summary.themes)
        detail = "; ".join(p for p in (moods, f"onderwerpen: {themes}" if themes else "") if p)
        title = f"{summary.need_label}: {summary.count} van de {summary.total} reacties ({summary.percent}%)"
        items.append(ReportItem(title=title, detail=detail))
    return items[:limit]


Adapter = Callable[..., list[ReportItem]]

# key, app, selectors module, the app's own function, built-in adapter, heading
PROVIDERS: tuple[tuple[str, str, str, str, Adapter, str], ...] = (
    (
        "evidence",
        "denkraam.evidence",
        "denkraam.evidence.selectors",
        "evidence_report_items",
        _evidence_items,
        "Bewijs",
    ),
    (
        "feedback",
        "denkraam.feedback",
        "denkraam.feedback.selectors",
        "feedback_report_items",
        _feedback_items,
        "Wat klanten zeggen",
    ),
)


def plugin_sections(
    *, user: Any, assessment: Any = None, initiative: Any = None, limit: int = 10
) -> list[PluginSection]:
    """The pluggable sections that have items for this assessment or initiative; an empty list when none do."""
    initiative = initiative if initiative is not None else getattr(assessment, "initiative", None)
    if initiative is None:
        return []
    sections = []
    for key, app, module_name, own, adapter, heading in PROVIDERS:
        module = _module(app, module_name)
        if module is None:
            continue
        provider = getattr(module, own, None)
        if provider is not None:
            items = provider(user=user, assessment=assessment, initiative=initiative, limit=limit)
        else:
            items = adapter(module, user=user, assessment=assessment, initiative=initiative, limit=limit)
        if items:
            sections.append(PluginSection(key=key, heading=heading, items=list(items)))
    return sections
