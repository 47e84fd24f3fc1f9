"""Issue 15's scripted dry run in Chromium: a facilitator and four people from three organisations run a quick scan
from set-up to the PDF; the big screen needs one click per agenda item and the participants' pages follow by
themselves. The steps live in tests/browser/dry_run.py, which benchmarks/workshop_dry_run.py runs as well."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments.models import Action, Assessment, Consensus
from denkraam.framework import load_frame
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.browser.dry_run import AGENDA_ITEMS, MAX_TABS, PHONE, Person, run_dry_run
from tests.browser.scenario import initiative_for
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.reports.pdf_structure import check_tagged_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _member(username: str, organisation: Organisation) -> User:
    user = UserFactory(username=username, first_name=username.title())
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.LID)
    return user


def test_a_facilitator_and_four_people_from_three_organisations_run_the_quick_scan_in_one_click_per_item(
    axe_page: Page,
    new_context: Callable[[], BrowserContext],
    live_server: object,
    alice: User,
    bob: User,
    charlie: User,
    uwv: Organisation,
    kvk: Organisation,
) -> None:
    gemeente = OrganisationFactory(name="Gemeente Utrecht", slug="gemeente-utrecht")
    dirk, erin = _member("dirk", gemeente), _member("erin", kvk)
    initiative = initiative_for(user=alice, owner=uwv)
    login(axe_page.context, alice, base_url=live_server.url)
    people = []
    # Bob answers by keyboard only, Erin on a phone after typing the code from the screen.
    for user, keyboard, phone in (
        (bob, True, False),
        (charlie, False, False),
        (dirk, False, False),
        (erin, False, True),
    ):
        context = new_context()
        login(context, user, base_url=live_server.url)
        people.append(Person(context, user.username, user.first_name, by_keyboard=keyboard, on_phone=phone))

    figures = run_dry_run(
        facilitator=axe_page,
        people=people,
        initiative_path=f"/initiatieven/{initiative.pk}/",
        check_screen=assert_accessible,
    )

    # One click per agenda item: "Vastleggen en volgende vraag" (choosing the rating and typing are not steering).
    assert figures.steering_clicks_per_item == [1] * AGENDA_ITEMS
    assert figures.participants_followed_without_reload, "a participant's page was reloaded"
    assert all(tabs <= MAX_TABS for tabs in figures.tabs_to_first_radio.values()), figures.tabs_to_first_radio
    # On the phone the first question starts in the first viewport (its first choice may lie below it).
    assert figures.first_question_top_px is not None and figures.first_question_top_px < PHONE["height"] - 40
    # The PDF is tagged, and the anonymous session names nobody in it.
    structure = check_tagged_pdf(figures.pdf)
    assert structure.problems == []
    pdf_text = " ".join(" ".join(element.text for element in structure.elements).split())
    assert "Deelnemer 4" in pdf_text
    assert "Termijn in de eerste alinea" in pdf_text, pdf_text[:2000]
    for person in people:
        assert person.name not in pdf_text

    assessment = Assessment.objects.get(title="Workshop brief WW-uitkering")
    assert assessment.status == "gesloten" and assessment.anonymous
    assert len(assessment.question_ids) == 12
    frame = load_frame()
    recorded = [frame.question(c.question_id).text for c in Consensus.objects.filter(assessment=assessment)]
    assert sorted(recorded) == sorted(figures.agenda_questions)
    assert Action.objects.filter(assessment=assessment).count() == 3
    assert assessment.answers.count() == 4 * 12
