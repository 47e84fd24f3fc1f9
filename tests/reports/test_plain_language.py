"""The reports' own words (summary, headings, explanations) are plain Dutch: denkraam's text check says level ≤ 2."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.assessments.models import Assessment

pytestmark = pytest.mark.django_db

OWN_TEXT = re.compile(r"<(h2|h3|p|li|caption)\b[^>]*>(.*?)</\1>", re.DOTALL)


def _own_text(page: str) -> str:
    """Headings, paragraphs, list items and captions as sentences; answers and notes by people are in tables."""
    main = page.split('<main id="inhoud"', 1)[-1].split("</main>", 1)[0]
    pieces = []
    for _, inner in OWN_TEXT.findall(main):
        text = html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inner))).strip()
        if text:
            pieces.append(text if text.endswith((".", ":", "?", "!")) else text + ".")
    return "\n".join(pieces)


@pytest.mark.parametrize("page", ["assessment", "initiative", "portfolio"])
def test_the_reports_own_text_reads_at_level_two_or_lower(
    page: str, closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    from denkraam.analysis import check_text

    urls = {
        "assessment": reverse("reports:assessment", args=[closed_assessment.pk]),
        "initiative": reverse("reports:initiative", args=[closed_assessment.initiative_id]),
        "portfolio": reverse("reports:portfolio"),
    }
    text = _own_text(client_for(alice).get(urls[page]).content.decode())
    # Keep only the report's own sentences: not the frame's questions nor the people's notes.
    assert "Samenvatting" in text or page != "assessment"
    report = check_text(text)
    assert report.readability.level <= 2, (report.readability.score, text)
