"""Word choice: officialese with plainer alternatives (verbs inflected to fit), and abbreviations the text never
explains."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from denkraam.analysis.findings import Finding, Severity

from ..tokens import Token
from ..wordlists import Entry, abbreviations, officialese
from .base import RuleContext, finding, first_per_term, phrase_pattern
from .lexicon import explained_nearby, house_allows, in_name, in_quotes, in_title
from .officialese_verbs import find_verbs


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """The simplemma lemma of a lower-case Dutch word (cached: letters repeat their words)."""
    import simplemma

    return simplemma.lemmatize(word, lang="nl")


@dataclass(frozen=True, slots=True)
class Hit:
    """One officialese word, phrase or verb in a text: its list term, span, alternatives and rewrite."""

    term: str
    start: int
    end: int
    replacement: str
    severity: Severity
    rewrite: str  # replaces exactly start:end; '' when the alternative does not fit there as it stands
    form: str  # the alternative in the form the sentence needs ('gebeurt'), '' when unknown


@cache
def _officialese_index() -> tuple[dict[str, Entry], re.Pattern[str] | None, dict[str, Entry], dict[str, Entry]]:
    singles: dict[str, Entry] = {}
    phrases: dict[str, Entry] = {}
    for entry in officialese():
        key = entry.term.lower()
        if " " in key or "." in key:
            phrases[re.sub(r"\s+", " ", key)] = entry
        else:
            singles[key] = entry
    pattern = phrase_pattern(list(phrases)) if phrases else None
    with_senses = {entry.term.lower(): entry for entry in officialese() if entry.senses}
    return singles, pattern, phrases, with_senses


def officialese_in(text: str, lower: str, words: Iterable[Token], *, offset: int = 0) -> list[Hit]:
    """Officialese in one sentence (or any run of words): verbs in every form and word order first, then the
    phrases and words of the officialese list, also inflected ('aanmaningen'). `text` and `lower` start at
    `offset` of the text the tokens point into; offsets in the hits are those of the tokens.

    The one matcher of the officialese lists: the rule below and the readability features both use it, so a
    sentence is matched once (cached on its text, offset and words).
    """
    return list(_officialese_in(text, offset, tuple(words), lower))


@lru_cache(maxsize=256)  # small: it only has to outlive one check (rule and readability ask for the same sentence)
def _officialese_in(text: str, offset: int, words: tuple[Token, ...], lower: str) -> tuple[Hit, ...]:
    hits = [
        Hit(
            match.entry.infinitive,
            match.start,
            match.end,
            match.entry.replacement,
            match.entry.severity,
            match.rewrite,
            match.form,
        )
        for match in find_verbs(text, lower, words, offset)
    ]
    taken = [(hit.start, hit.end) for hit in hits]
    singles, pattern, phrases, _ = _officialese_index()
    if pattern is not None:
        for match in pattern.finditer(lower):
            start, end = match.start() + offset, match.end() + offset
            if any(start < high and low < end for low, high in taken):
                continue
            taken.append((start, end))
            entry = phrases[re.sub(r"\s+", " ", match.group())]
            hits.append(_hit(entry, start, end, text[match.start() : match.end()], exact=True))
    for word in words:
        lowered = word.text.lower()
        if not lowered[:1].isalpha() or (taken and any(low <= word.start < high for low, high in taken)):
            continue
        known = singles.get(lowered)
        exact = known is not None
        if known is None:
            known = singles.get(lemma(lowered))
        if known is None:
            continue
        hits.append(_hit(known, word.start, word.end, word.text, exact=exact))
    hits.sort(key=lambda hit: hit.start)
    return tuple(hit for hit in hits if _in_officialese_sense(hit.term, words))


def _in_officialese_sense(term: str, words: tuple[Token, ...]) -> bool:
    """Whether the sentence uses `term` in the sense its list entry means: 'hierbij' is the letter formula only
    beside a verb of sending or telling ('Hierbij stuur ik u ...'), not the 'daarbij' of 'Wij letten hierbij op
    ...'; 'waartoe' is no 'waarvoor' where the sentence asks for 'tot' ('toegang tot')."""
    entry = _officialese_index()[3].get(term.lower())
    if entry is None or not entry.senses:
        return True
    lowered = [word.text.lower() for word in words]
    wanted = [cue for cue in entry.senses if not cue.startswith("-")]
    unwanted = [cue[1:] for cue in entry.senses if cue.startswith("-")]
    if any(word.startswith(cue) for word in lowered for cue in unwanted):
        return False
    return not wanted or any(word.startswith(cue) for word in lowered for cue in wanted)


_INDECLINABLE = frozenset({"extra", "genoeg", "nu", "al", "ook", "zo", "dan", "hier", "daar"})


def _inflected_rewrite(term: str, found: str, rewrite: str) -> str:
    """The rewrite for an inflected form of a one-word entry: a plural of an -ing noun ('wijzigingen' ->
    'veranderingen'), a plural of a compound with the same last word ('legitimatiebewijzen' ->
    'identiteitsbewijzen'), or an adjective with -e ('noodzakelijke' -> 'nodige', 'structurele' -> 'blijvende');
    '' when it cannot be derived."""
    if not rewrite or " " in rewrite or " " in term:
        return ""
    lowered = found.lower()
    if lowered == term + "en" and term.endswith("ing") and rewrite.endswith("ing"):
        return rewrite + "en"
    head = _shared_head(term, rewrite)
    if head and lowered.startswith(term[: -len(head)]) and lowered != term:
        # The same last word inflects the same way: 'bewijs' -> 'bewijzen' in both compounds.
        return rewrite[: -len(head)] + lowered[len(term) - len(head) :]
    if lowered in (term + "e", _adjective_e(term)) and rewrite not in _INDECLINABLE:
        return _adjective_e(rewrite)
    return ""


def _shared_head(term: str, rewrite: str) -> str:
    """The last word two compounds share ('bewijs' in 'legitimatiebewijs' and 'identiteitsbewijs'), at least four
    letters; '' when they share none."""
    size = 0
    while size < min(len(term), len(rewrite)) and term[-1 - size] == rewrite[-1 - size]:
        size += 1
    return term[-size:] if size >= 4 and size < len(term) and size < len(rewrite) else ""


_VOWELS = "aeiou"


def _adjective_e(word: str) -> str:
    """An adjective with the -e ending ('vast' -> 'vaste', 'structureel' -> 'structurele', 'nodig' -> 'nodige');
    '' when the spelling is not certain (a short vowel that doubles the consonant, an f or s that voices)."""
    if word[-1:] in _VOWELS or word[-1:] in "fs" or len(word) < 3:
        return ""
    if word.endswith(("ig", "lijk", "ijk")) or word[-2] not in _VOWELS:
        return word + "e"
    if word[-3] == word[-2]:
        return word[:-2] + word[-1] + "e"  # an open syllable keeps a long vowel with one letter: 'groot' -> 'grote'
    if word[-3] in _VOWELS:
        return word + "e"  # 'klein', 'goed', 'duidelijk': a vowel of two letters stays
    return ""


def _hit(entry: Entry, start: int, end: int, found: str, *, exact: bool) -> Hit:
    rewrite = entry.rewrite if exact else _inflected_rewrite(entry.term.lower(), found, entry.rewrite)
    if rewrite and found[:1].isupper():
        rewrite = rewrite[0].upper() + rewrite[1:]
    return Hit(entry.term, start, end, entry.replacement, entry.severity, rewrite, rewrite.lower())


def find_officialese(lower: str, words: Iterable[Token], *, offset: int = 0) -> Iterator[tuple[Entry, int, int]]:
    """(entry, start, end) of each officialese word, phrase or verb in `lower` (a lower-cased sentence starting
    at `offset` of the text the tokens point into); for the readability features."""
    words = tuple(words)
    chars = list(lower)
    for word in words:  # the original spelling back, so the rule's call for the same sentence hits the cache
        if word.start - offset >= 0 and word.end - offset <= len(chars):
            chars[word.start - offset : word.end - offset] = word.text
    text = "".join(chars) if len(chars) == len(lower) else lower
    for hit in officialese_in(text, lower, words, offset=offset):
        yield Entry(hit.term, hit.replacement, hit.severity), hit.start, hit.end


def officialese_hits(context: RuleContext) -> list[Hit]:
    """All officialese in the text, sentence by sentence; computed once per text (the domain-term rule needs
    them too, so it does not flag what this rule already flags)."""
    cached = context._cache.get("officialese_hits")
    if cached is None:
        found: list[Hit] = []
        for sentence in context.sentences:
            lower = context.lower[sentence.start : sentence.end]
            found.extend(officialese_in(sentence.text, lower, sentence.words, offset=sentence.start))
        context._cache["officialese_hits"] = cached = found
    return cached  # type: ignore[return-value]


def officialese_words(context: RuleContext) -> Iterator[Finding]:
    """Flag officialese words, phrases and verbs with a plainer alternative, inflected to fit the sentence
    ('plaatsvindt' -> 'gebeurt'). Not flagged: the title of a regulation, the name of a scheme, quoted text (a
    form's name), a legal term the text explains nearby, and what the house style allows. One finding per term."""
    results: list[Finding] = []
    terms: dict[int, str] = {}
    for hit in officialese_hits(context):
        found = context.text[hit.start : hit.end]
        if house_allows(context, hit.term, found) or in_title(context, hit.start) or in_name(context, hit.start):
            continue
        if in_quotes(context, hit.start, hit.end) or explained_nearby(context, hit.start, hit.end, found):
            continue
        item = _officialese_finding(context, hit, found)
        terms[id(item)] = hit.term
        results.append(item)
    return iter(first_per_term(results, key=lambda item: terms[id(item)]))


def _officialese_finding(context: RuleContext, hit: Hit, found: str) -> Finding:
    alternatives = _quoted(hit.replacement)
    if hit.rewrite and hit.rewrite.lower() == hit.replacement.split(" / ")[0].strip().lower():
        suggestion = f"Schrijf liever: {alternatives}."
    elif hit.rewrite:
        suggestion = f"Schrijf liever {alternatives}; hier: '{hit.rewrite}'."
    elif hit.form:
        suggestion = f"Schrijf liever {alternatives}; hier past de vorm '{hit.form}', maar de zin moet anders."
    else:
        suggestion = f"Schrijf liever: {alternatives}."
    return finding(
        context,
        "ambtelijk-woord",
        start=hit.start,
        end=hit.end,
        severity=hit.severity,
        message=f"'{found}' is ambtelijk of moeilijk.",
        suggestion=suggestion,
        rewrite=hit.rewrite,
    )


def _quoted(alternatives: str) -> str:
    return " of ".join(f"'{alt.strip()}'" for alt in alternatives.split(" / "))


@cache
def _abbreviation_index() -> tuple[dict[str, Entry], re.Pattern[str]]:
    index = {entry.term: entry for entry in abbreviations() if entry.kind != "naam"}
    terms = sorted(index, key=len, reverse=True)
    # Case-sensitive on purpose: "WW" is an abbreviation, "ww" in a password hint is not our business.
    # Not inside a compound ('WW-uitkering', 'WOZ-waarde'): the compound says what it is about.
    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(term) for term in terms) + r")(?![\w]|-\w)")
    return index, pattern


_EXPLAINED_AFTER = re.compile(r"\s*\(")


def unexplained_abbreviations(context: RuleContext) -> Iterator[Finding]:
    """Flag the first use of each listed abbreviation that the text never explains; later uses are counted.

    Explained means: the full form or the plain explanation occurs anywhere in the text, the abbreviation
    stands right before or inside brackets ("WW (Werkloosheidswet)", "Werkloosheidswet (WW)"), the text explains
    it nearby, or the house style lists it. Names of organisations and services (UWV, DUO, DigiD) are never
    flagged: that is what they are called. For a law the advice is to say what it means for the reader, not
    to write out its name.
    """
    index, pattern = _abbreviation_index()
    house = context.house_style.abbreviations if context.house_style else {}
    results: list[Finding] = []
    explained: set[str] = set()
    for match in pattern.finditer(context.text):
        term = match.group()
        entry = index[term]
        key = entry.replacement.lower()
        if key in explained or term.lower() in house or house_allows(context, term):
            continue
        if _is_explained(context, entry, match.start(), match.end()):
            explained.add(key)
            continue
        results.append(_abbreviation_finding(context, entry, term, match.start(), match.end()))
    kept = [item for item in results if item.excerpt and index[item.excerpt].replacement.lower() not in explained]
    return iter(first_per_term(kept, key=lambda item: index[item.excerpt].replacement.lower()))


def _abbreviation_finding(context: RuleContext, entry: Entry, term: str, start: int, end: int) -> Finding:
    full = entry.replacement.split(" / ")[0]
    if entry.kind == "wet":
        meaning = entry.explanation or "wat de regel voor de lezer betekent"
        return finding(
            context,
            "afkorting",
            start=start,
            end=end,
            severity=entry.severity,
            message=f"De afkorting '{term}' wordt niet uitgelegd. De naam van de wet zegt de lezer weinig.",
            suggestion=f"Zeg wat het voor de lezer betekent, bijvoorbeeld: '{meaning}' ({full}).",
        )
    dotted = "." in term
    rewrite = full if dotted else ""
    if rewrite and term[:1].isupper():
        rewrite = rewrite[0].upper() + rewrite[1:]
    explanation = f" ({entry.explanation})" if entry.explanation else ""
    suggestion = (
        f"Schrijf voluit: '{full}'." if dotted else f"Schrijf de eerste keer voluit: '{full} ({term})'{explanation}."
    )
    return finding(
        context,
        "afkorting",
        start=start,
        end=end,
        severity=entry.severity,
        message=f"De afkorting '{term}' wordt niet uitgelegd.",
        suggestion=suggestion,
        rewrite=rewrite,
    )


def _is_explained(context: RuleContext, entry: Entry, start: int, end: int) -> bool:
    full_forms = [form.strip().lower() for form in entry.replacement.split(" / ")]
    if entry.explanation:
        full_forms.append(entry.explanation.lower())
    if any(form and form in context.lower for form in full_forms):
        return True
    before = context.text[max(0, start - 2) : start]
    if "(" in before or _EXPLAINED_AFTER.match(context.text, end):
        return True
    return explained_nearby(context, start, end, context.text[start:end])
