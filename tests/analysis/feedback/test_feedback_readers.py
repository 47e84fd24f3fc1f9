"""Reading feedback files: CSV in any common delimiter and encoding, XLSX, and clear errors for bad input."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest
from openpyxl import Workbook

from denkraam.analysis.feedback import FeedbackInputError, read_feedback_file

COMMENT = "Café-medewerker was één en al geduld"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_it_reads_csv_with_any_common_delimiter(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "kto.csv"
    path.write_text(
        f"id{delimiter}opmerking\n1{delimiter}Prima geholpen\n2{delimiter}Te lang gewacht\n", encoding="utf-8"
    )
    rows = list(read_feedback_file(path, text_column="opmerking"))
    assert [(r.row, r.text) for r in rows] == [(2, "Prima geholpen"), (3, "Te lang gewacht")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_it_reads_csv_in_utf8_with_or_without_bom_and_cp1252(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "kto.csv"
    path.write_bytes(f"opmerking;score\n{COMMENT};4\n".encode(encoding))
    assert [r.text for r in read_feedback_file(path, text_column="opmerking")] == [COMMENT]


def test_it_reads_quoted_fields_with_delimiters_and_newlines(tmp_path: Path) -> None:
    path = tmp_path / "kto.csv"
    path.write_text('nr;opmerking\n1;"Eerst goed; daarna\nniet meer"\n', encoding="utf-8")
    assert [r.text for r in read_feedback_file(path, text_column="opmerking")] == ["Eerst goed; daarna\nniet meer"]


def test_it_finds_the_column_regardless_of_case_and_spaces(tmp_path: Path) -> None:
    path = tmp_path / "kto.csv"
    path.write_text(" Opmerking ,score\nPrima,5\n", encoding="utf-8")
    assert [r.text for r in read_feedback_file(path, text_column="opmerking")] == ["Prima"]


def test_it_skips_empty_answers_but_keeps_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "kto.csv"
    path.write_text("opmerking\n\n   \nGoed\n", encoding="utf-8")
    assert [(r.row, r.text) for r in read_feedback_file(path, text_column="opmerking")] == [(4, "Goed")]


def test_a_missing_column_lists_the_available_columns(tmp_path: Path) -> None:
    path = tmp_path / "kto.csv"
    path.write_text("id;toelichting;score\n1;Goed;5\n", encoding="utf-8")
    with pytest.raises(FeedbackInputError, match='Kolom "opmerking" staat niet in kto.csv.*"toelichting"'):
        list(read_feedback_file(path, text_column="opmerking"))


def test_an_empty_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"")
    with pytest.raises(FeedbackInputError, match="leeg"):
        list(read_feedback_file(path, text_column="opmerking"))


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(FeedbackInputError, match="bestaat niet"):
        list(read_feedback_file(tmp_path / "weg.csv", text_column="opmerking"))


def test_it_reads_an_xlsx_sheet(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "Opmerking", "score"])
    sheet.append([1, COMMENT, 4])
    sheet.append([2, None, 3])
    sheet.append([3, 12345, 2])
    workbook.save(tmp_path / "kto.xlsx")
    rows = list(read_feedback_file(tmp_path / "kto.xlsx", text_column="Opmerking"))
    assert [(r.row, r.text) for r in rows] == [(2, COMMENT), (4, "12345")]


def test_it_reads_a_named_xlsx_sheet_and_names_the_sheets_when_wrong(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "Toelichting"
    workbook.create_sheet("Klachten").append(["tekst"])
    workbook["Klachten"].append(["Brief kwam te laat"])
    workbook.save(tmp_path / "kto.xlsx")
    assert [r.text for r in read_feedback_file(tmp_path / "kto.xlsx", text_column="tekst", sheet="Klachten")] == [
        "Brief kwam te laat"
    ]
    with pytest.raises(FeedbackInputError, match='"Toelichting", "Klachten"'):
        list(read_feedback_file(tmp_path / "kto.xlsx", text_column="tekst", sheet="Blad9"))


def test_a_broken_xlsx_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04 dit is geen echte werkmap")
    with pytest.raises(FeedbackInputError, match="geen geldig Excel-bestand"):
        list(read_feedback_file(path, text_column="opmerking"))


def test_an_empty_xlsx_says_so(tmp_path: Path) -> None:
    Workbook().save(tmp_path / "leeg.xlsx")
    with pytest.raises(FeedbackInputError, match="leeg"):
        list(read_feedback_file(tmp_path / "leeg.xlsx", text_column="opmerking"))


def test_binary_data_is_not_read_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "plaatje.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(FeedbackInputError, match="geen tekstbestand"):
        list(read_feedback_file(path, text_column="opmerking"))


def test_a_large_file_is_streamed_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "groot.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("opmerking\n")
        handle.writelines(f"Reactie nummer {i}\n" for i in range(200_000))
    rows = read_feedback_file(path, text_column="opmerking")
    assert [r.text for r in islice(rows, 2)] == ["Reactie nummer 0", "Reactie nummer 1"]
    rows.close()


def test_the_header_decides_the_delimiter_when_answers_are_full_of_commas(tmp_path: Path) -> None:
    path = tmp_path / "kto.csv"
    answers = [f"Eerst dit, toen dat, en daarna {i}, helaas, niets" for i in range(50)]
    path.write_text("id;opmerking\n" + "".join(f"{i};{a}\n" for i, a in enumerate(answers)), encoding="utf-8")
    assert [r.text for r in read_feedback_file(path, text_column="opmerking")] == answers
