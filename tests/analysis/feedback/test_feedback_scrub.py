"""Scrubbing whole comments: numbers, addresses and names go, titles, relations and the sentence stay.

deduce is built once per test session (module-level instance), a few seconds once its cache exists.
"""

from __future__ import annotations

import pytest

from denkraam.analysis.feedback import PLACEHOLDER_TYPES, scrub_file_name, scrub_text, scrub_texts
from denkraam.analysis.feedback.scrub import might_contain_name

pytestmark = pytest.mark.slow


def test_it_replaces_each_kind_of_personal_data_by_its_placeholder() -> None:
    text = (
        "Ik ben Sanne Visser, BSN 111222333, IBAN NL91 ABNA 0417 1643 00, bel 06-12345678 of mail "
        "sanne@example.nl. Ik woon op de Kerkstraat 12, 1234 AB Ergens en ben geboren op 03-04-1978."
    )
    result = scrub_text(text)
    assert result.text == (
        "Ik ben [NAAM], BSN [BSN], IBAN [IBAN], bel [TELEFOON] of mail [EMAIL]. "
        "Ik woon op de [ADRES], [POSTCODE] Ergens en ben geboren op [DATUM]."
    )
    assert sorted(result.counts) == sorted(PLACEHOLDER_TYPES)


def test_replacements_point_into_the_original_text() -> None:
    text = "Meneer Bakker belde 0612345678."
    result = scrub_text(text)
    assert [(r.kind, text[r.start : r.end]) for r in result.replacements] == [
        ("NAAM", "Bakker"),
        ("TELEFOON", "0612345678"),
    ]


def test_it_keeps_the_title_before_a_name() -> None:
    assert scrub_text("Ik sprak mevrouw Jansen en dhr. Yilmaz.").text == "Ik sprak mevrouw [NAAM] en dhr. [NAAM]."


def test_it_keeps_mevrouw_and_mijn_zoon_when_no_name_follows() -> None:
    text = "Mevrouw aan de balie was vriendelijk en mijn zoon heeft het formulier ingevuld."
    assert scrub_text(text).text == text


def test_it_leaves_an_invalid_bsn_alone() -> None:
    assert scrub_text("Nummer 123456789 graag vermelden.").text == "Nummer 123456789 graag vermelden."


def test_it_leaves_organisations_and_products_alone() -> None:
    text = "De Belastingdienst en het UWV verwijzen naar elkaar, en DigiD werkt niet in de app van Toeslagen."
    assert scrub_text(text).text == text


def test_it_finds_a_name_at_the_start_of_a_sentence_and_in_a_signature() -> None:
    assert scrub_text("Piet belde me terug. Met vriendelijke groet, Kees van Dam").text == (
        "[NAAM] belde me terug. Met vriendelijke groet, [NAAM]"
    )


def test_the_fast_path_skips_comments_without_a_possible_name() -> None:
    assert not might_contain_name("Helaas duurde het lang bij de Belastingdienst. Ik wachtte een uur.")
    assert might_contain_name("Ik werd geholpen door Sandra.")
    assert might_contain_name("Fatima belde mij terug.")


def test_without_names_only_the_patterns_run() -> None:
    assert scrub_text("Sandra belde 0612345678", names=False).text == "Sandra belde [TELEFOON]"


def test_it_scrubs_many_texts_in_one_call() -> None:
    results = scrub_texts(["mail a@b.nl", "Geen gegevens hier."])
    assert [r.text for r in results] == ["mail [EMAIL]", "Geen gegevens hier."]


def test_places_and_common_words_opening_a_sentence_are_not_names() -> None:
    for text in [
        "Het loket in Den Haag was dicht.",
        "Mooi initiatief deze enquête.",
        "Pas na vier maanden kwam er een besluit.",
    ]:
        assert scrub_text(text).text == text


def test_a_name_that_starts_like_a_title_is_replaced_whole() -> None:
    assert scrub_text("Mijn dochter Iris heeft het ingevuld.").text == "Mijn dochter [NAAM] heeft het ingevuld."


def test_a_house_number_addition_is_part_of_the_address() -> None:
    assert scrub_text("Ik woon aan de Oude Rijn 73-2 in Leiden.").text == "Ik woon aan de [ADRES] in Leiden."


def test_a_surname_after_an_abbreviated_title_opening_a_sentence_is_replaced() -> None:
    assert scrub_text("Mw. Visser zei dat het geregeld was.").text == "Mw. [NAAM] zei dat het geregeld was."


def test_a_file_name_loses_the_name_and_number_joined_by_underscores_or_hyphens() -> None:
    assert scrub_file_name("brief_Jan_Jansen_123456782.docx") == "brief [NAAM] [BSN].docx"
    assert scrub_file_name("klacht-Jansen-06-12345678.pdf") == "klacht [NAAM] [TELEFOON].pdf"


def test_a_file_name_without_personal_data_is_kept_as_it_was() -> None:
    assert scrub_file_name("enquete_maart-2024.csv") == "enquete_maart-2024.csv"
