"""The main content of a page: what the text check measures, without menus, cookie banners and footers.

In order: the page's `<main>` element, else the element with `role="main"`, else the largest block of running text,
found by text density (below), else the whole page. The result says which of these it measured, so a writer can
tell whether the check read the article or the site around it.

Text density: every paragraph-like element (p, li, td, dd, blockquote, pre, and a div with text of its own) that
has at least 25 characters, is mostly not link text and is not inside navigation, a header, a footer, an aside or
an element whose class or id says menu, cookie, banner, footer and the like, gives a score (1, plus its commas,
plus one per 100 characters up to 3) to its parent and half of it to its grandparent. The element with the highest
score, weighed by the share of its text that is not in links, is the largest content block. A menu of links or a
footer full of links scores nothing; an article of paragraphs scores by its paragraphs. Every walk is iterative,
over a tree that the page check has already parsed with its limits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from lxml import etree

from denkraam.analysis.webpage.document import is_hidden, tag_of, text_of, visible_text

WHOLE_PAGE = "hele pagina"
MAIN = "<main>"
ROLE_MAIN = "role=main"

_PARAGRAPHS = frozenset({"p", "li", "td", "dd", "blockquote", "pre", "div"})
_INVISIBLE = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math", "iframe", "object"})
_BOILERPLATE_TAGS = frozenset({"nav", "header", "footer", "aside", "dialog"})
_BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"}
)
# Words in a class or id that name site furniture, matched as whole parts of names like "site-footer". Not
# "header" or "sidebar": layouts call their content wrappers "page-header" or "with-sidebar".
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menubar|footer|cookie|cookies|cookiebar|consent|banner|"
    r"breadcrumb|breadcrumbs|skip|skiplink|social|share|toolbar|topbar)(?:$|[-_\s])",
    re.IGNORECASE,
)
_MIN_PARAGRAPH_CHARS = 25
_MAX_LINK_SHARE = 0.5
# Only the best-scoring candidates get the (linear) link-density weighing.
_WEIGHED_CANDIDATES = 5


@dataclass(frozen=True, slots=True)
class MainContent:
    """The element the text check measures, its visible text and which part of the page that is."""

    element: etree._Element
    text: str
    measured: str


def find_main_content(root: etree._Element) -> MainContent:
    """The main content of a parsed page (see the module docstring for the order)."""
    excluded = _excluded(root)
    mains = [element for element in root.iter("main") if element not in excluded]
    if mains:
        return _largest(mains, MAIN)
    roles = [
        element
        for element in root.iter(etree.Element)
        if "main" in (element.get("role") or "").lower().split() and element not in excluded
    ]
    if roles:
        return _largest(roles, ROLE_MAIN)
    block = _densest_block(root, excluded)
    body = root.find("body")
    whole = body if body is not None else root
    if block is None or block is whole or block is root:
        return MainContent(whole, visible_text(whole), WHOLE_PAGE)
    return MainContent(block, visible_text(block), f"grootste tekstblok ({_describe(block)})")


def _largest(elements: list[etree._Element], measured: str) -> MainContent:
    texts = [(visible_text(element), element) for element in elements]
    text, element = max(texts, key=lambda pair: len(pair[0]))
    return MainContent(element, text, measured)


def _is_boilerplate(element: etree._Element) -> bool:
    tag = tag_of(element)
    if tag in _BOILERPLATE_TAGS:
        return True
    if (element.get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(_BOILERPLATE_NAMES.search(names))


def _excluded(root: etree._Element) -> set[etree._Element]:
    """Elements a reader does not see, and site furniture, with everything inside them (one pass, no recursion)."""
    excluded: set[etree._Element] = set()
    for element in root.iter(etree.Element):
        parent = element.getparent()
        tag = tag_of(element)
        if (
            (parent is not None and parent in excluded)
            or tag in _INVISIBLE
            or is_hidden(element)
            or (tag not in {"html", "body", "main"} and _is_boilerplate(element))
        ):
            excluded.add(element)
    return excluded


def _own_text(element: etree._Element) -> str:
    """A div's own running text: its text and the tails of its children, not the text inside them."""
    parts = [element.text or ""] + [child.tail or "" for child in element]
    return " ".join("".join(parts).split())


def _link_chars(element: etree._Element) -> int:
    return sum(len(text_of(link)) for link in element.iter("a"))


def _densest_block(root: etree._Element, excluded: set[etree._Element]) -> etree._Element | None:
    scores: dict[etree._Element, float] = defaultdict(float)
    for element in root.iter(*_PARAGRAPHS):
        if element in excluded:
            continue
        text = _own_text(element) if tag_of(element) == "div" else text_of(element, with_alt=False)
        if len(text) < _MIN_PARAGRAPH_CHARS:
            continue
        if tag_of(element) != "div" and _link_chars(element) > _MAX_LINK_SHARE * len(text):
            continue
        score = 1 + text.count(",") + min(len(text) // 100, 3)
        parent = element.getparent()
        if parent is None:
            continue
        scores[parent] += score
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] += score / 2
    if not scores:
        return None
    best = sorted(scores.items(), key=lambda pair: pair[1], reverse=True)[:_WEIGHED_CANDIDATES]

    def weighed(pair: tuple[etree._Element, float]) -> float:
        element, score = pair
        chars = len(text_of(element, with_alt=False)) or 1
        return score * (1 - min(_link_chars(element) / chars, 1))

    return max(best, key=weighed)[0]


def _describe(element: etree._Element) -> str:
    """div.content, section#artikel, article: how a writer finds the block in the page's HTML."""
    tag = tag_of(element) or "?"
    classes = (element.get("class") or "").split()
    if classes:
        return f"{tag}.{classes[0]}"
    element_id = (element.get("id") or "").strip()
    return f"{tag}#{element_id}" if element_id else tag
