"""Hostile feedback files, built small: a deflated run of one byte shrinks about a thousandfold.

Used by the tests and by `benchmarks/hostile_feedback.py`. Every builder streams into the zip (or file), so building
a 200 MB cell never holds 200 MB in memory. Pure Python: no Django.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CHUNK = 1 << 20

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    b"</Types>"
)
_PACKAGE_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="xl/workbook.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    b"</Relationships>"
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>' % MAIN
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    b'<Relationship Id="rId2" Target="sharedStrings.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
    b"</Relationships>"
)
# A header "opmerking" (shared string 0) and one comment (shared string 1).
TWO_ROWS = b'<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'

Writer = Callable[[IO[bytes]], None]


def _sheet(rows: Writer | bytes) -> Writer:
    def write(out: IO[bytes]) -> None:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>' % MAIN)
        if isinstance(rows, bytes):
            out.write(rows)
        else:
            rows(out)
        out.write(b"</sheetData></worksheet>")

    return write


def _shared_strings(count: int, body: Writer) -> Writer:
    def write(out: IO[bytes]) -> None:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" uniqueCount="%d">' % (
            MAIN, count, count))  # fmt: skip
        body(out)
        out.write(b"</sst>")

    return write


def _repeat(out: IO[bytes], piece: bytes, times: int) -> None:
    """Write `piece` `times` times, in chunks of about a megabyte."""
    per_chunk = max(1, _CHUNK // len(piece))
    chunk = piece * per_chunk
    for _ in range(times // per_chunk):
        out.write(chunk)
    out.write(piece * (times % per_chunk))


def write_xlsx(path: Path, *, shared_strings: Writer, rows: Writer | bytes = TWO_ROWS) -> Path:
    """A minimal workbook (one sheet, shared strings, no styles) whose two big parts are streamed in."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        for name, writer in (("xl/worksheets/sheet1.xml", _sheet(rows)), ("xl/sharedStrings.xml", shared_strings)):
            with archive.open(name, "w", force_zip64=True) as out:
                writer(out)
    return path


def plain_strings(*texts: str) -> Writer:
    """Shared strings with the given texts, in order."""

    def write(out: IO[bytes]) -> None:
        for text in texts:
            out.write(b"<si><t>%s</t></si>" % text.encode())

    return _shared_strings(len(texts), write)


def huge_cell_xlsx(path: Path, *, characters: int = 200_000_000) -> Path:
    """The issue's file: a header cell of 200 million characters (about 200 KB on disk)."""

    def write(out: IO[bytes]) -> None:
        out.write(b"<si><t>")
        _repeat(out, b"a", characters)
        out.write(b"</t></si><si><t>Prima geholpen</t></si>")

    return write_xlsx(path, shared_strings=_shared_strings(2, write))


def many_strings(*, strings: int = 10_000_000, declared: int | None = None) -> Writer:
    """ "opmerking", "Prima geholpen" and then "x" until there are `strings`; `declared` sets a lying count."""

    def write(out: IO[bytes]) -> None:
        out.write(b"<si><t>opmerking</t></si><si><t>Prima geholpen</t></si>")
        _repeat(out, b"<si><t>x</t></si>", strings - 2)

    return _shared_strings(strings if declared is None else declared, write)


def many_strings_xlsx(path: Path, *, strings: int = 10_000_000) -> Path:
    """The issue's other file: ten million shared strings, about 400 KB on disk."""
    return write_xlsx(path, shared_strings=many_strings(strings=strings))


def huge_inline_cell_xlsx(path: Path, *, characters: int = 200_000_000) -> Path:
    """A comment of 200 million characters written in the sheet itself (an inline string), not in shared strings."""

    def rows(out: IO[bytes]) -> None:
        out.write(b'<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>')
        _repeat(out, b"b", characters)
        out.write(b"</t></is></c></row>")

    return write_xlsx(path, shared_strings=plain_strings("opmerking"), rows=rows)


def wide_row_xlsx(path: Path, *, cells: int = 10_000_000) -> Path:
    """A header row of ten million empty cells after the real one: one row element of about 40 MB."""

    def rows(out: IO[bytes]) -> None:
        out.write(b'<row r="1"><c t="s"><v>0</v></c>')
        _repeat(out, b"<c/>", cells)
        out.write(b'</row><row r="2"><c t="s"><v>1</v></c></row>')

    return write_xlsx(path, shared_strings=plain_strings("opmerking", "Prima geholpen"), rows=rows)


def wide_csv(path: Path, *, columns: int = 8_000_000) -> Path:
    """The issue's CSV: a header of eight million columns in 8 MB, then one comment."""
    with path.open("wb") as out:
        _repeat(out, b";", columns - 1)
        out.write(b"opmerking\n")
        _repeat(out, b";", columns - 1)
        out.write(b"Prima geholpen\n")
    return path


def endless_field_csv(path: Path, *, characters: int = 20_000_000) -> Path:
    """A quote that is never closed: the rest of the file (20 MB) is one field."""
    with path.open("wb") as out:
        out.write(b'opmerking\n"Dit antwoord stopt nooit ')
        _repeat(out, b"bla ", characters // 4)
    return path


def slow_sniffer_csv(path: Path) -> Path:
    """One column, then lines of `,"`: Python's csv.Sniffer needs over a minute for the first 64 KB of it."""
    with path.open("wb") as out:
        out.write(b"opmerking\n")
        _repeat(out, b',"\n', 100_000)
    return path


def empty_cells_xlsx(path: Path, *, rows: int = 3_000, cells: int = 2_000) -> Path:
    """A header, then rows of empty cells, each within the per-row limit: six million cells in about 250 KB."""

    def write(out: IO[bytes]) -> None:
        out.write(b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
        for number in range(2, rows + 2):
            out.write(b'<row r="%d">' % number)
            _repeat(out, b"<c/>", cells)
            out.write(b"</row>")

    return write_xlsx(path, shared_strings=plain_strings("opmerking"), rows=write)
