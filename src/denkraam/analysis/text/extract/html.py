"""The visible text of an HTML document, streamed: lxml's HTML parser feeds a target in chunks, so no tree is
built (a page of millions of tiny elements used to cost close to a gigabyte) and the deadline is checked between
chunks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

from .limits import MAX_TEXT_CHARS, Deadline, too_long

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_DROPPED_TAGS = {"script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object", "canvas"}
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul", "legend", "option",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_CHUNK_CHARS = 64 * 1024
# Whitespace collapses later, so the raw text may be longer than the limit; this only stops a runaway page.
_MAX_RAW_CHARS = 4 * MAX_TEXT_CHARS


def looks_like_html(head: bytes, hint: str) -> bool:
    """Whether a file is HTML: from its extension when that says so, else from how it starts (UTF-8 bytes)."""
    if hint in {".html", ".htm", ".xhtml"}:
        return True
    if hint in {".txt", ".md", ".markdown"}:
        return False
    return bool(_HTML_START.match(head[:2048]))


@dataclass
class _VisibleText:
    """Parser target: text outside dropped and hidden elements, a line break around every block element."""

    parts: list[str] = field(default_factory=list)
    chars: int = 0
    dropped: int = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        if self.dropped or name in _DROPPED_TAGS or "hidden" in attrib:
            self.dropped += 1
        elif name in _BLOCK_TAGS:
            self.parts.append("\n")

    def end(self, tag: str) -> None:
        if self.dropped:
            self.dropped -= 1
        elif (tag.lower() if isinstance(tag, str) else "") in _BLOCK_TAGS:
            self.parts.append("\n")

    def data(self, text: str) -> None:
        if not self.dropped:
            self.parts.append(text)
            self.chars += len(text)

    def close(self) -> str:
        return "".join(self.parts)


def html_to_text(raw: str, *, deadline: Deadline | None = None) -> str:
    """Return the visible text of an HTML document: scripts, styles, templates and hidden parts dropped,
    block elements on their own line.

    Raises InputError (Dutch) when the deadline passes or the text is far over MAX_TEXT_CHARS.
    """
    target = _VisibleText()
    # lxml calls only the methods a target has; the stubs' protocol lists them all.
    parser = etree.HTMLParser(
        target=cast("etree.ParserTarget[str]", target), no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        for start in range(0, len(raw), _CHUNK_CHARS):
            parser.feed(raw[start : start + _CHUNK_CHARS])
            if target.chars > _MAX_RAW_CHARS:
                raise too_long()
            if deadline is not None:
                deadline.check()
        parser.close()
    except etree.LxmlError:  # nothing a parser could make sense of
        return ""
    # One pass over the whole text, not one per line: a page of a million tiny blocks has a million lines.
    text = _SPACES.sub(" ", target.close().replace("\r", ""))
    return "\n".join(line for line in map(str.strip, text.split("\n")) if line)
