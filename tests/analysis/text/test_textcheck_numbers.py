"""Numbers and codes are not hard words (issue 14, item 1), and the sentence splitter keeps them intact (item 2)."""

from __future__ import annotations

import os

import pytest

from denkraam.analysis.text.readability import assess_readability, frog_available
from denkraam.analysis.text.tokens import find_phone_numbers, split_sentences, tokenize


def codes(text: str) -> list[tuple[str, str]]:
    return [(token.text, token.kind) for token in tokenize(text) if token.is_code]


def sentences(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kom op 1 april 2027 langs.", ("1 april 2027", "datum")),
        ("Kom op 01-04-2027 langs.", ("01-04-2027", "datum")),
        ("Kom op 1-4-2027 langs.", ("1-4-2027", "datum")),
        ("Kom op 2027-04-01 langs.", ("2027-04-01", "datum")),
        ("Kom op 3 jan. 2027 langs.", ("3 jan. 2027", "datum")),
        ("Kom in maart 2027 langs.", ("maart 2027", "datum")),
        ("De balie opent om 9.00 uur.", ("9.00 uur", "tijd")),
        ("De balie opent om 14:30.", ("14:30", "tijd")),
        ("De balie is open van 9.00 - 17.00 uur.", ("9.00 - 17.00 uur", "tijd")),
        ("U betaalt € 1.234,56 terug.", ("€ 1.234,56", "bedrag")),
        ("U betaalt EUR 50 terug.", ("EUR 50", "bedrag")),
        ("U betaalt 50 euro terug.", ("50 euro", "bedrag")),
        ("U betaalt €75,- terug.", ("€75,-", "bedrag")),
        ("De huur stijgt 12,5% per jaar.", ("12,5%", "percentage")),
        ("De huur stijgt 12 procent per jaar.", ("12 procent", "percentage")),
        ("Ons adres is 1011 AB Amsterdam.", ("1011 AB", "postcode")),
        ("Mail naar info@gemeente.nl als u vragen heeft.", ("info@gemeente.nl", "email")),
        ("Kijk op www.uwv.nl/ww voor meer.", ("www.uwv.nl/ww", "url")),
        (
            "Kijk op https://www.rijksoverheid.nl/onderwerpen voor meer.",
            ("https://www.rijksoverheid.nl/onderwerpen", "url"),
        ),
        ("Log in op mijn.belastingdienst.nl en kijk.", ("mijn.belastingdienst.nl", "url")),
        ("Uw BSN is 123456782.", ("123456782", "kenmerk")),
        ("Uw kenmerk is 2026/12345.", ("2026/12345", "kenmerk")),
        ("Uw zaaknummer is Z-2026-001.", ("Z-2026-001", "kenmerk")),
        ("Maak het over naar NL91 ABNA 0417 1643 00.", ("NL91 ABNA 0417 1643 00", "iban")),
    ],
)
def test_a_number_or_code_is_one_token_with_its_kind(text: str, expected: tuple[str, str]) -> None:
    assert codes(text) == [expected]


@pytest.mark.parametrize(
    "number",
    [
        "020-1234567",
        "020 - 123 45 67",
        "020 123 45 67",
        "(020) 123 45 67",
        "0800-1234",
        "0900 123 45 67",
        "088 898 20 01",
        "06-12345678",
        "06 1234 5678",
        "+31 (0)20 123 4567",
        "+31 20 1234567",
        "+31 6 12345678",
        "0031 20 1234567",
        "14 020",
        "020\u00a0123\u00a045\u00a067",
    ],
)
def test_every_common_dutch_spelling_of_a_phone_number_is_found(number: str) -> None:
    text = f"Bel ons op {number} als u vragen heeft."
    start = text.index(number)
    assert find_phone_numbers(text) == [(start, start + len(number))]
    assert codes(text) == [(number, "telefoon")]


@pytest.mark.parametrize(
    "text",
    [
        "De afspraak is op 01-04-2027 10.00 uur.",
        "Het kost 1.234.567 euro.",
        "Uw BSN is 123456782.",
        "Er wonen 2027 mensen in het dorp.",
        "Bel ons op\n020 123 45 67 graag niet zo.",
    ],
)
def test_dates_amounts_and_other_numbers_are_not_phone_numbers(text: str) -> None:
    found = [text[start:end] for start, end in find_phone_numbers(text)]
    assert "\n" not in "".join(found)
    assert not any(part.startswith(("01-04", "1.234", "1234", "2027")) for part in found)


def test_a_phone_number_does_not_run_across_a_line_break() -> None:
    assert find_phone_numbers("Bel 020 123 45 67.\n06 1234 5678 is mobiel.") == [(4, 17), (19, 31)]


@pytest.mark.parametrize(
    "text",
    [
        "Neem bijv. een kopie mee.",
        "Dit geldt o.a. voor uw huur.",
        "Lees ook de achterkant z.o.z. van deze brief.",
        "Stuur het t.a.v. mevr. Bakker.",
        "U krijgt minder, d.w.z. u betaalt meer.",
        "Zie nr. 12 van de lijst.",
        "Vraag het aan mr. De Vries.",
        "Vraag het aan dhr. Jansen.",
        "Uw brief van 3 maart jl. hebben wij ontvangen.",
        "Neem pennen, papier e.d. mee.",
        "Neem pennen, papier etc. mee.",
        "Neem pennen, papier enz. mee.",
        "Wij betalen op 1 jan. 2027 uit.",
        "U krijgt € 1.234,56 terug.",
        "Kijk op www.uwv.nl/ww of mijn.belastingdienst.nl voor meer.",
        "Mail naar j.de.vries@gemeente.amsterdam.nl of bel ons.",
    ],
)
def test_the_splitter_keeps_abbreviations_dates_amounts_and_addresses_in_one_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Neem contact op met P&O. Zij helpen u.", ["Neem contact op met P&O.", "Zij helpen u."]),
        ("Stuur het naar de SVB. Zij beslissen.", ["Stuur het naar de SVB.", "Zij beslissen."]),
        ("Vraag het bij B&W. Die beslissen.", ["Vraag het bij B&W.", "Die beslissen."]),
        ("Neem pennen, papier enz. Daarna beginnen we.", ["Neem pennen, papier enz.", "Daarna beginnen we."]),
        ("Wij betalen uit op 1 jan. Daarna niet meer.", ["Wij betalen uit op 1 jan.", "Daarna niet meer."]),
        ("Kijk op mijn.belastingdienst.nl. Daar staat het.", ["Kijk op mijn.belastingdienst.nl.", "Daar staat het."]),
        ("Mail naar info@uwv.nl. Wij antwoorden snel.", ["Mail naar info@uwv.nl.", "Wij antwoorden snel."]),
        ("U krijgt € 1.234,56. Dat is meer.", ["U krijgt € 1.234,56.", "Dat is meer."]),
    ],
)
def test_the_splitter_still_ends_a_sentence_after_a_code_or_capitals(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_existing_rules_still_see_words_and_codes_as_words() -> None:
    tokens = tokenize("Bel 020 - 123 45 67.")
    assert [(token.text, token.is_word, token.kind) for token in tokens] == [
        ("Bel", True, "woord"),
        ("020 - 123 45 67", True, "telefoon"),
        (".", False, "leesteken"),
    ]


# A concrete sentence and its vague twin: the concrete one must not read as much harder (issue 14, item 1).
PAIRS = {
    "datum": ("Stuur het formulier vóór 1 april 2027 terug.", "Stuur het formulier zo snel mogelijk terug."),
    "datum (cijfers)": ("Wij verwerken uw aanvraag op 01-04-2027.", "Wij verwerken uw aanvraag volgende week."),
    "tijd": ("Het loket gaat om 9.00 uur open.", "Het loket gaat in de ochtend open."),
    "bedrag": ("U moet € 1.234,56 terugbetalen.", "U moet een bedrag terugbetalen."),
    "telefoon": ("Bel ons op 020 - 123 45 67 als u vragen heeft.", "Bel ons als u vragen heeft."),
    "telefoon (+31)": ("Vanuit het buitenland belt u +31 (0)20 123 4567.", "Vanuit het buitenland belt u ons."),
    "url": ("Op www.uwv.nl/ww leest u meer over de regels.", "Op onze website leest u meer over de regels."),
    "e-mail": ("Mail uw vraag naar info@gemeente.nl.", "Mail uw vraag naar ons."),
    "postcode": ("Stuur de brief naar ons adres: 1000 AC Amsterdam.", "Stuur de brief naar ons adres in Amsterdam."),
    "kenmerk": ("Noem bij vragen het kenmerk 2026/12345.", "Noem bij vragen het kenmerk van deze brief."),
    "zaaknummer": ("Uw nummer is Z-2026-001.", "Uw nummer staat in de brief."),
    "percentage": ("De huur stijgt met 12,5% per jaar.", "De huur stijgt elk jaar een beetje."),
}


@pytest.mark.parametrize("kind", list(PAIRS))
def test_a_concrete_number_or_code_scores_at_most_5_points_harder_than_its_vague_twin(kind: str) -> None:
    concrete, vague = PAIRS[kind]
    difference = assess_readability(concrete).score - assess_readability(vague).score
    assert difference <= 5, (kind, difference)


def test_the_issues_example_stays_at_level_1() -> None:
    concrete = assess_readability("Stuur het formulier vóór 1 april 2027 terug.")
    assert concrete.level == 1
    assert assess_readability("Bel ons op 020 - 123 45 67 als u vragen heeft.").score < 34


def test_a_code_counts_as_one_word_of_the_sentence() -> None:
    with_phone = assess_readability("Bel ons op +31 (0)20 123 4567 als u vragen heeft.")
    assert with_phone.features["words"] == 8


@pytest.mark.deep
def test_in_the_deep_tier_a_concrete_number_or_code_scores_at_most_5_points_harder() -> None:
    if not frog_available():
        if os.environ.get("CI"):
            pytest.fail("frog is not installed, but CI must run the deep tier")
        pytest.skip("frog is not installed")
    # Every sentence in one text: one frog run, then the per-sentence scores.
    texts = [sentence for pair in PAIRS.values() for sentence in pair]
    scored = assess_readability("\n\n".join(texts), deep=True).sentences
    scores = {sentence.text: sentence.score for sentence in scored}
    assert set(scores) == set(texts)
    for kind, (concrete, vague) in PAIRS.items():
        assert scores[concrete] - scores[vague] <= 5, (kind, scores[concrete], scores[vague])
