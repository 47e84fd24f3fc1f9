"""A web page as evidence: the text check reads its main content only, and the evidence page says which part."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.evidence.models import Analysis, EvidenceItem
from denkraam.initiatives.models import Initiative
from tests.evidence.conftest import LoopbackSite

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
PAGE = (
    b'<!doctype html><html lang="nl"><head><title>Bijstand aanvragen</title></head><body>'
    b'<div class="cookie-melding"><p>Wij gebruiken cookies om te meten hoe u deze website gebruikt, en verbeteren '
    b"hem daarmee.</p></div>"
    b'<nav><ul><li><a href="/werk">Werk en inkomen ten behoeve van inwoners</a></li></ul></nav>'
    b"<main><h1>Bijstand aanvragen</h1><p>U vraagt bijstand aan met het formulier op deze pagina.</p>"
    b"<p>Binnen acht weken hoort u of u bijstand krijgt.</p></main>"
    b"<footer><p>Hierbij delen wij u mede dat u ons kunt bellen op 14 020.</p></footer></body></html>"
)


def test_a_fetched_page_is_checked_by_its_main_content(
    client_for: ClientFor,
    alice: User,
    initiative: Initiative,
    run_tasks: Callable,
    site: LoopbackSite,
    allow_loopback: None,
) -> None:
    url = site.page("/bijstand", PAGE)
    client = client_for(alice)
    with run_tasks():
        response = client.post(
            reverse("evidence:add", kwargs={"initiative_id": initiative.pk}),
            {"way": "webpagina", "webpagina-url": url},
        )
    item = EvidenceItem.objects.get()
    assert item.text.startswith("Bijstand aanvragen\n\nU vraagt bijstand aan")
    for outside in ("cookies", "ten behoeve van", "Hierbij"):
        assert outside not in item.text
    analysis = item.analyses.get()
    assert analysis.status == Analysis.Status.KLAAR
    assert analysis.page["measured"] == "<main>"
    assert analysis.page["contact_options"]["telefoon"]  # the page check still reads the footer
    page = client.get(response.url).content.decode()
    assert "Gemeten voor de tekstcheck: alleen de hoofdinhoud, &lt;main&gt;" in page


def test_an_uploaded_html_page_is_checked_by_its_main_content(
    client_for: ClientFor, alice: User, initiative: Initiative
) -> None:
    upload = SimpleUploadedFile("bijstand.html", PAGE)
    client_for(alice).post(
        reverse("evidence:add", kwargs={"initiative_id": initiative.pk}),
        {"way": "bestand", "bestand-upload": upload},
    )
    item = EvidenceItem.objects.get()
    assert item.document_type == "html"
    assert "Binnen acht weken" in item.text and "cookies" not in item.text and "Hierbij" not in item.text
