"""Evidence is stored without personal data, unless someone chooses to keep the original, visibly and logged."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from denkraam.accounts.models import AuditEvent, User
from denkraam.analysis import check_text
from denkraam.evidence.models import EvidenceItem
from denkraam.evidence.services import analysis_run_now, evidence_add_text
from denkraam.initiatives.models import Initiative
from tests.evidence.conftest import FIXTURES

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]

# 123456782 passes the BSN eleven-test; the IBAN has a valid check number.
LETTER = """Jan Jansen
Lindelaan 14
3512 AB Utrecht

Geachte heer Jansen,

Wij hebben uw aanvraag ontvangen. Uw burgerservicenummer is 123456782. Wij betalen op rekening
NL91ABNA0417164300, omdat u dat zo heeft aangegeven. Stuur uw loonstroken binnen twee weken.

Hebt u vragen? Mail naar jan.jansen@example.nl of bel 0612345678.

Met vriendelijke groet,

Pieter de Vries
Afdeling Uitkeringen
"""
SECRETS = ["Jansen", "123456782", "NL91ABNA0417164300", "0612345678", "jan.jansen@example.nl", "Pieter", "Lindelaan"]
FILE_NAME = "brief Jan Jansen 123456782.docx"
NOTICE = "Deze tekst is niet ontdaan van persoonsgegevens"


def add_url(initiative: Initiative) -> str:
    return reverse("evidence:add", kwargs={"initiative_id": initiative.pk})


def detail_url(item: EvidenceItem) -> str:
    return reverse("evidence:detail", kwargs={"item_id": item.pk})


def docx_upload(text: str = LETTER, name: str = FILE_NAME) -> SimpleUploadedFile:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def stored(item: EvidenceItem) -> str:
    """Everything stored about the item, its analyses and its log lines, as one string."""
    item.refresh_from_db()
    analyses = list(item.analyses.values_list("findings", "error"))
    events = list(AuditEvent.objects.filter(object_id=str(item.pk)).values_list("summary", "data"))
    return repr([item.title, item.original_name, item.text, analyses, events])


def test_a_pasted_letter_is_stored_and_shown_without_its_personal_data(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    client = client_for(alice)
    with run_tasks():
        response = client.post(add_url(initiative), {"way": "tekst", "tekst-text": LETTER})
    item = EvidenceItem.objects.get()
    assert "Geachte heer [NAAM]," in item.text and "burgerservicenummer is [BSN]" in item.text
    assert "[IBAN]" in item.text and "[EMAIL]" in item.text and "[TELEFOON]" in item.text
    assert item.title == "[NAAM]"  # the first line of the letter, scrubbed too
    assert item.analyses.get().status == "klaar"
    for secret in SECRETS:
        assert secret not in stored(item), secret
    page = client.get(response.url).content.decode()
    assert "burgerservicenummer is [BSN]" in page
    assert "Persoonsgegevens zijn vervangen" in page and NOTICE not in page
    for secret in SECRETS:
        assert secret not in page, secret


def test_an_uploaded_letter_and_its_file_name_are_stored_without_personal_data(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable, settings: object
) -> None:
    client = client_for(alice)
    with run_tasks():
        response = client.post(add_url(initiative), {"way": "bestand", "bestand-upload": docx_upload()})
    assert response.status_code == 302
    item = EvidenceItem.objects.get()
    assert item.original_name == "brief [NAAM] [BSN].docx"
    assert item.title == "brief [NAAM] [BSN]"
    assert item.document_type == "docx" and "Uw burgerservicenummer is [BSN]" in item.text
    for secret in SECRETS:
        assert secret not in stored(item), secret
    # The file itself holds the same data, so it is not kept either.
    assert not item.original
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.docx"))  # type: ignore[attr-defined]
    page = client.get(response.url).content.decode()
    assert "brief [NAAM] [BSN].docx" in page and "[IBAN]" in page
    assert "Origineel downloaden" not in page
    for secret in SECRETS:
        assert secret not in page, secret


def test_a_file_name_with_underscores_is_scrubbed_too(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    with run_tasks():
        client_for(alice).post(
            add_url(initiative),
            {"way": "bestand", "bestand-upload": docx_upload(name="brief_Jan_Jansen_123456782.docx")},
        )
    assert EvidenceItem.objects.get().original_name == "brief [NAAM] [BSN].docx"


def test_alice_can_choose_to_keep_the_original_and_everyone_sees_who_chose_it(
    client_for: ClientFor, alice: User, bob: User, initiative: Initiative, run_tasks: Callable
) -> None:
    with run_tasks():
        response = client_for(alice).post(
            add_url(initiative), {"way": "tekst", "tekst-text": LETTER, "tekst-keep_original": "on"}
        )
    item = EvidenceItem.objects.get()
    assert item.text == LETTER.strip()
    event = AuditEvent.objects.get(action="evidence.original_kept", object_id=str(item.pk))
    assert event.actor == alice
    assert "Alice" in event.summary and "persoonsgegevens" in event.summary
    assert event.data["initiative_id"] == str(initiative.pk)
    # The log lines themselves stay free of the letter's personal data, whatever was chosen.
    for line in AuditEvent.objects.filter(object_id=str(item.pk)).values_list("summary", "data"):
        for secret in SECRETS:
            assert secret not in repr(line), secret
    today = date_format(timezone.localdate(), "j F Y")
    for viewer in (alice, bob):
        page = client_for(viewer).get(response.url).content.decode()
        assert f"{NOTICE} — gekozen door Alice op {today}." in page
        assert "burgerservicenummer is 123456782" in page


def test_a_kept_upload_keeps_its_file_name_and_its_original(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    client = client_for(alice)
    with run_tasks():
        response = client.post(
            add_url(initiative), {"way": "bestand", "bestand-upload": docx_upload(), "bestand-keep_original": "on"}
        )
    item = EvidenceItem.objects.get()
    assert item.original_name == FILE_NAME and "123456782" in item.text
    assert item.title == "brief [NAAM] [BSN]"  # titles show in lists and the logbook: always scrubbed
    assert AuditEvent.objects.filter(action="evidence.original_kept", object_id=str(item.pk), actor=alice).exists()
    page = client.get(response.url).content.decode()
    assert NOTICE in page and "Origineel downloaden" in page
    download = client.get(reverse("evidence:download", kwargs={"item_id": item.pk}))
    assert download.status_code == 200


def test_evidence_stored_before_scrubbing_existed_says_it_may_hold_personal_data(
    client_for: ClientFor, alice: User, initiative: Initiative
) -> None:
    item = EvidenceItem.objects.create(
        initiative=initiative,
        title="Oude brief",
        kind=EvidenceItem.Kind.TEKST,
        text=LETTER,
        added_by=alice,
        personal_data=EvidenceItem.PersonalData.ONBEKEND,
    )
    page = client_for(alice).get(detail_url(item)).content.decode()
    assert "toegevoegd voordat denkraam persoonsgegevens verwijderde" in page


def test_the_add_form_scrubs_unless_the_box_is_ticked(
    client_for: ClientFor, alice: User, initiative: Initiative
) -> None:
    page = client_for(alice).get(add_url(initiative)).content.decode()
    assert page.count("Originele tekst bewaren (bevat mogelijk persoonsgegevens)") == 1
    assert page.count("Origineel bestand bewaren (bevat mogelijk persoonsgegevens)") == 1
    assert 'name="tekst-keep_original"' in page and 'name="tekst-keep_original" checked' not in page
    assert "webpagina-keep_original" not in page


def test_a_scrubbed_html_upload_is_checked_as_text_and_not_flagged_as_outdated(
    client_for: ClientFor, alice: User, initiative: Initiative, run_tasks: Callable
) -> None:
    html = (FIXTURES / "demo_pagina.html").read_bytes()
    client = client_for(alice)
    with run_tasks():
        response = client.post(
            add_url(initiative), {"way": "bestand", "bestand-upload": SimpleUploadedFile("p.html", html)}
        )
    analysis = EvidenceItem.objects.get().analyses.get()
    assert analysis.status == "klaar" and "page" not in analysis.analyser_version
    page = client.get(response.url).content.decode()
    assert "Vage tijdsaanduiding" in page and "oudere versie van de analyse" not in page


def test_the_placeholders_of_a_scrubbed_letter_cause_no_findings_of_their_own(
    alice: User, initiative: Initiative
) -> None:
    item, _ = evidence_add_text(initiative=initiative, actor=alice, title="Brief", text=LETTER, queue_analysis=False)
    scrubbed = {finding["rule"] for finding in analysis_run_now(item=item).findings}
    assert scrubbed <= {finding.rule for finding in check_text(LETTER).findings}


@pytest.mark.django_db(transaction=True)
def test_evidence_that_existed_before_the_migration_is_marked_as_never_checked(
    alice: User, initiative: Initiative
) -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("evidence", "0001_evidenceitem_analysis_citation")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_item = executor.loader.project_state(before).apps.get_model("evidence", "EvidenceItem")
    old_item.objects.create(initiative_id=initiative.pk, title="Oude brief", kind="tekst", text=LETTER)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # back to the newest schema for the tests after this one
    assert EvidenceItem.objects.get(title="Oude brief").personal_data == EvidenceItem.PersonalData.ONBEKEND
    assert EvidenceItem.objects.create(initiative=initiative, title="Nieuw", kind="tekst").personal_data == "verwijderd"
