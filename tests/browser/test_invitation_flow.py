"""An invitation by e-mail in real browsers: alice invites an address without an account; dirk reads the real mail
(the SMTP server the test starts), opens its link and is at the first question in at most 3 page steps.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Frame, Page, expect
from pytest_django.fixtures import Settings

from denkraam.accounts.models import Organisation, User
from denkraam.assessments import services
from denkraam.framework import load_frame
from denkraam.invitations.models import Invitation
from denkraam.invitations.services import assessment_invite as invite
from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import login
from tests.browser.scenario import initiative_for
from tests.mail import SmtpServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIRK = "dirk@gemeente-utrecht.nl"


def _count_page_loads(page: Page) -> list[str]:
    """Every document the tab loads (a form's POST and its redirect end in one document: the page one sees)."""
    loaded: list[str] = []

    def seen(frame: Frame) -> None:
        if frame == page.main_frame:
            loaded.append(frame.url)

    page.on("framenavigated", seen)
    return loaded


def test_from_the_mail_to_the_first_question_in_three_page_steps(
    new_context: Callable[[], BrowserContext],
    live_server: object,
    settings: Settings,
    smtp_server: SmtpServer,
    alice: User,
    bob: User,
    uwv: Organisation,
) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    settings.SITE_URL = base  # links in the mail point at this test's server
    initiative = initiative_for(user=alice, owner=uwv)
    assessment = services.assessment_create(initiative=initiative, actor=alice, title="Gesprek met de gemeente")
    services.participant_invite(assessment=assessment, actor=alice, identifier="bob")
    services.assessment_open(assessment=assessment, actor=alice)

    # alice invites dirk's address on the participants page.
    facilitator = new_context()
    login(facilitator, alice, base_url=base)
    alice_page = facilitator.new_page()
    alice_page.goto(f"/gesprekken/{assessment.pk}/deelnemers/")
    alice_page.get_by_label("Gebruikersnaam of e-mailadres").fill(DIRK)
    alice_page.get_by_label("Organisatie").fill("Gemeente Utrecht")
    alice_page.get_by_role("button", name="Uitnodigen").click()
    expect(alice_page.get_by_role("status")).to_contain_text(f"{DIRK} heeft een uitnodiging gekregen")
    expect(alice_page.get_by_role("row", name=re.compile(DIRK))).to_contain_text("Verstuurd op")

    # dirk's mail, as the SMTP server received it.
    (mail,) = smtp_server.to(DIRK)
    link = next(url for url in smtp_server.links(mail) if "/uitnodiging/" in url)
    assert link.startswith(f"{base}/uitnodiging/")

    guest = new_context()
    page = guest.new_page()
    loads = _count_page_loads(page)
    page.goto(link)  # step 1 was the mail; this is step 2, the accept page
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitnodiging voor het gesprek “Gesprek met de gemeente”")
    expect(page.get_by_label("E-mailadres (uw gebruikersnaam)")).to_have_value(DIRK)
    page.get_by_label("Uw naam").fill("Dirk de Boer")
    page.get_by_label("Wachtwoord", exact=True).fill("een lang en vreemd wachtwoord")
    page.get_by_label("Wachtwoord nog een keer").fill("een lang en vreemd wachtwoord")
    page.get_by_role("button", name="Account maken en meedoen").click()

    # step 3: the questionnaire, the first question in view.
    first = load_frame().principles()[0]
    expect(page.get_by_role("heading", level=2, name=first.title)).to_be_visible()
    expect(page.locator(f"#vraag-{first.questions[0].id}")).to_be_visible()
    assert page.url == f"{base}/gesprekken/{assessment.pk}/vragenlijst/"
    assert len(loads) == 2, loads  # the accept page and the questionnaire: with the mail, 3 page steps

    # alice sees who accepted.
    alice_page.reload()
    expect(alice_page.get_by_role("row", name=re.compile(DIRK))).to_contain_text("Geaccepteerd door Dirk de Boer op")
    expect(alice_page.get_by_role("row", name=re.compile("^Dirk de Boer"))).to_contain_text("Gemeente Utrecht")

    # The link is single use: opened again in another browser it says so and changes nothing.
    other = new_context().new_page()
    response = other.goto(link)
    assert response is not None and response.status == 410
    expect(other.get_by_role("heading", level=1)).to_have_text("Deze uitnodiging is al gebruikt")


def test_the_invitation_pages_are_accessible(
    axe_context: BrowserContext,
    axe_page: Page,
    live_server: object,
    smtp_server: SmtpServer,
    alice: User,
    uwv: Organisation,
) -> None:
    initiative = initiative_for(user=alice, owner=uwv)
    assessment = services.assessment_create(initiative=initiative, actor=alice, title="Gesprek met de gemeente")
    invite(assessment=assessment, actor=alice, identifier=DIRK, organisation_name="Gemeente Utrecht")
    invite(assessment=assessment, actor=alice, identifier="erik@gemeente-utrecht.nl")
    link = next(url for url in smtp_server.links(smtp_server.to(DIRK)[0]) if "/uitnodiging/" in url)
    path = link.split("://", 1)[1].split("/", 1)[1]
    reports = []
    # The accept page with its account form (also with errors), and the page of a link that opens nothing.
    for url, fill in ((f"/{path}", False), (f"/{path}", True), ("/uitnodiging/onbekend/", False)):
        axe_page.goto(url)
        if fill:
            axe_page.get_by_label("Uw naam").fill("Dirk")
            axe_page.get_by_role("button", name="Account maken en meedoen").click()
        if violations := axe_violations(axe_page):
            reports.append(format_violations(violations, url=url))
    login(axe_context, alice, base_url=live_server.url)  # type: ignore[attr-defined]
    invitation = Invitation.objects.get(email=DIRK)
    for url in (
        f"/gesprekken/{assessment.pk}/deelnemers/",
        f"/gesprekken/{assessment.pk}/uitnodigingen/{invitation.pk}/intrekken/",
    ):
        axe_page.goto(url)
        if violations := axe_violations(axe_page):
            reports.append(format_violations(violations, url=url))
    assert not reports, "\n\n".join(reports)
