"""Template helpers for evidence: words for scores, and the evidence block shown with each question."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from denkraam.analysis import LEVEL_LABELS, score_label

register = template.Library()


@register.filter
def level_label(level: int | None) -> str:
    """Words for a reading level 1-4."""
    return LEVEL_LABELS.get(level or 0, "")


@register.filter
def score_word(score: int | None) -> str:
    """A word for a need score (goed, redelijk, matig, zwak), so the number never speaks alone."""
    return score_label(score)


@register.filter
def any_true(values: Iterable[Any]) -> bool:
    return any(values)


@register.inclusion_tag("evidence/_question_findings.html", takes_context=True)
def question_evidence(context: template.Context, assessment: Any, question: Any) -> dict[str, Any]:
    """The findings of the initiative's evidence that inform `question`, summarised.

    Computed once per request for the whole assessment (a page shows many questions), and only for people
    who may see the initiative's evidence.
    """
    from denkraam.assessments.selectors import assessment_frame
    from denkraam.evidence.selectors import evidence_can_view, question_evidence_map

    request = context.get("request")
    user = getattr(request, "user", None)
    cache_name = f"_denkraam_evidence_{assessment.pk}"
    evidence_map = getattr(request, cache_name, None) if request is not None else None
    if evidence_map is None:
        evidence_map = {}
        if user is not None and evidence_can_view(user=user, initiative=assessment.initiative):
            evidence_map = question_evidence_map(
                initiative=assessment.initiative, frame=assessment_frame(assessment=assessment)
            )
        if request is not None:
            setattr(request, cache_name, evidence_map)
    return {"question": question, "evidence": evidence_map.get(question.id)}
