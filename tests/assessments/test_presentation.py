"""The big screen and the live updates: only the facilitator drives it, and nothing leaks before the reveal."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.assessments import services
from denkraam.assessments.models import Assessment, Consensus
from denkraam.assessments.selectors.presentation import assessment_join_code, presentation_agenda
from denkraam.assessments.services.presentation import presentation_decide, presentation_start, presentation_step
from denkraam.framework import load_frame
from tests.assessments.factories import answers_set

ClientFor = Callable[[User], Client]
LABELS = ["Goed", "Voldoende", "Onvoldoende", "Slecht", "Niet van toepassing"]
# Three questions with a different spread each, so the agenda order is fixed: two steps apart first.
RATINGS_ALICE = {"betrouwbaar-afspraken": "goed", "betrouwbaar-volgende-stap": "goed", "betrouwbaar-kanalen": "goed"}
RATINGS_BOB = {
    "betrouwbaar-afspraken": "slecht",
    "betrouwbaar-volgende-stap": "onvoldoende",
    "betrouwbaar-kanalen": "voldoende",
}


def _answered(assessment: Assessment, alice: User, bob: User) -> Assessment:
    answers_set(assessment=assessment, user=alice, ratings=RATINGS_ALICE)
    answers_set(assessment=assessment, user=bob, ratings=RATINGS_BOB)
    return assessment


@pytest.fixture
def revealed(assessment: Assessment, alice: User, bob: User) -> Assessment:
    _answered(assessment, alice, bob)
    return services.assessment_reveal(assessment=assessment, actor=alice)


def _urls(assessment: Assessment) -> dict[str, str]:
    pk = {"assessment_id": assessment.pk}
    return {
        name: reverse(f"assessments:{name}", kwargs=pk)
        for name in ["present", "present_live", "present_start", "present_move", "live"]
    }


def _agenda_ids(assessment: Assessment) -> list[str]:
    return [s.question_id for s in presentation_agenda(assessment=assessment)]


# Services


def test_the_facilitator_moves_the_screen_to_the_next_item_and_back(revealed: Assessment, alice: User) -> None:
    ids = _agenda_ids(revealed)
    assert ids == ["betrouwbaar-afspraken", "betrouwbaar-volgende-stap", "betrouwbaar-kanalen"]
    presentation_step(assessment=revealed, actor=alice, from_question_id=ids[0], step=1)
    stored = Assessment.objects.get(pk=revealed.pk)
    assert stored.current_question_id == ids[1]
    assert stored.current_item_started_at is not None
    assert stored.session_started_at is not None
    presentation_step(assessment=revealed, actor=alice, from_question_id=ids[1], step=-1)
    assert Assessment.objects.get(pk=revealed.pk).current_question_id == ids[0]


def test_a_double_click_on_next_moves_the_screen_once(revealed: Assessment, alice: User) -> None:
    ids = _agenda_ids(revealed)
    for _ in range(2):
        presentation_step(assessment=revealed, actor=alice, from_question_id=ids[0], step=1)
    assert Assessment.objects.get(pk=revealed.pk).current_question_id == ids[1]


def test_a_participant_cannot_move_the_screen(revealed: Assessment, bob: User) -> None:
    with pytest.raises(PermissionDenied):
        presentation_step(assessment=revealed, actor=bob, from_question_id="", step=1)
    with pytest.raises(PermissionDenied):
        presentation_start(assessment=revealed, actor=bob)
    stored = Assessment.objects.get(pk=revealed.pk)
    assert stored.current_question_id == "" and stored.session_started_at is None


def test_the_screen_cannot_move_before_the_reveal_or_past_the_ends(
    assessment: Assessment, revealed: Assessment, alice: User
) -> None:
    ids = _agenda_ids(revealed)
    with pytest.raises(ValidationError, match="eerste agendapunt"):
        presentation_step(assessment=revealed, actor=alice, from_question_id=ids[0], step=-1)
    with pytest.raises(ValidationError, match="laatste agendapunt"):
        presentation_step(assessment=revealed, actor=alice, from_question_id=ids[-1], step=1)
    with pytest.raises(ValidationError, match="niet op de agenda"):
        presentation_step(assessment=revealed, actor=alice, from_question_id="bestaat-niet", step=1)
    services.assessment_close(assessment=revealed, actor=alice)
    with pytest.raises(ValidationError, match="gesloten"):
        presentation_step(assessment=revealed, actor=alice, from_question_id=ids[0], step=1)


def test_the_screen_cannot_move_while_the_questionnaire_is_open(assessment: Assessment, alice: User) -> None:
    with pytest.raises(ValidationError, match="onthuld"):
        presentation_step(assessment=assessment, actor=alice, from_question_id="", step=1)


def test_starting_the_session_sets_its_clock_once(assessment: Assessment, alice: User) -> None:
    presentation_start(assessment=assessment, actor=alice)
    first = Assessment.objects.get(pk=assessment.pk).session_started_at
    presentation_start(assessment=assessment, actor=alice)
    assert first is not None and Assessment.objects.get(pk=assessment.pk).session_started_at == first


def test_deciding_records_the_consensus_and_shows_the_next_item(revealed: Assessment, alice: User) -> None:
    ids = _agenda_ids(revealed)
    _, moved = presentation_decide(
        assessment=revealed, actor=alice, question_id=ids[0], rating="onvoldoende", rationale="Termijn ontbreekt."
    )
    assert moved
    assert Consensus.objects.get(assessment=revealed, question_id=ids[0]).rating == "onvoldoende"
    assert Assessment.objects.get(pk=revealed.pk).current_question_id == ids[1]


def test_a_decision_without_rationale_stores_nothing_and_the_screen_stays(revealed: Assessment, alice: User) -> None:
    ids = _agenda_ids(revealed)
    with pytest.raises(ValidationError):
        presentation_decide(assessment=revealed, actor=alice, question_id=ids[0], rating="goed", rationale=" ")
    assert not Consensus.objects.filter(assessment=revealed).exists()
    assert Assessment.objects.get(pk=revealed.pk).current_question_id == ""


def test_the_agenda_on_the_screen_keeps_to_the_questions_of_the_session(revealed: Assessment) -> None:
    Assessment.objects.filter(pk=revealed.pk).update(question_ids=["betrouwbaar-kanalen", "betrouwbaar-afspraken"])
    revealed.refresh_from_db()
    assert _agenda_ids(revealed) == ["betrouwbaar-afspraken", "betrouwbaar-kanalen"]


# Views


def test_charlie_gets_404_on_every_screen_url_and_nothing_changes(
    revealed: Assessment, charlie: User, client_for: ClientFor
) -> None:
    client = client_for(charlie)
    for name, url in _urls(revealed).items():
        assert client.get(url).status_code in {404, 405}, name
        assert client.post(url, {"richting": "volgende", "vraag": ""}).status_code in {404, 405}, name
    stored = Assessment.objects.get(pk=revealed.pk)
    assert stored.current_question_id == "" and stored.session_started_at is None


def test_a_participant_can_neither_open_nor_drive_the_screen(
    revealed: Assessment, bob: User, client_for: ClientFor
) -> None:
    client = client_for(bob)
    urls = _urls(revealed)
    assert client.get(urls["present"]).status_code == 403
    assert client.get(urls["present_live"]).status_code == 403
    assert client.post(urls["present_move"], {"richting": "volgende", "vraag": ""}).status_code == 403
    assert client.post(urls["present_start"]).status_code == 403
    assert Assessment.objects.get(pk=revealed.pk).current_question_id == ""


def test_before_the_reveal_the_screen_shows_code_qr_and_progress_but_no_rating(
    assessment: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    _answered(assessment, alice, bob)
    client = client_for(alice)
    urls = _urls(assessment)
    for response in (client.get(urls["present"]), client.get(urls["present_live"])):
        page = response.content.decode()
        assert response.status_code == 200
        assert assessment_join_code(assessment=assessment) in page
        assert "<svg" in page
        assert "3 van 46" in page
        for label in LABELS:
            assert label not in page
        assert "notitie" not in page
    assert "niet de antwoorden zelf" in client.get(urls["present"]).content.decode()


def test_the_participants_live_line_says_nothing_about_ratings_before_the_reveal(
    assessment: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    _answered(assessment, alice, bob)
    response = client_for(bob).get(_urls(assessment)["live"])
    page = response.content.decode()
    assert response.status_code == 200
    for label in LABELS:
        assert label not in page
    assert "onthuld" not in page


def test_an_unchanged_state_costs_a_204_and_a_change_brings_the_new_partial(
    revealed: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    url = _urls(revealed)["live"]
    participant = client_for(bob)
    first = participant.get(url).content.decode()
    version = re.search(r'data-version="([0-9a-f]+)"', first).group(1)  # type: ignore[union-attr]
    assert participant.get(url, {"v": version}).status_code == 204
    client_for(alice).post(_urls(revealed)["present_start"])
    changed = participant.get(url, {"v": version})
    assert changed.status_code == 200
    assert "Op het scherm: " in changed.content.decode()


def test_the_screen_counts_the_items_that_fit_the_time_box_and_calls_the_rest_extra(
    revealed: Assessment, alice: User, client_for: ClientFor
) -> None:
    # 3 questions take 2 minutes to answer; 12 minutes leave room for one 10-minute item.
    Assessment.objects.filter(pk=revealed.pk).update(time_box_minutes=12, item_minutes=10)
    ids = _agenda_ids(revealed)
    facilitator = client_for(alice)
    assert "Agendapunt 1 van 1" in facilitator.get(_urls(revealed)["present"]).content.decode()
    facilitator.post(_urls(revealed)["present_move"], {"richting": "volgende", "vraag": ids[0]})
    screen = facilitator.get(_urls(revealed)["present"]).content.decode()
    assert "Extra agendapunt, als er tijd over is (2 van 3)" in screen


def test_next_from_the_screen_shows_the_next_question_to_participants(
    revealed: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    ids = _agenda_ids(revealed)
    facilitator = client_for(alice)
    response = facilitator.post(_urls(revealed)["present_move"], {"richting": "volgende", "vraag": ids[0]})
    assert response.status_code == 302
    screen = facilitator.get(_urls(revealed)["present"]).content.decode()
    assert "Agendapunt 2 van 3" in screen
    assert load_frame().question(ids[1]).text in screen
    live = client_for(bob).get(_urls(revealed)["live"]).content.decode()
    assert f"/vragen/{ids[1]}/" in live


def test_one_submit_records_the_consensus_and_moves_on(
    revealed: Assessment, alice: User, client_for: ClientFor
) -> None:
    ids = _agenda_ids(revealed)
    data = {"richting": "vastleggen", "vraag": ids[0], "rating": "onvoldoende", "rationale": "Geen termijn."}
    response = client_for(alice).post(_urls(revealed)["present_move"], data)
    assert response.status_code == 302
    assert Consensus.objects.get(assessment=revealed, question_id=ids[0]).rationale == "Geen termijn."
    assert Assessment.objects.get(pk=revealed.pk).current_question_id == ids[1]


def test_a_decision_without_rating_gets_a_dutch_error_and_changes_nothing(
    revealed: Assessment, alice: User, client_for: ClientFor
) -> None:
    ids = _agenda_ids(revealed)
    response = client_for(alice).post(
        _urls(revealed)["present_move"], {"richting": "vastleggen", "vraag": ids[0], "rationale": "x"}
    )
    assert response.status_code == 400
    assert "Kies het gezamenlijke oordeel." in response.content.decode()
    assert not Consensus.objects.filter(assessment=revealed).exists()
    assert Assessment.objects.get(pk=revealed.pk).current_question_id == ""


def test_the_screen_shows_names_with_the_answers_unless_the_session_is_anonymous(
    revealed: Assessment, alice: User, client_for: ClientFor
) -> None:
    url = _urls(revealed)["present"]
    names = [alice.get_full_name(), "Bob"]
    page = client_for(alice).get(url).content.decode()
    assert all(name in page for name in names)
    Assessment.objects.filter(pk=revealed.pk).update(anonymous=True)
    page = client_for(alice).get(url).content.decode()
    main = page.split('id="inhoud"', 1)[1]
    assert not any(name in main for name in names)
    assert "anoniem" in page


def test_the_join_code_leads_a_participant_to_the_questionnaire(
    assessment: Assessment, bob: User, client_for: ClientFor
) -> None:
    code = assessment_join_code(assessment=assessment)
    response = client_for(bob).get(reverse("assessments:join"), {"code": f" {code.lower()[:3]}-{code[3:]} "})
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})


def test_the_join_code_gives_charlie_the_normal_no_access_page(
    assessment: Assessment, charlie: User, client_for: ClientFor
) -> None:
    code = assessment_join_code(assessment=assessment)
    known = client_for(charlie).get(reverse("assessments:join"), {"code": code})
    unknown = client_for(charlie).get(reverse("assessments:join"), {"code": "000000" if code != "000000" else "111111"})
    assert known.status_code == unknown.status_code == 404
    assert str(assessment.pk) not in known.content.decode()


def test_a_malformed_join_code_gets_a_dutch_error(bob: User, client_for: ClientFor) -> None:
    response = client_for(bob).get(reverse("assessments:join"), {"code": "<script>"})
    assert response.status_code == 400
    assert "Vul de code van zes tekens in" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_the_screens_progress_poll_answers_204_until_someone_answers(
    assessment: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    url = _urls(assessment)["present_live"]
    facilitator = client_for(alice)
    first = facilitator.get(url).content.decode()
    version = re.search(r'data-version="([0-9a-f]+)"', first).group(1)  # type: ignore[union-attr]
    assert "0 van 46" in first
    assert facilitator.get(url, {"v": version}).status_code == 204
    services.answer_save(assessment=assessment, user=bob, question_id="betrouwbaar-afspraken", rating="slecht")
    changed = facilitator.get(url, {"v": version})
    assert changed.status_code == 200
    page = changed.content.decode()
    assert "1 van 46" in page
    assert "Slecht" not in page


def test_an_anonymous_session_shows_no_names_in_the_progress_on_the_screen(
    assessment: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(anonymous=True)
    _answered(assessment, alice, bob)
    page = client_for(alice).get(_urls(assessment)["present"]).content.decode()
    main = page.split('id="inhoud"', 1)[1]
    assert "0 van 2 deelnemers zijn klaar" in main
    assert "Bob" not in main and alice.get_full_name() not in main


def test_without_javascript_the_screen_reloads_itself_until_the_reveal_and_then_no_more(
    assessment: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    refresh = '<noscript><meta http-equiv="refresh" content="10"></noscript>'
    client = client_for(alice)
    assert refresh in client.get(_urls(assessment)["present"]).content.decode()
    _answered(assessment, alice, bob)
    services.assessment_reveal(assessment=assessment, actor=alice)
    page = client.get(_urls(assessment)["present"]).content.decode()
    assert refresh not in page
    assert '<form method="post" action="' + _urls(assessment)["present_move"] in page
