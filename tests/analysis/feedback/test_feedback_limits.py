"""The bounded reader: what it cuts, what it refuses, and that an XLSX reads the same as openpyxl reads it."""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from denkraam.analysis.feedback import FeedbackInputError, read_feedback_file
from denkraam.analysis.feedback.readers import MAX_TEXT_LENGTH, ReadLimits, column_names, read_records
from tests.feedback import hostile

BOUND_SECONDS = 10


def records(path: Path, file_format: str, **limits: int) -> list[tuple[int, list[object], list[int]]]:
    found = read_records(path, file_format=file_format, file_name=path.name, limits=ReadLimits(**limits))
    return [(r.row, r.values, sorted(r.cut)) for r in found]


def test_a_long_comment_is_cut_and_the_record_says_so(tmp_path: Path) -> None:
    path = tmp_path / "kto.csv"
    path.write_text("nr;opmerking\n1;" + "lang " * 3000 + "\n2;kort\n", encoding="utf-8")
    header, first, second = records(path, "csv")
    assert len(first[1][1]) == MAX_TEXT_LENGTH and first[2] == [1]  # type: ignore[arg-type]
    assert second == (3, ["2", "kort"], [])


def test_a_header_with_more_than_200_named_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "breed.csv"
    path.write_text(";".join(f"vraag {i}" for i in range(201)) + "\n" + ";" * 200 + "\n", encoding="utf-8")
    with pytest.raises(FeedbackInputError, match="breed.csv heeft meer dan 200 kolommen.*Verwijder de kolommen"):
        records(path, "csv")


def test_200_columns_and_empty_ones_after_them_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "breed.csv"
    path.write_text(";".join(f"vraag {i}" for i in range(200)) + ";" * 500 + "\n", encoding="utf-8")
    (row, values, _cut), *_ = records(path, "csv")
    assert len(column_names(values)) == 200


def test_column_names_are_cut_to_100_characters_with_an_ellipsis() -> None:
    question = "Heeft u nog opmerkingen of suggesties over hoe wij onze dienstverlening kunnen verbeteren? " * 2
    (name,) = column_names([question, None])
    assert len(name) == 100 and name.endswith("…") and name.startswith("Heeft u nog opmerkingen")


def test_csv_rows_are_bounded_per_read_whatever_the_global_field_limit(tmp_path: Path) -> None:
    path = tmp_path / "kto.csv"
    path.write_text('opmerking\n"' + "x" * 5000 + '"\n', encoding="utf-8")
    with pytest.raises(FeedbackInputError, match="Rij 2 van kto.csv is langer dan 1.000 tekens"):
        records(path, "csv", max_row_length=1000)
    assert len(records(path, "csv")[1][1][0]) == 5000  # type: ignore[arg-type]


def test_an_xlsx_reads_the_same_values_as_openpyxl_does(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["nr", "datum", "tijdstip", "opmerking", "cijfer", "akkoord", "formule"])
    sheet.append([1, dt.date(2024, 3, 5), dt.datetime(2024, 3, 5, 14, 30), "Café was één en al geduld", 8.5, True])
    sheet.append([2, None, None, "Regel één\nregel twee", -3, False, "=1+1"])  # a formula without a result
    sheet.append([])
    sheet.append([4, "5 maart 2024", None, "  spaties  ", 0, None])
    sheet["A7"] = "los"
    sheet["Z7"] = "ver weg"
    path = tmp_path / "kto.xlsx"
    workbook.save(path)
    ours = {row: values for row, values, _cut in records(path, "xlsx")}
    theirs = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    for number, values in enumerate(theirs.iter_rows(values_only=True), start=1):
        expected = list(values)
        while expected and expected[-1] is None:
            expected.pop()
        assert ours.get(number, []) == expected, number
    assert 4 not in ours and 6 not in ours  # rows the sheet does not have; the row numbers stay those of the sheet


def test_rich_text_escapes_and_phonetic_guides_read_as_excel_shows_them(tmp_path: Path) -> None:
    rich = (
        b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><r><t>Eerst </t></r><r><rPr><b/></rPr><t>vet</t></r>'
        b"<rPh><t>fonetisch</t></rPh><r><t>_x000D_en dan_x005F_x000D_</t></r></is></c></row>"
    )
    path = hostile.write_xlsx(tmp_path / "rijk.xlsx", shared_strings=hostile.plain_strings("opmerking"), rows=rich)
    assert records(path, "xlsx")[1] == (2, ["Eerst vet\ren dan_x000D_"], [])


def test_an_xlsx_with_a_1904_calendar_gets_the_right_dates(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.epoch = dt.datetime(1904, 1, 1)  # type: ignore[assignment]
    workbook.active.append(["datum"])
    workbook.active.append([dt.date(2024, 3, 5)])
    workbook.save(tmp_path / "mac.xlsx")
    assert records(tmp_path / "mac.xlsx", "xlsx")[1][1] == [dt.datetime(2024, 3, 5)]


def test_shared_strings_are_read_only_as_far_as_the_sheet_refers_to_them(tmp_path: Path) -> None:
    # Nine hundred thousand strings (within the limit) of which the sheet uses two: no time spent on the rest.
    path = hostile.write_xlsx(tmp_path / "veel.xlsx", shared_strings=hostile.many_strings(strings=900_000))
    started = time.perf_counter()
    assert records(path, "xlsx") == [(1, ["opmerking"], []), (2, ["Prima geholpen"], [])]
    assert time.perf_counter() - started < BOUND_SECONDS


def test_a_shared_string_over_the_cell_limit_is_cut(tmp_path: Path) -> None:
    path = hostile.huge_cell_xlsx(tmp_path / "lang.xlsx", characters=50_000)
    (row, values, cut), _ = records(path, "xlsx")
    assert len(values[0]) == MAX_TEXT_LENGTH and cut == [0]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (b'<row r="1"><c r="A1" t="s"><v>7</v></c></row>', "geen geldig Excel-bestand"),  # no string 7
        (b'<row r="9999999"><c t="s"><v>0</v></c></row>', "geen geldig Excel-bestand"),  # beyond Excel's rows
        (b'<row r="1"><c r="XFE1" t="s"><v>0</v></c></row>', "geen geldig Excel-bestand"),  # beyond its columns
        (b'<row r="2"><c t="s"><v>0</v></c></row><row r="2"/>', "geen geldig Excel-bestand"),  # a row twice
        (b'<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="' + b"1" * 2_000_000,
         "geen geldig Excel-bestand"),  # an attribute that never ends: stopped at 1 MB, not kept whole
    ],
)  # fmt: skip
def test_a_broken_sheet_is_refused_in_dutch(tmp_path: Path, rows: bytes, message: str) -> None:
    path = hostile.write_xlsx(tmp_path / "kapot.xlsx", shared_strings=hostile.plain_strings("opmerking"), rows=rows)
    with pytest.raises(FeedbackInputError, match=message):
        records(path, "xlsx")


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_part_with_a_dtd_is_refused_so_no_entity_is_ever_expanded(tmp_path: Path) -> None:
    path = hostile.write_xlsx(tmp_path / "lachen.xlsx", shared_strings=hostile.plain_strings("opmerking"))
    laughs = b'<!DOCTYPE sst [<!ENTITY a "hahahahahahahahahaha">' + b"".join(
        b'<!ENTITY %s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">' % ((bytes([98 + i]),) + (bytes([97 + i]),) * 10)
        for i in range(8)
    )
    with zipfile.ZipFile(path, "a") as archive:  # a second entry of the same name is the one that is read
        archive.writestr("xl/sharedStrings.xml", laughs + b']><sst xmlns="%s"><si><t>&i;</t></si></sst>' % hostile.MAIN)
    started = time.perf_counter()
    with pytest.raises(FeedbackInputError, match="geen geldig Excel-bestand"):
        records(path, "xlsx")
    assert time.perf_counter() - started < BOUND_SECONDS


def test_a_part_that_unpacks_beyond_the_limit_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = hostile.many_strings_xlsx(tmp_path / "groot.xlsx", strings=100_000)
    with pytest.raises(FeedbackInputError, match="uitgepakt groter dan 1 MB"):
        records(path, "xlsx", max_part_bytes=1024 * 1024)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (hostile.huge_cell_xlsx, "een cel met meer dan 1.000.000 tekens"),
        (hostile.many_strings_xlsx, "meer dan 1.000.000 verschillende teksten"),
        (hostile.wide_row_xlsx, "heeft meer dan 2.048 cellen"),
        (hostile.empty_cells_xlsx, "meer dan 5.000.000 cellen"),
        (hostile.wide_csv, "is langer dan 100.000 tekens"),
    ],
)
def test_the_command_line_refuses_the_hostile_files_too(tmp_path: Path, build: object, message: str) -> None:
    path = build(tmp_path / ("kto.csv" if build is hostile.wide_csv else "kto.xlsx"))  # type: ignore[operator]
    started = time.perf_counter()
    with pytest.raises(FeedbackInputError, match=message):
        list(read_feedback_file(path, text_column="opmerking"))
    assert time.perf_counter() - started < BOUND_SECONDS


def test_a_file_that_makes_the_csv_sniffer_slow_is_read_within_seconds(tmp_path: Path) -> None:
    path = hostile.slow_sniffer_csv(tmp_path / "traag.csv")
    started = time.perf_counter()
    header, *_rows = records(path, "csv")
    assert header[1] == ["opmerking"]
    assert time.perf_counter() - started < BOUND_SECONDS


def test_the_header_is_read_without_the_shared_strings_later_rows_refer_to(tmp_path: Path) -> None:
    # Row 2 refers to string 5 of a table of 2: reading the header must not even look it up ...
    rows = b'<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c></row>'
    path = hostile.write_xlsx(tmp_path / "lui.xlsx", shared_strings=hostile.plain_strings("opmerking", "x"), rows=rows)
    found = read_records(path, file_format="xlsx", file_name=path.name)
    assert next(found).values == ["opmerking"]
    found.close()
    with pytest.raises(FeedbackInputError, match="geen geldig Excel-bestand"):  # ... reading row 2 does
        records(path, "xlsx")
