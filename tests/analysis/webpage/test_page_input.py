"""Hostile, broken, huge and odd input: the page check parses, never executes, and never crashes."""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from denkraam.analysis import PageCheckError, check_page
from denkraam.analysis.webpage import MAX_HTML_BYTES

Page = Callable[..., str]


def test_the_visible_text_leaves_out_scripts_styles_and_hidden_parts(page: Page) -> None:
    body = (
        "<h1>Afval</h1><script>document.write('geheim')</script><style>p{color:red}</style>"
        "<p>Zet de container <!-- opmerking -->buiten.</p><div hidden>verborgen</div>"
        '<p style="display: none">ook verborgen</p><noscript>Zet JavaScript aan</noscript><template>sjabloon</template>'
    )
    text = check_page(page(body=body, footer="")).visible_text
    assert text == "Afval\n\nZet de container buiten."


def test_the_visible_text_keeps_paragraphs_and_line_breaks(page: Page) -> None:
    text = check_page(
        page(body="<h1>Kop</h1><p>Een   regel<br>tweede&nbsp;regel</p><ul><li>a</li><li>b</li></ul>", footer="")
    ).visible_text
    assert text == "Kop\n\nEen regel\ntweede regel\n\na\n\nb"


def test_scripts_and_event_handlers_are_never_run(page: Page) -> None:
    # If anything were executed, these would at least change the text or raise; they only get parsed.
    body = '<h1 onclick="alert(1)">Kop</h1><img src=x onerror="alert(1)" alt="x"><script>while(true){}</script>'
    report = check_page(page(body=body))
    assert "alert" not in report.visible_text
    assert report.title


def test_bytes_are_decoded_with_the_charset_the_page_declares() -> None:
    html = '<html lang="nl"><head><meta charset="windows-1252"><title>Café € 10</title></head><body>x</body></html>'
    assert check_page(html.encode("cp1252")).title == "Café € 10"


def test_utf8_bytes_with_a_bom_are_read() -> None:
    html = '\ufeff<html lang="nl"><head><title>Één loket</title></head></html>'
    assert check_page(html.encode("utf-8")).title == "Één loket"


def test_an_xml_declaration_in_a_string_does_not_break_parsing() -> None:
    html = '<?xml version="1.0" encoding="iso-8859-1"?><html lang="nl"><head><title>XHTML-pagina</title></head></html>'
    assert check_page(html).title == "XHTML-pagina"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><h1>Niet gesloten<p>tekst<div><a href='x'>lees meer",
        "<<<>>><h1>>>/</<//a>",
        "<title>Dubbel</title><title>Titel</title><h1>X</h1>",
        "<!-- alleen commentaar -->",
        "\x00\x01\x02<h1>controle\x07tekens</h1>",
        "<html lang='nl'><body>\udcff losse surrogaat</body></html>",
        "gewone tekst zonder enige opmaak",
        "<svg><title>Geen paginatitel</title></svg>",
    ],
)
def test_malformed_html_gives_a_report_not_an_error(html: str) -> None:
    report = check_page(html)
    assert isinstance(report.to_dict(), dict)
    json.dumps(report.to_dict())


def test_an_svg_title_is_not_the_page_title() -> None:
    assert check_page("<svg><title>Icoon</title></svg>").title is None


@pytest.mark.parametrize("html", ["", "   \n\t ", b"", b"   "])
def test_an_empty_page_is_refused_with_a_clear_message(html: str | bytes) -> None:
    with pytest.raises(PageCheckError, match="leeg"):
        check_page(html)


def test_a_page_over_5_mb_is_refused() -> None:
    huge = "<p>" + "a" * MAX_HTML_BYTES + "</p>"
    with pytest.raises(PageCheckError, match="groter dan 5 MB"):
        check_page(huge)
    with pytest.raises(PageCheckError, match="groter dan 5 MB"):
        check_page(huge.encode())


def test_a_str_is_measured_in_bytes() -> None:
    # 1.5 million characters of 4 bytes each: small in characters, 6 MB in UTF-8.
    with pytest.raises(PageCheckError):
        check_page("😀" * 1_500_000)


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    html = "<html lang='nl'><title>Diep</title>" + "<div>" * 20_000 + "<h1>diep</h1>" + "</div>" * 20_000
    started = time.monotonic()
    report = check_page(html)
    assert report.title == "Diep"
    assert time.monotonic() - started < 5


def test_a_big_but_allowed_page_is_checked_quickly(page: Page) -> None:
    body = "<h1>Veel</h1>" + "<p>Een zin met <a href='/x'>een link naar de regels</a> en tekst.</p>" * 20_000
    html = page(body=body)
    assert 1_000_000 < len(html) < MAX_HTML_BYTES
    started = time.monotonic()
    report = check_page(html)
    assert report.counts["links"] > 20_000
    assert time.monotonic() - started < 10


def test_the_report_is_json_ready_and_carries_the_analyser_version(good_page: str) -> None:
    data = check_page(good_page, url="https://www.voorbeeld.nl/").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["versions"] == {"analyser": "page-1.1.0"}
    assert set(data) >= {
        "url", "title", "lang", "findings", "contact_options", "has_privacy_statement",
        "has_accessibility_statement", "visible_text", "versions",
    }  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_it_never_crashes_on_arbitrary_text(text: str) -> None:
    try:
        report = check_page(text)
    except PageCheckError:
        # Only a page that is empty once the characters HTML forbids are dropped may be refused.
        assert not re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text).strip()
        return
    assert all(len(finding.excerpt) <= 120 for finding in report.findings)


_TAGS = st.sampled_from(["h1", "h2", "h4", "p", "a", "img", "input", "label", "form", "div", "script", "title", "html"])
_ATTRS = st.sampled_from(
    ["", ' href="/x"', ' alt=""', ' lang="nl"', ' id="a"', ' for="a"', ' aria-labelledby="a"', " hidden"]
)
_HTML_PIECES = st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", _TAGS, _ATTRS),
    st.builds(lambda t: f"</{t}>", _TAGS),
    st.text(max_size=20),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_HTML_PIECES, max_size=40))
def test_it_never_crashes_on_arbitrary_tag_soup(pieces: list[str]) -> None:
    html = "".join(pieces)
    try:
        report = check_page(html)
    except PageCheckError:
        return
    assert isinstance(report.visible_text, str)
    assert set(report.contact_options) == {
        "telefoon",
        "email",
        "contactformulier",
        "chat",
        "balie",
        "adres",
        "contactpagina",
    }


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_it_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    with contextlib.suppress(PageCheckError):
        check_page(data)
