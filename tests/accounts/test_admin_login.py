"""The admin's login (/beheer/login/) is the app's login: the same Dutch form and the same rate limits."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from denkraam.accounts.models import User
from tests.factories import TEST_PASSWORD
from tests.otp import totp_code, totp_device_for

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/beheer/login/"


@pytest.fixture
def beheer(db: None) -> User:
    return User.objects.create_superuser("beheer", "beheer@example.org", TEST_PASSWORD)


def test_forty_wrong_admin_passwords_block_the_right_one_too(client: Client, beheer: User) -> None:
    for _ in range(40):
        client.post(ADMIN_LOGIN, {"username": "beheer", "password": "fout"})
    response = client.post(ADMIN_LOGIN, {"username": "beheer", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "Wacht 15 minuten" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT_PER_ADDRESS=4)
def test_an_address_blocked_at_the_app_login_is_blocked_at_the_admin_login(client: Client, beheer: User) -> None:
    for name in ["anna", "bram", "chantal", "dirk"]:
        client.post("/inloggen/", {"username": name, "password": "Welkom01!"})
    response = client.post(ADMIN_LOGIN, {"username": "beheer", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_failures_at_the_admin_login_count_for_the_app_login(client: Client, beheer: User) -> None:
    for _ in range(3):
        client.post(ADMIN_LOGIN, {"username": "beheer", "password": "fout"})
    assert client.post("/inloggen/", {"username": "beheer", "password": TEST_PASSWORD}).status_code == 429


def test_an_administrator_logs_in_at_the_admin_login_and_lands_in_the_admin(client: Client, beheer: User) -> None:
    device = totp_device_for(beheer)
    page = client.get(ADMIN_LOGIN)
    assert page.status_code == 200
    assert "Inloggen" in page.content.decode()
    assert "Gebruikersnaam" in page.content.decode()
    response = client.post(ADMIN_LOGIN, {"username": "beheer", "password": TEST_PASSWORD, "next": "/beheer/"})
    assert response["Location"] == "/inloggen/code/"  # the password is right; the code from the app comes next
    response = client.post("/inloggen/code/", {"otp_token": totp_code(device)})
    assert response.status_code == 302
    assert response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_the_admin_sends_anonymous_visitors_to_the_dutch_login_and_back(client: Client, beheer: User) -> None:
    response = client.get("/beheer/", follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="nl"' in html
    assert 'name="next" value="/beheer/"' in html


def test_someone_without_admin_rights_is_told_so_in_dutch(client: Client, bob: User) -> None:
    client.post(ADMIN_LOGIN, {"username": "bob", "password": TEST_PASSWORD, "next": "/beheer/"})
    response = client.get("/beheer/", follow=True)
    html = response.content.decode()
    assert "U bent ingelogd als bob, maar dit account heeft geen toegang tot het beheer." in html
