"""`{% feedback_evidence initiative question %}`: what customer feedback says, on assessment questions that use it."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import Http404, HttpRequest

from denkraam.feedback.selectors import NeedEvidence, feedback_access_for_user, feedback_need_evidence

register = template.Library()


@register.inclusion_tag("feedback/_question_evidence.html", takes_context=True)
def feedback_evidence(context: template.Context, initiative: Any, question: Any) -> dict[str, Any]:
    """Share and sentiment of the question's need, with the themes and quotes that inform this very question.

    Nothing for questions without feedback evidence. Computed once per question per page (a page may show a
    question twice: in the questionnaire and in its summary).
    """
    if "feedback" not in getattr(question, "evidence", ()) or initiative is None:
        return {"evidence": None}
    # Not render_context.setdefault: django-stubs types its default as list[Origin] | int | None.
    if "feedback_evidence" not in context.render_context:
        context.render_context["feedback_evidence"] = {}
    cache: dict[tuple[object, str], NeedEvidence | bool | None] = context.render_context["feedback_evidence"]
    key = (initiative.pk, question.id)
    if key not in cache:
        cache[key] = feedback_need_evidence(initiative=initiative, need=question.need_id, question_id=question.id)
    if (initiative.pk, "link") not in cache:
        cache[(initiative.pk, "link")] = _may_browse(context.get("request"), initiative)
    return {"evidence": cache[key], "initiative": initiative, "show_link": cache[(initiative.pk, "link")]}


def _may_browse(request: HttpRequest | None, initiative: Any) -> bool:
    # Participants from outside the initiative's organisations see the figures, not the link to all comments.
    if request is None or not request.user.is_authenticated:
        return False
    try:
        feedback_access_for_user(user=request.user, initiative_id=initiative.pk)
    except Http404:
        return False
    return True
