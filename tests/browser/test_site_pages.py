"""The public pages in a real browser: accessible (axe-core), keyboard-usable, and the login form works."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from denkraam.accounts.models import User
from tests.browser.axe import assert_accessible
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("path", ["/", "/denkraam/", "/inloggen/"], ids=["start", "frame", "login"])
def test_public_pages_have_no_accessibility_violations(axe_page: Page, path: str) -> None:
    axe_page.goto(path)
    expect(axe_page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(axe_page)


def test_the_first_tab_shows_the_skip_link_and_it_moves_focus_to_the_content(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#inhoud$"))
    expect(page.locator("main#inhoud")).to_be_focused()
    # The next Tab lands inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null")


def test_keyboard_focus_is_visible_on_links_and_buttons(page: Page) -> None:
    page.goto("/inloggen/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # logo
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none" and outline[1] != "0px", f"no visible focus outline: {outline}"


def test_a_person_logs_in_with_the_form_and_sees_their_name(page: Page, alice: User) -> None:
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("alice")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name=re.compile(r"Uitloggen \(alice\)"))).to_be_visible()


def test_a_wrong_password_gives_a_dutch_error_that_is_announced(page: Page, alice: User) -> None:
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("alice")
    page.get_by_label("Wachtwoord").fill("niet-het-goede-wachtwoord")
    page.get_by_label("Wachtwoord").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("klopt niet")
