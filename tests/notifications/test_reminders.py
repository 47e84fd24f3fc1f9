"""'Herinnering sturen': only to those who have not finished, at most once a day, never by charlie."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import unescape

from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks as Capture

from denkraam.accounts.models import AuditEvent, User
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors import assessment_frame
from denkraam.notifications.models import Notification
from tests.assessments.factories import answers_set
from tests.mail import SmtpServer
from tests.notifications.conftest import REASON, page_of

ClientFor = Callable[[User], Client]


def _finish(assessment: Assessment, user: User) -> None:
    questions = assessment_frame(assessment=assessment).questions()
    answers_set(assessment=assessment, user=user, ratings={q.id: "goed" for q in questions})


def _press(client: Client, assessment: Assessment, capture: Capture) -> str:
    with capture(execute=True):
        response = client.post(reverse("assessments:remind", kwargs={"assessment_id": assessment.pk}), follow=True)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_the_reminder_goes_only_to_participants_who_have_not_answered_every_question(
    opened: Assessment,
    alice: User,
    bob: User,
    dave: User,
    smtp_server: SmtpServer,
    client_for: ClientFor,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    _finish(opened, bob)
    answers_set(assessment=opened, user=dave, ratings={"betrouwbaar-afspraken": "slecht"})  # one of many
    page = _press(client_for(alice), opened, django_capture_on_commit_callbacks)
    assert "De herinnering gaat naar 1 deelnemer die nog niet alle vragen heeft beantwoord." in page
    assert "1 deelnemer heeft geen e-mailadres" in page  # erin
    (message,) = smtp_server.messages
    assert message["To"] == "dave@example.org"
    assert message["Subject"] == "Herinnering: vul de vragenlijst in voor Gesprek over de brief"
    for part in (smtp_server.text(message), unescape(smtp_server.html(message))):
        assert "Alice herinnert u aan de vragenlijst" in part
        assert REASON in part
        assert "slecht" not in part
    (link,) = [link for link in smtp_server.links(message) if "/gesprekken/" in link]
    assert page_of(link).view_name == "assessments:questionnaire"
    audit = AuditEvent.objects.get(action="assessment.reminded")
    assert audit.actor == alice and audit.data["user_ids"] == [dave.pk]
    assert "herinnering gestuurd aan 1 deelnemer" in audit.summary


def test_a_second_reminder_within_a_day_is_refused_and_allowed_again_after_24_hours(
    opened: Assessment,
    alice: User,
    smtp_server: SmtpServer,
    client_for: ClientFor,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    client = client_for(alice)
    first = _press(client, opened, django_capture_on_commit_callbacks)
    assert "De herinnering gaat naar 2 deelnemers" in first  # bob and dave; erin has no address
    assert "1 deelnemer heeft geen e-mailadres" in first
    assert len(smtp_server.messages) == 2

    second = _press(client, opened, django_capture_on_commit_callbacks)
    assert "Er is al een herinnering verstuurd op" in second
    assert "de volgende kan vanaf" in second
    assert len(smtp_server.messages) == 2
    assert Notification.objects.filter(kind=Notification.Kind.REMINDER).count() == 1

    # 23 hours later: still refused; 24 hours later: allowed.
    Notification.objects.update(sent_at=Notification.objects.get().sent_at - dt.timedelta(hours=23))
    assert "Er is al een herinnering verstuurd" in _press(client, opened, django_capture_on_commit_callbacks)
    Notification.objects.update(sent_at=Notification.objects.get().sent_at - dt.timedelta(hours=1, seconds=1))
    third = _press(client, opened, django_capture_on_commit_callbacks)
    assert "De herinnering gaat naar 2 deelnemers" in third
    assert len(smtp_server.messages) == 4
    assert AuditEvent.objects.filter(action="assessment.reminded").count() == 2


def test_the_overview_shows_the_button_to_the_facilitator_with_the_last_reminder(
    opened: Assessment,
    alice: User,
    bob: User,
    smtp_server: SmtpServer,
    client_for: ClientFor,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    url = reverse("assessments:detail", kwargs={"assessment_id": opened.pk})
    assert "Herinnering sturen" in client_for(alice).get(url).content.decode()
    assert "Herinnering sturen" not in client_for(bob).get(url).content.decode()
    _press(client_for(alice), opened, django_capture_on_commit_callbacks)
    assert "De laatste herinnering ging op" in client_for(alice).get(url).content.decode()


def test_charlie_of_another_organisation_gets_404_and_nothing_is_sent(
    opened: Assessment,
    charlie: User,
    smtp_server: SmtpServer,
    client_for: ClientFor,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(charlie).post(reverse("assessments:remind", kwargs={"assessment_id": opened.pk}))
    assert response.status_code == 404
    assert smtp_server.messages == []
    assert not Notification.objects.exists()
    assert not AuditEvent.objects.filter(action="assessment.reminded").exists()


def test_bob_as_a_participant_may_not_send_a_reminder(
    opened: Assessment,
    bob: User,
    smtp_server: SmtpServer,
    client_for: ClientFor,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    page = _press(client_for(bob), opened, django_capture_on_commit_callbacks)
    assert "Alleen de gespreksleider mag een herinnering sturen." in page
    assert smtp_server.messages == []
    assert not Notification.objects.exists()


def test_a_reminder_is_only_possible_while_the_questionnaire_is_open(
    prepared: Assessment,
    alice: User,
    smtp_server: SmtpServer,
    client_for: ClientFor,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    page = _press(client_for(alice), prepared, django_capture_on_commit_callbacks)
    assert "zolang de vragenlijst open is" in page
    assert smtp_server.messages == []


def test_the_get_method_is_refused(opened: Assessment, alice: User, client_for: ClientFor) -> None:
    response = client_for(alice).get(reverse("assessments:remind", kwargs={"assessment_id": opened.pk}))
    assert response.status_code == 405
