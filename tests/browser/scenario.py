"""Set up sessions through the apps' services, for browser tests where the set-up itself is not under test."""

from __future__ import annotations

from dataclasses import dataclass

from denkraam.accounts.models import Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Assessment
from denkraam.framework import load_frame
from denkraam.initiatives.models import Initiative
from denkraam.initiatives.services import initiative_create

SCALE = ["goed", "voldoende", "onvoldoende", "slecht"]


@dataclass
class Session:
    initiative: Initiative
    assessment: Assessment


def initiative_for(*, user: User, owner: Organisation, partners: list[Organisation] | None = None) -> Initiative:
    return initiative_create(
        user=user,
        owner=owner,
        name="Brief over de WW-uitkering",
        description="De brief die iemand krijgt na de aanvraag van een WW-uitkering.",
        partners=partners or [],
        target_groups=["burgers"],
        channels=["brief", "website"],
        life_event="Werk verliezen",
        status=Initiative.Status.IN_GEBRUIK,
    )


def answer_all(*, assessment: Assessment, user: User, offset: int) -> None:
    """Answer every question; different offsets give different ratings, so people disagree."""
    for n, question in enumerate(load_frame().questions()):
        services.answer_save(
            assessment=assessment,
            user=user,
            question_id=question.id,
            rating=SCALE[(n + offset) % len(SCALE)],
            note=f"Toelichting bij vraag {n + 1}.",
        )


def session_for(
    *,
    facilitator: User,
    owner: Organisation,
    participants: list[User],
    stage: str = "open",
    partners: list[Organisation] | None = None,
) -> Session:
    """An assessment in the given stage: voorbereiding, open (facilitator answered), onthuld or gesloten."""
    initiative = initiative_for(user=facilitator, owner=owner, partners=partners)
    assessment = services.assessment_create(initiative=initiative, actor=facilitator, title="Gesprek over de WW-brief")
    for person in participants:
        services.participant_invite(assessment=assessment, actor=facilitator, identifier=person.username)
    if stage == "voorbereiding":
        return Session(initiative=initiative, assessment=assessment)
    services.assessment_open(assessment=assessment, actor=facilitator)
    answer_all(assessment=assessment, user=facilitator, offset=0)
    if stage == "open":
        return Session(initiative=initiative, assessment=assessment)
    for i, person in enumerate(participants, start=1):
        answer_all(assessment=assessment, user=person, offset=2 * i)
    services.assessment_reveal(assessment=assessment, actor=facilitator)
    first = load_frame().questions()[0].id
    services.consensus_save(
        assessment=assessment, actor=facilitator, question_id=first, rating="voldoende", rationale="Na overleg."
    )
    services.action_create(
        assessment=assessment, actor=facilitator, title="Termijn in de eerste alinea", question_ids=[first]
    )
    if stage == "gesloten":
        services.assessment_close(assessment=assessment, actor=facilitator)
    return Session(initiative=initiative, assessment=assessment)
