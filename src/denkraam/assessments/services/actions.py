"""Writes on actions: the improvements agreed in a session (add, edit, status)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from denkraam.accounts.models import User
from denkraam.assessments.models import Action, Assessment, Participant
from denkraam.assessments.selectors import assessment_access, assessment_frame
from denkraam.assessments.services._common import (
    _audit,
    _locked,
    _name,
    _require_not_closed,
)
from denkraam.notifications import tasks as mail_tasks


def _require_can_act(*, actor: User, assessment: Assessment) -> Assessment:
    """The assessment, locked and read again, once the actor may manage actions in its current stage."""
    assessment = _locked(assessment)
    _require_not_closed(assessment)
    access = assessment_access(user=actor, assessment=assessment)
    if not (access.is_participant or access.can_manage):
        raise PermissionDenied("Alleen deelnemers en de gespreksleider mogen acties beheren.")
    if not access.can_act:
        raise ValidationError("Acties kunt u toevoegen als de vragenlijst open is of na het onthullen.")
    return assessment


@transaction.atomic
def action_create(
    *,
    assessment: Assessment,
    actor: User,
    title: str,
    description: str = "",
    question_ids: list[str] | None = None,
    owner: User | None = None,
    owner_name: str = "",
    due_date: dt.date | None = None,
) -> Action:
    """Add an agreed improvement; the owner is a participant or a name (someone outside denkraam)."""
    assessment = _require_can_act(actor=actor, assessment=assessment)
    title = title.strip()
    if not title:
        raise ValidationError("Geef de actie een titel.", code="title")
    frame = assessment_frame(assessment=assessment)
    known = {q.id for q in frame.questions()}
    question_ids = [q for q in (question_ids or []) if q in known]
    if owner is not None and not Participant.objects.filter(assessment=assessment, user=owner).exists():
        raise ValidationError("De eigenaar moet een deelnemer zijn. Of vul een naam in.", code="owner")
    action = Action.objects.create(
        assessment=assessment,
        title=title,
        description=description.strip(),
        question_ids=question_ids,
        owner=owner,
        owner_name="" if owner else owner_name.strip(),
        due_date=due_date,
    )
    _audit(
        actor=actor,
        action="action.created",
        obj=action,
        summary=f"{_name(actor)} heeft de actie '{title}' toegevoegd.",
        assessment=assessment,
    )
    if owner is not None and owner.pk != actor.pk:
        mail_tasks.mail_after_commit(mail_tasks.action_assigned_mail_task, str(action.pk), actor.pk)
    return action


# The Dutch names of the fields an audit line lists when an action changes.


ACTION_FIELD_NAMES = {
    "title": "titel",
    "description": "beschrijving",
    "question_ids": "vragen",
    "owner": "eigenaar",
    "owner_name": "eigenaar",
    "due_date": "klaar op",
}


@transaction.atomic
def action_update(
    *,
    action: Action,
    actor: User,
    title: str,
    description: str = "",
    owner: User | None = None,
    owner_name: str = "",
    due_date: dt.date | None = None,
    question_ids: list[str] | None = None,
) -> Action:
    """Change an agreed action, with the rules of `action_create`; `question_ids` None keeps the linked questions.

    The audit line lists which fields changed; saving without a change writes nothing.
    """
    assessment = _require_can_act(actor=actor, assessment=action.assessment)
    title = title.strip()
    if not title:
        raise ValidationError("Geef de actie een titel.", code="title")
    if owner is not None and not Participant.objects.filter(assessment=assessment, user=owner).exists():
        raise ValidationError("De eigenaar moet een deelnemer zijn. Of vul een naam in.", code="owner")
    values: dict[str, object] = {
        "title": title,
        "description": description.strip(),
        "owner_id": owner.pk if owner else None,
        "owner_name": "" if owner else owner_name.strip(),
        "due_date": due_date,
    }
    if question_ids is not None:
        known = {q.id for q in assessment_frame(assessment=assessment).questions()}
        values["question_ids"] = [q for q in question_ids if q in known]
    changed = [name for name, value in values.items() if getattr(action, name) != value]
    if not changed:
        return action
    for name in changed:
        setattr(action, name, values[name])
    action.save(update_fields=[*changed, "updated_at"])
    fields = [name.removesuffix("_id") for name in changed]
    # owner and owner_name are one thing to the reader: "eigenaar" once.
    labels = list(dict.fromkeys(ACTION_FIELD_NAMES[name] for name in fields))
    _audit(
        actor=actor,
        action="action.updated",
        obj=action,
        summary=f"{_name(actor)} heeft de actie '{title}' gewijzigd: {', '.join(labels)}.",
        assessment=assessment,
        fields=fields,
    )
    if "owner_id" in changed and owner is not None and owner.pk != actor.pk:
        mail_tasks.mail_after_commit(mail_tasks.action_assigned_mail_task, str(action.pk), actor.pk)
    return action


@transaction.atomic
def action_status_set(*, action: Action, actor: User, status: str) -> Action:
    """Change an action's status (open, bezig, klaar)."""
    assessment = _require_can_act(actor=actor, assessment=action.assessment)
    if status not in Action.Status.values:
        raise ValidationError("Kies een geldige status.")
    if action.status == status:
        return action
    action.status = status
    action.save(update_fields=["status", "updated_at"])
    _audit(
        actor=actor,
        action="action.status",
        obj=action,
        summary=f"{_name(actor)} heeft de status van '{action.title}' gezet op '{action.get_status_display()}'.",
        assessment=assessment,
        status=status,
    )
    return action
