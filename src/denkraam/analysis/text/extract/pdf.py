"""The text of a PDF with pypdf, bounded: pypdf's own limits made stricter, the deadline checked before every page
and before every content-stream operator (also inside form XObjects), at most MAX_PDF_CONTENT_BYTES of page
content unpacked per document, and pages that draw the very same content with the same resources read once.

pypdf parses a page's content stream each time the page is read. A small file whose 400 pages all point to one
heavy stream used to cost 400 parses (five minutes); now it costs one.
"""

from __future__ import annotations

import io
import logging
import re
from typing import TYPE_CHECKING, Any

from .limits import (
    MAX_PDF_CONTENT_BYTES,
    MAX_PDF_OBJECTS,
    MAX_PDF_PAGES,
    MAX_PDF_STREAM_BYTES,
    MAX_PDF_STREAM_TOKENS,
    MAX_TEXT_CHARS,
    Deadline,
    InputError,
    too_heavy_pdf,
    too_long,
)

if TYPE_CHECKING:
    from pypdf import PageObject

BROKEN = "De PDF is beschadigd of kan niet worden gelezen (broken PDF file)"
# Operators that show text or draw a form that may: a page without any of them is a picture, with no text to find.
_MAY_SHOW_TEXT = re.compile(rb"T[jJ]|['\"]|Do")
# Resources compared by value only when they are this small (a handful of fonts); bigger ones by identity.
_SMALL_RESOURCES = 256

_PYPDF_LIMITS: dict[str, int] = {
    "zlib_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "brotli_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "stream_decoding_work_maximum_length": 4 * MAX_PDF_STREAM_BYTES,
    "stream_parsing_work_maximum_count": MAX_PDF_STREAM_TOKENS,
    "page_tree_maximum_entries": 4 * MAX_PDF_PAGES,
    "page_tree_maximum_page_entries": 100 * MAX_PDF_PAGES,
}


def _entries(value: Any, budget: int) -> int:
    """How many entries a direct resources dictionary has, nested dictionaries included, counting up to `budget`."""
    from pypdf.generic import DictionaryObject

    count = 0
    stack = [value]
    while stack and count <= budget:
        item = stack.pop()
        if isinstance(item, DictionaryObject):
            count += len(item)
            stack.extend(item.values())
    return count


class _Pages:
    """Reads pages one by one within the document's budgets, remembering the text of content already read."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.unpacked_bytes = 0
        self.seen: set[int] = set()
        self.read: dict[tuple[tuple[int, int], ...], list[tuple[Any, str]]] = {}

    def _visit(self, operator: bytes, operands: Any, cm: Any, tm: Any) -> None:
        # Called by pypdf before every operator, in forms too: the deadline also stops one very heavy page.
        self.deadline.check()

    def _unpack(self, stream: Any) -> bytes:
        """A stream's unpacked bytes (pypdf keeps them), counted once against the document's budget."""
        data: bytes = stream.get_data()  # pypdf refuses a stream over MAX_PDF_STREAM_BYTES
        if id(stream) not in self.seen:
            self.seen.add(id(stream))
            self.unpacked_bytes += len(data)
            if self.unpacked_bytes > MAX_PDF_CONTENT_BYTES:
                raise too_heavy_pdf()
        return data

    def _unpack_resources(self, resources: Any) -> None:
        """Unpack, and so count, every stream pypdf may unpack while reading the page's text: forms (and their own
        resources), font programs and character maps; never images. Without this, a page that draws a thousand
        different forms of 8 MB each would fill a gigabyte before the deadline."""
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

        stack = [resources]
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                item = item.get_object()
            if not isinstance(item, (DictionaryObject, ArrayObject)) or id(item) in self.seen:
                continue
            if isinstance(item, StreamObject):
                if item.get("/Subtype") == "/Image":
                    continue
                self._unpack(item)
            else:
                self.seen.add(id(item))
            if len(self.seen) > MAX_PDF_OBJECTS:
                raise too_heavy_pdf()
            stack.extend(item.values() if isinstance(item, DictionaryObject) else item)

    def _content(self, page: PageObject) -> tuple[tuple[tuple[int, int], ...], bytes] | None:
        """The references of the page's content streams and their unpacked bytes."""
        from pypdf.generic import ArrayObject, IndirectObject, StreamObject

        raw = page.get("/Contents")
        refs = list(raw) if isinstance(raw, ArrayObject) else [raw]
        if raw is None or not all(isinstance(ref, IndirectObject) for ref in refs):
            return None
        data = bytearray()
        for ref in refs:
            stream = ref.get_object()
            if isinstance(stream, StreamObject):
                data += self._unpack(stream)
        return tuple((ref.idnum, ref.generation) for ref in refs), bytes(data)

    def text(self, page: PageObject) -> str:
        self.deadline.check()
        content = self._content(page)
        resources = page.get("/Resources")
        if content is None:
            self._unpack_resources(resources)
            return page.extract_text(visitor_operand_before=self._visit) or ""
        key, data = content
        for seen, text in self.read.get(key, []):
            if seen is resources or (_entries(resources, _SMALL_RESOURCES) <= _SMALL_RESOURCES and seen == resources):
                return text
        text = ""
        if _MAY_SHOW_TEXT.search(data):
            self._unpack_resources(resources)
            text = page.extract_text(visitor_operand_before=self._visit) or ""
        self.read.setdefault(key, []).append((resources, text))
        return text


def pdf_text(data: bytes, *, deadline: Deadline) -> str:
    """The text of every page, pages separated by a blank line; raises InputError (Dutch) for what it refuses."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    # pypdf logs warnings for every small defect; the user gets our message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pages: list[str] = []
    try:
        with apply_configuration(None, **_PYPDF_LIMITS):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError("De PDF is beveiligd met een wachtwoord (encrypted PDF)")
            if len(reader.pages) > MAX_PDF_PAGES:
                raise InputError(f"De PDF heeft te veel pagina's, het maximum is {MAX_PDF_PAGES} (too many pages)")
            reading = _Pages(deadline)
            total = 0
            for page in reader.pages:
                text = reading.text(page)
                total += len(text)
                if total > MAX_TEXT_CHARS:
                    raise too_long()
                pages.append(text.strip())
    except InputError:
        raise
    except LimitReachedError:
        raise too_heavy_pdf() from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
        raise InputError(BROKEN) from None
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise InputError(
            "Er staat geen tekst in deze PDF; is het een scan? (no text in this PDF, perhaps a scanned image)"
        )
    return text
