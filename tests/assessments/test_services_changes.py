"""Taking things back: removing a participant, editing an action, clearing an answer, through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from denkraam.accounts.models import AuditEvent, User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Answer, Assessment, Participant
from denkraam.assessments.selectors import assessment_progress

Q1 = "betrouwbaar-afspraken"
Q2 = "betrouwbaar-volgende-stap"


def _participant(assessment: Assessment, user: User) -> Participant:
    return Participant.objects.get(assessment=assessment, user=user)


def _answered(assessment: Assessment, user: User) -> int:
    return next(row.answered for row in assessment_progress(assessment=assessment) if row.participant.user == user)


# Removing a participant


def test_the_facilitator_removes_a_participant_and_their_answers_go_with_them(
    assessment: Assessment, alice: User, bob: User
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="slecht")
    services.answer_save(assessment=assessment, user=bob, question_id=Q2, rating="goed")
    services.answer_save(assessment=assessment, user=alice, question_id=Q1, rating="goed")
    services.participant_remove(assessment=assessment, actor=alice, participant=_participant(assessment, bob))
    assert list(assessment.participants.values_list("user__username", flat=True)) == ["alice"]
    assert not Answer.objects.filter(assessment=assessment, user=bob).exists()
    assert Answer.objects.filter(assessment=assessment, user=alice).count() == 1


def test_removing_a_participant_is_logged_without_their_ratings(assessment: Assessment, alice: User, bob: User) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="slecht", note="geheim")
    services.participant_remove(assessment=assessment, actor=alice, participant=_participant(assessment, bob))
    event = AuditEvent.objects.get(action="participant.removed")
    assert event.actor == alice and "Bob" in event.summary and "verwijderd" in event.summary
    assert event.data["answers_removed"] == 1 and event.data["initiative_id"] == str(assessment.initiative_id)
    assert "slecht" not in event.summary + str(event.data) and "geheim" not in str(event.data)


def test_a_participant_can_be_removed_before_the_questionnaire_opens(initiative, alice: User, bob: User) -> None:
    draft = services.assessment_create(initiative=initiative, actor=alice, title="Nog in voorbereiding")
    participant = services.participant_invite(assessment=draft, actor=alice, identifier="bob")
    services.participant_remove(assessment=draft, actor=alice, participant=participant)
    assert not draft.participants.filter(user=bob).exists()


def test_bob_cannot_remove_a_participant(assessment: Assessment, alice: User, bob: User, charlie: User) -> None:
    charlies = services.participant_invite(assessment=assessment, actor=alice, identifier="charlie")
    with pytest.raises(PermissionDenied, match="Alleen de gespreksleider mag deelnemers verwijderen"):
        services.participant_remove(assessment=assessment, actor=bob, participant=charlies)
    assert assessment.participants.filter(user=charlie).exists()


def test_the_facilitator_cannot_be_removed(assessment: Assessment, alice: User) -> None:
    with pytest.raises(ValidationError, match="De gespreksleider kan niet uit het eigen gesprek"):
        services.participant_remove(assessment=assessment, actor=alice, participant=_participant(assessment, alice))
    assert assessment.participants.filter(user=alice).exists()


def test_nobody_is_removed_after_the_reveal_or_the_close(assessment: Assessment, alice: User, bob: User) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    with pytest.raises(ValidationError, match="Iedereen heeft hun antwoorden dan al gezien"):
        services.participant_remove(assessment=assessment, actor=alice, participant=_participant(assessment, bob))
    services.assessment_close(assessment=assessment, actor=alice)
    with pytest.raises(ValidationError, match="gesloten"):
        services.participant_remove(assessment=assessment, actor=alice, participant=_participant(assessment, bob))
    assert Answer.objects.filter(user=bob).count() == 1


def test_a_participant_of_another_assessment_cannot_be_removed_through_this_one(
    assessment: Assessment, initiative, alice: User, bob: User
) -> None:
    other = services.assessment_create(initiative=initiative, actor=alice, title="Ander gesprek")
    bobs_other = services.participant_invite(assessment=other, actor=alice, identifier="bob")
    with pytest.raises(ValidationError, match="doet niet mee"):
        services.participant_remove(assessment=assessment, actor=alice, participant=bobs_other)
    assert other.participants.filter(user=bob).exists()


def test_actions_of_a_removed_participant_keep_their_name_as_owner(
    assessment: Assessment, alice: User, bob: User
) -> None:
    action = services.action_create(assessment=assessment, actor=alice, title="Brief herschrijven", owner=bob)
    services.participant_remove(assessment=assessment, actor=alice, participant=_participant(assessment, bob))
    action.refresh_from_db()
    assert action.owner is None and action.owner_display == "Bob"


# Editing an action


@pytest.fixture
def action(assessment: Assessment, alice: User) -> Action:
    return services.action_create(
        assessment=assessment, actor=alice, title="Termijn noemen", description="In de eerste alinea."
    )


def test_a_participant_edits_an_action(action: Action, bob: User) -> None:
    due = dt.date(2030, 3, 1)
    services.action_update(
        action=action,
        actor=bob,
        title="  Termijn noemen in de brief ",
        description="In de eerste alinea.",
        owner=bob,
        owner_name="wordt genegeerd",
        due_date=due,
    )
    action.refresh_from_db()
    assert (action.title, action.owner, action.owner_name, action.due_date) == (
        "Termijn noemen in de brief",
        bob,
        "",
        due,
    )


def test_editing_an_action_logs_which_fields_changed(action: Action, alice: User) -> None:
    services.action_update(
        action=action, actor=alice, title="Termijn noemen", description="Anders", owner_name="Team Brieven"
    )
    event = AuditEvent.objects.get(action="action.updated")
    assert event.summary.endswith("gewijzigd: beschrijving, eigenaar.")
    assert event.data["fields"] == ["description", "owner_name"]


def test_saving_an_action_unchanged_writes_no_log_line(action: Action, alice: User) -> None:
    services.action_update(action=action, actor=alice, title="Termijn noemen", description="In de eerste alinea.")
    assert not AuditEvent.objects.filter(action="action.updated").exists()


def test_an_edited_action_keeps_its_questions_unless_new_ones_are_given(action: Action, alice: User) -> None:
    services.action_update(action=action, actor=alice, title="Termijn noemen", question_ids=[Q1, "bestaat-niet"])
    assert Action.objects.get(pk=action.pk).question_ids == [Q1]
    services.action_update(action=action, actor=alice, title="Termijn noemen")
    assert Action.objects.get(pk=action.pk).question_ids == [Q1]


def test_an_edited_action_needs_a_title_and_a_participant_as_owner(action: Action, alice: User, charlie: User) -> None:
    with pytest.raises(ValidationError, match="Geef de actie een titel"):
        services.action_update(action=action, actor=alice, title="   ")
    with pytest.raises(ValidationError, match="De eigenaar moet een deelnemer of de gespreksleider zijn"):
        services.action_update(action=action, actor=alice, title="Termijn noemen", owner=charlie)
    assert Action.objects.get(pk=action.pk).title == "Termijn noemen"


def test_someone_who_only_reads_cannot_edit_an_action(action: Action, uwv) -> None:
    from tests.factories import MembershipFactory, UserFactory

    reader = UserFactory(username="lezer")
    MembershipFactory(user=reader, organisation=uwv, role="lezer")
    with pytest.raises(PermissionDenied, match="Alleen deelnemers en de gespreksleider"):
        services.action_update(action=action, actor=reader, title="Mag niet")


def test_an_action_of_a_closed_assessment_cannot_be_edited(
    assessment: Assessment, action: Action, alice: User, bob: User
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    services.action_update(action=action, actor=bob, title="Na het onthullen mag het nog")
    services.assessment_close(assessment=assessment, actor=alice)
    with pytest.raises(ValidationError, match="Dit gesprek is gesloten"):
        services.action_update(action=action, actor=alice, title="Te laat")
    assert Action.objects.get(pk=action.pk).title == "Na het onthullen mag het nog"


# Clearing an answer


def test_a_participant_clears_an_answer_and_the_progress_count_drops(assessment: Assessment, bob: User) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="slecht", note="Te laat.")
    services.answer_save(assessment=assessment, user=bob, question_id=Q2, rating="goed")
    assert _answered(assessment, bob) == 2
    services.answer_clear(assessment=assessment, participant_user=bob, question_id=Q1)
    assert _answered(assessment, bob) == 1
    assert list(Answer.objects.filter(user=bob).values_list("question_id", flat=True)) == [Q2]
    event = AuditEvent.objects.get(action="answer.cleared")
    assert event.actor == bob and Q1 in event.summary and "slecht" not in event.summary + str(event.data)


def test_clearing_an_unanswered_question_changes_nothing(assessment: Assessment, bob: User) -> None:
    services.answer_clear(assessment=assessment, participant_user=bob, question_id=Q1)
    assert not AuditEvent.objects.filter(action="answer.cleared").exists()
    with pytest.raises(ValidationError, match="Deze vraag bestaat niet"):
        services.answer_clear(assessment=assessment, participant_user=bob, question_id="bestaat-niet")


def test_only_ones_own_answer_can_be_cleared(assessment: Assessment, bob: User, charlie: User) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    with pytest.raises(PermissionDenied, match="U doet niet mee"):
        services.answer_clear(assessment=assessment, participant_user=charlie, question_id=Q1)
    assert Answer.objects.filter(user=bob).exists()


def test_answers_cannot_be_cleared_after_the_reveal_or_the_close(
    assessment: Assessment, alice: User, bob: User
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    with pytest.raises(ValidationError, match="U kunt uw antwoorden niet meer wissen"):
        services.answer_clear(assessment=assessment, participant_user=bob, question_id=Q1)
    services.assessment_close(assessment=assessment, actor=alice)
    with pytest.raises(ValidationError, match="gesloten"):
        services.answer_clear(assessment=assessment, participant_user=bob, question_id=Q1)
    assert Answer.objects.filter(user=bob).count() == 1


def test_answers_cannot_be_cleared_before_the_questionnaire_opens(initiative, alice: User) -> None:
    draft = services.assessment_create(initiative=initiative, actor=alice, title="Nog dicht")
    with pytest.raises(ValidationError, match="nog niet geopend"):
        services.answer_clear(assessment=draft, participant_user=alice, question_id=Q1)
