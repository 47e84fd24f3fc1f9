"""`denkraam check --woordenlijst`: the organisation's list from a file, named in every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from denkraam.cli import main

LETTER = (
    "Geachte mevrouw De Boer,\n\n"
    "Wij hebben uw aanvraag ontvangen. U krijgt binnen vier weken een beschikking van ons. "
    "In de beschikking staat hoeveel geld u krijgt.\n\n"
    "Met vriendelijke groet,\n\nKees Bakker\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    letter = tmp_path / "brief.txt"
    letter.write_text(LETTER, encoding="utf-8")
    word_list = tmp_path / "huisstijl-uwv.tsv"
    word_list.write_text("soort\tterm\tvervanging\nvermijden\tbeschikking\tbesluit\n", encoding="utf-8")
    return str(letter), str(word_list)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_terminal_shows_the_replacement_and_the_list_it_comes_from(files: tuple[str, str]) -> None:
    letter, word_list = files
    code, out, _ = _run(letter, "--woordenlijst", word_list)
    assert code == 0
    listed = "'beschikking' staat in de lijst als woord om niet te gebruiken."
    assert f"{listed} Dit komt nog 1 keer voor in de tekst." in out
    assert "Voorstel: besluit" in out
    assert "Uit: Woordenlijst huisstijl-uwv.tsv" in out


def test_json_and_html_name_the_list(files: tuple[str, str], tmp_path: Path) -> None:
    letter, word_list = files
    code, out, _ = _run(letter, "--woordenlijst", word_list, "--format", "json")
    assert code == 0
    (item,) = [f for f in json.loads(out)["findings"] if f["rule"] == "huisstijl"]
    assert (item["excerpt"], item["rewrite"], item["source"]) == (
        "beschikking",
        "besluit",
        "Woordenlijst huisstijl-uwv.tsv",
    )
    target = tmp_path / "rapport.html"
    code, _, _ = _run(letter, "--woordenlijst", word_list, "--format", "html", "--output", str(target))
    assert code == 0
    assert "Uit: Woordenlijst huisstijl-uwv.tsv" in target.read_text(encoding="utf-8")


def test_without_the_option_the_word_is_not_flagged_by_the_house_style(files: tuple[str, str]) -> None:
    letter, _ = files
    code, out, _ = _run(letter, "--format", "json")
    assert code == 0
    assert not [f for f in json.loads(out)["findings"] if f["rule"] == "huisstijl"]


def test_a_bad_list_stops_with_a_dutch_message_and_exit_code_2(files: tuple[str, str], tmp_path: Path) -> None:
    letter, _ = files
    bad = tmp_path / "fout.tsv"
    bad.write_text("soort\tterm\tvervanging\nvermijden\tbeschikking\tbesluit\nweg\tdaarom\n", encoding="utf-8")
    code, out, err = _run(letter, "--woordenlijst", str(bad))
    assert code == 2 and out == ""
    assert "Fout:" in err and "regel 3: onbekende soort 'weg'" in err
    code, _, err = _run(letter, "--woordenlijst", str(tmp_path / "bestaat-niet.tsv"))
    assert code == 2 and "Woordenlijst niet gevonden" in err


def test_the_option_is_in_the_help() -> None:
    code, out, _ = _run("--help")
    assert code == 0 and "--woordenlijst" in out
