"""Sentence openers that say nothing ("Hierbij delen wij u mede dat"), 'er'-constructions ("Er is sprake van",
"Er zijn mensen die") and tangconstructies ("de door u op 1 maart ingediende aanvraag"): each with the sentence
part rewritten where a pattern can do it safely."""

from __future__ import annotations

import re
from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from ..tokens import Sentence, Token
from .base import RuleContext, finding
from .grammar import is_participle
from .rewrite import DETERMINERS, capitalise, join, subordinate_to_main

# Openers that only announce the message; what follows 'dat' is the message.
_EMPTY_OPENERS = re.compile(
    r"""^(?:
        (?:hierbij|(?:middels|met|in)\s+deze\s+brief)\s+(?:delen|deel)\s+(?:wij|we|ik)\s+u\s+(?:graag\s+)?(?:mede|mee)
      | (?:hierbij|(?:middels|met|in)\s+deze\s+brief)\s+(?:informeren|informeer|berichten|bericht)
        \s+(?:wij|we|ik)\s+u(?:\s+erover)?
      | (?:hierbij|(?:middels|met|in)\s+deze\s+brief)\s+(?:laten|laat)\s+(?:wij|we|ik)\s+u\s+weten
      | (?:wij|we|ik)\s+(?:willen|wil)\s+u\s+(?:graag\s+)?(?:erop|er\s+op|er\s+graag\s+op)\s+wijzen
      | graag\s+(?:willen|wil)\s+(?:wij|we|ik)\s+u\s+(?:erop|er\s+op)\s+wijzen
      | (?:wij|we|ik)\s+(?:willen|wil)\s+u\s+(?:graag\s+)?(?:laten\s+weten|meedelen|mededelen|informeren)
      | (?:wij|we|ik)\s+(?:delen|deel)\s+u\s+(?:graag\s+)?(?:mede|mee)
      | (?:het\s+is\s+)?een\s+feit\s+is
      | het\s+is\s+een\s+feit
      | feit\s+is
      | het\s+is\s+zo
    )\s*,?\s+dat\s+""",
    re.IGNORECASE | re.VERBOSE,
)
# "Hierbij sturen wij u …": the word 'hierbij' adds nothing; the subject moves to the front.
_HIERBIJ = re.compile(r"^hierbij\s+(\w+)\s+(wij|we|ik)\b", re.IGNORECASE)
# "Er is sprake van een tekort" -> "Er is een tekort"; "is er sprake van" -> "is er".
_SPRAKE = re.compile(r"\b(?:(er\s+(?:is|was|zijn|waren))|((?:is|was|zijn|waren)\s+er))\s+sprake\s+van\s+(?!geen\b)",
                     re.IGNORECASE)  # fmt: skip
# "Er zijn mensen die …" -> "Sommige mensen …".
_ER_ZIJN_DIE = re.compile(
    r"^er\s+(?:zijn|is)\s+(?:(veel|enkele|sommige|ook|nog|altijd)\s+)?([a-zë]{3,})\s+(?:die|dat)\s+",
    re.IGNORECASE,
)
_QUANTIFIER = {"": "Sommige", "ook": "Sommige", "nog": "Sommige", "altijd": "Sommige", "veel": "Veel",
               "enkele": "Enkele", "sommige": "Sommige"}  # fmt: skip
# A determiner, then a preposition group, then an inflected participle and its noun: the reader has to hold
# "de door u op 1 maart" until "ingediende aanvraag" tells him what it is about.
_TANG = re.compile(r"\b(de|het|deze|dit)\s+(?=(?:door|aan|op|in|bij|voor|van|namens|met)\s)", re.IGNORECASE)
_TANG_REACH = 8
_ACTORS = {"u": ("u", "hebt"), "ons": ("wij", "hebben"), "mij": ("ik", "heb"), "hen": ("zij", "hebben")}


def empty_openers(context: RuleContext) -> Iterator[Finding]:
    """Flag openers that only announce the message ("Hierbij delen wij u mede dat …"), with the sentence that
    starts with the message itself."""
    for sentence in context.sentences:
        match = _EMPTY_OPENERS.match(sentence.text)
        if match:
            rest = [word for word in sentence.words if word.start >= sentence.start + match.end()]
            main = subordinate_to_main(rest, context.text)
            end = rest[-1].end if rest else sentence.start + match.end()
            opener = sentence.text[: match.end()].strip()
            yield finding(
                context,
                "leeg-begin",
                start=sentence.start,
                end=end if main else sentence.start + len(opener),
                message=f"'{opener}' kondigt de boodschap alleen aan.",
                suggestion=f"Begin met de boodschap zelf: '{main}'."
                if main
                else "Laat het begin weg en begin met de boodschap zelf.",
                rewrite=main or "",
            )
            continue
        hierbij = _HIERBIJ.match(sentence.text)
        if hierbij:
            verb, subject = hierbij.group(1), hierbij.group(2)
            if verb.lower() in {"delen", "deel", "informeren", "informeer", "laten", "laat", "berichten"}:
                continue
            yield finding(
                context,
                "leeg-begin",
                start=sentence.start,
                end=sentence.start + hierbij.end(),
                message="'Hierbij' voegt niets toe.",
                suggestion=f"Begin met wie het doet: '{capitalise(subject)} {verb} …'.",
                rewrite=f"{capitalise(subject.lower())} {verb}",
            )


def er_constructions(context: RuleContext) -> Iterator[Finding]:
    """Flag 'er is sprake van' and 'er zijn mensen die', with the shorter sentence."""
    for match in _SPRAKE.finditer(context.text):
        kept = match.group(1) or match.group(2)
        yield finding(
            context,
            "er-constructie",
            start=match.start(),
            end=match.end(),
            message=f"'{match.group().strip()}' maakt de zin langer zonder iets te zeggen.",
            suggestion=f"Schrijf '{kept} …' zonder 'sprake van'.",
            rewrite=kept + " ",
        )
    for sentence in context.sentences:
        opening = _ER_ZIJN_DIE.match(sentence.text)
        if not opening:
            continue
        match = opening
        quantifier = (match.group(1) or "").lower()
        noun = match.group(2)
        if noun.lower() in {"geen", "niets", "iets", "niemand"} or not noun.islower():
            continue
        rest = _until_comma(sentence, sentence.start + match.end())
        subject = f"{_QUANTIFIER[quantifier]} {noun}" if noun.lower() != "iemand" else "Iemand"
        main = subordinate_to_main(rest, context.text, subject=subject)
        yield finding(
            context,
            "er-constructie",
            start=sentence.start,
            end=rest[-1].end if main and rest else sentence.start + match.end(),
            message=f"'{sentence.text[: match.end()].strip()}' stelt de zin uit: pas daarna komt wat er gebeurt.",
            suggestion=f"Begin met wie het doet: '{main}'." if main else f"Begin met wie het doet: '{subject} …'.",
            rewrite=main or "",
        )


def _until_comma(sentence: Sentence, offset: int) -> list[Token]:
    """The words of `sentence` from `offset` up to the first comma or semicolon (the relative clause)."""
    words: list[Token] = []
    for token in sentence.tokens:
        if token.start < offset:
            continue
        if not token.is_word:
            if token.text in {",", ";", ":"}:
                break
            continue
        words.append(token)
    return words


def tangconstructies(context: RuleContext) -> Iterator[Finding]:
    """Flag long groups between a determiner and its noun ("de door u op 1 maart ingediende aanvraag") and
    offer the noun first with a relative clause ("de aanvraag die u op 1 maart hebt ingediend")."""
    for match in _TANG.finditer(context.text):
        sentence = context.sentence_at(match.start())
        if sentence is None:
            continue
        words = [word for word in sentence.words if word.start >= match.end()][: _TANG_REACH + 2]
        for index in range(1, min(len(words) - 1, _TANG_REACH)):
            adjective, noun = words[index].text, words[index + 1].text
            lower = adjective.lower()
            if not lower.endswith(("de", "te", "en")) or noun.lower() in _NOT_NOUNS or not noun.islower():
                continue
            participle = adjective[:-1] if lower.endswith(("de", "te")) else adjective
            if not is_participle(participle) or is_participle(noun):
                continue
            if words[index - 1].text.lower() in DETERMINERS - {"ons"}:
                break  # "dit op een aangepaste manier": the group is a phrase of its own
            if any(not word.islower() and not word[0].isdigit() for word in (w.text for w in words[1:index])):
                break  # a name or a new sentence part in between: not sure what belongs to the group
            determiner = match.group(1)
            group = [word.text for word in words[:index]]
            rewrite = _untangle(determiner, group, participle, noun)
            yield finding(
                context,
                "tangconstructie",
                start=match.start(),
                end=words[index + 1].end,
                message=f"Tangconstructie: tussen '{determiner}' en '{noun}' staat '{' '.join(group)} {adjective}'.",
                suggestion=f"Noem eerst waar het over gaat: '{rewrite}'."
                if rewrite
                else f"Noem eerst het zelfstandig naamwoord en zet de rest erachter: '{determiner} {noun} die …'.",
                rewrite=rewrite,
            )
            break


_NOT_NOUNS = frozenset("en of maar dat die van voor door met op in is zijn wordt worden".split())


def _untangle(determiner: str, group: list[str], participle: str, noun: str) -> str:
    """'de' + 'door u op 1 maart' + 'ingediend' + 'aanvraag' -> 'de aanvraag die u op 1 maart hebt ingediend'."""
    lower = determiner.lower()
    relative = "die" if lower in {"de", "deze"} else "dat"
    plural = lower in {"de", "deze"} and noun.endswith(("en", "s")) and not noun.endswith(("ing", "heid"))
    if group[0].lower() == "door" and len(group) >= 2:
        actor = group[1].lower()
        if actor not in _ACTORS:
            return ""
        subject, have = _ACTORS[actor]
        middle = " ".join(group[2:])
        return join(determiner, noun, relative, subject, middle, have, participle)
    aux = "zijn" if plural else "is"
    return join(determiner, noun, relative, " ".join(group), aux, participle)
