"""Pages to check: a good government page, and a builder for variations on it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

FOOTER = """
<footer>
  <h2>Contact</h2>
  <p>Bel ons op <a href="tel:+31881234567">088 123 45 67</a> (maandag tot en met vrijdag van 8.00 tot 17.00 uur).</p>
  <p><a href="/contact">Alle manieren om contact met ons op te nemen</a></p>
  <ul>
    <li><a href="/privacyverklaring">Privacyverklaring</a></li>
    <li><a href="/toegankelijkheid">Toegankelijkheid</a></li>
  </ul>
</footer>
"""

GOOD_BODY = """
<header><a href="/"><img src="/logo.svg" alt="Gemeente Voorbeeld, naar de startpagina"></a></header>
<main>
  <h1>Bijstand aanvragen</h1>
  <p>Heeft u te weinig geld om van te leven? Dan kunt u misschien bijstand krijgen.</p>
  <img src="/decor.png" alt="">
  <h2>Wat u nodig heeft</h2>
  <ul><li>Uw DigiD</li><li>Uw bankafschriften van de laatste 3 maanden</li></ul>
  <h2>Zo vraagt u het aan</h2>
  <form action="/aanvragen" method="post">
    <label for="naam">Uw naam</label> <input id="naam" name="naam" type="text">
    <label>Uw e-mailadres <input name="email" type="email"></label>
    <input type="hidden" name="token" value="x">
    <select aria-label="Gemeente"><option>Voorbeeld</option></select>
    <span id="toelichting-label">Toelichting</span><textarea aria-labelledby="toelichting-label"></textarea>
    <button type="submit">Aanvraag versturen</button>
  </form>
  <p><a href="/bijstand/voorwaarden">Lees de voorwaarden voor bijstand</a></p>
</main>
"""


def build(
    body: str = GOOD_BODY,
    *,
    lang: str | None = "nl",
    title: str | None = "Bijstand aanvragen | Gemeente Voorbeeld",
    footer: str = FOOTER,
) -> str:
    """An HTML page; pass lang=None or title=None to leave them out."""
    lang_attribute = f' lang="{lang}"' if lang is not None else ""
    title_element = f"<title>{title}</title>" if title is not None else ""
    return (
        f'<!doctype html><html{lang_attribute}><head><meta charset="utf-8">{title_element}</head>'
        f"<body>{body}{footer}</body></html>"
    )


@pytest.fixture()
def page() -> Callable[..., str]:
    """Builds a page: page(body=..., lang=..., title=..., footer=...)."""
    return build


@pytest.fixture()
def good_page() -> str:
    return build()
