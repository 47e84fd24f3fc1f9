"""Sections other apps add to the initiative page (e.g. 'Gesprekken', later evidence and feedback).

An app registers a section once, in its AppConfig.ready():

    from denkraam.initiatives.sections import section_register
    section_register(name="gesprekken", template_name="assessments/_initiative_section.html", order=10,
                     context=lambda *, request, initiative, role: {"assessments": ...})

The initiative page renders each section's template with `initiative`, `role` (the user's role or None),
`can_edit` and whatever the section's context function returns. This keeps the initiatives app free of imports
from the apps that build on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from denkraam.initiatives.models import Initiative

SectionContext = Callable[..., dict[str, Any]]


@dataclass(frozen=True)
class InitiativeSection:
    name: str
    template_name: str
    order: int = 100
    context: SectionContext | None = None


_SECTIONS: dict[str, InitiativeSection] = {}


def section_register(*, name: str, template_name: str, order: int = 100, context: SectionContext | None = None) -> None:
    """Add (or replace, by name) a section on the initiative page."""
    _SECTIONS[name] = InitiativeSection(name=name, template_name=template_name, order=order, context=context)


def section_list() -> list[InitiativeSection]:
    """The registered sections in page order."""
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.name))


def sections_render(
    *, request: HttpRequest, initiative: Initiative, role: str | None, can_edit: bool
) -> list[SafeString]:
    """Render every registered section for one initiative and user."""
    rendered = []
    for section in section_list():
        context: dict[str, Any] = {"initiative": initiative, "role": role, "can_edit": can_edit}
        if section.context is not None:
            context.update(section.context(request=request, initiative=initiative, role=role))
        rendered.append(mark_safe(render_to_string(section.template_name, context, request=request)))
    return rendered
