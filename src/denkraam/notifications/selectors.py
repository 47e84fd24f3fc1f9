"""Reads for notifications: who still has questions to answer, and when a reminder was last sent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from denkraam.accounts.models import User
from denkraam.assessments.models import Answer, Assessment, Participant
from denkraam.assessments.selectors import assessment_questions
from denkraam.notifications.models import Notification

# A facilitator's reminder goes out at most once in this time per session.
REMINDER_INTERVAL = dt.timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class ReminderRecipients:
    """Who a reminder would reach now: participants with questions left, split by having an e-mail address."""

    with_email: list[User]
    without_email: list[User]


def reminder_recipients(*, assessment: Assessment, actor: User | None = None) -> ReminderRecipients:
    """The active participants (except `actor`) who have not answered every question of the session."""
    question_ids = [q.id for q in assessment_questions(assessment=assessment)]
    total = len(question_ids)
    answered = dict(
        Answer.objects.filter(assessment=assessment, user__isnull=False, question_id__in=question_ids)
        .values_list("user_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    users = [
        p.user
        for p in Participant.objects.filter(assessment=assessment, user__is_active=True).select_related("user")
        if answered.get(p.user_id, 0) < total and (actor is None or p.user_id != actor.pk)
    ]
    return ReminderRecipients(
        with_email=[u for u in users if u.email.strip()], without_email=[u for u in users if not u.email.strip()]
    )


def reminder_last(*, assessment: Assessment) -> Notification | None:
    """The latest facilitator's reminder of this session, if any."""
    return Notification.objects.filter(kind=Notification.Kind.REMINDER, assessment=assessment).first()


def reminder_text(*, sent: int, assessment: Assessment, actor: User) -> str:
    """What the page says after a reminder: how many got it, and how many could not be reached."""
    if sent == 1:
        text = "De herinnering gaat naar 1 deelnemer die nog niet alle vragen heeft beantwoord."
    elif sent:
        text = f"De herinnering gaat naar {sent} deelnemers die nog niet alle vragen hebben beantwoord."
    else:
        text = "Er is geen herinnering verstuurd: iedereen met een e-mailadres heeft alle vragen beantwoord."
    missing = len(reminder_recipients(assessment=assessment, actor=actor).without_email)
    if missing == 1:
        text += " 1 deelnemer heeft geen e-mailadres en kreeg dus geen herinnering."
    elif missing:
        text += f" {missing} deelnemers hebben geen e-mailadres en kregen dus geen herinnering."
    return text
