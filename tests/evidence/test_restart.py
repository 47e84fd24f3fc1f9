"""An analysis whose worker died is shown as interrupted, run again by another worker, and finished once.

The state a killed worker leaves is made here by claiming the analysis as a worker does and letting the lease run
out; tests/web/test_kill.py does the same with real processes and kill -9.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from denkraam.accounts.models import User
from denkraam.evidence.models import Analysis
from denkraam.evidence.services import evidence_add_text
from denkraam.initiatives.models import Initiative
from denkraam.web.jobs import INTERRUPTED, job_claim, jobs_recover
from denkraam.web.worker import job_kinds

pytestmark = pytest.mark.django_db

LETTER = "over uw aanvraag\n\nWij hebben uw aanvraag ontvangen. U hoort binnen zes weken van ons.\n"


@pytest.fixture
def queued(alice: User, initiative: Initiative) -> Analysis:
    """An analysis in the queue (its task has not run: the request's transaction is not committed in this test)."""
    _, analysis = evidence_add_text(initiative=initiative, actor=alice, title="brief", text=LETTER, keep_original=True)
    assert analysis is not None and analysis.status == "wachtrij"
    return analysis


def lease_runs_out(analysis: Analysis) -> None:
    Analysis.objects.filter(pk=analysis.pk).update(lease_until=timezone.now() - timedelta(seconds=1))


def page(client: Client, analysis: Analysis) -> str:
    return client.get(reverse("evidence:detail", kwargs={"item_id": analysis.item_id})).content.decode()


def test_a_queued_analysis_is_taken_by_one_worker_only(queued: Analysis) -> None:
    first = job_claim(model=Analysis, pk=queued.pk)
    second = job_claim(model=Analysis, pk=queued.pk)
    assert first is not None and first.attempt == 1
    assert second is None
    assert Analysis.objects.get(pk=queued.pk).status == "bezig"


def test_an_analysis_whose_worker_died_shows_as_interrupted_and_is_finished_by_another_worker(
    queued: Analysis, alice: User, client_for: Callable[[User], Client]
) -> None:
    job_claim(model=Analysis, pk=queued.pk)
    client = client_for(alice)
    assert INTERRUPTED not in page(client, queued)
    lease_runs_out(queued)
    assert INTERRUPTED in page(client, queued)

    assert jobs_recover(kinds=job_kinds()) == 1  # in tests the new task runs at once
    analysis = Analysis.objects.get(pk=queued.pk)
    assert (analysis.status, analysis.attempts) == ("klaar", 2)
    assert analysis.words > 10 and analysis.finished_at is not None
    assert Analysis.objects.filter(item_id=queued.item_id).count() == 1
    assert INTERRUPTED not in page(client, queued)


def test_a_worker_that_lost_its_lease_cannot_overwrite_the_result_of_the_next_attempt(queued: Analysis) -> None:
    first = job_claim(model=Analysis, pk=queued.pk)
    assert first is not None
    lease_runs_out(queued)
    jobs_recover(kinds=job_kinds())
    finished = Analysis.objects.get(pk=queued.pk)
    assert finished.status == "klaar"

    # The first worker was only slow, not dead: its late writes land nowhere.
    assert not first.update(status="mislukt", error="te laat", words=0)
    assert Analysis.objects.get(pk=queued.pk).status == "klaar"
    assert Analysis.objects.get(pk=queued.pk).words == finished.words


def test_an_analysis_interrupted_three_times_fails_with_a_dutch_message(
    queued: Analysis, alice: User, client_for: Callable[[User], Client]
) -> None:
    Analysis.objects.filter(pk=queued.pk).update(attempts=2)  # two workers died on it before
    job_claim(model=Analysis, pk=queued.pk)
    lease_runs_out(queued)
    jobs_recover(kinds=job_kinds())
    analysis = Analysis.objects.get(pk=queued.pk)
    assert (analysis.status, analysis.attempts) == ("mislukt", 3)
    assert "3 keer onderbroken" in analysis.error
    assert "De analyse is mislukt: De verwerking is 3 keer onderbroken" in page(client_for(alice), queued)


def test_an_analysis_left_bezig_by_a_worker_from_before_leases_is_run_again(queued: Analysis) -> None:
    Analysis.objects.filter(pk=queued.pk).update(status="bezig", started_at=timezone.now() - timedelta(days=2))
    jobs_recover(kinds=job_kinds())
    assert Analysis.objects.get(pk=queued.pk).status == "klaar"
