"""Background work for evidence: one task, which loads the analysis by id and calls the service."""

from __future__ import annotations

from django_tasks import TaskContext, task

from denkraam.evidence.models import Analysis
from denkraam.evidence.services import analysis_run
from denkraam.web.jobs import JobKind


@task(takes_context=True)
def analyse_evidence(context: TaskContext, analysis_id: str) -> str:
    """Run one queued analysis; returns its final status."""
    analysis = Analysis.objects.select_related("item", "item__initiative").filter(pk=analysis_id).first()
    if analysis is None:  # the evidence was deleted while the task waited
        return "verdwenen"
    return analysis_run(analysis=analysis, task_id=str(context.task_result.id)).status


# A worker that dies during an analysis leaves it to another; nothing but the row itself to clean up.
EVIDENCE_JOB = JobKind(model=Analysis, task=analyse_evidence)
