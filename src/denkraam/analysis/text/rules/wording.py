"""Word choice: officialese with plainer alternatives, and abbreviations the text never explains."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from denkraam.analysis.findings import Finding

from ..tokens import Token
from ..wordlists import Entry, abbreviations, officialese
from .base import RuleContext, finding, phrase_pattern


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """The simplemma lemma of a lower-case Dutch word (cached: letters repeat their words)."""
    import simplemma

    return simplemma.lemmatize(word, lang="nl")


@cache
def _officialese_index() -> tuple[dict[str, Entry], re.Pattern[str] | None, dict[str, Entry]]:
    singles: dict[str, Entry] = {}
    phrases: dict[str, Entry] = {}
    for entry in officialese():
        key = entry.term.lower()
        if " " in key or "." in key:
            phrases[re.sub(r"\s+", " ", key)] = entry
        else:
            singles[key] = entry
    pattern = phrase_pattern(list(phrases)) if phrases else None
    return singles, pattern, phrases


def find_officialese(lower: str, words: Iterable[Token], *, offset: int = 0) -> Iterator[tuple[Entry, int, int]]:
    """(entry, start, end) of each officialese word or phrase: phrases in `lower` (the lower-cased text, which
    starts at `offset` of the text the tokens point into), then single `words`, also inflected ('verstrekte'
    -> 'verstrekken'). Offsets are those of the tokens' text.

    The one matcher of the officialese list: the rule below and the readability features both use it.
    """
    singles, pattern, phrases = _officialese_index()
    taken: list[tuple[int, int]] = []
    if pattern is not None:
        for match in pattern.finditer(lower):
            start, end = match.start() + offset, match.end() + offset
            taken.append((start, end))
            yield phrases[re.sub(r"\s+", " ", match.group())], start, end
    for word in words:
        lowered = word.text.lower()
        if not lowered[:1].isalpha():
            continue
        entry = singles.get(lowered) or singles.get(lemma(lowered))
        if entry is None or any(low <= word.start < high for low, high in taken):
            continue
        yield entry, word.start, word.end


def officialese_words(context: RuleContext) -> Iterator[Finding]:
    """Flag words and phrases from the officialese list, also inflected ('verstrekte' -> 'verstrekken')."""
    for entry, start, end in find_officialese(context.lower, context.words):
        yield _officialese_finding(context, entry, start, end)


def _officialese_finding(context: RuleContext, entry: Entry, start: int, end: int) -> Finding:
    found = context.text[start:end]
    return finding(
        context,
        "ambtelijk-woord",
        start=start,
        end=end,
        severity=entry.severity,
        message=f"'{found}' is ambtelijk of moeilijk.",
        suggestion=f"Schrijf liever: {_quoted(entry.replacement)}.",
    )


def _quoted(alternatives: str) -> str:
    return " of ".join(f"'{alt.strip()}'" for alt in alternatives.split(" / "))


@cache
def _abbreviation_index() -> tuple[dict[str, Entry], re.Pattern[str]]:
    index = {entry.term: entry for entry in abbreviations()}
    terms = sorted(index, key=len, reverse=True)
    # Case-sensitive on purpose: "WW" is an abbreviation, "ww" in a password hint is not our business.
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(term) for term in terms) + r")(?![\w])")
    return index, pattern


_EXPLAINED_AFTER = re.compile(r"\s*\(")


def unexplained_abbreviations(context: RuleContext) -> Iterator[Finding]:
    """Flag the first use of each listed abbreviation that the text never writes out.

    Explained means: the full form occurs anywhere in the text, or the abbreviation stands right before or
    inside brackets ("WW (Werkloosheidswet)", "Werkloosheidswet (WW)").
    """
    index, pattern = _abbreviation_index()
    seen: set[str] = set()
    for match in pattern.finditer(context.text):
        term = match.group()
        key = term.lower()
        if key in seen:
            continue
        seen.add(key)
        entry = index[term]
        if _is_explained(context, entry, match.start(), match.end()):
            continue
        yield finding(
            context,
            "afkorting",
            start=match.start(),
            end=match.end(),
            severity=entry.severity,
            message=f"De afkorting '{term}' wordt niet uitgelegd.",
            suggestion=f"Schrijf voluit: '{entry.replacement}', of de eerste keer '{entry.replacement} ({term})'.",
        )


def _is_explained(context: RuleContext, entry: Entry, start: int, end: int) -> bool:
    full_forms = [form.strip().lower() for form in entry.replacement.split(" / ")]
    if any(form and form in context.lower for form in full_forms):
        return True
    before = context.text[max(0, start - 2) : start]
    return "(" in before or bool(_EXPLAINED_AFTER.match(context.text, end))
