"""Read the header, the first rows and then every row (text, date and channel cells) of an uploaded CSV or XLSX.

The analysis library's reader yields only the text column; the web import also needs the date and channel of each
row, so this module reads all three by column index, through the library's bounded reader (`read_records`: it
refuses hostile files and cuts long texts). Errors are `FeedbackInputError`s with a Dutch message that names the
file as the user called it.

The head of the file (its first rows, capped) is saved beside the raw upload when it arrives, so the preview
page reads that small file on every view instead of the upload itself.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

# xlsx is imported with the web app, not during someone's first spreadsheet upload (openpyxl takes a second).
from denkraam.analysis.feedback import FeedbackInputError, xlsx  # noqa: F401
from denkraam.analysis.feedback.readers import LIMITS, Record, column_names, detect_format, read_records

__all__ = [
    "MAX_COLUMNS",
    "SourceRow",
    "count_rows",
    "detect_format",
    "head_rows",
    "head_save",
    "iter_rows",
    "read_columns",
]

MAX_COLUMNS = LIMITS.max_columns
HEAD_ROWS = 200  # rows looked at for the preview (empty ones too: an empty row can hold 2,048 empty cells) ...
HEAD_CHARACTERS = 1_000_000  # ... and about this many characters kept of them together


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of the file: its number (header = row 1), the comment, the raw date and channel cells, and whether
    the comment was cut at the library's `MAX_TEXT_LENGTH`."""

    row: int
    text: str
    date: object = None
    channel: object = None
    cut: bool = False


def read_columns(path: Path, *, file_format: str, file_name: str) -> list[str]:
    """The column names in the first row; raises when the file is empty, broken, hostile or has no header."""
    records = read_records(path, file_format=file_format, file_name=file_name)
    with closing(records):
        header = next(records, None)
    columns = column_names(header.values if header else [])
    if not columns:
        raise FeedbackInputError(f"{file_name} is leeg: de eerste rij moet de namen van de kolommen bevatten.")
    return columns


def _cell(values: Sequence[object], index: int | None) -> object:
    if index is None or index >= len(values):
        return None
    return values[index]


def _source(
    record: Record, *, text_column: int, date_column: int | None, channel_column: int | None
) -> SourceRow | None:
    raw = _cell(record.values, text_column)
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    return SourceRow(
        row=record.row,
        text=text,
        date=_cell(record.values, date_column),
        channel=_cell(record.values, channel_column),
        cut=text_column in record.cut,
    )


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
    records = read_records(path, file_format=file_format, file_name=file_name)
    with closing(records):
        if next(records, None) is None:
            raise FeedbackInputError(f"{file_name} is leeg: er staan geen reacties in.")
        for record in records:
            source = _source(record, text_column=text_column, date_column=date_column, channel_column=channel_column)
            if source is not None:
                yield source


def count_rows(path: Path, *, file_format: str, file_name: str, text_column: int, limit: int) -> int:
    """How many rows have a comment, counting at most `limit + 1` (enough to know the file is too big)."""
    count = 0
    for _row in iter_rows(path, file_format=file_format, file_name=file_name, text_column=text_column):
        count += 1
        if count > limit:
            break
    return count


# --- the head, for the preview --------------------------------------------------------------------------------


def _plain(value: object) -> object:
    """A cell as JSON can hold it: dates and times as ISO text, which the date reader understands."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def head_save(path: Path, *, file_format: str, file_name: str, into: Path) -> None:
    """Save the rows with a value among the first `HEAD_ROWS` after the header (about `HEAD_CHARACTERS`) as JSON,
    owner-only."""
    rows: list[dict[str, object]] = []
    characters = 0
    records = read_records(path, file_format=file_format, file_name=file_name)
    with closing(records):
        next(records, None)
        for looked_at, record in enumerate(records, start=1):
            if any(value is not None and value != "" for value in record.values):
                values = [_plain(value) for value in record.values]
                rows.append({"row": record.row, "values": values, "cut": sorted(record.cut)})
                characters += sum(len(value) for value in values if isinstance(value, str))
            if looked_at >= HEAD_ROWS or characters >= HEAD_CHARACTERS:
                break
    fd = os.open(into, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(rows, handle, ensure_ascii=False)


def head_rows(
    path: Path, *, text_column: int, date_column: int | None, channel_column: int | None, limit: int
) -> list[SourceRow]:
    """The first `limit` rows with a comment from a head saved by `head_save`."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FeedbackInputError("Het geüploade bestand is niet meer beschikbaar. Upload het opnieuw.") from None
    rows: list[SourceRow] = []
    for item in saved:
        record = Record(row=item["row"], values=item["values"], cut=frozenset(item["cut"]))
        source = _source(record, text_column=text_column, date_column=date_column, channel_column=channel_column)
        if source is not None:
            rows.append(source)
            if len(rows) >= limit:
                break
    return rows
