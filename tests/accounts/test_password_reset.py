"""Password reset: links from DENKRAAM_SITE_URL only, and a limit per e-mail address and per network address that
answers the same whether or not an account has the e-mail address."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client, override_settings

from denkraam.accounts.models import User

pytestmark = pytest.mark.django_db

RESET = "/wachtwoord-vergeten/"
CSRF_TOKEN = re.compile(r'(?<=value=")[\w-]{64}(?=")|(?<="X-CSRFToken": ")[\w-]{64}')
SITE = {"SITE_URL": "https://denkraam.example.nl", "ALLOWED_HOSTS": ["denkraam.example.nl"]}


def _reset_link() -> str:
    return next(line for line in mail.outbox[-1].body.splitlines() if "/wachtwoord-herstellen/" in line)


@override_settings(**SITE)
def test_the_reset_link_starts_with_the_site_url_whatever_host_and_port_the_request_names(
    client: Client, alice: User
) -> None:
    client.post(RESET, {"email": alice.email}, HTTP_HOST="denkraam.example.nl:6666")
    assert _reset_link().startswith("https://denkraam.example.nl/wachtwoord-herstellen/")


@override_settings(**SITE)
def test_the_reset_link_is_https_from_the_site_url_even_when_the_request_came_in_over_http(
    client: Client, alice: User
) -> None:
    client.post(RESET, {"email": alice.email}, HTTP_HOST="denkraam.example.nl")
    assert _reset_link().startswith("https://")


@override_settings(PASSWORD_RESET_RATE_LIMIT=3)
def test_thirty_requests_for_one_account_send_three_mails_and_then_ask_to_wait(client: Client, alice: User) -> None:
    statuses = [client.post(RESET, {"email": alice.email}).status_code for _ in range(30)]
    assert statuses == [302] * 3 + [429] * 27
    assert len(mail.outbox) == 3
    response = client.post(RESET, {"email": alice.email})
    html = response.content.decode()
    assert "Wacht 15 minuten" in html
    assert f'value="{alice.email}"' in html  # what the person typed is still there


@override_settings(PASSWORD_RESET_RATE_LIMIT=3)
def test_the_limit_per_account_also_counts_other_spellings_of_the_address(client: Client, alice: User) -> None:
    for email in [alice.email, alice.email.upper(), f" {alice.email} "]:
        client.post(RESET, {"email": email})
    assert client.post(RESET, {"email": alice.email.title()}).status_code == 429
    assert len(mail.outbox) == 3


@override_settings(PASSWORD_RESET_RATE_LIMIT=3)
def test_the_limit_per_account_holds_for_every_address_the_requests_come_from(alice: User) -> None:
    statuses = [Client(REMOTE_ADDR=f"10.0.0.{n}").post(RESET, {"email": alice.email}).status_code for n in range(1, 6)]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3


@override_settings(PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS=4)
def test_one_address_asking_for_many_accounts_is_limited_and_others_are_not(
    client: Client, alice: User, bob: User
) -> None:
    emails = ["anna@example.org", "bram@example.org", "chantal@example.org", "dirk@example.org", bob.email]
    statuses = [client.post(RESET, {"email": email}).status_code for email in emails]
    assert statuses == [302, 302, 302, 302, 429]
    assert mail.outbox == []
    assert Client(REMOTE_ADDR="10.0.0.9").post(RESET, {"email": bob.email}).status_code == 302
    assert len(mail.outbox) == 1


@override_settings(PASSWORD_RESET_RATE_LIMIT=2)
def test_the_limit_does_not_reveal_whether_an_account_exists(client: Client, alice: User) -> None:
    def answers(email: str) -> list[tuple[int, str]]:
        result = []
        for _ in range(3):
            response = Client(REMOTE_ADDR="10.0.0.1").post(RESET, {"email": email}, follow=True)
            text = CSRF_TOKEN.sub("TOKEN", response.content.decode().replace(email, "ADRES"))
            result.append((response.status_code, text))
        return result

    known, unknown = answers(alice.email), answers("niemand@example.org")
    assert [status for status, _ in known] == [200, 200, 429]
    assert known == unknown


def test_a_forged_x_forwarded_for_does_not_give_a_fresh_limit(client: Client, alice: User) -> None:
    with override_settings(PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS=2):
        statuses = [
            client.post(RESET, {"email": f"{n}@example.org"}, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
            for n in range(3)
        ]
    assert statuses == [302, 302, 429]
