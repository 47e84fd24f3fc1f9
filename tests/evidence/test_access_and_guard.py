"""Who may see and add evidence (alice, bob, charlie), the live status partial, and the URL guard in the form."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.evidence import services
from denkraam.evidence.demo import demo_text
from denkraam.evidence.models import Analysis, EvidenceItem
from denkraam.initiatives.models import Initiative
from tests.evidence.conftest import LoopbackSite
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
GUARD = "niet openbaar bereikbaar (intern netwerk)"


@pytest.fixture
def item(initiative: Initiative, alice: User, run_tasks: Callable) -> EvidenceItem:
    with run_tasks():
        item, _ = services.evidence_add_text(
            initiative=initiative, actor=alice, title="Conceptbrief maart", text=demo_text("brief_herbeoordeling.txt")
        )
    return item


def evidence_urls(item: EvidenceItem) -> list[str]:
    return [reverse(f"evidence:{name}", kwargs={"item_id": item.pk}) for name in ("detail", "status", "download")]


def test_bob_sees_alices_evidence_on_the_initiative_page(client_for: ClientFor, bob: User, item: EvidenceItem) -> None:
    page = client_for(bob).get(reverse("initiatives:detail", kwargs={"initiative_id": item.initiative_id}))
    assert item.title in page.content.decode()
    assert "Bewijs toevoegen" in page.content.decode()
    assert client_for(bob).get(evidence_urls(item)[0]).status_code == 200


def test_charlie_sees_nothing_of_alices_evidence(
    client_for: ClientFor, charlie: User, item: EvidenceItem, initiative: Initiative
) -> None:
    client = client_for(charlie)
    for url in evidence_urls(item):
        assert client.get(url).status_code == 404
    assert client.post(reverse("evidence:reanalyse", kwargs={"item_id": item.pk})).status_code == 404
    assert client.get(reverse("evidence:add", kwargs={"initiative_id": initiative.pk})).status_code == 404


def test_charlie_sees_no_evidence_even_when_the_initiative_is_published(
    client_for: ClientFor, charlie: User, item: EvidenceItem, initiative: Initiative
) -> None:
    initiative.is_published = True
    initiative.save()
    page = client_for(charlie).get(reverse("initiatives:detail", kwargs={"initiative_id": initiative.pk}))
    assert page.status_code == 200
    assert "bewijs-titel" not in page.content.decode() and item.title not in page.content.decode()
    assert client_for(charlie).get(evidence_urls(item)[0]).status_code == 404
    assert client_for(charlie).get(reverse("evidence:add", kwargs={"initiative_id": initiative.pk})).status_code == 403


def test_a_reader_may_look_but_not_add(client_for: ClientFor, uwv: Organisation, item: EvidenceItem) -> None:
    reader = UserFactory(username="lezer")
    MembershipFactory(user=reader, organisation=uwv, role=Membership.Role.LEZER)
    client = client_for(reader)
    assert client.get(evidence_urls(item)[0]).status_code == 200
    assert client.get(reverse("evidence:add", kwargs={"initiative_id": item.initiative_id})).status_code == 403
    assert client.post(reverse("evidence:reanalyse", kwargs={"item_id": item.pk})).status_code == 403
    assert "Opnieuw analyseren" not in client.get(evidence_urls(item)[0]).content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client: Client, item: EvidenceItem) -> None:
    response = client.get(evidence_urls(item)[0])
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_a_waiting_analysis_shows_its_progress_and_polls(
    client_for: ClientFor, alice: User, initiative: Initiative
) -> None:
    # Without committing, the queued task never starts: this is what a user sees before the worker picks it up.
    item, _ = services.evidence_add_text(initiative=initiative, actor=alice, title="Wacht", text="Geachte heer,")
    client = client_for(alice)
    page = client.get(reverse("evidence:detail", kwargs={"item_id": item.pk})).content.decode()
    assert "In de wachtrij" in page
    assert 'hx-trigger="every 2s"' in page
    assert "Pagina vernieuwen" in page  # works without JavaScript
    partial = client.get(reverse("evidence:status", kwargs={"item_id": item.pk}), HTTP_HX_REQUEST="true")
    assert "In de wachtrij" in partial.content.decode() and "<html" not in partial.content.decode()
    services.analysis_run(analysis=Analysis.objects.get())
    finished = client.get(reverse("evidence:status", kwargs={"item_id": item.pk}), HTTP_HX_REQUEST="true")
    assert finished["HX-Refresh"] == "true"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/beheer/",
        "http://localhost/",
        "http://10.0.0.5/intern",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://2130706433/",
    ],
)
def test_the_form_refuses_addresses_in_a_private_network(
    client_for: ClientFor, alice: User, initiative: Initiative, url: str
) -> None:
    response = client_for(alice).post(
        reverse("evidence:add", kwargs={"initiative_id": initiative.pk}), {"way": "webpagina", "webpagina-url": url}
    )
    assert response.status_code == 400
    assert GUARD in response.content.decode()
    assert not EvidenceItem.objects.exists()


def test_the_form_refuses_other_schemes(client_for: ClientFor, alice: User, initiative: Initiative) -> None:
    response = client_for(alice).post(
        reverse("evidence:add", kwargs={"initiative_id": initiative.pk}),
        {"way": "webpagina", "webpagina-url": "file:///etc/passwd"},
    )
    assert "http:// of https://" in response.content.decode()
    assert not EvidenceItem.objects.exists()


def test_a_loopback_server_is_refused_without_the_test_allowance(
    client_for: ClientFor, alice: User, initiative: Initiative, site: LoopbackSite
) -> None:
    url = site.page("/pagina", b"<html><p>Hallo</p></html>")
    response = client_for(alice).post(
        reverse("evidence:add", kwargs={"initiative_id": initiative.pk}), {"way": "webpagina", "webpagina-url": url}
    )
    assert GUARD in response.content.decode()
    assert site.hits == []


def test_a_redirect_into_a_private_network_is_refused_while_fetching(
    client_for: ClientFor,
    alice: User,
    initiative: Initiative,
    site: LoopbackSite,
    allow_loopback: None,
    run_tasks: Callable,
) -> None:
    url = site.redirect("/door", "http://10.0.0.5/geheim")
    client = client_for(alice)
    with run_tasks():
        response = client.post(
            reverse("evidence:add", kwargs={"initiative_id": initiative.pk}), {"way": "webpagina", "webpagina-url": url}
        )
    page = client.get(response.url).content.decode()
    assert "Mislukt" in page and GUARD in page
    item = EvidenceItem.objects.get()
    assert item.text == "" and not item.original  # nothing from the private address was stored
    assert site.hits == ["/door"]


def test_the_allowance_setting_is_ignored_in_production(settings: Settings) -> None:
    settings.DENKRAAM_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    settings.PRODUCTION = True
    assert services.fetch_allow_hosts() == frozenset()
