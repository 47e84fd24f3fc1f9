"""Accessibility checks of the static page check: each with a page that passes and one that does not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from denkraam.analysis import PageReport, check_page

Page = Callable[..., str]


def rules(report: PageReport) -> list[str]:
    return [finding.rule for finding in report.findings]


def only(report: PageReport, rule: str) -> list:
    return [finding for finding in report.findings if finding.rule == rule]


def test_a_good_page_gets_no_findings(good_page: str) -> None:
    report = check_page(good_page, url="https://www.voorbeeld.nl/bijstand")
    assert report.findings == []
    assert report.lang == "nl"
    assert report.title == "Bijstand aanvragen | Gemeente Voorbeeld"


def test_it_flags_a_page_without_language(page: Page) -> None:
    report = check_page(page(lang=None))
    [finding] = only(report, "page-lang-missing")
    assert (finding.need, finding.principle, finding.severity) == ("gemak", "toegankelijk-voor-iedereen", "fout")
    assert finding.excerpt.startswith("<html")
    assert 'lang="nl"' in finding.suggestion
    assert report.lang is None


@pytest.mark.parametrize("lang", ["nl", "nl-NL", "NL", "nl-be"])
def test_dutch_in_any_spelling_is_fine(page: Page, lang: str) -> None:
    report = check_page(page(lang=lang))
    assert not {"page-lang-missing", "page-lang-not-dutch"} & set(rules(report))


def test_it_warns_when_the_page_says_it_is_english(page: Page) -> None:
    report = check_page(page(lang="en"))
    [finding] = only(report, "page-lang-not-dutch")
    assert finding.severity == "waarschuwing"
    assert '"en"' in finding.message
    assert report.lang == "en"


def test_it_flags_a_missing_or_empty_title(page: Page) -> None:
    assert only(check_page(page(title=None)), "page-title-missing")
    report = check_page(page(title="   "))
    assert only(report, "page-title-missing")
    assert report.title is None


@pytest.mark.parametrize("title", ["Home", "Untitled Document", "index.html", "Nieuwe pagina", "--"])
def test_it_flags_a_title_that_says_nothing(page: Page, title: str) -> None:
    [finding] = only(check_page(page(title=title)), "page-title-vague")
    assert finding.severity == "waarschuwing"


def test_a_descriptive_title_passes(page: Page) -> None:
    assert not only(check_page(page(title="Home - WW-uitkering aanvragen | UWV")), "page-title-vague")


def test_it_flags_a_page_without_h1(page: Page) -> None:
    report = check_page(page(body="<p>Tekst</p><h2>Kop</h2>"))
    assert rules(report).count("page-h1-missing") == 1


def test_it_flags_every_extra_h1(page: Page) -> None:
    report = check_page(page(body="<h1>Een</h1><h1>Twee</h1><h1>Drie</h1>"))
    extra = only(report, "page-h1-multiple")
    assert [finding.excerpt for finding in extra] == ["<h1>Twee</h1>", "<h1>Drie</h1>"]


def test_it_flags_a_skipped_heading_level(page: Page) -> None:
    report = check_page(page(body="<h1>Titel</h1><h2>Deel</h2><h4>Te diep</h4><h3>Goed</h3><h2>Weer</h2>"))
    [finding] = only(report, "page-heading-skipped")
    assert finding.excerpt == "<h4>Te diep</h4>"
    assert "niveau 2" in finding.message and "niveau 4" in finding.message


def test_going_back_up_several_levels_is_fine(page: Page) -> None:
    report = check_page(page(body="<h1>Titel</h1><h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2>"))
    assert not only(report, "page-heading-skipped")


def test_aria_headings_count_as_headings(page: Page) -> None:
    report = check_page(page(body='<div role="heading" aria-level="1">Titel</div><h3>Sprong</h3>'))
    assert not only(report, "page-h1-missing")
    assert only(report, "page-heading-skipped")


def test_it_flags_an_empty_heading(page: Page) -> None:
    report = check_page(page(body="<h1>Titel</h1><h2> </h2>"))
    assert only(report, "page-heading-empty")


def test_it_flags_an_image_without_alt(page: Page) -> None:
    report = check_page(page(body='<h1>Titel</h1><img src="/foto-wethouder.jpg">'))
    [finding] = only(report, "page-img-alt-missing")
    assert (finding.need, finding.principle, finding.severity) == ("gemak", "toegankelijk-voor-iedereen", "fout")
    assert finding.excerpt == '<img src="/foto-wethouder.jpg">'
    assert (finding.start, finding.end) == (0, 0)


@pytest.mark.parametrize(
    "image",
    [
        '<img src="a.png" alt="">',
        '<img src="a.png" alt="Kaart van het gemeentehuis">',
        '<img src="a.png" aria-label="Kaart">',
        '<img src="a.png" role="presentation">',
        '<img src="a.png" aria-hidden="true">',
    ],
)
def test_decorative_or_described_images_pass(page: Page, image: str) -> None:
    assert not only(check_page(page(body=f"<h1>Titel</h1>{image}")), "page-img-alt-missing")


def test_image_buttons_and_map_areas_need_alt_too(page: Page) -> None:
    body = '<h1>T</h1><input type="image" src="zoek.png"><map><area href="/noord" shape="rect" coords="0,0,1,1"></map>'
    report = check_page(page(body=body))
    assert len(only(report, "page-img-alt-missing")) == 2


def test_it_flags_an_alt_text_that_is_a_file_name(page: Page) -> None:
    [finding] = only(check_page(page(body='<h1>T</h1><img src="x" alt="IMG_0042.JPG">')), "page-img-alt-filename")
    assert "IMG_0042.JPG" in finding.message


def test_it_flags_form_fields_without_a_label(page: Page) -> None:
    body = '<h1>T</h1><form><input id="bsn" name="bsn"><select name="x"></select><textarea></textarea></form>'
    report = check_page(page(body=body))
    missing = only(report, "page-field-label-missing")
    assert [finding.excerpt for finding in missing] == [
        '<input id="bsn" name="bsn">',
        '<select name="x"></select>',
        "<textarea></textarea>",
    ]
    assert all(finding.severity == "fout" for finding in missing)


@pytest.mark.parametrize(
    "field",
    [
        '<label for="f">Naam</label><input id="f">',
        "<label>Naam <input></label>",
        '<input aria-label="Naam">',
        '<span id="l">Naam</span><input aria-labelledby="l">',
        '<input title="Naam">',
        '<input type="submit" value="Verstuur">',
        '<input type="hidden" name="csrf">',
    ],
)
def test_labelled_fields_pass(page: Page, field: str) -> None:
    report = check_page(page(body=f"<h1>T</h1><form>{field}</form>"))
    assert not only(report, "page-field-label-missing")
    assert not only(report, "page-field-placeholder-only")


def test_a_label_pointing_nowhere_or_empty_does_not_count(page: Page) -> None:
    body = '<h1>T</h1><label for="ander">Naam</label><input id="f"><input aria-labelledby="bestaat-niet">'
    assert len(only(check_page(page(body=body)), "page-field-label-missing")) == 2


def test_a_placeholder_alone_is_not_a_label(page: Page) -> None:
    [finding] = only(
        check_page(page(body='<h1>T</h1><input placeholder="Uw postcode">')), "page-field-placeholder-only"
    )
    assert finding.severity == "waarschuwing"
    assert "Uw postcode" in finding.message


@pytest.mark.parametrize("text", ["klik hier", "Hier", "Lees meer »", "Meer info", "meer informatie...", "Read more"])
def test_it_flags_link_texts_that_say_nothing(page: Page, text: str) -> None:
    [finding] = only(
        check_page(page(body=f'<h1>T</h1><p>De regels. <a href="/regels">{text}</a></p>')), "page-link-text-vague"
    )
    assert finding.severity == "waarschuwing"
    assert finding.excerpt == f'<a href="/regels">{text}</a>'


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/ww">Lees meer over de WW-uitkering</a>',
        '<a href="/ww" aria-label="Lees meer over de WW-uitkering">Lees meer</a>',
        '<a href="/ww"><img src="ww.png" alt="WW-uitkering aanvragen"></a>',
        '<a name="anker">hier</a>',
    ],
)
def test_descriptive_links_pass(page: Page, link: str) -> None:
    report = check_page(page(body=f"<h1>T</h1>{link}"))
    assert not only(report, "page-link-text-vague")
    assert not only(report, "page-link-text-empty")


def test_it_flags_an_empty_link(page: Page) -> None:
    [finding] = only(check_page(page(body='<h1>T</h1><a href="/x"><img src="pijl.png"></a>')), "page-link-text-empty")
    assert finding.severity == "fout"


def test_many_equal_problems_are_summarised(page: Page) -> None:
    body = "<h1>T</h1>" + "".join(f'<img src="{n}.png">' for n in range(150))
    found = only(check_page(page(body=body)), "page-img-alt-missing")
    assert len(found) == 21
    assert "nog 130 keer" in found[-1].message


def test_excerpts_are_at_most_120_characters(page: Page) -> None:
    body = f'<h1>T</h1><img src="/{"a" * 500}.png"><h3>{"lang " * 100}</h3>'
    report = check_page(page(body=body))
    assert report.findings
    assert all(len(finding.excerpt) <= 120 for finding in report.findings)
    assert any(finding.excerpt.endswith("…") for finding in report.findings)
