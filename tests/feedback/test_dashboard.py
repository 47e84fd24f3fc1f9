"""The feedback dashboard, the initiative page section and the figures shown on assessment questions."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.analysis.feedback.themes import load_themes
from denkraam.assessments import services as assessment_services
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.feedback.relevance import THEME_QUESTIONS
from denkraam.feedback.selectors import feedback_need_evidence
from denkraam.framework import load_frame
from denkraam.initiatives.models import Initiative
from tests.feedback.conftest import csv_upload, dashboard_url

pytestmark = pytest.mark.django_db

SECOND_FILE = "reactie;datum\nHeel onduidelijke brief, ik snap niet wat ik moet doen.;2024-06-01\n"


def test_the_dashboard_shows_the_share_of_every_need(
    imported: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    imported(alice, initiative)
    page = client_for(alice).get(dashboard_url(initiative)).content.decode()
    total = FeedbackComment.objects.count()
    for need, label in [("vertrouwen", "Vertrouwen"), ("persoonlijk", "Persoonlijk"), ("gemak", "Gemak")]:
        count = FeedbackComment.objects.filter(need=need).count()
        row = f'<th scope="row">{label}</th><td>{count}</td><td>{round(100 * count / total)}%</td>'
        assert row in page, label
    assert f"{total} reacties" in page
    assert "<svg" in page and 'role="img"' in page and "style=" not in page


def test_the_dashboard_shows_a_monthly_trend_themes_channels_and_scrubbed_quotes(
    imported: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    imported(alice, initiative)
    page = client_for(alice).get(dashboard_url(initiative)).content.decode()
    assert '<th scope="row">mrt 2024</th><td>2</td>' in page
    assert '<th scope="row">apr 2024</th><td>2</td>' in page
    assert '<th scope="row">mei 2024</th><td>3</td>' in page
    assert '<th scope="row">Telefoon</th><td>2</td>' in page  # "Telefoon" and "telefonisch"
    assert "Thema&#x27;s" in page or "Thema's" in page
    quotes = re.findall(r'<blockquote class="denkraam-fb-quote"><p class="utrecht-paragraph">(.*?)</p>', page)
    assert quotes and not any("Jansen" in q or "111222333" in q for q in quotes)


def test_the_dashboard_filters_by_import(
    imported: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    imported(alice, initiative)
    second = imported(
        alice,
        initiative,
        csv_upload(SECOND_FILE, "brief.csv"),
        {"text_column": "0", "date_column": "1", "channel_column": ""},
    )
    client = client_for(alice)
    assert "9 reacties" in client.get(dashboard_url(initiative)).content.decode()
    only_second = client.get(dashboard_url(initiative) + f"?import={second.pk}").content.decode()
    assert "1 reacties uit brief.csv" in only_second
    assert client.get(dashboard_url(initiative) + "?import=geen-uuid").status_code == 404


def test_an_empty_dashboard_says_there_is_no_feedback_yet(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    page = client_for(alice).get(dashboard_url(initiative)).content.decode()
    assert "Er is nog geen afgeronde import" in page and "Bestand met reacties importeren" in page


def test_the_initiative_page_has_a_klantfeedback_section(
    imported: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    imported(alice, initiative)
    page = (
        client_for(alice).get(reverse("initiatives:detail", kwargs={"initiative_id": initiative.pk})).content.decode()
    )
    assert 'id="klantfeedback-titel">Klantfeedback</h2>' in page
    assert "8 reacties van klanten" in page and dashboard_url(initiative) in page


def test_assessment_questions_that_use_feedback_show_what_customers_say(
    imported: Callable[..., FeedbackImport],
    client_for: Callable[[User], Client],
    alice: User,
    bob: User,
    initiative: Initiative,
) -> None:
    imported(alice, initiative)
    assessment = assessment_services.assessment_create(initiative=initiative, actor=alice, title="Gesprek")
    assessment_services.participant_invite(assessment=assessment, actor=alice, identifier="bob")
    assessment_services.assessment_open(assessment=assessment, actor=alice)
    url = reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk}) + "?principe=kanalen-kiezen"
    page = client_for(bob).get(url).content.decode()
    gemak = FeedbackComment.objects.filter(need="gemak").count()
    assert f"<strong>Klantfeedback:</strong> {gemak} van 8 reacties" in page
    assert "gaan over gemak" in page
    assert "111222333" not in page and "Jansen" not in page
    kwargs = {"assessment_id": assessment.pk, "question_id": "begrijpelijke-taal-getest"}
    assert (
        "<strong>Klantfeedback:</strong>"
        in client_for(alice).get(reverse("assessments:question", kwargs=kwargs)).content.decode()
    )


def test_questions_without_feedback_evidence_show_nothing(
    imported: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    imported(alice, initiative)
    assessment = assessment_services.assessment_create(initiative=initiative, actor=alice, title="Gesprek")
    kwargs = {"assessment_id": assessment.pk, "question_id": "transparant-besluit"}
    response = client_for(alice).get(reverse("assessments:question", kwargs=kwargs))
    assert response.status_code == 200
    assert "<strong>Klantfeedback:</strong>" not in response.content.decode()


def test_feedback_quotes_appear_only_under_the_questions_their_theme_informs(
    imported: Callable[..., FeedbackImport], alice: User, initiative: Initiative
) -> None:
    imported(alice, initiative)
    reach = feedback_need_evidence(initiative=initiative, need="gemak", question_id="kanalen-kiezen-bereikbaar")
    assert reach is not None and reach.quotes
    tagged = {c.text for c in FeedbackComment.objects.all() if {"wachttijd", "bereikbaarheid", "loket"} & set(c.themes)}
    assert set(reach.quotes) <= tagged
    assert {t.id for t in reach.themes} <= {"wachttijd", "bereikbaarheid", "loket"}
    # No comment is about mistakes: the questions on mistakes show the need's figures and no quote at all.
    mistakes = feedback_need_evidence(initiative=initiative, need="vertrouwen", question_id="fouten-herstellen-leren")
    assert mistakes is not None and mistakes.quotes == [] and mistakes.themes == []
    assert mistakes.count == FeedbackComment.objects.filter(need="vertrouwen").count()


def test_every_feedback_theme_is_placed_on_questions_that_take_feedback() -> None:
    feedback_questions = {q.id for q in load_frame().questions() if "feedback" in q.evidence}
    assert {t.id for t in load_themes()} == set(THEME_QUESTIONS)
    for theme, questions in THEME_QUESTIONS.items():
        assert set(questions) <= feedback_questions, theme
