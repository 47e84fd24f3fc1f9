"""After saving a principle's answers the page goes on where the work goes on: the next open question."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.assessments.models import Assessment
from denkraam.framework import load_frame
from tests.assessments.factories import answers_set

ClientFor = Callable[[User], Client]


def _questionnaire(assessment: Assessment) -> str:
    return reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})


def test_saving_leads_to_the_next_open_question_of_the_same_principle(
    assessment: Assessment, bob: User, client_for: ClientFor
) -> None:
    q1, q2, q3 = (q.id for q in load_frame().principle("betrouwbaar").questions)
    answers_set(assessment=assessment, user=bob, ratings={q3: "goed"})
    response = client_for(bob).post(
        _questionnaire(assessment), {"principe": "betrouwbaar", f"{q1}-rating": "goed", "opslaan": "1"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?principe=betrouwbaar#vraag-{q2}")


def test_a_finished_principle_says_so_and_leads_to_its_questions(
    assessment: Assessment, bob: User, client_for: ClientFor
) -> None:
    q1, q2, q3 = (q.id for q in load_frame().principle("betrouwbaar").questions)
    answers_set(assessment=assessment, user=bob, ratings={q2: "goed", q3: "goed"})
    response = client_for(bob).post(
        _questionnaire(assessment), {"principe": "betrouwbaar", f"{q1}-rating": "slecht", "opslaan": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0].endswith("?principe=betrouwbaar#principe-titel")
    html = response.content.decode()
    assert "zijn opgeslagen. Alle vragen bij &#x27;Betrouwbaar en voorspelbaar&#x27; zijn beantwoord." in html


def test_the_questionnaire_offers_a_skip_link_to_the_questions_first(
    assessment: Assessment, bob: User, client_for: ClientFor
) -> None:
    html = client_for(bob).get(_questionnaire(assessment)).content.decode()
    assert html.index('href="#vragen">Direct naar de vragen</a>') < html.index('href="#inhoud"')
    assert 'id="vragen"' in html and "<details" in html


def test_a_form_sent_back_with_errors_counts_as_unsaved(
    assessment: Assessment, bob: User, client_for: ClientFor
) -> None:
    q1 = load_frame().principle("betrouwbaar").questions[0].id
    response = client_for(bob).post(_questionnaire(assessment), {"principe": "betrouwbaar", f"{q1}-rating": "nvt"})
    assert response.status_code == 400
    assert 'id="antwoorden" novalidate data-unsaved' in response.content.decode()


def test_the_next_open_question_is_one_the_session_covers(
    assessment: Assessment, bob: User, client_for: ClientFor
) -> None:
    q1, q2, q3 = (q.id for q in load_frame().principle("betrouwbaar").questions)
    Assessment.objects.filter(pk=assessment.pk).update(question_ids=[q1, q3])
    response = client_for(bob).post(
        _questionnaire(assessment), {"principe": "betrouwbaar", f"{q1}-rating": "goed", "opslaan": "1"}
    )
    assert response["Location"].endswith(f"#vraag-{q3}")
