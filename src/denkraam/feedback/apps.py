from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "denkraam.feedback"
    label = "feedback"
    verbose_name = "Klantfeedback"

    def ready(self) -> None:
        # A "Klantfeedback" section on the initiative page, without the initiatives app importing this one.
        from denkraam.initiatives.sections import section_register

        section_register(
            name="klantfeedback",
            template_name="feedback/_initiative_section.html",
            order=30,
            context=_initiative_section_context,
        )


def _initiative_section_context(*, request: Any, initiative: Any, role: str | None) -> dict[str, Any]:
    from denkraam.feedback.selectors import feedback_overview

    # Feedback is private work: outsiders of a published initiative do not even see the section.
    return {"feedback": feedback_overview(initiative=initiative) if role else None}
