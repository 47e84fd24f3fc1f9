"""Word choice: verb forms, officialese with inflected rewrites, domain terms that need explaining, abbreviations."""

from __future__ import annotations

import pytest

from denkraam.analysis.text import inflection


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
