"""The text of an OpenDocument text file (.odt, LibreOffice and OpenOffice), read like a .docx: the same zip-bomb
checks before anything is unpacked, the XML streamed in chunks through lxml to a parser target (no tree), unpacked
bytes, characters and time counted while reading.

An .odt is recognised by its content, not its name: a zip whose `mimetype` member says
`application/vnd.oasis.opendocument.text`. What counts as text is what the writer sees in the flow of the
document: paragraphs and headings of the body in order (table cells and list items each on their own line), with
tabs, line breaks and repeated spaces; not comments, footnotes, tracked deletions or text boxes (a .docx is read
the same way). Headers and footers of the page styles (styles.xml) come first and last, each line once.

ODF never has a document type declaration, so a DTD is refused outright: no entity is ever defined, let alone
expanded (the "billion laughs" attack).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

from .limits import Deadline, InputError, too_long
from .word import ARCHIVE_ERRORS, Budget, DocxLines, check_archive, stream_member

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PARAGRAPHS = {f"{_TEXT}p", f"{_TEXT}h"}
_SPACE, _COUNT = f"{_TEXT}s", f"{_TEXT}c"
_INLINE = {f"{_TEXT}tab": "\t", f"{_TEXT}line-break": "\n", f"{_TEXT}soft-page-break": ""}
# Subtrees that are not in the flow of the text: comments, footnotes and endnotes, tracked changes (they hold the
# deleted text), text boxes and the descriptions of drawings.
_SKIPPED = {
    f"{_OFFICE}annotation",
    f"{_TEXT}note",
    f"{_TEXT}tracked-changes",
    f"{_DRAW}text-box",
    "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title",
    "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc",
}
_HEADERS = {f"{_STYLE}header", f"{_STYLE}header-first", f"{_STYLE}header-left"}
_FOOTERS = {f"{_STYLE}footer", f"{_STYLE}footer-first", f"{_STYLE}footer-left"}
_BODY = f"{_OFFICE}body"
# Whitespace in ODF text collapses to one space (repeated spaces are written as <text:s text:c="3"/>).
_WHITESPACE = re.compile(r"[ \t\r\n]+")
# A <text:s> may claim any number of spaces; more than this on one line is never meant.
_MAX_SPACES = 100
WHAT = "OpenDocument-bestand"
BROKEN = "Het OpenDocument-bestand (.odt) is beschadigd."


class _DoctypeRefused(Exception):
    """A document type declaration in an ODF part: never legitimate, so the file is refused."""


@dataclass(slots=True)
class _OdfText:
    """Parser target for content.xml or styles.xml: the lines of the body, or of the headers and footers."""

    budget: Budget
    lines: dict[str, list[str]] = field(default_factory=lambda: {"body": [], "header": [], "footer": []})
    region: list[str] = field(default_factory=list)
    paragraphs: list[list[str]] = field(default_factory=list)
    skipped: int = 0

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _DoctypeRefused

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag in _SKIPPED:
            self.skipped += 1
        if self.skipped:
            return
        if tag == _BODY:
            self.region.append("body")
        elif tag in _HEADERS:
            self.region.append("header")
        elif tag in _FOOTERS:
            self.region.append("footer")
        elif not self.region:
            return
        elif tag in _PARAGRAPHS:
            self.paragraphs.append([])
        elif tag == _SPACE:
            count = attrib.get(_COUNT, "1")
            self._add(" " * min(int(count) if count.isdigit() else 1, _MAX_SPACES))
        elif tag in _INLINE:
            self._add(_INLINE[tag])

    def end(self, tag: str) -> None:
        if self.skipped:
            self.skipped -= tag in _SKIPPED
            return
        if tag == _BODY or tag in _HEADERS or tag in _FOOTERS:
            if self.region:
                self.region.pop()
        elif tag in _PARAGRAPHS and self.paragraphs:
            line = "".join(self.paragraphs.pop()).strip()
            if line and self.region:
                self.lines[self.region[-1]].append(line)

    def data(self, text: str) -> None:
        if not self.skipped:
            self._add(_WHITESPACE.sub(" ", text))

    def _add(self, text: str) -> None:
        if self.paragraphs:
            self.paragraphs[-1].append(text)
            self.budget.chars -= len(text)

    def close(self) -> None:
        return None


def is_odt(data: bytes) -> bool:
    """Whether zip bytes are an OpenDocument file (of any kind); `odt_lines` refuses the kinds that are not text."""
    return _mimetype(data) is not None


def _mimetype(data: bytes) -> bytes | None:
    # Read from the zip's directory, not from the first bytes: not every writer puts the mimetype first.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("mimetype")
            if info.file_size > 200:
                return None
            return archive.read(info).strip()
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, zlib.error, EOFError, NotImplementedError, RuntimeError):
        return None


def _parse(archive: zipfile.ZipFile, name: str, target: _OdfText, budget: Budget) -> None:
    # No DTDs (refused by the target), no entities, no network, libxml2's own bounds (huge_tree off).
    parser = etree.XMLParser(
        target=cast("etree.ParserTarget[None]", target),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_pis=True,
        remove_comments=True,
    )
    for chunk in stream_member(archive, name, budget, what=WHAT):
        parser.feed(chunk)
        if budget.chars < 0:
            raise too_long()
    parser.close()


def odt_lines(data: bytes, *, deadline: Deadline) -> DocxLines:
    """Headers, body and footers of an .odt, each as its lines; raises InputError (Dutch) for what it refuses."""
    mimetype = _mimetype(data)
    if mimetype is None or not mimetype.startswith(b"application/vnd.oasis.opendocument."):
        raise InputError(BROKEN)
    if mimetype != ODT_MIMETYPE:
        raise InputError(
            "Dit is een OpenDocument-bestand, maar geen tekstdocument (.odt). Sla het op als .odt, .docx of .txt."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(BROKEN) from None
    names = {member.filename for member in members}
    if "content.xml" not in names:
        raise InputError(BROKEN)
    check_archive(members, what=WHAT)
    budget = Budget(deadline=deadline)
    body = _OdfText(budget)
    styles = _OdfText(budget)
    try:
        _parse(archive, "content.xml", body, budget)
        if "styles.xml" in names:
            _parse(archive, "styles.xml", styles, budget)
    except (_DoctypeRefused, *ARCHIVE_ERRORS):
        raise InputError(BROKEN) from None
    body_lines = body.lines["body"]
    in_body = set(body_lines)
    headers = list(dict.fromkeys(styles.lines["header"] + body.lines["header"]))
    footers = list(dict.fromkeys(styles.lines["footer"] + body.lines["footer"]))
    return DocxLines(headers, body_lines, [line for line in footers if line not in in_body])


def odt_text(data: bytes, *, deadline: Deadline) -> str:
    """Headers, body and footers of an .odt as lines of text; raises InputError (Dutch) for what it refuses."""
    return odt_lines(data, deadline=deadline).text
