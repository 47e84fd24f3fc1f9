"""The participants' live line on the questionnaire and question pages, without every view having to supply it."""

from __future__ import annotations

from typing import Any

from django import template

from denkraam.assessments.models import Assessment
from denkraam.assessments.polling import PARTICIPANT_POLL_SECONDS
from denkraam.assessments.selectors.presentation import live_status

register = template.Library()

# The pages a participant has open during the meeting: the questionnaire, and the agenda or one question on it.
LIVE_SECTIONS = {"vragenlijst", "agenda"}


@register.inclusion_tag("assessments/_live.html", takes_context=True)
def participant_live(context: template.Context) -> dict[str, Any]:
    assessment, access = context.get("assessment"), context.get("access")
    if not (
        isinstance(assessment, Assessment)
        and access is not None
        and access.is_participant
        and context.get("section") in LIVE_SECTIONS
        and not assessment.is_closed
    ):
        return {"show": False}
    return {
        "show": True,
        "assessment": assessment,
        "access": access,
        "live": live_status(assessment=assessment),
        "poll_seconds": PARTICIPANT_POLL_SECONDS,
    }
