"""Passive voice and needless 'zullen': both hide who acts and make a letter slower to read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import simplemma

from denkraam.analysis.findings import Finding

from ..tokens import Sentence, Token
from .base import RuleContext, finding
from .rewrite import FINITE_AUXILIARIES, capitalise, decapitalise, join, present_form, split_infinitive
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
# Not participles, or participles that take 'zijn' in the active voice ("u bent verhuisd"): a change of state or
# place, not something done to the subject.
_NOT_PASSIVE_WITH_ZIJN = frozenset(
    """
    verhuisd gestopt gebeurd gegaan gekomen geworden gebleven veranderd overleden begonnen gestegen gedaald verlopen
    vertrokken geboren gestorven geslaagd gelukt mislukt gelopen gevallen verschenen ontstaan gewend geweest
    verdwenen teruggekomen aangekomen ingegaan afgelopen getrouwd gescheiden gepensioneerd gegroeid toegenomen
    afgenomen opgehouden vergeten verhuist verplicht bereid bekend bevoegd betrokken verantwoordelijk gesloten
    geopend gelegen geschikt gezond gewoon gelijk genoodzaakt hersteld geëindigd gestart gebleken vervallen
    verstreken gezakt gesneuveld opgegroeid afgestudeerd teruggekeerd uitgevallen voorgekomen opgetreden binnengekomen
    overgestapt gevlucht omgekomen opgestaan gereisd gefietst gevlogen gezwommen ingestapt uitgestapt meegegaan
    doorgegaan overgegaan achtergebleven thuisgebleven blijven ontsnapt geland ontwaakt geschrokken gewaarschuwd
    bedoeld benieuwd gerelateerd gebaseerd geïnteresseerd gericht gevestigd gehuwd verzekerd gewend verbaasd
    tevreden ontevreden gemachtigd bezorgd gemoeid
    """.split()
)
_ZIJN_VERB_ENDINGS = ("gekomen", "gegaan", "gebleven", "gelopen", "gevallen", "gestapt", "gereisd", "gegroeid")
_NOT_PARTICIPLE = frozenset(
    """
    gezond geld gebied gewend gemiddeld geleden gebeurt gebeurd gehad gedurende bericht verband verbod bestand bezet
    bekend bereid besteed beleid verschuldigd verantwoord bedrijfsgeld gebit gezicht gewicht gerecht gericht
    geschikt gelet bedankt betekent bestaat verdient bevat behoort vertelt verwacht begrijpt bepaalt besluit gezet
    vast herhaald verzet gevecht gesprek gedicht geweld gezag geluid gebed begroot verbond
    """.split()
)
# Nouns that end a compound which would otherwise look like a participle: "ontwerpbesluit", "huurbericht".
_NOUN_ENDINGS = ("besluit", "bericht", "verband", "verbod", "bestand", "beleid", "gebied", "gezicht", "gewicht",
                 "gerecht", "geld", "gesprek", "verzet", "gevecht", "geluid", "verbond", "komst", "dienst",
                 "raad")  # fmt: skip
_SUBJECT_PRONOUNS = frozenset({"ik", "u", "hij", "zij", "ze", "jij", "je", "het", "men", "wie", "die", "dat", "er"})
# Between the auxiliary and its participle: a new clause starts at these words.
_CLAUSE_WORDS = frozenset(
    """
    en of maar want dat die wat omdat als wanneer indien zodat waardoor terwijl nadat voordat zodra hoewel om
    tenzij doordat aangezien waarin waarbij waarmee waarop welke waar zoals toen hoe waarom
    """.split()
)
_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "—", "-", "/", '"', "“", "”", "‘", "’"})
_WINDOW = 12
_MAX_CLAUSE = 25  # words on either side of the verbs; a longer clause gets no rewrite


def is_participle(word: str) -> bool:
    """True when `word` looks like a Dutch past participle (gemaakt, verstuurd, doorgegeven)."""
    lower = word.lower()
    if len(lower) < 5 or lower in _NOT_PARTICIPLE or lower.endswith(("heid", "schap", "baarheid", "dt")):
        return False
    if lower.endswith(_NOUN_ENDINGS):
        return False
    if lower.endswith(_STRONG):
        return True
    if not _WEAK.match(lower) or (lower.endswith("end") and lower[-4] not in "aeiouk"):
        return False  # "-end" after a consonant is a present participle: "doorslaggevend" (not "ingediend")
    if lower.endswith("t") and _participle_ends_in_d(lower):
        return False  # "betaalt", "verstuurt": the finite verb; the participle of these verbs ends in -d
    # Nouns and adjectives that look like participles ("geluid", "hermafrodiet") are their own lemma;
    # real participles lemmatise to the verb ("gemaakt" -> "maken"). "-eerd" verbs are listed as adjectives.
    if lower.endswith("eerd"):
        return True
    base = lemma(lower)
    if base != lower:
        return base.endswith("n")  # a verb ("gemaakt" -> "maken"), not a compound noun ("gemeente_raad")
    return simplemma.is_known(lower, lang="nl") is False and _derived_infinitive(lower) is not None


def _derived_infinitive(participle: str) -> str | None:
    """The infinitive of a weak participle simplemma does not know ("getoetst" -> "toetsen"), when that
    infinitive is a known word; None otherwise ("bewonersbijeenkomst" is no participle)."""
    core, particle = participle, ""
    for candidate in _SEPARABLE.split("|"):
        if core.startswith(candidate + "ge"):
            particle, core = candidate, core[len(candidate) :]
            break
    if core.startswith("ge"):
        core = core[2:]
    if len(core) < 3 or core[-1] not in "dt":
        return None
    stem = core[:-1]
    options = [stem + "en", stem + stem[-1] + "en"]
    if len(stem) > 2 and stem[-2] == stem[-3]:
        options.append(stem[:-2] + stem[-1] + "en")  # "stuur" -> "sturen"
    if stem.endswith("f"):
        options.append(stem[:-1] + "ven")
    if stem.endswith("s"):
        options.append(stem[:-1] + "zen")
    for option in options:
        if simplemma.is_known(option, lang="nl"):
            return particle + option
    return None


def _may_be_finite(word: str) -> bool:
    """False for forms that can only be participles: particle + 'ge' ("overgemaakt"), or 'ge' + a verb that does
    not itself start with 'ge' ("gemaakt"; but "gebruikt" is also 'u gebruikt')."""
    if any(word.startswith(particle + "ge") for particle in _SEPARABLE.split("|")):
        return False
    return not word.startswith("ge") or lemma(word).startswith("ge")


def _participle_ends_in_d(word: str) -> bool:
    """True when the verb `word` belongs to forms its participle with -d ('t kofschip): betalen -> betaald."""
    base = lemma(word).replace("_", "")
    if base == word or not base.endswith("en"):
        return False
    return base[-3] not in "tkfsphx"


def _takes_zijn(participle: str) -> bool:
    return participle in _NOT_PASSIVE_WITH_ZIJN or participle.endswith(_ZIJN_VERB_ENDINGS)


def _breaks_before(sentence: Sentence) -> list[bool]:
    """For each word of `sentence`: is there a comma, bracket or similar mark between it and the word before?"""
    breaks: list[bool] = []
    pending = False
    for token in sentence.tokens:
        if token.is_word:
            breaks.append(pending)
            pending = False
        elif token.text in _BREAKS:
            pending = True
    return breaks


def _verbal_participle(words: tuple[Token, ...], index: int) -> bool:
    """Is `words[index]` a participle here, and not an adjective ("een verbeterd formulier") or a finite verb
    ("hij gebruikt")?"""
    if not is_participle(words[index].text):
        return False
    if index > 0:
        before = words[index - 1].text.lower()
        if before in {"een", "geen"}:
            return False
        word = words[index].text.lower()
        if before in _SUBJECT_PRONOUNS - {"het", "die", "dat", "er"} and word.endswith("t") and _may_be_finite(word):
            return False  # "u gebruikt", "hij verwerkt": the finite verb, not a participle
    return True


def passive_in(sentence: Sentence) -> Iterator[tuple[Token, Token, bool]]:
    """(auxiliary, participle, with 'worden') for each passive construction in `sentence`.

    The participle is looked for in the auxiliary's own clause: after it up to a comma or a new clause, or right
    before it ("verstuurd is"). The one passive matcher: the rule below and the readability features use it.
    """
    words = sentence.words
    for aux_i, part_i, with_worden in _passives(words, _breaks_before(sentence)):
        yield words[aux_i], words[part_i], with_worden


def _passives(words: tuple[Token, ...], breaks: list[bool]) -> Iterator[tuple[int, int, bool]]:
    """(index of the auxiliary, index of the participle, with 'worden') in `words`."""
    for index, word in enumerate(words):
        lower = word.text.lower()
        if lower in _WORDEN:
            with_worden, reach = True, _WINDOW
        elif lower in _ZIJN:
            with_worden, reach = False, _WINDOW
        elif lower in _ZIJN_ADJACENT:
            with_worden, reach = False, 1
        else:
            continue
        found = None
        for other in range(index + 1, min(len(words), index + reach + 1)):
            if breaks[other] or words[other].text.lower() in _CLAUSE_WORDS:
                break
            if _verbal_participle(words, other):
                found = other
                break
        if found is None and index > 0 and not breaks[index] and _verbal_participle(words, index - 1):
            found = index - 1
        if found is None:
            continue
        # "is geautomatiseerd aangemaakt": of two participles in a row the first says how, the last is the verb.
        while (
            found > index and found + 1 < len(words) and not breaks[found + 1] and is_participle(words[found + 1].text)
        ):
            found += 1
        if not with_worden and _takes_zijn(words[found].text.lower()):
            continue
        yield index, found, with_worden


def passive_voice(context: RuleContext) -> Iterator[Finding]:
    """Flag passive constructions; with 'worden' a warning, with 'zijn' (perfect passive) only a note.

    Where the text names who acts ("door ons", "door de gemeente") or speaks as "wij", the finding carries the
    sentence part in the active voice; it then covers the words it rewrites.
    """
    speaks_as_wij = speaks_as_wij_to_reader(context.text)
    # A text that never says 'wij' but speaks of itself as "de gemeente" ("De gemeente gaat …"): that is the actor.
    organisation = "" if speaks_as_wij else _organisation(context.text)
    for sentence in context.sentences:
        words = sentence.words
        breaks = _breaks_before(sentence)
        heading = _is_heading(context.text, sentence)
        for aux_i, part_i, with_worden in _passives(words, breaks):
            if heading and not with_worden:
                continue  # "Formulier is verzonden" above a paragraph labels a state; nobody is hidden there
            auxiliary, participle = words[aux_i], words[part_i]
            start, end = min(auxiliary.start, participle.start), max(auxiliary.end, participle.end)
            active = active_voice(
                context.text, sentence, words, breaks, aux_i, part_i, speaks_as_wij=speaks_as_wij,
                organisation=organisation,
            )  # fmt: skip
            rewrite, why = "", ""
            suggestion = (
                "Schrijf actief en noem wie het doet, bijvoorbeeld 'Wij hebben uw aanvraag ontvangen' "
                "in plaats van 'Uw aanvraag is ontvangen'."
            )
            if active is not None:
                start, end, rewrite, actor = active
                suggestion = f"Schrijf actief: '{rewrite}'."
                why = f"In de actieve zin staat meteen wie het doet: {actor}."
            yield finding(
                context,
                "lijdende-vorm",
                start=start,
                end=end,
                severity="waarschuwing" if with_worden else "info",
                message=f"Lijdende vorm: '{auxiliary.text} … {participle.text}' zegt niet wie iets doet.",
                suggestion=suggestion,
                rewrite=rewrite,
                why=why,
            )


_ZULLEN = frozenset({"zal", "zullen", "zult", "zul"})


def needless_zullen(context: RuleContext) -> Iterator[Finding]:
    """Flag 'zal/zullen' for the future: Dutch uses the present tense ('Wij sturen u een brief')."""
    for sentence in context.sentences:
        words = sentence.words
        breaks = _breaks_before(sentence)
        for index, word in enumerate(words):
            if word.text.lower() not in _ZULLEN:
                continue
            present = _without_zullen(context.text, words, breaks, index)
            start, end, rewrite = (word.start, word.end, "") if present is None else present
            yield finding(
                context,
                "overbodig-zullen",
                start=start,
                end=end,
                message=f"'{word.text}' is meestal niet nodig.",
                suggestion=f"Gebruik de tegenwoordige tijd: '{rewrite}'."
                if rewrite
                else "Gebruik de tegenwoordige tijd: 'Wij sturen u een brief' in plaats van "
                "'Wij zullen u een brief sturen'.",
                rewrite=rewrite,
                why="De tegenwoordige tijd is korter en klinkt als een belofte; 'zullen' klinkt als misschien."
                if rewrite
                else "",
            )


_ZULLEN_PERSON = {"zullen": "plural", "zal": "singular", "zult": "u", "zul": "u"}
_PRESUMPTION = frozenset({"wel", "vast", "waarschijnlijk", "misschien", "wellicht", "zeker"})


def _without_zullen(text: str, words: tuple[Token, ...], breaks: list[bool], index: int) -> tuple[int, int, str] | None:
    """(start, end, rewrite) for the clause part from 'zullen' to its infinitive in the present tense, or None."""
    hi = index + 1
    while hi < len(words) and not breaks[hi] and words[hi].text.lower() not in _CLAUSE_WORDS and hi - index <= 12:
        hi += 1
    if hi == index + 1:
        return None
    last = hi - 1
    infinitive = words[last].text.lower()
    worden = _zullen_worden(text, words, index, hi)
    if worden is not None:
        return worden
    split = split_infinitive(infinitive, words[last - 1].text if last > index + 1 else "")
    if split is None or infinitive in _WORDEN | {"zijn", "hebben"}:
        return None  # not a bare infinitive at the end ("zal worden verstuurd", "zal blij zijn" stay)
    particle, base = split
    middle = list(range(index + 1, last))
    if any(words[i].text.lower() in _PRESUMPTION | FINITE_AUXILIARIES | _WORDEN for i in middle):
        return None  # "dat zal wel kloppen": zullen as a guess, not the future
    if any(is_participle(words[i].text) for i in middle):
        return None
    person = _ZULLEN_PERSON[words[index].text.lower()]
    if (
        index > 0
        and words[index - 1].text.lower() == "ik"
        or index + 1 < len(words)
        and words[index + 1].text.lower() == "ik"
    ):
        person = "ik"
    if not middle:
        # "dat wij u zullen bellen" / "Wij zullen bellen": the finite verb takes the place of the cluster.
        form = present_form(infinitive if not particle else f"{particle}_{base}", person, joined=True)
        return (words[index].start, words[last].end, form) if form else None
    form = present_form(base, person)
    if not form:
        return None
    rewrite = join(form, _runs(text, words, middle), particle)
    return words[index].start, words[last].end, rewrite


_WORDEN_PRESENT = {"singular": "wordt", "plural": "worden", "u": "wordt", "ik": "word"}


def _zullen_worden(text: str, words: tuple[Token, ...], index: int, hi: int) -> tuple[int, int, str] | None:
    """ "zullen worden getoetst" -> "worden getoetst", "zal … duidelijk worden" -> "wordt … duidelijk": the
    present of 'worden' takes the place of 'zullen' (a passive or a change still reads as the future).

    Only when 'worden' is the infinitive of the clause (up to `hi`), alone or next to one participle, with no
    other verb, modal or word of presumption between ("zal moeten worden verricht" stays). What follows the
    cluster ("… getoetst bij het plan") stays as it is.
    """
    found = [i for i in range(index + 1, hi) if words[i].text.lower() == "worden"]
    if len(found) != 1:
        return None
    worden = found[0]
    last = worden + 1 if worden + 1 < hi and is_participle(words[worden + 1].text) else worden
    middle = [i for i in range(index + 1, last + 1) if i != worden]
    participles = [i for i in middle if is_participle(words[i].text)]
    if len(participles) > 1 or (participles and abs(participles[0] - worden) != 1):
        return None
    if any(words[i].text.lower() in _PRESUMPTION | FINITE_AUXILIARIES | _WORDEN for i in middle):
        return None
    zullen = words[index].text.lower()
    person = _ZULLEN_PERSON[zullen]
    neighbours = {words[i].text.lower() for i in (index - 1, index + 1) if 0 <= i < len(words)}
    if "ik" in neighbours or (zullen == "zul" and "je" in neighbours):
        person = "ik"  # "ik word", "word je": the form without -t
    elif zullen in {"zult", "zul"} and index + 1 < len(words) and words[index + 1].text.lower() in {"je", "jij"}:
        person = "ik"
    form = _WORDEN_PRESENT[person]
    return words[index].start, words[last].end, join(form, _runs(text, words, middle))


# --- Passive to active -------------------------------------------------------------------------------------------

_WIJ = re.compile(r"\b(?:wij|we|ons|onze)\b", re.IGNORECASE)
_READER = re.compile(r"\b(?:u|uw|je|jij|jou|jouw)\b", re.IGNORECASE)
# Quotations and brackets: someone else's voice ("We pakken dat aan", zegt de minister) or a note to the editor.
_ASIDES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\"[^\"\n]*\"|“[^”\n]*”|„[^”“\n]*[”“]")
_WIJ_WORDS = frozenset({"wij", "we", "ons", "onze"})


_ORGANISATION = re.compile(
    r"\b(?:[Dd]e|[Oo]nze)\s+(gemeente|provincie|belastingdienst|organisatie|woningcorporatie|stichting)\s+"
    r"(?:\w+\s+)?(?:heeft|gaat|wil|kan|moet|doet|maakt|stuurt|neemt|vindt|werkt|zorgt|helpt|betaalt|vraagt|"
    r"besluit|beslist|controleert|onderzoekt|geeft)\b"
)
_PRESENT = frozenset({"wordt", "worden", "word"})
_PAST = frozenset({"werd", "werden"})
_PERFECT = frozenset({"is", "zijn", "ben", "bent"})
_PLUPERFECT = frozenset({"was", "waren"})
_MODALS = {
    "kan": "kunnen", "kunnen": "kunnen", "kunt": "kunnen", "moet": "moeten", "moeten": "moeten", "mag": "mogen",
    "mogen": "mogen", "zal": "zullen", "zullen": "zullen", "zult": "zullen", "wil": "willen", "willen": "willen",
    "wilt": "willen",
}  # fmt: skip
# Finite forms by person: plural (wij, zij, de medewerkers), singular (de gemeente), u, ik.
_MODAL_FORMS = {
    "kunnen": ("kunnen", "kan", "kunt", "kan"),
    "moeten": ("moeten", "moet", "moet", "moet"),
    "mogen": ("mogen", "mag", "mag", "mag"),
    "zullen": ("zullen", "zal", "zult", "zal"),
    "willen": ("willen", "wil", "wilt", "wil"),
}
_HEBBEN = ("hebben", "heeft", "hebt", "heb")
_HAD = ("hadden", "had", "had", "had")
_PERSON = {"plural": 0, "singular": 1, "u": 2, "ik": 3}
_PRONOUN_ACTORS = {"ons": ("wij", "plural"), "u": ("u", "u"), "mij": ("ik", "ik"), "hen": ("zij", "plural"),
                   "hun": ("zij", "plural"), "jullie": ("jullie", "plural")}  # fmt: skip
_OBJECT_CASE = {"u": "u", "hij": "hem", "ik": "mij", "wij": "ons", "we": "ons", "het": "het", "dit": "dit",
                "dat": "dat", "deze": "deze", "die": "die"}  # fmt: skip
_SUBJECT_STARTS = frozenset(
    "de het een uw onze ons mijn zijn haar hun deze dit die dat alle al elke ieder iedere u hij ik wij we er".split()
)
_FRONTED = frozenset(
    """
    op in na voor vóór met bij van tot vanaf sinds tijdens binnen over onder per volgens namens zonder om uit aan
    daarna vervolgens nu dan daarom hierbij hiermee daarmee ook morgen binnenkort hier daar soms altijd eerst
    verder daarnaast bovendien hierdoor daardoor zo vandaag straks later jaarlijks elk ieder iedere elke
    tevens recent inmiddels momenteel eerder hiervoor daarvoor hierin daarin toen uiteindelijk daarbij hierbij
    wekelijks maandelijks dagelijks eerst
    """.split()
)
_PREPOSITIONS = frozenset(
    "op in na voor vóór met bij van tot vanaf sinds tijdens binnen over onder per aan uit".split()
)


def speaks_as_wij_to_reader(text: str) -> bool:
    """True when the writer speaks as 'wij/we/ons' to a reader it addresses as 'u' or 'je'.

    Only then is 'wij' a safe guess for who does what a passive hides. A news item or a memo that never addresses a
    reader uses 'we' for everyone or for a minister it quotes; 'wij' inside quotes or brackets is not the writer.
    """
    own_words = _ASIDES.sub(" ", text)
    return _WIJ.search(own_words) is not None and _READER.search(own_words) is not None


def _is_heading(text: str, sentence: Sentence) -> bool:
    """A line of its own without end punctuation, with more text below it: a heading, not a sentence."""
    if sentence.tokens[-1].text in {".", "!", "?", ":", ";", ","}:
        return False
    before = text[: sentence.start].rstrip(" \t")
    after = text[sentence.end :].lstrip(" \t")
    return (not before or before.endswith(("\n", "\r"))) and after.startswith(("\n", "\r")) and bool(after.strip())


@dataclass(frozen=True, slots=True)
class _Verb:
    """What a rewrite needs of the verb behind a participle: particle, infinitive without it, and the stem."""

    particle: str
    base: str
    stem: str | None  # None for strong verbs: only forms that equal the infinitive are safe

    @property
    def infinitive(self) -> str:
        return self.particle + self.base

    def present(self, person: str) -> str | None:
        if person == "plural":
            return self.base
        if self.stem is None:
            return present_form(self.base, person)
        if person == "ik":
            return self.stem
        return self.stem if self.stem.endswith("t") else self.stem + "t"


def verb_of(participle: str) -> _Verb | None:
    """The verb behind a participle (simplemma's lemma); the stem only for weak verbs (-d/-t), read off the
    participle itself: "beoordeeld" -> beoordelen, stem "beoordeel"; "opgestuurd" -> op + sturen, stem "stuur"."""
    lower = participle.lower()
    base = lemma(lower)
    if base == lower and _derived_infinitive(lower):
        base = _derived_infinitive(lower) or base
    if base == lower and lower.endswith("en") and not lower.startswith("ge"):
        pass  # "ontvangen", "verkregen": participle and infinitive can look alike
    elif base == lower:
        if not lower.endswith("eerd"):
            return None
        core = lower[2:] if lower.startswith("ge") else lower
        base = core.replace("ï", "i", 1).replace("ë", "e", 1)[:-1] + "n"  # gecontroleerd -> controleren
        base = base[:-4] + "eren" if base.endswith("eern") else base
    particle = ""
    if "_" in base:
        particle, base = base.split("_", 1)
    else:
        for candidate in _SEPARABLE.split("|"):
            rest = lower[len(candidate) :]
            if (
                lower.startswith(candidate)
                and base.startswith(candidate)
                and rest.startswith(("ge", "be", "ver", "ont", "her"))
            ):
                particle, base = candidate, base[len(candidate) :]
                break
    if not base.endswith("n") or len(base) < 4:
        return None
    stem = None
    if lower.endswith(("d", "t")) and not lower.endswith("en"):
        core = lower[len(particle) :]
        if core.startswith("ge") and not base.startswith("ge"):
            core = core[2:]
        core = core.replace("ï", "i", 1).replace("ë", "e", 1) if core[:1] in "ïë" else core
        stem = core[:-1]
        if not stem or stem[0] != base[0]:
            stem = None
    return _Verb(particle, base, stem)


# Verbs whose passive in a letter is usually about what the reader did or has to do: "wij" is not their actor.
_READER_DOES = frozenset(
    """
    betalen invullen ondertekenen indienen aanvragen doorgeven aanleveren inleveren melden terugsturen opsturen
    insturen toesturen uploaden afspreken terugbetalen voldoen overleggen meenemen
    """.split()
)


# Conditions and moments: "als/zodra/nadat de melding is verwerkt, …".
_WAITING_CONJUNCTIONS = frozenset({"als", "wanneer", "indien", "zodra", "nadat", "voordat", "totdat", "tot"})
# Clause words that are also the determiner of the clause's first noun phrase ("welke locaties", "wiens auto").
_DETERMINER_CONJUNCTIONS = frozenset({"welke", "welk", "wiens", "wier", "hoeveel"})
# A relative clause right after the 'door' phrase belongs to it ("door de informatie die u gaf"): the actor
# would be torn from its clause.
_RELATIVES = frozenset({"die", "dat", "welke", "waarin", "waarbij", "waarmee", "waarop", "waarvan", "wat"})


def _actor(words: tuple[Token, ...], lo: int, hi: int) -> tuple[str, str, list[int]] | None:
    """The 'door …' phrase in words[lo:hi]: (actor as subject, person, indices of the phrase)."""
    for index in range(lo, hi - 1):
        if words[index].text.lower() != "door":
            continue
        if index > lo and words[index - 1].text.lower() in {"de", "het", "deze", "dit"}:
            return None  # "de door u verstrekte gegevens": a tangconstructie, not the actor of this passive
        first = words[index + 1].text
        if first.lower() in _PRONOUN_ACTORS:
            subject, person = _PRONOUN_ACTORS[first.lower()]
            return subject, person, [index, index + 1]
        if first.lower() in {"de", "het", "uw", "onze"} and index + 2 < hi:
            end = index + 3
            if end < hi:
                following = words[end].text.lower()
                if following not in _PREPOSITIONS | _WORDEN | _ZIJN | set(_MODALS) and not is_participle(following):
                    return None  # "door de eigen medewerker", "door de gemeente Amsterdam": not sure where it ends
            if end == hi and hi < len(words) and words[hi].text.lower() in _RELATIVES:
                return None
            noun = words[end - 1].text
            plural = first.lower() == "de" and noun.islower() and noun.endswith(("ers", "en", "s"))
            phrase = " ".join(word.text for word in words[index + 1 : end])
            return phrase, "plural" if plural else "singular", list(range(index, end))
        if first[:1].isupper() and first.lower() not in _PRONOUN_ACTORS:
            return first, "singular", [index, index + 1]  # "door UWV", "door Amsterdam"
        return None
    return None


def _runs(text: str, words: tuple[Token, ...], keep: list[int]) -> str:
    """The original text of the kept words, in order; runs of neighbouring words keep what stood between them."""
    parts: list[str] = []
    run: list[int] = []
    for index in keep:
        if run and index != run[-1] + 1:
            parts.append(text[words[run[0]].start : words[run[-1]].end])
            run = []
        run.append(index)
    if run:
        parts.append(text[words[run[0]].start : words[run[-1]].end])
    return " ".join(parts)


def _organisation(text: str) -> str:
    """ "de gemeente" when the text speaks of its writer in the third person ("De gemeente gaat de weg …")."""
    match = _ORGANISATION.search(text)
    return f"de {match.group(1).lower()}" if match else ""


def active_voice(
    text: str,
    sentence: Sentence,
    words: tuple[Token, ...],
    breaks: list[bool],
    aux_i: int,
    part_i: int,
    *,
    speaks_as_wij: bool,
    organisation: str = "",
) -> tuple[int, int, str, str] | None:
    """(start, end, rewrite, actor) for the passive clause in the active voice, or None when it is not safe.

    Main clauses keep the verb in second place ("Uw aanvraag wordt door ons beoordeeld" -> "Wij beoordelen uw
    aanvraag"); subordinate clauses keep it last ("dat wij uw aanvraag beoordelen"). A past passive becomes a
    perfect ("werd verstuurd" -> "hebben … verstuurd"), so no new past forms are needed.
    """
    auxiliary, participle = words[aux_i], words[part_i]
    verb = verb_of(participle.text)
    if verb is None:
        return None
    lo = min(aux_i, part_i)
    while lo > 0 and not breaks[lo] and words[lo - 1].text.lower() not in _CLAUSE_WORDS:
        lo -= 1
        if min(aux_i, part_i) - lo > _MAX_CLAUSE:
            return None
    hi = max(aux_i, part_i) + 1
    while hi < len(words) and not breaks[hi] and words[hi].text.lower() not in _CLAUSE_WORDS:
        hi += 1
        if hi - max(aux_i, part_i) > _MAX_CLAUSE:
            return None
    aux = auxiliary.text.lower()
    modal_i = next((i for i in range(lo, hi) if words[i].text.lower() in _MODALS and i != aux_i), None)
    if modal_i is not None and aux != "worden":
        return None  # "moet … zijn betaald": leave it
    if (aux_i > 0 and words[aux_i - 1].text.lower() == "te") or words[lo].text.lower() in {"ik", "wij", "we"}:
        return None  # "dient te worden gerealiseerd"; the writer as subject ("ik ben gesteld")
    if any(
        i not in {aux_i, part_i, modal_i} and words[i].text.lower() in FINITE_AUXILIARIES | _WORDEN
        for i in range(lo, hi)
    ):
        return None  # another verb in the clause: too tangled for a pattern
    if lo > 0 and words[lo - 1].text.lower() in _DETERMINER_CONJUNCTIONS:
        return None  # "op welke locaties deze vaccins worden toegediend": 'welke locaties' is half the clause
    found = _actor(words, lo, hi)
    if found is None:
        if not (speaks_as_wij or organisation) or any(word.text.lower() == "door" for word in words):
            return None  # the sentence names someone with 'door': that, not the writer, may be the one who acts
        if verb.infinitive in _READER_DOES:
            return None  # "de huur is niet betaald": the reader pays, not the writer; naming 'wij' would be wrong
        waits_for = lo > 0 and words[lo - 1].text.lower() in _WAITING_CONJUNCTIONS
        if waits_for and any(words[i].text.lower() in _WIJ_WORDS for i in [*range(lo), *range(hi, len(words))]):
            # "Als de melding is verwerkt, ontvangen wij …": what the writer, named as 'wij' in the same sentence,
            # waits for is done by someone else.
            return None
        if speaks_as_wij:
            subject, person, phrase = "wij", "plural", list[int]()
            described = "wij, de schrijver van de tekst"
        else:
            subject, person, phrase = organisation, "singular", list[int]()
            described = f"{organisation}, die de tekst schrijft"
    else:
        subject, person, phrase = found
        described = subject
    p = _PERSON[person]
    if modal_i is not None:
        finite = _MODAL_FORMS[_MODALS[words[modal_i].text.lower()]][p]
        tail = verb.infinitive
    elif aux in _PRESENT:
        finite = verb.present(person) or ""
        tail = verb.particle
    elif aux in _PAST or aux in _PERFECT:
        finite, tail = _HEBBEN[p], participle.text
    elif aux in _PLUPERFECT:
        finite, tail = _HAD[p], participle.text
    else:
        return None
    if not finite:
        return None
    verbs = {aux_i, part_i} | ({modal_i} if modal_i is not None else set())
    last = max(verbs | set(phrase))
    removed = verbs | set(phrase)
    conjunction = words[lo - 1].text.lower() if lo > 0 and not breaks[lo] else ""
    if conjunction in {"en", "of", "maar", "want"}:
        if lo == min(aux_i, part_i, modal_i if modal_i is not None else aux_i):
            return None  # "… beoordeeld en wordt toegekend": the subject is left out, it belongs to the first clause
        conjunction = ""  # two main clauses: the second keeps the verb in second place
    if conjunction:
        # Subordinate clause: the verbs stand together at its end.
        cluster = sorted(verbs)
        if cluster != list(range(cluster[0], cluster[-1] + 1)):
            return None
        keep = [i for i in range(lo, last + 1) if i not in removed]
        if modal_i is not None:
            ending = f"{finite} {tail}"
        elif aux in _PRESENT:
            ending = verb.particle + finite
        else:
            ending = f"{tail} {finite}"
        rewrite = join(subject, _runs(text, words, keep), ending)
        return words[lo].start, words[last].end, rewrite, described
    finite_i = modal_i if modal_i is not None else aux_i
    if finite_i > part_i and modal_i is None:
        return None  # participle before the finite verb in a main clause: not a pattern we know
    prefix = list(range(lo, finite_i))
    middle = [i for i in range(finite_i + 1, last + 1) if i not in removed]
    if not prefix or words[prefix[0]].text.lower() in _FRONTED and words[prefix[0]].text.lower() not in {"er"}:
        # Something else stands first ("Op 3 mei werd …", "Als u verhuist, wordt …"): verb, then the actor.
        if prefix and words[prefix[0]].text.lower() in _SUBJECT_STARTS - _FRONTED:
            return None
        rewrite = join(finite, subject, _runs(text, words, middle), tail)
        return words[finite_i].start, words[last].end, rewrite, described
    first = words[prefix[0]].text.lower()
    if first not in _SUBJECT_STARTS or any(words[i].text.lower() in _CLAUSE_WORDS for i in prefix[1:]):
        return None
    if first == "er" and len(prefix) == 1:
        obj = ""
    else:
        obj = _runs(text, words, prefix)
        head = obj.split(" ", 1)
        if head[0].lower() in {"zij", "ze"}:
            return None
        single = len(head) == 1 and head[0].lower() in _OBJECT_CASE
        obj = _OBJECT_CASE[head[0].lower()] if single else decapitalise(obj)
    rewrite = join(capitalise(subject), finite, obj, _runs(text, words, middle), tail)
    if words[prefix[0]].start != sentence.words[0].start:
        rewrite = rewrite[0].lower() + rewrite[1:] if subject not in {"UWV"} and subject.islower() else rewrite
    return words[prefix[0]].start, words[last].end, rewrite, described
