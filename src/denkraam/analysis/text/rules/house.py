"""House style: the words an organisation has agreed not to use, with the replacement it chose.

The list comes from the organisation (the web app) or a `--woordenlijst` file; every finding names it in
`source`. A term matches as whole words, case-insensitively, also inflected ('verstrekte' for the term
'verstrekken'); each term gets one finding per text, at its first place, and the message says how often it recurs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from denkraam.analysis.findings import Finding

from ..house_style import HouseStyle
from ..tokens import Token, tokenize
from .base import RuleContext, finding, repeat_note
from .wording import lemma


@dataclass(frozen=True, slots=True)
class _Term:
    key: str  # the term in lower case, as in HouseStyle.avoid
    parts: tuple[str, ...]  # its tokens in lower case


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    exact: bool  # every word as in the list (not inflected): the replacement fits as it is
    count: int = 1


@lru_cache(maxsize=16)
def _index(keys: tuple[str, ...]) -> dict[str, list[_Term]]:
    """The terms to avoid by their first token, longest first, so 'in verband met' wins over 'verband'.

    Cached by the terms: the web app checks many texts with the same list (5,000 terms take some 35 ms to index).
    """
    index: dict[str, list[_Term]] = {}
    for key in keys:
        parts = tuple(token.text.lower() for token in tokenize(key))
        if parts:
            index.setdefault(parts[0], []).append(_Term(key=key, parts=parts))
    for terms in index.values():
        terms.sort(key=lambda term: len(term.parts), reverse=True)
    return index


def _forms(lowered: str) -> tuple[str, ...]:
    """What a token of the text may stand for: itself and, for a word, its lemma ('verstrekte' -> 'verstrekken')."""
    if lowered[:1].isalpha():
        base = lemma(lowered)
        if base != lowered:
            return (lowered, base)
    return (lowered,)


def _match(
    context: RuleContext, tokens: list[Token], forms: list[tuple[str, ...]], at: int, term: _Term
) -> bool | None:
    """None when `term` does not start at token `at`; else whether it is written exactly as in the list."""
    if at + len(term.parts) > len(tokens):
        return None
    exact = True
    for offset, part in enumerate(term.parts):
        index = at + offset
        if part not in forms[index]:
            return None
        exact = exact and forms[index][0] == part
        # The words of a phrase follow each other with only spaces between them.
        if offset and context.text[tokens[index - 1].end : tokens[index].start].strip():
            return None
    return exact


def _hits(context: RuleContext, style: HouseStyle) -> dict[str, _Hit]:
    index = _index(tuple(style.avoid))
    tokens = [token for sentence in context.sentences for token in sentence.tokens]
    forms = [_forms(token.text.lower()) for token in tokens]
    hits: dict[str, _Hit] = {}
    position = 0
    while position < len(tokens):
        found: tuple[_Term, bool] | None = None
        for candidate in {term for form in forms[position] for term in index.get(form, ())}:
            exact = _match(context, tokens, forms, position, candidate)
            if exact is not None and (found is None or len(candidate.parts) > len(found[0].parts)):
                found = (candidate, exact)
        if found is None:
            position += 1
            continue
        term, exact = found
        end = tokens[position + len(term.parts) - 1].end
        if term.key in hits:
            hits[term.key].count += 1
        else:
            hits[term.key] = _Hit(start=tokens[position].start, end=end, exact=exact)
        position += len(term.parts)
    return hits


def _fit_case(replacement: str, found: str) -> str:
    """The replacement written like the words it replaces: capital at the start of a sentence, capitals in a
    heading in capitals."""
    if len(found) > 1 and found.isupper() and not replacement.isupper():
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def house_style_words(context: RuleContext) -> Iterator[Finding]:
    """Flag each word or phrase the organisation's list says to avoid, with its replacement as the rewrite."""
    style = context.house_style
    if style is None or not style.avoid:
        return
    hits = _hits(context, style)
    for key, hit in sorted(hits.items(), key=lambda item: item[1].start):
        found = context.text[hit.start : hit.end]
        replacement = style.avoid[key].strip()
        message = f"'{found}' staat in de lijst als woord om niet te gebruiken."
        if hit.count > 1:
            message += f" {repeat_note(hit.count - 1)}"
        if not replacement:
            suggestion = "Kies een ander, gewoon woord."
        elif hit.exact:
            suggestion = f"Schrijf: '{replacement}'" + (", ook op de andere plaatsen." if hit.count > 1 else ".")
        else:
            suggestion = f"Schrijf: '{replacement}', in de vorm die in de zin past."
        yield finding(
            context,
            "huisstijl",
            start=hit.start,
            end=hit.end,
            message=message,
            suggestion=suggestion,
            rewrite=_fit_case(replacement, found) if replacement and hit.exact else "",
            source=style.label,
        )
