"""An initiative of UWV (private) with one closed assessment by alice and bob; charlie (KVK) sees none of it."""

from __future__ import annotations

import datetime as dt

import pytest

from denkraam.accounts.models import Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Answer, Assessment
from denkraam.assessments.selectors import assessment_questions
from denkraam.framework import load_frame
from denkraam.initiatives.models import Initiative
from tests.factories import InitiativeFactory

RATINGS = ("goed", "voldoende", "onvoldoende", "slecht")


@pytest.fixture
def initiative(uwv: Organisation, kvk: Organisation) -> Initiative:
    return InitiativeFactory(
        name="Brief over de WW-uitkering", owner=uwv, life_event="Baan verliezen", channels=["brief", "website"]
    )


def run_assessment(
    *,
    initiative: Initiative,
    facilitator: User,
    others: list[User],
    close: bool = True,
    setup: services.Setup | None = None,
) -> Assessment:
    """Run a whole assessment through the services: invite, open, answer all, reveal, consensus, action, close."""
    assessment = services.assessment_create(
        initiative=initiative, actor=facilitator, title="Eerste gesprek", setup=setup
    )
    for other in others:
        services.participant_invite(assessment=assessment, actor=facilitator, identifier=other.username)
    services.assessment_open(assessment=assessment, actor=facilitator)
    questions = assessment_questions(assessment=assessment)
    # Answers in bulk: the services' answer path has its own tests; here it would only make every test slow.
    rows = []
    for index, question in enumerate(questions):
        rows.append(
            Answer(
                assessment=assessment,
                user=facilitator,
                question_id=question.id,
                rating="goed",
                note="Dit ging goed." if index == 0 else "",
                evidence_url="https://example.org/brief.pdf" if index == 0 else "",
            )
        )
        for other in others:
            rows.append(
                Answer(
                    assessment=assessment,
                    user=other,
                    question_id=question.id,
                    rating=RATINGS[index % 4] if index % 7 else "nvt",
                    reason="Wij sturen geen brief." if not index % 7 else "",
                    note='=HYPERLINK("http://evil")' if index == 1 else "",
                )
            )
    Answer.objects.bulk_create(rows)
    services.assessment_reveal(assessment=assessment, actor=facilitator)
    services.consensus_save(
        assessment=assessment,
        actor=facilitator,
        question_id=questions[2].id,
        rating="onvoldoende",
        rationale="De brief noemt geen datum.",
    )
    action = services.action_create(
        assessment=assessment,
        actor=facilitator,
        title="Zet de datum in de brief",
        question_ids=[questions[2].id],
        owner=facilitator,
    )
    # A session of long ago: a new action may not get a past date, so the date is set on the row.
    Action.objects.filter(pk=action.pk).update(due_date=dt.date(2020, 1, 31))
    if close:
        services.assessment_close(assessment=assessment, actor=facilitator)
    assessment.refresh_from_db()
    return assessment


@pytest.fixture
def closed_assessment(initiative: Initiative, alice: User, bob: User) -> Assessment:
    return run_assessment(initiative=initiative, facilitator=alice, others=[bob])


@pytest.fixture
def open_assessment(initiative: Initiative, alice: User, bob: User) -> Assessment:
    """Open for answers: alice and bob answered one question each, nothing revealed."""
    assessment = services.assessment_create(initiative=initiative, actor=alice, title="Lopend gesprek")
    services.participant_invite(assessment=assessment, actor=alice, identifier="bob")
    services.assessment_open(assessment=assessment, actor=alice)
    question = load_frame().questions()[0]
    services.answer_save(
        assessment=assessment, user=alice, question_id=question.id, rating="goed", note="Geheim van Alice"
    )
    services.answer_save(
        assessment=assessment, user=bob, question_id=question.id, rating="slecht", note="Geheim van Bob"
    )
    return assessment
