"""Writes on the session itself: create, invite and remove participants, open, reveal and close."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments.models import Action, Answer, Assessment, Participant
from denkraam.assessments.selectors import OWN_SELECTION, WHOLE_FRAME, assessment_frame, assessment_scope
from denkraam.assessments.services._common import (
    _audit,
    _locked,
    _name,
    _require_manager,
    _require_not_closed,
    _set_status,
)
from denkraam.framework import Frame, load_frame
from denkraam.initiatives.models import Initiative
from denkraam.initiatives.selectors import initiative_can_edit
from denkraam.notifications import tasks as mail_tasks
from denkraam.notifications.models import Notification
from denkraam.notifications.selectors import REMINDER_INTERVAL, reminder_last, reminder_recipients

# The time box of the whole meeting and the time per agenda item: (lowest, highest) and the default, in minutes.
# The set-up form and the session-file check take them from here.
TIME_BOX_MINUTES = (10, 480)
ITEM_MINUTES = (1, 60)
DEFAULT_TIME_BOX_MINUTES = 60
DEFAULT_ITEM_MINUTES = 5
SETUP_TOO_LATE = (
    "De opzet van het gesprek staat vast zodra de vragenlijst open is. Start een nieuw gesprek als u iets anders wilt."
)


@dataclass(frozen=True, slots=True)
class Setup:
    """A session's set-up as the facilitator chose it: which questions, the time box and anonymity."""

    # "" for the whole frame, a named set of the frame file, or "eigen" with the hand-picked `question_ids`.
    question_set: str = WHOLE_FRAME
    question_ids: Sequence[str] = ()
    anonymous: bool = False
    time_box_minutes: int = DEFAULT_TIME_BOX_MINUTES
    item_minutes: int = DEFAULT_ITEM_MINUTES


def _checked_setup(*, frame: Frame, setup: Setup) -> tuple[str, list[str]]:
    """The set name and question ids to store; a Dutch ValidationError for anything that does not fit the frame."""
    low, high = TIME_BOX_MINUTES
    if not low <= setup.time_box_minutes <= high:
        raise ValidationError(f"Kies een tijd voor het gesprek van {low} tot {high} minuten.", code="time_box_minutes")
    low, high = ITEM_MINUTES
    if not low <= setup.item_minutes <= high:
        raise ValidationError(f"Kies een tijd per agendapunt van {low} tot {high} minuten.", code="item_minutes")
    if setup.item_minutes > setup.time_box_minutes:
        raise ValidationError("Een agendapunt kan niet langer duren dan het hele gesprek.", code="item_minutes")
    if setup.question_set == WHOLE_FRAME:
        return WHOLE_FRAME, []
    if setup.question_set == OWN_SELECTION:
        known = {q.id for q in frame.questions()}
        unknown = [q for q in setup.question_ids if q not in known]
        if unknown:
            raise ValidationError(f"Deze vraag bestaat niet: {unknown[0]}.", code="question_ids")
        chosen = set(setup.question_ids)
        if not chosen:
            raise ValidationError("Kies minstens één vraag voor het gesprek.", code="question_ids")
        return OWN_SELECTION, [q.id for q in frame.questions() if q.id in chosen]
    try:
        named = frame.question_set(setup.question_set)
    except KeyError as exc:
        raise ValidationError("Deze vragenset bestaat niet in het denkraam.", code="question_set") from exc
    # The ids are stored, not only the set's name: a later change to the frame file leaves this session as it was.
    return named.id, list(named.question_ids)


def _setup_summary(assessment: Assessment) -> str:
    scope = assessment_scope(assessment=assessment)
    anonymous = ", anoniem" if assessment.anonymous else ""
    return (
        f"{scope.label}, {assessment.time_box_minutes} minuten, {assessment.item_minutes} minuten per agendapunt"
        f"{anonymous}"
    )


@transaction.atomic
def assessment_create(
    *,
    initiative: Initiative,
    actor: User,
    title: str,
    facilitator_participates: bool = True,
    setup: Setup | None = None,
) -> Assessment:
    """Start a new assessment of an initiative; the creator becomes its facilitator (members with role lid+).

    `setup` chooses the questions (whole frame, a named set, or a hand-picked selection), the time box and
    anonymity; without it the session covers the whole frame in 60 minutes, with names.
    """
    if not initiative_can_edit(user=actor, initiative=initiative):
        raise PermissionDenied("U mag voor dit initiatief geen gesprek starten.")
    title = title.strip()
    if not title:
        raise ValidationError("Geef het gesprek een titel.")
    frame = load_frame()
    setup = setup or Setup()
    question_set, question_ids = _checked_setup(frame=frame, setup=setup)
    assessment = Assessment.objects.create(
        initiative=initiative,
        title=title,
        facilitator=actor,
        frame_id=frame.id,
        frame_version=frame.version,
        question_set=question_set,
        question_ids=question_ids,
        anonymous=setup.anonymous,
        time_box_minutes=setup.time_box_minutes,
        item_minutes=setup.item_minutes,
    )
    _audit(
        actor=actor,
        action="assessment.created",
        obj=assessment,
        summary=f"{_name(actor)} heeft het gesprek '{title}' gestart ({_setup_summary(assessment)}).",
        assessment=assessment,
        question_set=question_set,
        question_count=assessment_scope(assessment=assessment, frame=frame).count,
        anonymous=setup.anonymous,
    )
    if facilitator_participates:
        participant_add(assessment=assessment, user=actor, actor=actor)
    return assessment


@transaction.atomic
def assessment_setup_update(*, assessment: Assessment, actor: User, setup: Setup) -> Assessment:
    """Change the questions, time box or anonymity while the session is in preparation; fixed once it is open.

    Nobody has answered yet in preparation, so changing the questions loses nothing. Writes no audit line when
    nothing changed.
    """
    _require_manager(actor=actor, assessment=assessment, what="de opzet van het gesprek wijzigen")
    locked = _locked(assessment)
    _require_not_closed(locked)
    if locked.status != Assessment.Status.VOORBEREIDING:
        raise ValidationError(SETUP_TOO_LATE)
    question_set, question_ids = _checked_setup(frame=assessment_frame(assessment=locked), setup=setup)
    values = {
        "question_set": question_set,
        "question_ids": question_ids,
        "anonymous": setup.anonymous,
        "time_box_minutes": setup.time_box_minutes,
        "item_minutes": setup.item_minutes,
    }
    if all(getattr(locked, key) == value for key, value in values.items()):
        return assessment
    for target in (locked, assessment):
        for key, value in values.items():
            setattr(target, key, value)
    locked.save(update_fields=list(values))
    _audit(
        actor=actor,
        action="assessment.setup_changed",
        obj=locked,
        summary=f"{_name(actor)} heeft de opzet van '{locked.title}' gewijzigd: {_setup_summary(locked)}.",
        assessment=locked,
        question_set=question_set,
        question_count=assessment_scope(assessment=locked).count,
        anonymous=setup.anonymous,
    )
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


def participant_add(*, assessment: Assessment, user: User, actor: User, organisation_name: str = "") -> Participant:
    """Add a participant without checks (callers check rights and stage): the facilitator, an invitation accepted.

    `organisation_name` is shown for someone who belongs to no organisation in denkraam (a guest invited by e-mail).
    """
    organisation = _organisation_for(user=user, initiative=assessment.initiative)
    participant = Participant.objects.create(
        assessment=assessment,
        user=user,
        organisation=organisation,
        organisation_name="" if organisation is not None else organisation_name.strip()[:200],
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


def participant_user_find(*, identifier: str) -> User | None:
    """The one active user with this user name or e-mail address; None for nobody and for several."""
    identifier = identifier.strip()
    if not identifier:
        return None
    matches = list(
        User.objects.filter(is_active=True).filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))[:2]
    )
    return matches[0] if len(matches) == 1 else None


@transaction.atomic
def participant_invite(*, assessment: Assessment, actor: User, identifier: str) -> Participant:
    """Invite an existing user (by user name or e-mail address, from any organisation) before the reveal."""
    _require_manager(actor=actor, assessment=assessment, what="deelnemers uitnodigen")
    assessment = _locked(assessment)
    if assessment.status not in {Assessment.Status.VOORBEREIDING, Assessment.Status.OPEN}:
        raise ValidationError("Na het onthullen kunt u geen deelnemers meer uitnodigen.")
    identifier = identifier.strip()
    if not identifier:
        raise ValidationError("Vul een gebruikersnaam of e-mailadres in.")
    user = participant_user_find(identifier=identifier)
    if user is None:
        # The same message for "nobody" and "several people": it reveals nothing about who has an account.
        raise ValidationError(
            f"Er is geen gebruiker gevonden met '{identifier}'. Controleer de naam of het e-mailadres."
        )
    if Participant.objects.filter(assessment=assessment, user=user).exists():
        raise ValidationError(f"{_name(user)} doet al mee aan dit gesprek.")
    return participant_add(assessment=assessment, user=user, actor=actor)


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
    participant_remove_check(assessment=_locked(assessment), actor=actor, participant=participant)
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


@transaction.atomic
def assessment_open(*, assessment: Assessment, actor: User) -> Assessment:
    """Open the questionnaire: participants can now answer, each on their own and blind."""
    _require_manager(actor=actor, assessment=assessment, what="het gesprek openen")
    locked = _locked(assessment)
    if locked.status != Assessment.Status.VOORBEREIDING:
        raise ValidationError("Dit gesprek is al geopend.")
    if not locked.participants.exists():
        raise ValidationError("Nodig eerst minstens één deelnemer uit.")
    if not assessment_scope(assessment=locked).count:
        raise ValidationError("Dit gesprek heeft geen vragen. Kies eerst de vragen bij 'Opzet wijzigen'.")
    _set_status(
        assessment=assessment,
        locked=locked,
        actor=actor,
        status=Assessment.Status.OPEN,
        stamp="opened_at",
        action="assessment.opened",
        summary=f"{_name(actor)} heeft de vragenlijst van '{assessment.title}' geopend.",
    )
    mail_tasks.mail_after_commit(mail_tasks.assessment_open_mail_task, str(assessment.pk), actor.pk)
    return assessment


def _when(moment: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), r"j F \o\m H:i")


@transaction.atomic
def assessment_remind(*, assessment: Assessment, actor: User) -> int:
    """Mail the participants who have not answered every question yet; at most once in 24 hours per session.

    Returns how many participants get the reminder (those with an e-mail address; the actor never).
    """
    _require_manager(actor=actor, assessment=assessment, what="een herinnering sturen")
    # Locked: two presses at the same moment are handled one after the other, so only one reminder goes out.
    locked = _locked(assessment)
    if locked.status != Assessment.Status.OPEN:
        raise ValidationError("U kunt alleen een herinnering sturen zolang de vragenlijst open is.")
    now = timezone.now()
    last = reminder_last(assessment=locked)
    if last is not None and last.sent_at + REMINDER_INTERVAL > now:
        raise ValidationError(
            f"Er is al een herinnering verstuurd op {_when(last.sent_at)}. U kunt één herinnering per dag "
            f"sturen: de volgende kan vanaf {_when(last.sent_at + REMINDER_INTERVAL)}."
        )
    users = reminder_recipients(assessment=locked, actor=actor).with_email
    if not users:
        return 0
    Notification.objects.create(
        kind=Notification.Kind.REMINDER, assessment=locked, user=actor, recipients=len(users), sent_at=now
    )
    _audit(
        actor=actor,
        action="assessment.reminded",
        obj=locked,
        summary=f"{_name(actor)} heeft een herinnering gestuurd aan {len(users)} deelnemer(s) van '{locked.title}'.",
        assessment=locked,
        user_ids=[u.pk for u in users],
    )
    mail_tasks.mail_after_commit(
        mail_tasks.assessment_remind_mail_task, str(locked.pk), actor.pk, [u.pk for u in users]
    )
    return len(users)


def assessment_reveal_check(*, assessment: Assessment, actor: User) -> None:
    """Raise why the answers may not be revealed now (or nothing); the confirmation page asks this too."""
    _require_manager(actor=actor, assessment=assessment, what="de antwoorden onthullen")
    _require_not_closed(assessment)
    if assessment.status != Assessment.Status.OPEN:
        raise ValidationError("U kunt alleen een geopend gesprek onthullen.")
    if not assessment.answers.exists():
        raise ValidationError("Er zijn nog geen antwoorden om te onthullen.")


@transaction.atomic
def assessment_reveal(*, assessment: Assessment, actor: User) -> Assessment:
    """Show everyone's answers to all participants; from now on answers are fixed and the group discusses."""
    # Locked first: answers being saved right now finish before the reveal, later ones see it (answer_save).
    locked = _locked(assessment)
    assessment_reveal_check(assessment=locked, actor=actor)
    _set_status(
        assessment=assessment,
        locked=locked,
        actor=actor,
        status=Assessment.Status.ONTHULD,
        stamp="revealed_at",
        action="assessment.revealed",
        summary=f"{_name(actor)} heeft de antwoorden van '{assessment.title}' onthuld.",
    )
    mail_tasks.mail_after_commit(mail_tasks.assessment_reveal_mail_task, str(assessment.pk), actor.pk)
    return assessment


def assessment_close_check(*, assessment: Assessment, actor: User) -> None:
    """Raise why the assessment may not be closed now (or nothing); the confirmation page asks this too."""
    _require_manager(actor=actor, assessment=assessment, what="het gesprek sluiten")
    _require_not_closed(assessment)
    if assessment.status != Assessment.Status.ONTHULD:
        raise ValidationError("Onthul eerst de antwoorden; daarna kunt u het gesprek sluiten.")


@transaction.atomic
def assessment_close(*, assessment: Assessment, actor: User) -> Assessment:
    """Close the assessment: answers, consensus and actions are fixed from now on."""
    locked = _locked(assessment)
    assessment_close_check(assessment=locked, actor=actor)
    _set_status(
        assessment=assessment,
        locked=locked,
        actor=actor,
        status=Assessment.Status.GESLOTEN,
        stamp="closed_at",
        action="assessment.closed",
        summary=f"{_name(actor)} heeft het gesprek '{assessment.title}' gesloten.",
    )
    return assessment
