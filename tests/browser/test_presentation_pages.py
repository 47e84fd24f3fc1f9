"""The big screen in a real browser: a facilitator walks the agenda by arrow key and one click per item, while a
participant's page follows without reloading; every state of the screen is axe-clean at 1280 and 1920 wide."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import Organisation, User
from denkraam.assessments.models import Assessment, Consensus
from denkraam.assessments.selectors import agenda_plan
from denkraam.assessments.selectors.presentation import assessment_join_code, presentation_agenda
from denkraam.framework import load_frame
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.browser.dry_run import LIVE_TIMEOUT
from tests.browser.scenario import session_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = [{"width": 1280, "height": 800}, {"width": 1920, "height": 1080}]
PHONE = {"width": 390, "height": 844}


def _agenda_texts(assessment: Assessment) -> list[str]:
    frame = load_frame()
    return [frame.question(s.question_id).text for s in presentation_agenda(assessment=assessment)]


def _screen_heading(page: Page, text: str) -> None:
    """The screen shows this question, with its script running (the arrow keys work once it has loaded)."""
    expect(page.get_by_role("heading", level=1)).to_have_text(text)
    page.wait_for_load_state("load")


def test_the_facilitator_walks_the_agenda_and_a_participant_follows_without_reloading(
    new_context: Callable[[], BrowserContext], live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="onthuld")
    assessment = session.assessment
    texts = _agenda_texts(assessment)
    screens = {}
    for user in (alice, bob):
        screens[user.username] = new_context()
        login(screens[user.username], user, base_url=live_server.url)
    participant = screens["bob"].new_page()
    participant.goto(f"/gesprekken/{assessment.pk}/agenda/")
    live = participant.locator(".denkraam-live")
    expect(live).to_contain_text("De antwoorden zijn onthuld.", timeout=LIVE_TIMEOUT)
    participant.evaluate("() => { window.stillTheSamePage = true; }")

    screen = screens["alice"].new_page()
    screen.set_viewport_size(SIZES[1])
    screen.goto(f"/gesprekken/{assessment.pk}/")
    screen.get_by_role("link", name="Presentatie op het grote scherm").click()
    _screen_heading(screen, texts[0])
    # The screen counts the items that fit the time box (60 minutes, 46 questions to answer first), not all 46.
    planned = sum(1 for item in agenda_plan(assessment=assessment).items if item.planned)
    assert planned < len(texts)
    expect(screen.get_by_text(f"Agendapunt 1 van {planned}")).to_be_visible()

    # Arrow keys: forward, back, forward again; the participant's line follows each time.
    screen.keyboard.press("ArrowRight")
    _screen_heading(screen, texts[1])
    expect(live).to_contain_text(f"Op het scherm: {texts[1]}", timeout=LIVE_TIMEOUT)
    screen.keyboard.press("ArrowLeft")
    _screen_heading(screen, texts[0])
    expect(live).to_contain_text(f"Op het scherm: {texts[0]}", timeout=LIVE_TIMEOUT)
    screen.keyboard.press("ArrowRight")
    _screen_heading(screen, texts[1])

    # One click records the group's rating and goes on (choosing and typing are not clicks that move on).
    screen.get_by_label("Onvoldoende", exact=True).check()
    screen.get_by_label("Onderbouwing").fill("Er staat geen termijn in de brief.")
    screen.get_by_role("button", name="Vastleggen en volgende vraag").click()
    _screen_heading(screen, texts[2])
    expect(live).to_contain_text(f"Op het scherm: {texts[2]}", timeout=LIVE_TIMEOUT)
    second = presentation_agenda(assessment=assessment)[1].question_id
    assert Consensus.objects.get(assessment=assessment, question_id=second).rating == "onvoldoende"

    # One click on "Volgende vraag" for an item the group skips.
    screen.get_by_role("button", name="Volgende vraag →").click()
    _screen_heading(screen, texts[3])
    expect(live).to_contain_text(f"Op het scherm: {texts[3]}", timeout=LIVE_TIMEOUT)
    # The item's clock runs (on a busy machine the browser may skip a second, so any of the first ten will do).
    expect(screen.locator(".denkraam-timer--item [data-timer-text]")).to_have_text(re.compile(r"^0:0[1-9]$"))
    assert participant.evaluate("() => window.stillTheSamePage === true"), "the participant's page was reloaded"
    screen.screenshot(path="/tmp/t15p/screen-agenda-1920.png")
    participant.screenshot(path="/tmp/t15p/participant-agenda.png")


def test_every_state_of_the_screen_is_accessible_at_1280_and_1920_wide(
    axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    assessment = session.assessment
    login(axe_page.context, alice, base_url=live_server.url)
    url = f"/gesprekken/{assessment.pk}/scherm/"
    axe_page.goto(url)
    expect(axe_page.get_by_text(assessment_join_code(assessment=assessment))).to_be_visible()
    axe_page.get_by_role("button", name="Bijeenkomst starten").click()
    expect(axe_page.get_by_role("timer")).to_contain_text("Bijeenkomst")
    for size in [*SIZES, PHONE]:
        axe_page.set_viewport_size(size)
        assert_accessible(axe_page)
        axe_page.screenshot(path=f"/tmp/t15p/screen-join-{size['width']}.png", full_page=True)
    session_after = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="onthuld")
    axe_page.goto(f"/gesprekken/{session_after.assessment.pk}/scherm/")
    for size in [*SIZES, PHONE]:
        axe_page.set_viewport_size(size)
        assert_accessible(axe_page)
        axe_page.screenshot(path=f"/tmp/t15p/screen-item-{size['width']}.png", full_page=True)
    # An empty decision: the errors are named and the page stays accessible.
    axe_page.get_by_role("button", name="Vastleggen en volgende vraag").click()
    expect(axe_page.get_by_text("Kies het gezamenlijke oordeel.")).to_be_visible()
    assert_accessible(axe_page)


def test_the_join_page_and_the_participants_live_line_are_accessible(
    axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="onthuld")
    assessment = session.assessment
    login(axe_page.context, bob, base_url=live_server.url)
    for size in [SIZES[0], PHONE]:
        axe_page.set_viewport_size(size)
        axe_page.goto("/gesprekken/deelnemen/")
        assert_accessible(axe_page)
        axe_page.get_by_label("Code").fill("xyz")
        axe_page.get_by_role("button", name="Meedoen").click()
        expect(axe_page.get_by_role("alert")).to_contain_text("zes tekens")
        assert_accessible(axe_page)
        axe_page.goto(f"/gesprekken/{assessment.pk}/agenda/")
        expect(axe_page.locator(".denkraam-live")).to_contain_text("De antwoorden zijn onthuld.")
        assert_accessible(axe_page)
    axe_page.goto("/gesprekken/deelnemen/")
    axe_page.get_by_label("Code").fill(assessment_join_code(assessment=assessment))
    axe_page.get_by_role("button", name="Meedoen").click()
    expect(axe_page).to_have_url(f"{live_server.url}/gesprekken/{assessment.pk}/vragenlijst/")


def test_on_a_1280_by_720_projector_the_one_button_per_item_is_on_screen_without_scrolling(
    page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="onthuld")
    login(page.context, alice, base_url=live_server.url)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"/gesprekken/{session.assessment.pk}/scherm/")
    button = page.get_by_role("button", name="Vastleggen en volgende vraag").bounding_box()
    assert button is not None and button["y"] + button["height"] <= 720, button
    page.screenshot(path="/tmp/t15p/screen-item-1280x720.png")
