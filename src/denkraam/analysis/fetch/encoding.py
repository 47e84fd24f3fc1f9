"""Turning the bytes of a page into text: declared charset, then the page's own <meta>, then a guess."""

from __future__ import annotations

import codecs
import re

# The HTML standard looks for <meta charset> in the first 1024 bytes; allow some slack for long <head>s.
_META_WINDOW = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def normalise_charset(name: str | None) -> str | None:
    """The Python codec name for a charset label, or None when Python does not know it."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    # The web treats "latin-1"/"iso-8859-1"/"ascii" as windows-1252 (the HTML standard says so): it has € and quotes.
    if label in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso_8859-1"}:
        label = "windows-1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_document(body: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode a web document; returns (text, charset used).

    Order: byte-order mark, charset from the HTTP header, <meta charset> in the page, strict UTF-8, a statistical
    guess, and finally windows-1252 with replacement characters so decoding never fails.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode(name, errors="replace").lstrip("\ufeff"), name
    candidates: list[str] = []
    header = normalise_charset(declared)
    if header:
        candidates.append(header)
    match = _META_CHARSET.search(body[:_META_WINDOW])
    meta = normalise_charset(match.group(1).decode("ascii", "ignore")) if match else None
    if meta and meta not in candidates and not meta.startswith("utf-16"):
        # A page in bytes cannot really be UTF-16 when its <meta> was readable as ASCII.
        candidates.append(meta)
    if "utf-8" not in candidates:
        candidates.append("utf-8")
    for name in candidates:
        try:
            return body.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    guessed = _guess(body)
    if guessed:
        return body.decode(guessed, errors="replace"), guessed
    return body.decode("cp1252", errors="replace"), "cp1252"


def _guess(body: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported late: only needed for badly labelled pages

    best = from_bytes(body[:200_000]).best()
    return normalise_charset(best.encoding) if best is not None else None
