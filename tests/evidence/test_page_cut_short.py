"""A web page that stops arriving, or that the website breaks off, is never analysed as if it were the whole page."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from denkraam.accounts.models import User
from denkraam.evidence.models import Analysis, EvidenceItem
from denkraam.initiatives.models import Initiative
from tests.cutting_site import cutting_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def cut_site() -> Iterator[str]:
    with cutting_site() as base:
        yield base


def _add_page(client: Client, initiative: Initiative, url: str, run_tasks: Callable) -> str:
    with run_tasks():
        response = client.post(
            reverse("evidence:add", kwargs={"initiative_id": initiative.pk}), {"way": "webpagina", "webpagina-url": url}
        )
    return client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/hangt", "De website reageerde niet binnen 1 seconde. Probeer het later opnieuw."),
        ("/afgebroken", "De website stuurde de pagina niet helemaal"),
    ],
    ids=["stops-arriving", "broken-off"],
)
def test_a_page_cut_short_fails_with_the_reason_and_stores_nothing_of_it(
    client_for: Callable[[User], Client],
    alice: User,
    initiative: Initiative,
    cut_site: str,
    allow_loopback: None,
    run_tasks: Callable,
    settings: Settings,
    path: str,
    message: str,
) -> None:
    settings.FETCH_TIMEOUT = 1
    page = _add_page(client_for(alice), initiative, f"{cut_site}{path}", run_tasks)
    assert "Mislukt" in page and message in page
    analysis = Analysis.objects.get()
    assert analysis.status == Analysis.Status.MISLUKT and analysis.findings == []
    item = EvidenceItem.objects.get()
    assert item.text == "" and not item.original
