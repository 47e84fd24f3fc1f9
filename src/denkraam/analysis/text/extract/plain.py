"""Plain text and Markdown: decoding (UTF-8, UTF-16, cp1252, else a guess) and Markdown syntax stripped.

Every Markdown pattern runs in linear time. A pattern that may scan far from where it starts (to a closing
marker, the end of a run of spaces) cannot start again inside what it scanned: the scanned part never contains its
own opening marker, and whitespace is only [ \\t], never a newline. The naive patterns took a minute for 80 kB of
`**woord ` openers that never close.
"""

from __future__ import annotations

import re

from .limits import InputError

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


def utf8_head(data: bytes) -> bytes:
    """The first 2 kB of text bytes as UTF-8, to recognise a format without decoding the whole file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data[:4096].decode("utf-16", errors="ignore").encode("utf-8")[:2048]
    return data.removeprefix(b"\xef\xbb\xbf")[:2048]


def _checked_text(text: str) -> str:
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError("Dit lijkt een binair bestand, geen tekst (binary file, not text)")
    return text


def _heading(match: re.Match[str]) -> str:
    # A closing sequence of #'s counts only after a space: "C#" stays "C#".
    title = match.group(1).rstrip(" \t")
    bare = title.rstrip("#")
    return bare.rstrip(" \t") if bare != title and (not bare or bare[-1] in " \t") else title


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE), ""),  # code fence markers
    # horizontal rules
    (re.compile(r"^[ \t]{0,3}(?:\*[ \t]*\*[ \t]*\*|-[ \t]*-[ \t]*-|_[ \t]*_[ \t]*_)[ \t*_-]*$", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # blockquotes
    (re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE), r"\1"),  # list markers
    (re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)"), r"\1"),  # links: keep the link text
    (re.compile(r"^[ \t]*\[[^\[\]\n]+\]:[ \t]*\S.*$", re.MULTILINE), ""),  # reference definitions
    (re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*"), r"\1"),  # bold
    (re.compile(r"__(?=\S)([^_\n]+?)(?<=\S)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<![\w*])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
    (
        re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*(?:\|[ \t]*)?$", re.MULTILINE),
        "",
    ),  # table separators
    (re.compile(r"\|[ \t]*|(?<![ \t])[ \t]+\|[ \t]*"), "\n"),  # table cells on their own line
    (re.compile(r"<[^<>\n]+>"), ""),  # inline HTML tags
)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+([^\n]*)$", re.MULTILINE)


def markdown_to_text(raw: str) -> str:
    """Strip Markdown syntax, keeping the words a reader sees."""
    text = _MD_RULES[0][0].sub("", raw)
    text = _HEADING.sub(_heading, text)
    for pattern, replacement in _MD_RULES[1:]:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
