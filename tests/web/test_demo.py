"""The demo: realistic, safe to load twice, and the people in it can log in."""

from __future__ import annotations

import pytest
from django.test import Client

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User
from denkraam.assessments.models import Action, Answer, Assessment, Consensus, Participant
from denkraam.assessments.selectors import agenda_for_assessment, assessment_results
from denkraam.initiatives.models import Initiative
from denkraam.web.demo import demo_load

MODELS = (Organisation, User, Membership, Initiative, Assessment, Participant, Answer, Consensus, Action, AuditEvent)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.django_db
def test_the_demo_loads_twice_with_the_same_counts() -> None:
    lines = demo_load()
    first = _counts()
    demo_load()
    assert _counts() == first
    assert first["Organisation"] == 3 and first["Initiative"] == 5 and first["Assessment"] == 2
    assert any("demo-wachtwoord" in line for line in lines)
    assert any(line.strip().startswith("anna") for line in lines)


@pytest.mark.django_db
def test_the_finished_demo_conversation_has_disagreements_consensus_and_actions() -> None:
    demo_load()
    closed = Assessment.objects.get(status=Assessment.Status.GESLOTEN)
    assert closed.closed_at is not None and closed.participants.count() == 4
    assert 3 <= closed.actions.count() <= 4
    assert all(c.rationale for c in closed.consensus.all())
    agenda = agenda_for_assessment(assessment=closed)
    assert sum(item.disagreement for item in agenda) >= 5
    assert all(need.score is not None for need in assessment_results(assessment=closed).needs)
    running = Assessment.objects.get(status=Assessment.Status.OPEN)
    answered = {p.user.username: p.user for p in running.participants.select_related("user")}
    counts = {name: Answer.objects.filter(assessment=running, user=user).count() for name, user in answered.items()}
    assert counts["bram"] == 0 and 0 < counts["anna"] < counts["dirk"] < 46


@pytest.mark.django_db
def test_a_demo_user_can_log_in_and_open_the_running_conversation() -> None:
    demo_load()
    client = Client()
    response = client.post("/inloggen/", {"username": "anna", "password": "demo-wachtwoord"})
    assert response.status_code == 302
    running = Assessment.objects.get(status=Assessment.Status.OPEN)
    page = client.get(f"/gesprekken/{running.pk}/")
    assert page.status_code == 200 and "Voortgang" in page.content.decode()
