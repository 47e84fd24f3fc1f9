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


def _require_not_closed(assessment: Assessment) -> None:
    if assessment.is_closed:
        raise ValidationError(CLOSED)


def _set_status(*, assessment: Assessment, actor: User, status: str, stamp: str, action: str, summary: str) -> None:
    assessment.status = status
    setattr(assessment, stamp, timezone.now())
    assessment.save(update_fields=["status", stamp])
    _audit(actor=actor, action=action, obj=assessment, summary=summary, assessment=assessment)
