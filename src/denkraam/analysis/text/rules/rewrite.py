"""Small helpers the sentence rewrites share: capitals, clause words and moving a finite verb to second place.

Pattern-based, not a parser: every helper answers None when it is not sure, and the rule then offers no rewrite.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import cache

from ..tokens import Token
from .wording import lemma

# Finite forms of auxiliaries and modals: the verb that moves to second place in a main clause.
FINITE_AUXILIARIES = frozenset(
    """
    is zijn was waren ben bent heeft hebben hebt heb had hadden kan kunnen kunt mag mogen moet moeten wil willen
    wilt zal zullen zult wordt worden werd werden gaat gaan ga blijft blijven kon konden moest moesten mocht mochten
    wilde wilden zou zouden
    """.split()
)
# Words that open a subordinate clause (verb last) or a relative clause.
SUBORDINATORS = frozenset(
    """
    dat die wat omdat als wanneer indien zodat waardoor terwijl nadat voordat zodra hoewel tenzij doordat totdat
    aangezien mits of waarin waarbij waarmee waarvoor waarna waarop waarover waaruit welke wie hoe waar waarom
    """.split()
)
# Words that can start a subject noun phrase (and are lower-cased when the phrase moves out of first place).
DETERMINERS = frozenset(
    """
    de het een uw onze ons mijn je jouw zijn haar hun deze dit die dat alle elke ieder iedere veel sommige geen
    beide enkele meerdere
    """.split()
)
SUBJECT_PRONOUNS = frozenset({"wij", "we", "ik", "hij", "zij", "ze", "u", "jij", "je", "men"})


def capitalise(text: str) -> str:
    """`text` with its first letter in upper case."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def decapitalise(text: str) -> str:
    """`text` with its first word in lower case when that word is a determiner or pronoun (not a name)."""
    first = text.split(" ", 1)[0]
    if first.lower() in DETERMINERS or first.lower() in SUBJECT_PRONOUNS or first.lower() in {"hier", "daar", "er"}:
        return first.lower() + text[len(first) :]
    return text


def join(*parts: str) -> str:
    """The parts joined by single spaces, empty parts left out."""
    return re.sub(r"\s+", " ", " ".join(part for part in parts if part)).strip()


def span_text(text: str, tokens: list[Token] | tuple[Token, ...]) -> str:
    """The original text from the first to the last of `tokens` (spaces and punctuation as written)."""
    if not tokens:
        return ""
    return text[tokens[0].start : tokens[-1].end]


def looks_finite(word: str) -> bool:
    """True for a finite verb form a subordinate clause can end in: an auxiliary, or a verb form in -t/-en/-de/-te."""
    lower = word.lower()
    if lower in FINITE_AUXILIARIES:
        return True
    if not lower.endswith(("t", "en", "de", "te", "den", "ten")) or lower.startswith("ge"):
        return False
    base = lemma(lower)
    if base != lower and base.endswith("en") and "_" not in base:
        return True
    return lower.endswith("en") and split_infinitive(lower) is not None and _verb_like(lower)


def is_verb_stem(word: str) -> bool:
    """True for what can be the stem of a known verb, the form of an imperative: "neem" (nemen), "bel", "vraag".

    Also true for some nouns ("vraag"): callers use it only where an imperative is expected ("…, vraag dan …")."""
    lower = word.lower()
    if lower in {"ga", "sta", "doe", "zie", "sla"}:
        return True
    if lower in FINITE_AUXILIARIES or lower.endswith(("en", "t", "e")) or len(lower) < 2:
        return False
    base = lemma(lower)
    if base != lower and base.endswith("en") and "_" not in base:
        return True
    import simplemma

    guesses = [lower + "en", lower + lower[-1] + "en"]
    if len(lower) > 2 and lower[-2] == lower[-3]:
        guesses.append(lower[:-2] + lower[-1] + "en")  # vraag -> vragen
    return any(simplemma.is_known(guess, lang="nl") for guess in guesses)


def _clause_final_plural(rest: list[Token]) -> bool:
    """The last word of a verb-final clause in -en, not after a determiner or preposition: the plural verb."""
    before = rest[-2].text if len(rest) > 1 else ""
    return split_infinitive(rest[-1].text, before) is not None


def _verb_like(word: str) -> bool:
    """A word in -en that is used as a verb more than as a plural noun: its lemma is itself or its stem."""
    base = lemma(word)
    return base == word or word.startswith(base) and len(word) - len(base) <= 3


def to_main_clause(opener: str, words: list[Token], text: str) -> str | None:
    """A verb-final clause (`words`, without its conjunction) as a main clause after `opener`: "Zo kunt u …".

    Returns None when the clause holds another clause, a list, a comma or no clear finite verb at its end.
    """
    if len(words) < 3 or any(word.text.lower() in SUBORDINATORS | _NOT_SIMPLE for word in words):
        return None
    # The verb cluster at the end ("kan worden gestart", "mee kan doen"); its first auxiliary is the finite verb.
    cluster_start = len(words)
    while cluster_start > 0 and _in_cluster(words[cluster_start - 1].text.lower()):
        cluster_start -= 1
    cluster = words[cluster_start:]
    finite = next((word for word in cluster if word.text.lower() in FINITE_AUXILIARIES), None)
    if finite is None and cluster and looks_finite(words[-1].text):
        finite = words[-1]
    if finite is None:
        auxiliaries = [word for word in words if word.text.lower() in FINITE_AUXILIARIES]
        finite = auxiliaries[0] if len(auxiliaries) == 1 else None  # "dat … is vertaald naar het plan"
    if finite is None:
        return None
    position = words.index(finite)
    before_words = words[:position]
    after_words = words[position + 1 :]
    particle = ""
    if before_words and before_words[-1].text.lower() in SEPARABLE_PARTICLES and after_words:
        # "mee kan doen" -> "kan … meedoen": the particle joins the infinitive again.
        particle = before_words[-1].text
        before_words = before_words[:-1]
    before = span_text(text, before_words)
    after = span_text(text, after_words)
    if not before or "," in before or "," in after or "(" in before + after:
        return None
    if particle:
        after = particle + after
    return join(opener, finite.text, decapitalise(before), after)


SEPARABLE_PARTICLES = frozenset(
    "aan af bij door in mee na om op over terug toe uit vast voor weg neer samen tegen los vrij kwijt binnen".split()
)
_NOT_SIMPLE = frozenset({"en", "of", "maar", "om", "te", "want", "dan"})


def _in_cluster(word: str) -> bool:
    """A word of the verb cluster at the end of a subordinate clause: auxiliary, particle, participle, infinitive."""
    if word in FINITE_AUXILIARIES or word in SEPARABLE_PARTICLES:
        return True
    from .grammar import is_participle

    return is_participle(word) or (word.endswith("en") and lemma(word) == word and len(word) > 4)


_PERSON_NUMBER = {"ik": 1, "u": 2, "singular": 3}


@cache
def _present_function() -> Callable[..., str] | None:
    """The project's verb inflection (`analysis/text/inflection.py`), when this checkout has it."""
    try:
        module = importlib.import_module("denkraam.analysis.text.inflection")
    except ImportError:
        return None
    function = getattr(module, "present", None)
    return function if callable(function) else None


def present_form(infinitive: str, person: str, *, joined: bool = False) -> str | None:
    """The present tense of `infinitive` for "plural", "singular", "u" or "ik"; None when it is not known here.

    The plural is the infinitive itself (without a separable particle unless `joined`); the other persons come
    from the inflection module.
    """
    if person == "plural" and "_" not in infinitive:
        return infinitive
    present = _present_function()
    if present is None:
        return None
    try:
        form = present(infinitive.replace("_", ""), _PERSON_NUMBER.get(person, 3), plural=person == "plural",
                       joined=joined)  # fmt: skip
    except Exception:  # noqa: BLE001 - an unknown verb must not stop the check; the rule then offers no rewrite
        return None
    return form if isinstance(form, str) and form else None


_AMBIGUOUS_PREFIXES = ("over", "onder", "voor", "door", "om", "mis", "vol", "achter", "weer")
_NOUN_CONTEXT = frozenset(
    """
    de het een uw onze ons mijn deze die dit dat alle geen met van voor op in aan naar bij over door uit om tot
    zonder tegen
    """.split()
)


def split_infinitive(word: str, before: str = "") -> tuple[str, str] | None:
    """(particle, verb) of an infinitive at the end of a clause ("opsturen" -> ("op", "sturen"), "bellen" ->
    ("", "bellen")); None when it is not clearly an infinitive (`before` is the word in front of it: after
    "de" or "met", "kosten" is a noun) or the prefix may or may not split off ("overwegen", "voorkomen")."""
    lower = word.lower()
    if not lower.endswith("en") or len(lower) < 4 or before.lower() in _NOUN_CONTEXT or before.endswith("e"):
        return None
    import simplemma

    if lower.startswith(_AMBIGUOUS_PREFIXES):
        return None
    for particle in sorted(SEPARABLE_PARTICLES, key=len, reverse=True):
        rest = lower[len(particle) :]
        if particle == "in" and rest.endswith("eren") and rest != "leveren":
            break  # "informeren", "investeren": Romance verbs in -eren do not split off 'in' ("inleveren" does)
        if lower.startswith(particle) and len(rest) >= 4 and simplemma.is_known(rest, lang="nl"):
            return particle, rest
    return ("", lower) if simplemma.is_known(lower, lang="nl") else None


_SUBJECT_PRONOUN_FORMS = frozenset({"u", "wij", "we", "ik", "hij", "zij", "ze", "het", "er", "dit", "dat", "jij", "je"})


def subordinate_to_main(words: list[Token], text: str, subject: str = "") -> str | None:
    """A verb-final clause without its conjunction as a main clause with the subject first: "u recht hebt op
    toeslag" -> "U hebt recht op toeslag". `subject` replaces a relative pronoun ("die …" -> "Sommige mensen …");
    otherwise the subject is a pronoun or a short noun phrase at the start. None when unsure."""
    parts = main_clause_parts(words, text, subject)
    if parts is None:
        return None
    subject, form, middle = parts
    return join(capitalise(subject), form, middle)


def subordinate_to_question(words: list[Token], text: str) -> str | None:
    """A verb-final clause as a yes/no question, the B1 way to say a condition: "u verhuist" -> "Verhuist u?"."""
    parts = main_clause_parts(words, text, extraposed=True)
    if parts is None:
        return None
    subject, form, middle = parts
    if subject.lower() in {"je", "jij"}:
        # "je bent" -> "Ben je": the inverted form loses its -t; only for verbs where that is regular here.
        inverted = _INVERTED_JE.get(form.lower())
        if inverted is None and form.lower().endswith("t"):
            return None
        form = inverted or form
    if subject.lower() == "u" or subject.lower() in SUBJECT_PRONOUNS:
        subject = subject.lower()
    else:
        subject = decapitalise(subject)
    return join(capitalise(form), subject, middle) + "?"


_INVERTED_JE = {
    "bent": "ben", "hebt": "heb", "heeft": "heb", "kunt": "kun", "wilt": "wil", "zult": "zul", "wordt": "word",
    "gaat": "ga", "doet": "doe", "komt": "kom", "mag": "mag", "moet": "moet", "zit": "zit", "weet": "weet",
}  # fmt: skip


def main_clause_parts(
    words: list[Token], text: str, subject: str = "", *, extraposed: bool = False
) -> tuple[str, str, str] | None:
    """(subject, finite verb, the rest with any particle at its end) of a verb-final clause; None when unsure.

    With `extraposed`, the finite verb may also stand before a group moved behind it ("u weer begint met werken
    op de 1e", "het niet lukt om … te vinden"): one verb form in -t, right before 'om' or a preposition."""
    # A clause may open with demonstrative 'dat' as its subject ("als dat het geval is"); elsewhere 'dat' opens
    # another clause.
    inner = words[1:] if words and words[0].text.lower() == "dat" and not subject else words
    if not words or any(word.text.lower() in SUBORDINATORS | _NOT_SIMPLE - {"te", "om"} for word in inner):
        return None
    om_finite = _finite_before_om(words)
    if om_finite is False:
        return None
    if subject:
        subject_words: list[Token] = []
        rest = words
    else:
        end = _subject_end(words)
        if end is None:
            return None
        subject_words, rest = words[:end], words[end:]
        subject = span_text(text, subject_words)
    if not rest:
        return None
    auxiliaries = [word for word in rest if word.text.lower() in FINITE_AUXILIARIES]
    particle = ""
    if isinstance(om_finite, Token):
        # "het niet lukt om … in te leveren": the finite verb is the one before 'om', never the infinitive.
        if om_finite not in rest:
            return None
        finite = om_finite
        split = _separable_finite(finite.text)
        if split is None or split[0]:
            return None
        form = finite.text
    elif len(auxiliaries) == 1:
        finite = auxiliaries[0]
        form = finite.text
    elif not auxiliaries and (looks_finite(rest[-1].text) or _clause_final_plural(rest)):
        finite = rest[-1]
        form = finite.text
        split = _separable_finite(form)
        if split is None:
            return None
        particle, form = split
    elif not auxiliaries and extraposed and (moved := _finite_before_extraposed(rest)) is not None:
        finite = moved
        split = _separable_finite(finite.text)
        if split is None or split[0]:
            return None  # "… terugbetaalt aan de gemeente": where the particle goes is not sure enough
        form = finite.text
    else:
        return None
    position = rest.index(finite)
    before, after = rest[:position], rest[position + 1 :]
    middle = join(span_text(text, before), span_text(text, after), particle)
    if "," in middle or "," in subject or middle.count("(") != middle.count(")"):
        return None  # a bracket the verb move would cut in half
    return subject, form, middle


_EXTRAPOSED_OPENERS = frozenset("om met op in naar voor aan bij over uit tot van".split())


def _finite_before_extraposed(rest: list[Token]) -> Token | None:
    """The one verb form in -t that stands right before 'om' or a preposition, with no verb form after it."""
    candidates = [
        word
        for index, word in enumerate(rest[:-1])
        if index > 0
        and word.text.islower()
        and word.text.endswith("t")
        and looks_finite(word.text)
        and rest[index - 1].text.lower() not in DETERMINERS | _NOUN_CONTEXT
        and rest[index + 1].text.lower() in _EXTRAPOSED_OPENERS
    ]
    if len(candidates) != 1:
        return None
    position = rest.index(candidates[0])
    for index in range(position + 1, len(rest)):
        word = rest[index].text.lower()
        if word in FINITE_AUXILIARIES or (looks_finite(word) and rest[index - 1].text.lower() not in _NOUN_CONTEXT):
            return None  # another verb form: the clause may end in a verb after all ("met werken" is a noun)
    return candidates[0]


def _finite_before_om(words: list[Token]) -> Token | None | bool:
    """For a clause with one 'om … te' group after its finite verb ("u meer tijd nodig heeft om … uit te voeren",
    "het niet lukt om …"): that finite verb, which stays in front of the group. None when the clause has no 'om';
    False when it has one but the finite verb is not clear."""
    lower = [word.text.lower() for word in words]
    if "om" not in lower:
        return None
    om = lower.index("om")
    finite = [i for i, word in enumerate(lower) if word in FINITE_AUXILIARIES]
    if not finite and om > 0 and looks_finite(lower[om - 1]) and lower[om - 1].endswith("t"):
        finite = [om - 1]
    if lower.count("om") != 1 or "te" not in lower[om:] or len(finite) != 1 or finite[0] > om:
        return False
    return words[finite[0]]


def _subject_end(words: list[Token]) -> int | None:
    """How many words the subject at the start of a clause takes: a pronoun, or determiner (+ adjectives) + noun
    (+ 'van' + determiner + noun)."""
    first = words[0].text.lower()
    if first in _SUBJECT_PRONOUN_FORMS:
        return 1
    if first not in DETERMINERS:
        return None
    index = 1
    while index < len(words) - 1 and _adjective_before_noun(words[index].text, words[index + 1].text):
        index += 1  # adjectives: "de nieuwe regels" (not "de gemeente betaalt", "de gemeente de kosten")
    if index >= len(words):
        return None
    noun = words[index].text.lower()
    if noun in _NOT_SIMPLE or noun in _NOUN_CONTEXT or noun in FINITE_AUXILIARIES or noun in SUBJECT_PRONOUNS:
        return None  # "de door u verstrekte gegevens": not a plain noun phrase
    end = index + 1
    if end + 2 < len(words) and words[end].text.lower() == "van" and words[end + 1].text.lower() in DETERMINERS:
        end += 3
    elif end + 1 < len(words) and words[end].text.lower() in {"voor", "over", "van"}:
        # "uw aanvraag voor bijzondere bijstand is …": the group belongs to the subject when the verb follows it
        probe = end + 1
        while probe < len(words) - 1 and _adjective_before_noun(words[probe].text, words[probe + 1].text):
            probe += 1
        after = words[probe + 1].text.lower() if probe + 1 < len(words) else ""
        if after in FINITE_AUXILIARIES or after == "door":
            end = probe + 1
    return end if end < len(words) else None


def _adjective_before_noun(word: str, following: str) -> bool:
    lower = following.lower()
    if not word.islower() or not word.endswith("e") or word in DETERMINERS or lemma(word) == word:
        return False  # "gemeente", "bijdrage": nouns in -e are their own lemma; "nieuwe" -> "nieuw"
    return lower not in DETERMINERS and lower not in SUBJECT_PRONOUNS and not looks_finite(lower)


def _separable_finite(form: str) -> tuple[str, str] | None:
    """("terug", "betaalt") for "terugbetaalt"; ("", form) for a verb without a particle; None when unsure."""
    lower = form.lower()
    if lower.endswith("en"):
        split = split_infinitive(lower)
        return None if split is None else (split[0], form[len(split[0]) :])
    base = lemma(lower)
    if "_" in base:
        particle = base.split("_", 1)[0]
        return (particle, form[len(particle) :]) if lower.startswith(particle) else None
    for particle in SEPARABLE_PARTICLES:
        if lower.startswith(particle) and base.startswith(particle) and len(lower) - len(particle) >= 3:
            return None  # "afwijst", "terugbetaalt": the particle may have to move; not sure enough
    return "", form
