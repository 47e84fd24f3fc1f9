"""Hostile feedback files (issue item 3) are refused within seconds, store nothing and leave the pages fast.

The files are built by the tests, small on disk: a 200 MB cell, ten million shared strings, eight million columns.
The time bounds are generous: they prove "does not hang" (before the fix these took minutes and gigabytes).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from denkraam.accounts.models import User
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.initiatives.models import Initiative
from tests.feedback import hostile
from tests.feedback.conftest import csv_upload, dashboard_url, import_url, upload_url, xlsx_bytes

pytestmark = pytest.mark.django_db

BOUND_SECONDS = 10


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


def refused_quickly(client: Client, initiative: Initiative, path: Path, *, name: str) -> str:
    started = time.perf_counter()
    response = client.post(upload_url(initiative), {"bestand": SimpleUploadedFile(name, path.read_bytes())})
    assert time.perf_counter() - started < BOUND_SECONDS
    assert response.status_code == 200
    assert not FeedbackImport.objects.exists()
    return response.content.decode()


def test_an_xlsx_with_a_200_mb_cell_is_refused_within_seconds_and_nothing_is_stored(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, files: Path, feedback_tmp: Path
) -> None:
    path = hostile.huge_cell_xlsx(files / "cel.xlsx")
    assert path.stat().st_size < 400_000
    page = refused_quickly(client_for(alice), initiative, path, name="enquete.xlsx")
    assert "enquete.xlsx bevat een cel met meer dan 1.000.000 tekens" in page
    assert len(page) < 100_000
    assert list(feedback_tmp.iterdir()) == []


def test_an_xlsx_with_ten_million_shared_strings_is_refused_within_seconds(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, files: Path, feedback_tmp: Path
) -> None:
    path = hostile.many_strings_xlsx(files / "teksten.xlsx")
    page = refused_quickly(client_for(alice), initiative, path, name="enquete.xlsx")
    assert "enquete.xlsx bevat meer dan 1.000.000 verschillende teksten" in page
    assert "sla het op als CSV" in page
    assert list(feedback_tmp.iterdir()) == []


def test_a_lying_count_of_shared_strings_does_not_help_the_strings_are_counted_while_read(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, files: Path
) -> None:
    path = hostile.write_xlsx(
        files / "gelogen.xlsx",
        shared_strings=hostile.many_strings(declared=2),
        rows=b'<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>9999999</v></c></row>',
    )
    page = refused_quickly(client_for(alice), initiative, path, name="enquete.xlsx")
    assert "bevat meer dan 1.000.000 verschillende teksten" in page


def test_a_200_mb_comment_inside_the_sheet_is_refused_too(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, files: Path
) -> None:
    path = hostile.huge_inline_cell_xlsx(files / "inline.xlsx")
    page = refused_quickly(client_for(alice), initiative, path, name="enquete.xlsx")
    assert "bevat een cel met meer dan 1.000.000 tekens" in page


def test_a_row_of_ten_million_cells_is_refused_within_seconds(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, files: Path
) -> None:
    path = hostile.wide_row_xlsx(files / "breed.xlsx")
    page = refused_quickly(client_for(alice), initiative, path, name="enquete.xlsx")
    assert "Rij 1 van enquete.xlsx heeft meer dan 2.048 cellen" in page


def test_millions_of_empty_cells_are_prepared_within_seconds_and_the_import_refuses_them(
    client_for: Callable[[User], Client],
    alice: User,
    initiative: Initiative,
    files: Path,
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    # Each row within the per-row limit: the upload looks at 200 rows only, the import stops at 5,000,000 cells.
    path = hostile.empty_cells_xlsx(files / "leeg.xlsx")
    started = time.perf_counter()
    response = client_for(alice).post(
        upload_url(initiative), {"bestand": SimpleUploadedFile("kto.xlsx", path.read_bytes())}
    )
    assert time.perf_counter() - started < BOUND_SECONDS
    assert response.status_code == 302
    item = FeedbackImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(import_url(item), {"text_column": "0", "actie": "importeren"})
    item.refresh_from_db()
    assert item.status == "mislukt" and "kto.xlsx bevat meer dan 5.000.000 cellen" in item.error
    assert time.perf_counter() - started < 6 * BOUND_SECONDS
    assert not FeedbackComment.objects.exists()


def test_a_csv_with_eight_million_columns_is_refused_within_seconds(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, files: Path, feedback_tmp: Path
) -> None:
    path = hostile.wide_csv(files / "breed.csv")
    page = refused_quickly(client_for(alice), initiative, path, name="enquete.csv")
    assert "Rij 1 van enquete.csv is langer dan 100.000 tekens" in page
    assert list(feedback_tmp.iterdir()) == []


def test_a_csv_whose_quote_never_closes_is_refused_within_seconds(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, files: Path
) -> None:
    path = hostile.endless_field_csv(files / "quote.csv")
    page = refused_quickly(client_for(alice), initiative, path, name="enquete.csv")
    assert "Rij 2 van enquete.csv is langer dan 100.000 tekens" in page
    assert "aanhalingsteken" in page


def test_a_csv_that_makes_the_csv_sniffer_slow_is_prepared_within_seconds(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, files: Path
) -> None:
    path = hostile.slow_sniffer_csv(files / "traag.csv")
    started = time.perf_counter()
    response = client_for(alice).post(
        upload_url(initiative), {"bestand": SimpleUploadedFile("kto.csv", path.read_bytes())}
    )
    assert time.perf_counter() - started < BOUND_SECONDS
    assert response.status_code == 302  # an odd file, but within the limits: on to the column choice
    assert FeedbackImport.objects.get().columns == ["opmerking"]


def test_after_a_hostile_upload_the_feedback_pages_still_answer_at_once(
    client_for: Callable[[User], Client], alice: User, bob: User, initiative: Initiative, files: Path
) -> None:
    refused_quickly(client_for(alice), initiative, hostile.many_strings_xlsx(files / "x.xlsx"), name="x.xlsx")
    started = time.perf_counter()
    assert client_for(bob).get(dashboard_url(initiative)).status_code == 200
    assert client_for(bob).get(upload_url(initiative)).status_code == 200
    assert time.perf_counter() - started < BOUND_SECONDS


def test_the_import_page_shows_the_preview_without_reading_the_raw_file_again(
    upload: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative,
    feedback_tmp: Path,
) -> None:  # fmt: skip
    workbook = xlsx_bytes([["opmerking"], ["Mijn BSN is 111222333 en niemand belde terug."]])
    item = upload(alice, initiative, SimpleUploadedFile("enquete.xlsx", workbook))
    # Swap the raw upload for the ten-million-strings workbook: a page that re-read the file would take minutes.
    hostile.many_strings_xlsx(feedback_tmp / item.temp_name)
    started = time.perf_counter()
    for _ in range(3):
        page = client_for(alice).get(import_url(item)).content.decode()
        assert "Mijn BSN is [BSN]" in page
    assert time.perf_counter() - started < BOUND_SECONDS


# --- limits an ordinary file can meet ---------------------------------------------------------------------------


def test_a_long_comment_is_cut_with_a_note_in_the_preview_and_stored_cut(
    upload: Callable[..., FeedbackImport],
    imported: Callable[..., FeedbackImport],
    client_for: Callable[[User], Client],
    alice: User,
    initiative: Initiative,
) -> None:
    content = "opmerking\n" + "Het duurde lang. " * 800 + "\nKort en goed.\n"
    item = upload(alice, initiative, csv_upload(content))
    page = client_for(alice).get(import_url(item)).content.decode()
    assert page.count("(ingekort: denkraam bewaart de eerste 10.000 tekens)") == 1
    done = imported(
        alice, initiative, csv_upload(content), {"text_column": "0", "date_column": "", "channel_column": ""}
    )
    assert done.status == "klaar"
    short, long = sorted(len(text) for text in FeedbackComment.objects.values_list("text", flat=True))
    assert short == 13 and 9_900 < long <= 10_000


def test_a_file_with_more_than_200_columns_is_refused_with_what_to_do(
    client_for: Callable[[User], Client], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    header = ";".join(f"vraag {i}" for i in range(1, 251))
    response = client_for(alice).post(upload_url(initiative), {"bestand": csv_upload(header + "\n" + ";" * 249 + "\n")})
    assert "enquete.csv heeft meer dan 200 kolommen" in response.content.decode()
    assert "Verwijder de kolommen die u niet nodig heeft" in response.content.decode()
    assert not FeedbackImport.objects.exists()
    assert list(feedback_tmp.iterdir()) == []


def test_long_column_names_are_cut_so_the_column_choice_stays_small(
    upload: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    question = "Heeft u nog opmerkingen of suggesties over onze dienstverlening? Licht uw antwoord toe. " * 3
    header = ";".join(f"{i} {question}" for i in range(200))
    item = upload(alice, initiative, csv_upload(header + "\n" + "Prima;" * 199 + "Prima\n"))
    assert {len(name) for name in item.columns} == {100}
    page = client_for(alice).get(import_url(item)).content.decode()
    assert len(page) < 300_000
