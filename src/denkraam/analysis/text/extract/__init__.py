"""Input for the text check: turn a file or stdin into plain text, safely.

The file type is decided from the content (magic bytes), the extension is only a hint, because writers rename
files and a web form cannot be trusted. Every failure is an `InputError` with a Dutch message (English in
parentheses) that the CLI and the web app can show as is. Limits are checked before expensive work, so a huge
file or a zip bomb is refused in bounded time and memory.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from lxml import etree
from lxml import html as lxml_html

if TYPE_CHECKING:
    from docx.blkcntnr import BlockItemContainer
    from docx.document import Document as DocxDocument
    from docx.table import _Cell

DocumentKind = Literal["txt", "md", "html", "docx", "pdf"]

MAX_FILE_BYTES = 20 * 1024 * 1024
# The most text (in characters) one input may hold, about a thousand pages; pasted text in the web app too.
MAX_TEXT_CHARS = 2_000_000
# A real letter in .docx is a few hundred kB unpacked; 200 MB leaves room for big reports with images.
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_DOCX_MEMBERS = 5_000
# XML compresses about 10-20x; a ratio far above that is how zip bombs look.
MAX_COMPRESSION_RATIO = 100
MAX_PDF_PAGES = 2_000


class InputError(ValueError):
    """The input cannot be checked; the message is meant for the user (Dutch, English in parentheses)."""


@dataclass(frozen=True, slots=True)
class Document:
    """Text extracted from one input, with what we found out about it."""

    source: str
    kind: DocumentKind
    text: str
    encoding: str | None = None


def load_document(path: str | Path, *, stdin: BinaryIO | None = None) -> Document:
    """Read `path` (or stdin when `path` is "-") and return its visible text.

    Raises `InputError` for missing, too large, binary, broken or unsupported input.
    """
    name = str(path)
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_FILE_BYTES + 1)
        _check_size(len(data), name)
        return document_from_bytes(data, source="-")
    file_path = Path(path)
    try:
        size = file_path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"Bestand niet gevonden: {name} (file not found)") from None
    except OSError as exc:
        raise InputError(f"Bestand kan niet worden gelezen: {name} (cannot read file: {exc.strerror})") from None
    if file_path.is_dir():
        raise InputError(f"Dit is een map, geen bestand: {name} (is a directory)")
    # Check the size before reading, so a 50 MB file is refused without loading it.
    _check_size(size, name)
    try:
        data = file_path.read_bytes()
    except OSError as exc:
        raise InputError(f"Bestand kan niet worden gelezen: {name} (cannot read file: {exc.strerror})") from None
    _check_size(len(data), name)
    return document_from_bytes(data, source=name, hint=file_path.suffix.lower())


def document_from_bytes(data: bytes, *, source: str = "-", hint: str = "") -> Document:
    """Extract text from raw bytes; `hint` is the file extension (".md", ".html", ...), used only for text files."""
    _check_size(len(data), source)
    if not data.strip():
        raise InputError("Het bestand is leeg (the input is empty)")
    head = data[:1024]
    if b"%PDF-" in head:
        text, kind, encoding = _pdf_text(data), "pdf", None
    elif data.startswith(b"PK\x03\x04"):
        text, kind, encoding = _docx_text(data), "docx", None
    else:
        raw, encoding = decode_text(data)
        if _looks_like_html(raw, hint):
            text, kind = html_to_text(raw), "html"
        elif hint in {".md", ".markdown"}:
            text, kind = markdown_to_text(raw), "md"
        else:
            text, kind = raw, "txt"
    text = _normalise_newlines(text)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"De tekst is te lang: {len(text):,} tekens, het maximum is {MAX_TEXT_CHARS:,} (text too long)".replace(
                ",", "."
            )
        )
    if not text.strip():
        raise InputError("Er staat geen leesbare tekst in dit bestand (no readable text found)")
    return Document(source=source, kind=kind, text=text, encoding=encoding)  # type: ignore[arg-type]


def _check_size(size: int, source: str) -> None:
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"Het bestand is te groot: {size / 1_048_576:.1f} MB, het maximum is "
            f"{MAX_FILE_BYTES // 1_048_576} MB (file too large): {source}"
        )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- plain text and encodings ---------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, cp1252, else charset-normalizer's guess.

    Raises `InputError` when the bytes do not look like text at all (binary files).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked_text(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked_text(data.decode("utf-16", errors="replace")), "utf-16"
    if b"\x00" in data[:8192]:
        raise InputError("Dit lijkt een binair bestand, geen tekst (binary file, not text)")
    try:
        return _checked_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # Dutch text from older Windows tools is nearly always cp1252; it maps almost every byte, so only trust it
    # when none of its five undefined bytes occur.
    if not any(byte in _CP1252_UNDEFINED for byte in data):
        return _checked_text(data.decode("cp1252")), "cp1252"
    from charset_normalizer import from_bytes  # imported lazily: rarely needed

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError("De tekencodering van dit bestand is niet te herkennen (unknown text encoding)")
    return _checked_text(data.decode(best.encoding, errors="replace")), best.encoding


def _checked_text(text: str) -> str:
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError("Dit lijkt een binair bestand, geen tekst (binary file, not text)")
    return text


# --- HTML -----------------------------------------------------------------------------------------------------

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_DROPPED_TAGS = {"script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object", "canvas"}
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul", "legend", "option",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


def _looks_like_html(raw: str, hint: str) -> bool:
    if hint in {".html", ".htm", ".xhtml"}:
        return True
    if hint in {".txt", ".md", ".markdown"}:
        return False
    return bool(_HTML_START.match(raw[:2048].encode("utf-8", errors="ignore")))


def html_to_text(raw: str) -> str:
    """Return the visible text of an HTML document: scripts, styles, templates and hidden parts dropped,
    block elements on their own line."""
    try:
        root = lxml_html.document_fromstring(raw, parser=lxml_html.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # processing instructions, entities
            continue
        if element.tag.lower() in _DROPPED_TAGS or element.get("hidden") is not None:
            element.drop_tree()
    parts: list[str] = []
    # iterwalk instead of recursion: hostile HTML can nest very deeply.
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if element.text and isinstance(element.tag, str):
                parts.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).replace("\r", "").split("\n"))
    return "\n".join(line for line in lines if line)


# --- Markdown -------------------------------------------------------------------------------------------------

_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s*(```|~~~).*$", re.MULTILINE), ""),  # code fence markers
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^\s{0,3}(\*\s*\*\s*\*|-\s*-\s*-|_\s*_\s*_)[\s*_-]*$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # blockquotes
    (re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+", re.MULTILINE), r"\1"),  # list markers
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: keep the link text
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE), ""),  # reference definitions
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.MULTILINE), ""),  # table separators
    (re.compile(r"\s*\|\s*"), "\n"),  # table cells on their own line
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
)


def markdown_to_text(raw: str) -> str:
    """Strip Markdown syntax, keeping the words a reader sees."""
    text = raw
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


# --- DOCX -----------------------------------------------------------------------------------------------------


def _docx_text(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError("Het Word-bestand is beschadigd (broken .docx file)") from None
    names = {member.filename for member in members}
    if "word/document.xml" not in names:
        raise InputError("Dit zip-bestand is geen Word-document (.docx) (zip file, but not a .docx document)")
    # Zip bomb check BEFORE anything is unpacked: the sizes come from the central directory.
    total = sum(member.file_size for member in members)
    too_dense = any(
        member.file_size > 1_048_576 and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if len(members) > MAX_DOCX_MEMBERS or total > MAX_DOCX_UNCOMPRESSED or too_dense:
        raise InputError(
            "Het Word-bestand wordt geweigerd: uitgepakt is het verdacht groot (zip bomb protection: "
            "uncompressed size or compression ratio too high)"
        )
    import docx  # imported lazily: python-docx is slow to import and only needed here
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        header_lines: list[str] = []
        for section in document.sections:
            header_lines.extend(_docx_block_lines(section.header))
        body_lines = _docx_block_lines(document)
        footer_lines: list[str] = []
        for section in document.sections:
            footer_lines.extend(_docx_block_lines(section.footer))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError, AttributeError):
        raise InputError("Het Word-bestand is beschadigd (broken .docx file)") from None
    # Headers and footers repeat per section; keep each line once. Contact details often live in the footer.
    ordered = _dedupe(header_lines) + body_lines + [line for line in _dedupe(footer_lines) if line not in body_lines]
    return "\n".join(ordered)


def _dedupe(lines: list[str]) -> list[str]:
    return list(dict.fromkeys(lines))


def _docx_block_lines(container: DocxDocument | BlockItemContainer, depth: int = 0) -> list[str]:
    """Paragraphs and table cells in document order; nested tables to a bounded depth."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            if depth > 5:
                continue
            for row in block.rows:
                for cell in _unique_cells(row.cells):
                    lines.extend(_docx_block_lines(cell, depth + 1))
        else:
            text = block.text.strip()
            if text:
                lines.append(text)
    return lines


def _unique_cells(cells: Sequence[_Cell]) -> list[_Cell]:
    # Merged cells show up once per grid column; report their text once.
    unique: list[_Cell] = []
    for cell in cells:
        if not any(cell._tc is other._tc for other in unique):
            unique.append(cell)
    return unique


# --- PDF ------------------------------------------------------------------------------------------------------


def _pdf_text(data: bytes) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs warnings for every small defect; the user gets our message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("De PDF is beveiligd met een wachtwoord (encrypted PDF)")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise InputError(f"De PDF heeft te veel pagina's, het maximum is {MAX_PDF_PAGES} (too many pages)")
        pages: list[str] = []
        total = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > MAX_TEXT_CHARS:
                raise InputError(f"De tekst is te lang, het maximum is {MAX_TEXT_CHARS:,} tekens (text too long)")
            pages.append(text.strip())
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
        raise InputError("De PDF is beschadigd of kan niet worden gelezen (broken PDF file)") from None
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise InputError(
            "Er staat geen tekst in deze PDF; is het een scan? (no text in this PDF, perhaps a scanned image)"
        )
    return text
