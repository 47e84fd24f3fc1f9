from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from denkraam.accounts.models import User
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_login_sends_people_to_mijn_gesprekken(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": TEST_PASSWORD})
    assert response["Location"] == reverse("web:my_conversations")


def test_a_wrong_password_gives_a_dutch_message(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": "fout"})
    assert response.status_code == 200
    assert "Uw gebruikersnaam of wachtwoord klopt niet" in response.content.decode()


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_too_many_failed_logins_are_blocked_even_with_the_right_password(client: Client, alice: User) -> None:
    url = reverse("accounts:login")
    statuses = [client.post(url, {"username": "alice", "password": "fout"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = client.post(url, {"username": "alice", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "Wacht 15 minuten" in response.content.decode()
    assert 'value="alice"' in response.content.decode()  # the user name typed is still there
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_the_limit_counts_per_user_name_and_address(client: Client, alice: User, bob: User) -> None:
    url = reverse("accounts:login")
    for _ in range(3):
        client.post(url, {"username": "alice", "password": "fout"})
    # Another address may still try alice, and bob from the same address is not locked out by alice's failures.
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(url, {"username": "alice", "password": TEST_PASSWORD}).status_code == 302
    assert client.post(url, {"username": "bob", "password": TEST_PASSWORD}).status_code == 302


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_FAILURE_LIMIT_PER_ADDRESS=4)
def test_one_address_trying_many_user_names_is_blocked_too(client: Client, alice: User, bob: User) -> None:
    url = reverse("accounts:login")
    guesses = ["anna", "bram", "chantal", "dirk"]
    statuses = [client.post(url, {"username": name, "password": "Welkom01!"}).status_code for name in guesses]
    assert statuses == [200, 200, 200, 429]
    # From that address even a right password for an untouched account waits; another address is not affected.
    assert client.post(url, {"username": "bob", "password": TEST_PASSWORD}).status_code == 429
    assert Client(REMOTE_ADDR="10.0.0.9").post(url, {"username": "bob", "password": TEST_PASSWORD}).status_code == 302


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_a_successful_login_resets_the_count(client: Client, alice: User) -> None:
    url = reverse("accounts:login")
    for _ in range(2):
        client.post(url, {"username": "alice", "password": "fout"})
    assert client.post(url, {"username": "alice", "password": TEST_PASSWORD}).status_code == 302
    client.post(reverse("accounts:logout"))
    statuses = [client.post(url, {"username": "alice", "password": "fout"}).status_code for _ in range(2)]
    assert statuses == [200, 200]


def test_logout_needs_a_post(client_for: Callable[[User], Client], alice: User) -> None:
    client = client_for(alice)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_dutch_email_with_a_working_link(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": alice.email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Nieuw wachtwoord voor denkraam"
    assert "U heeft gevraagd om een nieuw wachtwoord" in message.body
    link = next(line for line in message.body.splitlines() if "/wachtwoord-herstellen/" in line)
    assert link.startswith(f"{settings.SITE_URL}/wachtwoord-herstellen/")
    path = link.removeprefix(settings.SITE_URL)
    form_page = client.get(path, follow=True)
    assert "Nieuw wachtwoord kiezen" in form_page.content.decode()
    new_password = "een-heel-nieuw-wachtwoord-42"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    alice.refresh_from_db()
    assert alice.check_password(new_password)


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": "onbekend@example.org"}, follow=True)
    assert "Kijk in uw e-mail" in response.content.decode()
    assert mail.outbox == []


def test_an_invalid_reset_link_is_explained(client: Client, alice: User) -> None:
    response = client.get("/wachtwoord-herstellen/MQ/ongeldig-token/")
    assert "Deze link werkt niet meer" in response.content.decode()


def test_my_organisations_lists_role_per_organisation(client_for: Callable[[User], Client], alice: User) -> None:
    html = client_for(alice).get(reverse("accounts:my_organisations")).content.decode()
    assert "UWV" in html
    assert "Begeleider" in html
