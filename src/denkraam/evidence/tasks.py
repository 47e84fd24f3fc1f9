"""Background work for evidence: one task, which loads the analysis by id and calls the service."""

from __future__ import annotations

from django_tasks import task

from denkraam.evidence.models import Analysis
from denkraam.evidence.services import analysis_run


@task()
def analyse_evidence(analysis_id: str) -> str:
    """Run one queued analysis; returns its final status."""
    analysis = Analysis.objects.select_related("item", "item__initiative").filter(pk=analysis_id).first()
    if analysis is None:  # the evidence was deleted while the task waited
        return "verdwenen"
    return analysis_run(analysis=analysis).status
