"""The house-style rule: a word the organisation avoids is flagged once, with its replacement and the list's name."""

from __future__ import annotations

from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.house_style import HouseStyle

UWV = HouseStyle(
    label="Huisstijl UWV, versie 3",
    avoid={"uitkeringsgerechtigde": "u", "verstrekken": "geven", "in verband met": "omdat", "derhalve": ""},
)

TEXT = (
    "Uitkeringsgerechtigde moet wijzigingen doorgeven. Wij verstrekten u eerder een formulier. "
    "Een uitkeringsgerechtigde die verhuist, meldt dat binnen een week. Dat is nodig in verband met de "
    "berekening. Een uitkeringsgerechtigde kan ons bellen."
)


def _house(text: str, style: HouseStyle = UWV) -> list:
    return [f for f in check_text(text, house_style=style, is_letter=False).findings if f.rule == "huisstijl"]


def test_each_term_gets_one_finding_at_its_first_place_saying_how_often_it_recurs() -> None:
    findings = _house(TEXT)
    assert [f.excerpt for f in findings] == ["Uitkeringsgerechtigde", "verstrekten", "in verband met"]
    first = findings[0]
    assert (first.start, first.end) == (0, len("Uitkeringsgerechtigde"))
    assert "nog 2 keer" in first.message
    assert all(f.source == "Huisstijl UWV, versie 3" for f in findings)


def test_the_replacement_is_the_rewrite_with_a_capital_at_the_start_of_a_sentence() -> None:
    findings = {f.excerpt: f for f in _house(TEXT)}
    assert findings["Uitkeringsgerechtigde"].rewrite == "U"
    assert findings["in verband met"].rewrite == "omdat"
    # An inflected form gets the replacement as advice, not a rewrite that would not fit the sentence.
    assert findings["verstrekten"].rewrite == ""
    assert "'geven', in de vorm die in de zin past" in findings["verstrekten"].suggestion


def test_only_whole_words_count_and_a_phrase_must_not_be_broken_by_punctuation() -> None:
    text = "De verstrekking loopt. Wij bellen in verband, met spoed. Het verbandmiddel ligt klaar."
    assert _house(text) == []


def test_a_term_without_replacement_gets_advice_only() -> None:
    (item,) = _house("Derhalve stoppen wij de uitkering.")
    assert item.rewrite == "" and item.suggestion == "Kies een ander, gewoon woord."


def test_without_a_house_style_there_are_no_house_style_findings() -> None:
    report = check_text(TEXT, is_letter=False)
    assert not [f for f in report.findings if f.rule == "huisstijl" or f.source]


def test_a_heading_in_capitals_gets_the_replacement_in_capitals() -> None:
    style = HouseStyle(label="Huisstijl", avoid={"beschikking": "besluit"})
    (item,) = _house("BESCHIKKING\n\nU krijgt meer geld.", style)
    assert item.rewrite == "BESLUIT"


def test_the_house_style_replaces_denkraams_own_advice_on_the_same_word() -> None:
    text = "Wij verzoeken u het formulier terug te sturen."
    own = [f.rule for f in check_text(text, is_letter=False).findings if f.excerpt == "verzoeken"]
    assert own == ["ambtelijk-woord"]
    style = HouseStyle(label="Huisstijl gemeente", avoid={"verzoeken": "vragen"})
    on_word = [f for f in check_text(text, house_style=style, is_letter=False).findings if f.excerpt == "verzoeken"]
    assert [(f.rule, f.rewrite, f.source) for f in on_word] == [("huisstijl", "vragen", "Huisstijl gemeente")]
