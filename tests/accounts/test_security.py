from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import AuditEvent, Organisation, User
from denkraam.accounts.services import audit_record
from denkraam.cli import main
from tests.factories import TEST_PASSWORD, InitiativeFactory
from tests.otp import client_with_code

pytestmark = pytest.mark.django_db


def test_a_post_without_csrf_token_is_refused(alice: User, uwv: Organisation) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(reverse("initiatives:create"), {"name": "Zonder token", "owner": str(uwv.pk)})
    assert response.status_code == 403
    login = Client(enforce_csrf_checks=True).post(
        reverse("accounts:login"), {"username": "alice", "password": TEST_PASSWORD}
    )
    assert login.status_code == 403


def test_pages_carry_security_headers(client_for: Callable[[User], Client], alice: User) -> None:
    response = client_for(alice).get(reverse("initiatives:list"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"


def test_the_admin_shows_the_audit_log_read_only(client: Client, uwv: Organisation) -> None:
    admin = User.objects.create_superuser("beheer", "beheer@example.org", TEST_PASSWORD)
    event = audit_record(actor=admin, action="test.done", obj=uwv, summary="Iets gedaan.")
    client = client_with_code(admin)
    assert client.get("/beheer/accounts/auditevent/").status_code == 200
    assert client.get(f"/beheer/accounts/auditevent/{event.pk}/change/").status_code == 200
    assert client.get("/beheer/accounts/auditevent/add/").status_code == 403
    assert client.post(f"/beheer/accounts/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    for url in ["/beheer/accounts/organisation/", "/beheer/accounts/membership/", "/beheer/initiatives/initiative/"]:
        assert client.get(url).status_code == 200


def test_audit_record_names_the_object_and_ignores_anonymous_actors(uwv: Organisation) -> None:
    from django.contrib.auth.models import AnonymousUser

    initiative = InitiativeFactory(owner=uwv)
    event = audit_record(actor=AnonymousUser(), action="initiative.viewed", obj=initiative, summary="Bekeken.")
    assert (event.actor, event.object_type, event.object_id) == (None, "initiatives.initiative", str(initiative.pk))


def test_createadmin_makes_a_superuser_and_refuses_weak_passwords() -> None:
    runner = CliRunner()
    weak = runner.invoke(main, ["createadmin", "--username", "baas", "--email", "b@example.org"], input="123\n123\n")
    assert weak.exit_code != 0
    assert not User.objects.filter(username="baas").exists()
    strong = "lang-en-sterk-wachtwoord-77"
    result = runner.invoke(
        main, ["createadmin", "--username", "baas", "--email", "b@example.org"], input=f"{strong}\n{strong}\n"
    )
    assert result.exit_code == 0, result.output
    assert "Beheerder 'baas' is aangemaakt" in result.output
    user = User.objects.get(username="baas")
    assert user.is_superuser and user.check_password(strong)


def test_a_role_given_in_the_admin_is_logged(client: Client, uwv: Organisation, charlie: User) -> None:
    admin = User.objects.create_superuser("beheer", "beheer@example.org", TEST_PASSWORD)
    client = client_with_code(admin)
    response = client.post(
        "/beheer/accounts/membership/add/", {"user": charlie.pk, "organisation": str(uwv.pk), "role": "beheerder"}
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="membership.saved")
    assert event.actor == admin
    assert "Rol 'Beheerder' bij UWV gegeven voor charlie" in event.summary


def test_an_initiative_changed_in_the_admin_shows_up_in_its_logbook(
    client: Client, client_for: Callable[[User], Client], alice: User, uwv: Organisation
) -> None:
    initiative = InitiativeFactory(owner=uwv, name="Balie")
    admin = User.objects.create_superuser("beheer", "beheer@example.org", TEST_PASSWORD)
    client = client_with_code(admin)
    data = {
        "name": "Balie Utrecht",
        "description": initiative.description,
        "owner": str(uwv.pk),
        "target_groups": '["burgers"]',
        "channels": '["balie"]',
        "status": "in-gebruik",
    }
    response = client.post(f"/beheer/initiatives/initiative/{initiative.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    logbook = client_for(alice).get(f"/initiatieven/{initiative.pk}/logboek/").content.decode()
    assert "gewijzigd via beheer" in logbook
