"""axe-core (WCAG 2.1 A/AA) on the session pages in every stage, with a full questionnaire answered.

The initiative pages (test_initiative_pages.py) and a small revealed session with form errors
(test_assessment_pages.py) are checked by their owners' tests; this module adds the stages those do not reach:
answering (editable questionnaire, live progress), revealed with 46 answered questions, and closed.
"""

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
            f"{base}/",
            f"{base}/deelnemers/",
            f"{base}/vragenlijst/",
            f"{base}/vragenlijst/?principe=proactief",
            f"{base}/agenda/",
            f"{base}/vragen/{question}/",
            f"{base}/acties/",
        ],
    )


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
