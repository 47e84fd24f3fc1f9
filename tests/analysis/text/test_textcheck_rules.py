"""Each rule of the text check: it flags what it should, and leaves plain Dutch alone."""

from __future__ import annotations

import pytest

from denkraam.analysis.findings import Finding
from denkraam.analysis.text.check import check_text


def findings(text: str, rule: str, **options: object) -> list[Finding]:
    return [item for item in check_text(text, **options).findings if item.rule == rule]  # type: ignore[arg-type]


def flagged(text: str, rule: str, **options: object) -> list[str]:
    """The flagged text of every finding of `rule` (empty string for whole-text findings)."""
    return [item.excerpt for item in findings(text, rule, **options)]


def test_it_flags_a_long_sentence_as_a_warning_and_a_very_long_one_as_an_error() -> None:
    long = "U krijgt " + "een " * 20 + "brief."
    very_long = "U krijgt " + "een " * 35 + "brief."
    short = "U krijgt een brief."
    result = findings(f"{long} {very_long} {short}", "lange-zin")
    assert [item.severity for item in result] == ["waarschuwing", "fout"]


def test_it_uses_the_chosen_sentence_length() -> None:
    text = "Wij sturen u binnen twee weken een nieuwe brief over uw aanvraag."
    assert flagged(text, "lange-zin") == []
    assert flagged(text, "lange-zin", max_sentence_words=8) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uw aanvraag wordt door ons beoordeeld.", "Uw aanvraag wordt door ons beoordeeld"),
        ("Het bedrag werd op 3 mei aan u uitbetaald.", "werd op 3 mei aan u uitbetaald"),
        ("Uw aanvraag is ontvangen.", "is ontvangen"),
        # 'wij' is the guessed actor only in a text that addresses its reader; the span grows to the rewrite.
        ("Wij laten u weten dat de brief verstuurd is.", "de brief verstuurd is"),
        ("Wij weten dat de brief verstuurd is.", "verstuurd is"),
    ],
)
def test_it_flags_passive_voice(text: str, expected: str) -> None:
    assert flagged(text, "lijdende-vorm") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Wij hebben uw aanvraag ontvangen.",
        "U bent op 1 mei verhuisd.",
        "Dit is goed voor uw gezondheid.",
        "Hij heeft zijn formulier gisteren gestuurd.",
        "Het kantoor is gesloten op maandag.",
    ],
)
def test_it_leaves_active_sentences_alone(text: str) -> None:
    assert flagged(text, "lijdende-vorm") == []


def test_it_notes_needless_zullen() -> None:
    result = findings("Wij zullen u een brief sturen. Wij sturen u een brief.", "overbodig-zullen")
    assert [item.excerpt for item in result] == ["zullen u een brief sturen"]
    assert result[0].rewrite == "sturen u een brief"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voor het indienen van een aanvraag hebt u een DigiD nodig.", "het indienen van"),
        ("Wij hebben uw aanvraag in behandeling genomen.", "in behandeling genomen"),
        ("De gemeente stelt een bedrag ter beschikking.", "ter beschikking"),
        ("De vaststelling van de hoogte van de berekening van de toeslag volgt.", "vaststelling van"),
    ],
)
def test_it_flags_nominal_style(text: str, expected: str) -> None:
    assert any(expected in excerpt for excerpt in flagged(text, "naamwoordstijl"))


def test_it_does_not_call_income_nominal_style() -> None:
    assert flagged("Het inkomen van uw partner telt mee.", "naamwoordstijl") == []


@pytest.mark.parametrize(
    ("text", "word", "alternative"),
    [
        ("Wij verstrekten u de informatie.", "verstrekten", "geven"),
        ("Teneinde u te helpen bellen wij.", "Teneinde", "om"),
        ("Indien u vragen hebt, bel ons.", "Indien", "als"),
        ("Een brief inzake uw huur.", "inzake", "over"),
        ("U kunt het formulier retourneren.", "retourneren", "terugsturen"),
        ("U kunt middels DigiD inloggen.", "middels", "met"),
        ("De brief d.d. 3 maart.", "d.d.", "op"),
        ("Wij zijn met het werk aangevangen.", "aangevangen", "beginnen"),
    ],
)
def test_it_flags_officialese_with_a_plainer_alternative(text: str, word: str, alternative: str) -> None:
    result = findings(text, "ambtelijk-woord")
    assert [item.excerpt for item in result] == [word]
    assert f"'{alternative}'" in result[0].suggestion


def test_it_leaves_plain_words_alone() -> None:
    assert flagged("Als u vragen hebt, kunt u ons bellen. Wij helpen u graag.", "ambtelijk-woord") == []


def test_it_flags_an_abbreviation_that_is_never_written_out_once() -> None:
    result = findings("U krijgt WW. Uw WW stopt in mei. Dit is i.v.m. uw leeftijd.", "afkorting")
    assert [item.excerpt for item in result] == ["WW", "i.v.m."]
    assert "Werkloosheidswet" in result[0].suggestion


@pytest.mark.parametrize(
    "text",
    ["U krijgt een uitkering volgens de Werkloosheidswet (WW). De WW stopt in mei.", "U krijgt WW (Werkloosheidswet)."],
)
def test_it_accepts_an_explained_abbreviation(text: str) -> None:
    assert flagged(text, "afkorting") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het is niet onmogelijk dat u geld terugkrijgt.", "niet onmogelijk"),
        ("Er is geen reden om niet te betalen.", "geen reden om niet"),
    ],
)
def test_it_flags_double_negatives(text: str, expected: str) -> None:
    assert flagged(text, "dubbele-ontkenning") == [expected]


def test_it_does_not_see_two_negations_in_two_clauses() -> None:
    assert flagged("U hoeft geen formulier te sturen als u niet verhuisd bent.", "dubbele-ontkenning") == []
    assert flagged("Wij hebben uw brief niet ontvangen.", "dubbele-ontkenning") == []


def test_it_flags_the_minority_form_of_address() -> None:
    result = findings("U krijgt een brief. Wilt u die lezen? Daarna kun je bellen.", "aanspreekvorm")
    assert [item.excerpt for item in result] == ["je"]


def test_a_repeated_form_of_address_is_one_finding_that_says_how_often_it_comes_back() -> None:
    text = (
        "U krijgt uw nieuwe pas. Jullie kunnen die ophalen. Neem uw oude pas mee. Bel ons als jullie vragen hebben. "
        "Jullie zijn welkom. Wilt u een afspraak maken? U kunt ook bellen."
    )
    result = findings(text, "aanspreekvorm")
    assert [item.excerpt for item in result] == ["Jullie"]
    assert result[0].message.endswith("Dit komt nog 2 keer voor in de tekst.")


def test_two_different_words_of_the_other_form_of_address_are_each_flagged() -> None:
    text = "U krijgt een pas. Die kun je ophalen. Jullie zijn welkom, maar u moet wel een afspraak maken."
    assert flagged(text, "aanspreekvorm") == ["je", "Jullie"]


def test_it_accepts_one_form_of_address() -> None:
    assert flagged("Je krijgt een brief. Lees je die? Daarna kun je bellen.", "aanspreekvorm") == []


def test_it_flags_men_and_a_letter_that_never_says_u() -> None:
    text = "Geachte heer, mevrouw,\n\nMen kan bezwaar maken.\n\nMet vriendelijke groet,\nTeam Burgerzaken"
    result = findings(text, "onpersoonlijk")
    assert "Men" in [item.excerpt for item in result]
    assert any("'u'" in item.message for item in result if not item.excerpt)


@pytest.mark.parametrize("word", ["binnenkort", "zo spoedig mogelijk", "z.s.m.", "op korte termijn", "te zijner tijd"])
def test_it_flags_vague_time_without_a_date(word: str) -> None:
    assert flagged(f"Wij sturen u {word} een nieuwe brief.", "vage-tijd") == [word]


def test_it_accepts_vague_time_with_a_concrete_date_nearby() -> None:
    assert flagged("Wij sturen u binnenkort een brief, uiterlijk op 15 maart.", "vage-tijd") == []
    assert flagged("U hoort binnenkort van ons. Dat is binnen 2 weken.", "vage-tijd") == []


@pytest.mark.parametrize(
    "text",
    [
        "De wijk is in de loop van de tijd veel groener geworden.",
        "Zo is in de loop van de tijd het aantal fietsers gegroeid.",
    ],
)
def test_a_gradual_change_over_time_is_not_a_vague_promise(text: str) -> None:
    assert flagged(text, "vage-tijd") == []


def test_a_vague_promise_next_to_a_gradual_change_is_still_flagged() -> None:
    text = "De wijk is in de loop van de tijd groener geworden. Wij planten binnenkort nog meer bomen."
    assert flagged(text, "vage-tijd") == ["binnenkort"]


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("Wij wijzen u erop dat u moet betalen.", "koele-toon", "Wij wijzen u erop dat u moet betalen"),
        ("U dient het formulier terug te sturen.", "koele-toon", "U dient het formulier terug te sturen"),
        ("Stuur het formulier NIET op.", "koele-toon", "NIET"),
        ("U bent verplicht om te reageren.", "dreigende-toon", "U bent verplicht"),
        ("Anders volgen sancties.", "dreigende-toon", "sancties"),
        ("U krijgt misschien een boete.", "dreigende-toon", "boete"),
        ("Betaal uiterlijk 1 mei, anders gaan wij verder.", "dreigende-toon", ", anders"),
    ],
)
def test_it_flags_cold_and_threatening_tone(text: str, rule: str, expected: str) -> None:
    assert expected in flagged(text, rule)


def test_a_threat_word_used_twice_is_one_finding_on_its_first_place() -> None:
    text = "Bouwen zonder vergunning is strafbaar. Wij leggen uit wat mag. Ook slopen zonder melding is strafbaar."
    [threat] = findings(text, "dreigende-toon")
    assert threat.start == text.index("strafbaar")
    assert threat.message.endswith("Dit komt nog 1 keer voor in de tekst.")


def test_two_different_threats_are_both_flagged() -> None:
    text = "Bouwen zonder vergunning is strafbaar. Wij schakelen daarna de deurwaarder in."
    assert flagged(text, "dreigende-toon") == ["strafbaar", "deurwaarder"]


def test_it_accepts_an_explained_fine_and_acronyms_in_capitals() -> None:
    assert flagged("U krijgt een boete van € 50 omdat u te laat was.", "dreigende-toon") == []
    assert flagged("Het UWV en de SVB werken samen.", "koele-toon") == []


def test_findings_land_on_the_frame_as_the_brief_says() -> None:
    text = "Wij zullen het binnenkort beoordelen. U bent verplicht te reageren. Men belt u."
    places = {(item.rule, item.need, item.principle) for item in check_text(text).findings}
    assert ("vage-tijd", "vertrouwen", "betrouwbaar") in places
    assert ("dreigende-toon", "vertrouwen", "vertrouwen-in-burger") in places
    assert ("onpersoonlijk", "persoonlijk", "respectvolle-toon") in places
    assert ("overbodig-zullen", "gemak", "begrijpelijke-taal") in places


def test_every_finding_points_at_its_excerpt() -> None:
    text = "Geachte heer,\n\nIndien u de bescheiden niet retourneert, zullen wij z.s.m. een boete opleggen."
    for item in check_text(text).findings:
        if item.end > item.start:
            assert " ".join(text[item.start : item.end].split()) == item.excerpt


def test_words_inside_placeholders_get_no_findings() -> None:
    # A scrubbed letter and a letter template: the fields are no abbreviations, no shouting, no hard words.
    text = (
        "Geachte heer [NAAM],\n\nWij betalen het bedrag op rekening [IBAN]. Uw aanvraag voor een [VERGUNNING] "
        "hebben wij ontvangen, (NAAM). Bel {{ telefoonnummer }} als u vragen hebt.\n\n"
        "Met vriendelijke groet,\n\n[NAAM]\n"
    )
    text += "Geboren te [PLAATS + INDIEN NODIG LAND].\n"
    excerpts = {item.excerpt for item in check_text(text).findings}
    assert excerpts.isdisjoint({"NAAM", "IBAN", "VERGUNNING", "telefoonnummer", "INDIEN", "PLAATS"}), excerpts
