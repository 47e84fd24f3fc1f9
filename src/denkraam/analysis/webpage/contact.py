"""Can a reader get in touch, and is the organisation open about data and accessibility?

Contact options land on gemak / kanalen-kiezen (choose and switch channels) and, when no human can be reached at
all (no phone, chat or counter), on persoonlijk / maatwerk-en-mens. A missing privacy statement is a matter of
vertrouwen / transparant; a missing accessibility statement (required for Dutch government sites) of
gemak / toegankelijk-voor-iedereen.
"""

from __future__ import annotations

import re

from lxml import etree

from denkraam.analysis.findings import Finding
from denkraam.analysis.webpage.document import Link, ParsedPage, tag_of
from denkraam.analysis.webpage.report import page_finding

CONTACT_OPTIONS: tuple[str, ...] = ("telefoon", "email", "contactformulier", "chat", "balie", "adres", "contactpagina")
HUMAN_CHANNELS = frozenset({"telefoon", "chat", "balie"})
_LABELS = {
    "telefoon": "telefoon",
    "email": "e-mail",
    "contactformulier": "contactformulier",
    "chat": "chat",
    "balie": "balie of loket",
    "adres": "adres",
    "contactpagina": "contactpagina",
}

# Dutch phone numbers as people write them: 020-123 45 67, 06 12345678, +31 (0)20 1234567, 0800-1234, 14 020.
_SEP = r"(?:\s?[.\-/]\s?|\s)?"
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    rf"(?:\+|00)31{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{8}}"
    rf"|(?!\d\d-\d\d-\d{{2,4}})0[1-9](?:{_SEP}\d){{8}}"
    rf"|0[89]00{_SEP}\d{{4}}(?:{_SEP}\d{{3}})?"
    rf"|\(0[1-9]\d{{1,2}}\){_SEP}\d(?:{_SEP}\d){{5,6}}"
    rf"|14{_SEP}0\d{{2,3}}"
    r")(?![\w:]|[.,]\d)"
)
_EMAIL = re.compile(r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
_POSTCODE_STRICT = re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b")
_POSTBUS = re.compile(r"\b(?:postbus|antwoordnummer)\s+\d+", re.IGNORECASE)
_COUNTER = re.compile(r"\b(?:balie|loket|servicepunt|bezoekadres|spreekuur|langskomen|inloopspreekuur)", re.IGNORECASE)
_CHAT = re.compile(r"(?:\bchat|webchat|livechat|whatsapp)", re.IGNORECASE)
_CONTACT = re.compile(r"contact", re.IGNORECASE)
_CONTACT_FORM = re.compile(r"contact[\s_\-]?formulier|contact[\s_\-]?form|vraag[\s_\-]?stellen", re.IGNORECASE)
_PRIVACY = re.compile(r"privacy|gegevensbescherming|\bavg\b", re.IGNORECASE)
_ACCESSIBILITY = re.compile(r"toegankelijkheid|accessibility|toegankelijkheidsverklaring", re.IGNORECASE)


def find_contact_options(page: ParsedPage, links: list[Link], text: str) -> dict[str, bool]:
    """Which ways to get in touch the page offers, from links, forms, widgets and the visible text."""
    found = dict.fromkeys(CONTACT_OPTIONS, False)
    found["telefoon"] = any(link.href.lower().startswith("tel:") for link in links) or bool(_PHONE.search(text))
    found["email"] = any(link.href.lower().startswith("mailto:") for link in links) or bool(_EMAIL.search(text))
    found["contactformulier"] = any(
        _CONTACT_FORM.search(link.name) or _CONTACT_FORM.search(link.href) for link in links
    )
    found["contactformulier"] |= any(_is_contact_form(element) for element in page.root.iter("form"))
    found["chat"] = any(_CHAT.search(link.name) or _CHAT.search(link.href) for link in links) or _has_chat_widget(page)
    found["chat"] |= bool(re.search(r"\b(?:chatten|chat met|webchat|livechat)\b", text, re.IGNORECASE))
    found["balie"] = bool(_COUNTER.search(text))
    found["adres"] = any((e.text_content() or "").strip() for e in page.root.iter("address")) or bool(
        _POSTCODE_STRICT.search(text) or _POSTBUS.search(text)
    )
    found["contactpagina"] = any(
        not link.href.lower().startswith(("mailto:", "tel:"))
        and (_CONTACT.search(link.name) or _CONTACT.search(link.href))
        and not (_CONTACT_FORM.search(link.name) or _CONTACT_FORM.search(link.href))
        for link in links
    )
    return found


def contact_findings(options: dict[str, bool]) -> list[Finding]:
    """Findings for missing contact options and for a page with no human to talk to."""
    findings: list[Finding] = []
    if not any(options.values()):
        findings.append(
            page_finding(
                "page-contact-missing",
                need="gemak",
                principle="kanalen-kiezen",
                severity="waarschuwing",
                message="Op deze pagina staat geen enkele manier om contact op te nemen: geen telefoonnummer, "
                "e-mailadres, contactformulier, chat, adres of link naar een contactpagina.",
                suggestion="Zet op elke pagina (bijvoorbeeld onderaan) hoe mensen u kunnen bereiken, met meer dan "
                "één kanaal, of link naar een contactpagina.",
            )
        )
    if not any(options[channel] for channel in HUMAN_CHANNELS):
        refers_on = options["contactpagina"]
        findings.append(
            page_finding(
                "page-human-contact-missing",
                need="persoonlijk",
                principle="maatwerk-en-mens",
                severity="info" if refers_on else "waarschuwing",
                message=(
                    "De pagina verwijst naar een contactpagina, maar noemt zelf geen telefoonnummer, chat of balie "
                    "waar iemand een mens kan spreken."
                    if refers_on
                    else "Op deze pagina staat geen manier om een mens te spreken: geen telefoonnummer, chat of balie."
                ),
                suggestion="Noem een telefoonnummer (met de tijden waarop u bereikbaar bent), een chat of een balie, "
                "zodat mensen met een vraag of een bijzondere situatie iemand kunnen spreken.",
            )
        )
    return findings


def has_privacy_statement(page: ParsedPage, links: list[Link], title: str | None) -> bool:
    """A link to a privacy statement, or the page is one."""
    return _links_to(links, _PRIVACY) or _is_itself(page, title, _PRIVACY)


def has_accessibility_statement(page: ParsedPage, links: list[Link], title: str | None) -> bool:
    """A link to an accessibility statement, or the page is one."""
    return _links_to(links, _ACCESSIBILITY) or _is_itself(page, title, _ACCESSIBILITY)


def statement_findings(*, privacy: bool, accessibility: bool) -> list[Finding]:
    """Findings for a missing privacy or accessibility statement."""
    findings: list[Finding] = []
    if not privacy:
        findings.append(
            page_finding(
                "page-privacy-statement-missing",
                need="vertrouwen",
                principle="transparant",
                severity="waarschuwing",
                message="De pagina linkt niet naar een privacyverklaring. Mensen kunnen dan niet nagaan wat er met "
                "hun gegevens gebeurt.",
                suggestion='Zet een link "Privacyverklaring" op elke pagina, bijvoorbeeld onderaan.',
            )
        )
    if not accessibility:
        findings.append(
            page_finding(
                "page-accessibility-statement-missing",
                need="gemak",
                principle="toegankelijk-voor-iedereen",
                severity="waarschuwing",
                message="De pagina linkt niet naar een toegankelijkheidsverklaring. Overheidswebsites moeten er een "
                "hebben; zo weten bezoekers wat wel en niet toegankelijk is en waar ze terechtkunnen.",
                suggestion='Zet een link "Toegankelijkheid" naar uw toegankelijkheidsverklaring op elke pagina.',
            )
        )
    return findings


def describe_options(options: dict[str, bool]) -> str:
    """A Dutch list of the contact options found, e.g. "telefoon, e-mail en adres" (or "geen")."""
    names = [_LABELS[key] for key in CONTACT_OPTIONS if options.get(key)]
    if not names:
        return "geen"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _links_to(links: list[Link], pattern: re.Pattern[str]) -> bool:
    return any(
        pattern.search(link.name) or pattern.search(link.href)
        for link in links
        if not link.href.lower().startswith(("mailto:", "tel:"))
    )


def _is_itself(page: ParsedPage, title: str | None, pattern: re.Pattern[str]) -> bool:
    h1 = next(page.root.iter("h1"), None)
    h1_text = h1.text_content() if h1 is not None else ""
    return any(pattern.search(part or "") for part in (page.url, title, h1_text))


def _is_contact_form(form: etree._Element) -> bool:
    markers = " ".join(form.get(name) or "" for name in ("action", "id", "class", "name", "aria-label"))
    return bool(_CONTACT.search(markers))


def _has_chat_widget(page: ParsedPage) -> bool:
    # Chat widgets are injected by a script; the static page only shows its source or a placeholder element.
    for element in page.root.iter("script", "div", "section", "aside", "button"):
        tag = tag_of(element)
        if tag == "script" and _CHAT.search(element.get("src") or ""):
            return True
        if tag != "script" and _CHAT.search(f"{element.get('id') or ''} {element.get('class') or ''}"):
            return True
    return False
