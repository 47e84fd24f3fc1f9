"""Writes on actions: the improvements agreed in a session (add, edit, status, delete)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone

from denkraam.accounts.models import User
from denkraam.assessments.models import Action, Assessment, Participant
from denkraam.assessments.selectors import assessment_access, assessment_questions
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


def _require_owner(*, assessment: Assessment, owner: User | None) -> None:
    # The facilitator may own an action too, also when she does not fill in the questionnaire herself.
    if owner is None or owner.pk == assessment.facilitator_id:
        return
    if not Participant.objects.filter(assessment=assessment, user=owner).exists():
        raise ValidationError(
            "De eigenaar moet een deelnemer of de gespreksleider zijn. Of vul een naam in.", code="owner"
        )


def _require_due_date(due_date: dt.date | None) -> None:
    """A new due date may not lie in the past: an action that is late on the day it is agreed is a typing error."""
    if due_date is not None and due_date < timezone.localdate():
        raise ValidationError(
            f"De datum 'klaar op' ({formats.date_format(due_date, 'j F Y')}) ligt in het verleden. "
            "Kies vandaag of een datum later.",
            code="due_date",
        )


def _session_question_ids(*, assessment: Assessment, question_ids: list[str] | None) -> list[str]:
    # Only questions this session covers; unknown ids (an old form, a tampered post) are dropped.
    covered = {q.id for q in assessment_questions(assessment=assessment)}
    return list(dict.fromkeys(q for q in (question_ids or []) if q in covered))


def _require_new_title(*, assessment: Assessment, title: str, exclude: Action | None = None) -> None:
    """One action per title in a session: Back and submit again, or a double click, must not add it twice.

    Called after `_require_can_act` has locked the assessment row, so two posts of one form wait for each other
    and the second one sees the first.
    """
    same = Action.objects.filter(assessment=assessment, title__iexact=title)
    if exclude is not None:
        same = same.exclude(pk=exclude.pk)
    if same.exists():
        raise ValidationError(
            f"De actie '{title}' staat al in de lijst. Wijzig die actie, of geef deze een andere titel.",
            code="duplicate",
        )


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
    """Add an agreed improvement; the owner is a participant, the facilitator or a name (someone outside denkraam).

    Refused: an empty title, a title already in this session's list (a form sent twice), a due date in the past,
    an owner who does not take part. Questions outside the session's selection are left out.
    """
    assessment = _require_can_act(actor=actor, assessment=assessment)
    title = title.strip()
    if not title:
        raise ValidationError("Geef de actie een titel.", code="title")
    _require_new_title(assessment=assessment, title=title)
    _require_owner(assessment=assessment, owner=owner)
    _require_due_date(due_date)
    question_ids = _session_question_ids(assessment=assessment, question_ids=question_ids)
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

    A due date that has passed since may stay as it is (the action is late); only a changed date must not lie in
    the past. The audit line lists which fields changed; saving without a change writes nothing.
    """
    assessment = _require_can_act(actor=actor, assessment=action.assessment)
    title = title.strip()
    if not title:
        raise ValidationError("Geef de actie een titel.", code="title")
    _require_new_title(assessment=assessment, title=title, exclude=action)
    _require_owner(assessment=assessment, owner=owner)
    if due_date != action.due_date:
        _require_due_date(due_date)
    values: dict[str, object] = {
        "title": title,
        "description": description.strip(),
        "owner_id": owner.pk if owner else None,
        "owner_name": "" if owner else owner_name.strip(),
        "due_date": due_date,
    }
    if question_ids is not None:
        values["question_ids"] = _session_question_ids(assessment=assessment, question_ids=question_ids)
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


@transaction.atomic
def action_delete(*, action: Action, actor: User) -> None:
    """Remove an action (after the confirmation page), with the same rights as editing it; an audit line says so."""
    assessment = _require_can_act(actor=actor, assessment=action.assessment)
    title = action.title
    _audit(
        actor=actor,
        action="action.deleted",
        obj=action,
        summary=f"{_name(actor)} heeft de actie '{title}' verwijderd.",
        assessment=assessment,
        title=title,
    )
    action.delete()
