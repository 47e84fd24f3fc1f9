"""Feedback fixtures: an initiative of alice's organisation (UWV), a CSV full of personal data, a temp folder."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import Organisation, User
from denkraam.feedback.models import FeedbackImport
from denkraam.initiatives.models import Initiative
from tests.factories import InitiativeFactory

# Personal data that must never reach the database: checked in every table after an import.
PII = ["111222333", "jan.jansen@example.nl", "0612345678", "NL91ABNA0417164300", "Jansen", "Pietersen"]

FEEDBACK_CSV = (
    "datum;kanaal;opmerking;cijfer\n"
    "05-03-2024;Telefoon;Mevrouw Jansen was erg vriendelijk en heeft me goed geholpen. Fijn!;9\n"
    "12-03-2024;website;Mijn BSN is 111222333 en ik moest het drie keer invullen, heel onduidelijk formulier.;3\n"
    '2024-04-02;e-mail;"Stuur antwoord naar jan.jansen@example.nl, ik wacht al zes weken op een reactie.";2\n'
    "15 april 2024;balie;Ik kreeg geen uitleg waarom mijn aanvraag is afgewezen. Ik vertrouw het niet.;4\n"
    "3-5-2024;telefonisch;Bel me op 0612345678, ik kon niemand bereiken en werd steeds doorverbonden.;2\n"
    "mei 2024;brief;De brief was duidelijk en ik wist precies wat ik moest doen.;8\n"
    "onbekend;chat;Meneer Pietersen van de chat dacht echt met me mee over mijn situatie.;9\n"
    "20-05-2024;website;Terugbetalen op NL91ABNA0417164300 ging snel, prima geregeld.;8\n"
    ";;;\n"
)


@pytest.fixture(autouse=True)
def feedback_tmp(settings: object, tmp_path: Path) -> Path:
    """Each test gets its own private temp folder, so it can check that raw uploads are gone afterwards."""
    folder = tmp_path / "tmp-feedback"
    settings.FEEDBACK_TMP_DIR = folder  # type: ignore[attr-defined]
    return folder


@pytest.fixture
def initiative(uwv: Organisation) -> Initiative:
    return InitiativeFactory(name="Herbeoordeling WW", owner=uwv)


def csv_upload(content: str = FEEDBACK_CSV, name: str = "enquete.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload_url(initiative: Initiative) -> str:
    return reverse("feedback:upload", kwargs={"initiative_id": initiative.pk})


def import_url(item: FeedbackImport) -> str:
    return reverse("feedback:import", kwargs={"initiative_id": item.initiative_id, "import_id": item.pk})


def dashboard_url(initiative: Initiative) -> str:
    return reverse("feedback:dashboard", kwargs={"initiative_id": initiative.pk})


@pytest.fixture
def upload(client_for: Callable[[User], Client]) -> Callable[..., FeedbackImport]:
    """Upload a file as a user and return the prepared import (asserting the upload was accepted)."""

    def do(user: User, initiative: Initiative, file: SimpleUploadedFile | None = None) -> FeedbackImport:
        response = client_for(user).post(upload_url(initiative), {"bestand": file or csv_upload()})
        assert response.status_code == 302, response.content.decode()[:2000]
        return FeedbackImport.objects.get(initiative=initiative, pk=response.url.rstrip("/").split("/")[-1])

    return do


@pytest.fixture
def imported(
    upload: Callable[..., FeedbackImport],
    client_for: Callable[[User], Client],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> Callable[..., FeedbackImport]:
    """Upload, choose columns and run the import (the task runs at once in tests); returns the finished import."""

    def do(
        user: User,
        initiative: Initiative,
        file: SimpleUploadedFile | None = None,
        columns: dict[str, str] | None = None,
    ) -> FeedbackImport:
        item = upload(user, initiative, file)
        data = {"text_column": "2", "date_column": "0", "channel_column": "1", "actie": "importeren"}
        data.update(columns or {})
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(user).post(import_url(item), data)
        assert response.status_code == 302, response.content.decode()[:2000]
        item.refresh_from_db()
        return item

    return do
