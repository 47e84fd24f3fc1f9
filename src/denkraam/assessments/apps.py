from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "denkraam.assessments"
    label = "assessments"
    verbose_name = "Gesprekken"

    def ready(self) -> None:
        # The initiative page shows a "Gesprekken" section without the initiatives app importing this one.
        from denkraam.initiatives.sections import section_register

        section_register(
            name="gesprekken",
            template_name="assessments/_initiative_section.html",
            order=10,
            context=_initiative_section_context,
        )


def _initiative_section_context(*, request: Any, initiative: Any, role: str | None) -> dict[str, Any]:
    from denkraam.assessments.selectors import assessment_list_for_initiative

    return {"assessments": assessment_list_for_initiative(user=request.user, initiative=initiative)}
