"""The feedback pages in Debian's Chromium: upload, scrubbed preview, import, dashboard; all axe-core clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import User
from denkraam.analysis.feedback import warm_up
from denkraam.initiatives.models import Initiative
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.feedback.conftest import FEEDBACK_CSV, feedback_tmp, initiative  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_imports_feedback_and_every_page_is_accessible(
    axe_context: BrowserContext,
    axe_page: Page,
    live_server: object,
    alice: User,
    initiative: Initiative,  # noqa: F811
) -> None:
    warm_up()  # as at install: the first name check builds deduce's cache, longer than a page may take here
    login(axe_context, alice, base_url=live_server.url)  # type: ignore[attr-defined]
    axe_page.goto(f"/initiatieven/{initiative.pk}/")
    assert_accessible(axe_page)
    axe_page.get_by_role("link", name="Bestand met reacties importeren").click()
    expect(axe_page.get_by_role("heading", level=1)).to_have_text("Klantfeedback importeren")
    assert_accessible(axe_page)

    axe_page.get_by_role("button", name="Uploaden en kolommen kiezen").click()
    expect(axe_page.get_by_role("alert")).to_contain_text("Kies een bestand")
    assert_accessible(axe_page)

    axe_page.get_by_label("Bestand met reacties").set_input_files(
        {"name": "enquete.csv", "mimeType": "text/csv", "buffer": FEEDBACK_CSV.encode()}
    )
    axe_page.get_by_role("button", name="Uploaden en kolommen kiezen").click()
    preview = axe_page.get_by_role("table")
    expect(preview).to_contain_text("[BSN]")
    expect(preview).not_to_contain_text("111222333")
    assert_accessible(axe_page)

    axe_page.get_by_role("button", name="Importeren").click()
    expect(axe_page.get_by_role("heading", name="Status: Klaar")).to_be_visible()
    assert_accessible(axe_page)

    axe_page.get_by_role("link", name="Bekijk de uitkomsten van deze import").click()
    expect(axe_page.get_by_role("heading", level=1)).to_have_text("Klantfeedback")
    expect(axe_page.get_by_role("table").first).to_contain_text("Vertrouwen")
    assert_accessible(axe_page)
