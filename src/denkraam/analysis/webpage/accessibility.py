"""Accessibility checks a static page allows: language, title, headings, images, form labels, link texts.

All of these land on gemak / toegankelijk-voor-iedereen: a page that a screen reader user, a keyboard user or a
reader with little time cannot find their way in is not easy for everyone.
"""

from __future__ import annotations

import re

from lxml import etree

from denkraam.analysis.findings import Finding, NeedId, Severity
from denkraam.analysis.webpage.document import (
    Link,
    ParsedPage,
    accessible_name,
    opening_tag,
    snippet,
    tag_of,
    text_of,
    truncate,
)
from denkraam.analysis.webpage.report import page_finding

_NEED: NeedId = "gemak"
_PRINCIPLE = "toegankelijk-voor-iedereen"


def _finding(rule: str, *, severity: Severity, message: str, suggestion: str, excerpt: str = "") -> Finding:
    # Every finding of this check lands on gemak / toegankelijk-voor-iedereen.
    return page_finding(
        rule,
        need=_NEED,
        principle=_PRINCIPLE,
        severity=severity,
        message=message,
        suggestion=suggestion,
        excerpt=excerpt,
    )


# Titles that say nothing about the page (compared after lower-casing and dropping punctuation).
_VAGUE_TITLES = frozenset(
    {
        "home", "homepage", "start", "startpagina", "welkom", "index", "untitled", "untitled document", "document",
        "nieuwe pagina", "new page", "pagina", "page", "titel", "title", "naamloos", "zonder titel", "test", "default",
        "my site", "mijn site", "website", "webpagina", "document zonder titel",
    }
)  # fmt: skip
_FILE_NAME = re.compile(r"^[\w\-]+\.(html?|php|aspx?|jsp|jpe?g|png|gif|svg|webp)$", re.IGNORECASE)
# Link texts that only make sense next to what surrounds them; a screen reader's list of links shows them bare.
_VAGUE_LINKS = frozenset(
    {
        "klik hier", "hier", "klik", "lees meer", "lees verder", "verder lezen", "verder", "meer", "meer info",
        "meer informatie", "link", "deze link", "klik op deze link", "bekijk", "bekijk hier", "ga naar", "ga verder",
        "download", "downloaden", "download hier", "info", "click here", "here", "read more", "more", "more info",
    }
)  # fmt: skip
_WORDS_ONLY = re.compile(r"[^\w\s]|_")
_FIELD_TYPES_WITHOUT_LABEL = frozenset({"hidden", "submit", "reset", "button", "image"})
_HEADING = re.compile(r"^h([1-6])$")


def check_language(page: ParsedPage) -> tuple[str | None, list[Finding]]:
    """The page language from <html lang>, and a finding when it is missing or not Dutch."""
    root = page.root
    lang = (root.get("lang") or root.get("xml:lang") or "").strip()
    opening = truncate(opening_tag(root))
    if not lang:
        return None, [
            _finding(
                "page-lang-missing",
                severity="fout",
                excerpt=opening,
                message="De pagina zegt niet in welke taal ze is geschreven. Een voorleesprogramma spreekt de tekst "
                "dan mogelijk met een verkeerde uitspraak uit.",
                suggestion='Zet de taal op het html-element: <html lang="nl">.',
            )
        ]
    if lang.lower().split("-")[0] != "nl":
        return lang, [
            _finding(
                "page-lang-not-dutch",
                severity="waarschuwing",
                excerpt=opening,
                message=f'De pagina is als "{truncate(lang, 20)}" gemarkeerd, niet als Nederlands.',
                suggestion='Is de pagina Nederlands? Zet dan <html lang="nl">. Markeer alleen anderstalige delen '
                "met een eigen lang-attribuut.",
            )
        ]
    return lang, []


def check_title(page: ParsedPage) -> tuple[str | None, list[Finding]]:
    """The page title, and a finding when it is missing or says nothing about the page."""
    element = next((e for e in page.root.iter("title") if not _inside(e, "svg")), None)
    title = " ".join(element.text_content().split()) if element is not None else ""
    if not title:
        return None, [
            _finding(
                "page-title-missing",
                severity="fout",
                excerpt=snippet(element) if element is not None else "",
                message="De pagina heeft geen titel. De titel is het eerste wat een voorleesprogramma voorleest en "
                "wat mensen zien in tabbladen en zoekresultaten.",
                suggestion="Geef de pagina een titel die zegt wat er op de pagina staat, bijvoorbeeld "
                '"WW-uitkering aanvragen | UWV".',
            )
        ]
    bare = " ".join(_WORDS_ONLY.sub(" ", title.lower()).split())
    if bare in _VAGUE_TITLES or _FILE_NAME.match(title) or sum(ch.isalpha() for ch in title) < 3:
        return title, [
            _finding(
                "page-title-vague",
                severity="waarschuwing",
                excerpt=snippet(element) if element is not None else "",
                message=f'De titel "{truncate(title, 60)}" zegt niet waar de pagina over gaat.',
                suggestion="Beschrijf in de titel het onderwerp of de taak van de pagina, gevolgd door de naam van "
                "de organisatie.",
            )
        ]
    return title, []


def check_headings(page: ParsedPage) -> list[Finding]:
    """One h1, no skipped levels, no empty headings (also role="heading" with aria-level)."""
    headings: list[tuple[int, etree._Element]] = []
    for element in page.elements:
        level = _heading_level(element)
        if level:
            headings.append((level, element))
    findings: list[Finding] = []
    h1s = [element for level, element in headings if level == 1]
    if not h1s:
        findings.append(
            _finding(
                "page-h1-missing",
                severity="waarschuwing",
                message="De pagina heeft geen hoofdkop (h1). Wie een voorleesprogramma gebruikt, springt vaak eerst "
                "naar de hoofdkop om te horen waar de pagina over gaat.",
                suggestion="Zet bovenaan de inhoud één h1 met het onderwerp van de pagina.",
            )
        )
    for extra in h1s[1:]:
        findings.append(
            _finding(
                "page-h1-multiple",
                severity="waarschuwing",
                excerpt=snippet(extra),
                message=f"De pagina heeft {len(h1s)} hoofdkoppen (h1). Dan is niet duidelijk wat het "
                "hoofdonderwerp is.",
                suggestion="Houd één h1 en maak van de andere koppen een h2.",
            )
        )
    previous = 0
    for level, element in headings:
        if previous and level > previous + 1:
            findings.append(
                _finding(
                    "page-heading-skipped",
                    severity="waarschuwing",
                    excerpt=snippet(element),
                    message=f"Na een kop van niveau {previous} volgt een kop van niveau {level}: er is een niveau "
                    "overgeslagen. De opbouw van de pagina is dan niet te volgen voor voorleesprogramma's.",
                    suggestion=f"Maak hier een kop van niveau {previous + 1}, of pas de opmaak aan met CSS in plaats "
                    "van met een lager kopniveau.",
                )
            )
        if not accessible_name(element, page.ids):
            findings.append(
                _finding(
                    "page-heading-empty",
                    severity="waarschuwing",
                    excerpt=snippet(element),
                    message="Deze kop is leeg. Een voorleesprogramma noemt hem wel, maar zonder inhoud.",
                    suggestion="Geef de kop tekst of haal hem weg.",
                )
            )
        previous = level
    return findings


def check_images(page: ParsedPage) -> list[Finding]:
    """Images need an alt attribute (alt="" for decoration); an alt that is a file name helps nobody."""
    findings: list[Finding] = []
    for element in page.root.iter("img", "area", "input"):
        tag = tag_of(element)
        is_image_button = tag == "input" and (element.get("type") or "").lower() == "image"
        if tag not in {"img", "area"} and not is_image_button:
            continue
        alt = element.get("alt")
        if alt is None:
            if _named_otherwise(element, page) or (tag == "img" and _is_presentational(element)):
                continue
            findings.append(
                _finding(
                    "page-img-alt-missing",
                    severity="fout",
                    excerpt=snippet(element),
                    message="Deze afbeelding heeft geen alt-tekst. Wie niet kan zien wat erop staat, mist de "
                    "informatie; een voorleesprogramma leest soms de bestandsnaam voor.",
                    suggestion="Beschrijf in het alt-attribuut wat de afbeelding vertelt. Is ze alleen versiering? "
                    'Gebruik dan alt="".',
                )
            )
        elif _FILE_NAME.match(alt.strip()):
            findings.append(
                _finding(
                    "page-img-alt-filename",
                    severity="waarschuwing",
                    excerpt=snippet(element),
                    message=f'De alt-tekst "{truncate(alt.strip(), 40)}" is een bestandsnaam, geen beschrijving.',
                    suggestion="Beschrijf wat de afbeelding laat zien of betekent.",
                )
            )
    return findings


def check_form_labels(page: ParsedPage) -> list[Finding]:
    """Every form field needs a label: label[for], a wrapping label, aria-label(ledby) or title."""
    labelled_ids = {label.get("for") for label in page.root.iter("label") if label.get("for") and text_of(label)}
    findings: list[Finding] = []
    for element in page.root.iter("input", "select", "textarea"):
        tag = tag_of(element)
        if tag == "input" and (element.get("type") or "text").lower() in _FIELD_TYPES_WITHOUT_LABEL:
            continue
        if element.get("id") in labelled_ids or _named_otherwise(element, page) or _wrapped_in_label(element):
            continue
        placeholder = " ".join((element.get("placeholder") or "").split())
        if placeholder:
            findings.append(
                _finding(
                    "page-field-placeholder-only",
                    severity="waarschuwing",
                    excerpt=snippet(element),
                    message=f'Dit invulveld heeft alleen een voorbeeldtekst ("{truncate(placeholder, 40)}") en geen '
                    "label. Die tekst verdwijnt zodra iemand begint te typen, en wordt niet altijd voorgelezen.",
                    suggestion='Zet een zichtbaar label bij het veld: <label for="id-van-het-veld">Uw naam</label>.',
                )
            )
            continue
        findings.append(
            _finding(
                "page-field-label-missing",
                severity="fout",
                excerpt=snippet(element),
                message="Dit invulveld heeft geen label. Wie een voorleesprogramma gebruikt, weet niet wat hier "
                "ingevuld moet worden.",
                suggestion='Zet een zichtbaar label bij het veld: <label for="id-van-het-veld">Uw naam</label>.',
            )
        )
    return findings


def check_link_texts(links: list[Link]) -> list[Finding]:
    """Links need a text that says where they go, also out of context; empty links are not usable at all."""
    findings: list[Finding] = []
    for link in links:
        if tag_of(link.element) != "a":
            continue
        name, element = link.name, link.element
        if not name:
            findings.append(
                _finding(
                    "page-link-text-empty",
                    severity="fout",
                    excerpt=snippet(element),
                    message="Deze link heeft geen tekst. Een voorleesprogramma kan niet zeggen waar hij naartoe gaat.",
                    suggestion="Geef de link een tekst, of een alt-tekst aan de afbeelding in de link.",
                )
            )
            continue
        bare = " ".join(_WORDS_ONLY.sub(" ", name.lower()).split())
        if bare in _VAGUE_LINKS:
            findings.append(
                _finding(
                    "page-link-text-vague",
                    severity="waarschuwing",
                    excerpt=snippet(element),
                    message=f'De linktekst "{truncate(name, 40)}" zegt niet waar de link naartoe gaat. In een lijst '
                    "met alle links (zo werken voorleesprogramma's) is hij niet te begrijpen.",
                    suggestion='Zet het onderwerp in de link zelf, bijvoorbeeld "Lees meer over de WW-uitkering" of '
                    '"Vraag een WW-uitkering aan".',
                )
            )
    return findings


def _heading_level(element: etree._Element) -> int:
    match = _HEADING.match(tag_of(element))
    if match:
        return int(match.group(1))
    if (element.get("role") or "").strip().lower() == "heading":
        level = (element.get("aria-level") or "").strip()
        return int(level) if level.isdigit() and 1 <= int(level) <= 6 else 2  # ARIA's default level is 2
    return 0


def _named_otherwise(element: etree._Element, page: ParsedPage) -> bool:
    """Named by aria-labelledby (pointing at text that exists), aria-label or title."""
    refs = (element.get("aria-labelledby") or "").split()
    if any(ref in page.ids and text_of(page.ids[ref]) for ref in refs):
        return True
    return bool((element.get("aria-label") or "").strip() or (element.get("title") or "").strip())


def _wrapped_in_label(element: etree._Element) -> bool:
    return any(text_of(label) for label in element.iterancestors("label"))


def _is_presentational(element: etree._Element) -> bool:
    return (element.get("role") or "").strip().lower() in {"presentation", "none"} or (
        (element.get("aria-hidden") or "").strip().lower() == "true"
    )


def _inside(element: etree._Element, tag: str) -> bool:
    return any(True for _ in element.iterancestors(tag))
