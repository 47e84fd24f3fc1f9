"""The pages as a user meets them: access, blindness on screen, the questionnaire, live progress, results."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Answer, Assessment
from tests.assessments.factories import answers_set

Q1 = "betrouwbaar-afspraken"
ClientFor = Callable[[User], Client]


def _urls(assessment: Assessment) -> dict[str, str]:
    pk = {"assessment_id": assessment.pk}
    action = Action.objects.filter(assessment=assessment).first()
    return {
        "detail": reverse("assessments:detail", kwargs=pk),
        "progress": reverse("assessments:progress", kwargs=pk),
        "participants": reverse("assessments:participants", kwargs=pk),
        "questionnaire": reverse("assessments:questionnaire", kwargs=pk),
        "agenda": reverse("assessments:agenda", kwargs=pk),
        "question": reverse("assessments:question", kwargs={**pk, "question_id": Q1}),
        "actions": reverse("assessments:actions", kwargs=pk),
        "compare": reverse("assessments:compare", kwargs=pk),
        "open": reverse("assessments:open", kwargs=pk),
        "reveal": reverse("assessments:reveal", kwargs=pk),
        "close": reverse("assessments:close", kwargs=pk),
        "action_status": reverse("assessments:action_status", kwargs={**pk, "action_id": action.pk}),
    }


@pytest.fixture
def revealed(assessment: Assessment, alice: User, bob: User) -> Assessment:
    answers_set(assessment=assessment, user=alice, ratings={Q1: "goed"})
    answers_set(assessment=assessment, user=bob, ratings={Q1: "onvoldoende"})
    services.assessment_reveal(assessment=assessment, actor=alice)
    services.action_create(assessment=assessment, actor=alice, title="Termijn noemen")
    return assessment


def test_charlie_gets_404_on_every_assessment_url(revealed: Assessment, charlie: User, client_for: ClientFor) -> None:
    client = client_for(charlie)
    for name, url in _urls(revealed).items():
        get = client.get(url)
        post = client.post(url, {"rating": "goed", "rationale": "x", "title": "x", "identifier": "charlie"})
        assert get.status_code in {404, 405}, name
        assert post.status_code in {404, 405}, name
        assert get.status_code == 404 or post.status_code == 404, name
    assert Answer.objects.filter(user=charlie).count() == 0


def test_anonymous_visitors_are_sent_to_login(revealed: Assessment) -> None:
    for name, url in _urls(revealed).items():
        response = Client().get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"], name


def test_the_start_page_is_404_for_charlie_and_works_for_bob(
    initiative, bob: User, charlie: User, client_for: ClientFor
) -> None:
    url = reverse("initiative_assessments:create", kwargs={"initiative_id": initiative.pk})
    assert client_for(charlie).get(url).status_code == 404
    response = client_for(bob).post(url, {"title": "Bob zijn gesprek", "facilitator_participates": "on"})
    assessment = Assessment.objects.get(title="Bob zijn gesprek")
    assert response["Location"] == reverse("assessments:participants", kwargs={"assessment_id": assessment.pk})
    assert assessment.facilitator == bob


def test_before_the_reveal_nobody_sees_anothers_rating_on_screen(
    assessment: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    answers_set(assessment=assessment, user=bob, ratings={Q1: "slecht"})
    Answer.objects.filter(user=bob).update(note="Bobs geheime toelichting")
    facilitator = client_for(alice)
    pages = [_urls_before(assessment)[k] for k in ("detail", "progress", "agenda", "question", "questionnaire")]
    for url in pages:
        html = facilitator.get(url).content.decode()
        assert "Bobs geheime toelichting" not in html, url
    # The facilitator does see that bob answered one question.
    assert "1 van 46" in facilitator.get(_urls_before(assessment)["progress"]).content.decode()
    # Bob sees his own answer on the questionnaire.
    own = client_for(bob).get(_urls_before(assessment)["questionnaire"] + "?principe=betrouwbaar").content.decode()
    assert "Bobs geheime toelichting" in own


def _urls_before(assessment: Assessment) -> dict[str, str]:
    pk = {"assessment_id": assessment.pk}
    return {
        "detail": reverse("assessments:detail", kwargs=pk),
        "progress": reverse("assessments:progress", kwargs=pk),
        "agenda": reverse("assessments:agenda", kwargs=pk),
        "question": reverse("assessments:question", kwargs={**pk, "question_id": Q1}),
        "questionnaire": reverse("assessments:questionnaire", kwargs=pk),
    }


def test_after_the_reveal_every_participant_sees_all_answers(
    revealed: Assessment, bob: User, client_for: ClientFor
) -> None:
    html = client_for(bob).get(_urls(revealed)["question"]).content.decode()
    assert "notitie alice" in html and "notitie bob" in html
    assert "Verschil van mening" in html and "⚠" in html


def test_the_questionnaire_saves_answers_and_explains_nvt_in_dutch(
    assessment: Assessment, bob: User, client_for: ClientFor
) -> None:
    client = client_for(bob)
    url = _urls_before(assessment)["questionnaire"]
    bad = client.post(url, {"principe": "betrouwbaar", f"{Q1}-rating": "nvt", f"{Q1}-reason": ""})
    assert bad.status_code == 400
    assert "Schrijf op waarom deze vraag niet van toepassing is." in bad.content.decode()
    assert not Answer.objects.filter(user=bob).exists()
    good = client.post(
        url,
        {
            "principe": "betrouwbaar",
            f"{Q1}-rating": "voldoende",
            f"{Q1}-note": "Meestal op tijd.",
            "betrouwbaar-volgende-stap-rating": "nvt",
            "betrouwbaar-volgende-stap-reason": "Er is geen vervolg.",
            "verder": "1",
        },
    )
    assert good.status_code == 302 and "?principe=transparant#vraag-transparant-" in good["Location"]
    assert dict(Answer.objects.filter(user=bob).values_list("question_id", "rating")) == {
        Q1: "voldoende",
        "betrouwbaar-volgende-stap": "nvt",
    }


def test_an_invited_participant_from_another_organisation_answers_through_the_page(
    assessment: Assessment, alice: User, charlie: User, client_for: ClientFor
) -> None:
    services.participant_invite(assessment=assessment, actor=alice, identifier="charlie")
    client = client_for(charlie)
    url = _urls_before(assessment)["questionnaire"]
    assert client.get(url).status_code == 200
    client.post(url, {"principe": "betrouwbaar", f"{Q1}-rating": "slecht"})
    assert Answer.objects.get(user=charlie).rating == "slecht"


def test_the_overview_polls_progress_and_works_without_javascript(
    assessment: Assessment, alice: User, client_for: ClientFor
) -> None:
    html = client_for(alice).get(_urls_before(assessment)["detail"]).content.decode()
    progress_url = _urls_before(assessment)["progress"]
    assert f'hx-get="{progress_url}"' in html and 'hx-trigger="every 5s"' in html
    assert "<progress" in html and "0 van 46" in html and "Vernieuwen" in html
    partial = client_for(alice).get(progress_url, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<section id="voortgang"') and "<html" not in partial


def test_consensus_form_is_for_the_facilitator_only(
    revealed: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    url = _urls(revealed)["question"]
    assert "Gezamenlijk oordeel vastleggen" not in client_for(bob).get(url).content.decode()
    assert client_for(bob).post(url, {"rating": "goed", "rationale": "Eens"}).status_code == 403
    response = client_for(alice).post(url, {"rating": "voldoende", "rationale": "Meestal op tijd."})
    assert response.status_code == 302
    assert "Meestal op tijd." in client_for(bob).get(url).content.decode()


def test_results_show_a_bar_with_a_text_equivalent_and_a_table(
    revealed: Assessment, bob: User, client_for: ClientFor
) -> None:
    html = client_for(bob).get(_urls(revealed)["detail"]).content.decode()
    # Median of goed and onvoldoende is onvoldoende: 33.
    assert "<title" in html and "Vertrouwen: 33 van 100 — onvoldoende" in html
    assert 'width="33"' in html and "<caption>Scores per behoefte" in html
    assert "style=" not in html


def test_a_closed_assessment_says_so_and_refuses_edits(
    revealed: Assessment, alice: User, client_for: ClientFor
) -> None:
    client = client_for(alice)
    urls = _urls(revealed)
    client.post(urls["close"], {"bevestigen": "ja"})
    page = client.get(urls["actions"]).content.decode()
    assert "gesloten" in page and "Actie toevoegen" not in page
    response = client.post(urls["question"], {"rating": "goed", "rationale": "Toch goed."}, follow=True)
    assert "Dit gesprek is gesloten" in response.content.decode()
    assert not revealed.consensus.exists()


def test_the_initiative_page_lists_assessments(assessment: Assessment, bob: User, client_for: ClientFor) -> None:
    html = client_for(bob).get(reverse("initiatives:detail", kwargs={"initiative_id": assessment.initiative_id}))
    assert html.status_code == 200
    text = html.content.decode()
    assert "Gesprekken" in text and assessment.title in text and "Nieuw gesprek starten" in text
