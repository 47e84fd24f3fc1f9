"""Checksum-checked patterns for personal data: each type found when valid, left alone when not."""

from __future__ import annotations

import pytest

from denkraam.analysis.feedback.patterns import (
    find_addresses,
    find_bsns,
    find_dates,
    find_emails,
    find_ibans,
    find_pattern_spans,
    find_phones,
    find_postcodes,
    is_valid_bsn,
    is_valid_iban,
)
from denkraam.analysis.feedback.scrub import scrub_text


def _found(finder, text: str) -> list[str]:  # noqa: ANN001 - any finder
    return [text[start:end] for _kind, start, end in finder(text)]


def test_it_accepts_a_bsn_that_passes_the_11_proef() -> None:
    assert is_valid_bsn("111222333")
    assert is_valid_bsn("123456782")


def test_it_rejects_a_bsn_that_fails_the_11_proef() -> None:
    assert not is_valid_bsn("123456789")
    assert not is_valid_bsn("000000000")


@pytest.mark.parametrize("written", ["123456782", "1234.56.782", "123 456 782", "12.34.56.782"])
def test_it_finds_a_bsn_however_it_is_grouped(written: str) -> None:
    assert _found(find_bsns, f"Mijn BSN is {written}, klopt dat?") == [written]


def test_it_leaves_nine_digits_that_fail_the_checksum() -> None:
    assert _found(find_bsns, "Ordernummer 123456789 is niet aangekomen.") == []


def test_it_does_not_read_part_of_a_longer_number_as_a_bsn() -> None:
    assert _found(find_bsns, "Referentie 11122233344 graag vermelden.") == []


def test_it_validates_ibans_with_mod_97() -> None:
    assert is_valid_iban("NL91ABNA0417164300")
    assert is_valid_iban("NL91 ABNA 0417 1643 00")
    assert not is_valid_iban("NL92ABNA0417164300")


@pytest.mark.parametrize("written", ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300"])
def test_it_finds_an_iban_with_or_without_spaces(written: str) -> None:
    assert _found(find_ibans, f"Stort het op {written} alstublieft") == [written]


def test_it_leaves_an_iban_with_a_wrong_check_number() -> None:
    assert _found(find_ibans, "Rekening NL92ABNA0417164300 klopt niet") == []


@pytest.mark.parametrize(
    "written",
    [
        "06-12345678",
        "0612345678",
        "06 12 34 56 78",
        "020-1234567",
        "+31 6 12345678",
        "+31612345678",
        "0031 20 123 4567",
        "(020) 123 45 67",
        "+31 (0)6 1234 5678",
    ],
)
def test_it_finds_dutch_phone_numbers(written: str) -> None:
    assert _found(find_phones, f"Bel me op {written} na vijven.") == [written]


@pytest.mark.parametrize(
    "text", ["Bel 0800-1234567 gratis", "Ik belde 3 keer en wachtte 45 minuten", "Kosten: 1.250,00"]
)
def test_it_leaves_service_numbers_and_counts(text: str) -> None:
    assert _found(find_phones, text) == []


def test_a_phone_number_followed_by_a_count_keeps_the_count() -> None:
    assert _found(find_phones, "Gebeld naar 0612345678 3 keer") == ["0612345678"]


def test_it_finds_email_addresses() -> None:
    assert _found(find_emails, "Mail naar j.de.vries+uwv@example.nl of info@gemeente.example.") == [
        "j.de.vries+uwv@example.nl",
        "info@gemeente.example",
    ]


def test_it_leaves_an_at_sign_without_a_domain() -> None:
    assert _found(find_emails, "Ik ben @ het loket geweest, @gemeente reageert niet") == []


@pytest.mark.parametrize("written", ["1234 AB", "1234AB", "1234ab"])
def test_it_finds_postcodes(written: str) -> None:
    assert _found(find_postcodes, f"Ik woon in {written} Utrecht") == [written]


@pytest.mark.parametrize(
    "text", ["In 2023 en 2024 ging het mis", "Het is 1500 km rijden", "Postcode 1234 SS bestaat niet"]
)
def test_it_leaves_years_distances_and_impossible_postcodes(text: str) -> None:
    assert _found(find_postcodes, text) == []


@pytest.mark.parametrize("written", ["03-04-1978", "3/4/78", "1978-04-03", "3 april 1978", "12 mrt"])
def test_it_finds_dates_with_a_day_and_a_month(written: str) -> None:
    assert _found(find_dates, f"Geboren op {written} in Zwolle") == [written]


@pytest.mark.parametrize(
    "text", ["In maart 2023 belde ik", "Versie 2.3.1 van de app", "Zaaknummer 2023-01234", "Op 45-13-2020"]
)
def test_it_leaves_months_years_versions_and_impossible_dates(text: str) -> None:
    assert _found(find_dates, text) == []


@pytest.mark.parametrize("written", ["Kerkstraat 12", "Van Goghlaan 3a", "Laan van Meerdervoort 112", "Dorpsweg 7-2"])
def test_it_finds_street_addresses_with_a_house_number(written: str) -> None:
    assert _found(find_addresses, f"Ik woon op {written} sinds kort") == [written]


def test_it_leaves_a_street_without_a_number() -> None:
    assert _found(find_addresses, "Het kantoor aan de Kerkstraat was dicht") == []


def test_overlapping_patterns_resolve_to_one_placeholder() -> None:
    text = "Mail j.jansen1234AB@example.nl"
    kinds = {kind for kind, *_ in find_pattern_spans(text)}
    assert "EMAIL" in kinds
    assert scrub_text(text, names=False).text == "Mail [EMAIL]"


def test_a_case_number_that_happens_to_pass_the_11_proef_is_no_bsn() -> None:
    assert is_valid_bsn("202302738")
    assert _found(find_bsns, "Mijn zaaknummer is 2023-02738.") == []
