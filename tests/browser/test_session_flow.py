"""A whole session in real browsers: a facilitator (UWV) and two participants, one from another organisation (KVK).

Everything a person does goes through the pages; only the initiative is made with its service (its own pages have
their own tests).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from denkraam.accounts.models import Organisation, User
from denkraam.assessments.models import Answer
from denkraam.framework import load_frame
from tests.browser.conftest import login
from tests.browser.scenario import initiative_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The facilitator's page polls every 5 s; allow two polls and a slow machine.
POLL_TIMEOUT_MS = 15_000


def answer_questionnaire(page: Page, *, choose: Callable[[str, int], str], reasons: dict[str, str]) -> None:
    """Fill in every principle as a person does: one choice per question, then 'Opslaan en verder'."""
    principles = load_frame().principles()
    for number, principle in enumerate(principles, start=1):
        expect(page.get_by_role("heading", level=2, name=principle.title)).to_be_visible()
        for index, question in enumerate(principle.questions):
            fieldset = page.locator(f"#vraag-{question.id}")
            fieldset.get_by_label(choose(principle.id, index), exact=True).check()
            if question.id in reasons:
                fieldset.get_by_label("Waarom is deze vraag niet van toepassing?").fill(reasons[question.id])
        last = number == len(principles)
        page.get_by_role("button", name="Opslaan" if last else "Opslaan en verder", exact=True).click()
        expect(page.get_by_role("status")).to_contain_text(f"Uw antwoorden bij '{principle.title}' zijn opgeslagen.")
    expect(page.get_by_text("U heeft 46 van 46 vragen beantwoord.")).to_be_visible()


def subnav(page: Page, name: str) -> None:
    """Follow a link in the session's own menu."""
    page.get_by_role("navigation", name="Onderdelen van dit gesprek").get_by_role("link", name=name).click()


def progress_cell(page: Page, name: str) -> Locator:
    return page.get_by_role("row", name=re.compile(rf"^{name}\b")).get_by_role("cell").last


def test_a_facilitator_and_two_participants_complete_a_session(
    new_context: Callable[[], BrowserContext],
    live_server: object,
    alice: User,
    bob: User,
    charlie: User,
    uwv: Organisation,
) -> None:
    frame = load_frame()
    initiative = initiative_for(user=alice, owner=uwv)
    contexts = {}
    for user in (alice, bob, charlie):
        contexts[user.username] = new_context()
        login(contexts[user.username], user, base_url=live_server.url)
    f = contexts["alice"].new_page()

    # The facilitator starts the session from the initiative page and only steers (does not answer herself).
    f.goto(f"/initiatieven/{initiative.pk}/")
    f.get_by_role("link", name="Nieuw gesprek starten").click()
    f.get_by_label("Titel van het gesprek").fill("Gesprek over de WW-brief")
    f.get_by_label("Ik vul de vragenlijst zelf ook in").uncheck()
    f.get_by_role("button", name="Gesprek starten").click()
    expect(f.get_by_role("heading", level=1)).to_have_text("Gesprek over de WW-brief")

    # She invites a colleague and someone from another organisation, then opens the questionnaire.
    for username, name in (("bob", "Bob"), ("charlie", "Charlie")):
        f.get_by_label("Gebruikersnaam of e-mailadres").fill(username)
        f.get_by_role("button", name="Uitnodigen").click()
        expect(f.get_by_role("status")).to_contain_text(f"{name} doet nu mee en heeft een e-mail gekregen")
    expect(f.get_by_role("row", name=re.compile("^Charlie"))).to_contain_text("KVK")
    subnav(f, "Overzicht")
    f.get_by_role("button", name="Vragenlijst openen").click()
    expect(progress_cell(f, "Bob")).to_contain_text("0 van 46 vragen")
    overview_url = f.url
    f.evaluate("() => { window.denkraamNotReloaded = true; }")

    # Bob thinks everything is good.
    b = contexts["bob"].new_page()
    b.goto(overview_url)
    b.get_by_role("link", name="Vragenlijst invullen").click()
    answer_questionnaire(b, choose=lambda principle, index: "Goed", reasons={})

    # The facilitator sees Bob's progress arrive without reloading her page.
    expect(progress_cell(f, "Bob")).to_contain_text("46 van 46 vragen", timeout=POLL_TIMEOUT_MS)
    assert f.evaluate("() => window.denkraamNotReloaded === true"), "the overview was reloaded"
    expect(progress_cell(f, "Charlie")).to_contain_text("0 van 46 vragen")

    # Charlie disagrees on reliability and finds one question not applicable.
    not_applicable = frame.principle("proactief").questions[0].id
    c = contexts["charlie"].new_page()
    c.goto(overview_url)
    c.get_by_role("link", name="Vragenlijst invullen").click()

    def charlie_chooses(principle: str, index: int) -> str:
        if principle == "betrouwbaar":
            return "Slecht"
        if principle == "proactief" and index == 0:
            return "Niet van toepassing"
        return "Goed"

    answer_questionnaire(
        c, choose=charlie_chooses, reasons={not_applicable: "Wij sturen deze brief alleen na een aanvraag."}
    )
    f.reload()  # the live update was shown above; no need to wait for another poll
    expect(progress_cell(f, "Charlie")).to_contain_text("46 van 46 vragen")

    # Reveal: the agenda puts the disagreements first, highlighted and said in words.
    # Reveal, after the confirmation page has said that everyone is done and what cannot be undone.
    f.get_by_role("link", name="Antwoorden onthullen").click()
    expect(f.get_by_text("Alle deelnemers (2) hebben alle 46 vragen beantwoord.")).to_be_visible()
    f.get_by_role("button", name="Ja, antwoorden onthullen").click()
    subnav(f, "Agenda")
    rows = f.locator("table.denkraam-agenda tbody tr")
    expect(rows).to_have_count(46)
    disagreements = f.locator("tr.denkraam-row--disagreement")
    expect(disagreements).to_have_count(4)
    for i in range(4):
        expect(rows.nth(i)).to_contain_text("Verschil van mening")
    expect(rows.nth(4)).to_contain_text("Eens")
    highlighted, plain = (rows.nth(i).evaluate("(row) => getComputedStyle(row).backgroundColor") for i in (0, 4))
    assert highlighted != plain, "a disagreement row looks the same as an agreed one"

    # Consensus on the first question of the agenda (one of the reliability questions).
    first_question = frame.principle("betrouwbaar").questions[0]
    rows.first.get_by_role("link").click()
    expect(f.get_by_role("heading", level=2)).to_have_text(first_question.text)
    expect(f.get_by_role("row", name=re.compile("^Bob"))).to_contain_text("Goed")
    expect(f.get_by_role("row", name=re.compile("^Charlie"))).to_contain_text("Slecht")
    f.get_by_role("group", name="Gezamenlijk oordeel").get_by_label("Voldoende", exact=True).check()
    f.get_by_label("Onderbouwing").fill("De termijn staat er, maar pas op de tweede pagina.")
    f.get_by_role("button", name="Gezamenlijk oordeel vastleggen").click()
    expect(f.get_by_role("status")).to_contain_text("Het gezamenlijke oordeel is vastgelegd.")
    consensus = f.get_by_role("region", name="Gezamenlijk oordeel")
    expect(consensus.locator("p").first).to_have_text("Voldoende — De termijn staat er, maar pas op de tweede pagina.")

    # An action for that question, owned by Bob, with a date.
    f.get_by_role("link", name="Actie toevoegen bij deze vraag").click()
    due = dt.date.today() + dt.timedelta(days=30)
    f.get_by_label("Actie", exact=True).fill("Termijn in de eerste alinea zetten")
    f.get_by_label(re.compile(r"^Eigenaar \(")).select_option(label="Bob")
    f.get_by_label(re.compile("^Klaar op")).fill(due.isoformat())
    f.get_by_role("button", name="Actie toevoegen").click()
    expect(f.get_by_role("status")).to_contain_text("De actie is toegevoegd.")
    action_row = f.get_by_role("row", name=re.compile("^Termijn in de eerste alinea zetten"))
    expect(action_row).to_contain_text("Bob")
    expect(action_row).to_contain_text(first_question.text)

    # Close the session.
    subnav(f, "Overzicht")
    f.get_by_role("link", name="Gesprek sluiten").click()
    expect(f.get_by_text("45 van de 46 vragen hebben nog geen gezamenlijk oordeel.", exact=False)).to_be_visible()
    f.get_by_role("button", name="Ja, gesprek sluiten").click()
    expect(f.get_by_role("note")).to_contain_text("Dit gesprek is gesloten")

    # Bob can no longer change anything: the form is disabled, and a forged post is refused by the server.
    b.goto(b.url.split("?")[0])
    expect(b.get_by_role("note").first).to_contain_text("gesloten")
    expect(b.get_by_role("button", name="Opslaan", exact=True)).to_have_count(0)
    first_fieldset = b.locator("fieldset.denkraam-question").first
    expect(first_fieldset.get_by_role("radio", name="Slecht")).to_be_disabled()
    expect(first_fieldset.get_by_role("radio", name="Goed")).to_be_checked()
    token = next(c["value"] for c in contexts["bob"].cookies() if c["name"] == "csrftoken")
    question = frame.questions()[0].id
    response = contexts["bob"].request.post(
        b.url,
        form={"principe": frame.questions()[0].principle_id, f"{question}-rating": "slecht"},
        headers={"X-CSRFToken": token, "Referer": b.url},
    )
    assert response.status == 400
    ratings = set(Answer.objects.filter(user=bob).values_list("rating", flat=True))
    assert ratings == {"goed"}
    assert Answer.objects.filter(user=bob).count() == 46
