from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from denkraam.cli import main


def test_validate_accepts_the_bundled_frame() -> None:
    result = CliRunner().invoke(main, ["framework", "validate"])
    assert result.exit_code == 0
    assert "In orde" in result.output
    assert "15 principes" in result.output


def test_validate_lists_problems_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text("id: x\nversion: '1'\ntitle: X\nneeds: []\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["framework", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:" in result.output
    assert "problemen gevonden" in result.output


def test_validate_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["framework", "validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "niet gevonden" in result.output


def test_show_json_has_the_documented_shape() -> None:
    result = CliRunner().invoke(main, ["framework", "show", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert {"id", "version", "title", "needs", "scale"} <= set(data)
    need = data["needs"][0]
    assert {"id", "title", "citizen_voice", "description", "principles"} <= set(need)
    question = need["principles"][0]["questions"][0]
    assert set(question) == {"id", "text", "guidance", "evidence"}
    assert [s["id"] for s in data["scale"]] == ["goed", "voldoende", "onvoldoende", "slecht"]


def test_show_markdown_and_text_name_every_need() -> None:
    for output_format in ("markdown", "text"):
        result = CliRunner().invoke(main, ["framework", "show", "--format", output_format])
        assert result.exit_code == 0
        for title in ("Vertrouwen", "Gemak"):
            assert title.lower() in result.output.lower()


def test_show_of_an_invalid_file_exits_1_with_the_problems(tmp_path: Path) -> None:
    path = tmp_path / "leeg.yaml"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["framework", "show", str(path)])
    assert result.exit_code == 1
    assert "empty" in result.output


def test_validate_and_show_name_the_quick_scan() -> None:
    assert "1 vragenset(s)" in CliRunner().invoke(main, ["framework", "validate"]).output
    data = json.loads(CliRunner().invoke(main, ["framework", "show", "--format", "json"]).output)
    assert [(s["id"], len(s["questions"])) for s in data["question_sets"]] == [("snelle-scan", 12)]
    markdown = CliRunner().invoke(main, ["framework", "show", "--format", "markdown"]).output
    assert "### Snelle scan (`snelle-scan`, 12 vragen)" in markdown
