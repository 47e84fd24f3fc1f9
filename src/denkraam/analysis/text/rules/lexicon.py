"""Domain terms that need an explanation ('dwangbevel', 'heffingstijdvak', 'beschikking'), and what the word
choice rules share: is a term explained nearby, is it part of a regulation's title or a quoted form name, does
the house style allow it.

A domain term is often the right word (a tax return is an 'aangifte', a reminder to pay with costs is an
'aanmaning'), so the rule never asks to replace it: it asks to explain it, and offers a short plain
explanation. When the text already explains the term in the same or the next sentence, it says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from denkraam.analysis.findings import Finding

from ..wordlists import Term, lexicon
from .base import RuleContext, finding, first_per_term, phrase_pattern

# Right after the term: '(', ':', 'dat wil zeggen', 'dat is een', 'ook wel', 'oftewel', 'is een', 'betekent'.
_EXPLAINED_RIGHT_AFTER = re.compile(
    r"""\s*(?:\(|:|[–—]|,?\s*(?:dat|dit|wat)\s+(?:wil\s+zeggen|betekent|houdt\s+in|is|zijn)\b|,?\s*(?:oftewel|ofwel
    |ook\s+wel|met\s+andere\s+woorden|d\.w\.z\.|dus)\b|\s+(?:is|zijn)\s+(?:een|de|het)\b|\s+(?:betekent|houdt\s+in
    |wil\s+zeggen)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
# Anywhere later in the same sentence.
_EXPLAINED_LATER = re.compile(
    r"\b(?:dat\s+wil\s+zeggen|dat\s+betekent|dit\s+betekent|wat\s+betekent|met\s+andere\s+woorden|oftewel|ook\s+wel"
    r"|d\.w\.z\.|daarmee\s+bedoelen|hiermee\s+bedoelen)\b",
    re.IGNORECASE,
)
# Just before the term: '... (dwangbevel)', 'ook wel', 'dat heet', 'noemen wij'.
_EXPLAINED_BEFORE = re.compile(
    r"(?:\(\s*|\b(?:ook\s+wel|heet|heten|noemen\s+(?:wij|we)|genoemd|oftewel|dat\s+is)\s+(?:een\s+|de\s+|het\s+)?)$",
    re.IGNORECASE,
)
# The next sentence opens with an explanation.
_EXPLAINED_NEXT = re.compile(
    r"\s*(?:(?:dat|dit)\s+(?:betekent|wil\s+zeggen|houdt\s+in|is\s+een|zijn)|(?:daarmee|hiermee)\s+(?:bedoelen|wordt)"
    r"|met\s+andere\s+woorden|oftewel|kort\s+gezegd|in\s+gewone\s+woorden)\b",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"\b(?:Wet|Regeling|Besluit|Verordening|Beleidsregels?|Reglement|Richtlijn|Uitvoeringsbesluit|Uitvoeringsregeling"
    r"|Algemene\s+wet|Algemene\s+maatregel)\b(?:[ \t]+[\w'’-]+){0,10}?[ \t]*$"
)
_QUOTES = re.compile(r"[\"“„«]([^\"”»\n]{1,120})[\"”»]|(?<![\w])[‘']([^'’\n]{1,120})[’'](?![\w])")


def explained_nearby(context: RuleContext, start: int, end: int, term: str = "") -> bool:
    """Whether the text explains the words at start:end in the same or the next sentence: brackets, a colon,
    'dat wil zeggen', 'dat betekent', 'ook wel', 'X is een ...', or a next sentence that opens with 'Dat
    betekent' / 'Dit is' / 'Hiermee bedoelen wij'."""
    text = context.text
    if _EXPLAINED_RIGHT_AFTER.match(text, end):
        return True
    sentence_index = context.sentence_index_at(start)
    sentence = context.sentences[sentence_index] if sentence_index >= 0 else None
    sentence_start = sentence.start if sentence else max(0, start - 200)
    sentence_end = sentence.end if sentence else min(len(text), end + 200)
    if _EXPLAINED_BEFORE.search(text[max(sentence_start, start - 30) : start]):
        return True
    if _EXPLAINED_LATER.search(text, end, sentence_end):
        return True
    if sentence_index >= 0 and sentence_index + 1 < len(context.sentences):
        following = context.sentences[sentence_index + 1]
        if _EXPLAINED_NEXT.match(following.text):
            return True
        if term and re.search(
            rf"\b{re.escape(term)}\w*\s+(?:is|zijn|betekent|houdt\s+in)\b", following.text, re.IGNORECASE
        ):
            return True
    return False


# The first word of a regulation's name: a capitalised title word followed by the words of the name.
_TITLE_WORD = re.compile(
    r"(?:Wet|Regeling|Besluit|Verordening|Beleidsregels?|Reglement|Richtlijn|Uitvoeringsbesluit|Uitvoeringsregeling"
    r"|Algemene)[ \t]+[\w'’-]"
)
# What shows that such a word opens a name even at the start of a sentence: a year or another capitalised word
# further on in the name ('Verordening maatschappelijke ondersteuning Enschede 2017').
_NAME_GOES_ON = re.compile(r"(?:[ \t]+[a-zà-ÿ][\w'’-]*){0,6}[ \t]+(?:(?:19|20)\d\d\b|[A-ZÀ-Ý][a-zà-ÿ])")
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][\w'’-]*")
_NOT_NAME_WORDS = frozenset({"U", "Uw", "Ik", "Wij", "We", "Zij", "Hij", "De", "Het", "Een"})
_GAP = re.compile(r"[ \t]+")


def in_title(context: RuleContext, start: int) -> bool:
    """Whether `start` lies in the title of a regulation ('Wet maatschappelijke ondersteuning', 'Besluit
    bijstandverlening zelfstandigen', 'Verordening individuele inkomenstoeslag 2025'), its first word included:
    a title is what the reader looks up, not officialese or a domain term to explain."""
    text = context.text
    line_start = _line_start(text, start)
    if _TITLE.search(text, line_start, start):
        return True
    if not _TITLE_WORD.match(text, start):
        return False
    # Mid-sentence, a capital makes it a name; at the start of a sentence the name must go on to a year or a
    # capitalised word ('Verordening ... Enschede 2017'), or it is just the word ('Verordeningen gelden ...').
    return bool(text[line_start:start].strip()) or bool(_NAME_GOES_ON.match(text, text.find(" ", start)))


def in_name(context: RuleContext, start: int) -> bool:
    """Whether the word at `start` is one of two or more capitalised words in a row, the name of a scheme or a
    service ('Tegemoetkoming Vaste Lasten', 'Dienst Toeslagen'). A sentence's first word counts only when at least
    two capitalised words follow it. A name cannot be replaced by a plainer word, but it can be explained: the
    officialese rule skips names, the domain-term rule does not."""
    text = context.text
    word = _CAPITALISED.match(text, start)
    if word is None:
        return False
    sentence_start = not text[_line_start(text, start) : start].strip()
    previous = re.search(r"([A-ZÀ-Ý][\w'’-]*)[ \t]+$", text[max(0, start - 60) : start])
    if previous and not sentence_start and previous.group(1) not in _NOT_NAME_WORDS:
        return True  # a later word of a name ('Vaste' in 'Tegemoetkoming Vaste Lasten')
    following: list[str] = []
    position = word.end()
    while (gap := _GAP.match(text, position)) and (name := _CAPITALISED.match(text, gap.end())):
        following.append(name.group())
        position = name.end()
    names = [item for item in following if item not in _NOT_NAME_WORDS]
    return len(names) >= (2 if sentence_start else 1)


def _line_start(text: str, start: int) -> int:
    return max(text.rfind("\n", 0, start), text.rfind(".", 0, start), start - 120) + 1


def quoted_spans(context: RuleContext) -> list[tuple[int, int]]:
    """The spans inside quotation marks (a form's or a button's name, a quoted law text), computed once."""
    cached = context._cache.get("quoted_spans")
    if cached is None:
        cached = [match.span() for match in _QUOTES.finditer(context.text)]
        context._cache["quoted_spans"] = cached
    return cached  # type: ignore[return-value]


def in_quotes(context: RuleContext, start: int, end: int) -> bool:
    """Whether start:end lies inside quotation marks."""
    return any(low <= start and end <= high for low, high in quoted_spans(context))


def house_allows(context: RuleContext, *terms: str) -> bool:
    """Whether the house style lists any of `terms` (any case) as fine for its readers."""
    style = context.house_style
    return bool(style and style.allowed and any(term.lower() in style.allowed for term in terms if term))


@cache
def _lexicon_index() -> tuple[dict[str, Term], dict[str, Term], re.Pattern[str] | None]:
    singles: dict[str, Term] = {}
    phrases: dict[str, Term] = {}
    for term in lexicon():
        key = term.term.lower()
        (phrases if " " in key else singles)[re.sub(r"\s+", " ", key)] = term
    for key, term in list(singles.items()):
        for plural in _plurals(key):
            singles.setdefault(plural, term)
    return singles, phrases, phrase_pattern(list(phrases)) if phrases else None


def _plurals(word: str) -> tuple[str, ...]:
    """Likely plural forms of a Dutch noun ('dwangbevel' -> 'dwangbevelen', 'vonnis' -> 'vonnissen'), for
    compounds the lemmatiser does not know. A wrong guess only adds a key nobody writes."""
    if word.endswith(("e", "el", "er", "em", "je", "ie")):
        return (word + "s", word + "n")
    if word[-1:] in "aiouy":
        return (word + "'s",)
    if len(word) > 3 and word[-2] in "aeiou" and word[-3] not in "aeiou" and word[-1] not in "aeiouwjy":
        return (word + "en", word + word[-1] + "en")
    return (word + "en",)


def _lemma(word: str) -> str:
    from .wording import lemma

    return lemma(word)


def domain_terms(context: RuleContext) -> Iterator[Finding]:
    """Flag the first use of each domain term that the text does not explain nearby ('leg uit'), with a
    short plain explanation; later uses are counted in the first finding's message."""
    singles, phrases, pattern = _lexicon_index()
    found: list[tuple[Term, int, int]] = []
    taken: list[tuple[int, int]] = []
    if pattern is not None:
        for match in pattern.finditer(context.lower):
            found.append((phrases[re.sub(r"\s+", " ", match.group())], match.start(), match.end()))
            taken.append(match.span())
    for word in context.words:
        lowered = context.lower[word.start : word.end]
        if len(lowered) < 4 or not lowered[:1].isalpha():
            continue
        term = singles.get(lowered)
        if term is None and lowered.endswith(("en", "s", "'s")):
            term = singles.get(_lemma(lowered))
        if term is None or (taken and any(low <= word.start < high for low, high in taken)):
            continue
        found.append((term, word.start, word.end))
    from .wording import officialese_hits

    flagged = [(hit.start, hit.end) for hit in officialese_hits(context)]
    found = [item for item in found if not any(item[1] < high and low < item[2] for low, high in flagged)]
    found.sort(key=lambda item: item[1])
    # Terms with the same explanation are one concept ('arbeidsongeschikt', 'arbeidsongeschiktheid'; 'WW-uitkering',
    # 'werkloosheidsuitkering'): explained once, or flagged once, for all of them.
    explained = {
        _concept(term) for term, start, end in found if explained_nearby(context, start, end, context.text[start:end])
    }
    results: list[Finding] = []
    keys: dict[int, str] = {}
    for term, start, end in found:
        text = context.text[start:end]
        if _concept(term) in explained:
            continue  # explained once, explained for the whole text
        if house_allows(context, term.term, text) or in_quotes(context, start, end) or in_title(context, start):
            continue
        sense_clear = not term.cues or _has_cue(context, term.cues)
        if not sense_clear and term.unclear == "stil":
            continue  # in its other senses an everyday word: an explanation in the wrong sense misleads
        keys[start] = _concept(term)
        results.append(_term_finding(context, term, text, start, end, sense_clear=sense_clear))
    return iter(first_per_term(results, key=lambda item: keys[item.start]))


def _concept(term: Term) -> str:
    return term.explanation.lower()


# An explanation that names one thing ('een organisatie die ...', 'iemand voor wie ...') reads wrong in brackets
# after a plural ('uitvoeringsorganisaties (een organisatie die ...)').
_SINGULAR_EXPLANATION = re.compile(r"^(?:een|iemand|degene)\b", re.IGNORECASE)


def _term_finding(context: RuleContext, term: Term, text: str, start: int, end: int, *, sense_clear: bool) -> Finding:
    message = f"'{text}' is een vakterm. Leg uit wat het betekent; niet iedere lezer kent het woord."
    if not sense_clear:
        # The text does not show in which sense it uses the word: ask, and do not explain in the wrong one.
        return finding(context, "vakterm", start=start, end=end, message=message)
    plural = text.lower() != term.term.lower() and bool(_SINGULAR_EXPLANATION.match(term.explanation))
    if plural:
        definition = f"Een {term.term} is {term.explanation}"
        return finding(
            context, "vakterm", start=start, end=end, message=message, suggestion=f"Bijvoorbeeld: '{definition}.'"
        )
    return finding(
        context,
        "vakterm",
        start=start,
        end=end,
        message=message,
        suggestion=f"Bijvoorbeeld: '{text} ({term.explanation})'.",
        rewrite=f"{text} ({term.explanation})",
    )


def _has_cue(context: RuleContext, cues: tuple[str, ...]) -> bool:
    """Whether a word of the text begins with one of `cues`: the text is about the domain of the term's sense."""
    pattern = _cue_pattern(cues)
    return pattern.search(context.lower) is not None


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(cue) for cue in cues) + ")")
