"""Nominal style (naamwoordstijl): verbs turned into nouns ("het indienen van", "in behandeling nemen")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from .. import inflection
from ..tokens import Token
from .base import RuleContext, finding
from .rewrite import capitalise, join, looks_finite, split_infinitive

# "het X-en van": a verb used as a noun. Words that are real nouns in their own right are left alone.
_INFINITIVE_NOUN = re.compile(r"\bhet\s+([a-zëéïö]{4,}en)\s+van\b")
_REAL_NOUNS = frozenset(
    """
    inkomen vermogen vertrouwen leven eten verleden examen teken wapen laken kussen wezen verlangen bestaan gebeuren
    ontbijt voorstellen belasten wonen vervoer regen
    """.split()
)

# Fixed verb-noun pairs, each with the plain verb to use instead. The verb part may be inflected.
_FIXED: tuple[tuple[str, str], ...] = (
    (r"ter\s+beschikking\s+(?:te\s+)?(?:stel\w*|gesteld)", "geven"),
    (r"in\s+behandeling\s+(?:te\s+)?(?:nem\w*|neem\w*|nam\w*|genomen)", "behandelen"),
    # main clause order: "De gemeente stelt een bedrag ter beschikking", "Wij nemen uw aanvraag in behandeling"
    (r"\bstel(?:t|len|de|den)?\s+(?:[^\s.!?]+\s+){0,5}?ter\s+beschikking\b", "geven"),
    (r"\b(?:neem|neemt|nemen|nam|namen)\s+(?:[^\s.!?]+\s+){0,5}?in\s+behandeling\b", "behandelen"),
    (r"in\s+overweging\s+(?:te\s+)?(?:nem\w*|neem\w*|genomen)", "overwegen"),
    (r"in\s+ontvangst\s+(?:te\s+)?(?:nem\w*|neem\w*|genomen)", "ontvangen / krijgen"),
    (r"in\s+aanmerking\s+(?:te\s+)?(?:nem\w*|neem\w*|genomen)", "meetellen"),
    (r"in\s+rekening\s+(?:te\s+)?(?:breng\w*|gebracht|bracht\w*)", "laten betalen"),
    (r"ter\s+kennis\s+(?:te\s+)?(?:breng\w*|gebracht)", "laten weten"),
    (r"tot\s+(?:uit)?betaling\s+(?:te\s+)?(?:overga\w*|overgegaan|ga\w*\s+over)", "betalen"),
    (r"(?:over\s*te\s+gaan|overgaan|overgegaan|gaan\s+over|gaat\s+over)\s+tot\s+(?:de\s+|het\s+)?\w+ing\b",
     "het werkwoord"),
    (r"tot\s+uitvoering\s+(?:te\s+)?(?:breng\w*|gebracht|kom\w*|gekomen)", "uitvoeren"),
    (r"uitvoering\s+(?:te\s+)?(?:gev\w*|geef\w*|gegeven)\s+aan", "uitvoeren"),
    (r"een\s+besluit\s+(?:te\s+)?(?:nem\w*|neem\w*|nam\w*|genomen)", "besluiten"),
    (r"een\s+beslissing\s+(?:te\s+)?(?:nem\w*|neem\w*|nam\w*|genomen)", "beslissen"),
    (r"een\s+aanvraag\s+(?:in\s+te\s+dienen|indien\w*|ingediend)", "aanvragen"),
    (r"een\s+verzoek\s+(?:in\s+te\s+dienen|indien\w*|ingediend|(?:te\s+)?doen|gedaan)", "vragen"),
    (r"een\s+bezoek\s+(?:te\s+)?(?:breng\w*|gebracht)", "bezoeken"),
    (r"toestemming\s+(?:te\s+)?(?:verlen\w*|verleend)", "toestemming geven"),
    (r"(?:een\s+)?controle\s+(?:uit\s+te\s+voeren|uitvoer\w*|uitgevoerd|voer\w*\s+\w*\s*uit)", "controleren"),
    (r"(?:de\s+)?betaling\s+(?:te\s+)?(?:verricht\w*|voldo\w*|voldaan)", "betalen"),
    (r"een\s+beroep\s+(?:te\s+)?(?:do\w*|gedaan)\s+op", "vragen om / gebruiken"),
    (r"in\s+kennis\s+(?:te\s+)?(?:stel\w*|gesteld)", "laten weten"),
    (r"(?:de\s+)?mogelijkheid\s+(?:te\s+)?(?:bied\w*|geboden)", "kunnen"),
    (r"(?:een\s+)?wijziging\s+(?:aan\s+te\s+brengen|aanbreng\w*|aangebracht|breng\w*\s+\w*\s*aan)", "wijzigen"),
    (r"(?:een\s+)?keuze\s+(?:te\s+)?(?:mak\w*|maakt|gemaakt)", "kiezen"),
    (r"(?:in\s+)?het\s+bezit\s+(?:te\s+)?(?:zijn|is|bent|zij)\s+van", "hebben"),
)  # fmt: skip
_FIXED_RE = re.compile("|".join(f"(?:{pattern})" for pattern, _ in _FIXED), re.IGNORECASE)
_FIXED_PARTS = [(re.compile(pattern, re.IGNORECASE), verb) for pattern, verb in _FIXED]

# Two or more "-ing van" nouns close together: "de vaststelling van de hoogte van de berekening van".
_ING_CHAIN = re.compile(r"\b[a-zë]{4,}ing(?:en)?\s+van\b(?:\s+\S+){0,5}?\s+[a-zë]{4,}ing(?:en)?\s+van\b", re.IGNORECASE)


def _plain_verb(matched: str) -> str:
    for pattern, verb in _FIXED_PARTS:
        if pattern.fullmatch(matched):
            return verb
    return "een werkwoord"


def find_nominal(text: str, lower: str) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, verb) of each nominal-style hit in `text` (`lower` is its lower-cased form, same
    offsets): kind "fixed" (verb-noun pair, verb = the plain verb), "infinitive" ("het X-en van", verb = X) or
    "chain" ("-ing van" twice close together, verb empty). The rule below and the readability features use it.
    """
    taken: list[tuple[int, int]] = []
    for match in _FIXED_RE.finditer(lower):
        taken.append(match.span())
        yield "fixed", match.start(), match.end(), _plain_verb(match.group())
    for match in _INFINITIVE_NOUN.finditer(lower):
        verb = match.group(1)
        if verb in _REAL_NOUNS or any(s <= match.start() < e for s, e in taken):
            continue
        taken.append(match.span())
        yield "infinitive", match.start(), match.end(), verb
    for match in _ING_CHAIN.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        yield "chain", match.start(), match.end(), ""


def _verb_forms(infinitive: str) -> tuple[str, ...]:
    """The forms that tell which form of the plain verb fits the light verb's ("genomen" -> "behandeld"), from the
    project's inflection module. Order: ik, hij/u, wij/infinitive, past, past plural, participle."""
    return (
        inflection.present(infinitive, 1),
        inflection.present(infinitive, 3),
        infinitive,
        inflection.past(infinitive),
        inflection.past(infinitive, plural=True),
        inflection.participle(infinitive),
    )


# (noun part as it stands in the text, light verb, plain verb, words kept in front of the plain verb)
_PAIRS: tuple[tuple[str, str, str, str], ...] = (
    ("ter beschikking", "stellen", "geven", ""),
    ("in behandeling", "nemen", "behandelen", ""),
    ("in overweging", "nemen", "overwegen", ""),
    ("in ontvangst", "nemen", "ontvangen", ""),
    ("een besluit", "nemen", "besluiten", ""),
    ("een beslissing", "nemen", "beslissen", ""),
    ("een keuze", "maken", "kiezen", ""),
    ("toestemming", "verlenen", "geven", "toestemming"),
    ("in kennis", "stellen", "informeren", ""),
    ("een bezoek", "brengen", "bezoeken", ""),
    ("een verzoek", "doen", "vragen", "om iets"),
)
# Verbs of something that happens by itself: in "het verstrijken van de termijn" the 'van' phrase is the subject
# (the term expires), so "om de termijn te verstrijken" or "De termijn verstrijken …" would be nonsense.
_HAPPENS_BY_ITSELF = frozenset(
    """
    verstrijken aflopen verlopen ingaan eindigen beginnen vervallen ontstaan verdwijnen stijgen dalen overlijden
    sterven groeien toenemen afnemen gebeuren
    """.split()
)
_NP_DETERMINERS = frozenset("de het een uw onze deze dit die alle".split())


def _fixed_rewrite(found: str) -> str:
    """The plain verb in the form of the light verb it replaces: "in behandeling genomen" -> "behandeld",
    "stelt een bedrag ter beschikking" -> "geeft een bedrag". Empty when the pair is not in the table."""
    words = found.split()
    lower = [word.lower() for word in words]
    text = " ".join(lower)
    for noun, light, plain, kept in _PAIRS:
        if kept == "om iets":
            continue  # "een verzoek doen" -> "vragen om …" needs the object; no safe rewrite
        forms = _verb_forms(light)
        if text.startswith(noun + " "):
            rest = lower[len(noun.split()) :]
            te = rest[:1] == ["te"]
            verb = rest[1:] if te else rest
            if len(verb) != 1 or verb[0] not in forms:
                continue
            form = _verb_forms(plain)[forms.index(verb[0])]
            return " ".join(part for part in (kept, "te" if te else "", plain if te else form) if part)
        if text.endswith(" " + noun) and lower[0] in forms:
            middle = words[1 : len(words) - len(noun.split())]
            form = _verb_forms(plain)[forms.index(lower[0])]
            return " ".join([form, *([kept] if kept else []), *middle])
    return ""


def _infinitive_rewrite(context: RuleContext, start: int, end: int, verb: str) -> tuple[int, int, str]:
    """'Voor het indienen van een aanvraag hebt u …' -> 'Om een aanvraag in te dienen hebt u …'; at the start of a
    sentence 'Het indienen van een aanvraag kan …' -> 'Een aanvraag indienen kan …'. (start, end, "") when the
    phrase is neither."""
    split = split_infinitive(verb)
    sentence = context.sentence_at(start)
    if split is None or sentence is None or verb in _HAPPENS_BY_ITSELF:
        return start, end, ""
    words = [word for word in sentence.words if word.start >= end]
    if len(words) < 3 or words[0].text.lower() not in _NP_DETERMINERS:
        return start, end, ""
    noun_end = 2 if not words[1].text.endswith("e") or words[1].text.lower() in {"gemeente"} else 3
    if noun_end >= len(words) or not words[noun_end - 1].text.islower():
        return start, end, ""
    following = words[noun_end]
    between = context.text[words[noun_end - 1].end : following.start]
    if "," not in between and not looks_finite(following.text):
        return start, end, ""  # the phrase goes on ("van een aanvraag voor bijstand"): not sure where it ends
    phrase = context.text[words[0].start : words[noun_end - 1].end]
    before = context.text[sentence.start : start].rstrip()
    particle, base = split
    if before.lower().endswith("voor") and before.lower() in {"voor"}:
        te = f"{particle} te {base}" if particle else f"te {base}"
        return sentence.start, words[noun_end - 1].end, capitalise(join("om", phrase, te))
    if start == sentence.start:
        if _plural_phrase(words[:noun_end]):
            # "De boosterprikken zetten raakt …": a plural noun and the infinitive read as subject and verb.
            return start, end, ""
        return start, words[noun_end - 1].end, capitalise(join(phrase.lower() if phrase[:1].isupper() else phrase,
                                                               verb))  # fmt: skip
    return start, end, ""


_PLURAL_DETERMINERS = frozenset({"de", "deze", "die", "alle", "uw", "onze"})


def _plural_phrase(words: list[Token]) -> bool:
    """True for a noun phrase that may be plural ("de boosterprikken", "uw kinderen"): before an infinitive it
    reads as a subject with its plural verb, since the plural present equals the infinitive."""
    noun = words[-1].text.lower()
    return words[0].text.lower() in _PLURAL_DETERMINERS and noun.endswith(("en", "s")) and not noun.endswith("ss")


def _infinitive_tip(context: RuleContext, start: int, end: int, verb: str) -> str:
    """The tip when no rewrite is safe. It names the reader ('als u … indient') only when the thing acted on is
    the reader's own ("het indienen van uw aanvraag"); otherwise nobody is guessed: the writer knows who acts."""
    following = context.lower[end : end + 5].split()
    if following[:1] == ["uw"]:
        return (
            f"Schrijf met het werkwoord en zeg wie het doet, bijvoorbeeld 'als u … {verb}' "
            f"in plaats van 'het {verb} van …'."
        )
    return f"Schrijf met het werkwoord '{verb}' en zeg wie of wat het doet, in plaats van 'het {verb} van …'."


def nominal_style(context: RuleContext) -> Iterator[Finding]:
    """Flag nominalised verbs, fixed verb-noun constructions and chains of '-ing van', with the plain verb in its
    place where a pattern can say it."""
    for kind, start, end, verb in find_nominal(context.text, context.lower):
        found = context.text[start:end]
        if kind == "fixed":
            rewrite = _fixed_rewrite(found)
            yield finding(
                context,
                "naamwoordstijl",
                start=start,
                end=end,
                message=f"Naamwoordstijl: '{found}'.",
                suggestion=f"Gebruik het werkwoord: '{rewrite or verb}'.",
                rewrite=rewrite,
            )
        elif kind == "infinitive":
            start, end, rewrite = _infinitive_rewrite(context, start, end, verb)
            yield finding(
                context,
                "naamwoordstijl",
                start=start,
                end=end,
                message=f"Naamwoordstijl: '{found}' maakt van een werkwoord een zelfstandig naamwoord.",
                suggestion=f"Schrijf met het werkwoord: '{rewrite}'."
                if rewrite
                else _infinitive_tip(context, start, end, verb),
                rewrite=rewrite,
            )
        else:
            yield finding(
                context,
                "naamwoordstijl",
                start=start,
                end=end,
                message="Naamwoordstijl: een reeks woorden op '-ing van' maakt de zin zwaar.",
                suggestion="Schrijf met werkwoorden: 'wij berekenen hoe hoog …' in plaats van "
                "'de berekening van de hoogte van …'.",
            )
