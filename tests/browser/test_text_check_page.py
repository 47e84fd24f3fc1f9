"""The Tekstcheck page in a real browser: accessible, updates while typing, works without JavaScript, stays inert."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from denkraam.accounts.models import User
from tests.browser.axe import assert_accessible
from tests.browser.conftest import DEFAULT_TIMEOUT_MS, login
from tests.evidence.test_text_check_page import OFFICIALESE_LETTER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
URL = "/tekstcheck/"


def result_region(page: Page) -> Locator:
    return page.locator("#tekstcheck-uitkomst")


def test_the_tekstcheck_page_has_no_accessibility_violations(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User
) -> None:
    login(axe_context, alice, base_url=live_server.url)
    axe_page.goto(URL)
    expect(axe_page.get_by_role("heading", level=1, name="Tekstcheck")).to_be_visible()
    assert_accessible(axe_page)
    axe_page.get_by_label("Tekst", exact=True).fill(OFFICIALESE_LETTER)
    axe_page.get_by_role("button", name="Tekst controleren").click()
    expect(result_region(axe_page)).to_contain_text("Leesniveau 4 van 4")
    assert_accessible(axe_page)
    # A problem shown in the result while typing.
    axe_page.get_by_label("Maximaal aantal woorden per zin").fill("5")
    expect(result_region(axe_page)).to_contain_text("Kies minstens 8 woorden per zin.")
    assert_accessible(axe_page)


def test_typing_updates_the_result_without_loading_the_page(
    context: BrowserContext, page: Page, live_server: object, alice: User
) -> None:
    login(context, alice, base_url=live_server.url)
    page.goto(URL)
    loads: list[str] = []
    page.on("load", lambda _: loads.append(page.url))
    page.evaluate("() => { window.denkraamSamePage = true; }")
    expect(result_region(page)).to_contain_text("Nog geen uitkomst")
    textarea = page.get_by_label("Tekst", exact=True)
    textarea.fill(OFFICIALESE_LETTER)
    expect(result_region(page)).to_contain_text("Leesniveau 4 van 4")
    expect(page.get_by_role("status").filter(has_text="Uitkomst bijgewerkt")).to_contain_text("leesniveau 4 van 4")
    expect(result_region(page).locator("mark", has_text="Teneinde")).to_be_visible()
    # Keep typing: the result follows, and the cursor stays in the text.
    textarea.press("End")
    textarea.press_sequentially(" Hebt u vragen? Bel Anna de Vries, telefoon 020 123 45 67.")
    expect(result_region(page)).not_to_contain_text("Brief: geen telefoonnummer")
    assert page.evaluate("() => document.activeElement.id") == "id_text"
    page.get_by_label("Soort tekst").select_option("webtekst")
    expect(result_region(page)).to_contain_text("gecontroleerd als tekst (geen brief)")
    assert page.evaluate("() => window.denkraamSamePage === true")
    assert loads == []


def test_hostile_html_typed_into_the_text_runs_nothing(
    context: BrowserContext, page: Page, live_server: object, alice: User
) -> None:
    login(context, alice, base_url=live_server.url)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(URL)
    hostile = '<img src=x onerror="alert(1)"> <script>alert(2)</script> ' + OFFICIALESE_LETTER
    page.get_by_label("Tekst", exact=True).fill(hostile)
    expect(result_region(page)).to_contain_text("Leesniveau")
    expect(page.locator(".denkraam-marked-text")).to_contain_text('<img src=x onerror="alert(1)">')
    assert page.locator(".denkraam-marked-text img, .denkraam-marked-text script").count() == 0
    assert dialogs == []


@pytest.fixture
def no_js_context(browser: Browser, live_server: object) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="nl-NL", base_url=live_server.url, java_script_enabled=False)
    ctx.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield ctx
    ctx.close()


def test_without_javascript_the_button_shows_the_result(
    no_js_context: BrowserContext, live_server: object, alice: User
) -> None:
    login(no_js_context, alice, base_url=live_server.url)
    page = no_js_context.new_page()
    page.goto(URL)
    page.get_by_label("Tekst", exact=True).fill(OFFICIALESE_LETTER)
    page.get_by_label("Soort tekst").select_option("brief")
    page.get_by_role("button", name="Tekst controleren").click()
    expect(result_region(page)).to_contain_text("Leesniveau 4 van 4")
    expect(result_region(page)).to_contain_text("Brief: geen contactpersoon")
    # The form keeps what was sent, so the user can edit and check again.
    expect(page.get_by_label("Tekst", exact=True)).to_have_value(OFFICIALESE_LETTER)
    expect(page.get_by_label("Soort tekst")).to_have_value("brief")
    # A too long text: the error next to the field, the text still there, no result.
    too_long = "Dit is een zin. " * 3200
    page.get_by_label("Tekst", exact=True).fill(too_long)
    page.get_by_role("button", name="Tekst controleren").click()
    expect(page.get_by_role("alert")).to_contain_text("De tekst is te lang: 51.200 tekens.")
    expect(page.get_by_label("Tekst", exact=True)).to_have_value(too_long)
    expect(result_region(page)).not_to_contain_text("Leesniveau")
