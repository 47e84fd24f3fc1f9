from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from denkraam.accounts.models import Organisation, User
from denkraam.assessments.models import Assessment
from denkraam.cli import main
from denkraam.initiatives.models import Initiative
from tests.reports.conftest import initiative as initiative  # noqa: F401 - fixtures shared with the reports tests
from tests.reports.conftest import run_assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(initiative: Initiative, alice: User, bob: User) -> Assessment:  # noqa: F811
    return run_assessment(initiative=initiative, facilitator=alice, others=[bob])


def test_an_unknown_id_exits_2_with_a_clear_message() -> None:
    result = CliRunner().invoke(main, ["report", "assessment", str(uuid.uuid4()), "--format", "json"])
    assert result.exit_code == 2
    assert "er is geen gesprek met id" in result.output


def test_a_malformed_id_exits_2_as_well() -> None:
    result = CliRunner().invoke(main, ["report", "assessment", "niet-een-id", "--format", "json"])
    assert result.exit_code == 2


def test_it_writes_the_json_export_to_standard_output(assessment: Assessment) -> None:
    result = CliRunner().invoke(main, ["report", "assessment", str(assessment.pk), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["assessment"]["id"] == str(assessment.pk)


def test_it_writes_a_standalone_html_file(assessment: Assessment, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    result = CliRunner().invoke(main, ["report", "assessment", str(assessment.pk), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<style>" in html  # opens offline with its layout
    assert "Brief over de WW-uitkering" in html


def test_a_pdf_needs_an_output_file(assessment: Assessment) -> None:
    result = CliRunner().invoke(main, ["report", "assessment", str(assessment.pk)])
    assert result.exit_code == 2
    assert "--output" in result.output


def test_import_reads_an_export_and_refuses_it_the_second_time(
    assessment: Assessment, kvk: Organisation, tmp_path: Path
) -> None:
    runner = CliRunner()
    export = tmp_path / "gesprek.json"
    runner.invoke(main, ["report", "assessment", str(assessment.pk), "--format", "json", "-o", str(export)])
    assessment.delete()
    Initiative.objects.all().delete()

    first = runner.invoke(main, ["report", "import", str(export), "--organisation", "kvk"])
    assert first.exit_code == 0, first.output
    assert "is ingelezen" in first.output
    assert Assessment.objects.get().initiative.owner == kvk

    second = runner.invoke(main, ["report", "import", str(export)])
    assert second.exit_code == 1
    assert "al eerder ingelezen" in second.output
    assert Assessment.objects.count() == 1


def test_import_explains_what_is_wrong_with_a_file(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.json"
    bad.write_text("{ dit is geen json", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "import", str(bad)])
    assert result.exit_code == 1
    assert "geen geldige JSON" in result.output


def test_import_refuses_an_unknown_organisation(tmp_path: Path) -> None:
    file = tmp_path / "leeg.json"
    file.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "import", str(file), "--organisation", "onbekend"])
    assert result.exit_code == 2
    assert "geen organisatie" in result.output
