"""Adding evidence through the web pages and seeing its findings: text, upload, web page on loopback."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from denkraam.accounts.models import AuditEvent, User
from denkraam.evidence.demo import demo_text
from denkraam.evidence.models import Analysis, EvidenceItem
from denkraam.initiatives.models import Initiative
from tests.evidence.conftest import FIXTURES, LoopbackSite

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def add_url(initiative: Initiative) -> str:
    return reverse("evidence:add", kwargs={"initiative_id": initiative.pk})


def only_item() -> EvidenceItem:
    return EvidenceItem.objects.get()


def test_alice_pastes_the_demo_letter_and_sees_its_findings(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    client = client_for(alice)
    with run_tasks():
        response = client.post(
            add_url(initiative),
            {"way": "tekst", "tekst-title": "Brief maart", "tekst-text": demo_text("brief_herbeoordeling.txt")},
        )
    item = only_item()
    assert response.status_code == 302
    assert response.url == reverse("evidence:detail", kwargs={"item_id": item.pk})
    page = client.get(response.url).content.decode()
    assert "Klaar" in page
    # The known problems of the letter: a threat, vague time, no objection route, long sentences, no phone number.
    for title in (
        "Dreigende toon",
        "Vage tijdsaanduiding",
        "Besluit zonder uitleg over bezwaar",
        "Lange zin",
        "geen telefoonnummer",
    ):
        assert title in page
    assert '<mark class="denkraam-mark denkraam-mark--waarschuwing">binnenkort</mark>' in page
    assert re.search(r'<meter [^>]*value="\d+"', page)
    assert "Leesbaarheid: niveau" in page
    assert AuditEvent.objects.filter(action="evidence.added", object_id=str(item.pk)).exists()


def test_every_marked_finding_has_a_number_and_a_hidden_label(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    client = client_for(alice)
    with run_tasks():
        client.post(add_url(initiative), {"way": "tekst", "tekst-text": demo_text("brief_herbeoordeling.txt")})
    page = client.get(reverse("evidence:detail", kwargs={"item_id": only_item().pk})).content.decode()
    refs = re.findall(r'<a class="denkraam-ref" href="#bevinding-(\d+)" id="markering-\1">', page)
    spans = [f for f in Analysis.objects.get().findings if f["end"] > f["start"]]
    assert len(refs) == len(spans) > 5
    assert '<span class="visually-hidden">: Dreigende toon</span>' in page
    for number in refs:
        assert f'id="bevinding-{number}"' in page


def test_filters_by_need_and_severity_keep_the_numbers(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    client = client_for(alice)
    with run_tasks():
        client.post(add_url(initiative), {"way": "tekst", "tekst-text": demo_text("brief_herbeoordeling.txt")})
    url = reverse("evidence:detail", kwargs={"item_id": only_item().pk})
    findings = Analysis.objects.get().findings
    page = client.get(url, {"behoefte": "vertrouwen", "ernst": ""}).content.decode()
    trust = [n for n, f in enumerate(findings, 1) if f["need"] == "vertrouwen"]
    assert f"{len(trust)} van {len(findings)} bevindingen getoond" in page
    assert all(f'id="bevinding-{n}"' in page for n in trust)
    assert "Lange zin" not in page.split("bevindingen-titel")[1].split("tekst-titel")[0]
    errors = client.get(url, {"ernst": "fout"}).content.decode()
    assert f"{sum(f['severity'] == 'fout' for f in findings)} van {len(findings)} bevindingen getoond" in errors
    # A made-up filter value is ignored, not an error.
    assert client.get(url, {"ernst": "<script>"}).status_code == 200


def test_a_docx_upload_is_recognised_by_its_content_not_its_name(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    import docx

    document = docx.Document()
    for paragraph in demo_text("brief_herbeoordeling.txt").split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("brief.txt", buffer.getvalue(), content_type="text/plain")
    data = {"way": "bestand", "bestand-upload": upload, "bestand-keep_original": "on"}  # keep the file to see its type
    with run_tasks():
        response = client_for(alice).post(add_url(initiative), data)
    assert response.status_code == 302
    item = only_item()
    assert item.document_type == "docx"
    assert item.title == "brief"
    assert item.original.name.endswith("origineel.docx")
    assert "Geachte heer De Vries" in item.text
    assert item.analyses.get().status == Analysis.Status.KLAAR


def test_a_zip_bomb_disguised_as_docx_is_refused_and_nothing_is_stored(
    client_for: ClientFor, alice: User, initiative: Initiative
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (20 * 1024 * 1024))
    upload = SimpleUploadedFile("brief.docx", buffer.getvalue())
    response = client_for(alice).post(add_url(initiative), {"way": "bestand", "bestand-upload": upload})
    assert response.status_code == 400
    assert "verdacht groot" in response.content.decode()
    assert not EvidenceItem.objects.exists()


def test_an_empty_or_binary_file_gets_a_clear_message(
    client_for: ClientFor, alice: User, initiative: Initiative
) -> None:
    client = client_for(alice)
    binary = SimpleUploadedFile("foto.pdf", bytes(range(256)) * 20)
    assert (
        "binair bestand"
        in client.post(add_url(initiative), {"way": "bestand", "bestand-upload": binary}).content.decode()
    )
    empty = SimpleUploadedFile("leeg.txt", b"   ")
    assert (
        "Het bestand is leeg"
        in client.post(add_url(initiative), {"way": "bestand", "bestand-upload": empty}).content.decode()
    )
    assert not EvidenceItem.objects.exists()


def test_a_file_over_the_upload_limit_is_refused(
    client_for: ClientFor, alice: User, initiative: Initiative, settings: Settings
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    upload = SimpleUploadedFile("lang.txt", b"Dit is een zin. " * 200)
    response = client_for(alice).post(add_url(initiative), {"way": "bestand", "bestand-upload": upload})
    assert response.status_code == 400
    assert "te groot" in response.content.decode()
    assert not EvidenceItem.objects.exists()


def test_hostile_html_in_an_upload_never_runs_in_our_pages(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    client = client_for(alice)
    html = (FIXTURES / "demo_pagina.html").read_bytes()
    # The page check needs the original HTML, which is only kept by choice.
    data = {"way": "bestand", "bestand-upload": SimpleUploadedFile("p.html", html), "bestand-keep_original": "on"}
    with run_tasks():
        client.post(add_url(initiative), data)
    item = only_item()
    assert item.document_type == "html"
    page = client.get(reverse("evidence:detail", kwargs={"item_id": item.pk})).content.decode()
    assert "<script>alert" not in page
    assert 'onerror="alert' not in page and "<b onmouseover" not in page
    assert "&lt;b onmouseover=&quot;alert(1)&quot;&gt;" in page  # the visible text, escaped
    assert "Pagina: afbeelding zonder tekstalternatief" in page  # the page check ran on the HTML upload
    assert "&lt;img" in page  # its HTML excerpt is shown as text


def test_the_original_is_only_offered_as_a_download(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    client = client_for(alice)
    html = (FIXTURES / "demo_pagina.html").read_bytes()
    upload = SimpleUploadedFile("pagina.html", html)
    with run_tasks():
        client.post(add_url(initiative), {"way": "bestand", "bestand-upload": upload, "bestand-keep_original": "on"})
    response = client.get(reverse("evidence:download", kwargs={"item_id": only_item().pk}))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == html


def test_the_demo_web_page_is_fetched_through_the_test_allowance(
    client_for: ClientFor,
    alice: User,
    initiative: Initiative,
    run_tasks: Callable,
    site: LoopbackSite,
    allow_loopback: None,
) -> None:
    url = site.page("/ww-aanvragen", (FIXTURES / "demo_pagina.html").read_bytes())
    client = client_for(alice)
    with run_tasks():
        response = client.post(add_url(initiative), {"way": "webpagina", "webpagina-url": url})
    assert response.status_code == 302
    item = only_item()
    assert site.hits == ["/ww-aanvragen"]
    assert item.document_type == "html" and item.source_url == url
    assert "Uitkering aanvragen" in item.text and "uit de opgehaalde pagina" not in item.text
    analysis = item.analyses.get()
    assert analysis.status == Analysis.Status.KLAAR
    assert "page-1" in analysis.analyser_version
    rules = {f["rule"] for f in analysis.findings}
    assert {"page-lang-missing", "page-img-alt-missing", "page-link-text-vague", "vage-tijd"} <= rules
    page = client.get(response.url).content.decode()
    assert "Pagina: vage linktekst" in page and "Vage tijdsaanduiding" in page
    assert "<script>alert" not in page


def test_a_page_that_cannot_be_fetched_shows_why_and_the_evidence_stays(
    client_for: ClientFor,
    alice: User,
    initiative: Initiative,
    run_tasks: Callable,
    site: LoopbackSite,
    allow_loopback: None,
) -> None:
    client = client_for(alice)
    with run_tasks():
        response = client.post(add_url(initiative), {"way": "webpagina", "webpagina-url": site.url("/weg")})
    item = only_item()
    page = client.get(response.url).content.decode()
    assert "Mislukt" in page
    assert "De website gaf een foutmelding (HTTP 404)" in page
    # Once the page exists, analysing again works and the failed run stays listed.
    site.page("/weg", b"<html lang='nl'><title>Terug</title><p>Wij helpen u graag.</p></html>")
    with run_tasks():
        client.post(reverse("evidence:reanalyse", kwargs={"item_id": item.pk}))
    statuses = list(item.analyses.order_by("created_at").values_list("status", flat=True))
    assert statuses == ["mislukt", "klaar"]
    page = client.get(response.url).content.decode()
    assert "Eerdere analyses" in page and "Wij helpen u graag." in page


def test_a_result_of_an_older_analyser_is_kept_and_flagged_after_reanalysis(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    client = client_for(alice)
    with run_tasks():
        client.post(add_url(initiative), {"way": "tekst", "tekst-text": demo_text("webtekst_aanvragen.txt")})
    item = only_item()
    Analysis.objects.update(analyser_version="text-0.9.0")  # as if it ran before the analyser was improved
    url = reverse("evidence:detail", kwargs={"item_id": item.pk})
    assert "oudere versie van de analyse" in client.get(url).content.decode()
    with run_tasks():
        client.post(reverse("evidence:reanalyse", kwargs={"item_id": item.pk}))
    versions = list(item.analyses.order_by("created_at").values_list("analyser_version", flat=True))
    assert versions[0] == "text-0.9.0" and versions[1].startswith("text-") and len(versions) == 2
    page = client.get(url).content.decode()
    assert "oudere versie" not in page and "Eerdere analyses" in page and "text-0.9.0" in page
