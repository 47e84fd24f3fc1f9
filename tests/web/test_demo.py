"""The demo: realistic, safe to load twice, and the people in it can log in."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client
from pytest_django.fixtures import Settings

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User
from denkraam.assessments.models import Action, Answer, Assessment, Consensus, Participant
from denkraam.assessments.selectors import agenda_for_assessment, assessment_results
from denkraam.cli import main
from denkraam.initiatives.models import Initiative
from denkraam.web.demo import demo_load
from tests.conf.loopback import BIN, denkraam_env

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


OWN_PASSWORD = "Een eigen, lang wachtwoord 2025"


@pytest.mark.django_db
def test_the_demo_leaves_existing_accounts_with_demo_names_as_they_were() -> None:
    beheer = User.objects.create_superuser("beheer", email="beheer@gemeente.example", password=OWN_PASSWORD)
    anna = User.objects.create_user(
        "anna", email="a.devries@uwv.example", password=OWN_PASSWORD, first_name="Annemarie"
    )
    lines = demo_load()
    beheer.refresh_from_db()
    anna.refresh_from_db()
    assert beheer.check_password(OWN_PASSWORD) and beheer.is_superuser and beheer.is_staff
    assert beheer.email == "beheer@gemeente.example"
    assert anna.check_password(OWN_PASSWORD) and not anna.is_superuser and not anna.is_staff
    assert (anna.email, anna.first_name, anna.last_name) == ("a.devries@uwv.example", "Annemarie", "")
    client = Client()
    refused = client.post("/inloggen/", {"username": "beheer", "password": "demo-wachtwoord"})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    assert client.post("/inloggen/", {"username": "bram", "password": "demo-wachtwoord"}).status_code == 302
    text = "\n".join(lines)
    assert "Overgeslagen, want ze bestonden al (wachtwoord, rechten en e-mail niet veranderd): anna, beheer." in text
    logins = text.split("wachtwoord 'demo-wachtwoord':")[1].splitlines()
    assert any(line.strip().startswith("bram") for line in logins)
    assert not any(line.strip().startswith(("anna", "beheer")) for line in logins)


@pytest.mark.django_db
def test_a_second_demo_run_does_not_reset_a_changed_demo_password() -> None:
    demo_load()
    bram = User.objects.get(username="bram")
    bram.set_password(OWN_PASSWORD)
    bram.save()
    demo_load()
    bram.refresh_from_db()
    assert bram.check_password(OWN_PASSWORD)


@pytest.mark.django_db
def test_without_superuser_the_demo_makes_no_administrator_with_the_public_password() -> None:
    lines = demo_load(superuser=False)
    assert not User.objects.filter(is_superuser=True).exists() and not User.objects.filter(username="beheer")
    assert any("Geen beheerder 'beheer' aangemaakt" in line and "denkraam createadmin" in line for line in lines)


def test_the_demo_command_refuses_a_production_database(tmp_path: Path) -> None:
    env = denkraam_env(
        tmp_path,
        DENKRAAM_ENVIRONMENT="production",
        SECRET_KEY="a-long-secret-key-for-this-test-only-" * 2,
        ALLOWED_HOSTS="denkraam.example.nl",
        DENKRAAM_SITE_URL="https://denkraam.example.nl",
    )
    result = subprocess.run([str(BIN / "denkraam"), "demo"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Dit is een productieomgeving (DENKRAAM_ENVIRONMENT=production)" in result.stderr
    assert "--allow-production" in result.stderr
    assert "Demo geladen" not in result.stdout
    assert not (tmp_path / "denkraam.sqlite3").exists()  # refused before the database was even opened


@pytest.mark.django_db
def test_in_production_the_demo_needs_the_flag_and_a_typed_yes(settings: Settings) -> None:
    settings.PRODUCTION = True
    beheer = User.objects.create_superuser("beheer", email="beheer@gemeente.example", password=OWN_PASSWORD)
    not_confirmed = CliRunner().invoke(main, ["demo", "--allow-production"], input="\n")
    assert not_confirmed.exit_code == 1
    assert "Er is niets geladen" in not_confirmed.output
    assert Initiative.objects.count() == 0
    confirmed = CliRunner().invoke(main, ["demo", "--allow-production"], input="ja\n")
    assert confirmed.exit_code == 0, confirmed.output
    assert Initiative.objects.count() == 5
    beheer.refresh_from_db()
    assert beheer.check_password(OWN_PASSWORD) and beheer.is_superuser
    assert "Overgeslagen, want ze bestonden al (wachtwoord, rechten en e-mail niet veranderd): beheer." in (
        confirmed.output
    )
