"""Passive voice and needless 'zullen': both hide who acts and make a letter slower to read."""

from __future__ import annotations

import re
from collections.abc import Iterator

import simplemma

from denkraam.analysis.findings import Finding

from ..tokens import Sentence, Token
from .base import RuleContext, finding
from .wording import lemma

_WORDEN = frozenset({"wordt", "worden", "werd", "werden", "word"})
# "zijn" is also the possessive ("zijn formulier"); it only counts right next to a participle.
_ZIJN_ADJACENT = frozenset({"zijn"})
_ZIJN = frozenset({"is", "was", "waren", "bent", "ben"})

# Strong participles ending in -en; prefixed forms ("doorgegeven", "afgewezen") end with one of these.
_STRONG = (
    "gegeven", "genomen", "gezien", "gesloten", "geschreven", "gelezen", "gevonden", "gehouden", "gedragen",
    "gewezen", "gezonden", "getroffen", "geboden", "geslagen", "geroepen", "gelaten", "gewogen", "gemeten",
    "gebonden", "geheven", "geschonken", "getrokken", "gescholden", "gedaan", "gebracht", "gevraagd",
    "ontvangen", "besloten", "beschreven", "verkregen", "verzonden", "verboden", "bevonden", "ontnomen",
    "ontheven", "bevolen", "vergeleken", "verstrekt", "bewezen", "bedongen", "verschoven", "verworven",
)  # fmt: skip
_SEPARABLE = (
    "aan|af|bij|door|in|mee|na|om|op|over|terug|toe|uit|vast|voor|weg|neer|samen|tegen|los|vrij|kwijt|binnen|thuis"
)
_WEAK = re.compile(rf"^(?:(?:{_SEPARABLE})?ge[a-zëï]{{2,}}|(?:{_SEPARABLE})?(?:be|ver|ont|her)[a-zëï]{{3,}})[dt]$")
# Not participles, or participles that take 'zijn' in the active voice ("u bent verhuisd").
_NOT_PASSIVE_WITH_ZIJN = frozenset(
    """
    verhuisd gestopt gebeurd gegaan gekomen geworden gebleven veranderd overleden begonnen gestegen gedaald verlopen
    vertrokken geboren gestorven geslaagd gelukt mislukt gelopen gevallen verschenen ontstaan gewend geweest
    verdwenen teruggekomen aangekomen ingegaan afgelopen getrouwd gescheiden gepensioneerd gegroeid toegenomen
    afgenomen opgehouden vergeten verhuist verplicht bereid bekend bevoegd betrokken verantwoordelijk gesloten
    geopend gelegen geschikt gezond gewoon gelijk genoodzaakt hersteld
    """.split()
)
_NOT_PARTICIPLE = frozenset(
    """
    gezond geld gebied gewend gemiddeld geleden gebeurt gebeurd gehad gedurende bericht verband verbod bestand bezet
    bekend bereid besteed beleid verschuldigd verantwoord bedrijfsgeld gebit gezicht gewicht gerecht gericht
    geschikt gelet bedankt betekent bestaat verdient bevat behoort vertelt verwacht begrijpt bepaalt besluit gezet
    vast herhaald
    """.split()
)
_WINDOW = 8


def is_participle(word: str) -> bool:
    """True when `word` looks like a Dutch past participle (gemaakt, verstuurd, doorgegeven)."""
    lower = word.lower()
    if len(lower) < 5 or lower in _NOT_PARTICIPLE or lower.endswith(("heid", "schap", "baarheid")):
        return False
    if lower.endswith(_STRONG):
        return True
    if not _WEAK.match(lower) or (lower.endswith("end") and not lower.endswith("kend")):
        return False  # "-end" without k is a present participle: "doorslaggevend"
    # Nouns and adjectives that look like participles ("geluid", "hermafrodiet") are their own lemma;
    # real participles lemmatise to the verb ("gemaakt" -> "maken"). "-eerd" verbs are listed as adjectives.
    return lower.endswith("eerd") or lemma(lower) != lower or not simplemma.is_known(lower, lang="nl")


def passive_in(sentence: Sentence) -> Iterator[tuple[Token, Token, bool]]:
    """(auxiliary, participle, with 'worden') for each passive construction in `sentence`.

    The one passive matcher: the rule below and the readability features both use it.
    """
    words = sentence.words
    for index, word in enumerate(words):
        lower = word.text.lower()
        if lower in _WORDEN:
            span = range(max(0, index - _WINDOW), min(len(words), index + _WINDOW + 1))
            with_worden = True
        elif lower in _ZIJN:
            span = range(max(0, index - 1), min(len(words), index + _WINDOW + 1))
            with_worden = False
        elif lower in _ZIJN_ADJACENT:
            span = range(max(0, index - 1), min(len(words), index + 2))
            with_worden = False
        else:
            continue
        for other in span:
            candidate = words[other].text.lower()
            if other == index or not is_participle(candidate):
                continue
            if not with_worden and candidate in _NOT_PASSIVE_WITH_ZIJN:
                continue
            yield word, words[other], with_worden
            break


def passive_voice(context: RuleContext) -> Iterator[Finding]:
    """Flag passive constructions; with 'worden' a warning, with 'zijn' (perfect passive) only a note."""
    for sentence in context.sentences:
        for auxiliary, participle, with_worden in passive_in(sentence):
            start, end = min(auxiliary.start, participle.start), max(auxiliary.end, participle.end)
            yield finding(
                context,
                "lijdende-vorm",
                start=start,
                end=end,
                severity="waarschuwing" if with_worden else "info",
                message=f"Lijdende vorm: '{auxiliary.text} … {participle.text}' zegt niet wie iets doet.",
                suggestion="Schrijf actief en noem wie het doet, bijvoorbeeld 'Wij hebben uw aanvraag ontvangen' "
                "in plaats van 'Uw aanvraag is ontvangen'.",
            )


_ZULLEN = frozenset({"zal", "zullen", "zult", "zul"})


def needless_zullen(context: RuleContext) -> Iterator[Finding]:
    """Flag 'zal/zullen' for the future: Dutch uses the present tense ('Wij sturen u een brief')."""
    for sentence in context.sentences:
        for word in sentence.words:
            if word.text.lower() in _ZULLEN:
                yield finding(
                    context,
                    "overbodig-zullen",
                    start=word.start,
                    end=word.end,
                    message=f"'{word.text}' is meestal niet nodig.",
                    suggestion="Gebruik de tegenwoordige tijd: 'Wij sturen u een brief' in plaats van "
                    "'Wij zullen u een brief sturen'.",
                )
