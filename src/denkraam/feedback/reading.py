"""Read the header and the rows (text, date and channel cells) of an uploaded CSV or XLSX file, streaming.

The analysis library's reader yields only the text column; the web import also needs the date and channel of each
row, so this module reads all three by column index. Errors are `FeedbackInputError`s with a Dutch message that
names the file as the user called it.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from denkraam.analysis.feedback import FeedbackInputError
from denkraam.analysis.feedback.readers import MAX_TEXT_LENGTH, detect_encoding, sniff_dialect

_SNIFF_BYTES = 64 * 1024
MAX_COLUMNS = 200


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of the file: its number (header = row 1), the comment and the raw date and channel cells."""

    row: int
    text: str
    date: object = None
    channel: object = None


def detect_format(path: Path, *, file_name: str) -> str:
    """'xlsx' or 'csv' from the first bytes (not the name: a renamed file is read for what it is)."""
    with path.open("rb") as handle:
        magic = handle.read(8)
    if not magic.strip():
        raise FeedbackInputError(f"{file_name} is leeg: er staan geen reacties in.")
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise FeedbackInputError(f"{file_name} is een oud Excel-bestand (.xls); sla het op als .xlsx of .csv.")
    if magic.startswith(b"PK\x03\x04"):
        return "xlsx"
    if magic.startswith(b"%PDF") or b"\x00" in magic:
        raise FeedbackInputError(f"{file_name} is geen CSV- of Excel-bestand; sla het op als .csv of .xlsx.")
    return "csv"


def _column_names(header: list[object]) -> list[str]:
    names = ["" if cell is None else " ".join(str(cell).split()) for cell in header]
    while names and not names[-1]:
        names.pop()
    return [name or f"(kolom {index + 1} zonder naam)" for index, name in enumerate(names)][:MAX_COLUMNS]


# --- CSV ------------------------------------------------------------------------------------------------------


def _csv_open(path: Path, *, file_name: str) -> tuple[str, type[csv.Dialect] | csv.Dialect]:
    with path.open("rb") as raw:
        sample = raw.read(_SNIFF_BYTES)
    if not sample.strip():
        raise FeedbackInputError(f"{file_name} is leeg: er staan geen reacties in.")
    if b"\x00" in sample:
        raise FeedbackInputError(f"{file_name} is geen tekstbestand (CSV); sla het op als CSV of XLSX.")
    encoding = detect_encoding(sample)
    return encoding, sniff_dialect(sample.decode(encoding, errors="ignore"))


def _csv_records(path: Path, *, file_name: str) -> Generator[list[str], None, None]:
    encoding, dialect = _csv_open(path, file_name=file_name)
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        try:
            yield from csv.reader(handle, dialect)
        except csv.Error as error:
            raise FeedbackInputError(f"{file_name} is geen geldig CSV-bestand ({error}).") from error


# --- XLSX -----------------------------------------------------------------------------------------------------


def _xlsx_records(path: Path, *, file_name: str) -> Generator[tuple[object, ...], None, None]:
    from openpyxl import load_workbook  # noqa: PLC0415 - only needed for spreadsheets
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    # A file object, not the path: our temp files have no extension and openpyxl judges paths by extension.
    handle = path.open("rb")
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError, EOFError) as error:
        handle.close()
        raise FeedbackInputError(
            f"{file_name} is geen geldig Excel-bestand (XLSX); het is beschadigd of onvolledig."
        ) from error
    try:
        if not workbook.worksheets:
            raise FeedbackInputError(f"{file_name} heeft geen werkbladen.")
        try:
            yield from workbook.worksheets[0].iter_rows(values_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as error:
            raise FeedbackInputError(
                f"{file_name} is geen geldig Excel-bestand (XLSX); het is beschadigd of onvolledig."
            ) from error
    finally:
        workbook.close()
        handle.close()


def _records(path: Path, *, file_format: str, file_name: str) -> Generator[Sequence[object], None, None]:
    if file_format == "xlsx":
        return _xlsx_records(path, file_name=file_name)
    return _csv_records(path, file_name=file_name)


# --- public ---------------------------------------------------------------------------------------------------


def read_columns(path: Path, *, file_format: str, file_name: str) -> list[str]:
    """The column names in the first row; raises when the file is empty, broken or has no header."""
    records = _records(path, file_format=file_format, file_name=file_name)
    try:
        header = next(records, None)
    finally:
        records.close()
    columns = _column_names(list(header or []))
    if not columns:
        raise FeedbackInputError(f"{file_name} is leeg: de eerste rij moet de namen van de kolommen bevatten.")
    return columns


def _cell(values: Sequence[object], index: int | None) -> object:
    if index is None or index >= len(values):
        return None
    return values[index]


def iter_rows(
    path: Path,
    *,
    file_format: str,
    file_name: str,
    text_column: int,
    date_column: int | None = None,
    channel_column: int | None = None,
) -> Iterator[SourceRow]:
    """Stream the rows that have a comment; rows with an empty text cell are skipped."""
    records = _records(path, file_format=file_format, file_name=file_name)
    try:
        if next(records, None) is None:
            raise FeedbackInputError(f"{file_name} is leeg: er staan geen reacties in.")
        for number, values in enumerate(records, start=2):
            raw = _cell(values, text_column)
            text = "" if raw is None else str(raw).strip()
            if text:
                yield SourceRow(
                    row=number,
                    text=text[:MAX_TEXT_LENGTH],
                    date=_cell(values, date_column),
                    channel=_cell(values, channel_column),
                )
    finally:
        records.close()


def count_rows(path: Path, *, file_format: str, file_name: str, text_column: int, limit: int) -> int:
    """How many rows have a comment, counting at most `limit + 1` (enough to know the file is too big)."""
    count = 0
    for _row in iter_rows(path, file_format=file_format, file_name=file_name, text_column=text_column):
        count += 1
        if count > limit:
            break
    return count
