"""Word choice: verb forms, officialese with inflected rewrites, domain terms that need explaining, abbreviations."""

from __future__ import annotations

import pytest

from denkraam.analysis.findings import Finding
from denkraam.analysis.text import inflection
from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.house_style import HouseStyle
from denkraam.analysis.text.rules.base import first_per_term
from denkraam.analysis.text.rules.officialese_verbs import verb_entries
from denkraam.analysis.text.wordlists import lexicon, officialese


@pytest.mark.parametrize(
    ("infinitive", "tag", "form"),
    [
        ("verstrekken", "3", "verstrekt"),
        ("verstrekken", "past", "verstrekte"),
        ("verstrekken", "part", "verstrekt"),
        ("geven", "3", "geeft"),
        ("geven", "pastpl", "gaven"),
        ("geven", "part", "gegeven"),
        ("gebeuren", "3", "gebeurt"),
        ("gebeuren", "pastpl", "gebeurden"),
        ("retourneren", "part", "geretourneerd"),
        ("informeren", "part", "geïnformeerd"),
        ("verifiëren", "1", "verifieer"),
        ("leven", "past", "leefde"),
        ("reizen", "3", "reist"),
        ("zetten", "past", "zette"),
        ("leveren", "1", "lever"),
        ("beoordelen", "1", "beoordeel"),
        ("weigeren", "past", "weigerde"),
        ("verkrijgen", "part", "verkregen"),
        ("ontvangen", "past", "ontving"),
        ("verzoeken", "part", "verzocht"),
        ("voldoen", "past", "voldeed"),
        ("plaats|vinden", "3", "plaatsvindt"),
        ("plaatsvinden", "pastpl", "plaatsvonden"),
        ("plaatsvinden", "part", "plaatsgevonden"),
        ("aanvangen", "te", "aan te vangen"),
        ("aanvangen", "part", "aangevangen"),
        ("terugsturen", "part", "teruggestuurd"),
        ("in kennis|stellen", "part", "in kennis gesteld"),
        ("kenbaar |maken", "inf", "kenbaar maken"),
        ("kenbaar |maken", "te", "kenbaar te maken"),
        ("hebben", "2", "hebt"),
        ("zijn", "3", "is"),
        ("kunnen", "2", "kunt"),
    ],
)
def test_it_inflects_weak_strong_and_separable_verbs(infinitive: str, tag: str, form: str) -> None:
    assert inflection.conjugate(infinitive, tag) == form


def test_a_separable_verb_in_a_main_clause_leaves_its_particle_for_later() -> None:
    assert inflection.present("plaatsvinden", 3, joined=False) == "vindt"
    assert inflection.past("aanvangen", plural=True, joined=False) == "vingen"
    assert inflection.parse("plaatsvinden") == ("plaats", "vinden")


@pytest.mark.parametrize(
    ("form", "infinitive"),
    [("vond", "vinden"), ("verstrekte", "verstrekken"), ("gaf", "geven"), ("werd", "worden"), ("kreeg", "krijgen")],
)
def test_it_finds_the_infinitive_of_a_form(form: str, infinitive: str) -> None:
    assert inflection.infinitive_of(form) == infinitive


def test_it_knows_registered_separable_verbs_in_every_form() -> None:
    inflection.register(["plaats|vinden"])
    assert inflection.infinitive_of("plaatsgevonden") == "plaatsvinden"
    assert inflection.infinitive_of("tafel") is None


# --- Officialese verbs: every form, split forms, rewrites that fit the sentence -------------------------------


def findings(text: str, rule: str, **options: object) -> list[Finding]:
    return [item for item in check_text(text, **options).findings if item.rule == rule]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "span", "rewrite"),
    [
        ("Als de zitting plaatsvindt, bellen wij u.", "plaatsvindt", "gebeurt"),
        ("De gesprekken vonden gisteren plaats.", "vonden gisteren plaats", "gebeurden gisteren"),
        ("Het werk vangt op maandag aan.", "vangt op maandag aan", "begint op maandag"),
        ("Wij zijn met het werk aangevangen.", "aangevangen", "begonnen"),
        ("De gemeente verstrekt een pas.", "verstrekt", "geeft"),
        ("De pas wordt aan u verstrekt.", "verstrekt", "gegeven"),
        ("Wij verstrekten u de informatie.", "verstrekten", "gaven"),
        ("U kunt het formulier retourneren.", "retourneren", "terugsturen"),
        ("Wij vragen u het formulier te retourneren.", "te retourneren", "terug te sturen"),
        ("U dient het formulier voor 1 mei terug te sturen.", "dient het formulier voor 1 mei terug te sturen",
         "moet het formulier voor 1 mei terugsturen"),
        ("Wij doen u het formulier binnenkort toekomen.", "doen u het formulier binnenkort toekomen",
         "sturen u het formulier binnenkort"),
        ("Wij maken gebruik van uw gegevens.", "maken gebruik van", "gebruiken"),
        ("Beschikt u over een auto?", "Beschikt u over", "Hebt u"),
        ("Wij nemen uw aanvraag in behandeling.", "nemen uw aanvraag in behandeling", "behandelen uw aanvraag"),
        ("Wij stellen u in kennis van het besluit.", "stellen u in kennis van", "vertellen u over"),
    ],
)  # fmt: skip
def test_an_officialese_verb_gets_the_plain_verb_in_the_same_form(text: str, span: str, rewrite: str) -> None:
    result = findings(text, "ambtelijk-woord")
    assert [(item.excerpt, item.rewrite) for item in result] == [(span, rewrite)]
    assert text.replace(span, rewrite) != text  # the rewrite fits in the place of exactly the span


def test_a_separable_replacement_in_a_main_clause_gets_advice_but_no_broken_rewrite() -> None:
    # 'U stuurt terug het formulier' would be wrong; the particle has to move to the end.
    result = findings("U retourneert het formulier vandaag.", "ambtelijk-woord")
    assert [item.excerpt for item in result] == ["retourneert"]
    assert result[0].rewrite == ""
    assert "terugsturen" in result[0].suggestion


def test_a_noun_that_looks_like_a_verb_form_is_not_a_verb() -> None:
    assert findings("Het overleg met uw werkgever was goed. U vindt uw plaats op de kaart.", "ambtelijk-woord") == []


def test_voldoen_aan_conditions_is_not_paying() -> None:
    assert findings("U hebt niet voldaan aan de eisen.", "ambtelijk-woord") == []
    assert [item.rewrite for item in findings("U moet het bedrag voldoen.", "ambtelijk-woord")] == ["betalen"]


# --- False alarms: titles, quoted form names, terms explained nearby, house style ------------------------------


def test_the_title_of_a_regulation_is_not_officialese() -> None:
    text = "Dit staat in de Verordening verstrekking parkeervergunningen 2026. Wij helpen u graag."
    assert findings(text, "ambtelijk-woord") == []


def test_the_quoted_name_of_a_form_is_not_officialese() -> None:
    text = 'Vul het formulier "Verzoek om verstrekking van gegevens" in. Stuur het naar ons.'
    assert findings(text, "ambtelijk-woord") == []


def test_an_officialese_term_explained_in_the_next_sentence_is_not_flagged() -> None:
    text = "U krijgt een tegemoetkoming voor de kosten. Dat betekent dat wij een deel van de kosten betalen."
    assert [item.excerpt for item in findings(text.replace("Dat betekent", "Wij"), "ambtelijk-woord")]
    assert findings(text, "ambtelijk-woord") == []


def test_a_house_style_allowed_term_is_never_flagged() -> None:
    style = HouseStyle(label="Huisstijl Belastingdienst", allowed=frozenset({"aanslag", "indien"}))
    text = "Indien u het niet eens bent met de aanslag, kunt u bezwaar maken."
    assert [item.excerpt for item in findings(text, "ambtelijk-woord")] == ["Indien"]
    assert [item.excerpt for item in findings(text, "vakterm")] == ["aanslag"]
    assert findings(text, "ambtelijk-woord", house_style=style) == []
    assert findings(text, "vakterm", house_style=style) == []


# --- Domain terms: ask for an explanation, never for a replacement ---------------------------------------------


def test_an_unexplained_domain_term_asks_for_an_explanation_with_one() -> None:
    result = findings("Wij sturen u een dwangbevel. Betaal het bedrag binnen twee dagen.", "vakterm")
    assert [item.excerpt for item in result] == ["dwangbevel"]
    assert "Leg uit" in result[0].message
    assert result[0].rewrite.startswith("dwangbevel (")


@pytest.mark.parametrize(
    "text",
    [
        "Wij sturen u een dwangbevel (een officieel bevel om te betalen). Betaal binnen twee dagen.",
        "Wij sturen u een dwangbevel: een officieel bevel om te betalen.",
        "Wij sturen u een dwangbevel. Dat betekent dat u binnen twee dagen moet betalen.",
        "Een dwangbevel is een officieel bevel om te betalen. U krijgt er een.",
        "Wij sturen u een officieel bevel om te betalen (dwangbevel).",
        "Wij sturen u een dwangbevel, dat wil zeggen een officieel bevel om te betalen.",
    ],
)
def test_a_domain_term_explained_nearby_is_not_flagged(text: str) -> None:
    assert findings(text, "vakterm") == []


def test_the_right_term_in_context_is_never_told_to_be_replaced() -> None:
    text = "U hebt een aanmaning gekregen. Doe uw aangifte inkomstenbelasting voor 1 mei."
    assert findings(text, "ambtelijk-woord") == []
    assert {item.excerpt for item in findings(text, "vakterm")} == {"aanmaning", "aangifte inkomstenbelasting"}


# --- One finding per term per text ---------------------------------------------------------------------------


def test_a_repeated_term_gets_one_finding_that_counts_the_rest() -> None:
    text = "Indien u belt, helpen wij. Indien u schrijft, ook. Indien u langskomt, ook. Indien u mailt, ook."
    result = findings(text, "ambtelijk-woord")
    assert len(result) == 1
    assert "komt nog 3 keer voor" in result[0].message


def test_first_per_term_keeps_the_first_and_the_order() -> None:
    items = findings("Indien u belt, helpen wij. Derhalve bellen wij. Indien nodig ook.", "ambtelijk-woord")
    assert [item.excerpt for item in items] == ["Indien", "Derhalve"]
    assert [item.excerpt for item in first_per_term(items + items, key=lambda item: item.excerpt)] == [
        "Indien",
        "Derhalve",
    ]


# --- Abbreviations ---------------------------------------------------------------------------------------------


def test_names_of_organisations_and_services_are_never_flagged() -> None:
    text = "Log in bij MijnUWV met uw DigiD. Het UWV, de SVB, DUO, het CAK, het CJIB en de IND helpen u."
    assert findings(text, "afkorting") == []


def test_a_law_abbreviation_is_explained_by_what_it_means_not_by_its_name() -> None:
    result = findings("Dit besluit is genomen op grond van de Awb.", "afkorting")
    assert [item.excerpt for item in result] == ["Awb"]
    assert "bezwaar" in result[0].suggestion  # what it means for the reader
    assert result[0].rewrite == ""  # writing out the name alone would not help


def test_an_abbreviation_in_a_compound_is_left_to_the_compound() -> None:
    assert findings("Uw WW-uitkering stopt op 1 mei.", "afkorting") == []


def test_a_house_style_abbreviation_counts_as_explained() -> None:
    style = HouseStyle(label="Huisstijl gemeente", abbreviations={"wmo": "Wet maatschappelijke ondersteuning"})
    text = "U krijgt hulp uit de Wmo."
    assert [item.excerpt for item in findings(text, "afkorting")] == ["Wmo"]
    assert findings(text, "afkorting", house_style=style) == []


def test_a_dotted_abbreviation_is_rewritten_in_full() -> None:
    result = findings("Wij bellen u i.v.m. uw afspraak.", "afkorting")
    assert [(item.excerpt, item.rewrite) for item in result] == [("i.v.m.", "in verband met")]


# --- Lists and speed -------------------------------------------------------------------------------------------


def test_the_lists_are_big_disjoint_and_licensed() -> None:
    from importlib import resources

    terms = {term.term.lower() for term in lexicon()}
    assert len(terms) >= 950  # about 1,000 before everyday words were pruned by the criterion in the list headers
    assert len(verb_entries()) >= 300
    # A term is either officialese to replace or a domain term to explain, never both.
    assert not terms & {entry.term.lower() for entry in officialese()}
    folder = resources.files("denkraam.analysis.text.wordlists")
    for item in folder.iterdir():
        if item.name.endswith(".tsv"):
            assert (
                "EUPL-1.2"
                in item.read_text(encoding="utf-8").split("\n", 3)[1]
                + item.read_text(encoding="utf-8").split("\n", 3)[0]
            ), item.name


def test_most_officialese_findings_in_a_stiff_letter_carry_a_rewrite() -> None:
    letter = (
        "Geachte heer De Vries,\n\nIndien u het niet eens bent met dit besluit, dient u dit binnen zes weken te "
        "melden. Wij verzoeken u de gevraagde bescheiden te retourneren. De hoorzitting vindt op 3 mei plaats. "
        "Tevens verstrekken wij u een nieuwe pas. Derhalve is uw aanvraag reeds in behandeling genomen.\n"
    )
    result = findings(letter, "ambtelijk-woord")
    assert len(result) >= 6
    assert sum(1 for item in result if item.rewrite) / len(result) >= 0.8


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        ("Komt u in aanmerking voor huurtoeslag?", "Hebt u recht op"),
        ("Als u in aanmerking komt voor huurtoeslag, krijgt u geld.", "recht hebt op"),
        ("Deze regel is van toepassing op u.", "geldt voor"),
        ("Zij kwam op 3 mei te overlijden.", "overleed op 3 mei"),
        ("Uw moeder is komen te overlijden.", "overleden"),
        ("Wij brengen het bedrag in mindering op uw toeslag.", "trekken het bedrag af van"),
        ("Wij stellen u in de gelegenheid om te reageren.", "geven u de kans"),
    ],
)
def test_phrasal_verbs_are_rewritten_with_their_prepositions(text: str, rewrite: str) -> None:
    assert [item.rewrite for item in findings(text, "ambtelijk-woord")] == [rewrite]


@pytest.mark.parametrize(
    "text",
    [
        "Wij geven acht lessen van acht minuten.",  # 'acht' is a number, not 'achten'
        "Niemand gaat iets merken, maar we beloven er alles aan te doen.",  # the particle is in the next clause
        "Dan moeten zij aan een aantal voorwaarden voldoen.",  # meeting conditions, not paying
        "Het is belangrijk dat we er rekening mee gehouden hebben.",  # 'is ... gehouden' is not 'gehouden zijn'
        "U ontvangt de berichten in uw berichtenbox.",  # 'berichten' is a noun here
    ],
)
def test_look_alikes_of_officialese_verbs_are_left_alone(text: str) -> None:
    assert findings(text, "ambtelijk-woord") == []


def test_a_modal_dienen_before_a_passive_becomes_moeten() -> None:
    result = findings("Afwijkingen dienen vooraf te worden gemeld.", "ambtelijk-woord")
    assert [item.rewrite for item in result] == ["moeten vooraf worden"]


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        ("Uit het onderzoek is gebleken dat u beschikt over een auto.", "hebt"),  # 'is' is in another clause
        ("Wij weten dat de pas verstrekt is.", "gegeven"),
        ("Wij hebben u de pas verstrekt.", "gegeven"),
    ],
)
def test_a_participle_needs_an_auxiliary_in_its_own_clause(text: str, rewrite: str) -> None:
    assert [item.rewrite for item in findings(text, "ambtelijk-woord")] == [rewrite]
