"""Contact options, privacy and accessibility statements on a page."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from denkraam.analysis import PageReport, check_page
from denkraam.analysis.webpage import describe_options

Page = Callable[..., str]
BODY = "<main><h1>Parkeervergunning</h1><p>Vraag een vergunning aan.</p></main>"
STATEMENTS = ' <a href="/privacy">Privacy</a> <a href="/toegankelijkheid">Toegankelijkheid</a>'


def only(report: PageReport, rule: str) -> list:
    return [finding for finding in report.findings if finding.rule == rule]


def options(page: Page, footer: str) -> dict[str, bool]:
    return check_page(page(body=BODY, footer=footer)).contact_options


def test_a_page_without_any_contact_option_gets_two_findings(page: Page) -> None:
    report = check_page(page(body=BODY, footer=STATEMENTS))
    assert not any(report.contact_options.values())
    [channels] = only(report, "page-contact-missing")
    assert (channels.need, channels.principle) == ("gemak", "kanalen-kiezen")
    [human] = only(report, "page-human-contact-missing")
    assert (human.need, human.principle, human.severity) == ("persoonlijk", "maatwerk-en-mens", "waarschuwing")


@pytest.mark.parametrize(
    ("footer", "option"),
    [
        ('<a href="tel:0201234567">Bel ons</a>', "telefoon"),
        ("Bel 020 - 123 45 67", "telefoon"),
        ("Bel ons: +31 (0)20 123 4567", "telefoon"),
        ("Bel 14 020", "telefoon"),
        ("Gratis: 0800-1234", "telefoon"),
        ('<a href="mailto:info@voorbeeld.nl">Mail ons</a>', "email"),
        ("Mail naar info@voorbeeld.nl", "email"),
        ('<a href="/formulieren/contactformulier">Stel uw vraag</a>', "contactformulier"),
        ('<form action="/contact/verstuur"><label>Vraag <textarea></textarea></label></form>', "contactformulier"),
        ('<a href="/chat">Chat met een medewerker</a>', "chat"),
        ('<script src="/static/webchat-widget.js"></script>', "chat"),
        ("U kunt langskomen bij de balie in het stadhuis.", "balie"),
        ("<address>Stadhuisplein 1, 1234 AB Voorbeeld</address>", "adres"),
        ("Postbus 1234, 1000 AA Amsterdam", "adres"),
        ('<a href="/contact">Contact</a>', "contactpagina"),
        ('<a href="/over-ons/neem-contact-op">Vragen?</a>', "contactpagina"),
    ],
)
def test_it_recognises_each_contact_option(page: Page, footer: str, option: str) -> None:
    found = options(page, footer + STATEMENTS)
    assert found[option] is True


@pytest.mark.parametrize(
    "footer",
    [
        "Op 01-02-2024 12:00 gepubliceerd.",
        "Kenmerk 0123456789012",
        "Bedrag: 1.234.567,89 euro",
        "Uw BSN 012345678",
        "IBAN NL91ABNA0417164300",
    ],
)
def test_numbers_that_are_not_phone_numbers_are_not_taken_for_one(page: Page, footer: str) -> None:
    assert options(page, footer + STATEMENTS)["telefoon"] is False


def test_a_phone_number_is_a_human_channel(page: Page) -> None:
    report = check_page(page(body=BODY, footer="Bel 088 123 45 67 " + STATEMENTS))
    assert not only(report, "page-contact-missing")
    assert not only(report, "page-human-contact-missing")


def test_only_a_form_and_email_means_no_human_to_talk_to(page: Page) -> None:
    footer = '<a href="mailto:a@b.nl">Mail</a> <a href="/contactformulier">Formulier</a>' + STATEMENTS
    report = check_page(page(body=BODY, footer=footer))
    assert not only(report, "page-contact-missing")
    [human] = only(report, "page-human-contact-missing")
    assert human.severity == "waarschuwing"


def test_a_link_to_a_contact_page_softens_the_missing_human_channel(page: Page) -> None:
    report = check_page(page(body=BODY, footer='<a href="/contact">Contact</a>' + STATEMENTS))
    [human] = only(report, "page-human-contact-missing")
    assert human.severity == "info"
    assert "contactpagina" in human.message


def test_it_lists_the_options_found_in_dutch() -> None:
    assert describe_options({"telefoon": True, "email": True, "adres": True}) == "telefoon, e-mail en adres"
    assert describe_options({}) == "geen"


def test_it_flags_a_missing_privacy_statement(page: Page) -> None:
    report = check_page(page(body=BODY, footer='Bel 088 123 45 67 <a href="/toegankelijkheid">Toegankelijkheid</a>'))
    assert report.has_privacy_statement is False
    [finding] = only(report, "page-privacy-statement-missing")
    assert (finding.need, finding.principle) == ("vertrouwen", "transparant")


def test_it_flags_a_missing_accessibility_statement(page: Page) -> None:
    report = check_page(page(body=BODY, footer='Bel 088 123 45 67 <a href="/privacy">Privacy</a>'))
    assert report.has_accessibility_statement is False
    [finding] = only(report, "page-accessibility-statement-missing")
    assert (finding.need, finding.principle) == ("gemak", "toegankelijk-voor-iedereen")


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/over/privacyverklaring">Hoe wij met uw gegevens omgaan</a>',
        '<a href="/p">Privacystatement</a>',
        '<a href="/p">Privacy</a>',
    ],
)
def test_it_finds_a_privacy_link_by_text_or_address(page: Page, link: str) -> None:
    assert check_page(page(body=BODY, footer=link)).has_privacy_statement is True


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/toegankelijkheidsverklaring">Verklaring</a>',
        '<a href="/t">Toegankelijkheid</a>',
        '<a href="/t">Toegankelijkheidsverklaring</a>',
    ],
)
def test_it_finds_an_accessibility_link_by_text_or_address(page: Page, link: str) -> None:
    assert check_page(page(body=BODY, footer=link)).has_accessibility_statement is True


def test_the_privacy_statement_itself_does_not_need_a_link_to_itself(page: Page) -> None:
    report = check_page(page(body="<h1>Privacyverklaring</h1>", footer=""), url="https://www.voorbeeld.nl/privacy")
    assert report.has_privacy_statement is True
