"""The mails people expect: the questionnaire is open, a reminder, the answers are revealed, an action for you,
an action that is overdue. Each is sent by a background task (notifications/tasks.py) after the change commits.

No mail holds an answer or a rating: before the reveal nobody may see another's answers, and a mail is read
outside denkraam's access checks. The mails say what happened, who did it, and link to the page.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from denkraam.accounts.models import User
from denkraam.accounts.services import audit_record
from denkraam.assessments.models import Action, Assessment, Participant
from denkraam.notifications.mail import mail_send, site_url
from denkraam.notifications.models import Notification

logger = logging.getLogger(__name__)

# An overdue action is mailed to its owner once, then again at most this often while it stays overdue.
OVERDUE_REMINDER_INTERVAL = dt.timedelta(days=7)


def _name(user: User | None) -> str:
    if user is None:
        return "Iemand"
    return user.get_full_name() or user.get_username()


def _participation_reason(assessment: Assessment) -> str:
    return (
        f"U krijgt deze e-mail omdat u deelneemt aan het gesprek '{assessment.title}' over "
        f"'{assessment.initiative.name}' van {assessment.initiative.owner.name}."
    )


def _participant_addresses(*, assessment: Assessment, actor: User | None) -> list[str]:
    """The e-mail addresses of the active participants, the person who caused the mail left out."""
    participants = Participant.objects.filter(assessment=assessment, user__is_active=True).exclude(user__email="")
    if actor is not None:
        participants = participants.exclude(user=actor)
    return list(participants.order_by("created_at", "id").values_list("user__email", flat=True))


def assessment_open_mail(*, assessment: Assessment, actor: User | None) -> int:
    """Tell every participant but the opener that the questionnaire is open, with its link."""
    return mail_send(
        to=_participant_addresses(assessment=assessment, actor=actor),
        template="assessment_open",
        context={
            "assessment": assessment,
            "actor_name": _name(actor),
            "link": site_url(reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})),
        },
        reason=_participation_reason(assessment),
    )


def assessment_reveal_mail(*, assessment: Assessment, actor: User | None) -> int:
    """Tell every participant but the one who revealed that everyone's answers can now be read."""
    return mail_send(
        to=_participant_addresses(assessment=assessment, actor=actor),
        template="assessment_reveal",
        context={
            "assessment": assessment,
            "actor_name": _name(actor),
            "link": site_url(reverse("assessments:agenda", kwargs={"assessment_id": assessment.pk})),
        },
        reason=_participation_reason(assessment),
    )


def assessment_remind_mail(*, assessment: Assessment, actor: User | None, user_ids: list[int]) -> int:
    """Remind the given participants (chosen when the button was pressed) to finish the questionnaire."""
    users = User.objects.filter(
        pk__in=user_ids, is_active=True, assessment_participations__assessment=assessment
    ).exclude(email="")
    return mail_send(
        to=list(users.values_list("email", flat=True)),
        template="assessment_remind",
        context={
            "assessment": assessment,
            "actor_name": _name(actor),
            "link": site_url(reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})),
        },
        reason=_participation_reason(assessment),
    )


def _action_link(action: Action) -> str:
    return site_url(reverse("assessments:actions", kwargs={"assessment_id": action.assessment_id}))


def action_assigned_mail(*, action: Action, actor: User | None) -> int:
    """Tell the owner of an action that someone else made them its owner."""
    owner = action.owner
    if owner is None or not owner.is_active or (actor is not None and owner.pk == actor.pk):
        return 0
    assessment = action.assessment
    return mail_send(
        to=[owner.email],
        template="action_assigned",
        context={"action": action, "assessment": assessment, "actor_name": _name(actor), "link": _action_link(action)},
        reason=(
            f"U krijgt deze e-mail omdat {_name(actor)} u eigenaar heeft gemaakt van een actie in het gesprek "
            f"'{assessment.title}' over '{assessment.initiative.name}' van {assessment.initiative.owner.name}."
        ),
    )


def _overdue_due(*, now: dt.datetime) -> list[Action]:
    """Actions past their due date, not done, with an active owner with an address, whose reminder is due.

    Actions of a closed session are left out: they can no longer be marked 'klaar', so a reminder would nag
    forever. An action is reminded again when its last reminder is OVERDUE_REMINDER_INTERVAL old, or when it
    got a new due date that has passed too.
    """
    today = timezone.localdate(now)
    candidates = (
        Action.objects.filter(due_date__lt=today, owner__isnull=False, owner__is_active=True)
        .exclude(status=Action.Status.KLAAR)
        .exclude(owner__email="")
        .exclude(assessment__status=Assessment.Status.GESLOTEN)
        .select_related("owner", "assessment__initiative__owner")
        .order_by("due_date", "id")
    )
    recent = Notification.objects.filter(
        kind=Notification.Kind.ACTION_OVERDUE, sent_at__gt=now - OVERDUE_REMINDER_INTERVAL
    )
    reminded = set(recent.values_list("action_id", "due_date"))
    return [action for action in candidates if (action.pk, action.due_date) not in reminded]


def _overdue_claim(*, action: Action, now: dt.datetime) -> Notification | None:
    """Record the reminder of `action` before sending it, or None when another run just did.

    The action's row is locked while checking, so two runs of `denkraam reminders` at the same moment mail an
    action once. The mail is sent after this commits: a slow mail server never holds a database lock.
    """
    with transaction.atomic():
        Action.objects.select_for_update().filter(pk=action.pk).values_list("pk").first()
        already = Notification.objects.filter(
            kind=Notification.Kind.ACTION_OVERDUE,
            action=action,
            due_date=action.due_date,
            sent_at__gt=now - OVERDUE_REMINDER_INTERVAL,
        ).exists()
        if already:
            return None
        return Notification.objects.create(
            kind=Notification.Kind.ACTION_OVERDUE,
            assessment=action.assessment,
            action=action,
            user=action.owner,
            due_date=action.due_date,
            recipients=1,
            sent_at=now,
        )


def actions_overdue_remind(*, now: dt.datetime | None = None) -> int:
    """Mail each owner of an overdue action (see `_overdue_due`); returns how many reminders were sent.

    Each reminder is recorded before it is sent and the record removed again when sending fails, so a mail
    server that fails halfway loses nothing: the next run sends the rest. `denkraam reminders` runs this daily.
    """
    now = now or timezone.now()
    sent = 0
    for action in _overdue_due(now=now):
        assert action.owner is not None and action.due_date is not None
        claim = _overdue_claim(action=action, now=now)
        if claim is None:
            continue
        assessment = action.assessment
        try:
            count = mail_send(
                to=[action.owner.email],
                template="action_overdue",
                context={"action": action, "assessment": assessment, "link": _action_link(action)},
                reason=(
                    f"U krijgt deze e-mail omdat u eigenaar bent van een actie in het gesprek '{assessment.title}' "
                    f"over '{assessment.initiative.name}' van {assessment.initiative.owner.name}. Zolang de actie "
                    f"over tijd is, krijgt u hoogstens eens per {OVERDUE_REMINDER_INTERVAL.days} dagen een "
                    "herinnering."
                ),
            )
        except BaseException:
            claim.delete()
            raise
        if not count:  # an address the mail library refuses
            claim.delete()
            continue
        audit_record(
            actor=None,
            action="action.overdue_reminded",
            obj=action,
            summary=f"denkraam heeft {_name(action.owner)} herinnerd aan de actie '{action.title}' (over tijd).",
            organisation=assessment.initiative.owner,
            data={
                "assessment_id": str(assessment.pk),
                "initiative_id": str(assessment.initiative_id),
                "user_id": action.owner.pk,
            },
        )
        sent += count
    logger.info("%d overdue action reminder(s) sent", sent)
    return sent
