"""A structural check of a tagged PDF (PDF/UA-1) with pypdf, where veraPDF cannot be installed.

It checks what a screen reader relies on: the document is marked as tagged and has a structure tree, a language and
a title that viewers show, the XMP metadata claims PDF/UA-1, every page's content is marked and reachable from the
tree, figures have a text alternative, and the tree gives the text in reading order (`StructuredPdf.elements`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, IndirectObject, NumberObject


@dataclass(slots=True)
class Element:
    """One structure element: its tag (H1, P, Table, TH ...), its text in content order, and its alternative."""

    tag: str
    text: str
    alt: str | None


@dataclass(slots=True)
class StructuredPdf:
    problems: list[str]
    elements: list[Element] = field(default_factory=list)  # depth first: the reading order of the tree
    # Marked content that no element of the tree reaches, as text. WeasyPrint 70 leaves the page's margin boxes
    # (our footer) out of the tree: PDF 1.7 has no Artifact element, and it does not mark them as artifacts either.
    outside_tree: list[str] = field(default_factory=list)

    def texts(self, *tags: str) -> list[str]:
        """The text of every element with one of these tags, in reading order, with its line breaks as spaces."""
        return [" ".join(e.text.split()) for e in self.elements if e.tag in tags]


def _is_true(value: Any) -> bool:
    # pypdf's BooleanObject is truthy even when false; it compares equal to the Python value.
    return isinstance(value, BooleanObject) and value == BooleanObject(True)


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def _page_marked_texts(page: PageObject) -> dict[int, str]:
    """The text inside each marked-content sequence of one page, by MCID (nested sequences count for the inner)."""
    texts: dict[int, str] = {}
    stack: list[int | None] = []

    def before(operator: bytes, args: list[Any], cm: Any, tm: Any) -> None:
        if operator in (b"BDC", b"BMC"):
            properties = _resolve(args[1]) if operator == b"BDC" and len(args) > 1 else None
            mcid = properties.get("/MCID") if isinstance(properties, DictionaryObject) else None
            stack.append(int(mcid) if mcid is not None else None)
        elif operator == b"EMC" and stack:
            stack.pop()

    def text(value: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        mcid = next((m for m in reversed(stack) if m is not None), None)
        if mcid is not None:
            texts[mcid] = texts.get(mcid, "") + value

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def _marked_texts(reader: PdfReader) -> dict[tuple[int, int], str]:
    """The text inside each marked-content sequence, by (page number, MCID)."""
    return {
        (number, mcid): text
        for number, page in enumerate(reader.pages)
        for mcid, text in _page_marked_texts(page).items()
    }


def check_tagged_pdf(content: bytes, *, lang: str = "nl") -> StructuredPdf:
    """Check a PDF's structure for PDF/UA-1; `problems` lists what is wrong, in English."""
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    problems: list[str] = []
    mark_info = _resolve(root.get("/MarkInfo"))
    if not (isinstance(mark_info, DictionaryObject) and _is_true(mark_info.get("/Marked"))):
        problems.append("MarkInfo/Marked is not true")
    if str(root.get("/Lang", "")).split("-")[0].lower() != lang:
        problems.append(f"document language is {root.get('/Lang')!r}, not {lang!r}")
    title = (reader.metadata or {}).get("/Title")
    if not title or not str(title).strip():
        problems.append("no title in the document information")
    preferences = _resolve(root.get("/ViewerPreferences"))
    if not (isinstance(preferences, DictionaryObject) and _is_true(preferences.get("/DisplayDocTitle"))):
        problems.append("ViewerPreferences/DisplayDocTitle is not true")
    xmp = reader.xmp_metadata
    xml = xmp.stream.get_data().decode("utf-8", "replace") if xmp is not None else ""
    if not re.search(r"pdfuaid:part(=\"|>)1\b", xml):
        problems.append("the XMP metadata does not claim PDF/UA-1 (pdfuaid:part)")
    tree = _resolve(root.get("/StructTreeRoot"))
    if not isinstance(tree, DictionaryObject) or not tree.get("/K"):
        problems.append("no StructTreeRoot with elements")
        return StructuredPdf(problems=problems)

    page_numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}  # type: ignore[union-attr]
    texts = _marked_texts(reader)
    reached: set[tuple[int, int]] = set()
    elements: list[Element] = []

    def walk(node: Any, page: int | None) -> str:
        node = _resolve(node)
        if isinstance(node, NumberObject | int):
            if page is not None:
                reached.add((page, int(node)))
                return texts.get((page, int(node)), "")
            return ""
        if isinstance(node, ArrayObject | list):
            return "".join(walk(child, page) for child in node)
        if not isinstance(node, DictionaryObject):
            return ""
        if "/Pg" in node:
            page = page_numbers.get(node.raw_get("/Pg").idnum, page)
        if node.get("/Type") == "/MCR" or ("/MCID" in node and "/S" not in node):
            return walk(node["/MCID"], page)
        if "/S" not in node:
            return ""
        element = Element(tag=str(node["/S"]).lstrip("/"), text="", alt=None)
        elements.append(element)
        element.text = walk(node.get("/K", ArrayObject()), page)
        alt = node.get("/Alt")
        element.alt = str(alt) if alt is not None else None
        return element.text

    walk(tree["/K"], None)
    outside: list[str] = []
    for number, page in enumerate(reader.pages):
        if "/StructParents" not in page:
            problems.append(f"page {number + 1} has no StructParents")
        marked = {mcid for (p, mcid) in texts if p == number}
        if not marked:
            problems.append(f"page {number + 1} has no marked content")
        outside.extend(texts[(number, m)].strip() for m in sorted(marked) if (number, m) not in reached)
    for element in elements:
        if element.tag == "Figure" and not (element.alt or "").strip():
            problems.append("a Figure without Alt text")
    return StructuredPdf(problems=problems, elements=elements, outside_tree=outside)
