"""Setting up a workshop session in Chromium: a quick scan, anonymous, answered by a participant (issue 15)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Answer, Assessment
from denkraam.framework import load_frame
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.browser.scenario import initiative_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def test_a_facilitator_sets_up_a_quick_scan_and_a_participant_answers_only_its_twelve_questions(
    new_context: Callable[[], BrowserContext], live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    frame = load_frame()
    scan = [frame.question(q) for q in frame.question_set("snelle-scan").question_ids]
    initiative = initiative_for(user=alice, owner=uwv)
    facilitator, participant = new_context(), new_context()
    login(facilitator, alice, base_url=live_server.url)
    login(participant, bob, base_url=live_server.url)

    f = facilitator.new_page()
    f.goto(f"/initiatieven/{initiative.pk}/gesprekken/nieuw/")
    f.get_by_label("Titel van het gesprek").fill("Workshop WW-brief")
    f.get_by_label("Ik vul de vragenlijst zelf ook in").uncheck()
    f.get_by_label(re.compile("^Snelle scan: 12 vragen")).check()
    f.get_by_label("Tijd voor het hele gesprek (minuten)").fill("60")
    f.get_by_label("Anoniem gesprek").check()
    f.get_by_role("button", name="Gesprek starten").click()
    expect(f.get_by_role("heading", level=1)).to_have_text("Workshop WW-brief")
    f.get_by_label("Gebruikersnaam of e-mailadres").fill("bob")
    f.get_by_role("button", name="Uitnodigen").click()
    f.get_by_role("navigation", name="Onderdelen van dit gesprek").get_by_role("link", name="Overzicht").click()
    expect(f.get_by_text("Vragen: Snelle scan (12 vragen)")).to_be_visible()
    f.get_by_role("button", name="Vragenlijst openen").click()
    expect(f.get_by_role("row", name=re.compile("^Bob"))).to_contain_text("0 van 12 vragen")

    b = participant.new_page()
    b.goto(f.url)
    b.get_by_role("link", name="Vragenlijst invullen").click()
    expect(b.get_by_text("Vragenset: Snelle scan (12 vragen).")).to_contain_text("uw naam staat niet")
    for number, question in enumerate(scan, start=1):
        principle = frame.principle(question.principle_id)
        expect(b.get_by_role("heading", level=2, name=principle.title)).to_be_visible()
        expect(b.locator("fieldset.denkraam-question")).to_have_count(1)
        b.locator(f"#vraag-{question.id}").get_by_label("Voldoende", exact=True).check()
        last = number == len(scan)
        b.get_by_role("button", name="Opslaan" if last else "Opslaan en verder", exact=True).click()
        expect(b.get_by_role("status")).to_contain_text(f"Uw antwoorden bij '{principle.title}' zijn opgeslagen.")
    expect(b.get_by_text("U heeft 12 van 12 vragen beantwoord.")).to_be_visible()
    b.screenshot(path="/tmp/t15-setup-questionnaire.png", full_page=True)
    assert sorted(Answer.objects.filter(user=bob).values_list("question_id", flat=True)) == sorted(q.id for q in scan)

    f.reload()
    expect(f.get_by_role("row", name=re.compile("^Bob"))).to_contain_text("12 van 12 vragen")


def test_the_set_up_pages_are_accessible_and_the_picker_works_by_keyboard_on_a_phone(
    axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    initiative = initiative_for(user=alice, owner=uwv)
    login(axe_page.context, alice, base_url=live_server.url)
    for name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        axe_page.set_viewport_size(size)
        axe_page.goto(f"/initiatieven/{initiative.pk}/gesprekken/nieuw/")
        axe_page.locator("details.denkraam-question-picker").evaluate("(d) => { d.open = true; }")
        assert_accessible(axe_page)
        axe_page.screenshot(path=f"/tmp/t15-setup-create-{name}.png", full_page=True)
        width = axe_page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= size["width"], f"the create page scrolls sideways at {size['width']} px"

    assessment = services.assessment_create(initiative=initiative, actor=alice, title="Workshop")
    services.participant_invite(assessment=assessment, actor=alice, identifier="bob")
    axe_page.goto(f"/gesprekken/{assessment.pk}/opzet/")
    # By keyboard alone: choose "Eigen keuze", unfold the picker, tick the first question, save.
    axe_page.get_by_label(re.compile("^Eigen keuze")).focus()
    axe_page.keyboard.press("Space")
    summary = axe_page.locator("details.denkraam-question-picker > summary")
    summary.focus()
    axe_page.keyboard.press("Enter")
    first = load_frame().questions()[0]
    axe_page.get_by_label(first.text, exact=True).focus()
    axe_page.keyboard.press("Space")
    assert_accessible(axe_page)
    axe_page.screenshot(path="/tmp/t15-setup-page-phone.png", full_page=True)
    axe_page.get_by_role("button", name="Opzet opslaan").press("Enter")
    expect(axe_page.get_by_role("status")).to_contain_text("De opzet van het gesprek is opgeslagen.")
    assessment.refresh_from_db()
    assert (assessment.question_set, assessment.question_ids) == ("eigen", [first.id])
    assert Assessment.objects.count() == 1
