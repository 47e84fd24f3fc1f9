"""Initiative and account pages in a real browser: accessible (axe-core) and usable with the keyboard only."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import Organisation, User
from denkraam.accounts.services import audit_record
from denkraam.initiatives.models import Initiative
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.factories import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_initiative_pages_have_no_accessibility_violations(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, uwv: Organisation, kvk: Organisation
) -> None:
    initiative = InitiativeFactory(owner=uwv, partners=[kvk], name="Brief WW-aanvraag")
    audit_record(actor=alice, action="initiative.created", obj=initiative, summary="Initiatief aangemaakt.")
    login(axe_context, alice, base_url=live_server.url)
    for path in [
        "/initiatieven/",
        "/initiatieven/nieuw/",
        f"/initiatieven/{initiative.pk}/",
        f"/initiatieven/{initiative.pk}/bewerken/",
        f"/initiatieven/{initiative.pk}/logboek/",
        "/mijn-organisaties/",
        "/wachtwoord-vergeten/",
    ]:
        axe_page.goto(path)
        expect(axe_page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(axe_page)


def test_the_form_errors_are_accessible(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, uwv: Organisation
) -> None:
    login(axe_context, alice, base_url=live_server.url)
    axe_page.goto("/initiatieven/nieuw/")
    axe_page.get_by_role("button", name="Initiatief opslaan").click()
    expect(axe_page.get_by_role("alert")).to_contain_text("fouten in het formulier")
    assert_accessible(axe_page)


def test_alice_creates_an_initiative_with_the_keyboard_only(
    context: BrowserContext, page: Page, live_server: object, alice: User, uwv: Organisation
) -> None:
    login(context, alice, base_url=live_server.url)
    page.goto("/initiatieven/nieuw/")
    page.get_by_label("Naam", exact=True).fill("Telefoonlijn WW")
    page.get_by_label("Eigenaar").select_option(label="UWV")
    page.get_by_label("Burgers").focus()
    page.keyboard.press("Space")
    page.get_by_label("Telefoon").focus()
    page.keyboard.press("Space")
    page.get_by_label("Naam", exact=True).press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Telefoonlijn WW")
    expect(page.get_by_role("status").first).to_contain_text("is opgeslagen")
    initiative = Initiative.objects.get()
    assert initiative.channels == ["telefoon"]
    assert initiative.target_groups == ["burgers"]
