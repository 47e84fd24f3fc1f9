"""The text of a .docx, streamed: the XML goes through lxml in chunks to a parser target, so no tree is built and
memory does not grow with the document. Unpacked bytes, characters and time are counted while reading; reading
stops at the first bound that is reached.

What counts as text is what Word shows: paragraphs of the body in document order (table cells each on their own
line), runs with tabs and line breaks, also inside hyperlinks, content controls and tracked insertions; not deleted
or moved-away text and not text boxes. Headers and footers of the sections (the default ones) come first and last,
each line once: contact details often live in the footer.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

from .limits import (
    DOCX_CHUNK_BYTES,
    MAX_COMPRESSION_RATIO,
    MAX_DOCX_MEMBERS,
    MAX_DOCX_UNCOMPRESSED,
    MAX_DOCX_XML_BYTES,
    MAX_TEXT_CHARS,
    Deadline,
    InputError,
    too_large_unpacked,
    too_long,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PARAGRAPH, _TEXT, _BREAK, _TYPE = f"{_W}p", f"{_W}t", f"{_W}br", f"{_W}type"
_INLINE = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
# Subtrees whose text Word does not show in the flow of the document (moved-away text; text boxes, which also
# come twice: once for new Word versions and once as a fallback drawing).
_SKIPPED = {
    f"{_W}moveFrom",
    f"{_W}txbxContent",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}
_HEADER_REFERENCE, _FOOTER_REFERENCE = f"{_W}headerReference", f"{_W}footerReference"
DOCUMENT = "word/document.xml"
BROKEN = "Het Word-bestand is beschadigd (broken .docx file)"


# What reading a broken or unsupported zip member raises (bad CRC, truncated, encrypted, another compression) or
# broken XML: for a .docx and an .odt alike, the file is "beschadigd".
ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    etree.XMLSyntaxError,
    zlib.error,
    EOFError,
    OSError,
    KeyError,
    NotImplementedError,
    RuntimeError,
)


@dataclass(slots=True)
class Budget:
    """What one document may still cost: unpacked XML bytes and extracted characters, plus the deadline."""

    deadline: Deadline
    xml_bytes: int = MAX_DOCX_XML_BYTES
    chars: int = MAX_TEXT_CHARS


@dataclass(slots=True)
class _PartText:
    """lxml parser target for one part (body, header or footer): its paragraphs as lines, nothing else kept."""

    budget: Budget
    lines: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)
    paragraphs: list[list[str]] = field(default_factory=list)
    in_text: int = 0
    skipped: int = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag in _SKIPPED:
            self.skipped += 1
        if self.skipped:
            return
        if tag == _PARAGRAPH:
            self.paragraphs.append([])
        elif tag == _TEXT:
            self.in_text += 1
        elif tag in _INLINE:
            self._add(_INLINE[tag])
        elif tag == _BREAK:
            if attrib.get(_TYPE, "textWrapping") == "textWrapping":  # page and column breaks are not text
                self._add("\n")
        elif tag in (_HEADER_REFERENCE, _FOOTER_REFERENCE) and attrib.get(_TYPE) == "default":
            (self.headers if tag == _HEADER_REFERENCE else self.footers).append(attrib.get(_R_ID, ""))

    def end(self, tag: str) -> None:
        if self.skipped:
            self.skipped -= tag in _SKIPPED
            return
        if tag == _PARAGRAPH and self.paragraphs:
            line = "".join(self.paragraphs.pop()).strip()
            if line:
                self.lines.append(line)
        elif tag == _TEXT and self.in_text:
            self.in_text -= 1

    def data(self, text: str) -> None:
        if self.in_text and not self.skipped:
            self._add(text)

    def _add(self, text: str) -> None:
        if self.paragraphs:
            self.paragraphs[-1].append(text)
            self.budget.chars -= len(text)

    def close(self) -> None:
        return None


def stream_member(
    archive: zipfile.ZipFile, name: str, budget: Budget, *, what: str = "Word-bestand"
) -> Iterable[bytes]:
    """The unpacked bytes of one member in chunks, counted against the budget before they are used."""
    info = archive.getinfo(name)
    if info.file_size > budget.xml_bytes:
        raise too_large_unpacked(what)
    with archive.open(info) as member:
        while chunk := member.read(DOCX_CHUNK_BYTES):
            budget.xml_bytes -= len(chunk)
            if budget.xml_bytes < 0:
                raise too_large_unpacked(what)
            budget.deadline.check()
            yield chunk


def _parse(archive: zipfile.ZipFile, name: str, target: _PartText | _Relationships, budget: Budget) -> None:
    # No DTDs, no entities, no network, libxml2's own bounds on depth and text size (huge_tree off).
    parser = etree.XMLParser(
        # lxml calls only the methods a target has; the stubs' protocol lists them all.
        target=cast("etree.ParserTarget[None]", target),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_pis=True,
    )
    for chunk in stream_member(archive, name, budget):
        parser.feed(chunk)
        if budget.chars < 0:
            raise too_long()
    parser.close()


def _part_lines(archive: zipfile.ZipFile, name: str, budget: Budget) -> _PartText:
    part = _PartText(budget)
    _parse(archive, name, part, budget)
    return part


@dataclass
class _Relationships:
    """Parser target for word/_rels/document.xml.rels: relationship id -> part name in the zip."""

    targets: dict[str, str] = field(default_factory=dict)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag == _RELATIONSHIP and attrib.get("TargetMode") != "External":
            target = attrib.get("Target", "")
            name = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join("word", target))
            self.targets[attrib.get("Id", "")] = name

    def end(self, tag: str) -> None:
        return None

    def close(self) -> None:
        return None


def _section_parts(
    archive: zipfile.ZipFile, names: set[str], ids: list[str], rels: _Relationships, budget: Budget
) -> list[str]:
    lines: list[str] = []
    for name in dict.fromkeys(rels.targets.get(rel_id, "") for rel_id in ids):
        if name in names:
            lines += _part_lines(archive, name, budget).lines
    return list(dict.fromkeys(lines))  # headers and footers repeat per section: each line once


def check_archive(members: list[zipfile.ZipInfo], *, what: str = "Word-bestand") -> None:
    # Zip bomb check BEFORE anything is unpacked: the sizes come from the central directory.
    total = sum(member.file_size for member in members)
    too_dense = any(
        member.file_size > 1_048_576 and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if len(members) > MAX_DOCX_MEMBERS or total > MAX_DOCX_UNCOMPRESSED or too_dense:
        raise InputError(
            f"Het {what} wordt geweigerd: uitgepakt is het verdacht groot (zip bomb protection: "
            "uncompressed size or compression ratio too high)"
        )


@dataclass(frozen=True, slots=True)
class DocxLines:
    """The lines of a .docx as the text check reads them: `text` is headers, then body, then the footer lines
    that are not in the body. Writing comments back (`text.word_comments`) needs to know which is which."""

    headers: list[str]
    body: list[str]
    footers: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.headers + self.body + self.footers)


def docx_text(data: bytes, *, deadline: Deadline) -> str:
    """Headers, body and footers of a .docx as lines of text; raises InputError (Dutch) for what it refuses."""
    return docx_lines(data, deadline=deadline).text


def docx_lines(data: bytes, *, deadline: Deadline) -> DocxLines:
    """Headers, body and footers of a .docx, each as its lines; raises InputError (Dutch) for what it refuses."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(BROKEN) from None
    names = {member.filename for member in members}
    if DOCUMENT not in names:
        raise InputError("Dit zip-bestand is geen Word-document (.docx) (zip file, but not a .docx document)")
    check_archive(members)
    budget = Budget(deadline=deadline)
    try:
        body = _part_lines(archive, DOCUMENT, budget)
        rels = _Relationships()
        if (body.headers or body.footers) and "word/_rels/document.xml.rels" in names:
            _parse(archive, "word/_rels/document.xml.rels", rels, budget)
        header_lines = _section_parts(archive, names, body.headers, rels, budget)
        footer_lines = _section_parts(archive, names, body.footers, rels, budget)
    except ARCHIVE_ERRORS:
        raise InputError(BROKEN) from None
    in_body = set(body.lines)
    return DocxLines(header_lines, body.lines, [line for line in footer_lines if line not in in_body])
