"""Background task for feedback imports: load by id, call the service."""

from __future__ import annotations

from django_tasks import TaskContext, task

from denkraam.feedback.models import FeedbackImport
from denkraam.feedback.services import feedback_import_abandon, feedback_import_run
from denkraam.web.jobs import JobKind


@task(takes_context=True)
def feedback_import_task(context: TaskContext, feedback_import_id: str) -> str:
    """Analyse one queued feedback import; returns its final status."""
    feedback_import = feedback_import_run(feedback_import_id=feedback_import_id, task_id=str(context.task_result.id))
    return feedback_import.status if feedback_import is not None else "onbekend"


# A worker that dies during an import leaves it to another; one that is given up loses its rows and raw file.
FEEDBACK_JOB = JobKind(model=FeedbackImport, task=feedback_import_task, give_up=feedback_import_abandon)
