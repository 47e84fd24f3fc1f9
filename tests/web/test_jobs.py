"""The lease mechanism shared by evidence analyses and feedback imports: the heartbeat, and tasks left RUNNING in the
database queue by a worker that died."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult, get_date_max

from denkraam.accounts.models import Organisation, User
from denkraam.evidence.models import Analysis
from denkraam.evidence.services import evidence_add_text
from denkraam.evidence.tasks import analyse_evidence
from denkraam.web.jobs import job_claim, job_release, jobs_recover, jobs_renew
from denkraam.web.worker import DenkraamWorker, job_kinds
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(alice: User, uwv: Organisation) -> Analysis:
    initiative = InitiativeFactory(owner=uwv)
    _, analysis = evidence_add_text(
        initiative=initiative,
        actor=alice,
        title="brief",
        text="over uw aanvraag\n\nU hoort van ons.",
        keep_original=True,
    )
    assert analysis is not None
    return analysis


def task_row(analysis: Analysis, *, minutes_ago: int) -> DBTaskResult:
    """The queue's row for the analysis' task, taken by a worker `minutes_ago` minutes ago."""
    return DBTaskResult.objects.create(
        args_kwargs={"args": [str(analysis.pk)], "kwargs": {}},
        task_path=analyse_evidence.module_path,
        backend_name="default",
        run_after=timezone.now(),
        status="RUNNING",
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        worker_ids=["dood"],
    )


def test_the_heartbeat_keeps_the_lease_of_a_running_job_and_lets_go_once_it_is_over(queued: Analysis) -> None:
    lease = job_claim(model=Analysis, pk=queued.pk)
    assert lease is not None
    Analysis.objects.filter(pk=queued.pk).update(lease_until=timezone.now() + timedelta(seconds=1))
    assert jobs_renew() == 1
    renewed = Analysis.objects.get(pk=queued.pk).lease_until
    assert renewed is not None and renewed > timezone.now() + timedelta(seconds=50)
    job_release(lease)
    assert jobs_renew() == 0


def test_the_heartbeat_drops_a_lease_another_worker_took_over(queued: Analysis) -> None:
    lease = job_claim(model=Analysis, pk=queued.pk)
    assert lease is not None
    Analysis.objects.filter(pk=queued.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    jobs_recover(kinds=job_kinds())  # the next attempt runs at once in tests
    assert jobs_renew() == 1  # still held here, but no longer renewable ...
    assert jobs_renew() == 0  # ... so it was let go
    assert Analysis.objects.get(pk=queued.pk).attempts == 2


def test_a_task_whose_worker_died_before_it_started_the_job_goes_back_to_the_queue(queued: Analysis) -> None:
    task = task_row(queued, minutes_ago=5)
    assert jobs_recover(kinds=job_kinds()) == 1
    task.refresh_from_db()
    assert task.status == "READY"
    assert Analysis.objects.get(pk=queued.pk).status == "wachtrij"


def test_a_task_that_just_started_is_left_alone(queued: Analysis) -> None:
    task = task_row(queued, minutes_ago=0)
    assert jobs_recover(kinds=job_kinds()) == 0
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_a_task_left_running_after_its_job_finished_is_closed(queued: Analysis) -> None:
    Analysis.objects.filter(pk=queued.pk).update(status="klaar")
    task = task_row(queued, minutes_ago=5)
    jobs_recover(kinds=job_kinds())
    task.refresh_from_db()
    assert (task.status, task.return_value) == ("SUCCESSFUL", "klaar")


def test_a_running_task_of_an_expired_job_is_put_back_in_the_queue_not_run_twice(queued: Analysis) -> None:
    task = task_row(queued, minutes_ago=5)
    job_claim(model=Analysis, pk=queued.pk, task_id=str(task.pk))
    Analysis.objects.filter(pk=queued.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    assert jobs_recover(kinds=job_kinds()) == 1
    task.refresh_from_db()
    analysis = Analysis.objects.get(pk=queued.pk)
    assert task.status == "READY"  # the worker that takes it next runs attempt 2
    assert (analysis.status, analysis.attempts, analysis.status_label) == (
        "wachtrij",
        1,
        "Onderbroken, wordt opnieuw gestart",
    )
    assert DBTaskResult.objects.count() == 1


@task()
def meets_a_busy_database() -> None:
    """A task whose first query finds SQLite's write lock taken for longer than the busy timeout."""
    raise OperationalError("database is locked")


def test_a_task_that_meets_a_busy_database_goes_back_to_the_queue() -> None:
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path=meets_a_busy_database.module_path,
        backend_name="default",
        run_after=get_date_max(),  # "no delay"
    )
    worker = DenkraamWorker(batch=True)
    row.claim(worker.worker_id)
    worker.run_task(row)
    row.refresh_from_db()
    assert row.status == "READY" and timezone.now() < row.run_after < timezone.now() + timedelta(minutes=1)
