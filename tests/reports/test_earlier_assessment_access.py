"""The comparison with an earlier assessment shows only to people who may see that earlier assessment.

alice (UWV begeleider) led both sessions and may see both; charlie (KVK) takes part in the new session only. The
earlier one is closed and private to UWV: charlie must not learn its title or its scores from the report page, the
PDF or the session overview.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from denkraam.accounts.models import User
from denkraam.assessments.models import Assessment
from denkraam.initiatives.models import Initiative
from tests.reports.conftest import run_assessment

pytestmark = pytest.mark.django_db

EARLIER = "Vertrouwelijk gesprek van UWV"
COMPARISON = "Vergeleken met het vorige gesprek"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _pdf_text(content: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


@pytest.fixture
def sessions(initiative: Initiative, alice: User, bob: User, charlie: User) -> tuple[Assessment, Assessment]:
    earlier = run_assessment(initiative=initiative, facilitator=alice, others=[bob])
    Assessment.objects.filter(pk=earlier.pk).update(title=EARLIER)
    later = run_assessment(initiative=initiative, facilitator=alice, others=[charlie], close=False)
    Assessment.objects.filter(pk=later.pk).update(title="Gesprek met KVK")
    return earlier, later


def test_charlie_does_not_see_the_earlier_session_in_the_report_page(
    sessions: tuple[Assessment, Assessment], charlie: User, client_for: Callable[[User], Client]
) -> None:
    _, later = sessions
    response = client_for(charlie).get(reverse("reports:assessment", args=[later.pk]))
    assert response.status_code == 200
    text = _text(response.content.decode())
    assert "Gesprek met KVK" in text
    assert EARLIER not in text
    assert COMPARISON not in text
    assert "Toen" not in text  # the column with the earlier scores


def test_charlie_does_not_see_the_earlier_session_in_the_pdf(
    sessions: tuple[Assessment, Assessment], charlie: User, client_for: Callable[[User], Client]
) -> None:
    _, later = sessions
    response = client_for(charlie).get(reverse("reports:assessment_pdf", args=[later.pk]))
    assert response.status_code == 200
    text = _pdf_text(response.content)
    assert "Gesprek met KVK" in text
    assert EARLIER not in text
    assert COMPARISON not in text
    assert "Toen" not in text


def test_charlie_does_not_see_the_earlier_title_on_the_overview_or_the_comparison_page(
    sessions: tuple[Assessment, Assessment], charlie: User, client_for: Callable[[User], Client]
) -> None:
    _, later = sessions
    client = client_for(charlie)
    overview = _text(client.get(reverse("assessments:detail", kwargs={"assessment_id": later.pk})).content.decode())
    assert "Gesprek met KVK" in overview
    assert EARLIER not in overview
    assert "Vergelijk met het vorige gesprek" not in overview
    compare = _text(client.get(reverse("assessments:compare", kwargs={"assessment_id": later.pk})).content.decode())
    assert EARLIER not in compare
    assert "Er is geen eerder gesloten gesprek" in compare


def test_alice_who_may_see_both_sessions_gets_the_comparison_everywhere(
    sessions: tuple[Assessment, Assessment], alice: User, client_for: Callable[[User], Client]
) -> None:
    _, later = sessions
    client = client_for(alice)
    report = _text(client.get(reverse("reports:assessment", args=[later.pk])).content.decode())
    assert COMPARISON in report
    assert f"Verschil met '{EARLIER}'" in report
    pdf = _pdf_text(client.get(reverse("reports:assessment_pdf", args=[later.pk])).content)
    assert COMPARISON in pdf
    assert EARLIER in pdf
    overview = _text(client.get(reverse("assessments:detail", kwargs={"assessment_id": later.pk})).content.decode())
    assert f"Vergelijk met het vorige gesprek ({EARLIER})" in overview
    compare = _text(client.get(reverse("assessments:compare", kwargs={"assessment_id": later.pk})).content.decode())
    assert f"Vorig gesprek: {EARLIER}" in compare
