"""Background task for feedback imports: load by id, call the service."""

from __future__ import annotations

from django_tasks import task

from denkraam.feedback.services import feedback_import_run


@task()
def feedback_import_task(feedback_import_id: str) -> str:
    """Analyse one queued feedback import; returns its final status."""
    feedback_import = feedback_import_run(feedback_import_id=feedback_import_id)
    return feedback_import.status if feedback_import is not None else "onbekend"
