"""The questionnaire by keyboard alone: Tab, Space, arrow keys, typing, Enter; no mouse. Focus stays visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import Organisation, User
from denkraam.assessments.models import Answer
from denkraam.framework import load_frame
from tests.browser.conftest import login
from tests.browser.scenario import session_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Enough for the header, the session menu and the menu of 15 principles, and then some; a trap would exceed it.
MAX_TABS = 80

FOCUS_STATE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  return {tag: el.tagName.toLowerCase(), name: el.getAttribute('name') || '', value: el.value || '',
          text: (el.innerText || '').trim().slice(0, 40), visible};
}"""


class Keyboard:
    """Moves through the page with Tab only, and remembers every stop where the focus could not be seen."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.invisible: list[str] = []

    def tab(self) -> dict[str, object]:
        self.page.keyboard.press("Tab")
        state = self.page.evaluate(FOCUS_STATE)
        if not state["visible"] and state["tag"] != "body":
            self.invisible.append(f"<{state['tag']} name={state['name']!r}> {state['text']!r}")
        return state

    def tab_to(self, *, tag: str, name: str = "", text: str = "") -> dict[str, object]:
        for _ in range(MAX_TABS):
            state = self.tab()
            if state["tag"] == tag and (not name or state["name"] == name) and (not text or state["text"] == text):
                return state
        raise AssertionError(f"Tab never reached <{tag} name={name!r}> {text!r} in {MAX_TABS} presses")


def test_a_participant_completes_a_principle_by_keyboard_alone(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    login(context, bob, base_url=live_server.url)
    q1, q2, q3 = (q.id for q in load_frame().principle("betrouwbaar").questions)
    page.goto(f"/gesprekken/{session.assessment.pk}/vragenlijst/?principe=betrouwbaar")
    keys = Keyboard(page)

    # The skip links first: the second jumps past the header straight to the content.
    assert keys.tab()["text"] == "Direct naar de vragen"
    assert keys.tab()["text"] == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    # Question 1: Tab into the radio group, Space chooses the first option ("Goed").
    keys.tab_to(tag="input", name=f"{q1}-rating")
    page.keyboard.press("Space")
    # Question 2: the arrow key moves the choice one option on ("Voldoende").
    keys.tab_to(tag="input", name=f"{q2}-rating")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    # Question 3: down to "Niet van toepassing", then type the reason it needs and a note.
    keys.tab_to(tag="input", name=f"{q3}-rating")
    page.keyboard.press("Space")
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    keys.tab_to(tag="textarea", name=f"{q3}-reason")
    page.keyboard.type("Wij doen geen beloftes in deze brief.")
    keys.tab_to(tag="textarea", name=f"{q3}-note")
    page.keyboard.type("Besproken met het team.")
    keys.tab_to(tag="button", text="Opslaan en verder")
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("zijn opgeslagen")
    expect(page.get_by_text("U heeft 3 van 46 vragen beantwoord.")).to_be_visible()
    saved = {a.question_id: a for a in Answer.objects.filter(assessment=session.assessment, user=bob)}
    assert {q: saved[q].rating for q in (q1, q2, q3)} == {q1: "goed", q2: "voldoende", q3: "nvt"}
    assert saved[q3].reason == "Wij doen geen beloftes in deze brief."
    assert saved[q3].note == "Besproken met het team."
    assert not keys.invisible, "Focus not visible on: " + "; ".join(keys.invisible)


def test_an_error_in_the_questionnaire_can_be_found_and_fixed_by_keyboard(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    login(context, bob, base_url=live_server.url)
    q1 = load_frame().principle("betrouwbaar").questions[0].id
    page.goto(f"/gesprekken/{session.assessment.pk}/vragenlijst/?principe=betrouwbaar")
    keys = Keyboard(page)
    keys.tab_to(tag="input", name=f"{q1}-rating")
    page.keyboard.press("Space")
    for _ in range(4):
        page.keyboard.press("ArrowDown")  # "Niet van toepassing" without a reason
    keys.tab_to(tag="button", text="Opslaan")
    page.keyboard.press("Enter")

    expect(page.get_by_role("alert")).to_contain_text("nog niet opgeslagen")
    expect(page.get_by_text("Schrijf op waarom deze vraag niet van toepassing is.")).to_be_visible()
    keys.tab_to(tag="textarea", name=f"{q1}-reason")
    page.keyboard.type("Deze brief bevat geen afspraken.")
    keys.tab_to(tag="button", text="Opslaan")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("zijn opgeslagen")
    assert Answer.objects.get(assessment=session.assessment, user=bob, question_id=q1).rating == "nvt"
    assert not keys.invisible, "Focus not visible on: " + "; ".join(keys.invisible)
