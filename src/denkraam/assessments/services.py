"""Writes for assessments. Each checks the user's rights and the assessment's stage, and writes an audit line.

Stages: voorbereiding (invite) → open (answer blind) → onthuld (discuss, consensus, actions) → gesloten (read only).
Errors are raised as ValidationError (Dutch, for the person) or PermissionDenied (rights).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.accounts.services import audit_record
from denkraam.assessments.models import Action, Answer, Assessment, Consensus, Participant
from denkraam.assessments.selectors import assessment_access, assessment_frame
from denkraam.framework import Frame, load_frame
from denkraam.initiatives.models import Initiative
from denkraam.initiatives.selectors import initiative_can_edit

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


@transaction.atomic
def assessment_create(
    *, initiative: Initiative, actor: User, title: str, facilitator_participates: bool = True
) -> Assessment:
    """Start a new assessment of an initiative; the creator becomes its facilitator (members with role lid+)."""
    if not initiative_can_edit(user=actor, initiative=initiative):
        raise PermissionDenied("U mag voor dit initiatief geen gesprek starten.")
    title = title.strip()
    if not title:
        raise ValidationError("Geef het gesprek een titel.")
    frame = load_frame()
    assessment = Assessment.objects.create(
        initiative=initiative, title=title, facilitator=actor, frame_id=frame.id, frame_version=frame.version
    )
    _audit(
        actor=actor,
        action="assessment.created",
        obj=assessment,
        summary=f"{_name(actor)} heeft het gesprek '{title}' gestart.",
        assessment=assessment,
    )
    if facilitator_participates:
        _participant_add(assessment=assessment, user=actor, actor=actor)
    return assessment


def _organisation_for(*, user: User, initiative: Initiative) -> Organisation | None:
    """The organisation a participant takes part for: one of the initiative's if possible, else their first."""
    memberships = Membership.objects.filter(user=user).select_related("organisation").order_by("created_at")
    involved = {initiative.owner_id, *initiative.partners.values_list("id", flat=True)}
    for membership in memberships:
        if membership.organisation_id in involved:
            return membership.organisation
    first = memberships.first()
    return first.organisation if first else None


def _participant_add(*, assessment: Assessment, user: User, actor: User) -> Participant:
    participant = Participant.objects.create(
        assessment=assessment,
        user=user,
        organisation=_organisation_for(user=user, initiative=assessment.initiative),
        invited_by=actor,
    )
    _audit(
        actor=actor,
        action="participant.invited",
        obj=participant,
        summary=f"{_name(actor)} heeft {_name(user)} uitgenodigd voor '{assessment.title}'.",
        assessment=assessment,
        user_id=user.pk,
    )
    return participant


@transaction.atomic
def participant_invite(*, assessment: Assessment, actor: User, identifier: str) -> Participant:
    """Invite an existing user (by user name or e-mail address, from any organisation) before the reveal."""
    _require_manager(actor=actor, assessment=assessment, what="deelnemers uitnodigen")
    if assessment.status not in {Assessment.Status.VOORBEREIDING, Assessment.Status.OPEN}:
        raise ValidationError("Na het onthullen kunt u geen deelnemers meer uitnodigen.")
    identifier = identifier.strip()
    if not identifier:
        raise ValidationError("Vul een gebruikersnaam of e-mailadres in.")
    matches = list(
        User.objects.filter(is_active=True).filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))[:2]
    )
    if len(matches) != 1:
        # The same message for "nobody" and "several people": it reveals nothing about who has an account.
        raise ValidationError(
            f"Er is geen gebruiker gevonden met '{identifier}'. Controleer de naam of het e-mailadres."
        )
    user = matches[0]
    if Participant.objects.filter(assessment=assessment, user=user).exists():
        raise ValidationError(f"{_name(user)} doet al mee aan dit gesprek.")
    return _participant_add(assessment=assessment, user=user, actor=actor)


REMOVE_TOO_LATE = (
    "Na het onthullen kunt u geen deelnemers meer verwijderen. Iedereen heeft hun antwoorden dan al gezien."
)


def participant_remove_check(*, assessment: Assessment, actor: User, participant: Participant) -> None:
    """Raise why this participant may not be removed now (or nothing); the confirmation page asks this too."""
    _require_manager(actor=actor, assessment=assessment, what="deelnemers verwijderen")
    if participant.assessment_id != assessment.pk:
        raise ValidationError("Deze persoon doet niet mee aan dit gesprek.")
    _require_not_closed(assessment)
    if assessment.status not in {Assessment.Status.VOORBEREIDING, Assessment.Status.OPEN}:
        # After the reveal everyone has seen the answers; taking some away would change the shared picture.
        raise ValidationError(REMOVE_TOO_LATE)
    if participant.user_id == assessment.facilitator_id:
        raise ValidationError("De gespreksleider kan niet uit het eigen gesprek worden verwijderd.")


@transaction.atomic
def participant_remove(*, assessment: Assessment, actor: User, participant: Participant) -> None:
    """Take a participant out of the conversation before the reveal; their answers go with them.

    Nobody else has seen those answers (blindness), so removing them changes nothing anyone relied on. Actions
    they own keep their name as a free-text owner, so no action is left without an owner.
    """
    participant_remove_check(assessment=assessment, actor=actor, participant=participant)
    user = participant.user
    answers = Answer.objects.filter(assessment=assessment, user=user)
    answer_count = answers.count()
    answers.delete()
    Action.objects.filter(assessment=assessment, owner=user).update(owner=None, owner_name=_name(user))
    _audit(
        actor=actor,
        action="participant.removed",
        obj=participant,
        summary=f"{_name(actor)} heeft {_name(user)} verwijderd uit '{assessment.title}'.",
        assessment=assessment,
        user_id=user.pk,
        answers_removed=answer_count,
    )
    participant.delete()


def _set_status(*, assessment: Assessment, actor: User, status: str, stamp: str, action: str, summary: str) -> None:
    assessment.status = status
    setattr(assessment, stamp, timezone.now())
    assessment.save(update_fields=["status", stamp])
    _audit(actor=actor, action=action, obj=assessment, summary=summary, assessment=assessment)


@transaction.atomic
def assessment_open(*, assessment: Assessment, actor: User) -> Assessment:
    """Open the questionnaire: participants can now answer, each on their own and blind."""
    _require_manager(actor=actor, assessment=assessment, what="het gesprek openen")
    if assessment.status != Assessment.Status.VOORBEREIDING:
        raise ValidationError("Dit gesprek is al geopend.")
    if not assessment.participants.exists():
        raise ValidationError("Nodig eerst minstens één deelnemer uit.")
    _set_status(
        assessment=assessment,
        actor=actor,
        status=Assessment.Status.OPEN,
        stamp="opened_at",
        action="assessment.opened",
        summary=f"{_name(actor)} heeft de vragenlijst van '{assessment.title}' geopend.",
    )
    return assessment


def _validate_rating(*, frame: Frame, rating: str, reason: str) -> None:
    allowed = {o.id for o in frame.scale} | {frame.not_applicable.id}
    if rating not in allowed:
        raise ValidationError("Kies een van de antwoorden.", code="rating")
    if rating == frame.not_applicable.id and frame.not_applicable.reason_required and not reason.strip():
        raise ValidationError("Schrijf op waarom deze vraag niet van toepassing is.", code="reason")


@transaction.atomic
def answer_save(
    *,
    assessment: Assessment,
    user: User,
    question_id: str,
    rating: str,
    reason: str = "",
    note: str = "",
    evidence_url: str = "",
) -> Answer:
    """Save a participant's own answer to one question, while the assessment is open.

    "Niet van toepassing" needs a reason. The audit line never contains the rating: the log is visible to others
    and would break the blindness before the reveal.
    """
    _require_not_closed(assessment)
    if not Participant.objects.filter(assessment=assessment, user=user).exists():
        raise PermissionDenied("U doet niet mee aan dit gesprek.")
    if assessment.status == Assessment.Status.VOORBEREIDING:
        raise ValidationError("De vragenlijst is nog niet geopend.")
    if assessment.status != Assessment.Status.OPEN:
        raise ValidationError("De antwoorden zijn onthuld. U kunt uw antwoorden niet meer wijzigen.")
    frame = assessment_frame(assessment=assessment)
    try:
        frame.question(question_id)
    except KeyError as exc:
        raise ValidationError("Deze vraag bestaat niet.") from exc
    _validate_rating(frame=frame, rating=rating, reason=reason)
    evidence_url = evidence_url.strip()
    if evidence_url:
        try:
            URLValidator(schemes=["http", "https"])(evidence_url)
        except ValidationError as exc:
            raise ValidationError("Vul een geldige link in, die begint met https://.", code="evidence_url") from exc
    values = {
        "rating": rating,
        "reason": reason.strip() if rating == frame.not_applicable.id else "",
        "note": note.strip(),
        "evidence_url": evidence_url,
    }
    answer = Answer.objects.filter(assessment=assessment, user=user, question_id=question_id).first()
    if answer is not None and all(getattr(answer, k) == v for k, v in values.items()):
        return answer  # unchanged: no write, no log line
    answer, _ = Answer.objects.update_or_create(
        assessment=assessment, user=user, question_id=question_id, defaults=values
    )
    _audit(
        actor=user,
        action="answer.saved",
        obj=answer,
        summary=f"{_name(user)} heeft een antwoord opgeslagen bij vraag '{question_id}'.",
        assessment=assessment,
        question_id=question_id,
    )
    return answer


@transaction.atomic
def answer_clear(*, assessment: Assessment, participant_user: User, question_id: str) -> None:
    """Take back one's own answer to a question while the questionnaire is open; the progress count drops.

    Clearing a question without an answer changes nothing and writes no log line. Like `answer_save`, the audit
    line names the question, never the rating.
    """
    _require_not_closed(assessment)
    if not Participant.objects.filter(assessment=assessment, user=participant_user).exists():
        raise PermissionDenied("U doet niet mee aan dit gesprek.")
    if assessment.status == Assessment.Status.VOORBEREIDING:
        raise ValidationError("De vragenlijst is nog niet geopend.")
    if assessment.status != Assessment.Status.OPEN:
        raise ValidationError("De antwoorden zijn onthuld. U kunt uw antwoorden niet meer wissen.")
    try:
        assessment_frame(assessment=assessment).question(question_id)
    except KeyError as exc:
        raise ValidationError("Deze vraag bestaat niet.") from exc
    answer = Answer.objects.filter(assessment=assessment, user=participant_user, question_id=question_id).first()
    if answer is None:
        return
    _audit(
        actor=participant_user,
        action="answer.cleared",
        obj=answer,
        summary=f"{_name(participant_user)} heeft het antwoord bij vraag '{question_id}' gewist.",
        assessment=assessment,
        question_id=question_id,
    )
    answer.delete()  # its evidence citations go with it (cascade)


@transaction.atomic
def assessment_reveal(*, assessment: Assessment, actor: User) -> Assessment:
    """Show everyone's answers to all participants; from now on answers are fixed and the group discusses."""
    _require_manager(actor=actor, assessment=assessment, what="de antwoorden onthullen")
    _require_not_closed(assessment)
    if assessment.status != Assessment.Status.OPEN:
        raise ValidationError("U kunt alleen een geopend gesprek onthullen.")
    if not assessment.answers.exists():
        raise ValidationError("Er zijn nog geen antwoorden om te onthullen.")
    _set_status(
        assessment=assessment,
        actor=actor,
        status=Assessment.Status.ONTHULD,
        stamp="revealed_at",
        action="assessment.revealed",
        summary=f"{_name(actor)} heeft de antwoorden van '{assessment.title}' onthuld.",
    )
    return assessment


@transaction.atomic
def consensus_save(*, assessment: Assessment, actor: User, question_id: str, rating: str, rationale: str) -> Consensus:
    """Record (or change) the group's rating of one question with its rationale, after the reveal."""
    _require_manager(actor=actor, assessment=assessment, what="het gezamenlijke oordeel vastleggen")
    _require_not_closed(assessment)
    if assessment.status != Assessment.Status.ONTHULD:
        raise ValidationError("Leg het gezamenlijke oordeel vast nadat de antwoorden zijn onthuld.")
    frame = assessment_frame(assessment=assessment)
    try:
        question = frame.question(question_id)
    except KeyError as exc:
        raise ValidationError("Deze vraag bestaat niet.") from exc
    _validate_rating(frame=frame, rating=rating, reason=rationale)
    if not rationale.strip():
        raise ValidationError("Schrijf op waarom de groep tot dit oordeel komt.", code="rationale")
    consensus, _ = Consensus.objects.update_or_create(
        assessment=assessment,
        question_id=question_id,
        defaults={"rating": rating, "rationale": rationale.strip(), "decided_by": actor},
    )
    _audit(
        actor=actor,
        action="consensus.saved",
        obj=consensus,
        summary=f"{_name(actor)} heeft het gezamenlijke oordeel vastgelegd bij '{question.text}'.",
        assessment=assessment,
        question_id=question_id,
        rating=rating,
    )
    return consensus


def _require_can_act(*, actor: User, assessment: Assessment) -> None:
    _require_not_closed(assessment)
    access = assessment_access(user=actor, assessment=assessment)
    if not (access.is_participant or access.can_manage):
        raise PermissionDenied("Alleen deelnemers en de gespreksleider mogen acties beheren.")
    if not access.can_act:
        raise ValidationError("Acties kunt u toevoegen als de vragenlijst open is of na het onthullen.")


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
    _require_can_act(actor=actor, assessment=assessment)
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
    assessment = action.assessment
    _require_can_act(actor=actor, assessment=assessment)
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
    return action


@transaction.atomic
def action_status_set(*, action: Action, actor: User, status: str) -> Action:
    """Change an action's status (open, bezig, klaar)."""
    assessment = action.assessment
    _require_can_act(actor=actor, assessment=assessment)
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
def assessment_close(*, assessment: Assessment, actor: User) -> Assessment:
    """Close the assessment: answers, consensus and actions are fixed from now on."""
    _require_manager(actor=actor, assessment=assessment, what="het gesprek sluiten")
    _require_not_closed(assessment)
    if assessment.status != Assessment.Status.ONTHULD:
        raise ValidationError("Onthul eerst de antwoorden; daarna kunt u het gesprek sluiten.")
    _set_status(
        assessment=assessment,
        actor=actor,
        status=Assessment.Status.GESLOTEN,
        stamp="closed_at",
        action="assessment.closed",
        summary=f"{_name(actor)} heeft het gesprek '{assessment.title}' gesloten.",
    )
    return assessment
