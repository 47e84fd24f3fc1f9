"""Writes that race a change of stage: nothing may land after the reveal or the close.

A real race first: participants post the questionnaire page from their own threads (each with its own database
connection, so the test database is transactional) while alice reveals from another thread. Every participant
keeps posting until the page refuses; the answers stored afterwards must be exactly those accepted before the
reveal. Then the same rule without threads: a copy of the session loaded before the reveal or the close (as a
request loads it at its start) cannot be used to write after it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connections
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Answer, Assessment, Consensus
from denkraam.framework import load_frame
from denkraam.initiatives.models import Initiative
from tests.factories import UserFactory
from tests.sqlite_threads import threads_share_a_database_file

PARTICIPANTS = 12
RATINGS = ("goed", "voldoende", "onvoldoende", "slecht")
MAX_ROUNDS = 500  # a participant who is never refused fails the test instead of looping for ever
TOO_LATE = "De antwoorden zijn al onthuld."


@pytest.mark.django_db(transaction=True)
def test_no_answer_is_stored_after_the_reveal_while_participants_keep_posting(
    initiative: Initiative, alice: User, client_for: Callable[[User], Client], tmp_path: Path
) -> None:
    assessment = services.assessment_create(initiative=initiative, actor=alice, title="Druk gesprek")
    people = [UserFactory(username=f"deelnemer{i}") for i in range(PARTICIPANTS)]
    for person in people:
        services.participant_invite(assessment=assessment, actor=alice, identifier=person.username)
    services.assessment_open(assessment=assessment, actor=alice)
    principle = load_frame().principles()[0]
    url = reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})
    clients = {person.username: client_for(person) for person in people}

    start = threading.Barrier(PARTICIPANTS + 1)
    first_saved = threading.Event()  # also set when a participant fails, so the reveal never waits in vain
    accepted: dict[str, list[int]] = {name: [] for name in clients}
    refused: dict[str, list[str]] = {name: [] for name in clients}
    errors: list[BaseException] = []

    def post_until_refused(name: str, client: Client) -> None:
        try:
            start.wait()
            for round_ in range(MAX_ROUNDS):
                data = {"principe": principle.id}
                for q in principle.questions:
                    data[f"{q.id}-rating"] = RATINGS[round_ % len(RATINGS)]
                    data[f"{q.id}-note"] = f"{name} ronde {round_}"
                response = client.post(url, data)
                if response.status_code == 302:
                    accepted[name].append(round_)
                    first_saved.set()
                    continue
                refused[name].append(f"{response.status_code} {response.content.decode()}")
                return
        except BaseException as exc:  # reported below: an exception in a thread would otherwise vanish
            errors.append(exc)
            first_saved.set()
        finally:
            connections.close_all()

    def reveal() -> None:
        try:
            start.wait()
            assert first_saved.wait(timeout=60), "no participant could save an answer"
            services.assessment_reveal(assessment=Assessment.objects.get(pk=assessment.pk), actor=alice)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post_until_refused, args=item) for item in clients.items()]
    threads.append(threading.Thread(target=reveal))
    with threads_share_a_database_file(tmp_path):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads)

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.ONTHULD
    # Nothing stored carries a moment after the reveal ...
    answers = list(Answer.objects.filter(assessment=assessment).select_related("user"))
    assert answers
    late = [a for a in answers if assessment.revealed_at is None or a.updated_at > assessment.revealed_at]
    assert not late, f"{len(late)} of {len(answers)} answers were saved after the reveal"
    # ... and what everyone sees now is exactly the last version each participant got accepted.
    stored = {(a.user.username, a.question_id): a.note for a in answers}
    expected = {
        (name, q.id): f"{name} ronde {rounds[-1]}"
        for name, rounds in accepted.items()
        if rounds
        for q in principle.questions
    }
    assert stored == expected
    # Everyone was refused in the end, with a Dutch message that says why.
    for name, pages in refused.items():
        assert len(pages) == 1, name
        assert pages[0].startswith("400 "), (name, pages[0][:200])
        assert TOO_LATE in pages[0], name


@pytest.mark.django_db
def test_a_copy_loaded_before_the_reveal_cannot_save_or_clear_answers_or_invite_after_it(
    assessment: Assessment, alice: User, bob: User, charlie: User
) -> None:
    question = load_frame().questions()[0].id
    services.answer_save(assessment=assessment, user=bob, question_id=question, rating="goed", note="voor")
    stale = Assessment.objects.get(pk=assessment.pk)  # what a request loaded at its start
    services.assessment_reveal(assessment=Assessment.objects.get(pk=assessment.pk), actor=alice)
    assert stale.status == Assessment.Status.OPEN
    with pytest.raises(ValidationError) as saving:
        services.answer_save(assessment=stale, user=bob, question_id=question, rating="slecht", note="na")
    assert saving.value.messages == ["De antwoorden zijn al onthuld. U kunt uw antwoorden niet meer wijzigen."]
    with pytest.raises(ValidationError) as clearing:
        services.answer_clear(assessment=stale, participant_user=bob, question_id=question)
    assert "al onthuld" in clearing.value.messages[0]
    with pytest.raises(ValidationError) as inviting:
        services.participant_invite(assessment=stale, actor=alice, identifier="charlie")
    assert inviting.value.messages == ["Na het onthullen kunt u geen deelnemers meer uitnodigen."]
    assert Answer.objects.get(assessment=assessment, user=bob).note == "voor"
    assert not assessment.participants.filter(user=charlie).exists()


@pytest.mark.django_db
def test_a_copy_loaded_before_closing_cannot_add_consensus_or_change_actions_after_it(
    assessment: Assessment, alice: User, bob: User
) -> None:
    question = load_frame().questions()[0].id
    services.answer_save(assessment=assessment, user=bob, question_id=question, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    action = services.action_create(assessment=assessment, actor=alice, title="Brief herschrijven")
    stale = Assessment.objects.get(pk=assessment.pk)
    services.assessment_close(assessment=Assessment.objects.get(pk=assessment.pk), actor=alice)
    closed = "Dit gesprek is gesloten. U kunt niets meer wijzigen."
    attempts = [
        lambda: services.consensus_save(
            assessment=stale, actor=alice, question_id=question, rating="goed", rationale="Toch"
        ),
        lambda: services.action_create(assessment=stale, actor=alice, title="Te laat"),
        lambda: services.action_status_set(action=action, actor=alice, status="klaar"),  # holds its old copy
        lambda: services.assessment_close(assessment=stale, actor=alice),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.messages == [closed]
    assert not Consensus.objects.filter(assessment=assessment).exists()
    assert list(Action.objects.filter(assessment=assessment).values_list("title", "status")) == [
        ("Brief herschrijven", "open")
    ]
