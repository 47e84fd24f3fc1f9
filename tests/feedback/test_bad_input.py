"""Bad files get a clear Dutch message, nothing half-stored, and no raw file left behind."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from denkraam.accounts.models import User
from denkraam.feedback import services
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.initiatives.models import Initiative
from tests.feedback.conftest import csv_upload, upload_url, xlsx_bytes

pytestmark = pytest.mark.django_db

ONLY_TEXT = {"text_column": "0", "date_column": "", "channel_column": ""}
MANY_ROWS = "reactie\n" + "Het ging goed en snel.\n" * 12


def rejected(client: Client, initiative: Initiative, file: SimpleUploadedFile) -> str:
    response = client.post(upload_url(initiative), {"bestand": file})
    assert response.status_code == 200
    assert not FeedbackImport.objects.exists()
    return response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leeg.csv", b"", "Het bestand is leeg."),
        ("spaties.csv", b"  \n\n ", "is leeg"),
        ("kapot.xlsx", b"PK\x03\x04" + b"niet echt een zip" * 20, "geen geldig Excel-bestand"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud Excel-bestand"),
        ("rapport.csv", b"%PDF-1.7 binary", "geen CSV- of Excel-bestand"),
    ],
)
def test_it_rejects_unreadable_files_with_a_dutch_message(
    client_for: Callable[[User], Client],
    alice: User,
    initiative: Initiative,
    feedback_tmp: Path,
    name: str,
    content: bytes,
    message: str,
) -> None:
    page = rejected(client_for(alice), initiative, SimpleUploadedFile(name, content))
    assert message in page
    assert list(feedback_tmp.iterdir()) == []


def test_it_rejects_a_file_over_the_size_limit_without_keeping_any_of_it(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, feedback_tmp: Path, settings: object
) -> None:
    settings.FEEDBACK_MAX_UPLOAD_BYTES = 1024 * 1024  # type: ignore[attr-defined]
    big = SimpleUploadedFile("groot.csv", b"reactie\n" + b"Dit is een lange reactie.\n" * 60_000)
    page = rejected(client_for(alice), initiative, big)
    assert "groter dan 1 MB" in page
    assert list(feedback_tmp.iterdir()) == []


def test_it_refuses_a_text_column_that_is_not_in_the_file(
    upload: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    item = upload(alice, initiative)
    url = f"/initiatieven/{initiative.pk}/feedback/importeren/{item.pk}/"
    page = client_for(alice).post(url, {"text_column": "9", "actie": "importeren"}).content.decode()
    assert "Selecteer een geldige keuze" in page
    assert FeedbackImport.objects.get(pk=item.pk).status == "voorbereid"


def test_an_empty_text_column_fails_the_import_with_a_message(
    imported: Callable[..., FeedbackImport], alice: User, initiative: Initiative
) -> None:
    content = "naam;reactie\nA;\nB;\n"
    item = imported(alice, initiative, csv_upload(content), ONLY_TEXT | {"text_column": "1"})
    assert item.status == "mislukt"
    assert 'In kolom "reactie"' in item.error and "geen reacties" in item.error


def test_a_million_rows_fail_fast_with_a_message_and_store_nothing(
    imported: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    content = "reactie\n" + "goed\n" * 1_000_000
    started = time.perf_counter()
    item = imported(alice, initiative, csv_upload(content), ONLY_TEXT)
    assert time.perf_counter() - started < 60  # stops counting at the limit; never analyses a million rows
    assert item.status == "mislukt"
    assert "meer dan 200.000 reacties" in item.error
    assert FeedbackComment.objects.count() == 0
    assert list(feedback_tmp.iterdir()) == []


def test_the_row_limit_can_be_configured(
    imported: Callable[..., FeedbackImport], alice: User, initiative: Initiative, settings: object
) -> None:
    settings.FEEDBACK_MAX_ROWS = 5  # type: ignore[attr-defined]
    item = imported(alice, initiative)
    assert item.status == "mislukt" and "meer dan 5 reacties" in item.error


def queued(upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative) -> FeedbackImport:
    item = upload(alice, initiative, csv_upload(MANY_ROWS))
    FeedbackImport.objects.filter(pk=item.pk).update(status="wachtrij", text_column=0)
    return item


def test_a_failure_half_way_deletes_the_rows_already_stored(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    item = queued(upload, alice, initiative)
    seen: list[int] = []

    def crash_after_two_batches(feedback_import: FeedbackImport, done: int) -> None:
        seen.append(FeedbackComment.objects.filter(feedback_import=feedback_import).count())
        if done >= 4:
            raise OSError("schijf vol")

    result = services.feedback_import_run(
        feedback_import_id=str(item.pk), batch_size=2, on_batch=crash_after_two_batches
    )
    assert seen == [2, 4]  # rows really were stored before the crash ...
    assert result is not None and result.status == "mislukt"
    assert FeedbackComment.objects.count() == 0  # ... and are gone now
    assert "Er is niets bewaard" in result.error
    assert list(feedback_tmp.iterdir()) == []


def test_cancelling_while_running_deletes_the_rows_already_stored(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    item = queued(upload, alice, initiative)

    def user_cancels(feedback_import: FeedbackImport, done: int) -> None:
        if done == 2:
            services.feedback_import_cancel(feedback_import=feedback_import, user=alice)

    result = services.feedback_import_run(feedback_import_id=str(item.pk), batch_size=2, on_batch=user_cancels)
    assert result is not None and result.status == "geannuleerd"
    assert FeedbackComment.objects.count() == 0
    assert list(feedback_tmp.iterdir()) == []


def test_a_lost_raw_file_fails_the_import_clearly(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    item = queued(upload, alice, initiative)
    for path in feedback_tmp.iterdir():
        path.unlink()
    result = services.feedback_import_run(feedback_import_id=str(item.pk))
    assert result is not None and result.status == "mislukt" and "Upload het opnieuw" in result.error


def test_raw_files_older_than_a_day_are_removed_by_the_next_upload(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    feedback_tmp.mkdir(parents=True, exist_ok=True)
    old = feedback_tmp / "0123456789abcdef"
    old.write_bytes(b"reactie\nOude reactie van Jan Jansen\n")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    item = upload(alice, initiative)
    assert not old.exists()
    # Only the new upload and its first rows for the preview.
    assert sorted(path.name for path in feedback_tmp.iterdir()) == [item.temp_name, f"{item.temp_name}.voorbeeld"]


def test_an_xlsx_without_rows_is_empty(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    page = rejected(client_for(alice), initiative, SimpleUploadedFile("leeg.xlsx", xlsx_bytes([])))
    assert "is leeg" in page
