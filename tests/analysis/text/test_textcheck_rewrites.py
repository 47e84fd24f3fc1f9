"""Rewrites, not tips: findings that carry the sentence part rewritten, and the false alarms they no longer raise.

Every rewrite must replace exactly the flagged span; each test puts it in its place and reads the result.
"""

from __future__ import annotations

import pytest

from denkraam.analysis.findings import Finding
from denkraam.analysis.text.check import check_text


def findings(text: str, rule: str) -> list[Finding]:
    return [item for item in check_text(text).findings if item.rule == rule]


def rewritten(text: str, rule: str) -> str:
    """The text with the rewrite of the one finding of `rule` in its place."""
    (item,) = findings(text, rule)
    assert item.rewrite, f"no rewrite for {item.excerpt!r}"
    return text[: item.start] + item.rewrite + text[item.end :]


# --- Long sentences: where to split, and the two sentences -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wij hebben uw aanvraag voor bijzondere bijstand op 3 maart ontvangen, maar wij missen nog de "
            "bankafschriften van de laatste drie maanden van u en uw partner.",
            "Wij hebben uw aanvraag voor bijzondere bijstand op 3 maart ontvangen. Maar wij missen nog de "
            "bankafschriften van de laatste drie maanden van u en uw partner.",
        ),
        (
            "Als u na 1 januari naar een andere gemeente verhuist, moet u dat binnen vijf dagen aan ons doorgeven "
            "via het formulier op onze website.",
            "Verhuist u na 1 januari naar een andere gemeente? Dan moet u dat binnen vijf dagen aan ons "
            "doorgeven via het formulier op onze website.",
        ),
        (
            "De bibliotheek in de wijk is de komende maanden op zaterdag gesloten, omdat het gebouw vanaf april "
            "een nieuw dak en nieuwe ramen krijgt.",
            "De bibliotheek in de wijk is de komende maanden op zaterdag gesloten. Dat is omdat het gebouw vanaf "
            "april een nieuw dak en nieuwe ramen krijgt.",
        ),
        (
            "Stuur de formulieren en de kopieën van uw loonstroken met de antwoordenvelop naar ons terug, zodat "
            "de medewerker van het team Inkomen alles op tijd kan beoordelen.",
            "Stuur de formulieren en de kopieën van uw loonstroken met de antwoordenvelop naar ons terug. Zo kan "
            "de medewerker van het team Inkomen alles op tijd beoordelen.",
        ),
        (
            "De bibliotheek aan het plein is vanaf maandag weer open, de openingstijden blijven hetzelfde als in de "
            "zomer van vorig jaar.",
            "De bibliotheek aan het plein is vanaf maandag weer open. De openingstijden blijven hetzelfde als in de "
            "zomer van vorig jaar.",
        ),
        (
            "Vraag op tijd een nieuwe pas aan bij de gemeente Als u zelf komt stemmen hebt u een stempas en een "
            "geldige pas nodig.",
            "Vraag op tijd een nieuwe pas aan bij de gemeente. Als u zelf komt stemmen hebt u een stempas en een "
            "geldige pas nodig.",
        ),
    ],
)
def test_a_long_sentence_comes_with_the_two_sentences_it_can_be_split_into(text: str, expected: str) -> None:
    assert rewritten(text, "lange-zin") == expected
    assert "Splits de zin na" in findings(text, "lange-zin")[0].suggestion


def test_a_comma_that_closes_an_inner_clause_is_no_place_to_split() -> None:
    text = (
        "Wij willen u erop wijzen dat wanneer u opnieuw onjuiste gegevens over uw inkomen doorgeeft, dit gevolgen "
        "kan hebben voor uw uitkering."
    )
    assert [item.rewrite for item in findings(text, "lange-zin")] == [""]


def test_a_long_list_gets_advice_where_to_split_but_no_rewrite_that_would_break_it() -> None:
    text = (
        "Neem naar de afspraak mee: uw paspoort, uw bankpas, de brief van de gemeente, uw loonstroken van de "
        "laatste drie maanden, het huurcontract en de jaaropgave van uw zorgverzekering."
    )
    (item,) = findings(text, "lange-zin")
    assert item.rewrite == ""
    assert "bijvoorbeeld bij" in item.suggestion


# --- Passive to active ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uw aanvraag wordt door ons beoordeeld.", "Wij beoordelen uw aanvraag."),
        (
            "Het bedrag werd op 3 mei door de gemeente aan u uitbetaald.",
            "De gemeente heeft het bedrag op 3 mei aan u uitbetaald.",
        ),
        ("U wordt door de gemeente gebeld.", "De gemeente belt u."),
        ("Op 3 mei werd het bedrag door ons aan u overgemaakt.", "Op 3 mei hebben wij het bedrag aan u overgemaakt."),
        ("De stukken worden door de medewerkers opgestuurd.", "De medewerkers sturen de stukken op."),
        ("Het formulier moet door u worden ingevuld.", "U moet het formulier invullen."),
        ("Wij weten dat uw aanvraag door ons wordt beoordeeld.", "Wij weten dat wij uw aanvraag beoordelen."),
        ("Er wordt door ons gecontroleerd of u recht hebt op toeslag.", "Wij controleren of u recht hebt op toeslag."),
    ],
)
def test_a_passive_with_its_actor_becomes_active_with_the_verb_in_its_place(text: str, expected: str) -> None:
    assert rewritten(text, "lijdende-vorm") == expected


def test_a_letter_that_speaks_as_wij_gets_wij_as_the_actor() -> None:
    text = "Uw aanvraag is ontvangen. Wij bellen u binnen twee weken."
    assert rewritten(text, "lijdende-vorm") == "Wij hebben uw aanvraag ontvangen. Wij bellen u binnen twee weken."
    assert "wij" in findings(text, "lijdende-vorm")[0].why


def test_a_text_that_speaks_of_itself_as_de_gemeente_gets_that_as_the_actor() -> None:
    text = "De gemeente gaat de weg opknappen. De stoep wordt in mei vernieuwd."
    assert (
        rewritten(text, "lijdende-vorm") == "De gemeente gaat de weg opknappen. De gemeente vernieuwt de stoep in mei."
    )


def test_a_passive_finding_points_at_its_own_auxiliary_and_participle() -> None:
    text = "Het formulier is gestuurd en het wordt elk jaar gecontroleerd."
    assert [item.excerpt for item in findings(text, "lijdende-vorm")] == ["is gestuurd", "wordt elk jaar gecontroleerd"]


def test_a_passive_without_an_actor_keeps_a_tip_and_points_at_its_verbs() -> None:
    (item,) = findings("Het tarief wordt elk jaar aangepast.", "lijdende-vorm")
    assert item.rewrite == ""
    assert item.excerpt == "wordt elk jaar aangepast"


@pytest.mark.parametrize(
    "text",
    [
        "Uw huurcontract is op 1 mei geëindigd.",
        "U bent in maart gestart met uw nieuwe baan.",
        "Uw vader is vorige week overleden.",
        "De kinderen zijn vorig jaar verhuisd naar Utrecht.",
        "Wij sturen u de gevraagde gegevens.",
        "Hij gebruikt de auto van zijn werkgever.",
        "U betaalt de huur aan het begin van de maand.",
        "Het ontwerpbesluit ligt zes weken ter inzage.",
        "Wij sturen u een verbeterd formulier.",
        "Op 24 juni was er een digitale bewonersbijeenkomst.",
        "Het is belangrijk dat u het formulier ondertekend terugstuurt.",
    ],
)
def test_it_does_not_call_these_passive(text: str) -> None:
    assert findings(text, "lijdende-vorm") == []


# --- Nominal style, needless zullen, double negation -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Voor het indienen van een aanvraag hebt u een DigiD nodig.",
            "Om een aanvraag in te dienen hebt u een DigiD nodig.",
        ),
        ("Het invullen van het formulier kost tien minuten.", "Het formulier invullen kost tien minuten."),
        ("Wij hebben uw aanvraag in behandeling genomen.", "Wij hebben uw aanvraag behandeld."),
        ("Wij nemen uw aanvraag in behandeling.", "Wij behandelen uw aanvraag."),
        ("De gemeente stelt een bedrag ter beschikking.", "De gemeente geeft een bedrag."),
        ("U kunt een keuze maken uit drie opties.", "U kunt kiezen uit drie opties."),
    ],
)
def test_nominal_style_becomes_the_verb(text: str, expected: str) -> None:
    assert rewritten(text, "naamwoordstijl") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wij zullen u volgende week bellen.", "Wij bellen u volgende week."),
        ("Morgen zullen wij het formulier opsturen.", "Morgen sturen wij het formulier op."),
        ("Ik weet zeker dat wij u zullen helpen.", "Ik weet zeker dat wij u helpen."),
        # 'informeren' is not 'in' + 'formeren'; 'inleveren' does split.
        ("Wij zullen u daarna per brief informeren.", "Wij informeren u daarna per brief."),
        ("Morgen zullen wij de boeken van uw zoon inleveren.", "Morgen leveren wij de boeken van uw zoon in."),
        # zullen + worden: the present of 'worden' takes its place, what follows the cluster stays.
        (
            "De aanvragen zullen worden beoordeeld door het team Vergunningen.",
            "De aanvragen worden beoordeeld door het team Vergunningen.",
        ),
        (
            "Volgende week zal de brief met de uitslag worden verstuurd.",
            "Volgende week wordt de brief met de uitslag verstuurd.",
        ),
        ("Ik zal morgen worden gebeld door de huisarts.", "Ik word morgen gebeld door de huisarts."),
        ("De regels die getoetst zullen worden, staan hieronder.", "De regels die getoetst worden, staan hieronder."),
        (
            "Het nieuwe plein zal een mooie plek worden voor de buurt.",
            "Het nieuwe plein wordt een mooie plek voor de buurt.",
        ),
    ],
)
def test_needless_zullen_becomes_the_present_tense(text: str, expected: str) -> None:
    assert rewritten(text, "overbodig-zullen") == expected


def test_zullen_as_a_guess_is_only_noted() -> None:
    (item,) = findings("Dat zal wel kloppen.", "overbodig-zullen")
    assert item.rewrite == ""


@pytest.mark.parametrize(
    "text",
    [
        "Er zal een nieuwe melding moeten worden gedaan.",  # a modal between: 'moet' would change the sentence
        "Er zullen wel afspraken gemaakt worden per woning.",  # 'wel': maybe a guess
        "U zult blij zijn met de nieuwe regeling.",  # 'U bent blij' would say something else
    ],
)
def test_zullen_with_another_verb_or_a_guess_keeps_its_tense(text: str) -> None:
    (item,) = findings(text, "overbodig-zullen")
    assert item.rewrite == ""


def test_a_double_negative_becomes_positive_when_that_is_safe() -> None:
    assert rewritten("Het is niet onmogelijk dat u geld terugkrijgt.", "dubbele-ontkenning") == (
        "Het is mogelijk dat u geld terugkrijgt."
    )
    (item,) = findings("Er is geen reden om niet te betalen.", "dubbele-ontkenning")
    assert item.rewrite == ""


# --- Empty openers, er-constructions, tangconstructies ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hierbij delen wij u mede dat uw aanvraag is goedgekeurd.", "Uw aanvraag is goedgekeurd."),
        ("Hierbij informeren wij u dat u recht hebt op huurtoeslag.", "U hebt recht op huurtoeslag."),
        ("Wij willen u erop wijzen dat de gemeente de kosten betaalt.", "De gemeente betaalt de kosten."),
        ("Het is een feit dat veel mensen het formulier te laat sturen.", "Veel mensen sturen het formulier te laat."),
        ("Hierbij sturen wij u het formulier.", "Wij sturen u het formulier."),
        ("Middels deze brief delen wij u mede dat uw aanvraag is goedgekeurd.", "Uw aanvraag is goedgekeurd."),
        ("Met deze brief laten wij u weten dat de gemeente de kosten betaalt.", "De gemeente betaalt de kosten."),
    ],
)
def test_an_empty_opener_is_dropped_and_the_message_comes_first(text: str, expected: str) -> None:
    assert rewritten(text, "leeg-begin") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er is sprake van een tekort op uw rekening.", "Er is een tekort op uw rekening."),
        ("Soms is er sprake van overlast.", "Soms is er overlast."),
        ("Er zijn mensen die het formulier niet invullen.", "Sommige mensen vullen het formulier niet in."),
        ("Er zijn veel bewoners die klagen.", "Veel bewoners klagen."),
    ],
)
def test_an_er_construction_gets_the_shorter_sentence(text: str, expected: str) -> None:
    assert rewritten(text, "er-constructie") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wij hebben de door u op 1 maart ingediende aanvraag ontvangen.",
            "Wij hebben de aanvraag die u op 1 maart hebt ingediend ontvangen.",
        ),
        ("De door ons verstuurde brief kwam niet aan.", "De brief die wij hebben verstuurd kwam niet aan."),
        ("Wij controleren de aan u verstrekte gegevens.", "Wij controleren de gegevens die aan u zijn verstrekt."),
    ],
)
def test_a_tangconstructie_puts_the_noun_first(text: str, expected: str) -> None:
    assert rewritten(text, "tangconstructie") == expected


def test_a_phrase_with_its_own_article_is_no_tangconstructie() -> None:
    assert findings("Wij doen dit op een aangepaste manier.", "tangconstructie") == []


# --- Capitals, threats and vague time: false alarms ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ONDERWERP: uw aanvraag voor een parkeervergunning",
        "BETREFT: uw aanvraag",
        "Beste [NAAM], wij hebben uw brief ontvangen.",
        "Beste {{ naam }}, u krijgt {{ BEDRAG }} terug.",
        "UW AANVRAAG\nWij hebben uw aanvraag ontvangen en sturen u binnen twee weken een besluit.",
    ],
)
def test_capitals_in_headings_labels_and_placeholders_are_not_shouting(text: str) -> None:
    assert findings(text, "koele-toon") == []


def test_a_shouted_word_in_a_sentence_gets_its_lower_case_form() -> None:
    assert rewritten("Stuur het formulier NIET op.", "koele-toon") == "Stuur het formulier niet op."


def test_a_fine_as_the_price_of_not_obeying_is_a_threat_with_a_calmer_rewrite() -> None:
    text = "Betaal vóór 1 mei, anders krijgt u een boete van € 50."
    assert rewritten(text, "dreigende-toon") == "Betaal vóór 1 mei. Doet u dat niet? Dan krijgt u een boete van € 50."
    conditional = findings("Als u niet op tijd betaalt, krijgt u een sanctie.", "dreigende-toon")
    assert [item.excerpt for item in conditional] == ["sanctie"]


@pytest.mark.parametrize(
    "text",
    [
        "U kunt bezwaar maken tegen een boete of een sanctie.",
        "Wat is een boete?",
        "U hebt recht op uitleg over elke sanctie die wij opleggen.",
    ],
)
def test_a_fine_or_sanction_as_information_is_not_a_threat(text: str) -> None:
    assert findings(text, "dreigende-toon") == []


@pytest.mark.parametrize(
    "text",
    [
        "Wij sturen u binnenkort, uiterlijk 1 maart, een nieuwe pas.",
        "Wij bellen u zo snel mogelijk, in elk geval binnen een week.",
        "De werkzaamheden beginnen spoedig. Wij verwachten begin april.",
        "Wij antwoorden zo snel mogelijk. Meestal is dat binnen 24 uur.",
    ],
)
def test_vague_time_followed_by_a_concrete_example_is_not_flagged(text: str) -> None:
    assert findings(text, "vage-tijd") == []


def test_vague_time_on_its_own_is_still_flagged() -> None:
    assert [item.excerpt for item in findings("Wij sturen u binnenkort een nieuwe pas.", "vage-tijd")] == ["binnenkort"]


def test_every_rewrite_replaces_exactly_its_span_and_says_why() -> None:
    letter = (
        "Geachte heer Jansen,\n\nHierbij delen wij u mede dat uw aanvraag is goedgekeurd. Uw bijdrage wordt door "
        "ons op 1 mei overgemaakt. Wij zullen u daarna bellen. Voor het indienen van een bezwaar hebt u zes weken."
        "\n\nMet vriendelijke groet,\nTeam Inkomen"
    )
    items = [item for item in check_text(letter).findings if item.rewrite]
    assert {item.rule for item in items} >= {"leeg-begin", "lijdende-vorm", "overbodig-zullen", "naamwoordstijl"}
    for item in items:
        assert item.end > item.start and item.why
        assert " ".join(letter[item.start : item.end].split()) == item.excerpt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U dient het formulier terug te sturen.", "U moet het formulier terugsturen."),
        ("Daarom dient u een kopie van uw paspoort mee te nemen.", "Daarom moet u een kopie van uw paspoort meenemen."),
        ("U wordt verzocht om het formulier voor 1 mei in te vullen.", "Wilt u het formulier voor 1 mei invullen?"),
        ("Wij wijzen u erop dat de huur op 1 mei omhoog gaat.", "De huur gaat op 1 mei omhoog."),
    ],
)
def test_a_commanding_phrase_gets_a_friendlier_sentence(text: str, expected: str) -> None:
    assert rewritten(text, "koele-toon") == expected


def test_what_the_reader_did_is_not_rewritten_with_wij_as_the_actor() -> None:
    text = "Wij sturen u een herinnering. De huur van januari is niet betaald."
    (item,) = findings(text, "lijdende-vorm")
    assert item.rewrite == ""


def test_a_door_phrase_inside_a_tangconstructie_is_not_the_actor_of_the_passive() -> None:
    text = "Wij bellen u. De door u verstrekte gegevens worden gecontroleerd."
    (item,) = findings(text, "lijdende-vorm")
    assert item.rewrite == ""
    assert rewritten(text, "tangconstructie") == "Wij bellen u. De gegevens die u hebt verstrekt worden gecontroleerd."


def test_an_opener_before_a_subject_it_cannot_read_gets_no_rewrite() -> None:
    (item,) = findings("Wij wijzen u erop dat de door u verstrekte gegevens worden gecontroleerd.", "koele-toon")
    assert item.rewrite == ""


def test_a_passive_whose_subject_is_left_out_after_en_gets_no_rewrite() -> None:
    text = "Uw verzoek is door ons beoordeeld en wordt toegekend."
    assert [item.rewrite for item in findings(text, "lijdende-vorm")] == ["Wij hebben uw verzoek beoordeeld", ""]


def test_an_er_construction_rewrites_only_its_own_clause() -> None:
    text = "Er zijn bewoners die de pas in een andere auto leggen, maar dat mag niet."
    assert rewritten(text, "er-constructie") == "Sommige bewoners leggen de pas in een andere auto, maar dat mag niet."


def test_an_officialese_phrase_inside_a_longer_one_is_not_flagged_twice() -> None:
    text = "U dient de ontbrekende gegevens te verstrekken."
    spans = [
        text[item.start : item.end]
        for item in check_text(text, is_letter=False).findings
        if item.rule == "ambtelijk-woord"
    ]
    assert len(spans) == 1, spans
    assert spans[0].startswith("dient") and spans[0].endswith("te verstrekken")


def test_an_empty_opener_right_under_the_salutation_is_found() -> None:
    # Without a blank line, the salutation line and the first sentence are read as one sentence.
    text = "Geachte mevrouw Bakker,\nHierbij delen wij u mede dat uw aanvraag is goedgekeurd.\n"
    found = [item for item in check_text(text).findings if item.rule == "leeg-begin"]
    assert [text[item.start : item.end] for item in found] == [
        "Hierbij delen wij u mede dat uw aanvraag is goedgekeurd"
    ]
    assert found[0].rewrite == "Uw aanvraag is goedgekeurd"


@pytest.mark.parametrize(
    "text",
    [
        "Deze regeling is bedoeld voor mensen met een laag inkomen.",
        "De onderzoekers zijn benieuwd naar uw mening.",
        "Het bedrag is gebaseerd op uw inkomen van vorig jaar.",
        "De vraag is gerelateerd aan uw aanvraag.",
    ],
)
def test_a_participle_that_names_a_state_after_zijn_is_no_passive(text: str) -> None:
    assert "lijdende-vorm" not in {item.rule for item in check_text(text, is_letter=False).findings}


# --- Long sentences: conditions in question word order and with an imperative -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Als u meer tijd nodig heeft om de gevraagde stukken bij elkaar te zoeken, neem dan voor 1 mei contact "
            "op met de consulent van het team Werk en Inkomen.",
            "Heeft u meer tijd nodig om de gevraagde stukken bij elkaar te zoeken? Neem dan voor 1 mei contact "
            "op met de consulent van het team Werk en Inkomen.",
        ),
        (
            "Woont u in een huurhuis, vraag dan eerst aan uw verhuurder of u een laadpaal voor uw auto aan de gevel "
            "mag hangen.",
            "Woont u in een huurhuis? Vraag dan eerst aan uw verhuurder of u een laadpaal voor uw auto aan de gevel "
            "mag hangen.",
        ),
        (
            "Heeft uw kind nog geen uitnodiging voor de vaccinatie gekregen of is de brief zoekgeraakt, dan kunt u "
            "een nieuwe afspraak maken bij de GGD.",
            "Heeft uw kind nog geen uitnodiging voor de vaccinatie gekregen of is de brief zoekgeraakt? Dan kunt u "
            "een nieuwe afspraak maken bij de GGD.",
        ),
        (
            "Heeft u vragen over de hoogte van de bijdrage of over de betaling in termijnen, belt u dan met het "
            "team Belastingen.",
            "Heeft u vragen over de hoogte van de bijdrage of over de betaling in termijnen? Belt u dan met het "
            "team Belastingen.",
        ),
        (
            "Als het niet lukt om de gevraagde stukken voor 1 mei bij ons in te leveren, kunt u ons bellen voor een "
            "nieuwe afspraak.",
            "Lukt het niet om de gevraagde stukken voor 1 mei bij ons in te leveren? Dan kunt u ons bellen voor een "
            "nieuwe afspraak.",
        ),
        (
            "Als u na de zomer begint aan een opleiding bij het ROC, dan stopt de uitkering van de gemeente op de "
            "eerste dag van de opleiding.",
            "Begint u na de zomer aan een opleiding bij het ROC? Dan stopt de uitkering van de gemeente op de "
            "eerste dag van de opleiding.",
        ),
    ],
)
def test_a_condition_before_the_comma_becomes_a_question_and_the_rest_keeps_its_words(text: str, expected: str) -> None:
    assert rewritten(text, "lange-zin") == expected


@pytest.mark.parametrize(
    "text",
    [
        # A sentence that opens with its verb but goes on without 'dan': not a condition, so no question.
        "Is de aanvraag voor de vergunning compleet, en zijn alle tekeningen van de aannemer bij ons binnen "
        "gekomen, na de zomer.",
        # The condition holds a list: the first comma is inside it, so a question there would cut the list.
        "Als u de huur, de servicekosten en de borg voor de nieuwe woning niet op tijd kunt betalen van uw "
        "inkomen, neem dan op tijd contact met ons op.",
        # The verb before 'aan' has a particle ("terugbetaalt"): where 'terug' goes in the question is not sure.
        "Als u het geld voor de huur van uw woning terugbetaalt aan de gemeente, krijgt u van ons een brief met de "
        "nieuwe afspraken.",
        # Moving the verb would cut the bracket in half.
        "Als u weer (voor een deel) begint met werken bij uw oude werkgever, dan stopt de uitkering van de gemeente "
        "op die dag.",
        # 'om' before the finite verb: not an 'om … te' group behind it, so no verb to move with confidence.
        "Als u om de twee weken een formulier met uw sollicitaties invult, krijgt u de uitkering van de gemeente "
        "gewoon door.",
    ],
)
def test_a_look_alike_of_a_condition_gets_no_question(text: str) -> None:
    (item,) = findings(text, "lange-zin")
    assert "?" not in item.rewrite


def test_a_clause_after_maar_or_en_that_opens_with_a_phrase_and_then_its_verb_is_split_off() -> None:
    text = (
        "Wij hebben de kavels aan de rand van het park al bouwrijp gemaakt, maar door de stijgende prijzen is de "
        "bouw van de woningen nog niet begonnen."
    )
    assert rewritten(text, "lange-zin") == (
        "Wij hebben de kavels aan de rand van het park al bouwrijp gemaakt. Maar door de stijgende prijzen is de "
        "bouw van de woningen nog niet begonnen."
    )
    text = (
        "Wij hebben uw aanvraag voor een vergunning voor het kappen van de boom ontvangen, en in de loop van mei "
        "krijgt u van ons een besluit."
    )
    assert rewritten(text, "lange-zin") == (
        "Wij hebben uw aanvraag voor een vergunning voor het kappen van de boom ontvangen. In de loop van mei "
        "krijgt u van ons een besluit."
    )


def test_a_phrase_after_maar_without_its_own_verb_is_not_made_a_sentence() -> None:
    text = (
        "De gemeente plaatst dit voorjaar nieuwe lantaarns in alle straten rond het plein, maar in de straat "
        "naast de oude school nog niet."
    )
    (item,) = findings(text, "lange-zin")
    assert "Maar in" not in item.rewrite


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Als u de rekening voor de kinderopvang van uw dochter heeft betaald krijgt u binnen twee weken het "
            "geld van ons terug.",
            "Heeft u de rekening voor de kinderopvang van uw dochter betaald? Dan krijgt u binnen twee weken het "
            "geld van ons terug.",
        ),
        (
            "Als je de brief van de gemeente over je toeslag nog niet hebt ontvangen kun je ons bellen op het "
            "nummer hieronder.",
            "Heb je de brief van de gemeente over je toeslag nog niet ontvangen? Dan kun je ons bellen op het "
            "nummer hieronder.",
        ),
        (
            "Als dat bij uw woning aan de Dorpsstraat het geval is kunnen wij u daarover in het voorjaar een aparte "
            "brief sturen.",
            "Is dat bij uw woning aan de Dorpsstraat het geval? Dan kunnen wij u daarover in het voorjaar een aparte "
            "brief sturen.",
        ),
        (
            "Omdat de school in de zomer een nieuw dak krijgt is de bibliotheek in het gebouw in juli en augustus "
            "dicht.",
            "De school krijgt in de zomer een nieuw dak. Daarom is de bibliotheek in het gebouw in juli en augustus "
            "dicht.",
        ),
    ],
)
def test_a_fronted_clause_without_its_comma_is_split_where_the_two_verbs_meet(text: str, expected: str) -> None:
    assert rewritten(text, "lange-zin") == expected


@pytest.mark.parametrize(
    "text",
    [
        # A group after the clause's verb ("van de informatie van Amsterdam"): where the clause ends is not sure.
        "Omdat de gegevens van de bewoners gescheiden moeten worden gehouden van de gegevens van de stad is het "
        "belangrijk om daar bij elke stap op te letten.",
        # 'je' with a verb whose inverted form is not regular here ("je verhuist" -> "verhuis je"): no question.
        "Als je in de loop van het jaar naar een andere gemeente verhuist moet je dat binnen vijf dagen aan de "
        "afdeling Burgerzaken doorgeven.",
    ],
)
def test_a_fronted_clause_without_a_comma_and_without_a_clear_end_is_not_split(text: str) -> None:
    (item,) = findings(text, "lange-zin")
    assert "?" not in item.rewrite and "Daarom" not in item.rewrite


def test_a_clause_with_tenzij_becomes_a_sentence_that_keeps_the_exception() -> None:
    text = (
        "U hoeft voor de ophaaldienst van het grofvuil in de wijk Noord dit jaar niets te betalen, tenzij u meer "
        "dan vier keer per jaar een afspraak maakt."
    )
    assert rewritten(text, "lange-zin") == (
        "U hoeft voor de ophaaldienst van het grofvuil in de wijk Noord dit jaar niets te betalen. Dat is anders "
        "als u meer dan vier keer per jaar een afspraak maakt."
    )


def test_a_clause_with_tenzij_that_the_sentence_goes_on_after_is_not_split_there() -> None:
    text = (
        "De gemeente stuurt u de aanslag voor de afvalstoffenheffing in maart, tenzij u al eerder betaald heeft, en "
        "de aanslag voor de rioolheffing komt in april."
    )
    (item,) = findings(text, "lange-zin")
    assert "anders als" not in item.rewrite
