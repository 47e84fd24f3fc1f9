"""Every bound on reading one input, in one place, and the Dutch refusals that go with them.

Reading stops as soon as a bound is reached, never after: sizes are checked before anything is unpacked or
decoded, unpacked bytes and extracted characters are counted while reading, and a deadline is checked between
chunks, pages and content-stream operators. So a small crafted file costs seconds and tens of megabytes, not
minutes and gigabytes. Only the deadline can be changed (DENKRAAM_EXTRACT_SECONDS in the web app, because it
depends on the machine); the other bounds are far above any real letter or report.
"""

from __future__ import annotations

import time

# The largest input file (the web app's upload limit, DENKRAAM_MAX_UPLOAD_BYTES, is lower: 10 MB by default).
MAX_FILE_BYTES = 20 * 1024 * 1024
# The most text (in characters) one input may hold, about a thousand pages; pasted text in the web app too.
MAX_TEXT_CHARS = 2_000_000
# A UTF-8 or UTF-16 character takes at most 4 bytes: a plain-text file larger than this must be too long, so it is
# refused before it is decoded.
MAX_PLAIN_TEXT_BYTES = 4 * MAX_TEXT_CHARS
# The time one input may take to read (wall clock). pypdf needs about 70 ms for a page of a typical report, so
# this allows some 250 pages on an idle 2-core server; the other bounds stop hostile files long before.
EXTRACT_SECONDS = 20.0

# .docx: sizes from the zip's central directory are checked before anything is unpacked (Python's zipfile never
# unpacks more than a member declares), the unpacked XML is counted again while it streams through the parser.
MAX_DOCX_MEMBERS = 5_000
# All members together, as declared; the images are never unpacked, so this is only a sanity bound.
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
# XML compresses about 10-20x; a ratio far above that is how zip bombs look.
MAX_COMPRESSION_RATIO = 100
# The XML that is really read (body, headers, footers): a 1,000-page report has about 15 MB.
MAX_DOCX_XML_BYTES = 25 * 1024 * 1024
DOCX_CHUNK_BYTES = 64 * 1024

# .pdf: pypdf's own limits, made stricter, plus ours around it.
MAX_PDF_PAGES = 2_000
# One stream, unpacked, and all streams that reading the text unpacks (page contents, forms, fonts; never images)
# of one document together: pypdf keeps them in memory.
MAX_PDF_STREAM_BYTES = 8 * 1024 * 1024
MAX_PDF_CONTENT_BYTES = 64 * 1024 * 1024
# Objects of the pages' resources (fonts, forms and what they refer to) walked to count those streams.
MAX_PDF_OBJECTS = 100_000
# Operators and operands pypdf may parse in one content stream: about 1.5 s of work. A page of text has a few
# thousand; a page with more text operators than this is refused (a picture without text is skipped unparsed).
MAX_PDF_STREAM_TOKENS = 300_000


class InputError(ValueError):
    """The input cannot be checked; the message is meant for the user, in Dutch."""


def dutch_number(value: int) -> str:
    """2000000 -> "2.000.000": the Dutch thousands separator."""
    return f"{value:,}".replace(",", ".")


def too_long(chars: int | None = None) -> InputError:
    """The text is over MAX_TEXT_CHARS; `chars` when the whole text was counted, None when reading stopped."""
    counted = f"meer dan {dutch_number(MAX_TEXT_CHARS)}" if chars is None else dutch_number(chars)
    return InputError(
        f"De tekst is te lang: {counted} tekens, het maximum is {dutch_number(MAX_TEXT_CHARS)}. "
        "Voeg een deel van het document toe."
    )


def too_large_unpacked(what: str = "Word-bestand") -> InputError:
    return InputError(
        f"Dit {what} is uitgepakt te groot: meer dan {MAX_DOCX_XML_BYTES // 1_048_576} MB tekst en opmaak. "
        "Splits het document, of sla de tekst op als .txt-bestand en voeg dat toe."
    )


def too_heavy_pdf() -> InputError:
    return InputError(
        "Deze PDF is te zwaar om te lezen: te veel pagina's, tekenopdrachten of ingepakte gegevens. "
        "Sla de tekst op als .txt- of .docx-bestand en voeg dat toe. (PDF over the reading limits)"
    )


class Deadline:
    """The moment reading must stop; `check()` raises the Dutch refusal once it has passed."""

    __slots__ = ("end", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise InputError(
                f"Het lezen van dit bestand duurt te lang: denkraam is na {self.seconds:g} seconden gestopt. "
                "Is het een groot document? Voeg dan een deel ervan toe, of sla de tekst op als .txt-bestand."
            )
