"""Leases for background jobs (an evidence analysis, a feedback import): each runs exactly once, even when a worker
is killed half-way.

A job is a row with a status ("wachtrij" → "bezig" → "klaar"/"mislukt") and the fields of `LeasedJob`. A worker takes
a queued job with one conditional UPDATE that raises `attempts` (`job_claim`); that attempt number is the job's fencing
token: every later write of the run (`Lease.update`) only lands while the row is still "bezig" with that same attempt.
While the job runs, the worker's heartbeat thread pushes `lease_until` forward (`jobs_renew`). A worker that dies
(kill -9, out of memory, power cut) stops renewing; once its lease has run out, any worker puts the job back in the
queue (`jobs_recover`), or, after TASK_MAX_ATTEMPTS attempts, fails it with a Dutch reason. Meanwhile the page shows
"Onderbroken, wordt opnieuw gestart". A zombie worker that comes back after losing its lease cannot write any more.

The task queue itself (django_tasks_db) has no leases: a task whose worker died stays RUNNING there for ever, so the
recovery also puts that task row back to READY (the job's `task_id` says which one).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus

logger = logging.getLogger(__name__)

QUEUED = "wachtrij"
RUNNING = "bezig"
FAILED = "mislukt"
INTERRUPTED = "Onderbroken, wordt opnieuw gestart"


def gave_up_message(attempts: int) -> str:
    return (
        f"De verwerking is {attempts} keer onderbroken, doordat de achtergrondverwerking stopte "
        "(bijvoorbeeld bij een herstart van de server). Probeer het opnieuw; gebeurt het weer, meld het dan."
    )


class LeasedJob(models.Model):
    """The fields that let a worker hold a job under a lease. The model itself has `status`, `started_at`,
    `finished_at` and `error`, with the status values above."""

    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    lease_until = models.DateTimeField("lease tot", null=True, blank=True)
    # The task (django_tasks_db result id) of the current attempt.
    task_id = models.CharField("taak", max_length=64, blank=True)

    status: Any

    class Meta:
        abstract = True

    @property
    def is_interrupted(self) -> bool:
        """The worker of the last attempt died: the job waits for (or already has) a new attempt."""
        if self.status == QUEUED:
            return self.attempts > 0
        return self.status == RUNNING and (self.lease_until is None or self.lease_until < timezone.now())

    @property
    def status_label(self) -> str:
        """The status as the page shows it."""
        return INTERRUPTED if self.is_interrupted else str(self.get_status_display())  # type: ignore[attr-defined]


def _status(value: str) -> Q:
    # A Q object, because the type checker only knows the abstract model's fields, and `status` is the concrete one's.
    return Q(status=value)


def lease_seconds() -> int:
    return int(settings.TASK_LEASE_SECONDS)


@dataclass(frozen=True, slots=True)
class Lease:
    """One attempt at one job, held by this process."""

    model: type[LeasedJob]
    pk: Any
    attempt: int

    def held(self) -> models.QuerySet[Any]:
        return self.model._default_manager.filter(_status(RUNNING), pk=self.pk, attempts=self.attempt)

    def update(self, **fields: Any) -> bool:
        """Write `fields` if this attempt still holds the job; False when it was cancelled or taken over."""
        return bool(self.held().update(**fields))


_held: dict[tuple[str, str, int], Lease] = {}
_held_lock = threading.Lock()


def _key(lease: Lease) -> tuple[str, str, int]:
    return lease.model._meta.label, str(lease.pk), lease.attempt


def job_claim(*, model: type[LeasedJob], pk: Any, task_id: str = "") -> Lease | None:
    """Start a queued job in this process: mark it running under a new attempt and hold its lease.

    Returns None when the job is not queued (already done, running elsewhere, cancelled: a task delivered twice).
    """
    now = timezone.now()
    queued = model._default_manager.filter(_status(QUEUED), pk=pk)
    attempts = queued.values_list("attempts", flat=True).first()
    if attempts is None:
        return None
    # Conditional on the attempt we read: of two workers racing for the job, exactly one UPDATE matches.
    if not queued.filter(attempts=attempts).update(
        status=RUNNING,
        attempts=attempts + 1,
        lease_until=now + timedelta(seconds=lease_seconds()),
        task_id=str(task_id)[:64],
        started_at=now,
    ):
        return None
    lease = Lease(model=model, pk=pk, attempt=attempts + 1)
    with _held_lock:
        _held[_key(lease)] = lease
    return lease


def job_release(lease: Lease) -> None:
    """Stop renewing the lease (the run is over, in whatever way)."""
    with _held_lock:
        _held.pop(_key(lease), None)


def jobs_held() -> list[Lease]:
    """The leases this process holds now."""
    with _held_lock:
        return list(_held.values())


def jobs_renew() -> int:
    """Push the lease of every job this process runs forward (the worker's heartbeat); returns how many it holds."""
    leases = jobs_held()
    until = timezone.now() + timedelta(seconds=lease_seconds())
    for lease in leases:
        if not lease.update(lease_until=until):
            job_release(lease)  # cancelled, or taken over after a lease that ran out: no longer ours
    return len(leases)


@dataclass(frozen=True)
class JobKind:
    """A model whose rows are leased jobs, the task that runs one (called with the row's id), and what to remove
    when a job is given up (rows it stored, files it kept)."""

    model: type[LeasedJob]
    task: Any  # a django_tasks Task taking the job's id
    give_up: Callable[[Any], None] | None = None


def _expired(now: datetime) -> Q:
    return Q(lease_until__lt=now) | Q(lease_until__isnull=True)


def _task_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:  # empty, or a task id of the immediate backend (tests, the demo)
        return None


def jobs_recover(*, kinds: Sequence[JobKind]) -> int:
    """Put every job whose worker died back in the queue, or fail it after TASK_MAX_ATTEMPTS; returns how many.

    Safe to run in any number of workers at once: each job is taken over by one conditional UPDATE.
    """
    now = timezone.now()
    recovered = 0
    for kind in kinds:
        for job in kind.model._default_manager.filter(_expired(now), _status(RUNNING)):
            recovered += _recover(kind, job, now)
    return recovered + _requeue_unclaimed(kinds=kinds, now=now)


def _recover(kind: JobKind, job: LeasedJob, now: datetime) -> bool:
    from django_tasks_db.models import DBTaskResult

    give_up = job.attempts >= int(settings.TASK_MAX_ATTEMPTS)
    fields: dict[str, Any] = {"status": QUEUED, "lease_until": None}
    if give_up:
        fields = {"status": FAILED, "lease_until": None, "error": gave_up_message(job.attempts), "finished_at": now}
    task_uuid = _task_uuid(job.task_id)
    with transaction.atomic():
        taken = kind.model._default_manager.filter(_expired(now), _status(RUNNING), pk=job.pk, attempts=job.attempts)
        if not taken.update(**fields):
            return False  # another worker recovered it first, or the lease was renewed meanwhile
        task = (
            DBTaskResult.objects.filter(pk=task_uuid, status=TaskResultStatus.RUNNING)
            if task_uuid
            else DBTaskResult.objects.none()
        )
        if give_up:
            interrupted = {"exception_class_path": "denkraam.web.jobs.Interrupted", "traceback": fields["error"]}
            task.update(status=TaskResultStatus.FAILED, finished_at=now, **interrupted)
        elif not task.update(status=TaskResultStatus.READY):
            # No task row left to run again (an old "bezig" from before leases, or a task that failed): a new one.
            kind.task.enqueue(str(job.pk))
    logger.warning(
        "%s %s: worker stopped during attempt %d; %s",
        kind.model._meta.label, job.pk, job.attempts, "given up" if give_up else "queued again",
    )  # fmt: skip
    if give_up and kind.give_up is not None:
        kind.give_up(job.pk)
    return True


def _job_id(args_kwargs: Any) -> str | None:
    args = list(args_kwargs.get("args") or []) + list((args_kwargs.get("kwargs") or {}).values())
    return str(args[0]) if args else None


def _requeue_unclaimed(*, kinds: Sequence[JobKind], now: datetime) -> int:
    """Tasks that have been RUNNING for longer than a lease while their job never became theirs.

    A worker killed between taking the task from the queue and claiming the job leaves the job "wachtrij" and the
    task RUNNING: the task goes back to READY. A task whose bookkeeping failed after its job finished is closed.
    """
    from django_tasks_db.models import DBTaskResult

    by_path = {kind.task.module_path: kind for kind in kinds}
    stale = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING,
        started_at__lt=now - timedelta(seconds=lease_seconds()),
        task_path__in=list(by_path),
    )
    requeued = 0
    for task in stale:
        kind, job_id = by_path[task.task_path], _job_id(task.args_kwargs)
        job = kind.model._default_manager.filter(pk=job_id).first() if job_id and _task_uuid(job_id) else None
        running = DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.RUNNING)
        if job is not None and job.status == QUEUED:
            requeued += running.update(status=TaskResultStatus.READY)
        elif job is None or job.status != RUNNING:
            outcome = str(job.status) if job is not None else "verdwenen"
            running.update(status=TaskResultStatus.SUCCESSFUL, finished_at=now, return_value=outcome)
        # A running job is the lease's business (see _recover), whichever task runs it.
    return requeued
