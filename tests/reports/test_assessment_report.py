from __future__ import annotations

import html
import io
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from denkraam.accounts.models import User
from denkraam.assessments.models import Assessment
from denkraam.framework import load_frame

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_report_shows_scores_consensus_spread_evidence_and_actions(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).get(reverse("reports:assessment", args=[closed_assessment.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    assert "Brief over de WW-uitkering" in text
    assert "Vertrouwen:" in text and "van 100" in text
    assert "De brief noemt geen datum." in text  # the rationale of the consensus
    assert "gezamenlijk oordeel" in text
    assert "Groot verschil" in text  # goed against slecht
    assert "https://example.org/brief.pdf" in html  # evidence cited in an answer
    assert "Zet de datum in de brief" in text
    assert "Reden: Wij sturen geen brief." in text


def test_the_score_chart_has_a_title_and_a_data_table_next_to_it(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    html = client_for(alice).get(reverse("reports:assessment", args=[closed_assessment.pk])).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="denkraam-chart" role="img"' in html
    assert '<title id="scores-title">Score per behoefte' in html
    assert "Score per behoefte als tabel" in html
    assert 'style="' not in html  # the Content Security Policy forbids inline styles


def test_before_the_reveal_the_report_shows_progress_but_nobody_elses_answers(
    open_assessment: Assessment, bob: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(bob).get(reverse("reports:assessment", args=[open_assessment.pk]))
    text = _text(response.content.decode())
    assert "De antwoorden zijn nog niet onthuld" in text
    assert "1 van 46" in text
    assert "Geheim van Alice" not in text
    assert "Geheim van Bob" not in text  # the report shows no answers at all before the reveal


def test_the_pdf_has_page_numbers_and_the_summary_on_page_one(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).get(reverse("reports:assessment_pdf", args=[closed_assessment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    pages = len(reader.pages)
    assert pages > 1
    first = reader.pages[0].extract_text()
    assert "Brief over de WW-uitkering" in first
    assert "Samenvatting" in first
    assert f"pagina 1 van {pages}" in first
    today = date_format(timezone.localdate(), "j F Y")
    assert f"denkraam · {today}" in first  # the date in the page footer


@pytest.mark.parametrize(
    "name,args",
    [
        ("reports:assessment", []),
        ("reports:assessment_pdf", []),
        ("reports:assessment_json", []),
        ("reports:answers_export", ["csv"]),
        ("reports:answers_export", ["xlsx"]),
        ("reports:actions_export", ["csv"]),
    ],
)
def test_charlie_gets_404_for_every_report_of_alices_assessment(
    name: str, args: list[str], closed_assessment: Assessment, charlie: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(charlie).get(reverse(name, args=[closed_assessment.pk, *args]))
    assert response.status_code == 404
    assert b"Brief over de WW-uitkering" not in response.content


def test_anonymous_visitors_are_sent_to_the_login_page(closed_assessment: Assessment) -> None:
    response = Client().get(reverse("reports:assessment_pdf", args=[closed_assessment.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_reader_of_the_owner_organisation_may_read_the_report(
    closed_assessment: Assessment, client_for: Callable[[User], Client]
) -> None:
    from denkraam.accounts.models import Membership
    from tests.factories import MembershipFactory, UserFactory

    reader = UserFactory(username="lezer")
    MembershipFactory(user=reader, organisation=closed_assessment.initiative.owner, role=Membership.Role.LEZER)
    assert client_for(reader).get(reverse("reports:assessment", args=[closed_assessment.pk])).status_code == 200


def test_the_report_lists_only_the_questions_the_session_covers(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    questions = load_frame().questions()
    chosen, left_out = questions[:12], questions[12:]
    Assessment.objects.filter(pk=closed_assessment.pk).update(question_ids=[q.id for q in chosen])
    page = client_for(alice).get(reverse("reports:assessment", args=[closed_assessment.pk])).content.decode()
    text = _text(html.unescape(page))
    section = text[text.index("Alle vragen") : text.index("Afgesproken acties")]
    assert all(q.text in section for q in chosen)
    assert not any(q.text in section for q in left_out)
