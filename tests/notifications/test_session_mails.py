"""The questionnaire is open, the answers are revealed: who gets a mail, what it says, and where its link leads."""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks as Capture

from denkraam.accounts.models import User
from denkraam.assessments import services
from denkraam.assessments.models import Assessment
from denkraam.initiatives.models import Initiative
from tests.assessments.factories import answers_set
from tests.mail import SmtpServer
from tests.notifications.conftest import REASON, SITE, page_of

ClientFor = Callable[[User], Client]


def test_opening_mails_every_participant_but_the_opener_with_the_questionnaire_link(
    prepared: Assessment,
    alice: User,
    smtp_server: SmtpServer,
    client_for: ClientFor,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(alice).post(reverse("assessments:open", kwargs={"assessment_id": prepared.pk}))
    assert response.status_code == 302
    # alice opened it herself, erin has no address, charlie does not take part.
    assert sorted(str(m["To"]) for m in smtp_server.messages) == ["bob@example.org", "dave@example.org"]
    (message,) = smtp_server.to("bob@example.org")
    assert message["Subject"] == "Vragenlijst geopend: Gesprek over de brief"
    assert message["From"] == "denkraam <noreply@localhost>"
    for part in (smtp_server.text(message), unescape(smtp_server.html(message))):
        assert "Alice heeft de vragenlijst van het gesprek" in part
        assert REASON in part
    link = f"{SITE}/gesprekken/{prepared.pk}/vragenlijst/"
    assert link in smtp_server.links(message)
    match = page_of(link)
    assert match.view_name == "assessments:questionnaire"
    assert match.kwargs == {"assessment_id": prepared.pk}


def test_the_open_mail_links_to_a_page_bob_can_use(
    prepared: Assessment,
    alice: User,
    bob: User,
    smtp_server: SmtpServer,
    client_for: ClientFor,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_open(assessment=prepared, actor=alice)
    (message,) = smtp_server.to("bob@example.org")
    link = next(link for link in smtp_server.links(message) if "/vragenlijst/" in link)
    page = client_for(bob).get(link.removeprefix(SITE))
    assert page.status_code == 200
    assert "Gesprek over de brief" in page.content.decode()


def test_revealing_mails_the_participants_but_no_answer_or_rating(
    opened: Assessment,
    alice: User,
    bob: User,
    smtp_server: SmtpServer,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    answers_set(assessment=opened, user=bob, ratings={"betrouwbaar-afspraken": "onvoldoende"})
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_reveal(assessment=opened, actor=alice)
    assert sorted(str(m["To"]) for m in smtp_server.messages) == ["bob@example.org", "dave@example.org"]
    (message,) = smtp_server.to("dave@example.org")
    assert message["Subject"] == "Antwoorden onthuld: Gesprek over de brief"
    text, html = smtp_server.text(message), smtp_server.html(message)
    for part in (text, unescape(html)):
        assert "Alice heeft de antwoorden van het gesprek" in part
        assert REASON in part
        assert "onvoldoende" not in part and "notitie" not in part
    (link,) = [link for link in smtp_server.links(message) if "/gesprekken/" in link]
    assert page_of(link).view_name == "assessments:agenda"


def test_a_change_that_is_rolled_back_sends_nothing(
    prepared: Assessment,
    alice: User,
    smtp_server: SmtpServer,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    prepared.participants.all().delete()  # opening now fails: nobody to invite
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception, match="deelnemer"):
        services.assessment_open(assessment=prepared, actor=alice)
    assert smtp_server.messages == []


def test_a_title_with_newlines_stays_one_subject_line(
    initiative: Initiative,
    alice: User,
    bob: User,
    smtp_server: SmtpServer,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    assessment = services.assessment_create(
        initiative=initiative,
        actor=alice,
        title="Brief\r\nBcc: mallory@evil.example\nX-Spam: ja",
    )
    services.participant_invite(assessment=assessment, actor=alice, identifier="bob")
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_open(assessment=assessment, actor=alice)
    (message,) = smtp_server.messages
    assert message["Subject"] == "Vragenlijst geopend: Brief Bcc: mallory@evil.example X-Spam: ja"
    assert message["Bcc"] is None and message["X-Spam"] is None
    assert [recipients for _, recipients in smtp_server.envelopes] == [["bob@example.org"]]


def test_a_mail_server_that_is_down_does_not_break_the_page_and_the_stage_change_is_kept(
    prepared: Assessment,
    alice: User,
    smtp_server: SmtpServer,
    client_for: ClientFor,
    django_capture_on_commit_callbacks: Capture,
    caplog: pytest.LogCaptureFixture,
) -> None:
    smtp_server.stop()
    client = client_for(alice)
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("assessments:open", kwargs={"assessment_id": prepared.pk}), follow=True)
    assert response.status_code == 200
    assert "De vragenlijst is open." in response.content.decode()
    prepared.refresh_from_db()
    assert prepared.status == Assessment.Status.OPEN
    failures = [r for r in caplog.records if r.name == "django_tasks" and r.levelno >= logging.ERROR]
    assert failures and "assessment_open_mail_task" in failures[0].getMessage()
    assert smtp_server.messages == []
