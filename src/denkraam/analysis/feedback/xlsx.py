"""The rows of one worksheet of an XLSX file, streamed and bounded.

The archive is checked before anything is unpacked (number of parts, unpacked size of each part from the zip
directory), then each part goes through lxml in 64 KB chunks to a parser target, so no tree is built and memory
does not grow with the file. Every cell is counted while it is read, and reading stops at the first limit of
`ReadLimits`; the shared strings are read only as far as the sheet refers to them.

Why not openpyxl: opening a workbook reads its whole shared-strings table (a 414 KB file with ten million strings
took 80 s and 1 GB, on every read), and its read-only sheet reader builds each row whole (one row of ten million
empty cells: 3 GB). openpyxl still supplies Excel's date rules: which number formats are dates, and the calendars.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
import zlib
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from denkraam.analysis.feedback.readers import FeedbackInputError, ReadLimits, Record, dutch_number

_CHUNK = 64 * 1024
# Bytes fed without the parser reporting anything: one token (a tag, an attribute, a comment) that does not end.
# lxml's push parser keeps such a token in memory whole, so this bounds it.
_MAX_PENDING = 1024 * 1024
_MAX_ROWS, _MAX_COLUMN = 1_048_576, 16_384  # Excel's own limits
_MAX_LISTED = 100_000  # elements taken from a small part (sheets, relations, number formats, cell styles)

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ROW, _CELL, _VALUE, _INLINE, _TEXT, _PHONETIC = (f"{_MAIN}{name}" for name in ("row", "c", "v", "is", "t", "rPh"))
_SST, _ITEM, _SHEET, _WORKBOOK_PR = (f"{_MAIN}{name}" for name in ("sst", "si", "sheet", "workbookPr"))
_NUM_FMT, _XF, _CELL_XFS = (f"{_MAIN}{name}" for name in ("numFmt", "xf", "cellXfs"))
# Characters XML cannot hold are written as _xHHHH_ in OOXML strings (a line break in a cell as _x000D_).
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _broken(file_name: str) -> FeedbackInputError:
    return FeedbackInputError(
        f"{file_name} is geen geldig Excel-bestand (XLSX); het is beschadigd of onvolledig. "
        "Open het in Excel en sla het opnieuw op, of sla het op als CSV."
    )


def _too_big(file_name: str, what: str) -> FeedbackInputError:
    return FeedbackInputError(
        f"{file_name} bevat {what}; zoveel leest denkraam niet uit één Excel-bestand. Splits het bestand, of sla "
        "het op als CSV (UTF-8) en upload dat."
    )


class _Target:
    """Base of the parser targets; `progress` counts the callbacks, so a token that never ends shows (_Part)."""

    progress = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.progress += 1

    def end(self, tag: str) -> None:
        self.progress += 1

    def data(self, text: str) -> None:
        self.progress += 1

    def doctype(self, name: str, public_id: str | None, system_url: str | None) -> None:
        # OOXML parts never declare a DTD; one that does wants entities expanded (libxml2 would, even here).
        raise ValueError("a DTD in a spreadsheet part")  # reported as a broken file

    def close(self) -> None:
        return None


class _Part:
    """One part of the archive, fed to a parser target a chunk at a time."""

    def __init__(self, archive: zipfile.ZipFile, name: str, target: _Target, *, limit: int, file_name: str) -> None:
        info = archive.NameToInfo.get(name)
        if info is None:
            raise _broken(file_name)
        if info.file_size > limit:  # from the zip directory, before unpacking; zipfile never unpacks more
            raise FeedbackInputError(
                f"{file_name} is uitgepakt groter dan {limit // (1024 * 1024)} MB; zo groot leest denkraam een "
                "Excel-bestand niet. Splits het bestand, of sla het op als CSV (UTF-8) en upload dat."
            )
        self.file_name = file_name
        self.target = target
        self.member = archive.open(info)
        # No DTDs, no entities, no network; libxml2's own bounds on depth and names (huge_tree off).
        self.parser = etree.XMLParser(
            target=cast("etree.ParserTarget[None]", target),
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,
        )
        self.seen, self.pending, self.done = -1, 0, False

    def step(self) -> bool:
        """Feed the next chunk; False once the part is done."""
        if self.done:
            return False
        chunk = self.member.read(_CHUNK)
        if not chunk:
            self.done = True
            self.parser.close()
            self.member.close()
            return False
        self.parser.feed(chunk)
        if self.target.progress == self.seen:
            self.pending += len(chunk)
            if self.pending > _MAX_PENDING:
                raise _broken(self.file_name)
        else:
            self.seen, self.pending = self.target.progress, 0
        return True

    def read_all(self) -> None:
        while self.step():
            pass

    def close(self) -> None:
        self.member.close()


@dataclass
class _Collect(_Target):
    """Parser target for a small part: the attributes of the elements named in `tags`, with their parent's tag."""

    tags: frozenset[str]
    found: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.progress += 1
        if tag in self.tags:
            if len(self.found) >= _MAX_LISTED:
                raise ValueError("too many elements")  # reported as a broken file
            self.found.append((self.stack[-1] if self.stack else "", tag, dict(attrib)))
        self.stack.append(tag)

    def end(self, tag: str) -> None:
        self.progress += 1
        self.stack.pop()


def _collect(
    archive: zipfile.ZipFile, name: str, tags: set[str], *, limits: ReadLimits, file_name: str
) -> list[tuple[str, str, dict[str, str]]]:
    target = _Collect(frozenset(tags))
    part = _Part(archive, name, target, limit=limits.max_small_part_bytes, file_name=file_name)
    try:
        part.read_all()
    finally:
        part.close()
    return target.found


def _relations(
    archive: zipfile.ZipFile, part: str, *, limits: ReadLimits, file_name: str
) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name) for `part` ("" for the package itself)."""
    folder = posixpath.dirname(part)
    name = posixpath.join(folder, "_rels", posixpath.basename(part) + ".rels")
    if name not in archive.NameToInfo:
        return {}
    relations = {}
    for _parent, _tag, attrib in _collect(archive, name, {_RELATIONSHIP}, limits=limits, file_name=file_name):
        if attrib.get("TargetMode") == "External":
            continue
        target = attrib.get("Target", "")
        resolved = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        relations[attrib.get("Id", "")] = (attrib.get("Type", ""), resolved)
    return relations


@dataclass(frozen=True, slots=True)
class _Book:
    sheets: list[tuple[str, str, str]]  # name, relationship type, part
    shared_strings: str | None
    styles: str | None
    epoch: dt.datetime


def _book(archive: zipfile.ZipFile, *, limits: ReadLimits, file_name: str) -> _Book:
    package = _relations(archive, "", limits=limits, file_name=file_name)
    workbook = next((n for t, n in package.values() if t.endswith("/officeDocument")), "xl/workbook.xml")
    relations = _relations(archive, workbook, limits=limits, file_name=file_name)
    found = _collect(archive, workbook, {_SHEET, _WORKBOOK_PR}, limits=limits, file_name=file_name)
    sheets, epoch = [], CALENDAR_WINDOWS_1900
    for _parent, tag, attrib in found:
        if tag == _WORKBOOK_PR and attrib.get("date1904", "").lower() in ("1", "true"):
            epoch = CALENDAR_MAC_1904
        elif tag == _SHEET:
            kind, part = relations.get(attrib.get(_REL_ID, ""), ("", ""))
            sheets.append((attrib.get("name", ""), kind, part))

    def part_of(kind: str) -> str | None:
        return next((n for t, n in relations.values() if t.endswith(kind)), None)

    return _Book(sheets=sheets, shared_strings=part_of("/sharedStrings"), styles=part_of("/styles"), epoch=epoch)


def _date_styles(archive: zipfile.ZipFile, name: str | None, *, limits: ReadLimits, file_name: str) -> set[int]:
    """Indexes of the cell styles whose number format shows a date (so the number in the cell is one)."""
    if name is None or name not in archive.NameToInfo:
        return set()
    found = _collect(archive, name, {_NUM_FMT, _XF}, limits=limits, file_name=file_name)
    formats: dict[int, str] = dict(BUILTIN_FORMATS)
    for _parent, tag, attrib in found:
        if tag == _NUM_FMT and attrib.get("numFmtId", "").isdigit():
            formats[int(attrib["numFmtId"])] = attrib.get("formatCode", "")
    styles = [attrib for parent, tag, attrib in found if tag == _XF and parent == _CELL_XFS]
    dates = set()
    for index, attrib in enumerate(styles):
        number = attrib.get("numFmtId", "0")
        code = formats.get(int(number)) if number.isdigit() else None
        if is_date_format(code) and not is_timedelta_format(code):
            dates.add(index)
    return dates


@dataclass
class _Text:
    """The characters of one cell as they arrive: every one is counted, the first `max_cell_length` are kept."""

    limits: ReadLimits
    file_name: str
    parts: list[str] = field(default_factory=list)
    kept: int = 0
    seen: int = 0

    def reset(self) -> None:
        self.parts, self.kept, self.seen = [], 0, 0

    def add(self, text: str) -> None:
        self.seen += len(text)
        if self.seen > self.limits.max_raw_cell_length:
            raise FeedbackInputError(
                f"{self.file_name} bevat een cel met meer dan {dutch_number(self.limits.max_raw_cell_length)} "
                "tekens; zo'n cel maakt Excel niet (Excel stopt bij 32.767). Controleer het bestand, of sla het op "
                "als CSV (UTF-8) en upload dat."
            )
        room = self.limits.max_cell_length - self.kept
        if room > 0:
            self.parts.append(text[:room])
            self.kept += min(room, len(text))

    @property
    def cut(self) -> bool:
        return self.seen > self.limits.max_cell_length

    def value(self) -> str:
        text = "".join(self.parts)
        return _ESCAPE.sub(lambda match: chr(int(match[1], 16)), text) if "_x" in text else text


class _SharedStrings(_Target):
    """The shared-strings table, read only as far as the sheet refers to it, within the limits."""

    def __init__(self, archive: zipfile.ZipFile, name: str | None, *, limits: ReadLimits, file_name: str) -> None:
        self.strings: list[str] = []
        self.cut: set[int] = set()
        self.limits, self.file_name = limits, file_name
        self.text = _Text(limits, file_name)
        self.characters, self.in_text, self.phonetic = 0, False, 0
        self.part = None
        if name is not None:
            self.part = _Part(archive, name, self, limit=limits.max_part_bytes, file_name=file_name)

    def get(self, index: int) -> tuple[str, bool]:
        """The text at `index` and whether it was cut."""
        if index >= self.limits.max_shared_strings:  # the table would have to be too big: no need to read it
            raise self._too_many()
        while index >= len(self.strings) and self.part is not None and self.part.step():
            pass
        if not 0 <= index < len(self.strings):
            raise _broken(self.file_name)
        return self.strings[index], index in self.cut

    def close(self) -> None:
        if self.part is not None:
            self.part.close()

    def _too_many(self) -> FeedbackInputError:
        what = f"meer dan {dutch_number(self.limits.max_shared_strings)} verschillende teksten"
        return _too_big(self.file_name, what)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.progress += 1
        if tag == _ITEM:
            self.text.reset()
        elif tag == _TEXT:
            self.in_text = not self.phonetic  # the phonetic guide of Japanese text is not the text
        elif tag == _PHONETIC:
            self.phonetic += 1
        elif tag == _SST:
            # Stop at once when the file says how many there are; a lying count is caught while reading.
            declared = attrib.get("uniqueCount") or attrib.get("count") or ""
            if declared.isdigit() and int(declared) > self.limits.max_shared_strings:
                raise self._too_many()

    def end(self, tag: str) -> None:
        self.progress += 1
        if tag == _TEXT:
            self.in_text = False
        elif tag == _PHONETIC:
            self.phonetic -= 1
        elif tag == _ITEM:
            if len(self.strings) >= self.limits.max_shared_strings:
                raise self._too_many()
            text = self.text.value()
            self.characters += len(text)
            if self.characters > self.limits.max_shared_characters:
                what = f"meer dan {dutch_number(self.limits.max_shared_characters)} tekens tekst"
                raise _too_big(self.file_name, what)
            if self.text.cut:
                self.cut.add(len(self.strings))
            self.strings.append(text)

    def data(self, text: str) -> None:
        self.progress += 1
        if self.in_text:
            self.text.add(text)


def _column(reference: str, file_name: str) -> int:
    """1 for "A7", 28 for "AB7"."""
    number = 0
    for char in reference:
        if not "A" <= char <= "Z":
            break
        number = number * 26 + ord(char) - 64
        if number > _MAX_COLUMN:
            raise _broken(file_name)
    if not number:
        raise _broken(file_name)
    return number


def _number(text: str) -> int | float | None:
    try:
        return float(text) if any(char in text for char in ".eE") else int(text)
    except ValueError:
        return None


class _Sheet(_Target):
    """Parser target for a worksheet: completed rows with a value collect in `rows` until the reader takes them."""

    def __init__(
        self, *, strings: _SharedStrings, dates: set[int], epoch: dt.datetime, limits: ReadLimits, file_name: str
    ) -> None:
        self.strings, self.dates, self.epoch = strings, dates, epoch
        self.limits, self.file_name = limits, file_name
        self.rows: list[Record] = []
        self.row = self.column = self.cells = self.style = self.all_cells = 0
        self.values: list[object] = []
        self.cut: set[int] = set()
        self.text = _Text(limits, file_name)
        self.kind = "n"
        self.keep = self.in_text = self.in_inline = False
        self.phonetic = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.progress += 1
        if tag == _CELL:
            # Every cell costs time, also an empty one beyond the columns that are read: count them all.
            self.cells += 1
            self.all_cells += 1
            if self.cells > self.limits.max_row_cells:
                raise FeedbackInputError(
                    f"Rij {self.row} van {self.file_name} heeft meer dan {dutch_number(self.limits.max_row_cells)} "
                    f"cellen; denkraam leest hoogstens {self.limits.max_columns} kolommen. Verwijder de lege of "
                    "overbodige kolommen (ook opgemaakte lege cellen) en upload het bestand opnieuw, of sla het op "
                    "als CSV (UTF-8)."
                )
            if self.all_cells > self.limits.max_cells:
                raise _too_big(self.file_name, f"meer dan {dutch_number(self.limits.max_cells)} cellen")
            attributes = dict(attrib) if attrib else {}  # one copy: lxml's mapping is slow to ask thrice
            reference = attributes.get("r")
            self.column = _column(reference, self.file_name) if reference else self.column + 1
            self.keep = self.column <= self.limits.max_columns + 1
            if self.keep:
                self.kind = attributes.get("t", "n")
                style = attributes.get("s", "")
                self.style = int(style) if style.isdigit() and len(style) < 10 else 0
                self.text.reset()
        elif tag == _VALUE:
            self.in_text = self.keep  # the text of a cell beyond the columns read is not even counted
        elif tag == _TEXT:
            self.in_text = self.keep and self.in_inline and not self.phonetic
        elif tag == _INLINE:
            self.in_inline = True
        elif tag == _PHONETIC:
            self.phonetic += 1
        elif tag == _ROW:
            reference = attrib.get("r")
            previous = self.row
            if reference is None:
                self.row += 1
            elif reference.isdigit() and len(reference) <= len(str(_MAX_ROWS)):
                self.row = int(reference)
            else:
                raise _broken(self.file_name)
            if not previous < self.row <= _MAX_ROWS:  # Excel writes rows in order, each once
                raise _broken(self.file_name)
            self.column = self.cells = 0
            self.values, self.cut = [], set()

    def end(self, tag: str) -> None:
        self.progress += 1
        if tag == _CELL:
            if self.keep and self.text.seen:
                value, cut = self._value()
                if value is not None:
                    index = self.column - 1
                    self.values.extend([None] * (index + 1 - len(self.values)))
                    self.values[index] = value
                    if cut:
                        self.cut.add(index)
        elif tag in (_VALUE, _TEXT):
            self.in_text = False
        elif tag == _INLINE:
            self.in_inline = False
        elif tag == _PHONETIC:
            self.phonetic -= 1
        elif tag == _ROW:  # also a row without values: the caller counts the rows it has looked at
            self.rows.append(Record(row=self.row, values=self.values, cut=frozenset(self.cut)))

    def data(self, text: str) -> None:
        self.progress += 1
        if self.in_text:
            self.text.add(text)

    def _value(self) -> tuple[object, bool]:
        kind = self.kind
        if kind == "s":
            index = _number(self.text.value().strip())
            if not isinstance(index, int):
                raise _broken(self.file_name)
            return _SharedIndex(index), False  # looked up when the row is taken (a header read needs row 1 only)
        if kind in ("inlineStr", "str"):
            return self.text.value() or None, self.text.cut
        raw = self.text.value().strip()
        if not raw or kind == "e":  # an empty cell or an error such as #N/A
            return None, False
        if kind == "b":
            return raw in ("1", "true"), False
        if kind == "d":
            return raw, False  # an ISO 8601 date; the date reader understands it
        number = _number(raw)
        if number is not None and self.style in self.dates:
            try:
                return from_excel(number, self.epoch), False
            except (OverflowError, ValueError):
                pass
        return number, False


@dataclass(frozen=True, slots=True)
class _SharedIndex:
    """A cell that refers to the shared strings, until its row is taken."""

    index: int


def _resolved(record: Record, strings: _SharedStrings) -> Record:
    if not any(isinstance(value, _SharedIndex) for value in record.values):
        return record
    values, cut = list(record.values), set(record.cut)
    for index, value in enumerate(values):
        if isinstance(value, _SharedIndex):
            text, was_cut = strings.get(value.index)
            values[index] = text or None
            if was_cut:
                cut.add(index)
    return Record(row=record.row, values=values, cut=frozenset(cut))


def _sheet_part(book: _Book, sheet: str | None, file_name: str) -> str:
    worksheets = [(name, part) for name, kind, part in book.sheets if kind.endswith("/worksheet")]
    if sheet is None:
        if not worksheets:
            raise FeedbackInputError(f"{file_name} heeft geen werkbladen.")
        return worksheets[0][1]
    for name, part in worksheets:
        if name == sheet:
            return part
    names = ", ".join(f'"{name}"' for name, _kind, _part in book.sheets)
    raise FeedbackInputError(f'Werkblad "{sheet}" staat niet in {file_name}. Beschikbare werkbladen: {names}.')


def xlsx_records(
    path: Path, *, file_name: str, limits: ReadLimits, sheet: str | None = None
) -> Generator[Record, None, None]:
    """The rows of the first (or the named) worksheet, each at most `max_columns + 1` cells (maybe none).

    Raises `FeedbackInputError` for a broken file and for one beyond `limits`, as soon as that shows.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            if len(archive.infolist()) > limits.max_parts:
                raise _broken(file_name)
            book = _book(archive, limits=limits, file_name=file_name)
            part_name = _sheet_part(book, sheet, file_name)
            dates = _date_styles(archive, book.styles, limits=limits, file_name=file_name)
            strings = _SharedStrings(archive, book.shared_strings, limits=limits, file_name=file_name)
            target = _Sheet(strings=strings, dates=dates, epoch=book.epoch, limits=limits, file_name=file_name)
            part = _Part(archive, part_name, target, limit=limits.max_part_bytes, file_name=file_name)
            try:
                while part.step():
                    rows, target.rows = target.rows, []
                    for row in rows:
                        yield _resolved(row, strings)
                for row in target.rows:
                    yield _resolved(row, strings)
            finally:
                part.close()
                strings.close()
    except FeedbackInputError:
        raise
    except (
        zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, RuntimeError, NotImplementedError, ValueError,
        etree.LxmlError,
    ) as error:  # fmt: skip
        raise _broken(file_name) from error
