"""An anonymous session: no participant's name in the report, the PDF or any export; numbers, the same everywhere."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from denkraam.accounts.models import User
from denkraam.assessments.models import Action, Answer, Assessment
from denkraam.initiatives.models import Initiative
from tests.reports.conftest import run_assessment

pytestmark = pytest.mark.django_db

# Everything that names alice or bob: first names, user names, e-mail addresses.
NAMES = ("alice", "bob")


def _anonymous(assessment: Assessment) -> Assessment:
    # Chosen at set-up before opening (the session set-up's form); set directly here, reports only read it.
    Assessment.objects.filter(pk=assessment.pk).update(anonymous=True)
    assessment.refresh_from_db()
    return assessment


@pytest.fixture
def anonymous_session(initiative: Initiative, alice: User, bob: User) -> Assessment:
    return _anonymous(run_assessment(initiative=initiative, facilitator=alice, others=[bob]))


def _assert_no_names(text: str) -> None:
    found = [name for name in NAMES if re.search(name, text, flags=re.IGNORECASE)]
    assert found == [], f"names in an anonymous report: {found}"


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    text += "\n" + " ".join(str(v) for v in (reader.metadata or {}).values())
    if reader.xmp_metadata is not None:
        text += reader.xmp_metadata.stream.get_data().decode("utf-8", "replace")
    if shutil.which("pdftotext"):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "rapport.pdf"
            path.write_bytes(content)
            text += subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()
    return text


def _downloads(client: Client, assessment: Assessment) -> dict[str, bytes]:
    urls = {
        "page": reverse("reports:assessment", args=[assessment.pk]),
        "pdf": reverse("reports:assessment_pdf", args=[assessment.pk]),
        "answers.csv": reverse("reports:answers_export", args=[assessment.pk, "csv"]),
        "answers.xlsx": reverse("reports:answers_export", args=[assessment.pk, "xlsx"]),
        "actions.csv": reverse("reports:actions_export", args=[assessment.pk, "csv"]),
        "actions.xlsx": reverse("reports:actions_export", args=[assessment.pk, "xlsx"]),
    }
    contents = {}
    for key, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, key
        contents[key] = response.content
    return contents


def _xlsx_text(content: bytes) -> str:
    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(";".join(str(v) for v in row if v is not None) for row in sheet.iter_rows(values_only=True))


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_no_participant_name_appears_in_the_report_the_pdf_or_any_export(
    anonymous_session: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    downloads = _downloads(client_for(alice), anonymous_session)
    page = downloads["page"].decode()
    # The page's menu greets the logged-in user; the report itself (the article) names nobody.
    article = page[page.index("<article") : page.index("</article>")]
    _assert_no_names(article)
    pdf = downloads["pdf"]
    _assert_no_names(_pdf_text(pdf))
    for name in ("Alice", "alice", "Bob", "bob"):
        assert name.encode() not in pdf and name.encode("utf-16-be") not in pdf
    for key in ("answers.csv", "actions.csv"):
        _assert_no_names(downloads[key].decode("utf-8-sig"))
    for key in ("answers.xlsx", "actions.xlsx"):
        _assert_no_names(_xlsx_text(downloads[key]))


def test_the_report_and_the_pdf_say_the_session_was_anonymous(
    anonymous_session: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    downloads = _downloads(client_for(alice), anonymous_session)
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", downloads["page"].decode()))
    pdf = " ".join(_pdf_text(downloads["pdf"]).split())
    for text in (page, pdf):
        assert "Dit gesprek was anoniem." in text
        assert "Deelnemer 1" in text and "Deelnemer 2" in text
        assert "Deelnemer 3" not in text
        assert "naam niet getoond (anoniem gesprek)" in text  # the facilitator
        assert "een deelnemer" in text  # the owner of the action, alice
    # Answers name no organisation next to a number: in a small group one organisation can be one person.
    assert not re.search(r"Deelnemer \d \(", page + pdf)
    header = _csv_rows(downloads["answers.csv"])[0]
    assert "Organisatie" not in header
    assert "Deelnemer" in header


def test_each_participant_has_the_same_number_in_the_report_the_pdf_and_the_export(
    anonymous_session: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    downloads = _downloads(client_for(alice), anonymous_session)
    rows = _csv_rows(downloads["answers.csv"])
    alice_number = next(row[4] for row in rows if row[7] == "Dit ging goed.")
    bob_number = next(row[4] for row in rows if row[6] == "Wij sturen geen brief.")
    assert {alice_number, bob_number} == {"Deelnemer 1", "Deelnemer 2"}
    # Every answer of one person carries that person's number.
    assert {row[4] for row in rows[1:] if row[7] == "Dit ging goed."} == {alice_number}
    assert all(row[4] == alice_number for row in rows[1:] if row[5] == "Goed" and row[7] == "Dit ging goed.")
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", downloads["page"].decode()))
    pdf = " ".join(_pdf_text(downloads["pdf"]).split())
    for text in (page, pdf):
        assert f"{alice_number}: Goed. Dit ging goed." in text
        assert f"{bob_number}: Niet van toepassing. Reden: Wij sturen geen brief." in text
    # And the same on a second download.
    again = _csv_rows(
        client_for(alice).get(reverse("reports:answers_export", args=[anonymous_session.pk, "csv"])).content
    )
    assert again == rows


def test_before_the_reveal_the_progress_shows_numbers_without_organisations(
    open_assessment: Assessment, bob: User, client_for: Callable[[User], Client]
) -> None:
    _anonymous(open_assessment)
    response = client_for(bob).get(reverse("reports:assessment", args=[open_assessment.pk]))
    html = response.content.decode()
    article = html[html.index("<article") : html.index("</article>")]
    _assert_no_names(article)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))
    assert "Deelnemer 1 1 van 46" in text and "Deelnemer 2 1 van 46" in text
    assert "Deelnemer Beantwoord" in text  # the progress table has no organisation column
    rows = _csv_rows(client_for(bob).get(reverse("reports:answers_export", args=[open_assessment.pk, "csv"])).content)
    assert len(rows) == 2  # only bob's own answer, under his number
    assert rows[1][4].startswith("Deelnemer ")


def test_a_session_that_is_not_anonymous_keeps_its_names(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    pdf = _pdf_text(client_for(alice).get(reverse("reports:assessment_pdf", args=[closed_assessment.pk])).content)
    assert "Alice: Goed. Dit ging goed." in " ".join(pdf.split())
    assert "Deelnemer 1" not in pdf


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("reports:assessment", None),
        ("reports:assessment_pdf", None),
        ("reports:answers_export", "csv"),
        ("reports:answers_export", "xlsx"),
        ("reports:actions_export", "csv"),
        ("reports:actions_export", "xlsx"),
    ],
)
def test_charlie_cannot_download_anything_of_an_anonymous_session(
    anonymous_session: Assessment,
    charlie: User,
    client_for: Callable[[User], Client],
    name: str,
    fmt: str | None,
) -> None:
    before = (Answer.objects.count(), Action.objects.count())
    args = [anonymous_session.pk] if fmt is None else [anonymous_session.pk, fmt]
    response = client_for(charlie).get(reverse(name, args=args))
    assert response.status_code == 404
    assert b"Deelnemer" not in response.content
    assert (Answer.objects.count(), Action.objects.count()) == before
    anonymous_session.refresh_from_db()
    assert anonymous_session.anonymous


def test_the_initiative_report_and_the_portfolio_name_no_owner_of_an_anonymous_sessions_action(
    anonymous_session: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(alice)
    initiative = client.get(reverse("reports:initiative", args=[anonymous_session.initiative_id])).content.decode()
    portfolio = client.get(reverse("reports:portfolio")).content.decode()
    overdue = client.get(reverse("reports:overdue_export", args=["csv"])).content.decode("utf-8-sig")
    for text in (initiative, portfolio, overdue):
        assert "Zet de datum in de brief" in text
        assert "een deelnemer" in text
    article = initiative[initiative.index("<main") :]
    assert "Alice" not in article.split("Zet de datum in de brief", 1)[1].split("</tr>", 1)[0]
    _assert_no_names(overdue)


def test_the_json_export_of_an_anonymous_session_has_numbers_and_reads_in_as_anonymous(
    anonymous_session: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    from denkraam.reports.exports.validate import validate_export
    from denkraam.reports.services import assessment_import

    response = client_for(alice).get(reverse("reports:assessment_json", args=[anonymous_session.pk]))
    _assert_no_names(response.content.decode())
    data = json.loads(response.content)
    assert data["users"] == [] and data["participants"] == []
    assert data["assessment"]["anonymous"] is True
    assert {a["person_name"] for a in data["answers"]} == {"Deelnemer 1", "Deelnemer 2"}
    assert validate_export(data)[0] == []
    csv_rows = _csv_rows(
        client_for(alice).get(reverse("reports:answers_export", args=[anonymous_session.pk, "csv"])).content
    )
    number_of = {row[7]: row[4] for row in csv_rows[1:] if row[7] == "Dit ging goed."}
    assert {a["note"]: a["person_name"] for a in data["answers"] if a["note"] == "Dit ging goed."} == number_of
    Assessment.objects.filter(pk=anonymous_session.pk).delete()
    imported = assessment_import(data=data, organisation=anonymous_session.initiative.owner).assessment
    assert imported.anonymous
    assert set(imported.answers.values_list("person_name", flat=True)) == {"Deelnemer 1", "Deelnemer 2"}
