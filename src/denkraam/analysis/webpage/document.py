"""Parsing a page safely and reading text out of it: visible text, accessible names, short HTML snippets.

lxml only parses: nothing is executed, no network is used, and libxml2's default limits (no huge trees) stay on.
All tree walks are iterative, so a hostile page nested 100,000 levels deep cannot exhaust the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import unquote

import lxml.html
from lxml import etree

from denkraam.analysis.fetch.encoding import decode_document

EXCERPT_CHARS = 120

# Elements whose content a reader never sees as text on the page.
_INVISIBLE = frozenset(
    {"script", "style", "template", "noscript", "head", "title", "meta", "link", "svg", "math", "iframe", "object"}
)
# Elements that start a new block of text (a paragraph boundary in the visible text).
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "td", "th", "tr",
        "ul",
    }
)  # fmt: skip
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# C0 control characters (but tab, newline, carriage return) are not allowed in HTML and upset libxml2.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[^\S\n]+")
_MANY_BREAKS = re.compile(r"\n{3,}")
_PARSER = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_pis=True, recover=True)


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """A parsed page with the indexes every check needs, built once."""

    root: lxml.html.HtmlElement
    elements: list[etree._Element]
    ids: dict[str, etree._Element]
    url: str | None

    @classmethod
    def from_text(cls, text: str, *, url: str | None) -> ParsedPage:
        """Parse decoded HTML text."""
        root = parse_html(text)
        return cls(root=root, elements=elements(root), ids=id_index(root), url=url)


@dataclass(frozen=True, slots=True)
class Link:
    """A link on the page: its accessible name, its (percent-decoded) href and the element itself."""

    name: str
    href: str
    element: etree._Element


def page_links(page: ParsedPage) -> list[Link]:
    """All links (a and area with an href) in document order."""
    return [
        Link(name=accessible_name(element, page.ids), href=unquote(element.get("href", "").strip()), element=element)
        for element in page.root.iter("a", "area")
        if element.get("href") is not None
    ]


def decode_input(html: str | bytes) -> str:
    """The page as text: bytes are decoded by BOM, <meta charset>, UTF-8 or a guess."""
    text = decode_document(html)[0] if isinstance(html, bytes) else html
    return _CONTROL.sub("", text)


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse (never execute) a page; broken or empty markup gives an empty <html> rather than an error."""
    # Feeding UTF-8 bytes with an explicit encoding makes lxml ignore XML declarations and <meta charset> in the
    # already decoded text; lone surrogates (possible in Python strings) become "?".
    data = text.encode("utf-8", errors="replace")
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        root = lxml.html.document_fromstring(b"<html></html>", parser=_PARSER)
    return root


def elements(root: etree._Element) -> list[etree._Element]:
    """All elements (no comments) in document order."""
    return list(root.iter(etree.Element))


def tag_of(element: etree._Element) -> str:
    """The lower-case tag name, or "" for comments and processing instructions."""
    return element.tag.lower() if isinstance(element.tag, str) else ""


def visible_text(root: etree._Element) -> str:
    """The text a reader sees: scripts, styles, hidden elements and the <head> dropped; blocks become paragraphs."""
    parts = _collect(root, with_alt=False, blocks=True)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()


def text_of(element: etree._Element, *, with_alt: bool = True) -> str:
    """The text content of one element on one line, with the alt text of images inside it."""
    return " ".join("".join(_collect(element, with_alt=with_alt, blocks=False, own_tail=False)).split())


def accessible_name(element: etree._Element, ids: dict[str, etree._Element]) -> str:
    """A simplified accessible name: aria-labelledby, aria-label, the content (with img alt), then title."""
    labelledby = (element.get("aria-labelledby") or "").split()
    if labelledby:
        named = " ".join(text_of(ids[ref]) for ref in labelledby if ref in ids).strip()
        if named:
            return named
    label = " ".join((element.get("aria-label") or "").split())
    if label:
        return label
    content = text_of(element)
    if content:
        return content
    return " ".join((element.get("title") or "").split())


def id_index(root: etree._Element) -> dict[str, etree._Element]:
    """Elements by id (the first wins, as in browsers)."""
    index: dict[str, etree._Element] = {}
    for element in root.iter(etree.Element):
        key = element.get("id")
        if key and key not in index:
            index[key] = element
    return index


def snippet(element: etree._Element) -> str:
    """A short HTML snippet of the element for a finding's excerpt (raw HTML: consumers escape it)."""
    tag = tag_of(element) or "?"
    opening = opening_tag(element)
    if tag in _VOID:
        return truncate(opening)
    return truncate(f"{opening}{text_of(element)}</{tag}>")


def opening_tag(element: etree._Element) -> str:
    """The element's start tag with its attributes, as HTML."""
    attributes = "".join(f' {name}="{escape(str(value), quote=True)}"' for name, value in element.items())
    return f"<{tag_of(element) or '?'}{attributes}>"


def truncate(text: str, limit: int = EXCERPT_CHARS) -> str:
    """Cut text to `limit` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_hidden(element: etree._Element) -> bool:
    """Hidden for everyone: the `hidden` attribute, or inline display:none / visibility:hidden."""
    if element.get("hidden") is not None:
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _collect(root: etree._Element, *, with_alt: bool, blocks: bool, own_tail: bool = False) -> list[str]:
    parts: list[str] = []
    # Each stack entry: (node, closing). Closing entries add the block break and the node's tail after its children.
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        is_root = node is root
        tail = node.tail if (own_tail or not is_root) else None
        if closing:
            if blocks and tag_of(node) in _BLOCKS:
                parts.append("\n\n")
            if tail:
                parts.append(_flat(tail) if blocks else tail)
            continue
        tag = tag_of(node)
        if not tag or tag in _INVISIBLE or is_hidden(node):
            # Comments, scripts and hidden elements contribute nothing but the text that follows them.
            if tail:
                parts.append(_flat(tail) if blocks else tail)
            continue
        if tag == "br":
            parts.append("\n" if blocks else " ")
        elif tag == "img" and with_alt:
            parts.append(f" {node.get('alt') or ''} ")
        elif blocks and tag in _BLOCKS:
            parts.append("\n\n")
        if node.text and tag not in _VOID:
            parts.append(_flat(node.text) if blocks else node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return parts


def _flat(text: str) -> str:
    # A line break in the HTML source is just a space on screen; only the structure (blocks, <br>) breaks lines.
    return text.replace("\r", " ").replace("\n", " ")
