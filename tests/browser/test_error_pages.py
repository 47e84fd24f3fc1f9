"""The Dutch error pages in a real browser: accessible (axe-core), within the Content-Security-Policy, with a way
back that works."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from denkraam.accounts.models import Organisation, User
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.factories import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_404_page_is_accessible_and_leads_back_to_the_start(axe_page: Page) -> None:
    response = axe_page.goto("/bestaat-niet/")
    assert response is not None and response.status == 404
    expect(axe_page.get_by_role("heading", level=1)).to_have_text("Deze pagina bestaat niet")
    assert_accessible(axe_page)
    axe_page.get_by_role("link", name="Naar de startpagina").click()
    expect(axe_page.get_by_role("heading", level=1)).not_to_have_text("Deze pagina bestaat niet")


def test_the_403_page_with_the_app_s_reason_is_accessible(
    axe_context: BrowserContext, live_server: LiveServer, charlie: User, uwv: Organisation
) -> None:
    initiative = InitiativeFactory(owner=uwv, is_published=True)
    login(axe_context, charlie, base_url=live_server.url)
    page = axe_context.new_page()
    page.goto(f"/initiatieven/{initiative.pk}/bewerken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    expect(page.get_by_text("U mag dit initiatief niet wijzigen.")).to_be_visible()
    assert_accessible(page)


def test_the_500_page_is_accessible(axe_page: Page, settings: Settings) -> None:
    settings.ROOT_URLCONF = "tests.web.test_error_pages"  # the site's URLs plus views that fail on purpose
    response = axe_page.goto("/test/kapot/")
    assert response is not None and response.status == 500
    expect(axe_page.get_by_role("heading", level=1)).to_have_text("Er ging iets mis")
    assert_accessible(axe_page)


def test_error_pages_stay_within_the_content_security_policy(page: Page, settings: Settings) -> None:
    settings.ROOT_URLCONF = "tests.web.test_error_pages"
    for path, heading in [("/bestaat-niet/", "Deze pagina bestaat niet"), ("/test/kapot/", "Er ging iets mis")]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    # The `page` fixture fails the test on any CSP refusal or script error on these pages.


def test_a_logged_in_person_without_access_gets_the_404_and_finds_mijn_gesprekken(
    axe_context: BrowserContext, live_server: LiveServer, alice: User, charlie: User
) -> None:
    login(axe_context, charlie, base_url=live_server.url)
    page = axe_context.new_page()
    response = page.goto("/organisaties/uwv/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina bestaat niet")
    expect(page.get_by_text("Deze organisatie bestaat niet of u heeft er geen toegang toe.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Naar Mijn gesprekken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gesprekken")
