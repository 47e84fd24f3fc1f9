"""Word choice precision (issue 14): a domain term explained in its sense only, everyday words and names of
regulations left alone, officialese rewrites that fit the sentence, one finding per span of words."""

from __future__ import annotations

import pytest

from denkraam.analysis.findings import Finding
from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.rules import _without_nested
from denkraam.analysis.text.wordlists import lexicon


def findings(text: str, rule: str) -> list[Finding]:
    return [item for item in check_text(text).findings if item.rule == rule]


def excerpts(text: str, rule: str) -> list[str]:
    return [item.excerpt for item in findings(text, rule)]


# --- A term with several senses is explained only in the sense the text is about ----------------------------


def test_a_care_facility_is_explained_in_a_text_about_care() -> None:
    text = "U hebt een voorziening nodig, zoals een rolstoel. Wij regelen dat via de Wmo."
    result = findings(text, "vakterm")
    assert [item.excerpt for item in result] == ["voorziening"]
    assert result[0].rewrite.startswith("voorziening (hulp")


def test_digital_facilities_get_no_explanation_of_care() -> None:
    text = "De website heeft voorzieningen voor het delen van bestanden. Zo werkt u makkelijk samen."
    assert findings(text, "vakterm") == []


def test_a_digital_payment_is_no_criminal_law_settlement() -> None:
    text = "Met de app doet u snel transacties. Uw bank bewaart ze veilig."
    assert findings(text, "vakterm") == []
    criminal = "De officier van justitie biedt u een transactie aan. Betaalt u, dan komt er geen zaak."
    assert "transactie (een bedrag dat u betaalt, zodat u niet naar de rechter hoeft)" in [
        item.rewrite for item in findings(criminal, "vakterm")
    ]


def test_a_duty_whose_sense_is_unclear_is_asked_about_without_a_wrong_explanation() -> None:
    company = "Uw bedrijf heeft een informatieplicht over energie. Stuur ons het rapport voor 1 juli."
    result = findings(company, "vakterm")
    assert [item.excerpt for item in result] == ["informatieplicht"]
    assert "Leg uit" in result[0].message
    assert result[0].rewrite == ""
    assert "uitkering" not in result[0].suggestion
    benefits = "U hebt een informatieplicht. Vertel ons elke verandering die uw uitkering raakt."
    assert "uitkering" in findings(benefits, "vakterm")[0].rewrite


def test_a_plural_gets_a_definition_instead_of_a_singular_explanation_in_brackets() -> None:
    text = "Belanghebbenden krijgen een kopie van het besluit. Zij kunnen bezwaar maken."
    result = findings(text, "vakterm")
    assert [item.excerpt for item in result] == ["Belanghebbenden"]
    assert result[0].rewrite == ""
    assert "Een belanghebbende is iemand voor wie het besluit gevolgen heeft." in result[0].suggestion


# --- Names of regulations and schemes are not flagged; the same words outside a name still are ----------------


@pytest.mark.parametrize(
    "text",
    [
        "U krijgt hulp volgens de Verordening jeugdhulp Deventer 2024. Bel ons als u vragen hebt.",
        "Verordening jeugdhulp Deventer 2024 regelt wie hulp krijgt. Bel ons als u vragen hebt.",
        "Verordening leerlingenvervoer 2023 geldt vanaf 1 augustus. Bel ons als u vragen hebt.",
    ],
)
def test_the_name_of_a_regulation_is_no_domain_term(text: str) -> None:
    assert "verordening" not in [item.lower() for item in excerpts(text, "vakterm")]


def test_a_regulation_as_a_word_is_still_a_domain_term() -> None:
    assert excerpts("De verordening geldt voor iedereen in de gemeente. Bel ons als u vragen hebt.", "vakterm") == [
        "verordening"
    ]
    assert excerpts("Verordening en beleid gelden hier. Bel ons als u vragen hebt.", "vakterm") == ["Verordening"]


def test_the_capitalised_name_of_a_scheme_is_not_officialese() -> None:
    named = "Ondernemers kunnen de Tegemoetkoming Energiekosten Mkb aanvragen. Dat kan tot 1 mei."
    assert excerpts(named, "ambtelijk-woord") == []
    opening = "Tegemoetkoming Energiekosten Mkb is er voor ondernemers. Dat kan tot 1 mei."
    assert excerpts(opening, "ambtelijk-woord") == []


def test_the_same_officialese_word_outside_a_name_is_still_flagged() -> None:
    assert excerpts("Wij geven u een tegemoetkoming in de kosten. Dat kan tot 1 mei.", "ambtelijk-woord") == [
        "tegemoetkoming"
    ]
    assert excerpts("Tegemoetkoming U krijgt geld.", "ambtelijk-woord") == ["Tegemoetkoming"]


# --- Words in a sense that is not officialese -----------------------------------------------------------------


def test_hierbij_as_the_letter_formula_is_flagged() -> None:
    assert excerpts("Hierbij stuur ik u de nieuwe pas. Bewaar hem goed.", "ambtelijk-woord") == ["Hierbij"]
    assert excerpts("U ontvangt hierbij het verslag van het gesprek.", "ambtelijk-woord") == ["hierbij"]
    assert excerpts("Hierbij laten wij u weten dat uw pas klaar is.", "ambtelijk-woord") == ["Hierbij"]
    assert excerpts("Hierbij de bijlage.", "ambtelijk-woord") == ["Hierbij"]


def test_hierbij_meaning_daarbij_is_not_flagged() -> None:
    text = "Wij bouwen een nieuwe school. Wij letten hierbij goed op de veiligheid van de kinderen."
    assert excerpts(text, "ambtelijk-woord") == []


def test_waartoe_is_not_told_to_become_waarvoor_where_the_sentence_needs_tot() -> None:
    assert excerpts("Dit is de ruimte waartoe alleen artsen toegang hebben.", "ambtelijk-woord") == []
    assert excerpts("Dit is het doel waartoe wij het geld gebruiken.", "ambtelijk-woord") == ["waartoe"]


def test_a_preposition_before_a_noun_is_not_the_particle_of_a_split_verb() -> None:
    assert excerpts("De minister schrijft elk jaar een brief aan de gemeenteraad.", "ambtelijk-woord") == []
    assert excerpts("Gemeenten leveren elke maand hun cijfers aan het ministerie.", "ambtelijk-woord") == []


def test_a_split_verb_whose_particle_ends_the_clause_is_still_flagged() -> None:
    assert excerpts("Wij schrijven alle bewoners van de straat aan.", "ambtelijk-woord") == [
        "schrijven alle bewoners van de straat aan"
    ]
    assert excerpts("U levert de gegevens voor 1 juni aan.", "ambtelijk-woord") == [
        "levert de gegevens voor 1 juni aan"
    ]


# --- The same words are reported once -------------------------------------------------------------------------


def test_an_officialese_infinitive_after_dienen_is_rewritten_in_one_go() -> None:
    text = "Na de verhuizing dien je zorg te dragen voor een nieuw adres bij de bank."
    result = findings(text, "ambtelijk-woord")
    assert [(item.excerpt, item.rewrite) for item in result] == [("dien je zorg te dragen", "moet je zorgen")]


def test_dienen_with_an_ordinary_infinitive_keeps_it() -> None:
    result = findings("U dient het formulier terug te sturen.", "ambtelijk-woord")
    assert [item.rewrite for item in result] == ["moet het formulier terugsturen"]


def _finding(rule: str, start: int, end: int, excerpt: str, rewrite: str = "") -> Finding:
    return Finding(rule, "gemak", "", "info", start, end, excerpt, "", rewrite=rewrite)


def test_a_word_that_a_longer_finding_rewrites_away_is_not_reported_again() -> None:
    text = "Het besluit wordt door ons nader toegelicht."
    outer = _finding("lijdende-vorm", 0, 43, text[:43], rewrite="Wij leggen het besluit later uit")
    word = _finding("ambtelijk-woord", 27, 32, "nader")
    assert _without_nested([outer, word]) == [outer]


def test_a_word_that_a_longer_finding_keeps_is_still_reported() -> None:
    text = "Het besluit wordt door ons nader toegelicht."
    kept = _finding("lijdende-vorm", 0, 43, text[:43], rewrite="Wij lichten het besluit nader toe")
    bare = _finding("lijdende-vorm", 0, 43, text[:43])
    word = _finding("ambtelijk-woord", 27, 32, "nader")
    assert _without_nested([kept, word]) == [kept, word]
    assert _without_nested([bare, word]) == [bare, word]
    sentence = _finding("lange-zin", 0, 43, text[:43], rewrite="Wij leggen het besluit later uit")
    assert _without_nested([sentence, word]) == [sentence, word]


# --- An officialese rewrite fits the sentence, or there is none -------------------------------------------------


def test_a_joined_verb_with_its_preposition_gets_no_rewrite_that_leaves_the_object_behind() -> None:
    result = findings("Omdat wij gebruik maken van de nieuwe regeling, betaalt u minder.", "ambtelijk-woord")
    assert [(item.excerpt, item.rewrite) for item in result] == [("gebruik maken van", "")]
    assert "gebruiken" in result[0].suggestion


def test_a_split_verb_with_its_preposition_in_a_main_clause_is_still_rewritten() -> None:
    result = findings("Wij maken gebruik van de nieuwe regeling.", "ambtelijk-woord")
    assert [item.rewrite for item in result] == ["gebruiken"]


@pytest.mark.parametrize(
    ("text", "span", "rewrite"),
    [
        (
            "Er hebben vorige week twee gesprekken plaatsgevonden.",
            "hebben vorige week twee gesprekken plaatsgevonden",
            "zijn vorige week twee gesprekken gebeurd",
        ),
        ("Nadat de keuring heeft plaatsgevonden, krijgt u bericht.", "heeft plaatsgevonden", "is gebeurd"),
    ],
)
def test_a_replacement_that_takes_zijn_changes_the_auxiliary_too(text: str, span: str, rewrite: str) -> None:
    assert [(item.excerpt, item.rewrite) for item in findings(text, "ambtelijk-woord")] == [(span, rewrite)]


def test_a_participle_with_the_same_auxiliary_is_rewritten_alone() -> None:
    result = findings("De verbouwing is gisteren aangevangen.", "ambtelijk-woord")
    assert [(item.excerpt, item.rewrite) for item in result] == [("aangevangen", "begonnen")]


# --- Everyday words are no domain terms ---------------------------------------------------------------------


def test_no_lexicon_term_is_a_high_frequency_word_unless_its_sense_is_marked() -> None:
    # Zipf >= 4 is 'high frequency' (Van Heuven et al. 2014). A frequent word stays only with cue words of the
    # domain sense it explains ('aanslag' is frequent as an attack, not as a tax assessment).
    from wordfreq import zipf_frequency

    frequent = [
        term.term
        for term in lexicon()
        if " " not in term.term and not term.cues and zipf_frequency(term.term.lower(), "nl") >= 4
    ]
    assert frequent == []


@pytest.mark.parametrize(
    "text",
    [
        "Een medewerker komt op huisbezoek. Hij belt u eerst.",
        "Kamerverhuur is in deze straat niet toegestaan. Bel ons als u vragen hebt.",
        "De rechter heeft een vonnis gegeven. U kunt in hoger beroep gaan.",
        "U hebt een meldingsplicht. Geef wijzigingen binnen een week door.",
    ],
)
def test_a_word_whose_parts_say_what_it_means_is_not_flagged(text: str) -> None:
    assert excerpts(text, "vakterm") == excerpts(text.replace("vonnis", "uitspraak"), "vakterm")
    assert not {"huisbezoek", "kamerverhuur", "vonnis", "meldingsplicht"} & {
        item.lower() for item in excerpts(text, "vakterm")
    }


def test_a_domain_term_whose_parts_do_not_explain_it_is_still_flagged() -> None:
    assert excerpts("U krijgt een dwangbevel. Betaal binnen twee dagen.", "vakterm") == ["dwangbevel"]
    assert excerpts("Wij houden rekening met uw draagkracht. Bel ons.", "vakterm") == ["draagkracht"]


# --- Safe rewrites where the plain word takes the officialese word's place ---------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "rewrite"),
    [
        ("Wij hebben het voornemen uw pas te verlengen.", "voornemen", "plan"),
        ("In geval van storing belt u de monteur.", "In geval van", "Bij"),
        ("Stuur alle relevante bonnetjes mee.", "relevante", "belangrijke"),
        ("Wij zoeken een structurele oplossing voor de overlast.", "structurele", "blijvende"),
        ("Neem beide legitimatiebewijzen mee naar de balie.", "legitimatiebewijzen", "identiteitsbewijzen"),
    ],
)
def test_a_plain_word_of_the_same_kind_is_offered_as_a_rewrite(text: str, span: str, rewrite: str) -> None:
    assert [(item.excerpt, item.rewrite) for item in findings(text, "ambtelijk-woord")] == [(span, rewrite)]


def test_an_inflection_whose_spelling_is_uncertain_gets_no_rewrite() -> None:
    from denkraam.analysis.text.rules.wording import _adjective_e

    assert [_adjective_e(word) for word in ("groot", "klein", "snel", "lief", "extra")] == [
        "grote",
        "kleine",
        "",
        "",
        "",
    ]


def test_terms_with_one_explanation_are_one_concept_flagged_once() -> None:
    text = "U bent arbeidsongeschikt. Door uw arbeidsongeschiktheid krijgt u minder loon."
    result = findings(text, "vakterm")
    assert [item.excerpt for item in result] == ["arbeidsongeschikt"]
    assert "komt nog 1 keer voor" in result[0].message
    explained = "U bent arbeidsongeschikt: u kunt door ziekte minder werken. Uw arbeidsongeschiktheid duurt lang."
    assert findings(explained, "vakterm") == []
