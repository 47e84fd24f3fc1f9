"""Reads for the big screen and the live updates: join code, agenda on screen, timers and a version stamp.

Blindness holds here too: before the reveal the screen and the live partials get counts only (who answered how
many questions), never a rating; the agenda and the spread of answers come from `agenda_plan`, which uses
`agenda_for_assessment` and so refuses to run until the answers are revealed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from django.http import Http404
from django.utils import timezone

from denkraam.accounts.models import User
from denkraam.assessments.models import Answer, Assessment, Consensus, Participant
from denkraam.assessments.selectors.access import (
    ParticipantProgress,
    assessment_access,
    assessment_frame,
    assessment_progress,
)
from denkraam.assessments.selectors.results import QuestionSummary, agenda_plan
from denkraam.framework import Question

JOIN_CODE_LENGTH = 6
JOIN_CODE_INVALID = "Vul de code van zes tekens in die op het scherm staat, bijvoorbeeld 3F9A0C."
NO_ACCESS = "Dit gesprek bestaat niet of u heeft er geen toegang toe."


def assessment_join_code(*, assessment: Assessment) -> str:
    """The short code on the screen: the first six hex digits of the session's id, so it needs no field.

    It is a shortcut to type, not a key: `assessment_find_by_code` only finds sessions the user may already see.
    """
    return assessment.pk.hex[:JOIN_CODE_LENGTH].upper()


def join_code_clean(code: str) -> str | None:
    """The code as typed (spaces, dashes and case do not matter), or None when it cannot be a join code."""
    cleaned = re.sub(r"[\s-]", "", code).lower()
    return cleaned if re.fullmatch(rf"[0-9a-f]{{{JOIN_CODE_LENGTH}}}", cleaned) else None


def assessment_find_by_code(*, user: User, code: str) -> Assessment:
    """The one session with this join code that the user may see; Http404 for every other case.

    Unknown code, a session of others and two matches all give the same answer as any page of a session one has
    no access to, so the code tells nobody whether a session exists.
    """
    cleaned = join_code_clean(code)
    if cleaned is None or not user.is_authenticated:
        raise Http404(NO_ACCESS)
    # Django compares a UUID's 32 hex digits on every database (on PostgreSQL with the dashes stripped).
    candidates = Assessment.objects.select_related("initiative").filter(pk__istartswith=cleaned)[:5]
    visible = [a for a in candidates if assessment_access(user=user, assessment=a).can_view]
    if len(visible) != 1:
        raise Http404(NO_ACCESS)
    return visible[0]


def presentation_agenda(*, assessment: Assessment) -> list[QuestionSummary]:
    """The agenda the screen walks through: `agenda_plan`'s order, the items that fit the time box first."""
    return [item.summary for item in agenda_plan(assessment=assessment).items]


def presentation_index(*, assessment: Assessment, agenda: list[QuestionSummary]) -> int | None:
    """Where the screen is in the agenda: the stored question, else the first item (None for an empty agenda)."""
    if not agenda:
        return None
    ids = [s.question_id for s in agenda]
    return ids.index(assessment.current_question_id) if assessment.current_question_id in ids else 0


def live_version(*, assessment: Assessment, with_progress: bool) -> str:
    """A short stamp of what the live partials show; unchanged stamp, unchanged partial (the poll gets a 204).

    `assessment` must be freshly loaded (every request loads it). With `with_progress` the stamp also follows the
    number of answers and participants (the screen's progress before the reveal) and the number of consensus
    records (the screen after it). Numbers only, hashed: the stamp says nothing about any rating.
    """
    parts: list[object] = [
        assessment.status,
        assessment.current_question_id,
        assessment.current_item_started_at,
        assessment.session_started_at,
        assessment.anonymous,
    ]
    if with_progress:
        if assessment.is_revealed:
            parts.append(Consensus.objects.filter(assessment=assessment).count())
        else:
            parts += [
                Participant.objects.filter(assessment=assessment).count(),
                Answer.objects.filter(assessment=assessment).count(),
            ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def _seconds_since(moment: dt.datetime | None) -> int:
    return max(0, int((timezone.now() - moment).total_seconds())) if moment else 0


@dataclass(frozen=True, slots=True)
class RatingCount:
    """One answer option on the screen: how many chose it and (unless the session is anonymous) who."""

    rating: str
    label: str
    count: int
    names: list[str]
    percent: int


@dataclass(frozen=True, slots=True)
class Screen:
    """Everything the big screen shows at one moment, ready for the template."""

    stage: str  # "voor" (before the reveal), "agenda" (after it) or "gesloten"
    version: str
    progress: list[ParticipantProgress]
    finished: int
    item_elapsed: int
    session_elapsed: int | None
    agenda: list[QuestionSummary] = field(default_factory=list)
    index: int | None = None
    question: Question | None = None
    principle_title: str = ""
    counts: list[RatingCount] = field(default_factory=list)
    consensus_label: str = ""
    planned: int = 0  # items that fit the time box; those after it are extra

    @property
    def is_extra(self) -> bool:
        return self.position > self.planned

    @property
    def item_clock(self) -> str:
        """The item's time as the screen's script shows it, "3:07", for a page without JavaScript."""
        return f"{self.item_elapsed // 60}:{self.item_elapsed % 60:02d}"

    @property
    def session_minutes(self) -> int:
        return (self.session_elapsed or 0) // 60

    @property
    def summary(self) -> QuestionSummary | None:
        return self.agenda[self.index] if self.index is not None else None

    @property
    def position(self) -> int:
        return (self.index or 0) + 1

    @property
    def is_first(self) -> bool:
        return not self.index

    @property
    def is_last(self) -> bool:
        return self.index is None or self.index + 1 >= len(self.agenda)


def _counts(*, assessment: Assessment, summary: QuestionSummary) -> list[RatingCount]:
    frame = assessment_frame(assessment=assessment)
    options = [(o.id, o.label) for o in frame.scale] + [(frame.not_applicable.id, frame.not_applicable.label)]
    total = len(summary.answers) or 1
    rows = []
    for rating, label in options:
        chosen = [a for a in summary.answers if a.rating == rating]
        names = [] if assessment.anonymous else [a.person_display for a in chosen]
        rows.append(RatingCount(rating, label, len(chosen), names, round(100 * len(chosen) / total)))
    return rows


def presentation_screen(*, assessment: Assessment) -> Screen:
    """What the screen shows: join code and progress before the reveal, one agenda item at a time after it."""
    version = live_version(assessment=assessment, with_progress=True)
    session_elapsed = _seconds_since(assessment.session_started_at) if assessment.session_started_at else None
    if assessment.is_closed:
        return Screen("gesloten", version, [], 0, 0, session_elapsed)
    if not assessment.is_revealed:
        progress = assessment_progress(assessment=assessment)
        finished = sum(1 for row in progress if row.total and row.answered >= row.total)
        return Screen("voor", version, progress, finished, 0, session_elapsed)
    plan = agenda_plan(assessment=assessment)
    agenda = [item.summary for item in plan.items]
    index = presentation_index(assessment=assessment, agenda=agenda)
    # Before the first "volgende vraag" the first item's clock runs from the reveal or the session's start.
    started = assessment.current_item_started_at or max(
        (m for m in (assessment.revealed_at, assessment.session_started_at) if m), default=None
    )
    if index is None:
        return Screen("agenda", version, [], 0, 0, session_elapsed)
    summary = agenda[index]
    frame = assessment_frame(assessment=assessment)
    question = frame.question(summary.question_id)
    labels = {o.id: o.label for o in frame.scale} | {frame.not_applicable.id: frame.not_applicable.label}
    return Screen(
        stage="agenda",
        version=version,
        progress=[],
        finished=0,
        item_elapsed=_seconds_since(started),
        session_elapsed=session_elapsed,
        agenda=agenda,
        index=index,
        question=question,
        principle_title=frame.principle(question.principle_id).title,
        counts=_counts(assessment=assessment, summary=summary),
        consensus_label=labels.get(summary.consensus.rating, "") if summary.consensus else "",
        planned=sum(1 for item in plan.items if item.planned),
    )


@dataclass(frozen=True, slots=True)
class LiveStatus:
    """What a participant's page shows live: the stage and, after the reveal, the question on the screen."""

    version: str
    question: Question | None


def live_status(*, assessment: Assessment) -> LiveStatus:
    """The participant's live line; the question on the screen only after the reveal (it is empty before)."""
    version = live_version(assessment=assessment, with_progress=False)
    question = None
    # "On the screen" only once the facilitator presents: a session discussed without the screen names nothing.
    presenting = bool(assessment.session_started_at or assessment.current_question_id)
    if assessment.status == Assessment.Status.ONTHULD and presenting:
        agenda = presentation_agenda(assessment=assessment)
        index = presentation_index(assessment=assessment, agenda=agenda)
        if index is not None:
            question = assessment_frame(assessment=assessment).question(agenda[index].question_id)
    return LiveStatus(version=version, question=question)
