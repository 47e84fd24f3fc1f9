"""The stages of a conversation and their rules, through the services."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from denkraam.accounts.models import AuditEvent, Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Answer, Assessment

Q1 = "betrouwbaar-afspraken"


def test_it_makes_the_creator_facilitator_and_participant(assessment: Assessment, alice: User) -> None:
    assert assessment.facilitator == alice
    assert set(assessment.participants.values_list("user__username", flat=True)) == {"alice", "bob"}


def test_a_lezer_cannot_start_an_assessment(initiative, uwv: Organisation) -> None:
    from tests.factories import MembershipFactory, UserFactory

    reader = UserFactory(username="lezer")
    MembershipFactory(user=reader, organisation=uwv, role="lezer")
    with pytest.raises(PermissionDenied):
        services.assessment_create(initiative=initiative, actor=reader, title="Mag niet")


def test_not_applicable_requires_a_reason_in_dutch(assessment: Assessment, bob: User) -> None:
    with pytest.raises(ValidationError) as exc:
        services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="nvt", reason="  ")
    assert "waarom deze vraag niet van toepassing is" in " ".join(exc.value.messages)
    answer = services.answer_save(
        assessment=assessment, user=bob, question_id=Q1, rating="nvt", reason="Er is geen termijn."
    )
    assert answer.reason == "Er is geen termijn."


def test_it_rejects_an_unknown_rating_and_question(assessment: Assessment, bob: User) -> None:
    with pytest.raises(ValidationError):
        services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="prima")
    with pytest.raises(ValidationError):
        services.answer_save(assessment=assessment, user=bob, question_id="bestaat-niet", rating="goed")


def test_a_non_participant_cannot_answer(assessment: Assessment, charlie: User) -> None:
    with pytest.raises(PermissionDenied):
        services.answer_save(assessment=assessment, user=charlie, question_id=Q1, rating="goed")


def test_an_invited_participant_from_another_organisation_can_answer(
    assessment: Assessment, alice: User, charlie: User, kvk: Organisation
) -> None:
    participant = services.participant_invite(assessment=assessment, actor=alice, identifier="CHARLIE@example.org")
    assert participant.organisation == kvk
    services.answer_save(assessment=assessment, user=charlie, question_id=Q1, rating="slecht", note="Te laat.")
    assert Answer.objects.get(user=charlie).rating == "slecht"


def test_only_the_facilitator_invites(assessment: Assessment, bob: User) -> None:
    with pytest.raises(PermissionDenied):
        services.participant_invite(assessment=assessment, actor=bob, identifier="charlie")


def test_inviting_an_unknown_person_says_so_in_dutch(assessment: Assessment, alice: User) -> None:
    with pytest.raises(ValidationError, match="geen gebruiker gevonden"):
        services.participant_invite(assessment=assessment, actor=alice, identifier="niemand")


def test_only_the_facilitator_reveals_and_records_consensus(assessment: Assessment, alice: User, bob: User) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    with pytest.raises(PermissionDenied):
        services.assessment_reveal(assessment=assessment, actor=bob)
    services.assessment_reveal(assessment=assessment, actor=alice)
    with pytest.raises(PermissionDenied):
        services.consensus_save(assessment=assessment, actor=bob, question_id=Q1, rating="goed", rationale="Eens.")
    consensus = services.consensus_save(
        assessment=assessment, actor=alice, question_id=Q1, rating="voldoende", rationale="Termijnen soms te laat."
    )
    assert consensus.decided_by == alice


def test_a_begeleider_of_the_owner_may_steer_someone_elses_assessment(initiative, bob: User, alice: User) -> None:
    assessment = services.assessment_create(initiative=initiative, actor=bob, title="Bob leidt")
    services.participant_invite(assessment=assessment, actor=alice, identifier="alice")
    assert services.assessment_open(assessment=assessment, actor=alice).status == "open"


def test_consensus_needs_a_rationale(assessment: Assessment, alice: User, bob: User) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    with pytest.raises(ValidationError, match="waarom de groep"):
        services.consensus_save(assessment=assessment, actor=alice, question_id=Q1, rating="goed", rationale="")


def test_answers_are_fixed_after_the_reveal(assessment: Assessment, alice: User, bob: User) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    with pytest.raises(ValidationError, match="onthuld"):
        services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="slecht")


def test_a_closed_assessment_rejects_every_write(assessment: Assessment, alice: User, bob: User) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    action = services.action_create(assessment=assessment, actor=bob, title="Termijn in de brief zetten")
    services.assessment_close(assessment=assessment, actor=alice)
    writes = [
        lambda: services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="slecht"),
        lambda: services.consensus_save(
            assessment=assessment, actor=alice, question_id=Q1, rating="goed", rationale="Te laat."
        ),
        lambda: services.action_create(assessment=assessment, actor=alice, title="Nog een"),
        lambda: services.action_status_set(action=action, actor=alice, status="klaar"),
        lambda: services.assessment_close(assessment=assessment, actor=alice),
        lambda: services.assessment_reveal(assessment=assessment, actor=alice),
    ]
    for write in writes:
        with pytest.raises(ValidationError, match="gesloten"):
            write()
    assert Answer.objects.get(user=bob).rating == "goed"


def test_every_write_is_in_the_audit_log_without_revealing_ratings(
    assessment: Assessment, alice: User, bob: User
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="slecht", note="geheim")
    event = AuditEvent.objects.filter(action="answer.saved").get()
    assert event.actor == bob
    assert event.data["initiative_id"] == str(assessment.initiative_id)
    assert "slecht" not in event.summary and "slecht" not in str(event.data)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"assessment.created", "participant.invited", "assessment.opened", "answer.saved"} <= actions


def test_saving_the_same_answer_twice_writes_one_log_line(assessment: Assessment, bob: User) -> None:
    for _ in range(2):
        services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    assert AuditEvent.objects.filter(action="answer.saved").count() == 1


def test_an_action_owner_must_be_a_participant(assessment: Assessment, alice: User, charlie: User) -> None:
    with pytest.raises(ValidationError, match="deelnemer"):
        services.action_create(assessment=assessment, actor=alice, title="Iets", owner=charlie)
    action = services.action_create(assessment=assessment, actor=alice, title="Iets", owner_name="Team Brieven")
    assert action.owner_display == "Team Brieven"
