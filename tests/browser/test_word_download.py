"""'Brief met opmerkingen (Word)' in a real browser: after the result appears while typing, the button downloads
the text as a Word file with the findings as comments, and the page stays where it was."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import User
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LETTER = "Geachte mevrouw Bakker,\n\nHierbij delen wij u mede dat uw aanvraag is ontvangen.\n\nMet vriendelijke groet,"


def test_the_word_file_downloads_with_the_typed_text_and_its_comments(
    context: BrowserContext, page: Page, live_server: object, alice: User, tmp_path: Path
) -> None:
    login(context, alice, base_url=live_server.url)  # type: ignore[attr-defined]
    page.goto("/tekstcheck/")
    page.get_by_label("Tekst", exact=True).fill(LETTER)
    result = page.locator("#tekstcheck-uitkomst")
    expect(result).to_contain_text("Leesniveau")  # swapped in by htmx while typing
    with page.expect_download() as download_info:
        result.get_by_role("button", name="Brief met opmerkingen (Word)").click()
    download = download_info.value
    assert download.suggested_filename == "Brief met opmerkingen.docx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs] == LETTER.split("\n")
    comments = list(document.comments)
    assert comments[0].text.startswith("Tekstcheck van denkraam: samenvatting")
    assert any(c.paragraphs[0].text == "'Hierbij' is ambtelijk of moeilijk." for c in comments)
    expect(page.get_by_label("Tekst", exact=True)).to_have_value(LETTER)  # still on the page, text still there
