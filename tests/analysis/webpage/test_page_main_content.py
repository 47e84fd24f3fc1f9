"""The page check measures the main content, not the menus, cookie banner and footer around it, and says which
part it measured. The pages are our own, built like municipal sites are: a cookie banner, a menu of links, an
article, related links and a footer full of links."""

from __future__ import annotations

from dataclasses import replace

from denkraam.analysis import check_page, check_text
from denkraam.analysis.text.html_report import render_html
from denkraam.analysis.text.terminal import render_text

COOKIES = (
    '<div class="cookie-banner"><p>Wij gebruiken cookies om onze website te verbeteren, en om te meten hoe u hem '
    "gebruikt. Geeft u toestemming?</p><button>Akkoord</button></div>"
)
MENU = (
    '<div id="top"><ul class="hoofdmenu">'
    + "".join(
        f'<li><a href="/{slug}">{label}</a></li>'
        for slug, label in [
            ("afval", "Afval, containers en grofvuil in de gemeente"),
            ("parkeren", "Parkeren, vergunningen en ontheffingen aanvragen"),
            ("zorg", "Zorg, ondersteuning en hulp bij het huishouden"),
        ]
    )
    + "</ul></div>"
)
ARTICLE = (
    "<h1>Grofvuil laten ophalen</h1>"
    "<p>U kunt grofvuil gratis laten ophalen. Meld het wel eerst aan, via de website of door te bellen.</p>"
    "<p>Zet het grofvuil op de dag van ophalen voor 7.30 uur buiten, op de stoep voor uw huis.</p>"
    "<p>Wij nemen geen bouwafval, chemisch afval en autobanden mee. Die brengt u zelf naar het afvalpunt.</p>"
)
FOOTER_LINKS = "".join(
    f'<li><a href="/{n}">{label}</a></li>'
    for n, label in enumerate(
        [
            "Privacyverklaring van de gemeente Voorbeeld",
            "Toegankelijkheidsverklaring van deze website",
            "Contact met de gemeente, adressen en openingstijden",
            "Vacatures bij de gemeente en werken bij ons",
            "Nieuws, persberichten en bekendmakingen",
            "Gemeenteraad, vergaderingen en besluiten",
        ]
    )
)
FOOTER_TEXT = "Gemeente Voorbeeld, Postbus 12, 1234 AB Voorbeeld. Bel 14 020, op werkdagen van 8.30 tot 17.00 uur."


def page(body: str) -> str:
    return f'<!doctype html><html lang="nl"><head><title>Grofvuil</title></head><body>{body}</body></html>'


def test_a_page_with_main_is_measured_by_its_main_alone() -> None:
    html = page(
        f"{COOKIES}<header>{MENU}</header><main>{ARTICLE}</main>"
        f"<footer><ul>{FOOTER_LINKS}</ul><p>{FOOTER_TEXT}</p></footer>"
    )
    report = check_page(html)
    assert report.measured == "<main>"
    assert report.main_text.startswith("Grofvuil laten ophalen\n\nU kunt grofvuil gratis laten ophalen.")
    for outside in ("cookies", "Parkeren", "Privacyverklaring", "Postbus"):
        assert outside not in report.main_text
        assert outside in report.visible_text  # the page itself is still read whole ...
    assert report.contact_options["telefoon"]  # ... so the phone number in the footer still counts
    assert report.has_privacy_statement


def test_role_main_counts_like_main() -> None:
    html = page(f'{COOKIES}{MENU}<div role="main" class="inhoud">{ARTICLE}</div><div class="voet">{FOOTER_TEXT}</div>')
    report = check_page(html)
    assert report.measured == "role=main"
    assert "cookies" not in report.main_text and "Postbus" not in report.main_text
    assert "afvalpunt" in report.main_text


def test_without_main_the_largest_block_of_running_text_is_measured() -> None:
    html = page(
        f'{COOKIES}{MENU}<div class="wrapper"><div class="content">{ARTICLE}</div>'
        '<div class="gerelateerd"><p><a href="/scheiden">Lees ook: afval scheiden en de containers in uw wijk</a>'
        "</p></div></div>"
        f'<div class="onderaan"><ul>{FOOTER_LINKS}</ul><p>{FOOTER_TEXT}</p></div>'
    )
    report = check_page(html)
    assert report.measured == "grootste tekstblok (div.content)"
    assert report.main_text.startswith("Grofvuil laten ophalen")
    for outside in ("cookies", "Parkeren", "Lees ook", "Privacyverklaring", "Postbus"):
        assert outside not in report.main_text


def test_a_footer_full_of_long_links_never_wins_over_a_short_article() -> None:
    short = "<h1>Paspoort</h1><p>U vraagt een paspoort aan bij de balie, op afspraak, met een pasfoto.</p>"
    many_links = "".join(f"<ul>{FOOTER_LINKS}</ul>" for _ in range(8))
    html = page(f'<div id="artikel">{short}</div><div class="links">{many_links}</div>')
    report = check_page(html)
    assert report.measured == "grootste tekstblok (div#artikel)"
    assert report.main_text == "Paspoort\n\nU vraagt een paspoort aan bij de balie, op afspraak, met een pasfoto."


def test_a_page_without_running_text_is_measured_whole_and_says_so() -> None:
    report = check_page(page("<h1>Welkom</h1><div>Kies een onderwerp.</div>"))
    assert report.measured == "hele pagina"
    assert report.main_text == report.visible_text == "Welkom\n\nKies een onderwerp."


def test_a_hidden_main_is_not_the_main_content() -> None:
    html = page(
        f'<main hidden><p>Oude tekst die niemand ziet, al jaren, op deze plek.</p></main><div class="c">{ARTICLE}</div>'
    )
    report = check_page(html)
    assert report.measured == "grootste tekstblok (div.c)"
    assert "Oude tekst" not in report.main_text


def test_the_text_check_outputs_say_what_was_measured() -> None:
    report = replace(check_text("U kunt grofvuil gratis laten ophalen."), measured="<main>")
    said = "alleen de hoofdinhoud: <main>; menu's, cookiemelding en voettekst tellen niet mee"
    assert f"Gemeten: {said}" in render_text(report)
    assert "Gemeten: alleen de hoofdinhoud: &lt;main&gt;" in render_html([report])
    assert report.to_dict()["measured"] == "<main>"
    assert "measured" not in check_text("Een gewone tekst.").to_dict()  # only for web pages
    assert "de hele pagina" in render_text(replace(report, measured="hele pagina"))


def test_a_deeply_nested_page_is_measured_without_recursion() -> None:
    sentence = "<p>Een zin van ruim vijfentwintig tekens, met een komma.</p>"
    report = check_page(page("<div>" * 200 + sentence + "</div>" * 200))
    assert report.main_text == "Een zin van ruim vijfentwintig tekens, met een komma."
    # Deeper than libxml2 keeps (it drops what is nested too deep): no crash, and the page is measured whole.
    deep = check_page(page("<div>" * 20_000 + sentence + "</div>" * 20_000))
    assert deep.main_text == deep.visible_text
