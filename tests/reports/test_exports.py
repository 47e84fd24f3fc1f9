from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from denkraam.accounts.models import Organisation, User
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors import assessment_questions
from denkraam.assessments.services import Setup
from denkraam.framework import load_frame
from denkraam.initiatives.models import Initiative
from denkraam.reports.exports.assessment_json import SCHEMA_ID, assessment_export
from denkraam.reports.exports.tabular import Table, safe_cell, table_to_csv, table_to_xlsx
from denkraam.reports.exports.validate import ExportProblems, parse_export, validate_export
from denkraam.reports.services import assessment_import
from tests.reports.conftest import run_assessment

pytestmark = pytest.mark.django_db


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _without_volatile(data: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for key in ("exported_at", "exported_by"):
        data.pop(key)
    return data


@pytest.mark.parametrize("value", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\t=1"])
def test_cells_that_look_like_formulas_get_an_apostrophe(value: str) -> None:
    assert safe_cell(value) == "'" + value


def test_formulas_never_reach_csv_or_xlsx_as_formulas() -> None:
    table = Table(title="Test", headers=["tekst"], rows=[['=HYPERLINK("http://evil")'], ["gewoon"]])
    assert _csv_rows(table_to_csv(table))[1] == ['\'=HYPERLINK("http://evil")']
    sheet = load_workbook(io.BytesIO(table_to_xlsx(table))).active
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == '\'=HYPERLINK("http://evil")'


def test_alice_downloads_all_answers_as_csv_after_the_reveal(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).get(reverse("reports:answers_export", args=[closed_assessment.pk, "csv"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = _csv_rows(response.content)
    assert rows[0][:7] == ["Vraag-id", "Vraag", "Behoefte", "Principe", "Deelnemer", "Organisatie", "Oordeel"]
    assert len(rows) == 1 + 46 * 2
    assert {row[4] for row in rows[1:]} == {"Alice", "Bob"}  # names, not user names
    assert {row[5] for row in rows[1:]} == {"UWV"}
    assert any(row[8].startswith("'=HYPERLINK") for row in rows)


def test_the_answers_name_the_question_need_and_principle_in_words_in_frame_order(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).get(reverse("reports:answers_export", args=[closed_assessment.pk, "xlsx"]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=2, values_only=True))
    frame = load_frame()
    first = frame.questions()[0]
    assert rows[0][:5] == (
        first.id,
        first.text,
        next(n.title for n in frame.needs if n.id == first.need_id),
        next(p.title for n in frame.needs for p in n.principles if p.id == first.principle_id),
        "Alice",
    )
    assert [row[0] for row in rows[::2]] == [q.id for q in frame.questions()]


def test_before_the_reveal_bob_downloads_only_his_own_answers(
    open_assessment: Assessment, bob: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(bob).get(reverse("reports:answers_export", args=[open_assessment.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    people = {row[4] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert people == {"Bob"}


def test_the_json_export_waits_for_the_reveal(
    open_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).get(reverse("reports:assessment_json", args=[open_assessment.pk]))
    assert response.status_code == 409
    assert "nog niet onthuld" in response.content.decode()


def test_actions_download_as_xlsx(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).get(reverse("reports:actions_export", args=[closed_assessment.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Actie",
        "Beschrijving",
        "Vragen",
        "Eigenaar",
        "Klaar op",
        "Status",
        "Aangemaakt op",
        "Vraag-ids",
    )
    question = load_frame().questions()[2]
    assert rows[1][0] == "Zet de datum in de brief"
    assert rows[1][2] == question.text  # the question itself, not its id
    assert rows[1][3] == "Alice"
    assert rows[1][4] == "2020-01-31"
    assert rows[1][7] == question.id


def test_the_json_export_names_people_and_organisations_not_database_ids(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).get(reverse("reports:assessment_json", args=[closed_assessment.pk]))
    data = json.loads(response.content)
    assert data["schema"] == SCHEMA_ID
    assert data["frame"] == {"id": "interactiestrategie", "version": "1.0"}
    assert data["initiative"]["owner"] == "uwv"
    assert {"name": "UWV", "slug": "uwv"} in data["organisations"]
    assert [p["username"] for p in data["participants"]] == ["alice", "bob"]
    assert len(data["answers"]) == 92
    assert data["assessment"]["closed_at"].endswith("+00:00")
    assert data["actions"][0]["due_date"] == "2020-01-31"
    assert validate_export(data)[0] == []


def _wipe(assessment: Assessment) -> None:
    """Remove the assessment and everything around it, as if the data lived in another denkraam."""
    initiative = assessment.initiative
    assessment.delete()
    Initiative.objects.filter(pk=initiative.pk).delete()
    User.objects.all().delete()
    Organisation.objects.all().delete()


def test_an_import_keeps_everything_but_turns_people_into_names(closed_assessment: Assessment) -> None:
    first = assessment_export(assessment=closed_assessment)
    _wipe(closed_assessment)
    Organisation.objects.create(name="UWV", slug="uwv")  # the owner the file names exists here
    result = assessment_import(data=json.loads(json.dumps(first)))
    assert result.initiative_created
    assert result.names == ["Alice (UWV)", "Bob (UWV)"]
    assert User.objects.count() == 0  # nobody from the file gets an account
    second = assessment_export(assessment=result.assessment)
    assert validate_export(second)[0] == []
    assert (second["users"], second["participants"]) == ([], [])
    assert (second["assessment"]["facilitator"], second["assessment"]["facilitator_name"]) == (None, "Alice (UWV)")
    people = {(a["username"], a["person_name"]) for a in second["answers"]}
    assert people == {(None, "Alice (UWV)"), (None, "Bob (UWV)")}
    # What was said, when, and what was agreed is kept as it was.
    said = [(a["question_id"], a["rating"], a["reason"], a["note"], a["updated_at"]) for a in first["answers"]]
    assert [(a["question_id"], a["rating"], a["reason"], a["note"], a["updated_at"]) for a in second["answers"]] == said
    for key in ("id", "title", "status", "created_at", "opened_at", "revealed_at", "closed_at"):
        assert second["assessment"][key] == first["assessment"][key]
    assert [c["rationale"] for c in second["consensus"]] == [c["rationale"] for c in first["consensus"]]
    assert second["consensus"][0]["decided_by_name"] == "Alice (UWV)"
    assert [(a["id"], a["owner"], a["owner_name"]) for a in second["actions"]] == [
        (first["actions"][0]["id"], None, "Alice (UWV)")
    ]


def test_a_session_that_was_imported_reads_in_elsewhere_unchanged(closed_assessment: Assessment) -> None:
    first = assessment_export(assessment=closed_assessment)
    _wipe(closed_assessment)
    Organisation.objects.create(name="UWV", slug="uwv")
    second = assessment_export(assessment=assessment_import(data=first).assessment)
    _wipe(Assessment.objects.get())
    Organisation.objects.create(name="UWV", slug="uwv")
    third = assessment_export(assessment=assessment_import(data=json.loads(json.dumps(second))).assessment)
    assert _without_volatile(third) == _without_volatile(second)


def test_importing_the_same_file_twice_is_refused_and_changes_nothing(closed_assessment: Assessment) -> None:
    data = assessment_export(assessment=closed_assessment)
    answers_before = closed_assessment.answers.count()
    with pytest.raises(ValidationError) as error:
        assessment_import(data=data)
    assert "al eerder ingelezen" in " ".join(error.value.messages)
    assert Assessment.objects.count() == 1
    assert closed_assessment.answers.count() == answers_before


def test_an_operator_import_without_an_organisation_needs_the_files_owner_to_exist_here(
    closed_assessment: Assessment,
) -> None:
    data = assessment_export(assessment=closed_assessment)
    _wipe(closed_assessment)
    with pytest.raises(ValidationError) as error:
        assessment_import(data=data)
    assert "noemt als eigenaar de organisatie 'uwv', maar die bestaat hier niet" in error.value.messages[0]
    assert (Assessment.objects.count(), Organisation.objects.count(), Initiative.objects.count()) == (0, 0, 0)


def test_import_into_another_organisation(closed_assessment: Assessment, kvk: Organisation) -> None:
    data = assessment_export(assessment=closed_assessment)
    closed_assessment.delete()
    Initiative.objects.all().delete()
    result = assessment_import(data=data, organisation=kvk)
    assert result.assessment.initiative.owner == kvk


def test_a_broken_export_gets_clear_dutch_errors_and_nothing_is_stored(closed_assessment: Assessment) -> None:
    data = assessment_export(assessment=closed_assessment)
    _wipe(closed_assessment)
    data["answers"][0]["rating"] = "super"
    data["answers"][1]["username"] = "mallory"
    data["assessment"]["created_at"] = "gisteren"
    with pytest.raises(ValidationError) as error:
        assessment_import(data=data)
    messages = " ".join(error.value.messages)
    assert "answers[0].rating: 'super' kan niet" in messages
    assert "answers[1].username: 'mallory' staat niet in de lijst met deelnemers" in messages
    assert "assessment.created_at: 'gisteren' is geen geldig tijdstip" in messages
    assert Assessment.objects.count() == 0
    assert User.objects.count() == 0


@pytest.mark.parametrize(
    "raw,expected",
    [
        (b"", "geen geldige JSON"),
        (b"\xff\xfe\x00\x00", "geen tekst in UTF-8"),
        (b"[1, 2]", "met { beginnen"),
        (b'{"schema": "iets anders"}', None),
    ],
)
def test_files_that_are_not_exports_are_refused(raw: bytes, expected: str | None) -> None:
    if expected is None:
        problems, _ = validate_export(parse_export(raw))
        assert "geen denkraam-export" in problems[0]
        return
    with pytest.raises(ExportProblems) as error:
        parse_export(raw)
    assert expected in str(error.value)


def test_the_json_schema_file_matches_what_the_export_writes(closed_assessment: Assessment) -> None:
    from pathlib import Path

    import denkraam.reports

    path = Path(denkraam.reports.__file__).parent / "schema" / "assessment-export-1.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    data = assessment_export(assessment=closed_assessment)
    assert schema["properties"]["schema"]["const"] == data["schema"]
    assert set(schema["required"]) <= set(data)
    assert set(data) <= set(schema["properties"])
    for part in ("initiative", "assessment"):
        assert set(data[part]) == set(schema["properties"][part]["properties"])
    for part in ("participants", "answers", "consensus", "actions", "users", "organisations"):
        assert set(data[part][0]) == set(schema["properties"][part]["items"]["properties"])


def test_a_quick_scan_reads_in_elsewhere_as_the_same_quick_scan_with_its_time_box(
    initiative: Initiative, alice: User, bob: User
) -> None:
    quick = load_frame().question_set("snelle-scan")
    setup = Setup(question_set=quick.id, anonymous=False, time_box_minutes=90, item_minutes=8)
    session = run_assessment(initiative=initiative, facilitator=alice, others=[bob], setup=setup)
    first = assessment_export(assessment=session)
    assert first["assessment"]["question_set"] == "snelle-scan"
    assert sorted(first["assessment"]["question_ids"]) == sorted(quick.question_ids)
    _wipe(session)
    Organisation.objects.create(name="UWV", slug="uwv")
    imported = assessment_import(data=json.loads(json.dumps(first))).assessment
    assert [q.id for q in assessment_questions(assessment=imported)] == [
        q.id for q in load_frame().questions() if q.id in quick.question_ids
    ]
    assert (imported.question_set, imported.time_box_minutes, imported.item_minutes) == ("snelle-scan", 90, 8)


def test_a_file_from_before_workshop_mode_reads_in_as_a_whole_frame_session_of_an_hour(
    closed_assessment: Assessment,
) -> None:
    data = assessment_export(assessment=closed_assessment)
    for key in ("question_set", "question_ids", "time_box_minutes", "item_minutes"):
        del data["assessment"][key]
    _wipe(closed_assessment)
    Organisation.objects.create(name="UWV", slug="uwv")
    imported = assessment_import(data=data).assessment
    assert len(assessment_questions(assessment=imported)) == len(load_frame().questions())
    assert (imported.time_box_minutes, imported.item_minutes) == (60, 5)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        (
            "question_ids",
            ["bestaat-niet"],
            "assessment.question_ids[0]: 'bestaat-niet' is geen vraag van dit denkraam.",
        ),
        ("question_ids", [["een", "lijst"]], "is geen vraag van dit denkraam"),
        ("time_box_minutes", 9000, "assessment.time_box_minutes: moet een heel aantal minuten van 10 tot 480 zijn."),
        ("item_minutes", "vijf", "assessment.item_minutes: moet een heel aantal minuten van 1 tot 60 zijn."),
    ],
)
def test_a_broken_set_up_in_a_file_gets_a_dutch_error_and_nothing_is_stored(
    closed_assessment: Assessment, key: str, value: Any, expected: str
) -> None:
    data = assessment_export(assessment=closed_assessment)
    data["assessment"][key] = value
    _wipe(closed_assessment)
    Organisation.objects.create(name="UWV", slug="uwv")
    problems, _frame = validate_export(data)
    assert any(expected in problem for problem in problems), problems
    with pytest.raises((ValidationError, ExportProblems)):
        assessment_import(data=data)
    assert Assessment.objects.count() == 0
