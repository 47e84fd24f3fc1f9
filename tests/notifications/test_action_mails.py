"""An action assigned to you, and `denkraam reminders` for actions past their due date."""

from __future__ import annotations

import datetime as dt
from html import unescape

import pytest
from click.testing import CliRunner
from django.utils import formats, timezone, translation
from pytest_django import DjangoCaptureOnCommitCallbacks as Capture

from denkraam.accounts.models import AuditEvent, User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Assessment
from denkraam.cli import main
from denkraam.notifications.models import Notification
from denkraam.notifications.services import actions_overdue_remind
from tests.assessments.factories import answers_set
from tests.mail import SmtpServer
from tests.notifications.conftest import page_of

ACTION_REASON = (
    "U krijgt deze e-mail omdat Alice u eigenaar heeft gemaakt van een actie in het gesprek 'Gesprek over de brief' "
    "over 'Brief herbeoordeling WW' van UWV."
)


@pytest.fixture
def revealed(opened: Assessment, alice: User, bob: User) -> Assessment:
    answers_set(assessment=opened, user=bob, ratings={"betrouwbaar-afspraken": "onvoldoende"})
    return services.assessment_reveal(assessment=opened, actor=alice)


def test_an_action_given_to_bob_mails_bob_with_the_link_to_the_actions(
    revealed: Assessment, alice: User, bob: User, smtp_server: SmtpServer, django_capture_on_commit_callbacks: Capture
) -> None:
    # Relative to today: the service refuses a due date in the past, so a fixed date would one day fail.
    due = timezone.localdate() + dt.timedelta(days=90)
    with translation.override("nl"):
        due_in_words = formats.date_format(due, "j F Y")
    with django_capture_on_commit_callbacks(execute=True):
        services.action_create(assessment=revealed, actor=alice, title="Termijn noemen", owner=bob, due_date=due)
    (message,) = smtp_server.messages
    assert message["To"] == "bob@example.org"
    assert message["Subject"] == "Actie voor u: Termijn noemen"
    for part in (smtp_server.text(message), unescape(smtp_server.html(message))):
        assert "Alice heeft u eigenaar gemaakt van de actie" in part
        assert due_in_words in part
        assert ACTION_REASON in part
        assert "onvoldoende" not in part
    (link,) = [link for link in smtp_server.links(message) if "/gesprekken/" in link]
    match = page_of(link)
    assert match.view_name == "assessments:actions" and match.kwargs == {"assessment_id": revealed.pk}


def test_no_mail_for_an_action_one_takes_oneself_or_one_without_a_user(
    revealed: Assessment, alice: User, smtp_server: SmtpServer, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.action_create(assessment=revealed, actor=alice, title="Zelf doen", owner=alice)
        services.action_create(assessment=revealed, actor=alice, title="Extern", owner_name="Iemand van buiten")
    assert smtp_server.messages == []


def test_changing_the_owner_mails_the_new_owner_once_and_other_changes_do_not(
    revealed: Assessment,
    alice: User,
    dave: User,
    smtp_server: SmtpServer,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    action = services.action_create(assessment=revealed, actor=alice, title="Termijn noemen", owner=alice)
    with django_capture_on_commit_callbacks(execute=True):
        services.action_update(action=action, actor=alice, title="Termijn noemen", owner=dave)
        services.action_update(action=action, actor=alice, title="Termijn noemen in de brief", owner=dave)
    assert [str(m["To"]) for m in smtp_server.messages] == ["dave@example.org"]


def _action(assessment: Assessment, owner: User | None, days_ago: int, **fields: object) -> Action:
    return Action.objects.create(
        assessment=assessment,
        title=fields.pop("title", f"Actie {days_ago}"),
        owner=owner,
        due_date=timezone.localdate() - dt.timedelta(days=days_ago),
        **fields,
    )


def test_denkraam_reminders_mails_each_overdue_action_once_and_not_again_the_next_day(
    revealed: Assessment, bob: User, dave: User, erin: User, smtp_server: SmtpServer
) -> None:
    overdue = _action(revealed, bob, 3, title="Brief herschrijven")
    _action(revealed, bob, 3, title="Al klaar", status=Action.Status.KLAAR)
    _action(revealed, dave, -5, title="Nog niet over tijd")
    _action(revealed, dave, 0, title="Vandaag klaar")
    _action(revealed, None, 3, title="Buiten denkraam", owner_name="Iemand")
    _action(revealed, erin, 3, title="Geen adres")

    result = CliRunner().invoke(main, ["reminders"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "1 herinnering(en) verstuurd."
    (message,) = smtp_server.messages
    assert message["To"] == "bob@example.org"
    assert message["Subject"] == "Actie over tijd: Brief herschrijven"
    text = smtp_server.text(message)
    assert "had klaar moeten zijn op" in text and "automatische herinnering" in text
    assert "U krijgt deze e-mail omdat u eigenaar bent van een actie in het gesprek 'Gesprek over de brief'" in text
    assert "hoogstens eens per 7 dagen" in text
    (link,) = [link for link in smtp_server.links(message) if "/gesprekken/" in link]
    assert page_of(link).view_name == "assessments:actions"
    assert AuditEvent.objects.filter(action="action.overdue_reminded", object_id=str(overdue.pk)).count() == 1

    again = CliRunner().invoke(main, ["reminders"])
    assert again.output.strip() == "0 herinnering(en) verstuurd."
    # The next day bob's action is not reminded again; dave's, due today, is overdue by then.
    assert actions_overdue_remind(now=timezone.now() + dt.timedelta(days=1)) == 1
    assert [m["Subject"] for m in smtp_server.messages[1:]] == ["Actie over tijd: Vandaag klaar"]
    assert len(smtp_server.to("bob@example.org")) == 1

    # While it stays overdue: again after 7 days (and by then dave's other action is overdue too).
    assert actions_overdue_remind(now=timezone.now() + dt.timedelta(days=7, minutes=1)) == 2
    assert len(smtp_server.to("bob@example.org")) == 2


def test_a_new_due_date_that_passes_is_a_new_overdue_period(
    revealed: Assessment, bob: User, smtp_server: SmtpServer
) -> None:
    action = _action(revealed, bob, 3)
    assert actions_overdue_remind() == 1
    action.due_date = timezone.localdate() - dt.timedelta(days=1)
    action.save()
    assert actions_overdue_remind() == 1
    assert actions_overdue_remind() == 0
    assert Notification.objects.filter(kind=Notification.Kind.ACTION_OVERDUE).count() == 2


def test_actions_of_a_closed_session_are_not_reminded(
    revealed: Assessment, alice: User, bob: User, smtp_server: SmtpServer
) -> None:
    _action(revealed, bob, 3)
    services.assessment_close(assessment=revealed, actor=alice)
    assert actions_overdue_remind() == 0
    assert smtp_server.messages == []


def test_a_mail_server_that_is_down_fails_the_command_in_dutch_and_records_nothing(
    revealed: Assessment, bob: User, smtp_server: SmtpServer
) -> None:
    _action(revealed, bob, 3)
    smtp_server.stop()
    result = CliRunner().invoke(main, ["reminders"])
    assert result.exit_code == 1
    assert "De mailserver is niet bereikbaar" in result.output
    assert not Notification.objects.exists()
    smtp_server.start()
    assert CliRunner().invoke(main, ["reminders"]).output.strip() == "1 herinnering(en) verstuurd."
