"""Read free-text feedback from CSV or XLSX files as a stream of rows, bounded, with clear Dutch errors.

Files can be large (a million survey answers): rows are yielded one by one and never all held in memory. Files can
also be hostile (a 200 MB cell, eight million columns): every read is bounded by `ReadLimits` and stops at the
first limit it reaches. A file beyond a limit of its structure is refused with a message that says what to do;
a comment longer than `MAX_TEXT_LENGTH` is cut, and `Record.cut` says which cells were.
"""

from __future__ import annotations

import csv
from collections.abc import Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

CSV_ENCODINGS: tuple[str, ...] = ("utf-8-sig", "utf-8", "cp1252")
_SNIFF_BYTES = 64 * 1024
MAX_TEXT_LENGTH = 10_000
_DELIMITERS = (";", ",", "\t", "|")
_SNIFFER_CHARACTERS = 4096


class FeedbackInputError(ValueError):
    """The file cannot be read as feedback; the message is Dutch and says what to do."""


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """The most one read takes from a file. Beyond these the file is refused, except long texts: those are cut."""

    max_columns: int = 200  # named columns in the header
    max_header_length: int = 100  # characters of a column name; longer names are cut (the name is a label)
    max_cell_length: int = MAX_TEXT_LENGTH  # characters kept of one cell; the rest is cut
    max_raw_cell_length: int = 1_000_000  # characters in one XLSX cell (Excel itself stops at 32,767)
    max_row_length: int = 100_000  # characters in one CSV row, quoted line breaks included
    max_row_cells: int = 2_048  # cells in one XLSX row, empty ones included (Excel allows 16,384)
    max_cells: int = 5_000_000  # cells in an XLSX worksheet, empty ones included: each costs time to read
    max_shared_strings: int = 1_000_000  # different texts in one XLSX file
    max_shared_characters: int = 50_000_000  # characters kept of those texts together
    max_part_bytes: int = 256 * 1024 * 1024  # unpacked size of the worksheet or of the shared strings
    max_small_part_bytes: int = 16 * 1024 * 1024  # unpacked size of the workbook, its relations and its styles
    max_parts: int = 10_000  # files inside the XLSX archive


LIMITS = ReadLimits()


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    """One comment: its row number in the file (header = row 1) and its text."""

    row: int
    text: str


@dataclass(frozen=True, slots=True)
class Record:
    """One row of a file: its number (header = 1) and its cells; `cut` holds the indexes of cells that were cut."""

    row: int
    values: list[object]
    cut: frozenset[int] = frozenset()


def dutch_number(value: int) -> str:
    """1234567 as "1.234.567"."""
    return f"{value:,}".replace(",", ".")


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
        # The sniffer's regular expressions take quadratic time: 64 KB of `,"` lines took over a minute, 4 KB
        # takes a tenth of a second, and the first lines are all it needs.
        return csv.Sniffer().sniff(text[:_SNIFFER_CHARACTERS], delimiters="".join(_DELIMITERS))
    except csv.Error:
        # One column without any delimiter: the sniffer gives up; a plain comma dialect reads it fine.
        return csv.excel


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


def cut_text(text: str, limit: int) -> str:
    """`text` itself, or its first `limit - 1` characters and an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def column_names(header: Sequence[object], *, limits: ReadLimits = LIMITS) -> list[str]:
    """The header's names: spaces collapsed, cut to `max_header_length`, unnamed columns numbered."""
    names = ["" if cell is None else " ".join(str(cell).split()) for cell in header]
    while names and not names[-1]:
        names.pop()
    names = [cut_text(name, limits.max_header_length) for name in names[: limits.max_columns]]
    return [name or f"(kolom {index + 1} zonder naam)" for index, name in enumerate(names)]


# --- CSV ------------------------------------------------------------------------------------------------------


class _RowTooLong(Exception):
    pass


class _BoundedLines:
    """Lines for csv.reader, at most `limit` characters per row (the csv module's own field limit is global)."""

    def __init__(self, handle: TextIO, *, limit: int) -> None:
        self.handle = handle
        self.limit = limit
        self.used = 0  # characters of the row being read; reset by the caller after each row

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.handle.readline(self.limit + 1 - self.used)
        if not line:
            raise StopIteration
        self.used += len(line)
        if self.used > self.limit:
            raise _RowTooLong
        return line


def _csv_records(path: Path, *, file_name: str, limits: ReadLimits) -> Generator[Record, None, None]:
    with path.open("rb") as raw:
        sample = raw.read(_SNIFF_BYTES)
    if not sample.strip():
        raise FeedbackInputError(f"{file_name} is leeg: er staan geen reacties in.")
    if b"\x00" in sample:
        raise FeedbackInputError(f"{file_name} is geen tekstbestand (CSV); sla het op als CSV of XLSX.")
    encoding = detect_encoding(sample)
    dialect = sniff_dialect(sample.decode(encoding, errors="ignore"))
    number = 0
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        lines = _BoundedLines(handle, limit=limits.max_row_length)
        reader = csv.reader(lines, dialect)
        try:
            for number, fields in enumerate(reader, start=1):
                lines.used = 0
                values: list[object] = []
                cut = set()
                for index, field in enumerate(fields[: limits.max_columns + 1]):
                    if len(field) > limits.max_cell_length:
                        field = field[: limits.max_cell_length]
                        cut.add(index)
                    values.append(field)
                yield Record(row=number, values=values, cut=frozenset(cut))
        except _RowTooLong:
            raise FeedbackInputError(
                f"Rij {number + 1} van {file_name} is langer dan {dutch_number(limits.max_row_length)} tekens: het "
                "bestand is beschadigd (vaak een aanhalingsteken dat niet wordt gesloten) of heeft veel te veel "
                "kolommen. Controleer het bestand en upload het opnieuw."
            ) from None
        except csv.Error as error:
            raise FeedbackInputError(f"{file_name} is geen geldig CSV-bestand ({error}).") from error


# --- both formats ---------------------------------------------------------------------------------------------


def read_records(
    path: Path, *, file_format: str, file_name: str, limits: ReadLimits = LIMITS, sheet: str | None = None
) -> Generator[Record, None, None]:
    """The header, then every row of a CSV or XLSX file, each at most `limits.max_columns` cells, texts cut.

    Rows without any value are there too (with no values); an XLSX leaves out the numbers of rows it does not
    contain. Raises
    `FeedbackInputError` (Dutch, with `file_name`) for a broken file or one beyond `limits`; an empty file yields
    nothing. `sheet` names an XLSX worksheet (default: the first).
    """
    if file_format == "xlsx":
        from denkraam.analysis.feedback.xlsx import xlsx_records  # noqa: PLC0415 - only needed for spreadsheets

        records = xlsx_records(path, file_name=file_name, limits=limits, sheet=sheet)
    else:
        records = _csv_records(path, file_name=file_name, limits=limits)
    with closing(records):
        header = next(records, None)
        if header is None:
            return
        # The readers keep one cell more than the limit, so a header that is too wide shows here.
        named = [index for index, cell in enumerate(header.values) if cell is not None and str(cell).strip()]
        if named and named[-1] >= limits.max_columns:
            raise FeedbackInputError(
                f"{file_name} heeft meer dan {limits.max_columns} kolommen; denkraam leest er hoogstens "
                f"{limits.max_columns}. Verwijder de kolommen die u niet nodig heeft en upload het bestand opnieuw."
            )
        yield header
        for record in records:
            if len(record.values) > limits.max_columns:
                record = Record(record.row, record.values[: limits.max_columns], record.cut)
            yield record


def _column_index(header: list[str], column: str, path: Path) -> int:
    cleaned = [h.strip() for h in header]
    if column in cleaned:
        return cleaned.index(column)
    lowered = [h.lower() for h in cleaned]
    if column.strip().lower() in lowered:
        return lowered.index(column.strip().lower())
    available = ", ".join(f'"{h}"' for h in cleaned if h) or "(geen)"
    raise FeedbackInputError(f'Kolom "{column}" staat niet in {path.name}. Beschikbare kolommen: {available}.')


def read_feedback_file(path: str | Path, *, text_column: str, sheet: str | None = None) -> Iterator[FeedbackRow]:
    """Stream the comments in `text_column` of a CSV or XLSX file as `FeedbackRow`s, within `LIMITS`.

    Raises `FeedbackInputError` (Dutch message) for a missing file or column, an empty, broken or hostile file.
    Errors in the header surface on the first `next()`, so callers should iterate inside their try block.
    """
    path = Path(path)
    if not path.is_file():
        raise FeedbackInputError(f"Bestand {path} bestaat niet.")
    with path.open("rb") as handle:
        magic = handle.read(4)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm") or magic == b"PK\x03\x04":
        if suffix not in (".xlsx", ".xlsm", ""):
            raise FeedbackInputError(f"{path.name} lijkt een zip-bestand; alleen CSV en XLSX worden gelezen.")
        file_format = "xlsx"
    elif suffix == ".xls":
        raise FeedbackInputError(f"{path.name} is een oud Excel-bestand (.xls); sla het op als .xlsx of .csv.")
    else:
        file_format = "csv"
    records = read_records(path, file_format=file_format, file_name=path.name, sheet=sheet)
    with closing(records):
        header = next(records, None)
        if header is None:
            raise FeedbackInputError(f"{path.name} is leeg: er staan geen reacties in.")
        index = _column_index(["" if cell is None else str(cell) for cell in header.values], text_column, path)
        for record in records:
            value = record.values[index] if index < len(record.values) else None
            if value is not None and str(value).strip():
                yield FeedbackRow(row=record.row, text=str(value).strip()[:MAX_TEXT_LENGTH])
