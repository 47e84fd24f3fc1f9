"""Upload, scrubbed preview, background import: only scrubbed text ever reaches the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import AuditEvent, User
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.initiatives.models import Initiative
from tests.feedback.conftest import PII, import_url, upload_url, xlsx_bytes

pytestmark = pytest.mark.django_db


def all_database_text() -> str:
    """Every value in every table, as one string: PII must not be anywhere in it."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names come from the database itself
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def test_it_shows_the_columns_and_a_scrubbed_preview(
    upload: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    item = upload(alice, initiative)
    page = client_for(alice).get(import_url(item)).content.decode()
    assert '<option value="2" selected>opmerking</option>' in page  # the comment column is guessed
    assert "[BSN]" in page and "[EMAIL]" in page and "[TELEFOON]" in page and "[NAAM]" in page
    for secret in PII:
        assert secret not in page
    assert FeedbackComment.objects.count() == 0  # a preview stores nothing


def test_the_preview_follows_the_chosen_column(
    upload: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    item = upload(alice, initiative)
    page = client_for(alice).post(import_url(item), {"text_column": "3", "actie": "voorbeeld"}).content.decode()
    assert "<td>9</td>" in page
    assert FeedbackImport.objects.get(pk=item.pk).status == "voorbereid"


def test_after_the_import_no_personal_data_is_in_any_table(
    imported: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    item = imported(alice, initiative)
    assert item.status == "klaar", item.error
    assert item.comment_count == 8
    texts = list(FeedbackComment.objects.values_list("text", flat=True))
    assert any("[BSN]" in text for text in texts) and any("[EMAIL]" in text for text in texts)
    dump = all_database_text()
    for secret in PII:
        assert secret not in dump, secret
    assert list(feedback_tmp.iterdir()) == []  # the raw upload is gone


def test_the_import_stores_need_sentiment_dates_channels_and_versions(
    imported: Callable[..., FeedbackImport], alice: User, initiative: Initiative
) -> None:
    item = imported(alice, initiative)
    comments = {c.row: c for c in FeedbackComment.objects.filter(feedback_import=item)}
    assert comments[2].date == dt.date(2024, 3, 5) and comments[2].channel == "telefoon"
    assert comments[5].date == dt.date(2024, 4, 15) and comments[5].channel == "balie"
    assert comments[7].date == dt.date(2024, 5, 1)
    assert comments[8].date is None  # "onbekend"
    assert comments[4].channel == "email"
    assert comments[2].sentiment == "positief"
    assert all(c.need in {"vertrouwen", "persoonlijk", "gemak", "overig"} for c in comments.values())
    assert item.dated_count == 7
    assert set(item.analyser_versions) >= {"analyser", "scrubber", "model"}
    assert item.scrubbed_counts.get("BSN") == 1
    assert AuditEvent.objects.filter(action="feedback.import_done", data__initiative_id=str(initiative.pk)).exists()


def test_it_imports_an_xlsx_file_with_real_dates(
    imported: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    content = xlsx_bytes(
        [
            ["Ontvangen", "Kanaal", "Toelichting"],
            [dt.datetime(2024, 1, 10, 9, 0), "Balie", "Ik werd vriendelijk geholpen door mevrouw De Vries."],
            [dt.datetime(2024, 2, 3, 9, 0), "Website", "De website is onduidelijk, ik kon het formulier niet vinden."],
            [None, None, None],
            ["3 februari 2024", "app", "Mijn e-mail is piet@voorbeeld.nl, reageer alstublieft."],
        ]
    )
    item = imported(alice, initiative, SimpleUploadedFile("klachten.xlsx", content))
    assert item.status == "klaar", item.error
    assert item.file_format == "xlsx"
    assert item.comment_count == 3
    comments = list(FeedbackComment.objects.filter(feedback_import=item).order_by("row"))
    assert [c.date for c in comments] == [dt.date(2024, 1, 10), dt.date(2024, 2, 3), dt.date(2024, 2, 3)]
    assert "piet@voorbeeld.nl" not in all_database_text()
    assert list(feedback_tmp.iterdir()) == []


def test_a_renamed_xlsx_is_read_for_what_it_is(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative
) -> None:
    content = xlsx_bytes([["reactie"], ["Het ging prima."]])
    item = upload(alice, initiative, SimpleUploadedFile("export.csv", content))
    assert item.file_format == "xlsx" and item.columns == ["reactie"]


def test_the_file_name_is_scrubbed_too(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative
) -> None:
    item = upload(alice, initiative, SimpleUploadedFile("klacht 0612345678.csv", b"reactie\nTe traag.\n"))
    assert "0612345678" not in item.file_name


def test_the_progress_partial_polls_while_working_and_stops_when_done(
    imported: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    item = imported(alice, initiative)
    url = reverse("feedback:progress", kwargs={"initiative_id": initiative.pk, "import_id": item.pk})
    done = client_for(alice).get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in done and "hx-trigger" not in done and "8 reacties geanalyseerd" in done
    FeedbackImport.objects.filter(pk=item.pk).update(status="bezig", rows_total=8, rows_done=3)
    running = client_for(alice).get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in running and "3 van 8 reacties" in running


def test_cancelling_a_prepared_import_deletes_the_raw_file(
    upload: Callable[..., FeedbackImport],
    client_for: Callable[[User], Client],
    alice: User,
    initiative: Initiative,
    feedback_tmp: Path,
) -> None:
    item = upload(alice, initiative)
    assert len(list(feedback_tmp.iterdir())) == 2  # the upload and its first rows for the preview
    url = reverse("feedback:cancel", kwargs={"initiative_id": initiative.pk, "import_id": item.pk})
    assert client_for(alice).post(url).status_code == 302
    item.refresh_from_db()
    assert item.status == "geannuleerd"
    assert list(feedback_tmp.iterdir()) == []


def test_deleting_an_import_removes_its_comments(
    imported: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    item = imported(alice, initiative)
    url = reverse("feedback:delete", kwargs={"initiative_id": initiative.pk, "import_id": item.pk})
    assert client_for(alice).post(url).status_code == 302
    assert not FeedbackImport.objects.filter(pk=item.pk).exists()
    assert FeedbackComment.objects.count() == 0
    assert AuditEvent.objects.filter(action="feedback.import_deleted").exists()


def test_the_upload_page_states_the_limits(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    page = client_for(alice).get(upload_url(initiative)).content.decode()
    assert "25 MB" in page and "200000 reacties" in page


def test_a_semicolon_export_full_of_commas_keeps_its_columns(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative
) -> None:
    rows = ["datum;opmerking"] + [f"1-2-2024;Ja, nee, misschien, dat weet ik niet, {i}, echt." for i in range(30)]
    item = upload(alice, initiative, SimpleUploadedFile("export.csv", "\n".join(rows).encode()))
    assert item.columns == ["datum", "opmerking"]
