"""Reads for the confirmation pages before the steps that cannot be undone: reveal and close."""

from __future__ import annotations

from dataclasses import dataclass

from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors.access import (
    assessment_progress,
    assessment_questions,
    consensus_map,
)
from denkraam.framework import Question


@dataclass(frozen=True, slots=True)
class Unfinished:
    name: str
    organisation_name: str
    answered: int
    total: int

    @property
    def open(self) -> int:
        return self.total - self.answered


@dataclass(frozen=True, slots=True)
class StepCheck:
    """What the facilitator should know before revealing or closing: who is not done, what is not agreed."""

    unfinished: list[Unfinished]
    participant_total: int
    without_consensus: list[Question]
    question_total: int


def assessment_step_check(*, assessment: Assessment) -> StepCheck:
    """Participants with open questions, and (after the reveal) the session's questions without a consensus.

    Counts and names only, never ratings, so it is safe before the reveal.
    """
    progress = assessment_progress(assessment=assessment)
    questions = assessment_questions(assessment=assessment)
    without: list[Question] = []
    if assessment.is_revealed:
        agreed = consensus_map(assessment=assessment)
        without = [q for q in questions if q.id not in agreed]
    return StepCheck(
        unfinished=[
            Unfinished(name=row.name, organisation_name=row.organisation_name, answered=row.answered, total=row.total)
            for row in progress
            if row.answered < row.total
        ],
        participant_total=len(progress),
        without_consensus=without,
        question_total=len(questions),
    )
