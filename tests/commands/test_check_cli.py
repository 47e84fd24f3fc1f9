"""`denkraam check` from the command line: formats, output file, exit codes, help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from denkraam.cli import main

FIXTURES = Path(__file__).parents[1] / "analysis" / "text" / "fixtures"
GOOD = str(FIXTURES / "goede_brief.txt")
BAD = str(FIXTURES / "slechte_brief.txt")


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_it_documents_itself_in_help() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for option in ("--format", "--output", "--deep", "--max-sentence-words", "PATH..."):
        assert option in out


def test_it_prints_marked_text_findings_and_scores_in_dutch() -> None:
    code, out, _ = run(BAD)
    assert code == 0
    assert "Leesniveau" in out and "Vertrouwen" in out and "Bevindingen" in out
    assert "Indien[" in out  # the finding is marked in the text with its number
    assert "Tip: Schrijf liever: 'als'." in out
    assert "\033[" not in out  # no colour codes when stdout is not a terminal


def test_it_writes_one_json_object_for_one_input_and_a_list_for_several() -> None:
    code, out, _ = run("--format", "json", GOOD)
    assert code == 0 and json.loads(out)["source"] == GOOD
    code, out, _ = run("--format", "json", GOOD, BAD)
    assert code == 0 and [item["source"] for item in json.loads(out)] == [GOOD, BAD]


def test_it_writes_an_html_report_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    code, out, err = run("--format", "html", "--output", str(target), BAD)
    assert code == 0 and out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<mark" in page
    assert "rapport.html" in err


def test_it_reads_standard_input() -> None:
    code, out, _ = run("--format", "json", "-", stdin=b"Indien u vragen hebt, bel ons.")
    assert code == 0
    assert json.loads(out)["findings"][0]["rule"] == "ambtelijk-woord"


def test_it_uses_the_chosen_sentence_length() -> None:
    code, out, _ = run(
        "--format", "json", "--max-sentence-words", "5", "-", stdin=b"Wij sturen u binnen twee weken een brief."
    )
    assert code == 0 and json.loads(out)["findings"][0]["rule"] == "lange-zin"


def test_it_exits_2_with_a_clear_message_for_a_missing_file(tmp_path: Path) -> None:
    code, out, err = run(str(tmp_path / "weg.txt"))
    assert code == 2 and out == ""
    assert "niet gevonden" in err


def test_it_exits_2_for_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "foto.txt"
    path.write_bytes(bytes(range(256)) * 10)
    code, _, err = run(str(path))
    assert code == 2 and "binair" in err


def test_it_exits_2_for_an_unknown_format() -> None:
    code, _, _ = run("--format", "pdf", GOOD)
    assert code == 2


def test_deep_without_frog_exits_2_with_a_plain_message(tmp_path: Path) -> None:
    # A real run with a PATH on which no frog can be found, as on a machine without the Debian package.
    result = subprocess.run(
        [sys.executable, "-m", "denkraam.cli", "check", "--deep", GOOD],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert "frog" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.deep
@pytest.mark.slow
def test_deep_uses_frog_when_it_is_installed() -> None:
    code, out, _ = run("--deep", "--format", "json", "-", stdin=b"Wij hebben uw brief gelezen. U krijgt geld.")
    assert code == 0
    assert json.loads(out)["readability"]["level"] in {1, 2, 3, 4}


def _word_letter(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Geachte mevrouw Bakker,")
    paragraph = document.add_paragraph("Hierbij delen wij u mede dat uw aanvraag ")
    paragraph.add_run("is ontvangen").bold = True
    paragraph.add_run(".")
    document.add_paragraph("Met vriendelijke groet,")
    document.save(path)
    return path


def test_format_docx_writes_the_letter_back_with_comments(tmp_path: Path) -> None:
    import docx

    letter = _word_letter(tmp_path / "brief.docx")
    output = tmp_path / "nagekeken.docx"
    code, out, err = run(str(letter), "--format", "docx", "--output", str(output))
    assert code == 0, err
    assert out == ""  # nothing binary (or otherwise) on the screen
    assert "Word-bestand met opmerkingen geschreven naar" in err
    checked = docx.Document(str(output))
    assert [p.text for p in checked.paragraphs] == [p.text for p in docx.Document(str(letter)).paragraphs]
    comments = list(checked.comments)
    assert comments[0].text.startswith("Tekstcheck van denkraam: samenvatting")
    assert any(c.paragraphs[0].text == "'Hierbij' is ambtelijk of moeilijk." for c in comments)
    assert {c.author for c in comments} == {"denkraam"}


def test_format_docx_needs_an_output_file(tmp_path: Path) -> None:
    code, out, err = run(str(_word_letter(tmp_path / "brief.docx")), "--format", "docx")
    assert code == 2
    assert out == ""
    assert "geef met --output aan waar het moet komen" in err


def test_format_docx_refuses_what_is_not_a_word_file(tmp_path: Path) -> None:
    code, _, err = run(GOOD, "--format", "docx", "--output", str(tmp_path / "uit.docx"))
    assert code == 2
    assert "werkt alleen voor een Word-bestand (.docx)" in err
    assert not (tmp_path / "uit.docx").exists()
    code, _, err = run("-", "--format", "docx", "--output", str(tmp_path / "uit.docx"), stdin=b"Hallo.")
    assert code == 2 and "precies één Word-bestand" in err


def test_an_odt_is_checked_like_a_docx(tmp_path: Path) -> None:
    from tests.analysis.text.hostile_files import odt_content, odt_file

    path = tmp_path / "brief.odt"
    path.write_bytes(odt_file(odt_content("<text:p>Hierbij delen wij u mede dat uw aanvraag is ontvangen.</text:p>")))
    code, out, _ = run(str(path), "--format", "json")
    assert code == 0
    assert any(item["excerpt"] == "Hierbij" for item in json.loads(out)["findings"])


def test_a_local_html_file_is_checked_by_its_main_content(tmp_path: Path) -> None:
    path = tmp_path / "pagina.html"
    path.write_text(
        '<!doctype html><html lang="nl"><head><title>Afspraak</title></head><body>'
        '<nav><a href="/">Zorg en ondersteuning ten behoeve van inwoners</a></nav>'
        "<main><h1>Afspraak maken</h1><p>U maakt een afspraak via de website of telefonisch.</p></main>"
        "<footer><p>Hierbij delen wij u mede dat deze site cookies gebruikt.</p></footer></body></html>",
        encoding="utf-8",
    )
    code, out, _ = run(str(path), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["measured"] == "<main>"
    assert not [f for f in report["findings"] if f["excerpt"] in {"ten behoeve van", "Hierbij"}]
