"""Logging in lands on "Mijn gesprekken", and from there one click (or a few Tabs and Enter) opens the questionnaire,
on a laptop and on a phone; the new pages (Mijn gesprekken, organisation administration) pass axe-core."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments.models import Action
from denkraam.framework import load_frame
from denkraam.invitations.services import invitation_create_for_organisation
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.browser.scenario import session_for
from tests.browser.test_keyboard import Keyboard
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = "Vragenlijst invullen: Gesprek over de WW-brief"
PHONE = {"width": 375, "height": 667}


def _log_in_with_the_form(page: Page, user: User) -> None:
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.get_username())
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen", exact=True).click()


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["laptop", "telefoon"])
def test_bob_logs_in_lands_on_mijn_gesprekken_and_clicks_through_to_the_questionnaire(
    page: Page, live_server: LiveServer, viewport: dict[str, int] | None, alice: User, bob: User, uwv: Organisation
) -> None:
    if viewport:
        page.set_viewport_size(viewport)
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    _log_in_with_the_form(page, bob)
    expect(page).to_have_url(f"{live_server.url}/mijn-gesprekken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gesprekken")
    total = len(load_frame().questions())
    expect(page.get_by_text(f"0 van {total} vragen beantwoord")).to_be_visible()
    if viewport:  # the page fits the phone: nothing sticks out sideways
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("link", name=LINK).click()
    expect(page).to_have_url(f"{live_server.url}/gesprekken/{session.assessment.pk}/vragenlijst/")
    expect(page.get_by_role("heading", name="Gesprek over de WW-brief")).to_be_visible()
    # The `page` fixture fails the test on any CSP refusal or script error along the way.


def test_the_questionnaire_link_is_reached_by_keyboard(
    context: BrowserContext, page: Page, live_server: LiveServer, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    login(context, bob, base_url=live_server.url)
    page.goto("/mijn-gesprekken/")
    keys = Keyboard(page)
    keys.tab_to(tag="a", text=LINK[:40])
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/gesprekken/{session.assessment.pk}/vragenlijst/")
    assert not keys.invisible, f"focus not visible at: {keys.invisible}"


def test_mijn_gesprekken_with_tasks_and_empty_is_accessible_on_a_phone_too(
    axe_context: BrowserContext, live_server: LiveServer, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="onthuld")
    Action.objects.create(
        assessment=session.assessment,
        owner=alice,
        title="Termijn noemen",
        due_date=timezone.localdate() - datetime.timedelta(days=2),
    )
    guest = UserFactory(username="gast")
    for user, expected in [(alice, "Uw acties"), (guest, "Er staat nog niets voor u klaar")]:
        login(axe_context, user, base_url=live_server.url)
        page = axe_context.new_page()
        for size in (None, PHONE):
            if size:
                page.set_viewport_size(size)
            page.goto("/mijn-gesprekken/")
            expect(page.get_by_role("heading", name=expected)).to_be_visible()
            assert_accessible(page)
        page.close()


def test_the_organisation_pages_are_accessible(
    axe_context: BrowserContext, live_server: LiveServer, alice: User, bob: User, uwv: Organisation
) -> None:
    Membership.objects.filter(user=alice).update(role=Membership.Role.BEHEERDER)
    invitation_create_for_organisation(actor=alice, organisation=uwv, email="dirk@uwv.nl", role="lid")
    login(axe_context, alice, base_url=live_server.url)
    page = axe_context.new_page()
    page.goto("/organisaties/uwv/")
    expect(page.get_by_role("heading", name="Leden")).to_be_visible()
    expect(page.get_by_role("cell", name="wachtwoord").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Verwijderen Bob").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bob verwijderen uit UWV")
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Rol wijzigen van Bob").click()
    expect(page.get_by_label("Rol")).to_have_value("lid")
    assert_accessible(page)
    page.get_by_label("Rol").select_option("begeleider")
    page.get_by_role("button", name="Rol opslaan").click()
    expect(page.get_by_text("Bob is nu begeleider.")).to_be_visible()
    page.get_by_role("link", name="Intrekken uitnodiging aan dirk@uwv.nl").click()
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    page.goto("/organisaties/uwv/")
    assert_accessible(page)


def test_the_site_administrator_s_list_and_a_refused_short_name_are_accessible(
    axe_context: BrowserContext, live_server: LiveServer, uwv: Organisation
) -> None:
    # A session cookie, past the login form and its two-factor step (those have their own tests).
    sam = UserFactory(username="sam", is_staff=True, is_superuser=True)
    login(axe_context, sam, base_url=live_server.url)
    page = axe_context.new_page()
    page.goto("/organisaties/")
    expect(page.get_by_role("link", name="UWV")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Naam", exact=True).fill("Nog een UWV")
    page.get_by_label("Korte naam").fill("uwv")
    page.get_by_role("button", name="Organisatie aanmaken").click()
    expect(page.get_by_role("alert")).to_contain_text("Er bestaat al een organisatie met de korte naam 'uwv'")
    assert_accessible(page)
