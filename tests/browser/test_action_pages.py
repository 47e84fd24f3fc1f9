"""The action list and form in Chromium: by keyboard, axe-core clean at 1280 wide and at 390x844."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Assessment
from tests.assessments.factories import workshop_open
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.factories import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUICK = ["betrouwbaar-afspraken", "transparant-besluit", "transparant-bezwaar", "begrijpelijke-taal-b1"]


def _workshop(*, alice: User, uwv: Organisation) -> Assessment:
    """alice leads without answering; bob takes part; four questions of the frame."""
    initiative = InitiativeFactory(owner=uwv, name="Brief herbeoordeling WW")
    return workshop_open(initiative=initiative, facilitator=alice, participant="bob", question_ids=QUICK)


def _focused(page: Page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.textContent.trim()")


def test_the_facilitator_adds_and_deletes_an_action_by_keyboard(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    assessment = _workshop(alice=alice, uwv=uwv)
    login(context, alice, base_url=live_server.url)
    page.goto(f"/gesprekken/{assessment.pk}/acties/")
    page.get_by_label("Actie", exact=True).focus()
    page.keyboard.type("Reden van het besluit in de eerste alinea")
    page.keyboard.press("Tab")
    page.keyboard.type("Met het wetsartikel erbij.")
    page.keyboard.press("Tab")  # the first question of the session
    assert _focused(page) == "id_question_ids_0_0"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the second: "Leggen jullie bij elk besluit uit waarom ..."
    for _ in range(3):
        page.keyboard.press("Tab")
    assert _focused(page) == "id_owner"
    owner = page.get_by_label("Eigenaar (gespreksleider of deelnemer)")
    expect(owner.locator("option", has_text="(gespreksleider)")).to_have_count(1)
    owner.select_option(label=owner.locator("option", has_text="(gespreksleider)").inner_text())
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert _focused(page) == "id_due_date"
    page.get_by_label("Klaar op").fill((dt.date.today() + dt.timedelta(days=14)).isoformat())
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("De actie is toegevoegd.")
    row = page.get_by_role("row", name="Reden van het besluit in de eerste alinea")
    expect(row).to_contain_text("Leggen jullie bij elk besluit uit waarom")
    expect(row).to_contain_text(alice.get_full_name() or alice.username)

    # Back, and the same form once more: still one action.
    page.go_back()
    if page.get_by_label("Actie", exact=True).input_value() == "":
        page.get_by_label("Actie", exact=True).fill("Reden van het besluit in de eerste alinea")
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.get_by_role("alert")).to_contain_text("staat al in de lijst")
    assert Action.objects.count() == 1

    # A date in the past is refused, next to the field.
    page.get_by_label("Actie", exact=True).fill("Bezwaar uitleggen")
    page.get_by_label("Klaar op").fill((dt.date.today() - dt.timedelta(days=2)).isoformat())
    page.get_by_label("Klaar op").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("ligt in het verleden")
    expect(page.locator("#id_due_date_fouten")).to_contain_text("Kies vandaag of een datum later.")
    assert Action.objects.count() == 1

    page.get_by_role("link", name="Verwijderen actie: Reden van het besluit in de eerste alinea").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Weet u zeker dat u deze actie wilt verwijderen?")).to_be_visible()
    page.get_by_role("link", name="Annuleren").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("row", name="Reden van het besluit in de eerste alinea")).to_be_visible()
    page.get_by_role("link", name="Verwijderen actie: Reden van het besluit in de eerste alinea").press("Enter")
    page.get_by_role("button", name="Ja, actie verwijderen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("is verwijderd")
    expect(page.get_by_role("row", name="Reden van het besluit in de eerste alinea")).to_have_count(0)
    assert not Action.objects.exists()


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_the_action_pages_are_accessible_wide_and_on_a_phone(
    axe_context: BrowserContext,
    axe_page: Page,
    live_server: object,
    alice: User,
    bob: User,
    uwv: Organisation,
    width: int,
    height: int,
) -> None:
    assessment = _workshop(alice=alice, uwv=uwv)
    action = services.action_create(
        assessment=assessment, actor=alice, title="Termijn noemen", owner=bob, question_ids=QUICK[:2]
    )
    services.action_create(assessment=assessment, actor=bob, title="Bezwaar uitleggen", owner=alice)
    login(axe_context, bob, base_url=live_server.url)
    axe_page.set_viewport_size({"width": width, "height": height})
    base = f"/gesprekken/{assessment.pk}/"
    for path, heading in [
        ("acties/", "Acties"),
        (f"acties/{action.pk}/wijzigen/", "Actie wijzigen"),
        (f"acties/{action.pk}/verwijderen/", "Actie 'Termijn noemen' verwijderen"),
    ]:
        axe_page.goto(base + path)
        expect(axe_page.get_by_role("heading", level=2, name=heading)).to_be_visible()
        axe_page.screenshot(path=f"/tmp/t15f/{path.split('/')[-2] or 'acties'}-{width}.png", full_page=True)
        assert axe_page.evaluate("() => document.documentElement.scrollWidth") <= width, (
            f"{path} is wider than the screen"
        )
        assert_accessible(axe_page)
    # The list's form with errors: past date and a duplicate title.
    axe_page.goto(base + "acties/")
    axe_page.get_by_label("Actie", exact=True).fill("Termijn noemen")
    axe_page.get_by_label("Klaar op").fill("2020-01-01")
    axe_page.get_by_role("button", name="Actie toevoegen").click()
    expect(axe_page.get_by_role("alert")).to_contain_text("staat al in de lijst")
    axe_page.screenshot(path=f"/tmp/t15f/acties-fout-{width}.png", full_page=True)
    assert_accessible(axe_page)
