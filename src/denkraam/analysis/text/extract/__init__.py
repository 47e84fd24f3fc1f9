"""Input for the text check: turn a file or stdin into plain text, safely.

The file type is decided from the content (magic bytes), the extension is only a hint, because writers rename
files and a web form cannot be trusted. Every failure is an `InputError` with a Dutch message (English in
parentheses) that the CLI and the web app can show as is. Reading is bounded in time and memory and stops as soon
as a bound is reached (`limits`): a huge file, a zip bomb or a PDF that repeats one heavy page is refused, or read
once, in seconds.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from .html import html_to_text, looks_like_html
from .limits import (
    EXTRACT_SECONDS,
    MAX_FILE_BYTES,
    MAX_PLAIN_TEXT_BYTES,
    MAX_TEXT_CHARS,
    Deadline,
    InputError,
    too_long,
)
from .odt import is_odt, odt_text
from .pdf import pdf_text
from .plain import decode_text, markdown_to_text, utf8_head
from .word import docx_text

__all__ = [
    "EXTRACT_SECONDS",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "Document",
    "DocumentKind",
    "InputError",
    "decode_text",
    "document_from_bytes",
    "html_to_text",
    "load_document",
    "markdown_to_text",
]

DocumentKind = Literal["txt", "md", "html", "docx", "odt", "pdf"]


@dataclass(frozen=True, slots=True)
class Document:
    """Text extracted from one input, with what we found out about it."""

    source: str
    kind: DocumentKind
    text: str
    encoding: str | None = None


def load_document(path: str | Path, *, stdin: BinaryIO | None = None, seconds: float = EXTRACT_SECONDS) -> Document:
    """Read `path` (or stdin when `path` is "-") and return its visible text, spending at most `seconds`.

    Raises `InputError` for missing, too large, binary, broken or unsupported input.
    """
    name = str(path)
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_FILE_BYTES + 1)
        _check_size(len(data), name)
        return document_from_bytes(data, source="-", seconds=seconds)
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
    return document_from_bytes(data, source=name, hint=file_path.suffix.lower(), seconds=seconds)


def document_from_bytes(
    data: bytes, *, source: str = "-", hint: str = "", seconds: float = EXTRACT_SECONDS
) -> Document:
    """Extract text from raw bytes within `seconds`; `hint` is the file extension (".md", ".html", ...), used only
    for text files."""
    _check_size(len(data), source)
    if not data.strip():
        raise InputError("Het bestand is leeg (the input is empty)")
    deadline = Deadline(seconds)
    kind: DocumentKind
    encoding: str | None = None
    if b"%PDF-" in data[:1024]:
        text, kind = pdf_text(data, deadline=deadline), "pdf"
    elif data.startswith(b"PK\x03\x04") and is_odt(data):
        text, kind = odt_text(data, deadline=deadline), "odt"
    elif data.startswith(b"PK\x03\x04"):
        text, kind = docx_text(data, deadline=deadline), "docx"
    else:
        is_html = looks_like_html(utf8_head(data), hint)
        if not is_html and len(data) > MAX_PLAIN_TEXT_BYTES:
            raise too_long()  # certainly too many characters: not worth decoding
        raw, encoding = decode_text(data)
        if is_html:
            text, kind = html_to_text(raw, deadline=deadline), "html"
        elif hint in {".md", ".markdown"}:
            text, kind = markdown_to_text(raw), "md"
        else:
            text, kind = raw, "txt"
    if len(text) > 2 * MAX_TEXT_CHARS:
        raise too_long(len(text))  # do not copy it to normalise the line endings first
    text = _normalise_newlines(text)
    if len(text) > MAX_TEXT_CHARS:
        raise too_long(len(text))
    if not text.strip():
        raise InputError("Er staat geen leesbare tekst in dit bestand (no readable text found)")
    return Document(source=source, kind=kind, text=text, encoding=encoding)


def _check_size(size: int, source: str) -> None:
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"Het bestand is te groot: {size / 1_048_576:.1f} MB, het maximum is "
            f"{MAX_FILE_BYTES // 1_048_576} MB (file too large): {source}"
        )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
