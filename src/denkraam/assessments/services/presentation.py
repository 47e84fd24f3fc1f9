"""Writes for the big screen: start the session's clock, move to the next or previous agenda item, decide and go on.

Only a manager (the facilitator, or a begeleider of the owner) drives the screen. Moving changes no judgement,
so it writes no audit line (one per click would bury the log); starting the session does.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from denkraam.accounts.models import User
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors.presentation import presentation_agenda
from denkraam.assessments.services._common import _audit, _locked, _name, _require_manager, _require_not_closed
from denkraam.assessments.services.answers import consensus_save

NOT_REVEALED_YET = "Bespreek de agenda nadat de antwoorden zijn onthuld."
FIRST_ITEM = "Dit is het eerste agendapunt."
LAST_ITEM = "Dit was het laatste agendapunt. Sluit het gesprek af op het overzicht."
NOT_ON_AGENDA = "Deze vraag staat niet op de agenda van dit gesprek."

_FIELDS = ["current_question_id", "current_item_started_at", "session_started_at"]


def _follow(assessment: Assessment, locked: Assessment) -> None:
    # The caller's object follows the stored row, as `_set_status` does for the stage.
    for name in _FIELDS:
        setattr(assessment, name, getattr(locked, name))


@transaction.atomic
def presentation_start(*, assessment: Assessment, actor: User) -> Assessment:
    """Start the session's clock (time_box_minutes counts from now); starting again changes nothing."""
    _require_manager(actor=actor, assessment=assessment, what="de bijeenkomst starten")
    locked = _locked(assessment)
    _require_not_closed(locked)
    if locked.session_started_at is None:
        locked.session_started_at = timezone.now()
        locked.save(update_fields=["session_started_at"])
        _audit(
            actor=actor,
            action="presentation.started",
            obj=locked,
            summary=f"{_name(actor)} heeft de bijeenkomst over '{locked.title}' gestart.",
            assessment=locked,
        )
    _follow(assessment, locked)
    return assessment


@transaction.atomic
def presentation_step(*, assessment: Assessment, actor: User, from_question_id: str, step: int) -> Assessment:
    """Show the agenda item `step` (+1 or -1) places from `from_question_id`; its clock starts again.

    The step counts from the item the facilitator saw, not from what is stored: a double click, or a second
    device, moves the screen once. An empty `from_question_id` counts from the item on the screen.
    """
    if step not in (-1, 1):
        raise ValueError("step is +1 or -1")
    _require_manager(actor=actor, assessment=assessment, what="het scherm bedienen")
    locked = _locked(assessment)
    _require_not_closed(locked)
    if locked.status != Assessment.Status.ONTHULD:
        raise ValidationError(NOT_REVEALED_YET)
    ids = [s.question_id for s in presentation_agenda(assessment=locked)]
    start = from_question_id or locked.current_question_id or (ids[0] if ids else "")
    if start not in ids:
        raise ValidationError(NOT_ON_AGENDA)
    target = ids.index(start) + step
    if target < 0:
        raise ValidationError(FIRST_ITEM)
    if target >= len(ids):
        raise ValidationError(LAST_ITEM)
    now = timezone.now()
    locked.current_question_id = ids[target]
    locked.current_item_started_at = now
    locked.session_started_at = locked.session_started_at or now  # moving on means the session runs
    locked.save(update_fields=_FIELDS)
    _follow(assessment, locked)
    return assessment


@transaction.atomic
def presentation_decide(
    *, assessment: Assessment, actor: User, question_id: str, rating: str, rationale: str
) -> tuple[Assessment, bool]:
    """Record the group's rating of the item on the screen (`consensus_save`) and show the next item, in one step.

    Returns the assessment and whether the screen moved on (not after the last item). Both or neither are stored.
    """
    consensus_save(assessment=assessment, actor=actor, question_id=question_id, rating=rating, rationale=rationale)
    ids = [s.question_id for s in presentation_agenda(assessment=assessment)]
    if question_id not in ids or ids.index(question_id) + 1 >= len(ids):
        return assessment, False
    return presentation_step(assessment=assessment, actor=actor, from_question_id=question_id, step=1), True
