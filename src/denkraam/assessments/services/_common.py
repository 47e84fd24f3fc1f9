"""What every assessment write shares: the audit line, the display name and the stage and rights checks."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone

from denkraam.accounts.models import User
from denkraam.accounts.services import audit_record
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors import assessment_access

CLOSED = "Dit gesprek is gesloten. U kunt niets meer wijzigen."


def _audit(
    *, actor: User, action: str, obj: models.Model, summary: str, assessment: Assessment, **data: object
) -> None:
    # The initiative id in data puts the line in the initiative's log as well.
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        summary=summary,
        organisation=assessment.initiative.owner,
        data={"assessment_id": str(assessment.pk), "initiative_id": str(assessment.initiative_id), **data},
    )


def _name(user: User) -> str:
    return user.get_full_name() or user.get_username()


def _require_manager(*, actor: User, assessment: Assessment, what: str) -> None:
    if not assessment_access(user=actor, assessment=assessment).can_manage:
        raise PermissionDenied(f"Alleen de gespreksleider mag {what}.")


def _locked(assessment: Assessment) -> Assessment:
    """The assessment as stored now, its row locked until the surrounding transaction ends.

    Every write that depends on the stage checks this fresh copy, never the object the request loaded at its
    start: a reveal or a close may have been committed in between (with 50 participants posting while the
    facilitator revealed, answers landed after the reveal). On PostgreSQL the row lock makes a concurrent reveal
    wait for the answers already being written, and this read wait for a reveal being written. SQLite has no row
    locks; there the settings' IMMEDIATE transactions take the database's write lock at BEGIN, so this read comes
    after every write committed before it. Outside a transaction Django refuses `select_for_update`, so a caller
    cannot forget the `transaction.atomic`.
    """
    return (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("initiative__owner", "facilitator")
        .get(pk=assessment.pk)
    )


def _require_not_closed(assessment: Assessment) -> None:
    if assessment.is_closed:
        raise ValidationError(CLOSED)


def _set_status(
    *, assessment: Assessment, locked: Assessment, actor: User, status: str, stamp: str, action: str, summary: str
) -> None:
    """Move the locked row to its next stage; the moment is taken after the lock, so it follows every write before.

    The caller's object follows, so code holding it (a view, a test) sees the new stage.
    """
    locked.status = status
    setattr(locked, stamp, timezone.now())
    locked.save(update_fields=["status", stamp])
    assessment.status = status
    setattr(assessment, stamp, getattr(locked, stamp))
    _audit(actor=actor, action=action, obj=locked, summary=summary, assessment=locked)
