"""Reads for "Mijn gesprekken", the page people land on after logging in: their open tasks first, then their
organisations' initiatives.

Who may see which conversation is decided by `assessment_list_visible`, which initiatives by
`initiative_list_for_user`; this module only picks from what those allow. A fixed number of queries whatever the
number of conversations, actions or initiatives.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse

from denkraam.accounts.models import Membership, User
from denkraam.accounts.selectors import membership_list_for_user
from denkraam.assessments.models import Action, Answer, Assessment, Participant
from denkraam.assessments.selectors import assessment_list_visible, assessment_questions
from denkraam.initiatives.models import Initiative
from denkraam.initiatives.selectors import InitiativeRow, initiative_list_for_user, initiative_rows

# More than this many initiatives and the page links to the full list instead.
INITIATIVES_SHOWN = 25

NEXT_STEP: dict[str, str] = {
    Assessment.Status.VOORBEREIDING: "Nodig de deelnemers uit en open de vragenlijst.",
    Assessment.Status.OPEN: "De deelnemers vullen de vragenlijst in. Onthul de antwoorden als iedereen klaar is.",
    Assessment.Status.ONTHULD: "Bespreek de verschillen, leg oordelen en acties vast en sluit het gesprek.",
}


@dataclass(frozen=True, slots=True)
class QuestionnaireTask:
    """A questionnaire the user still has to finish."""

    title: str
    initiative_name: str
    answered: int
    total: int
    url: str


@dataclass(frozen=True, slots=True)
class LedSession:
    """A conversation the user leads that is not closed yet."""

    title: str
    initiative_name: str
    stage: str
    next_step: str
    url: str


@dataclass(frozen=True, slots=True)
class ActionTask:
    """An action assigned to the user that is not done."""

    title: str
    assessment_title: str
    status: str
    due_date: datetime.date | None
    is_overdue: bool
    url: str


@dataclass(frozen=True, slots=True)
class Landing:
    questionnaires: list[QuestionnaireTask]
    led: list[LedSession]
    actions: list[ActionTask]
    initiatives: list[InitiativeRow]
    initiative_count: int
    memberships: list[Membership]

    @property
    def has_tasks(self) -> bool:
        return bool(self.questionnaires or self.led or self.actions)

    @property
    def is_empty(self) -> bool:
        """Nothing to do and nothing to look at: the page then says what to do next."""
        return not self.has_tasks and not self.initiatives and not self.memberships


def _url(name: str, assessment_id: uuid.UUID) -> str:
    return reverse(name, kwargs={"assessment_id": assessment_id})


def _visible(user: User) -> QuerySet[Assessment]:
    return assessment_list_visible(user=user, initiative_ids=Initiative.objects.values("id"))


def questionnaire_tasks(*, user: User) -> list[QuestionnaireTask]:
    """Open conversations the user takes part in with questions left, oldest invitation first (two queries)."""
    participations = list(
        Participant.objects.filter(
            user=user, assessment__status=Assessment.Status.OPEN, assessment_id__in=_visible(user).values("id")
        )
        .select_related("assessment__initiative")
        .order_by("created_at", "id")
    )
    answered = dict(
        Answer.objects.filter(user=user, assessment_id__in=[p.assessment_id for p in participations])
        .values_list("assessment_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    tasks = []
    for participation in participations:
        assessment = participation.assessment
        total = len(assessment_questions(assessment=assessment))
        done = min(answered.get(assessment.pk, 0), total)
        if done < total:
            tasks.append(
                QuestionnaireTask(
                    title=assessment.title,
                    initiative_name=assessment.initiative.name,
                    answered=done,
                    total=total,
                    url=_url("assessments:questionnaire", assessment.pk),
                )
            )
    return tasks


def led_sessions(*, user: User) -> list[LedSession]:
    """Conversations the user leads that are not closed, newest first (one query)."""
    assessments = (
        _visible(user)
        .filter(facilitator=user)
        .exclude(status=Assessment.Status.GESLOTEN)
        .select_related("initiative")
        .order_by("-created_at")
    )
    return [
        LedSession(
            title=a.title,
            initiative_name=a.initiative.name,
            stage=a.get_status_display(),
            next_step=NEXT_STEP.get(a.status, ""),
            url=_url("assessments:detail", a.pk),
        )
        for a in assessments
    ]


def action_tasks(*, user: User, today: datetime.date) -> list[ActionTask]:
    """Actions assigned to the user that are not done: overdue first, then by due date, undated last (one query)."""
    actions = (
        Action.objects.filter(owner=user, assessment_id__in=_visible(user).values("id"))
        .exclude(status=Action.Status.KLAAR)
        .select_related("assessment")
        .order_by(F("due_date").asc(nulls_last=True), "created_at")
    )
    return [
        ActionTask(
            title=a.title,
            assessment_title=a.assessment.title,
            status=a.get_status_display(),
            due_date=a.due_date,
            is_overdue=a.due_date is not None and a.due_date < today,
            url=_url("assessments:actions", a.assessment_id),
        )
        for a in actions
    ]


def my_initiatives(*, user: User) -> tuple[list[InitiativeRow], int]:
    """The initiatives of the user's organisations, as owner or partner (not every published one): a first page of
    rows and the total (three queries)."""
    org_ids = Membership.objects.filter(user=user).values("organisation_id")
    partner_of = Initiative.partners.through.objects.filter(organisation_id__in=org_ids).values("initiative_id")
    initiatives = initiative_list_for_user(user=user).filter(Q(owner_id__in=org_ids) | Q(id__in=partner_of))
    return initiative_rows(initiatives=initiatives[:INITIATIVES_SHOWN]), initiatives.count()


def landing_for_user(*, user: User, today: datetime.date) -> Landing:
    """Everything "Mijn gesprekken" shows, in at most nine queries."""
    initiatives, initiative_count = my_initiatives(user=user)
    return Landing(
        questionnaires=questionnaire_tasks(user=user),
        led=led_sessions(user=user),
        actions=action_tasks(user=user, today=today),
        initiatives=initiatives,
        initiative_count=initiative_count,
        memberships=list(membership_list_for_user(user=user)),
    )
