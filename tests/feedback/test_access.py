"""Access: charlie (KVK) sees nothing of alice's feedback (UWV), not via import ids either; bob (lid) may import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.feedback.models import FeedbackImport
from denkraam.initiatives.models import Initiative
from tests.factories import InitiativeFactory, MembershipFactory, UserFactory
from tests.feedback.conftest import csv_upload, dashboard_url, upload_url

pytestmark = pytest.mark.django_db


def import_urls(item: FeedbackImport, initiative: Initiative | None = None) -> dict[str, str]:
    kwargs = {"initiative_id": (initiative or item.initiative).pk, "import_id": item.pk}
    return {name: reverse(f"feedback:{name}", kwargs=kwargs) for name in ("import", "progress", "cancel", "delete")}


def test_charlie_gets_404_on_every_feedback_page_of_alice(
    imported: Callable[..., FeedbackImport],
    client_for: Callable[[User], Client],
    alice: User,
    charlie: User,
    initiative: Initiative,
) -> None:
    item = imported(alice, initiative)
    client = client_for(charlie)
    assert client.get(dashboard_url(initiative)).status_code == 404
    assert client.get(upload_url(initiative)).status_code == 404
    assert client.post(upload_url(initiative), {"bestand": csv_upload()}).status_code == 404
    for name, url in import_urls(item).items():
        response = client.post(url) if name in ("cancel", "delete") else client.get(url)
        assert response.status_code == 404, name
    assert FeedbackImport.objects.filter(pk=item.pk, status="klaar").exists()


def test_charlie_cannot_reach_alices_import_through_his_own_initiative(
    imported: Callable[..., FeedbackImport],
    client_for: Callable[[User], Client],
    alice: User,
    charlie: User,
    kvk: Organisation,
    initiative: Initiative,
) -> None:
    item = imported(alice, initiative)
    own = InitiativeFactory(owner=kvk)
    client = client_for(charlie)
    for name, url in import_urls(item, own).items():
        response = client.post(url) if name in ("cancel", "delete") else client.get(url)
        assert response.status_code == 404, name
    assert client.get(dashboard_url(own) + f"?import={item.pk}").status_code == 404
    assert "Mevrouw" not in client.get(dashboard_url(own)).content.decode()


def test_a_published_initiative_still_hides_its_feedback_from_outsiders(
    imported: Callable[..., FeedbackImport],
    client_for: Callable[[User], Client],
    alice: User,
    charlie: User,
    initiative: Initiative,
) -> None:
    imported(alice, initiative)
    Initiative.objects.filter(pk=initiative.pk).update(is_published=True)
    client = client_for(charlie)
    detail = client.get(reverse("initiatives:detail", kwargs={"initiative_id": initiative.pk}))
    assert detail.status_code == 200 and "Klantfeedback" not in detail.content.decode()
    assert client.get(dashboard_url(initiative)).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(initiative: Initiative) -> None:
    response = Client().get(dashboard_url(initiative))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert Client().post(upload_url(initiative), {"bestand": csv_upload()}).status_code == 302
    assert not FeedbackImport.objects.exists()


def test_bob_as_lid_may_import(imported: Callable[..., FeedbackImport], bob: User, initiative: Initiative) -> None:
    assert imported(bob, initiative).status == "klaar"


def test_a_lezer_sees_the_dashboard_but_cannot_import_or_delete(
    imported: Callable[..., FeedbackImport],
    client_for: Callable[[User], Client],
    alice: User,
    uwv: Organisation,
    initiative: Initiative,
) -> None:
    item = imported(alice, initiative)
    reader = UserFactory(username="lezer")
    MembershipFactory(user=reader, organisation=uwv, role=Membership.Role.LEZER)
    client = client_for(reader)
    page = client.get(dashboard_url(initiative)).content.decode()
    assert "Reacties per behoefte" in page and "Bestand met reacties importeren" not in page
    assert client.get(upload_url(initiative)).status_code == 403
    assert client.post(import_urls(item)["delete"]).status_code == 403
    assert FeedbackImport.objects.filter(pk=item.pk).exists()


def test_a_forged_csrf_token_is_refused_and_leaves_no_file(
    alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    client.get(upload_url(initiative))  # sets the CSRF cookie, so the check reads the body (and our handler runs)
    forged = {"bestand": csv_upload(), "csrfmiddlewaretoken": "x" * 64}
    assert client.post(upload_url(initiative), forged).status_code == 403
    assert not FeedbackImport.objects.exists()
    assert list(feedback_tmp.iterdir()) == []
