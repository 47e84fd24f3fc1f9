"""A realistic municipal page: the good version passes clean, a spoilt twin shows each problem once."""

from __future__ import annotations

from pathlib import Path

from denkraam.analysis import check_page

GOOD = (Path(__file__).parent / "fixtures" / "gemeente-paspoort.html").read_text("utf-8")


def spoil(html: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in html, old
        html = html.replace(old, new, 1)
    return html


def test_a_realistic_good_page_gets_no_findings() -> None:
    report = check_page(GOOD.encode("utf-8"), url="https://www.voorbeeld.nl/paspoort")
    assert report.findings == []
    assert report.title == "Paspoort aanvragen | Gemeente Voorbeeld"
    assert {key for key, found in report.contact_options.items() if found} == {
        "telefoon", "chat", "balie", "adres", "contactpagina",
    }  # fmt: skip
    assert report.has_privacy_statement and report.has_accessibility_statement


def test_the_visible_text_reads_like_the_page() -> None:
    text = check_page(GOOD).visible_text
    assert "Het duurt ongeveer 5 werkdagen voordat het klaar is." in text
    assert "documentElement" not in text
    assert "Paspoort aanvragen | Gemeente Voorbeeld" not in text  # the <title> is not part of the page text


def test_a_spoilt_twin_shows_each_problem() -> None:
    html = spoil(
        GOOD,
        ('<html lang="nl" class="no-js">', '<html class="no-js">'),
        ('<label for="zoekterm" class="visually-hidden">Zoeken op de website</label>', ""),
        ('alt="Voorbeeld van een goede pasfoto: recht in de camera kijken, neutraal gezicht"', ""),
        ("<h3>Kosten</h3>", "<h4>Kosten</h4>"),
        ('<a class="button" href="/afspraak?product=paspoort">Maak een afspraak voor een paspoort</a>',
         '<a class="button" href="/afspraak?product=paspoort">Klik hier</a>'),
        ('<li><a href="/privacy">Privacy</a></li>', ""),
    )  # fmt: skip
    rules = sorted(finding.rule for finding in check_page(html).findings)
    assert rules == [
        "page-field-placeholder-only",
        "page-heading-skipped",
        "page-img-alt-missing",
        "page-lang-missing",
        "page-link-text-vague",
        "page-privacy-statement-missing",
    ]


def test_a_page_without_any_way_to_reach_a_human() -> None:
    html = spoil(
        GOOD,
        ('<script src="/static/js/webchat-loader.js" defer></script>', ""),
        ('<div id="webchat-container" hidden></div>', ""),
        ("<p>U vraagt een paspoort aan bij de balie in het stadhuis. Maak eerst een afspraak.</p>", ""),
    )
    html = html[: html.index("<footer>")] + "<footer></footer></body></html>"
    report = check_page(html)
    rules = {finding.rule for finding in report.findings}
    assert {"page-contact-missing", "page-human-contact-missing"} <= rules
    assert not any(report.contact_options.values())
