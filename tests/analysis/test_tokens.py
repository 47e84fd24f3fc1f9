from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from denkraam.analysis.text.tokens import split_sentences, tokenize


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_it_splits_plain_sentences() -> None:
    assert texts("Dit is zin een. Dit is zin twee! En drie?") == ["Dit is zin een.", "Dit is zin twee!", "En drie?"]


@pytest.mark.parametrize(
    "text",
    [
        "Bel dhr. Jansen bijv. morgen.",
        "Dit geldt o.a. voor u en t.a.v. de aanvraag.",
        "Stuur het z.s.m. terug naar mevr. Bakker.",
        "Zie art. 3 en nr. 12 van de regeling.",
        "Het besluit d.d. 3 maart is e.d. bekend.",
        "Mr. De Vries helpt u graag.",
    ],
)
def test_it_does_not_split_after_abbreviations(text: str) -> None:
    assert texts(text) == [text]


def test_it_keeps_numbers_and_times_together() -> None:
    assert texts("Het kost 1.000 euro. Kom om 12.30 uur. Daarna is het 2,5 keer zo duur.") == [
        "Het kost 1.000 euro.",
        "Kom om 12.30 uur.",
        "Daarna is het 2,5 keer zo duur.",
    ]
    # A time with "uur" is one token: the reader takes it in as one unit.
    assert [(token.text, token.kind) for token in tokenize("om 12.30 uur") if token.is_word] == [
        ("om", "woord"),
        ("12.30 uur", "tijd"),
    ]


def test_it_keeps_initials_in_the_sentence() -> None:
    assert texts("J. de Vries woont hier. Mevr. P. Bakker ook.") == ["J. de Vries woont hier.", "Mevr. P. Bakker ook."]


def test_it_handles_ellipsis_and_combined_marks() -> None:
    assert texts("Wat?! Echt... Ja.") == ["Wat?!", "Echt...", "Ja."]


def test_it_keeps_closing_quotes_with_the_sentence() -> None:
    assert texts('"We wonen in een goed bos." Daarna sliep hij.') == [
        '"We wonen in een goed bos."',
        "Daarna sliep hij.",
    ]


def test_headings_bullets_and_blank_lines_end_a_sentence() -> None:
    text = (
        "Uw aanvraag\nWij hebben uw aanvraag ontvangen\n\n"
        "Wat moet u doen\n- formulier invullen\n- kopie sturen\n1. Bel ons. 2. Wacht."
    )
    assert texts(text) == [
        "Uw aanvraag",
        "Wij hebben uw aanvraag ontvangen",
        "Wat moet u doen",
        "- formulier invullen",
        "- kopie sturen",
        "1. Bel ons.",
        "2. Wacht.",
    ]


def test_links_and_email_addresses_are_single_words() -> None:
    assert texts("Kijk op www.overheid.nl. Of mail naar info@gemeente.nl. Dank u.") == [
        "Kijk op www.overheid.nl.",
        "Of mail naar info@gemeente.nl.",
        "Dank u.",
    ]


def test_offsets_point_into_the_original_text() -> None:
    text = "  Eerste zin.\n\nTweede   zin?  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text
    assert split_sentences(text)[1].words[0].text == "Tweede"


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_it_never_crashes_and_offsets_are_consistent(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.tokens
        for token in sentence.tokens:
            assert sentence.start <= token.start < token.end <= sentence.end
