"""Read free-text feedback from CSV or XLSX files as a stream of (row number, text), with clear Dutch errors.

Files can be large (a million survey answers): rows are yielded one by one and never all held in memory.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CSV_ENCODINGS: tuple[str, ...] = ("utf-8-sig", "utf-8", "cp1252")
_SNIFF_BYTES = 64 * 1024
# Python's csv module refuses fields over 128 KiB by default; a single survey answer is never that long, but a
# broken file can make one giant "field" - raise the limit moderately and cut long texts ourselves.
_FIELD_LIMIT = 1024 * 1024
MAX_TEXT_LENGTH = 10_000
_DELIMITERS = (";", ",", "\t", "|")

csv.field_size_limit(_FIELD_LIMIT)


class FeedbackInputError(ValueError):
    """The file cannot be read as feedback; the message is Dutch and says what to do."""


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    """One comment: its row number in the file (header = row 1) and its text."""

    row: int
    text: str


def detect_encoding(sample: bytes) -> str:
    """ "utf-8-sig" (with a byte-order mark), "utf-8", or else "cp1252" (Excel's Western encoding on Windows)."""
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may end inside a multi-byte character; only an error before the last bytes counts.
        if error.start < len(sample) - 3:
            return "cp1252"
    return "utf-8"


def sniff_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect, decided by the header line first.

    `csv.Sniffer` alone guesses wrong on survey exports: the answers are full of commas and semicolons, so it may
    pick "," for a ";" file. Column names rarely contain a delimiter, so the header decides when one delimiter is
    clearly the most frequent there; otherwise the sniffer looks at the whole sample.
    """
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=counts.__getitem__)
    if counts[best] and sorted(counts.values())[-2] < counts[best]:
        dialect = csv.excel()
        dialect.delimiter = best
        return dialect
    try:
        return csv.Sniffer().sniff(text, delimiters="".join(_DELIMITERS))
    except csv.Error:
        # One column without any delimiter: the sniffer gives up; a plain comma dialect reads it fine.
        return csv.excel


def _column_index(header: list[str], column: str, path: Path) -> int:
    cleaned = [h.strip() for h in header]
    if column in cleaned:
        return cleaned.index(column)
    lowered = [h.lower() for h in cleaned]
    if column.strip().lower() in lowered:
        return lowered.index(column.strip().lower())
    available = ", ".join(f'"{h}"' for h in cleaned if h) or "(geen)"
    raise FeedbackInputError(f'Kolom "{column}" staat niet in {path.name}. Beschikbare kolommen: {available}.')


def read_csv_rows(path: Path, *, text_column: str) -> Iterator[FeedbackRow]:
    """Stream the comments of `text_column` from a CSV file with a detected encoding and delimiter."""
    with path.open("rb") as raw:
        sample = raw.read(_SNIFF_BYTES)
    if not sample.strip():
        raise FeedbackInputError(f"{path.name} is leeg: er staan geen reacties in.")
    if b"\x00" in sample:
        raise FeedbackInputError(f"{path.name} is geen tekstbestand (CSV); sla het op als CSV of XLSX.")
    encoding = detect_encoding(sample)
    dialect = sniff_dialect(sample.decode(encoding, errors="ignore"))
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, dialect)
        try:
            header = next(reader)
        except StopIteration:
            raise FeedbackInputError(f"{path.name} is leeg: er staan geen reacties in.") from None
        except csv.Error as error:
            raise FeedbackInputError(f"{path.name} is geen geldig CSV-bestand ({error}).") from error
        index = _column_index(header, text_column, path)
        try:
            for number, record in enumerate(reader, start=2):
                if index < len(record) and record[index].strip():
                    yield FeedbackRow(row=number, text=record[index].strip()[:MAX_TEXT_LENGTH])
        except csv.Error as error:
            raise FeedbackInputError(f"{path.name} is geen geldig CSV-bestand ({error}).") from error


def read_xlsx_rows(path: Path, *, text_column: str, sheet: str | None = None) -> Iterator[FeedbackRow]:
    """Stream the comments of `text_column` from the first (or named) sheet of an XLSX file, read-only."""
    from openpyxl import load_workbook  # noqa: PLC0415 - only needed for spreadsheets

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise FeedbackInputError(
            f"{path.name} is geen geldig Excel-bestand (XLSX); het is beschadigd of onvolledig."
        ) from error
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            names = ", ".join(f'"{n}"' for n in workbook.sheetnames)
            raise FeedbackInputError(f'Werkblad "{sheet}" staat niet in {path.name}. Beschikbare werkbladen: {names}.')
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        rows = worksheet.iter_rows(values_only=True)
        header_row = next(rows, None)
        if header_row is None:
            raise FeedbackInputError(f"{path.name} is leeg: er staan geen reacties in.")
        header = ["" if cell is None else str(cell) for cell in header_row]
        index = _column_index(header, text_column, path)
        for number, values in enumerate(rows, start=2):
            value = values[index] if index < len(values) else None
            if value is not None and str(value).strip():
                yield FeedbackRow(row=number, text=str(value).strip()[:MAX_TEXT_LENGTH])
    finally:
        workbook.close()


def read_feedback_file(path: str | Path, *, text_column: str, sheet: str | None = None) -> Iterator[FeedbackRow]:
    """Stream the comments in `text_column` of a CSV or XLSX file as `FeedbackRow`s.

    Raises `FeedbackInputError` (Dutch message) for a missing file or column, an empty or broken file.
    Errors in the header surface on the first `next()`, so callers should iterate inside their try block.
    """
    path = Path(path)
    if not path.is_file():
        raise FeedbackInputError(f"Bestand {path} bestaat niet.")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if path.suffix.lower() in (".xlsx", ".xlsm") or magic == b"PK\x03\x04":
        if path.suffix.lower() not in (".xlsx", ".xlsm", ""):
            raise FeedbackInputError(f"{path.name} lijkt een zip-bestand; alleen CSV en XLSX worden gelezen.")
        yield from read_xlsx_rows(path, text_column=text_column, sheet=sheet)
    elif path.suffix.lower() == ".xls":
        raise FeedbackInputError(f"{path.name} is een oud Excel-bestand (.xls); sla het op als .xlsx of .csv.")
    else:
        yield from read_csv_rows(path, text_column=text_column)
