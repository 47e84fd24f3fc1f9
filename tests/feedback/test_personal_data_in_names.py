"""A column name or a file name can hold a name and a BSN too: they are scrubbed before they are stored or logged."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from denkraam.accounts.models import AuditEvent, User
from denkraam.feedback.models import FeedbackImport
from denkraam.initiatives.models import Initiative
from tests.feedback.conftest import csv_upload, import_url

pytestmark = pytest.mark.django_db

# 123456782 passes the BSN eleven-test.
SECRETS = ["Jansen", "123456782", "0612345678"]
NAMED_COLUMN_CSV = (
    "datum;kanaal;Jan Jansen 123456782;cijfer\n"
    "05-03-2024;telefoon;Ik moest drie keer bellen voordat iemand me hielp.;4\n"
    "12-03-2024;website;Het formulier was duidelijk.;8\n"
)


def audit_text(item: FeedbackImport) -> str:
    return repr(list(AuditEvent.objects.filter(object_id=str(item.pk)).values_list("summary", "data")))


def test_a_column_named_after_a_person_is_stored_and_logged_without_the_name_or_bsn(
    imported: Callable[..., FeedbackImport], client_for: Callable[[User], Client], alice: User, initiative: Initiative
) -> None:
    item = imported(alice, initiative, csv_upload(NAMED_COLUMN_CSV))
    assert item.status == "klaar", item.error
    assert item.columns[2] == "[NAAM] [BSN]"
    logged = audit_text(item)
    started = AuditEvent.objects.get(action="feedback.import_started", object_id=str(item.pk))
    assert started.summary.endswith("(kolom [NAAM] [BSN]).")
    for secret in SECRETS:
        assert secret not in repr(item.columns) and secret not in logged, secret
    page = client_for(alice).get(import_url(item)).content.decode()
    assert "Jansen" not in page and "123456782" not in page


def test_an_import_that_fails_on_a_named_column_logs_the_scrubbed_name(
    imported: Callable[..., FeedbackImport], alice: User, initiative: Initiative
) -> None:
    columns = {"text_column": "0", "date_column": "", "channel_column": ""}
    item = imported(alice, initiative, csv_upload("Jan Jansen 123456782;cijfer\n;4\n;8\n"), columns)
    assert item.status == "mislukt"
    assert item.error == 'In kolom "[NAAM] [BSN]" van enquete.csv staan geen reacties.'
    for secret in SECRETS:
        assert secret not in audit_text(item), secret


def test_a_file_name_with_underscores_loses_its_name_and_phone_number(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative
) -> None:
    item = upload(alice, initiative, csv_upload(name="klacht_Jan_Jansen_0612345678.csv"))
    assert item.file_name == "klacht [NAAM] [TELEFOON].csv"
    assert upload(alice, initiative, csv_upload(name="enquete_maart_2024.csv")).file_name == "enquete_maart_2024.csv"
