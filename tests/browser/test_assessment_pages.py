"""Assessment pages in a real browser: accessible (axe-core), answerable by keyboard, progress updates live."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Answer, Assessment, Participant
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.factories import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
Q1 = "betrouwbaar-afspraken"


def _open_assessment(*, alice: User, uwv: Organisation, title: str = "Gesprek over de brief") -> Assessment:
    initiative = InitiativeFactory(owner=uwv, name="Brief herbeoordeling WW")
    assessment = services.assessment_create(initiative=initiative, actor=alice, title=title)
    services.participant_invite(assessment=assessment, actor=alice, identifier="bob")
    return services.assessment_open(assessment=assessment, actor=alice)


def test_assessment_pages_have_no_accessibility_violations(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _open_assessment(alice=alice, uwv=uwv)
    services.answer_save(assessment=assessment, user=alice, question_id=Q1, rating="goed", note="Op tijd.")
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="slecht", note="Vaak te laat.")
    services.assessment_reveal(assessment=assessment, actor=alice)
    services.action_create(assessment=assessment, actor=alice, title="Termijn noemen", question_ids=[Q1])
    login(axe_context, alice, base_url=live_server.url)
    base = f"/gesprekken/{assessment.pk}/"
    paths = [f"/initiatieven/{assessment.initiative_id}/gesprekken/nieuw/"] + [
        base + suffix
        for suffix in ("", "deelnemers/", "vragenlijst/", "agenda/", f"vragen/{Q1}/", "acties/", "vergelijking/")
    ]
    for path in paths:
        axe_page.goto(path)
        expect(axe_page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(axe_page)


def test_questionnaire_errors_are_accessible(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _open_assessment(alice=alice, uwv=uwv)
    login(axe_context, bob, base_url=live_server.url)
    axe_page.goto(f"/gesprekken/{assessment.pk}/vragenlijst/?principe=betrouwbaar")
    axe_page.get_by_label("Niet van toepassing").first.check()
    axe_page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(axe_page.get_by_role("alert")).to_contain_text("nog niet opgeslagen")
    assert_accessible(axe_page)


def test_bob_answers_a_question_with_the_keyboard_only(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _open_assessment(alice=alice, uwv=uwv)
    login(context, bob, base_url=live_server.url)
    page.goto(f"/gesprekken/{assessment.pk}/vragenlijst/?principe=betrouwbaar")
    page.get_by_label("Voldoende").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # out of the radio group; the reason field only appears for "niet van toepassing"
    page.keyboard.type("Meestal op tijd, soms niet.")
    page.get_by_role("button", name="Opslaan en verder").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name="Open en duidelijk")).to_be_visible()
    answer = Answer.objects.get(assessment=assessment, user=bob, question_id=Q1)
    assert (answer.rating, answer.note) == ("voldoende", "Meestal op tijd, soms niet.")


def test_the_overview_shows_progress_without_a_reload(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _open_assessment(alice=alice, uwv=uwv)
    login(context, alice, base_url=live_server.url)
    page.goto(f"/gesprekken/{assessment.pk}/")
    bob_row = page.get_by_role("row", name="bob")
    expect(bob_row).to_contain_text("0 van 46")
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    # The block polls every 5 seconds; wait for it (no sleep), but not for ever.
    expect(bob_row).to_contain_text("1 van 46", timeout=8000)
    expect(bob_row).not_to_contain_text("goed")


def test_the_reason_field_appears_only_for_not_applicable(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _open_assessment(alice=alice, uwv=uwv)
    login(context, bob, base_url=live_server.url)
    page.goto(f"/gesprekken/{assessment.pk}/vragenlijst/?principe=betrouwbaar")
    question = page.locator(f"#vraag-{Q1}")
    reason = question.get_by_label("Waarom is deze vraag niet van toepassing?")
    expect(reason).to_be_hidden()
    question.get_by_label("Voldoende", exact=True).check()
    expect(reason).to_be_hidden()
    question.get_by_label("Niet van toepassing", exact=True).check()
    expect(reason).to_be_visible()


def test_remove_edit_and_clear_pages_have_no_accessibility_violations(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _open_assessment(alice=alice, uwv=uwv)
    services.answer_save(assessment=assessment, user=alice, question_id=Q1, rating="goed", note="Op tijd.")
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="slecht")
    action = services.action_create(assessment=assessment, actor=alice, title="Termijn noemen", owner=bob)
    bobs = Participant.objects.get(assessment=assessment, user=bob)
    login(axe_context, alice, base_url=live_server.url)
    base = f"/gesprekken/{assessment.pk}/"
    # The participants list with its remove buttons, the confirmation, the edit form, the questionnaire with
    # its "Antwoord wissen" button.
    for path, heading in [
        ("deelnemers/", "Deelnemers"),
        (f"deelnemers/{bobs.pk}/verwijderen/", "Bob verwijderen uit dit gesprek"),
        (f"acties/{action.pk}/wijzigen/", "Actie wijzigen"),
        ("vragenlijst/?principe=betrouwbaar", "Betrouwbaar"),
    ]:
        axe_page.goto(base + path)
        expect(axe_page.get_by_role("heading", level=2, name=heading).first).to_be_visible()
        assert_accessible(axe_page)
    # The edit form with an error in it.
    axe_page.goto(base + f"acties/{action.pk}/wijzigen/")
    axe_page.get_by_label("Actie", exact=True).fill("")
    axe_page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(axe_page.get_by_role("alert")).to_contain_text("Geef de actie een titel.")
    assert_accessible(axe_page)


def test_the_facilitator_removes_bob_by_keyboard_and_can_cancel(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _open_assessment(alice=alice, uwv=uwv)
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="slecht")
    login(context, alice, base_url=live_server.url)
    page.goto(f"/gesprekken/{assessment.pk}/deelnemers/")
    page.get_by_role("link", name="Verwijderen Bob").click()
    expect(page.get_by_text("1 antwoord van deze deelnemer vervalt.")).to_be_visible()
    page.get_by_role("link", name="Annuleren").click()
    expect(page.get_by_role("heading", level=2, name="Deelnemers")).to_be_visible()
    assert Participant.objects.filter(assessment=assessment, user=bob).exists()
    page.get_by_role("link", name="Verwijderen Bob").click()
    page.get_by_role("button", name="Ja, Bob verwijderen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bob doet niet meer mee.")).to_be_visible()
    expect(page.get_by_role("link", name="Verwijderen Bob")).to_have_count(0)
    assert not Answer.objects.filter(assessment=assessment, user=bob).exists()


def test_enter_in_a_field_saves_and_only_the_button_clears_an_answer(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _open_assessment(alice=alice, uwv=uwv)
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    login(context, bob, base_url=live_server.url)
    page.goto(f"/gesprekken/{assessment.pk}/vragenlijst/?principe=betrouwbaar")
    expect(page.get_by_text("U heeft 1 van 46 vragen beantwoord.")).to_be_visible()
    # Enter in a text field submits the answers with the page's default button ("Opslaan en verder"), never
    # "Antwoord wissen".
    page.locator(f"#vraag-{Q1}").get_by_label("Link naar bewijs (niet verplicht)").press("Enter")
    expect(page.get_by_text("zijn opgeslagen")).to_be_visible()
    assert Answer.objects.filter(assessment=assessment, user=bob).count() == 1
    page.get_by_role("link", name="Betrouwbaar").click()
    page.locator(f"#vraag-{Q1}").get_by_role("button", name="Antwoord wissen").click()
    expect(page.get_by_text("U heeft 0 van 46 vragen beantwoord.")).to_be_visible()
    expect(page.get_by_role("button", name="Antwoord wissen")).to_have_count(0)
    assert not Answer.objects.filter(assessment=assessment, user=bob).exists()


def test_an_action_is_edited_in_the_browser(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _open_assessment(alice=alice, uwv=uwv)
    action = services.action_create(assessment=assessment, actor=alice, title="Termijn noemen")
    login(context, bob, base_url=live_server.url)
    page.goto(f"/gesprekken/{assessment.pk}/acties/")
    page.get_by_role("link", name="Bewerken actie: Termijn noemen").click()
    expect(page.get_by_label("Actie", exact=True)).to_have_value("Termijn noemen")
    page.get_by_label("Actie", exact=True).fill("Termijn in de eerste alinea")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_role("row", name="Termijn in de eerste alinea")).to_be_visible()
    assert Action.objects.get(pk=action.pk).title == "Termijn in de eerste alinea"
