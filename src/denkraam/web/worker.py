"""`denkraam worker`: runs the background tasks from the database queue, and keeps running when the database is busy.

Built on django_tasks_db's worker (its queue, its claim with SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL and
an exclusive transaction on SQLite, its signal handling), with three changes:

- a busy or unreachable database never stops the worker: polling, claiming and the task bookkeeping are retried with
  a growing pause (up to 30 s) instead of crashing on "database is locked";
- a heartbeat thread renews the leases of the job this worker runs (`denkraam.web.jobs`), and every heartbeat the
  worker puts jobs of dead workers back in the queue;
- every CLEANUP_INTERVAL_SECONDS it removes raw uploads nobody uses any more.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from denkraam.web.jobs import JobKind, jobs_recover, jobs_renew

logger = logging.getLogger("denkraam.worker")

DATABASE_TROUBLE = (OperationalError, InterfaceError)
TROUBLE = {f"{kind.__module__}.{kind.__qualname__}" for kind in DATABASE_TROUBLE}
LONGEST_PAUSE = 30.0
RETRY_AFTER = 5


def job_kinds() -> list[JobKind]:
    """Every kind of leased job (one per app with background work)."""
    from denkraam.evidence.tasks import EVIDENCE_JOB
    from denkraam.feedback.tasks import FEEDBACK_JOB

    return [EVIDENCE_JOB, FEEDBACK_JOB]


def cleanup_run() -> int:
    """Remove raw uploads nobody uses any more; returns how many files went (the scheduled clean-up)."""
    from denkraam.feedback.uploads import temp_purge

    return temp_purge()


class Heartbeat(threading.Thread):
    """Renews the leases this process holds every TASK_HEARTBEAT_SECONDS, in its own database connection."""

    def __init__(self, seconds: float) -> None:
        super().__init__(name="denkraam-heartbeat", daemon=True)
        self.seconds = seconds
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.seconds):
            try:
                jobs_renew()
            except Exception as exc:  # noqa: BLE001 - one missed beat is harmless: the lease lasts several beats
                logger.warning("Lease niet verlengd, volgende poging over %s s: %s", self.seconds, exc)
            finally:
                close_old_connections()
        connections.close_all()


class DenkraamWorker(Worker):
    """django_tasks_db's worker with leases, recovery, the clean-up and patience with a busy database."""

    def __init__(self, *, batch: bool, interval: float = 1.0) -> None:
        super().__init__(
            queue_names=["default"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        self.kinds = job_kinds()
        self.heartbeat_seconds = float(settings.TASK_HEARTBEAT_SECONDS)
        self.next_recovery = 0.0
        self.next_cleanup = 0.0

    def run(self) -> None:
        heartbeat = Heartbeat(self.heartbeat_seconds)
        heartbeat.start()
        pause = self.interval
        try:
            while self.running:
                try:
                    close_old_connections()
                    self.maintain()
                    task = self.claim()
                except DATABASE_TROUBLE as exc:
                    logger.warning("Database bezet of onbereikbaar (%s); nieuwe poging over %.0f s", exc, pause)
                    time.sleep(pause)
                    pause = min(pause * 2, LONGEST_PAUSE)
                    continue
                pause = self.interval
                if task is not None:
                    self.run_task(task)
                    continue
                if self.batch:
                    return
                time.sleep(self.interval)
        finally:
            heartbeat.stopped.set()

    def maintain(self) -> None:
        """Every heartbeat: take back the jobs of dead workers. Every CLEANUP_INTERVAL_SECONDS: remove stray files."""
        now = time.monotonic()
        if now >= self.next_recovery:
            jobs_recover(kinds=self.kinds)
            self.next_recovery = now + self.heartbeat_seconds
        if now >= self.next_cleanup:
            removed = cleanup_run()
            if removed:
                logger.info("Opgeruimd: %d achtergebleven uploadbestanden", removed)
            self.next_cleanup = now + float(settings.CLEANUP_INTERVAL_SECONDS)

    def claim(self) -> DBTaskResult | None:
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name, queue_name__in=self.queue_names)
        with exclusive_transaction(tasks.db):
            task = tasks.get_locked()
            if task is not None:
                task.claim(self.worker_id)
        return task

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            super().run_task(db_task_result)
            if db_task_result.status == TaskResultStatus.FAILED and db_task_result.exception_class_path in TROUBLE:
                # The task met a busy database (before it could take its job, or half-way: then the job's lease
                # brings it back): into the queue again, in a few seconds.
                DBTaskResult.objects.filter(pk=db_task_result.pk, status=TaskResultStatus.FAILED).update(
                    status=TaskResultStatus.READY, run_after=timezone.now() + timedelta(seconds=RETRY_AFTER)
                )
                logger.warning("Taak %s: database bezet, over %d s opnieuw", db_task_result.pk, RETRY_AFTER)
        except DATABASE_TROUBLE as exc:
            # The task ran, but its result could not be written to the queue. The job's own row is what users see;
            # recovery closes (or reruns) the task row once the database is back.
            logger.warning("Taak %s: uitkomst niet bewaard in de wachtrij (%s)", db_task_result.pk, exc)


def migrate_when_free(*, attempts: int = 10) -> None:
    """Bring the database up to date, waiting while another process holds it (the web server migrating too)."""
    pause = 1.0
    for attempt in range(1, attempts + 1):
        try:
            call_command("migrate", interactive=False, verbosity=0)
            return
        except DATABASE_TROUBLE as exc:
            if attempt == attempts:
                raise
            logger.warning("Database bezet bij het bijwerken (%s); nieuwe poging over %.0f s", exc, pause)
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)


def worker_run(*, once: bool, **options: Any) -> None:
    """Run the worker until stopped (Ctrl+C, SIGTERM), or with `once` until the queue is empty."""
    worker = DenkraamWorker(batch=once, **options)
    worker.configure_signals()
    worker.run()
