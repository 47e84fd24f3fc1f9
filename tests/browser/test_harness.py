"""The browser harness itself: the accessibility check must be able to fail, or its green means nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.axe import axe_violations, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_accessibility_check_reports_an_unlabelled_field_readably(axe_page: Page) -> None:
    axe_page.set_content(
        '<!DOCTYPE html><html lang="nl"><head><title>t</title></head>'
        '<body><main><h1>Formulier</h1><input type="text" name="naam"></main></body></html>'
    )
    violations = axe_violations(axe_page)
    assert "label" in {v["id"] for v in violations}
    report = format_violations(violations, url="about:blank")
    assert "[critical] label" in report
    assert "<input" in report
