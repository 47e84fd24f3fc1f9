"""The scripted workshop dry run of issue 15, as steps in real pages: shared by the browser test and the benchmark.

A facilitator sets up a 12-question quick scan, invites four people, opens it; each answers in their own browser
(one by keyboard only, one on a phone); the facilitator reveals via the confirmation page, walks six agenda items on
the big screen with one click each, adds three actions, closes via the confirmation page and downloads the PDF.
Nothing here touches the database: the caller brings logged-in browser contexts and checks what was stored.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from denkraam.framework import load_frame

QUICK_SCAN = "snelle-scan"
AGENDA_ITEMS = 6
ACTIONS = 3
MAX_TABS = 10
# How long a participant's page may take to follow the screen in a test: the poll runs every second, but on a busy
# 2-core machine running the whole suite (browser, server and tests on the same cores) a poll can queue for seconds.
# The latency itself is measured by benchmarks/workshop.py, not here.
LIVE_TIMEOUT = 15_000
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SCREEN = {"width": 1280, "height": 720}
CHOICES = ["Goed", "Voldoende", "Onvoldoende", "Slecht"]
IS_RADIO = "() => document.activeElement.matches('input[type=radio]')"
NOT_RELOADED = "() => window.denkraamSamePage === true"
# Counts, in the tab's sessionStorage so it survives the form posts, every click on a button or link: the steering
# a facilitator does. Choosing a rating (a radio) and typing the rationale are counted apart, by the script.
COUNT_STEERING = """
document.addEventListener('click', (event) => {
  if (event.isTrusted && event.target.closest('button, a, input[type=submit]')) {
    sessionStorage.setItem('steering', String(Number(sessionStorage.getItem('steering') || 0) + 1));
  }
}, true);
"""


@dataclass
class Person:
    """A participant in the dry run: their logged-in context, user name and the name the pages show."""

    context: BrowserContext
    username: str
    name: str
    by_keyboard: bool = False
    on_phone: bool = False


@dataclass
class Figures:
    """What the dry run measured."""

    steering_clicks_per_item: list[int] = field(default_factory=list)
    choices_per_item: list[int] = field(default_factory=list)
    tabs_to_first_radio: dict[str, int] = field(default_factory=dict)
    first_question_top_px: float | None = None
    first_question_bottom_px: float | None = None
    first_choice_top_px: float | None = None
    keyboard_keys: int = 0
    participants_followed_without_reload: bool = False
    agenda_questions: list[str] = field(default_factory=list)
    pdf: bytes = b""
    seconds: float = 0.0


def tabs_to_first_radio(page: Page) -> int:
    """Real Tab presses from page load to the first radio button; Enter follows the skip link to the questions."""
    for tabs in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate(IS_RADIO):
            return tabs
        if page.evaluate("() => document.activeElement.textContent.trim()") == "Direct naar de vragen":
            page.keyboard.press("Enter")
    raise AssertionError(f"the first radio button was not reached in {MAX_TABS} Tab presses")


def _shot(page: Page, shots: Path | None, name: str, *, full_page: bool = False) -> None:
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{name}.png"), full_page=full_page)


def _subnav(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Onderdelen van dit gesprek").get_by_role("link", name=name).click()


def _choice(person_index: int, question_index: int) -> str:
    # Everyone sees the letter differently: spreads of 2 and 3 steps, so the agenda has real disagreements.
    return CHOICES[(question_index + 2 * person_index) % len(CHOICES)] if question_index % 3 else CHOICES[person_index]


def _answer_by_keyboard(page: Page, *, principle_title: str, choice: str, last: bool, figures: Figures) -> None:
    """Tab to the question's first choice, arrow to the chosen one, Tab to the save button, Enter."""
    tabs = tabs_to_first_radio(page)
    arrows = CHOICES.index(choice)
    for _ in range(arrows):
        page.keyboard.press("ArrowDown")
    if not arrows:
        page.keyboard.press("Space")
    button = "Opslaan" if last else "Opslaan en verder"
    presses = 0
    while page.evaluate("() => document.activeElement.textContent.trim()") != button:
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= MAX_TABS, f"'{button}' not reached by Tab"
    page.keyboard.press("Enter")
    figures.keyboard_keys += tabs + max(arrows, 1) + presses + 1
    expect(page.get_by_role("status")).to_contain_text(f"Uw antwoorden bij '{principle_title}' zijn opgeslagen.")


def _answer(page: Page, person: Person, index: int, figures: Figures) -> None:
    frame = load_frame()
    questions = [frame.question(q) for q in frame.question_set(QUICK_SCAN).question_ids]
    if person.on_phone:  # on page load, before anything scrolls
        box = page.locator(f"#vraag-{questions[0].id} legend").bounding_box()
        assert box is not None and page.evaluate("() => window.scrollY") == 0
        figures.first_question_top_px, figures.first_question_bottom_px = box["y"], box["y"] + box["height"]
        choice = page.locator(f"#vraag-{questions[0].id} input[type=radio]").first.bounding_box()
        figures.first_choice_top_px = choice["y"] if choice else None
    label = "390" if person.on_phone else "1280"
    if label not in figures.tabs_to_first_radio and (person.by_keyboard or person.on_phone):
        url = page.url.split("#")[0]
        figures.tabs_to_first_radio[label] = tabs_to_first_radio(page)
        page.goto(url)  # a fresh load without the skip link's fragment, focus at the top again
    for number, question in enumerate(questions):
        principle = frame.principle(question.principle_id)
        expect(page.get_by_role("heading", level=2, name=principle.title)).to_be_visible()
        last = number == len(questions) - 1
        choice = _choice(index, number)
        if person.by_keyboard:
            _answer_by_keyboard(page, principle_title=principle.title, choice=choice, last=last, figures=figures)
            continue
        page.locator(f"#vraag-{question.id}").get_by_label(choice, exact=True).check()
        page.get_by_role("button", name="Opslaan" if last else "Opslaan en verder", exact=True).click()
        expect(page.get_by_role("status")).to_contain_text(f"Uw antwoorden bij '{principle.title}' zijn opgeslagen.")
    expect(page.get_by_text(f"U heeft {len(questions)} van {len(questions)} vragen beantwoord.")).to_be_visible()


def run_dry_run(
    *,
    facilitator: Page,
    people: list[Person],
    initiative_path: str,
    check_screen: Callable[[Page], None] | None = None,
    shots: Path | None = None,
) -> Figures:
    """Run the whole dry run; `check_screen` is called on the big screen (e.g. axe-core); `shots` gets screenshots."""
    began = time.perf_counter()
    figures = Figures()
    f = facilitator
    f.set_viewport_size(DESKTOP)

    # Before the meeting: a quick scan of 12 questions, an hour, anonymous; four people invited, questionnaire open.
    f.goto(f"{initiative_path}gesprekken/nieuw/")
    f.get_by_label("Titel van het gesprek").fill("Workshop brief WW-uitkering")
    f.get_by_label("Ik vul de vragenlijst zelf ook in").uncheck()
    f.get_by_label(re.compile("^Snelle scan: 12 vragen")).check()
    f.get_by_label("Tijd voor het hele gesprek (minuten)").fill("60")
    f.get_by_label("Anoniem gesprek").check()
    _shot(f, shots, "workshop-opzet")
    f.get_by_role("button", name="Gesprek starten").click()
    expect(f.get_by_role("heading", level=1)).to_have_text("Workshop brief WW-uitkering")
    for person in people:
        f.get_by_label("Gebruikersnaam of e-mailadres").fill(person.username)
        f.get_by_role("button", name="Uitnodigen").click()
        expect(f.get_by_role("status")).to_contain_text(f"{person.name} doet nu mee")
    _subnav(f, "Overzicht")
    f.get_by_role("button", name="Vragenlijst openen").click()
    overview = f.url
    assessment_path = re.sub(r"^https?://[^/]+", "", overview).split("?")[0]

    # The big screen shows the join code and QR code; the clock starts.
    f.set_viewport_size(SCREEN)
    f.get_by_role("link", name="Presentatie op het grote scherm").click()
    expect(f.get_by_text("Scan de QR-code")).to_be_visible()
    join_code = f.locator(".denkraam-join__code").inner_text().strip()
    if check_screen:
        check_screen(f)
    f.get_by_role("button", name="Bijeenkomst starten").click()
    expect(f.get_by_role("timer").first).to_be_visible()
    _shot(f, shots, "workshop-scherm-code")

    # 0-10 minutes: everyone answers in their own browser, having followed the code to the questionnaire.
    pages = []
    for index, person in enumerate(people):
        page = person.context.new_page()
        page.set_viewport_size(PHONE if person.on_phone else DESKTOP)
        if person.on_phone:  # as from the QR code: the join page with the code from the screen
            page.goto("/gesprekken/deelnemen/")
            page.get_by_label("Code").fill(join_code)
            page.get_by_role("button", name="Meedoen").click()
            expect(page).to_have_url(re.compile(re.escape(f"{assessment_path}vragenlijst/") + "$"))
            _shot(page, shots, "workshop-deelnemer-telefoon")
        else:
            page.goto(f"{assessment_path}vragenlijst/")
        _answer(page, person, index, figures)
        page.evaluate("() => { window.denkraamSamePage = true; }")
        pages.append(page)
    # The screen followed by itself, without a reload.
    expect(f.get_by_text(f"{len(people)} van {len(people)} deelnemers zijn klaar.")).to_be_visible()

    # Reveal, after the confirmation page said everyone is done.
    f.set_viewport_size(DESKTOP)
    f.goto(overview)
    f.get_by_role("link", name="Antwoorden onthullen").click()
    expect(f.get_by_text(f"Alle deelnemers ({len(people)}) hebben alle 12 vragen beantwoord.")).to_be_visible()
    _shot(f, shots, "workshop-onthullen-bevestigen")
    f.get_by_role("button", name="Ja, antwoorden onthullen").click()
    for page in pages:
        expect(page.locator(".denkraam-live")).to_contain_text("De antwoorden zijn onthuld.")

    # The agenda on the big screen: per item the group's rating, a rationale, and one click.
    f.set_viewport_size(SCREEN)
    f.add_init_script(COUNT_STEERING)
    f.goto(overview)
    f.get_by_role("link", name="Presentatie op het grote scherm").click()
    steering = "() => Number(sessionStorage.getItem('steering') || 0)"
    for item in range(AGENDA_ITEMS):
        heading = f.get_by_role("heading", level=1)
        expect(heading).not_to_have_text("")
        text = heading.inner_text()
        figures.agenda_questions.append(text)
        for page in pages:
            expect(page.locator(".denkraam-live")).to_contain_text(f"Op het scherm: {text}", timeout=LIVE_TIMEOUT)
        if item == 1:
            _shot(f, shots, "workshop-scherm-agendapunt", full_page=True)
            if check_screen:
                check_screen(f)
        before = f.evaluate(steering)
        f.get_by_label(CHOICES[item % 2 + 1], exact=True).check()
        f.get_by_label("Onderbouwing").fill(f"Besproken in de workshop, punt {item + 1}.")
        f.get_by_role("button", name="Vastleggen en volgende vraag").click()
        expect(f.get_by_role("heading", level=1)).not_to_have_text(text)
        figures.steering_clicks_per_item.append(f.evaluate(steering) - before)
        figures.choices_per_item.append(1)
    last_shown = f.get_by_role("heading", level=1).inner_text()
    for page in pages:
        expect(page.locator(".denkraam-live")).to_contain_text(f"Op het scherm: {last_shown}", timeout=LIVE_TIMEOUT)
    figures.participants_followed_without_reload = all(page.evaluate(NOT_RELOADED) for page in pages)

    # Three actions, each on one of the questions just discussed, owned by the facilitator or a participant.
    f.set_viewport_size(DESKTOP)
    f.goto(f"{assessment_path}acties/")
    due = dt.date.today() + dt.timedelta(days=30)
    titles = ["Termijn in de eerste alinea", "Telefoonnummer bij de handtekening", "Bezwaar in gewone woorden"]
    for number, title in enumerate(titles[:ACTIONS]):
        f.get_by_label("Actie", exact=True).fill(title)
        f.get_by_label(figures.agenda_questions[number], exact=True).check()
        owner = f.get_by_label("Eigenaar (gespreksleider of deelnemer)")
        if number == 0:
            owner.select_option(label=owner.locator("option", has_text="(gespreksleider)").inner_text())
        else:
            owner.select_option(label=people[number].name)
        f.get_by_label("Klaar op").fill(due.isoformat())
        f.get_by_role("button", name="Actie toevoegen").click()
        expect(f.get_by_role("status")).to_contain_text("De actie is toegevoegd.")

    # Close via the confirmation page, then the PDF.
    _subnav(f, "Overzicht")
    f.get_by_role("link", name="Gesprek sluiten").click()
    expect(f.get_by_text("6 van de 12 vragen hebben nog geen gezamenlijk oordeel.", exact=False)).to_be_visible()
    f.get_by_role("button", name="Ja, gesprek sluiten").click()
    expect(f.get_by_role("note")).to_contain_text("Dit gesprek is gesloten")
    _subnav(f, "Rapport en downloads")
    with f.expect_download() as download:
        f.get_by_role("link", name="Download als PDF").click()
    figures.pdf = Path(download.value.path()).read_bytes()
    figures.seconds = time.perf_counter() - began
    return figures
