"""Two-factor authentication in a real browser, CSP enforced: set up the app from the page (the secret as shown
there), log out, log in with password and code; and the lock-out after too many wrong passwords."""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings

from denkraam.accounts.models import User
from tests.browser.axe import assert_accessible
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code_for(secret: str, *, later: bool = False) -> str:
    """What an app that was given this secret shows now (or in the next 30 seconds: each code works once)."""
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    totp = TOTP(key)
    if later:
        totp.time = totp.time + 30
    return f"{totp.token():06d}"


def _log_in(page: Page, user: User) -> None:
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.get_username())
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_a_member_sets_up_an_app_and_logs_in_with_password_and_code(page: Page, alice: User) -> None:
    _log_in(page, alice)
    page.goto("/mijn-organisaties/")
    page.get_by_role("link", name="Tweestapsverificatie").click()
    expect(page.get_by_role("heading", name="Tweestapsverificatie", level=1)).to_be_visible()
    expect(page.locator(".denkraam-otp-qr svg")).to_be_visible()  # the QR code is drawn under the CSP
    secret = page.locator("#otp-sleutel").inner_text()
    page.get_by_label("Code uit uw app").fill(_code_for(secret))
    page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()
    expect(page.get_by_role("status")).to_contain_text("Tweestapsverificatie staat aan")

    page.get_by_role("button", name="Uitloggen (alice)").click()
    _log_in(page, alice)
    expect(page.get_by_role("heading", name="Vul de code uit uw app in")).to_be_visible()
    page.get_by_label("Code uit uw app").fill("000000")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze code klopt niet")
    # django-otp makes one wait a second after a wrong code; move that wait into the past instead of sleeping.
    TOTPDevice.objects.filter(user=alice).update(throttling_failure_timestamp=None, throttling_failure_count=0)
    page.get_by_label("Code uit uw app").fill(_code_for(secret, later=True))
    page.get_by_role("button", name="Inloggen").click()
    page.goto("/mijn-organisaties/")
    expect(page.get_by_role("heading", name="Mijn organisaties")).to_be_visible()


def test_the_lock_out_is_announced_in_dutch_and_keeps_the_user_name(
    axe_page: Page, alice: User, settings: Settings
) -> None:
    settings.LOGIN_FAILURE_LIMIT = 2
    for _ in range(2):
        axe_page.goto("/inloggen/")
        axe_page.get_by_label("Gebruikersnaam").fill("alice")
        axe_page.get_by_label("Wachtwoord").fill("fout")
        axe_page.get_by_role("button", name="Inloggen").click()
    expect(axe_page.get_by_role("alert")).to_contain_text("Wacht 15 minuten")
    expect(axe_page.get_by_label("Gebruikersnaam")).to_have_value("alice")
    assert_accessible(axe_page)
