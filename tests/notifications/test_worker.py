"""In production the mails go through the database queue: the page only queues them, `denkraam worker` sends."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_django import DjangoCaptureOnCommitCallbacks as Capture
from pytest_django.fixtures import Settings

from denkraam.accounts.models import User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Assessment
from denkraam.cli import main
from denkraam.web.worker import DenkraamWorker
from tests.mail import SmtpServer


@pytest.fixture
def queue(settings: Settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _run_queued() -> DBTaskResult:
    (row,) = DBTaskResult.objects.all()
    worker = DenkraamWorker(batch=True)
    row.claim(worker.worker_id)
    worker.run_task(row)
    row.refresh_from_db()
    return row


def test_opening_queues_the_mail_and_the_worker_sends_it(
    queue: None, prepared: Assessment, alice: User, smtp_server: SmtpServer, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_open(assessment=prepared, actor=alice)
    assert smtp_server.messages == []  # the page did not wait for the mail server
    row = _run_queued()
    assert row.status == "SUCCESSFUL"
    assert sorted(str(m["To"]) for m in smtp_server.messages) == ["bob@example.org", "dave@example.org"]


def test_a_mail_server_that_is_down_fails_the_queued_task_and_keeps_the_stage(
    queue: None, prepared: Assessment, alice: User, smtp_server: SmtpServer, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_open(assessment=prepared, actor=alice)
    smtp_server.stop()
    row = _run_queued()
    assert row.status == "FAILED"
    assert row.exception_class_path == "builtins.ConnectionRefusedError"
    prepared.refresh_from_db()
    assert prepared.status == Assessment.Status.OPEN


def test_denkraam_reminders_queue_leaves_the_sending_to_the_worker(
    queue: None, prepared: Assessment, bob: User, smtp_server: SmtpServer
) -> None:
    Action.objects.create(
        assessment=prepared, title="Brief herschrijven", owner=bob, due_date=timezone.localdate() - dt.timedelta(days=2)
    )
    result = CliRunner().invoke(main, ["reminders", "--queue"])
    assert result.output.strip() == "De herinneringen staan klaar voor denkraam worker."
    assert smtp_server.messages == []
    row = _run_queued()
    assert row.status == "SUCCESSFUL" and row.return_value == 1
    assert [m["Subject"] for m in smtp_server.messages] == ["Actie over tijd: Brief herschrijven"]
