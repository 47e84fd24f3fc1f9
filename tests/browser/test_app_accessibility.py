"""axe-core (WCAG 2.1 A/AA) on the pages people work in, in every stage of a session, errors included."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page

from denkraam.accounts.models import Organisation, User
from denkraam.framework import load_frame
from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import login
from tests.browser.scenario import session_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_pages_accessible(page: Page, paths: list[str]) -> None:
    """Visit every page, then fail once with the violations of all of them (one run shows every problem)."""
    reports = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.ok, f"{path} answered {response and response.status}"
        violations = axe_violations(page)
        if violations:
            reports.append(format_violations(violations, url=path))
    assert not reports, "\n\n".join(reports)


def test_initiative_pages_are_accessible(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[], stage="voorbereiding")
    login(axe_context, alice, base_url=live_server.url)
    initiative = session.initiative.pk
    assert_pages_accessible(
        axe_page,
        [
            "/initiatieven/",
            f"/initiatieven/{initiative}/",
            "/initiatieven/nieuw/",
            f"/initiatieven/{initiative}/bewerken/",
        ],
    )


def test_the_new_initiative_form_with_errors_is_accessible(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User
) -> None:
    login(axe_context, alice, base_url=live_server.url)
    axe_page.goto("/initiatieven/nieuw/")
    axe_page.locator("main form button[type=submit]").last.click()
    axe_page.wait_for_load_state()
    assert "/initiatieven/nieuw/" in axe_page.url
    violations = axe_violations(axe_page)
    assert not violations, format_violations(violations, url=axe_page.url + " (after submitting it empty)")


def test_session_pages_are_accessible_while_answering(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    login(axe_context, alice, base_url=live_server.url)
    base = f"/gesprekken/{session.assessment.pk}"
    question = load_frame().questions()[0].id
    assert_pages_accessible(
        axe_page,
        [
            f"/initiatieven/{session.initiative.pk}/gesprekken/nieuw/",
            f"{base}/",
            f"{base}/deelnemers/",
            f"{base}/vragenlijst/",
            f"{base}/vragenlijst/?principe=proactief",
            f"{base}/agenda/",
            f"{base}/vragen/{question}/",
            f"{base}/acties/",
        ],
    )


def test_the_questionnaire_with_an_error_is_accessible(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    login(axe_context, bob, base_url=live_server.url)
    axe_page.goto(f"/gesprekken/{session.assessment.pk}/vragenlijst/")
    first = axe_page.locator("fieldset").first
    first.get_by_label("Niet van toepassing", exact=True).check()  # without the reason it needs
    axe_page.get_by_role("button", name="Opslaan", exact=True).click()
    assert axe_page.get_by_role("alert").count() > 0
    violations = axe_violations(axe_page)
    assert not violations, format_violations(violations, url=axe_page.url + " (with an error)")


def test_session_pages_are_accessible_after_the_reveal(
    axe_context: BrowserContext,
    axe_page: Page,
    live_server: object,
    alice: User,
    bob: User,
    charlie: User,
    uwv: Organisation,
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob, charlie], stage="onthuld")
    login(axe_context, alice, base_url=live_server.url)
    base = f"/gesprekken/{session.assessment.pk}"
    questions = load_frame().questions()
    assert_pages_accessible(
        axe_page,
        [
            f"{base}/",
            f"{base}/agenda/",
            f"{base}/vragen/{questions[0].id}/",
            f"{base}/vragen/{questions[1].id}/",
            f"{base}/acties/",
            f"{base}/vergelijking/",
            f"{base}/vragenlijst/",
        ],
    )


def test_a_closed_session_is_accessible_for_a_participant(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="gesloten")
    login(axe_context, bob, base_url=live_server.url)
    base = f"/gesprekken/{session.assessment.pk}"
    assert_pages_accessible(axe_page, [f"{base}/", f"{base}/agenda/", f"{base}/acties/", f"{base}/vragenlijst/"])
