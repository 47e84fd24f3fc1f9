"""The rewrite of frog's Alpino-style tree to UD's conventions, and LiNT-II's dependency length on it.

The trees are frog's output for the sentence (rows as frog prints them, with the columns we do not read left
empty), so these tests do not need frog installed.
"""

from __future__ import annotations

from denkraam.analysis.text.readability.ud import dependency_heads, max_dependency_length, parsed_words


def _rows(*words: tuple[str, str, str, int, str]) -> list[list[str]]:
    """(word, lemma, CGN tag, head, relation) -> frog's 12 tab-separated columns."""
    return [
        [str(number), word, lemma, "", tag, "1.0", "", "", "", "", str(head), relation]
        for number, (word, lemma, tag, head, relation) in enumerate(words, start=1)
    ]


# "De man heeft het boek gisteren gelezen ." as frog parses it: the finite auxiliary heads the clause.
PERFECT = _rows(
    ("De", "de", "LID(bep,stan,rest)", 2, "det"),
    ("man", "man", "N(soort,ev,basis,zijd,stan)", 3, "su"),
    ("heeft", "hebben", "WW(pv,tgw,met-t)", 0, "ROOT"),
    ("het", "het", "LID(bep,stan,evon)", 5, "det"),
    ("boek", "boek", "N(soort,ev,basis,onz,stan)", 3, "obj1"),
    ("gisteren", "gisteren", "BW()", 3, "mod"),
    ("gelezen", "lezen", "WW(vd,vrij,zonder)", 3, "vc"),
    (".", ".", "LET()", 7, "punct"),
)


def test_the_lexical_verb_heads_the_clause_so_the_subject_reaches_the_participle() -> None:
    words = parsed_words(PERFECT)
    heads = dependency_heads(words)
    assert heads[2] == [7]  # man -> gelezen
    assert heads[3] == [7]  # heeft (auxiliary) -> gelezen
    assert heads[7] == []  # the root
    # Between "man" and "gelezen": heeft het boek gisteren = 4 words.
    assert max_dependency_length(words) == 4


def test_the_noun_heads_a_prepositional_phrase() -> None:
    # "Hij woont in een groot huis ." : frog hangs "huis" from "in"; UD hangs "in" from "huis".
    words = parsed_words(
        _rows(
            ("Hij", "hij", "VNW(pers,pron,nomin,vol,3,ev,masc)", 2, "su"),
            ("woont", "wonen", "WW(pv,tgw,met-t)", 0, "ROOT"),
            ("in", "in", "VZ(init)", 2, "ld"),
            ("een", "een", "LID(onbep,stan,agr)", 6, "det"),
            ("groot", "groot", "ADJ(prenom,basis,zonder)", 6, "mod"),
            ("huis", "huis", "N(soort,ev,basis,onz,stan)", 3, "obj1"),
            (".", ".", "LET()", 6, "punct"),
        )
    )
    heads = dependency_heads(words)
    assert heads[6] == [2]
    assert heads[3] == [6]
    assert max_dependency_length(words) == 3  # woont ... huis: in een groot


def test_coordinated_verbs_share_their_subject_and_later_conjuncts_reach_back() -> None:
    # "Men betaalt met euro en spreekt Italiaans ." : frog makes "en" the head of both verbs.
    words = parsed_words(
        _rows(
            ("Men", "men", "VNW(pers,pron,nomin,red,3p,ev,masc)", 2, "su"),
            ("betaalt", "betalen", "WW(pv,tgw,met-t)", 5, "cnj"),
            ("met", "met", "VZ(init)", 2, "pc"),
            ("euro", "euro", "N(soort,ev,basis,zijd,stan)", 3, "obj1"),
            ("en", "en", "VG(neven)", 0, "ROOT"),
            ("spreekt", "spreken", "WW(pv,tgw,met-t)", 5, "cnj"),
            ("Italiaans", "Italiaans", "N(eigen,ev,basis,onz,stan)", 6, "obj1"),
            (".", ".", "LET()", 7, "punct"),
        )
    )
    heads = dependency_heads(words)
    assert heads[2] == []  # the first conjunct is the root
    assert heads[6] == [2]  # spreekt -> betaalt
    assert heads[1] == [2, 6]  # the subject of both verbs
    # Men ... spreekt: betaalt met euro en = 4 words between.
    assert max_dependency_length(words) == 4


def test_a_second_root_is_attached_to_the_main_verb() -> None:
    words = parsed_words(
        _rows(
            ("Hij", "hij", "VNW(pers,pron,nomin,vol,3,ev,masc)", 0, "ROOT"),
            ("komt", "komen", "WW(pv,tgw,met-t)", 0, "ROOT"),
            ("morgen", "morgen", "BW()", 2, "mod"),
        )
    )
    assert dependency_heads(words)[1] == [2]


def test_rows_without_a_position_or_parse_are_tolerated() -> None:
    words = parsed_words(
        [
            ["", "x"],
            ["1", "Ja", "ja", "", "TSW()", "1.0"],
            ["2", ".", ".", "", "LET()", "1", "", "", "", "", "x", "punct"],
        ]
    )
    assert [word.word for word in words] == ["Ja", "."]
    assert max_dependency_length(words) == 0
    assert max_dependency_length([]) == 0
