"""The pages that refuse for a while (password reset limit) or explain a refusal (admin login) in a real browser:
accessible, announced, and what the person typed is still there."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from denkraam.accounts.models import User
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_password_reset_limit_is_announced_and_keeps_the_address(axe_page: Page, settings: Settings) -> None:
    settings.PASSWORD_RESET_RATE_LIMIT = 0
    axe_page.goto("/wachtwoord-vergeten/")
    axe_page.get_by_label("E-mailadres").fill("alice@example.org")
    axe_page.get_by_role("button", name="Stuur mij een link").click()
    expect(axe_page.get_by_role("alert")).to_contain_text("Wacht 15 minuten")
    expect(axe_page.get_by_label("E-mailadres")).to_have_value("alice@example.org")
    assert_accessible(axe_page)


def test_the_admin_login_tells_a_non_administrator_why(
    axe_context: BrowserContext, live_server: LiveServer, bob: User
) -> None:
    login(axe_context, bob, base_url=live_server.url)
    page = axe_context.new_page()
    page.goto("/beheer/")
    expect(page.get_by_role("status")).to_contain_text("geen toegang tot het beheer")
    assert_accessible(page)
