"""The confirmation pages before the two steps that cannot be undone: revealing the answers and closing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.assessments import services
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors import assessment_questions
from tests.assessments.factories import answers_set

Q1 = "betrouwbaar-afspraken"
Q2 = "betrouwbaar-volgende-stap"
ClientFor = Callable[[User], Client]


def _url(assessment: Assessment, step: str) -> str:
    return reverse(f"assessments:{step}", kwargs={"assessment_id": assessment.pk})


def _status(assessment: Assessment) -> str:
    return Assessment.objects.get(pk=assessment.pk).status


@pytest.fixture
def answered(assessment: Assessment, alice: User, bob: User) -> Assessment:
    """Open; alice answered every question, bob two of them."""
    answers_set(
        assessment=assessment, user=alice, ratings={q.id: "goed" for q in assessment_questions(assessment=assessment)}
    )
    answers_set(assessment=assessment, user=bob, ratings={Q1: "slecht", Q2: "goed"})
    return assessment


@pytest.fixture
def revealed(answered: Assessment, alice: User) -> Assessment:
    services.assessment_reveal(assessment=answered, actor=alice)
    services.consensus_save(assessment=answered, actor=alice, question_id=Q1, rating="voldoende", rationale="Samen.")
    return answered


def test_the_overview_buttons_lead_to_the_confirmation_pages(
    answered: Assessment, alice: User, client_for: ClientFor
) -> None:
    html = client_for(alice).get(reverse("assessments:detail", kwargs={"assessment_id": answered.pk})).content.decode()
    assert f'href="{_url(answered, "reveal")}">Antwoorden onthullen</a>' in html
    assert 'action="' + _url(answered, "reveal") not in html


def test_the_reveal_page_lists_who_has_not_finished_and_changes_nothing(
    answered: Assessment, alice: User, client_for: ClientFor
) -> None:
    total = len(assessment_questions(assessment=answered))
    response = client_for(alice).get(_url(answered, "reveal"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 van de 2 deelnemers heeft nog niet alle" in html
    assert f"Bob (UWV): nog {total - 2} vragen open, 2 van {total} beantwoord" in html
    assert "Alice (UWV)" not in html
    assert "Dit kunt u niet ongedaan maken" in html and "Ja, antwoorden onthullen" in html
    assert f'href="{reverse("assessments:detail", kwargs={"assessment_id": answered.pk})}">Annuleren' in html
    assert _status(answered) == Assessment.Status.OPEN


def test_a_reveal_post_without_the_confirmation_does_nothing(
    answered: Assessment, alice: User, client_for: ClientFor
) -> None:
    response = client_for(alice).post(_url(answered, "reveal"))
    assert response.status_code == 400
    assert "Er is niets veranderd" in response.content.decode()
    response = client_for(alice).post(_url(answered, "reveal"), {"bevestigen": "nee"})
    assert response.status_code == 400
    assert _status(answered) == Assessment.Status.OPEN


def test_the_confirmed_reveal_shows_the_answers(answered: Assessment, alice: User, client_for: ClientFor) -> None:
    response = client_for(alice).post(_url(answered, "reveal"), {"bevestigen": "ja"}, follow=True)
    assert "De antwoorden zijn onthuld." in response.content.decode()
    assert _status(answered) == Assessment.Status.ONTHULD


def test_the_close_page_lists_the_questions_without_consensus(
    revealed: Assessment, alice: User, client_for: ClientFor
) -> None:
    questions = assessment_questions(assessment=revealed)
    html = client_for(alice).get(_url(revealed, "close")).content.decode()
    assert f"{len(questions) - 1} van de {len(questions)} vragen hebben nog geen gezamenlijk oordeel" in html
    second = next(q for q in questions if q.id == Q2)
    first = next(q for q in questions if q.id == Q1)
    assert f"{second.text}</a>" in html and f"{first.text}</a>" not in html
    assert "Bob (UWV): nog" in html and "Ja, gesprek sluiten" in html
    assert _status(revealed) == Assessment.Status.ONTHULD


def test_a_close_post_without_the_confirmation_does_nothing(
    revealed: Assessment, alice: User, client_for: ClientFor
) -> None:
    response = client_for(alice).post(_url(revealed, "close"), {"opslaan": "1"})
    assert response.status_code == 400 and "u heeft het sluiten niet bevestigd" in response.content.decode()
    assert _status(revealed) == Assessment.Status.ONTHULD
    client_for(alice).post(_url(revealed, "close"), {"bevestigen": "ja"})
    assert _status(revealed) == Assessment.Status.GESLOTEN


def test_a_close_page_in_the_wrong_stage_says_why_and_goes_back(
    answered: Assessment, alice: User, client_for: ClientFor
) -> None:
    response = client_for(alice).get(_url(answered, "close"), follow=True)
    assert "Onthul eerst de antwoorden" in response.content.decode()
    assert _status(answered) == Assessment.Status.OPEN


def test_bob_cannot_reveal_or_close_even_with_the_confirmation(
    revealed: Assessment, bob: User, client_for: ClientFor
) -> None:
    client = client_for(bob)
    page = client.get(_url(revealed, "close"))
    assert page.status_code == 403
    assert "Alleen de gespreksleider mag het gesprek sluiten." in page.content.decode()
    assert client.post(_url(revealed, "close"), {"bevestigen": "ja"}).status_code == 403
    assert client.get(_url(revealed, "reveal")).status_code == 403
    assert _status(revealed) == Assessment.Status.ONTHULD


def test_charlie_gets_404_on_both_confirmation_pages_and_nothing_changes(
    revealed: Assessment, charlie: User, client_for: ClientFor
) -> None:
    client = client_for(charlie)
    for step in ("reveal", "close"):
        assert client.get(_url(revealed, step)).status_code == 404
        assert client.post(_url(revealed, step), {"bevestigen": "ja"}).status_code == 404
    assert _status(revealed) == Assessment.Status.ONTHULD
