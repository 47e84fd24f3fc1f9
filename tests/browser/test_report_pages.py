"""Report pages in a real browser: no accessibility violations (axe-core) and nothing refused by the CSP."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments.models import Assessment
from denkraam.initiatives.models import Initiative
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.factories import InitiativeFactory, MembershipFactory
from tests.reports.conftest import run_assessment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _paths(alice: User, bob: User, uwv: Organisation) -> list[str]:
    initiative: Initiative = InitiativeFactory(
        owner=uwv, name="Brief over de WW-uitkering", life_event="Baan verliezen"
    )
    assessment = run_assessment(initiative=initiative, facilitator=alice, others=[bob])
    # alice is begeleider at UWV; being beheerder somewhere else opens the import page for her.
    utrecht = Organisation.objects.create(name="Gemeente Utrecht", slug="utrecht")
    MembershipFactory(user=alice, organisation=utrecht, role=Membership.Role.BEHEERDER)
    return [
        f"/rapportages/gesprekken/{assessment.pk}/",
        f"/rapportages/initiatieven/{initiative.pk}/",
        "/rapportages/portfolio/",
        "/rapportages/inlezen/",
    ]


def test_report_pages_have_no_accessibility_violations(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    paths = _paths(alice, bob, uwv)
    login(axe_context, alice, base_url=live_server.url)
    for path in paths:
        axe_page.goto(path)
        expect(axe_page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(axe_page)


def test_report_pages_load_under_the_content_security_policy(
    context: BrowserContext, page: Page, live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    paths = _paths(alice, bob, uwv)
    login(context, alice, base_url=live_server.url)
    for path in paths:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto(paths[0])
    expect(page.get_by_role("img", name="Score per behoefte (0 tot 100)")).to_be_visible()


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["laptop", "telefoon"]
)
def test_the_report_of_an_anonymous_session_is_accessible_and_fits_a_phone(
    axe_context: BrowserContext,
    axe_page: Page,
    live_server: object,
    alice: User,
    bob: User,
    uwv: Organisation,
    viewport: dict[str, int],
) -> None:
    initiative: Initiative = InitiativeFactory(owner=uwv, name="Brief over de WW-uitkering")
    assessment = run_assessment(initiative=initiative, facilitator=alice, others=[bob])
    Assessment.objects.filter(pk=assessment.pk).update(anonymous=True)
    login(axe_context, alice, base_url=live_server.url)
    axe_page.set_viewport_size(viewport)
    axe_page.goto(f"/rapportages/gesprekken/{assessment.pk}/")
    expect(axe_page.get_by_text("Dit gesprek was anoniem.", exact=False).first).to_be_visible()
    report = axe_page.locator("article")
    expect(report.get_by_text("Deelnemer 1", exact=False).first).to_be_visible()
    assert "Bob" not in report.inner_text()
    # Nothing sticks out sideways: wide data tables scroll inside their own region (WCAG 1.4.10 allows that).
    assert axe_page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    assert_accessible(axe_page)
