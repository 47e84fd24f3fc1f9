"""An import whose worker died half-way is run again from the first row: every comment stored once, the raw file
kept until then and removed after. tests/web/test_kill.py does the same with real processes and kill -9."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from denkraam.accounts.models import AuditEvent, User
from denkraam.feedback import services
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.initiatives.models import Initiative
from denkraam.web.jobs import INTERRUPTED, jobs_recover
from denkraam.web.worker import job_kinds
from tests.feedback.conftest import csv_upload

pytestmark = pytest.mark.django_db

ROWS = 12
COMMENTS = "reactie\n" + "".join(f"het formulier liep vast bij stap {n}\n" for n in range(1, ROWS + 1))


class WorkerDies(BaseException):
    """Stands for the end of the process: nothing in the import catches it (as nothing runs after kill -9)."""


@pytest.fixture
def queued(upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative) -> FeedbackImport:
    item = upload(alice, initiative, csv_upload(COMMENTS))
    FeedbackImport.objects.filter(pk=item.pk).update(status="wachtrij", text_column=0)
    return item


def die_after_two_batches(feedback_import: FeedbackImport, done: int) -> None:
    if done >= 4:
        raise WorkerDies


def run_until_the_worker_dies(item: FeedbackImport) -> None:
    with pytest.raises(WorkerDies):
        services.feedback_import_run(feedback_import_id=str(item.pk), batch_size=2, on_batch=die_after_two_batches)
    FeedbackImport.objects.filter(pk=item.pk).update(lease_until=timezone.now() - timedelta(seconds=1))


def progress(client: Client, item: FeedbackImport) -> str:
    url = reverse("feedback:progress", kwargs={"initiative_id": item.initiative_id, "import_id": item.pk})
    return client.get(url, headers={"HX-Request": "true"}).content.decode()


def test_an_import_whose_worker_died_is_imported_again_from_the_start_with_every_row_once(
    queued: FeedbackImport, alice: User, client_for: Callable[[User], Client], feedback_tmp: Path
) -> None:
    run_until_the_worker_dies(queued)
    died = FeedbackImport.objects.get(pk=queued.pk)
    assert (died.status, died.rows_done) == ("bezig", 4)
    assert FeedbackComment.objects.filter(feedback_import=queued).count() == 4
    assert (feedback_tmp / queued.temp_name).exists()  # kept for the next attempt
    running = progress(client_for(alice), queued)
    assert INTERRUPTED in running and 'hx-trigger="every 2s"' in running

    assert jobs_recover(kinds=job_kinds()) == 1  # in tests the new task runs at once
    done = FeedbackImport.objects.get(pk=queued.pk)
    assert (done.status, done.attempts, done.comment_count) == ("klaar", 2, ROWS)
    rows = FeedbackComment.objects.filter(feedback_import=queued)
    assert rows.count() == ROWS
    assert not rows.values("row").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert list(feedback_tmp.iterdir()) == []
    assert AuditEvent.objects.filter(action="feedback.import_done").count() == 1
    assert "12 reacties geanalyseerd" in progress(client_for(alice), queued)


def test_an_import_whose_workers_died_three_times_fails_and_keeps_nothing(
    queued: FeedbackImport, alice: User, client_for: Callable[[User], Client], feedback_tmp: Path
) -> None:
    FeedbackImport.objects.filter(pk=queued.pk).update(attempts=2)  # two workers died on it before
    run_until_the_worker_dies(queued)
    jobs_recover(kinds=job_kinds())
    failed = FeedbackImport.objects.get(pk=queued.pk)
    assert (failed.status, failed.attempts, failed.comment_count) == ("mislukt", 3, 0)
    assert "3 keer onderbroken" in failed.error
    assert not FeedbackComment.objects.exists()
    assert list(feedback_tmp.iterdir()) == []
    assert AuditEvent.objects.filter(action="feedback.import_failed").count() == 1
    page = progress(client_for(alice), queued)
    assert "3 keer onderbroken" in page and "Er is niets van dit bestand bewaard" in page


def test_a_cancelled_import_is_not_started_again(queued: FeedbackImport, alice: User, feedback_tmp: Path) -> None:
    run_until_the_worker_dies(queued)
    services.feedback_import_cancel(feedback_import=queued, user=alice)
    assert jobs_recover(kinds=job_kinds()) == 0
    assert FeedbackImport.objects.get(pk=queued.pk).status == "geannuleerd"
    assert not FeedbackComment.objects.exists()
    assert list(feedback_tmp.iterdir()) == []
