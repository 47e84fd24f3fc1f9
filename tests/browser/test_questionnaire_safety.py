"""The questionnaire kept safe and quick: no lost answers, focus after a save, few Tabs, the first question on a phone.

Also the confirmation pages before the reveal and the close. Screenshots go to /tmp/denkraam-shots for a look.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect

from denkraam.accounts.models import Organisation, User
from denkraam.assessments.models import Answer, Assessment
from denkraam.framework import load_frame
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.browser.dry_run import tabs_to_first_radio
from tests.browser.scenario import session_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/denkraam-shots")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _questionnaire(assessment: Assessment, principle: str = "") -> str:
    return f"/gesprekken/{assessment.pk}/vragenlijst/" + (f"?principe={principle}" if principle else "")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_ten_tab_presses_at_most_reach_the_first_radio_button(
    context: BrowserContext,
    page: Page,
    live_server: object,
    alice: User,
    bob: User,
    uwv: Organisation,
    viewport: dict[str, int],
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    login(context, bob, base_url=live_server.url)
    page.set_viewport_size(viewport)
    page.goto(_questionnaire(session.assessment))
    first = load_frame().questions()[0]

    assert tabs_to_first_radio(page) <= 3
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.labels[0].textContent]")
    assert focused == [f"{first.id}-rating", "Goed"]
    # The focus can be seen where it lands.
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_on_a_phone_the_menu_is_closed_and_the_first_question_is_on_the_first_screen(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    login(context, bob, base_url=live_server.url)
    page.set_viewport_size(PHONE)
    page.goto(_questionnaire(session.assessment))
    first = load_frame().questions()[0]

    legend = page.get_by_role("group", name=first.text).locator("legend")
    box = legend.bounding_box()
    assert box is not None
    _shot(page, "questionnaire-390")
    # The whole question text is on the first screen, not only its top edge, with room for the first choice.
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] - 40, box
    assert page.evaluate("() => window.scrollY") == 0
    # And its first choice too: the site header stays a few lines high on a phone.
    choice = page.get_by_role("group", name=first.text).get_by_role("radio").first.bounding_box()
    assert choice is not None and choice["y"] + choice["height"] <= PHONE["height"], choice
    principles = page.get_by_role("navigation", name="Principes")
    expect(principles.get_by_role("link", name="Open en duidelijk")).to_be_hidden()
    principles.get_by_text("Principes", exact=True).click()
    expect(principles.get_by_role("link", name="Open en duidelijk")).to_be_visible()
    _shot(page, "questionnaire-390-menu-open")

    # On a wide screen the menu is open from the start.
    page.set_viewport_size(DESKTOP)
    page.goto(_questionnaire(session.assessment))
    expect(
        page.get_by_role("navigation", name="Principes").get_by_role("link", name="Open en duidelijk")
    ).to_be_visible()
    _shot(page, "questionnaire-1280")


def test_unsaved_answers_are_not_lost_when_a_principle_in_the_menu_is_clicked(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    login(context, bob, base_url=live_server.url)
    page.set_viewport_size(DESKTOP)
    page.goto(_questionnaire(session.assessment, "betrouwbaar"))
    first = load_frame().principle("betrouwbaar").questions[0]
    dialogs: list[str] = []

    def stay(dialog: Dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    expect(page.get_by_text("U heeft wijzigingen die nog niet zijn opgeslagen.")).to_have_count(0)
    page.get_by_role("group", name=first.text).get_by_label("Voldoende", exact=True).check()
    # The note and the save buttons now stay at the bottom of the screen.
    expect(page.get_by_text("U heeft wijzigingen die nog niet zijn opgeslagen.")).to_be_in_viewport(ratio=1)
    expect(page.get_by_role("button", name="Opslaan", exact=True)).to_be_in_viewport(ratio=1)
    _shot(page, "questionnaire-unsaved-1280")

    with page.expect_event("dialog"):
        page.get_by_role("navigation", name="Principes").get_by_role("link", name="Open en duidelijk").click()
    assert dialogs == ["beforeunload"]
    assert "principe=betrouwbaar" in page.url
    expect(page.get_by_role("group", name=first.text).get_by_label("Voldoende", exact=True)).to_be_checked()

    # Once saved, the same link leaves without a question.
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("zijn opgeslagen")
    page.get_by_role("navigation", name="Principes").get_by_role("link", name="Open en duidelijk").click()
    expect(page).to_have_url(re.compile(r"principe=transparant$"))
    assert dialogs == ["beforeunload"]
    assert Answer.objects.get(assessment=session.assessment, user=bob, question_id=first.id).rating == "voldoende"


def test_after_saving_focus_moves_to_the_next_open_question_and_the_message_is_announced(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    login(context, bob, base_url=live_server.url)
    page.set_viewport_size(DESKTOP)
    page.goto(_questionnaire(session.assessment, "betrouwbaar"))
    q1, q2, q3 = load_frame().principle("betrouwbaar").questions

    page.get_by_role("group", name=q1.text).get_by_label("Goed", exact=True).check()
    page.get_by_role("button", name="Opslaan", exact=True).click()

    second = page.get_by_role("group", name=q2.text)
    expect(second).to_be_focused()
    status = page.get_by_role("status")
    expect(status).to_contain_text("Uw antwoorden bij 'Betrouwbaar en voorspelbaar' zijn opgeslagen.")
    page.wait_for_load_state("load")
    assert page.evaluate("() => document.activeElement.id") == f"vraag-{q2.id}"
    # The message stands just above that question, in a live region, and both are on screen (not back at the top).
    assert status.evaluate("(el) => el.nextElementSibling.id") == f"vraag-{q2.id}"
    expect(status).to_be_in_viewport(ratio=1)
    expect(second.locator("legend")).to_be_in_viewport(ratio=1)
    assert page.evaluate("() => window.scrollY") > 0
    _shot(page, "questionnaire-after-save-1280")
    # One Tab on, and the keyboard is at that question's first choice.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == f"{q2.id}-rating"

    # With the last questions answered, focus goes to the principle's heading, and the message says it is complete.
    for question in (q2, q3):
        page.get_by_role("group", name=question.text).get_by_label("Slecht", exact=True).check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    heading = page.get_by_role("heading", name="Betrouwbaar en voorspelbaar", level=2)
    expect(status).to_contain_text("Alle vragen bij 'Betrouwbaar en voorspelbaar' zijn beantwoord.")
    # Still there once the page has loaded: the browser's own focus on the address's target must not undo it.
    page.wait_for_load_state("load")
    assert page.evaluate("() => document.activeElement.id") == "principe-titel"
    expect(heading).to_be_in_viewport(ratio=1)
    expect(status).to_be_in_viewport(ratio=1)
    _shot(page, "questionnaire-principle-done-1280")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_changed_pages_have_no_accessibility_violations(
    axe_context: BrowserContext,
    axe_page: Page,
    live_server: object,
    alice: User,
    bob: User,
    uwv: Organisation,
    viewport: dict[str, int],
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    assessment = session.assessment
    width = viewport["width"]
    axe_page.set_viewport_size(viewport)
    login(axe_context, alice, base_url=live_server.url)
    axe_page.goto(_questionnaire(assessment, "betrouwbaar"))
    assert_accessible(axe_page)
    axe_page.get_by_text("Principes", exact=True).click()
    axe_page.get_by_role("group", name=load_frame().questions()[0].text).get_by_label("Slecht", exact=True).check()
    assert_accessible(axe_page)

    axe_page.goto(f"/gesprekken/{assessment.pk}/")
    axe_page.get_by_role("link", name="Antwoorden onthullen").click()
    expect(axe_page.get_by_role("heading", name="Antwoorden onthullen?")).to_be_visible()
    expect(axe_page.get_by_text("Bob (UWV): nog 46 vragen open")).to_be_visible()
    assert_accessible(axe_page)
    _shot(axe_page, f"reveal-confirm-{width}")
    axe_page.get_by_role("button", name="Ja, antwoorden onthullen").click()
    expect(axe_page.get_by_role("status")).to_contain_text("De antwoorden zijn onthuld.")

    axe_page.get_by_role("link", name="Gesprek sluiten").click()
    expect(axe_page.get_by_role("heading", name="Gesprek sluiten?")).to_be_visible()
    assert_accessible(axe_page)
    _shot(axe_page, f"close-confirm-{width}")
    # Cancel goes back and leaves the session open for discussion.
    axe_page.get_by_role("link", name="Annuleren, terug naar het overzicht").click()
    expect(axe_page.get_by_role("link", name="Gesprek sluiten")).to_be_visible()
    assert Assessment.objects.get(pk=assessment.pk).status == Assessment.Status.ONTHULD


def test_without_javascript_the_questionnaire_still_saves_and_goes_on_at_the_next_question(
    browser: Browser, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    context = browser.new_context(locale="nl-NL", base_url=live_server.url, java_script_enabled=False)
    try:
        login(context, bob, base_url=live_server.url)
        page = context.new_page()
        page.set_viewport_size(PHONE)
        page.goto(_questionnaire(session.assessment, "betrouwbaar"))
        q1, q2, _ = load_frame().principle("betrouwbaar").questions
        # The menu is a plain <details>: it opens without a script.
        principles = page.get_by_role("navigation", name="Principes")
        principles.get_by_text("Principes", exact=True).click()
        expect(principles.get_by_role("link", name="Open en duidelijk")).to_be_visible()
        page.get_by_role("group", name=q1.text).get_by_label("Goed", exact=True).check()
        page.get_by_role("button", name="Opslaan", exact=True).click()
        expect(page.get_by_role("status")).to_contain_text("zijn opgeslagen")
        assert page.url.endswith(f"#vraag-{q2.id}")
        expect(page.get_by_role("group", name=q2.text).locator("legend")).to_be_in_viewport()
        assert Answer.objects.get(assessment=session.assessment, user=bob, question_id=q1.id).rating == "goed"
    finally:
        context.close()
