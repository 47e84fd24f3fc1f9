"""The standalone HTML report of `denkraam check --format html`, opened from disk in a real browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Page, expect

from denkraam.cli import main
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser

LETTER = """Geachte heer Jansen,

Middels deze brief delen wij u mede dat uw aanvraag inzake de WW-uitkering door ons in behandeling is genomen.
U dient de ontbrekende gegevens zo spoedig mogelijk te verstrekken, teneinde vertraging te voorkomen.
Uw dossiernummer is <script>document.title = "gehackt"</script> <img src=x onerror="document.title='gehackt'">.

Met vriendelijke groet,

UWV
"""


@pytest.fixture
def report_page(browser: Browser, tmp_path: Path) -> Iterator[Page]:
    source, target = tmp_path / "brief.txt", tmp_path / "rapport.html"
    source.write_text(LETTER, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(source), "--format", "html", "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    # axe-core is injected as a script; the report itself needs no script and has none.
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(target.as_uri())
    yield page
    assert not errors, errors
    context.close()


def test_the_report_is_accessible_and_shows_level_and_scores(report_page: Page) -> None:
    assert_accessible(report_page)
    expect(report_page.locator("h1")).to_contain_text("brief.txt")
    expect(report_page.get_by_text(re.compile(r"^Leesniveau \d van 4"))).to_contain_text("4 van 4")
    expect(report_page.get_by_text("Deze tekst is niet op B1-niveau")).to_be_visible()
    for need in ("Vertrouwen", "Persoonlijk", "Gemak"):
        expect(report_page.get_by_role("rowheader", name=need)).to_be_visible()


def test_each_marked_passage_has_a_number_that_leads_to_its_explanation(report_page: Page) -> None:
    marks = report_page.locator(".tekst mark")
    assert marks.count() >= 5
    link = report_page.locator(".tekst sup a").first
    number = link.inner_text()
    link.click()
    row = report_page.locator("tr:target")
    expect(row).to_have_count(1)
    expect(row.locator("td").first).to_have_text(number)
    # ... and back from the explanation to the place in the text.
    row.get_by_role("link", name="naar de tekst").click()
    assert report_page.url.endswith(f"-m{number}")


def test_findings_do_not_rely_on_colour(report_page: Page) -> None:
    # In forced-colours mode (Windows high contrast) backgrounds disappear; the numbers must stay readable.
    report_page.emulate_media(forced_colors="active")
    numbers = report_page.locator(".tekst sup a")
    assert numbers.count() >= 5
    expect(numbers.first).to_be_visible()
    box = numbers.first.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0


def test_markup_in_the_checked_text_is_shown_not_run(report_page: Page) -> None:
    expect(report_page).not_to_have_title("gehackt")
    expect(report_page.locator(".tekst")).to_contain_text("<script>")
    assert report_page.locator(".tekst img").count() == 0
