"""Background tasks that send the mails, so a slow or broken mail server never slows or breaks a page.

Each loads its objects by id and calls a service in notifications/services.py. `mail_after_commit` queues one
once the change that causes the mail is committed: a rolled-back change sends nothing. A mail server that is down
makes the task fail; django_tasks logs it with its traceback, and the change itself is kept.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django_tasks import task
from django_tasks.base import Task

from denkraam.accounts.models import User
from denkraam.assessments.models import Action, Assessment
from denkraam.notifications import services

logger = logging.getLogger(__name__)


def mail_after_commit(mail_task: Task[..., Any], *args: Any) -> None:
    """Queue `mail_task(*args)` once the current transaction commits (at once outside one).

    `robust`: a queue that cannot be reached is logged, and never turns a committed change into an error page.
    """
    transaction.on_commit(lambda: mail_task.enqueue(*args), robust=True)


def _user(user_id: int | None) -> User | None:
    return User.objects.filter(pk=user_id).first() if user_id is not None else None


def _assessment(assessment_id: str) -> Assessment | None:
    return Assessment.objects.select_related("initiative__owner").filter(pk=assessment_id).first()


@task()
def assessment_open_mail_task(assessment_id: str, actor_id: int | None) -> int:
    assessment = _assessment(assessment_id)
    if assessment is None:  # deleted while the task waited
        return 0
    return services.assessment_open_mail(assessment=assessment, actor=_user(actor_id))


@task()
def assessment_reveal_mail_task(assessment_id: str, actor_id: int | None) -> int:
    assessment = _assessment(assessment_id)
    if assessment is None:
        return 0
    return services.assessment_reveal_mail(assessment=assessment, actor=_user(actor_id))


@task()
def assessment_remind_mail_task(assessment_id: str, actor_id: int | None, user_ids: list[int]) -> int:
    assessment = _assessment(assessment_id)
    if assessment is None:
        return 0
    return services.assessment_remind_mail(assessment=assessment, actor=_user(actor_id), user_ids=user_ids)


@task()
def action_assigned_mail_task(action_id: str, actor_id: int | None) -> int:
    action = Action.objects.select_related("owner", "assessment__initiative__owner").filter(pk=action_id).first()
    if action is None:
        return 0
    return services.action_assigned_mail(action=action, actor=_user(actor_id))


@task()
def actions_overdue_remind_task() -> int:
    """The daily overdue reminders, for a worker to run instead of `denkraam reminders`."""
    return services.actions_overdue_remind()
