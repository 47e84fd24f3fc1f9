"""The deep analysis on the Tekstcheck page (offered when frog is there, says when it is not, has its own budget)
and for evidence (DENKRAAM_EVIDENCE_DEEP)."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from pytest_django.fixtures import Settings

from denkraam.accounts.models import User
from denkraam.analysis.text.readability import frog_available
from denkraam.analysis.text.readability.frog_service import frog_service, frog_service_configure, frog_service_start
from denkraam.evidence.models import Analysis
from denkraam.initiatives.models import Initiative

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
URL = "/tekstcheck/"
LETTER = (
    "Geachte heer Bakker,\n\n"
    "Wij hebben uw verzoek om kwijtschelding van de gemeentelijke belastingen ontvangen. "
    "Voordat wij een besluit kunnen nemen, hebben wij een kopie van uw laatste loonstrook nodig. "
    "Stuur die binnen twee weken naar ons op.\n\n"
    "Met vriendelijke groet,\n\nTeam Belastingen"
)
FIELDS = {"kind": "automatisch", "max_sentence_words": "20"}
DEEP_SAYS = "Gemeten met de diepe analyse (frog)."


@pytest.fixture
def frog_at(request: pytest.FixtureRequest) -> Iterator[None]:
    """Point this process's frog service elsewhere for one test; back to the settings afterwards."""
    frog_service_configure(request.param, timeout=5)
    yield
    frog_service_configure(settings.FROG_SERVER, timeout=settings.FROG_TIMEOUT_SECONDS)


@pytest.mark.deep
def test_the_deep_analysis_measures_the_level_with_frog(client_for: ClientFor, alice: User) -> None:
    if not frog_available():
        if os.environ.get("CI"):
            pytest.fail("frog is not installed, but CI must run the deep tier")
        pytest.skip("frog is not installed")
    frog_service_start()  # what `denkraam serve` does at start-up, so the first deep check need not wait
    service = frog_service()
    assert service is not None and service.pid is not None
    loaded = service.pid
    client = client_for(alice)
    page = client.get(URL).content.decode()
    assert "Diepe analyse (met frog)" in page
    assert 'name="deep"' in page and "Niet beschikbaar" not in page
    deep = client.post(URL, {"text": LETTER, "deep": "on", **FIELDS}).content.decode()
    assert DEEP_SAYS in deep
    assert "Leesniveau" in deep
    plain = client.post(URL, {"text": LETTER, **FIELDS}).content.decode()
    assert "Leesniveau" in plain and DEEP_SAYS not in plain
    assert service.pid == loaded  # the frog loaded at start-up did the work


@override_settings(FROG_SERVER="off")
def test_with_frog_off_the_option_says_it_is_not_available(client_for: ClientFor, alice: User) -> None:
    client = client_for(alice)
    page = client.get(URL).content.decode()
    assert "Niet beschikbaar: de beheerder heeft de diepe analyse op deze server uitgezet." in page
    assert 'name="deep"' in page and "disabled" in page.split('name="deep"')[1].split(">")[0]
    result = client.post(URL, {"text": LETTER, "deep": "on", **FIELDS}).content.decode()
    assert "Leesniveau" in result and DEEP_SAYS not in result  # a disabled box cannot be switched on


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("frog_at", [f"127.0.0.1:{_unused_port()}"], indirect=True, ids=["unused-port"])
@pytest.mark.usefixtures("frog_at")
def test_when_frog_cannot_be_reached_the_page_says_so_and_shows_the_ordinary_result(
    client_for: ClientFor, alice: User
) -> None:
    with override_settings(FROG_SERVER="127.0.0.1:1"):
        page = client_for(alice).post(URL, {"text": LETTER, "deep": "on", **FIELDS}).content.decode()
    assert "De diepe analyse lukte niet: De diepe analyse kan frog op 127.0.0.1:" in page
    assert "U ziet de gewone uitkomst." in page
    assert "Leesniveau" in page and DEEP_SAYS not in page


@override_settings(FROG_SERVER="127.0.0.1:1", TEXT_CHECK_DEEP_CHARACTERS_PER_MINUTE=250)
def test_the_deep_analysis_has_its_own_smaller_budget(client_for: ClientFor, alice: User) -> None:
    client = client_for(alice)
    response = client.post(URL, {"text": LETTER, "deep": "on", **FIELDS})  # 281 characters
    assert response.status_code == 429
    assert "Wacht een minuut" in response.content.decode()
    assert "Leesniveau" in client.post(URL, {"text": LETTER, **FIELDS}).content.decode()  # the ordinary check goes on


@override_settings(FROG_SERVER="127.0.0.1:1")
def test_a_text_too_long_for_the_deep_analysis_gets_a_dutch_error(client_for: ClientFor, alice: User) -> None:
    text = (LETTER + "\n\n") * 80  # over 20,000 characters, under the page's 50,000
    response = client_for(alice).post(URL, {"text": text, "deep": "on", **FIELDS})
    page = response.content.decode()
    assert response.status_code == 400
    assert "De diepe analyse kan hoogstens 20.000 tekens tegelijk aan." in page
    assert "Leesniveau" not in page


@pytest.mark.deep
def test_with_evidence_deep_on_the_evidence_page_shows_the_level_measured_by_frog(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable, settings: Settings
) -> None:
    if not frog_available():
        if os.environ.get("CI"):
            pytest.fail("frog is not installed, but CI must run the deep tier")
        pytest.skip("frog is not installed")
    settings.EVIDENCE_DEEP = True
    client = client_for(alice)
    add = reverse("evidence:add", kwargs={"initiative_id": initiative.pk})
    with run_tasks():
        response = client.post(add, {"way": "tekst", "tekst-title": "Brief kwijtschelding", "tekst-text": LETTER})
    assert response.status_code == 302
    analysis = Analysis.objects.get()
    assert analysis.status == Analysis.Status.KLAAR
    assert "leesniveau diep (frog)" in analysis.analyser_version
    page = client.get(response.url).content.decode()
    assert "gemeten met de diepe analyse (frog)" in page
