"""Factories and small builders for assessment tests."""

from __future__ import annotations

import factory

from denkraam.accounts.models import User
from denkraam.assessments import services
from denkraam.assessments.models import Answer, Assessment, Participant
from denkraam.initiatives.models import Initiative
from tests.factories import InitiativeFactory, UserFactory


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    initiative = factory.SubFactory(InitiativeFactory)
    title = factory.Sequence(lambda n: f"Gesprek {n}")
    facilitator = factory.SubFactory(UserFactory)
    status = Assessment.Status.VOORBEREIDING


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    assessment = factory.SubFactory(AssessmentFactory)
    user = factory.SubFactory(UserFactory)


def answers_set(*, assessment: Assessment, user: User, ratings: dict[str, str]) -> None:
    """Store answers straight in the database (for tests of reading, not of answering)."""
    for question_id, rating in ratings.items():
        Answer.objects.update_or_create(
            assessment=assessment,
            user=user,
            question_id=question_id,
            defaults={"rating": rating, "reason": "past niet" if rating == "nvt" else "", "note": f"notitie {user}"},
        )


def workshop_open(
    *, initiative: Initiative, facilitator: User, participant: str, question_ids: list[str]
) -> Assessment:
    """An open session led by `facilitator` without answering herself, one participant, a hand-picked selection.

    The selection is set on the row directly: choosing questions is the set-up's part, not under test here.
    """
    assessment = services.assessment_create(
        initiative=initiative, actor=facilitator, title="Workshop", facilitator_participates=False
    )
    services.participant_invite(assessment=assessment, actor=facilitator, identifier=participant)
    Assessment.objects.filter(pk=assessment.pk).update(question_set="eigen", question_ids=question_ids)
    assessment.refresh_from_db()
    return services.assessment_open(assessment=assessment, actor=facilitator)
