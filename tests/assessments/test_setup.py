"""Session set-up (issue 15): which questions a session covers, its time box and anonymity."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import AuditEvent, User
from denkraam.assessments import services
from denkraam.assessments.models import Answer, Assessment, Consensus
from denkraam.assessments.selectors import (
    agenda_plan,
    assessment_need_results_bulk,
    assessment_principles,
    assessment_progress,
    assessment_questions,
    assessment_results,
    assessment_scope,
)
from denkraam.framework import load_frame
from denkraam.initiatives.models import Initiative
from denkraam.notifications.selectors import reminder_recipients
from denkraam.reports.selectors import assessment_report
from tests.assessments.factories import answers_set

ClientFor = Callable[[User], Client]
SCAN = load_frame().question_set("snelle-scan").question_ids
TWO = ("transparant-besluit", "weinig-stappen-aantal")  # one of vertrouwen, one of gemak


def _session(initiative: Initiative, alice: User, bob: User, setup: services.Setup) -> Assessment:
    assessment = services.assessment_create(initiative=initiative, actor=alice, title="Workshop", setup=setup)
    services.participant_invite(assessment=assessment, actor=alice, identifier="bob")
    return assessment


@pytest.fixture
def scan(initiative: Initiative, alice: User, bob: User) -> Assessment:
    """A quick-scan session in preparation, led by alice, with alice and bob."""
    return _session(initiative, alice, bob, services.Setup(question_set="snelle-scan"))


@pytest.fixture
def picked(initiative: Initiative, alice: User, bob: User) -> Assessment:
    """An open session of two hand-picked questions."""
    assessment = _session(initiative, alice, bob, services.Setup(question_set="eigen", question_ids=TWO))
    return services.assessment_open(assessment=assessment, actor=alice)


def _page(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


# --- services ---------------------------------------------------------------------------------------------------


def test_a_quick_scan_session_stores_the_twelve_ids_and_writes_them_in_the_audit_line(scan: Assessment) -> None:
    assert scan.question_set == "snelle-scan"
    assert scan.question_ids == list(SCAN)
    event = AuditEvent.objects.get(action="assessment.created")
    assert "Snelle scan (12 vragen)" in event.summary
    assert event.data["question_count"] == 12


def test_a_hand_picked_selection_is_stored_in_frame_order_once(initiative: Initiative, alice: User) -> None:
    setup = services.Setup(question_set="eigen", question_ids=[TWO[1], TWO[0], TWO[1]])
    assessment = services.assessment_create(initiative=initiative, actor=alice, title="Kort", setup=setup)
    assert assessment.question_ids == list(TWO)
    assert assessment_scope(assessment=assessment).label == "Eigen keuze (2 vragen)"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (services.Setup(question_set="eigen"), "Kies minstens één vraag"),
        (services.Setup(question_set="eigen", question_ids=["bestaat-niet"]), "Deze vraag bestaat niet"),
        (services.Setup(question_set="geen-set"), "Deze vragenset bestaat niet"),
        (services.Setup(time_box_minutes=5), "van 10 tot 480 minuten"),
        (services.Setup(item_minutes=0), "van 1 tot 60 minuten"),
        (services.Setup(time_box_minutes=20, item_minutes=30), "niet langer duren dan het hele gesprek"),
    ],
)
def test_a_set_up_that_does_not_fit_the_frame_is_refused_in_dutch_and_nothing_is_stored(
    initiative: Initiative, alice: User, setup: services.Setup, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        services.assessment_create(initiative=initiative, actor=alice, title="Mis", setup=setup)
    assert not Assessment.objects.exists()


def test_the_set_up_can_change_in_preparation_with_an_audit_line(scan: Assessment, alice: User) -> None:
    setup = services.Setup(question_set="", anonymous=True, time_box_minutes=90, item_minutes=6)
    services.assessment_setup_update(assessment=scan, actor=alice, setup=setup)
    scan.refresh_from_db()
    assert (scan.question_set, scan.question_ids, scan.anonymous) == ("", [], True)
    assert (scan.time_box_minutes, scan.item_minutes) == (90, 6)
    event = AuditEvent.objects.get(action="assessment.setup_changed")
    assert "Hele denkraam (46 vragen), 90 minuten, 6 minuten per agendapunt, anoniem" in event.summary
    services.assessment_setup_update(assessment=scan, actor=alice, setup=setup)
    assert AuditEvent.objects.filter(action="assessment.setup_changed").count() == 1


def test_nothing_of_the_set_up_can_change_after_opening(scan: Assessment, alice: User) -> None:
    services.assessment_open(assessment=scan, actor=alice)
    with pytest.raises(ValidationError, match="staat vast zodra de vragenlijst open is"):
        services.assessment_setup_update(assessment=scan, actor=alice, setup=services.Setup(anonymous=True))
    scan.refresh_from_db()
    assert scan.anonymous is False
    assert scan.question_ids == list(SCAN)


def test_only_a_manager_may_change_the_set_up(scan: Assessment, bob: User) -> None:
    with pytest.raises(PermissionDenied):
        services.assessment_setup_update(assessment=scan, actor=bob, setup=services.Setup(anonymous=True))
    scan.refresh_from_db()
    assert scan.anonymous is False


def test_a_participant_cannot_answer_or_the_facilitator_decide_a_question_outside_the_session(
    picked: Assessment, alice: User, bob: User
) -> None:
    with pytest.raises(ValidationError, match="hoort niet bij dit gesprek"):
        services.answer_save(assessment=picked, user=bob, question_id="betrouwbaar-afspraken", rating="goed")
    services.answer_save(assessment=picked, user=bob, question_id=TWO[0], rating="goed")
    services.assessment_reveal(assessment=picked, actor=alice)
    with pytest.raises(ValidationError, match="hoort niet bij dit gesprek"):
        services.consensus_save(
            assessment=picked, actor=alice, question_id="betrouwbaar-afspraken", rating="goed", rationale="Ja"
        )
    assert list(Answer.objects.values_list("question_id", flat=True)) == [TWO[0]]
    assert not Consensus.objects.exists()


# --- selectors ----------------------------------------------------------------------------------------------------


def test_progress_and_reminders_count_only_the_chosen_questions(picked: Assessment, alice: User, bob: User) -> None:
    services.answer_save(assessment=picked, user=bob, question_id=TWO[0], rating="goed")
    rows = {row.username: (row.answered, row.total) for row in assessment_progress(assessment=picked)}
    assert rows == {"alice": (0, 2), "bob": (1, 2)}
    services.answer_save(assessment=picked, user=bob, question_id=TWO[1], rating="slecht")
    recipients = reminder_recipients(assessment=picked)
    assert [u.username for u in recipients.with_email + recipients.without_email] == ["alice"]


def test_the_questionnaire_pages_hold_only_the_chosen_questions(picked: Assessment) -> None:
    principles = assessment_principles(assessment=picked)
    assert [p.id for p in principles] == ["transparant", "weinig-stappen"]
    assert [q.id for p in principles for q in p.questions] == list(TWO)


def test_scores_rest_only_on_the_chosen_questions_and_say_on_how_many(
    picked: Assessment, alice: User, bob: User
) -> None:
    services.answer_save(assessment=picked, user=bob, question_id=TWO[0], rating="goed")
    services.answer_save(assessment=picked, user=alice, question_id=TWO[0], rating="goed")
    services.answer_save(assessment=picked, user=bob, question_id=TWO[1], rating="slecht")
    services.assessment_reveal(assessment=picked, actor=alice)
    needs = {n.need_id: n for n in assessment_results(assessment=picked).needs}
    assert (needs["vertrouwen"].score, needs["vertrouwen"].basis) == (100.0, "op 1 vraag gebaseerd")
    assert (needs["gemak"].score, needs["gemak"].basis) == (0.0, "op 1 vraag gebaseerd")
    assert (needs["persoonlijk"].score, needs["persoonlijk"].basis) == (None, "geen vraag met een oordeel")
    bulk = assessment_need_results_bulk(assessments=[picked])[picked.pk]
    assert [(n.need_id, n.score) for n in bulk] == [(n.need_id, n.score) for n in needs.values()]


def test_a_session_whose_chosen_question_left_the_frame_keeps_working(
    picked: Assessment, alice: User, bob: User
) -> None:
    Assessment.objects.filter(pk=picked.pk).update(question_ids=[*TWO, "vraag-die-verdween"])
    picked.refresh_from_db()
    assert [q.id for q in assessment_questions(assessment=picked)] == list(TWO)
    answers_set(assessment=picked, user=bob, ratings={TWO[0]: "goed", "vraag-die-verdween": "slecht"})
    assert {row.username: row.total for row in assessment_progress(assessment=picked)} == {"alice": 2, "bob": 2}
    services.assessment_reveal(assessment=picked, actor=alice)
    assert [i.summary.question_id for i in agenda_plan(assessment=picked).items] == [TWO[0]]
    needs = {n.need_id: n for n in assessment_results(assessment=picked).needs}
    assert needs["vertrouwen"].score == 100.0
    assert needs["gemak"].score is None


def test_the_agenda_proposes_the_items_that_fit_the_time_box_disagreement_first(
    initiative: Initiative, alice: User, bob: User
) -> None:
    # 30 minutes with 12 questions: 6 for answering, 24 left, so four items of 6 minutes fit.
    setup = services.Setup(question_set="snelle-scan", time_box_minutes=30, item_minutes=6)
    assessment = services.assessment_open(assessment=_session(initiative, alice, bob, setup), actor=alice)
    answers_set(assessment=assessment, user=alice, ratings=dict.fromkeys(SCAN, "goed"))
    answers_set(assessment=assessment, user=bob, ratings=dict.fromkeys(SCAN, "goed") | {SCAN[7]: "slecht"})
    services.assessment_reveal(assessment=assessment, actor=alice)
    plan = agenda_plan(assessment=assessment)
    assert (plan.answer_minutes, plan.discussion_minutes, plan.planned_count) == (6, 24, 4)
    assert plan.items[0].summary.question_id == SCAN[7]
    assert [i.starts_at for i in plan.items[:5]] == [0, 6, 12, 18, None]
    assert len(plan.items) == 12


# --- views --------------------------------------------------------------------------------------------------------


def test_the_start_page_creates_a_quick_scan_session(
    initiative: Initiative, alice: User, client_for: ClientFor
) -> None:
    url = reverse("initiative_assessments:create", kwargs={"initiative_id": initiative.pk})
    page = _page(client_for(alice).get(url))
    assert "Snelle scan: 12 vragen" in page
    assert "Anoniem gesprek" in page
    data = {"title": "Workshop", "question_set": "snelle-scan", "time_box_minutes": "60", "item_minutes": "5"}
    response = client_for(alice).post(url, data | {"anonymous": "on"})
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.question_ids, assessment.anonymous) == (list(SCAN), True)


def test_the_start_page_explains_a_hand_picked_selection_without_questions(
    initiative: Initiative, alice: User, client_for: ClientFor
) -> None:
    url = reverse("initiative_assessments:create", kwargs={"initiative_id": initiative.pk})
    response = client_for(alice).post(url, {"title": "Workshop", "question_set": "eigen"})
    assert response.status_code == 400
    assert "Vink minstens één vraag aan" in _page(response)
    response = client_for(alice).post(url, {"title": "Workshop", "question_set": "", "question_ids": [TWO[0]]})
    assert "Kies dan &#x27;Eigen keuze&#x27;" in _page(response)
    assert not Assessment.objects.exists()


def test_the_set_up_page_changes_the_questions_in_preparation(
    scan: Assessment, alice: User, client_for: ClientFor
) -> None:
    url = reverse("assessments:setup", kwargs={"assessment_id": scan.pk})
    page = _page(client_for(alice).get(url))
    assert 'value="snelle-scan" id="id_question_set_1" checked' in page
    data = {"question_set": "eigen", "question_ids": list(TWO), "time_box_minutes": "45", "item_minutes": "5"}
    response = client_for(alice).post(url, data)
    assert response.status_code == 302
    scan.refresh_from_db()
    assert (scan.question_ids, scan.time_box_minutes) == (list(TWO), 45)
    detail = _page(client_for(alice).get(reverse("assessments:detail", kwargs={"assessment_id": scan.pk})))
    assert "Eigen keuze (2 vragen)" in detail


def test_charlie_gets_404_on_the_set_up_page_and_nothing_changes(
    scan: Assessment, charlie: User, client_for: ClientFor
) -> None:
    url = reverse("assessments:setup", kwargs={"assessment_id": scan.pk})
    client = client_for(charlie)
    assert client.get(url).status_code == 404
    assert client.post(url, {"question_set": "", "anonymous": "on"}).status_code == 404
    scan.refresh_from_db()
    assert (scan.question_ids, scan.anonymous) == (list(SCAN), False)
    assert not AuditEvent.objects.filter(action="assessment.setup_changed").exists()


def test_bob_may_not_change_the_set_up_and_after_opening_alice_is_told_it_is_fixed(
    scan: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    url = reverse("assessments:setup", kwargs={"assessment_id": scan.pk})
    assert client_for(bob).post(url, {"question_set": "", "anonymous": "on"}).status_code == 403
    services.assessment_open(assessment=scan, actor=alice)
    response = client_for(alice).post(url, {"question_set": "", "anonymous": "on"}, follow=True)
    assert "staat vast zodra de vragenlijst open is" in _page(response)
    scan.refresh_from_db()
    assert scan.anonymous is False


def test_a_participant_sees_only_the_chosen_questions_and_that_the_session_is_anonymous(
    initiative: Initiative, alice: User, bob: User, client_for: ClientFor
) -> None:
    setup = services.Setup(question_set="eigen", question_ids=TWO, anonymous=True)
    assessment = services.assessment_open(assessment=_session(initiative, alice, bob, setup), actor=alice)
    url = reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})
    page = _page(client_for(bob).get(url))
    assert "U heeft 0 van 2 vragen beantwoord." in page
    assert "Vragenset: Eigen keuze (2 vragen)." in page
    assert "uw naam staat niet op het grote scherm" in page
    assert "Open en duidelijk" in page and "Weinig stappen" in page
    assert "Betrouwbaar en voorspelbaar" not in page
    assert client_for(bob).get(url, {"principe": "betrouwbaar"}).status_code == 404
    other = reverse(
        "assessments:question", kwargs={"assessment_id": assessment.pk, "question_id": "betrouwbaar-afspraken"}
    )
    assert client_for(bob).get(other).status_code == 404


def test_the_agenda_page_shows_the_time_per_item_and_the_rest_if_time_is_left(
    picked: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    Assessment.objects.filter(pk=picked.pk).update(time_box_minutes=10, item_minutes=5)
    answers_set(assessment=picked, user=alice, ratings={TWO[0]: "goed", TWO[1]: "goed"})
    answers_set(assessment=picked, user=bob, ratings={TWO[0]: "slecht", TWO[1]: "goed"})
    picked.refresh_from_db()
    services.assessment_reveal(assessment=picked, actor=alice)
    page = _page(client_for(bob).get(reverse("assessments:agenda", kwargs={"assessment_id": picked.pk})))
    assert "passen 1 agendapunt van 5 minuten" in page
    assert "5 min" in page and "als er tijd over is" in page
    detail = _page(client_for(bob).get(reverse("assessments:detail", kwargs={"assessment_id": picked.pk})))
    assert "op 1 vraag gebaseerd" in detail


def test_the_report_lists_only_the_questions_of_the_session(picked: Assessment, alice: User, bob: User) -> None:
    services.answer_save(assessment=picked, user=bob, question_id=TWO[0], rating="goed")
    services.assessment_reveal(assessment=picked, actor=alice)
    report = assessment_report(assessment=picked, user=alice)
    listed = [row.question.id for need in report.needs for block in need.principles for row in block.rows]
    assert listed == list(TWO)
    assert [n.need.id for n in report.needs if n.principles] == ["vertrouwen", "gemak"]


def test_the_start_page_says_in_dutch_when_the_minutes_do_not_fit(
    initiative: Initiative, alice: User, client_for: ClientFor
) -> None:
    url = reverse("initiative_assessments:create", kwargs={"initiative_id": initiative.pk})
    data = {"title": "Workshop", "question_set": "", "time_box_minutes": "5", "item_minutes": "veel"}
    page = _page(client_for(alice).post(url, data))
    assert "Kies een tijd voor het gesprek van 10 tot 480 minuten." in page
    assert "Vul het aantal minuten in als een heel getal, bijvoorbeeld 5." in page
    data = {"title": "Workshop", "question_set": "", "time_box_minutes": "20", "item_minutes": "30"}
    assert "niet langer duren dan het hele gesprek" in _page(client_for(alice).post(url, data))
    assert not Assessment.objects.exists()
