"""Reads for assessments: who may do what, progress, the agenda, results and comparison.

Blindness lives here. Before the reveal nobody can get at another participant's ratings through these functions:
`answer_list_visible` returns only the user's own answers, and `question_reveal`, `agenda_for_assessment` and
`assessment_results` refuse to run until the answers are revealed.
"""

from __future__ import annotations

from denkraam.assessments.selectors.access import (
    AssessmentAccess,
    ParticipantProgress,
    action_get,
    action_list,
    answer_list_visible,
    answers_of_user,
    assessment_access,
    assessment_frame,
    assessment_get_for_user,
    assessment_list_for_initiative,
    assessment_list_visible,
    assessment_progress,
    assessment_questions,
    consensus_map,
    participant_answer_count,
    participant_get,
    participant_list,
    participant_names,
)
from denkraam.assessments.selectors.results import (
    DISAGREEMENT_STEPS,
    NOT_REVEALED,
    AssessmentResult,
    Change,
    Comparison,
    NeedResult,
    QuestionSummary,
    agenda_for_assessment,
    assessment_compare,
    assessment_comparison,
    assessment_need_results_bulk,
    assessment_previous,
    assessment_results,
    question_reveal,
)
from denkraam.assessments.selectors.steps import StepCheck, assessment_step_check

__all__ = [
    "AssessmentAccess",
    "AssessmentResult",
    "Change",
    "Comparison",
    "DISAGREEMENT_STEPS",
    "NOT_REVEALED",
    "NeedResult",
    "ParticipantProgress",
    "QuestionSummary",
    "StepCheck",
    "action_get",
    "action_list",
    "agenda_for_assessment",
    "answer_list_visible",
    "answers_of_user",
    "assessment_access",
    "assessment_compare",
    "assessment_comparison",
    "assessment_frame",
    "assessment_get_for_user",
    "assessment_list_for_initiative",
    "assessment_list_visible",
    "assessment_need_results_bulk",
    "assessment_previous",
    "assessment_progress",
    "assessment_questions",
    "assessment_results",
    "assessment_step_check",
    "consensus_map",
    "participant_answer_count",
    "participant_get",
    "participant_list",
    "participant_names",
    "question_reveal",
]
