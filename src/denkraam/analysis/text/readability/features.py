"""Sentence features for the default tier: LiNT's four features approximated without a parser, plus length.

LiNT (and LiNT-II) found four features that predict how hard Dutch readers find a sentence: frequency of the
content words, content words per clause, the longest syntactic dependency, and the share of concrete nouns.
Here they are estimated from word lists and word frequencies only, which is ~100x faster than parsing:

- word frequency: wordfreq's Dutch Zipf value of the word or its simplemma lemma, whichever is higher
  (inflected forms are rarer than their lemma); unknown compounds fall back to their known head, minus a
  penalty, because Dutch compounds are right-headed and "bewonersonderzoek" is as rare as it looks;
- clauses: one per sentence plus subordinators, relative words after a comma and clause-level coordinators;
- dependency length: the longest stretch of words between clause boundaries ("tangconstructie": in Dutch the
  verb cluster closes the clause, so a long stretch means a long subject-to-verb dependency);
- concreteness: share of content words that do not end in an abstract suffix (-heid, -ing, -atie, ...).

Plus three plain-language counts per sentence, from the text check's own matchers (the rules modules; no
Django): officialese words and phrases (`wordlists/officialese.tsv`), passive constructions and nominal style.
These are what the City of Amsterdam's editors removed most when they simplified their texts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import simplemma
import wordfreq

from ..rules.grammar import passive_in
from ..rules.nominal import find_nominal
from ..rules.wording import find_officialese
from ..tokens import Sentence, Token
from .lexicon import (
    ABSTRACT_SUFFIXES,
    CLAUSE_COORDINATORS,
    FINITE_VERBS,
    FUNCTION_WORDS,
    RELATIVE_WORDS,
    SUBORDINATORS,
)
from .syllables import count_syllables

__all__ = [
    "FEATURE_NAMES",
    "SentenceFeatures",
    "aggregate",
    "plain_language_counts",
    "sentence_features",
    "word_zipf",
]

FEATURE_NAMES: tuple[str, ...] = (
    "zipf",  # mean Zipf frequency of content words (higher = more common = easier)
    "rare_share",  # share of content words with Zipf < 3
    "content_per_clause",
    "max_segment",  # longest run of words between clause boundaries (dependency-length proxy)
    "abstract_share",  # share of content words with an abstract-noun suffix
    "syllables_per_word",
    "log_words",  # log(1 + words in the sentence)
    "long_word_share",  # share of words with 4 or more syllables
    "words",  # words per sentence
    "chars_per_word",
    "zipf_all",  # mean Zipf frequency of all words, function words included
    "difficulty",  # per sentence: sum over words of (7 - Zipf), grows with both length and rarity
    "zipf_capped",  # mean over all words of min(Zipf, 6); numbers and codes count as 6, unknown words as 0
    "officialese",  # officialese words and phrases per sentence (the text check's list and matcher)
    "passive",  # passive constructions per sentence (with 'worden' or 'zijn')
    "nominal",  # nominal-style constructions per sentence
    # Deep tier only (frog's parse and LiNT-II's word lists; neutral values in the default tier):
    "subtlex",  # mean SUBTLEX-NL Zipf of the content words (proper nouns left out), as LiNT-II counts it
    "concrete_share",  # share of concrete nouns among nouns of known type (LiNT-II's noun list)
)

# Above Zipf 6 (de, het, een, is, u, ...) a word is simply "very common"; capping keeps the few most frequent
# function words from masking a rare word in the same sentence. Chosen on calibration data
# (see training/readability/default.py).
ZIPF_CAP = 6.0

_COMPOUND_PENALTY = 1.0
_COMPOUND_MAX_ZIPF = 4.0  # rarer compounds are read via their head (chosen by cross-validation, see training/)
_COMPOUND_MIN_HEAD_ZIPF = 3.0
_RARE_ZIPF = 3.0
_STRESS_ACCENTS = frozenset("áéíóúàèìòù")
_UNACCENT = str.maketrans("áéíóúàèìòù", "aeiouaeiou")
_MAX_WORD_CHARS = 60  # longer "words" are junk (hashes, base64); skip the lexicon lookups


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """Raw counts for one sentence; `values()` turns them into the model's feature vector."""

    words: int
    content_words: int
    zipf_sum: float
    rare: int
    clauses: int
    max_segment: int
    abstract: int
    syllables: int
    long_words: int
    chars: int = 0
    zipf_all_sum: float = 0.0
    zipf_capped_sum: float = 0.0
    officialese: int = 0
    passive: int = 0
    nominal: int = 0
    subtlex_sum: float = 0.0
    subtlex_words: int = 0
    concrete_nouns: int = 0
    typed_nouns: int = 0
    codes: int = 0  # numbers and codes (dates, amounts, phone numbers, ...): one word each, at the Zipf cap

    def values(self) -> dict[str, float]:
        """The feature vector (see FEATURE_NAMES) for this sentence alone."""
        return _values(self, sentences=1, segment_sum=self.max_segment)


def _values(total: SentenceFeatures, *, sentences: int, segment_sum: float) -> dict[str, float]:
    words = max(total.words, 1)
    content = max(total.content_words, 1)
    return {
        "zipf": total.zipf_sum / content if total.content_words else 6.0,
        "rare_share": total.rare / content,
        "content_per_clause": total.content_words / max(total.clauses, 1),
        "max_segment": segment_sum / max(sentences, 1),
        "abstract_share": total.abstract / content,
        "syllables_per_word": total.syllables / words if total.words else 1.0,
        "log_words": math.log1p(total.words / max(sentences, 1)),
        "long_word_share": total.long_words / words,
        "words": total.words / max(sentences, 1),
        "chars_per_word": total.chars / words,
        "zipf_all": total.zipf_all_sum / words if total.words else 7.0,
        "difficulty": (7.0 * total.words - total.zipf_all_sum) / max(sentences, 1),
        # A number or code reads as easily as the most common words: it counts at the cap.
        "zipf_capped": (total.zipf_capped_sum + ZIPF_CAP * total.codes) / words if total.words else ZIPF_CAP,
        "officialese": total.officialese / max(sentences, 1),
        "passive": total.passive / max(sentences, 1),
        "nominal": total.nominal / max(sentences, 1),
        "subtlex": total.subtlex_sum / total.subtlex_words if total.subtlex_words else ZIPF_CAP,
        "concrete_share": total.concrete_nouns / total.typed_nouns if total.typed_nouns else 1.0,
    }


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    return wordfreq.get_frequency_dict("nl")


def _zipf(word: str) -> float:
    frequency = _frequencies().get(word, 0.0)
    return math.log10(frequency) + 9.0 if frequency > 0 else 0.0


@lru_cache(maxsize=300_000)
def word_zipf(word: str) -> float:
    """Zipf frequency (0-8) of a lower-cased Dutch word, via its lemma and compound head when that helps.

    Stress accents ("vóór", "één", "dé") mark emphasis, not another word: the unaccented form counts too.
    """
    if len(word) > _MAX_WORD_CHARS:
        return 0.0
    best = _zipf(word)
    if _STRESS_ACCENTS.intersection(word):
        best = max(best, word_zipf(word.translate(_UNACCENT)))
    if best < 4.0:
        lemma = simplemma.lemmatize(word, lang="nl").lower()
        if lemma != word:
            best = max(best, _zipf(lemma))
    if best == 0.0 and len(word) >= 8 and word.isalpha():
        # Right-headed compound: the longest known tail of at least 4 letters.
        for cut in range(2, len(word) - 3):
            head = _zipf(word[cut:])
            if head > 0:
                best = max(head - _COMPOUND_PENALTY, 0.5)
                break
    if best < _COMPOUND_MAX_ZIPF and len(word) >= 8 and word.isalpha():
        # A known but rare compound reads like its head ("zaaknummer" like "nummer", minus the penalty): the
        # longest tail of at least 4 letters that is a common enough word of its own.
        for cut in range(2, len(word) - 3):
            head = _zipf(word[cut:])
            if head >= _COMPOUND_MIN_HEAD_ZIPF:
                best = max(best, head - _COMPOUND_PENALTY)
                break
    return best


def _looks_finite(lowered: str) -> bool:
    """A finite verb form: a frequent one from the list, or an inflected form whose lemma is an infinitive."""
    if lowered in FINITE_VERBS:
        return True
    if len(lowered) < 3 or len(lowered) > _MAX_WORD_CHARS or not lowered.isalpha() or lowered.startswith("ge"):
        return False
    lemma = simplemma.lemmatize(lowered, lang="nl").lower()
    return lemma != lowered and lemma.endswith("en") and len(lemma) > 3


@lru_cache(maxsize=300_000)
def _word_info(lowered: str) -> tuple[bool, float, bool, int, float, bool]:
    """(is content word, zipf, is abstract, syllables, zipf of the form itself, looks finite) for a word."""
    syllables = count_syllables(lowered) if len(lowered) <= _MAX_WORD_CHARS else max(1, len(lowered) // 3)
    if not any(ch.isalpha() for ch in lowered):
        return False, 0.0, False, syllables, 5.0, False  # numbers read easily
    finite = _looks_finite(lowered)
    if lowered in FUNCTION_WORDS:
        return False, 0.0, False, syllables, word_zipf(lowered), finite
    abstract = len(lowered) > 5 and lowered.endswith(ABSTRACT_SUFFIXES)
    zipf = word_zipf(lowered)
    return True, zipf, abstract, syllables, zipf, finite


def _as_sentence(tokens: Sequence[Token]) -> Sentence:
    """A Sentence around bare tokens: their text at their own offsets, gaps filled with spaces."""
    if not tokens:
        return Sentence(0, 0, "", ())
    start = tokens[0].start
    chars = [" "] * (tokens[-1].end - start)
    for token in tokens:
        chars[token.start - start : token.end - start] = token.text
    return Sentence(start, tokens[-1].end, "".join(chars), tuple(tokens))


def _lower_same_length(text: str) -> str:
    """Lower case with unchanged offsets (a few Unicode letters grow when lowered; those stay as they are)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def plain_language_counts(sentence: Sentence) -> tuple[int, int, int]:
    """(officialese words and phrases, passive constructions, nominal-style hits) in one sentence, found with
    the text check's own matchers so both always agree."""
    lower = _lower_same_length(sentence.text)
    officialese = sum(1 for _ in find_officialese(lower, sentence.words, offset=sentence.start))
    passive = sum(1 for _ in passive_in(sentence))
    nominal = sum(1 for _ in find_nominal(sentence.text, lower))
    return officialese, passive, nominal


def sentence_features(sentence: Sentence | Sequence[Token]) -> SentenceFeatures:
    """Count the features of one sentence (a Sentence or its tokens)."""
    if not isinstance(sentence, Sentence):
        sentence = _as_sentence(sentence)
    tokens = sentence.tokens
    words = content = rare = abstract = syllables = long_words = chars = finite_verbs = codes = 0
    zipf_sum = zipf_all_sum = zipf_capped_sum = 0.0
    clauses = 1
    segment = max_segment = 0
    after_comma = False
    for position, token in enumerate(tokens):
        if not token.is_word:
            if token.text in ",;:()–—":
                after_comma = True
                max_segment = max(max_segment, segment)
                segment = 0
            continue
        lowered = token.text.lower()
        words += 1
        opens_clause = position > 0 and (
            lowered in SUBORDINATORS
            or (after_comma and (lowered in RELATIVE_WORDS or lowered in CLAUSE_COORDINATORS))
            or lowered == "want"
        )
        if opens_clause:
            clauses += 1
            max_segment = max(max_segment, segment)
            segment = 0
        segment += 1
        after_comma = False
        if token.is_code:
            # "1 april 2027", "€ 1.234,56", "020 - 123 45 67": read as one unit, so one word of the sentence's
            # length that counts as a very common one (as digits they would count as the rarest words).
            codes += 1
            syllables += 1
            zipf_all_sum += 5.0
            continue
        is_content, zipf, is_abstract, word_syllables, zipf_all, finite = _word_info(lowered)
        syllables += word_syllables
        chars += len(lowered)
        zipf_all_sum += min(zipf_all, 7.0)
        zipf_capped_sum += min(word_zipf(lowered), ZIPF_CAP)
        finite_verbs += finite
        if word_syllables >= 4:
            long_words += 1
        if is_content:
            content += 1
            zipf_sum += zipf
            rare += zipf < _RARE_ZIPF
            abstract += is_abstract
    max_segment = max(max_segment, segment)
    officialese, passive, nominal = plain_language_counts(sentence) if words else (0, 0, 0)
    return SentenceFeatures(
        words=words,
        content_words=content,
        zipf_sum=zipf_sum,
        rare=rare,
        # Each clause has a finite verb; the conjunction cues catch clauses whose verb we do not recognise.
        clauses=max(clauses, finite_verbs),
        max_segment=max_segment,
        abstract=abstract,
        syllables=syllables,
        long_words=long_words,
        chars=chars,
        zipf_all_sum=zipf_all_sum,
        zipf_capped_sum=zipf_capped_sum,
        officialese=officialese,
        passive=passive,
        nominal=nominal,
        codes=codes,
    )


def aggregate(features: Sequence[SentenceFeatures]) -> dict[str, float]:
    """Document feature vector: counts pooled over all sentences, per-sentence measures averaged.

    Pooling (total content words / total clauses, all content words' frequencies together) is what LiNT-II
    does for a document; it weighs long sentences by their length instead of letting a one-word heading
    count as much as a paragraph-long sentence.
    """
    with_words = [item for item in features if item.words]
    if not with_words:
        return _values(SentenceFeatures(0, 0, 0.0, 0, 1, 0, 0, 0, 0), sentences=1, segment_sum=0)
    total = SentenceFeatures(
        words=sum(item.words for item in with_words),
        content_words=sum(item.content_words for item in with_words),
        zipf_sum=sum(item.zipf_sum for item in with_words),
        rare=sum(item.rare for item in with_words),
        clauses=sum(item.clauses for item in with_words),
        max_segment=0,
        abstract=sum(item.abstract for item in with_words),
        syllables=sum(item.syllables for item in with_words),
        long_words=sum(item.long_words for item in with_words),
        chars=sum(item.chars for item in with_words),
        zipf_all_sum=sum(item.zipf_all_sum for item in with_words),
        zipf_capped_sum=sum(item.zipf_capped_sum for item in with_words),
        officialese=sum(item.officialese for item in with_words),
        passive=sum(item.passive for item in with_words),
        nominal=sum(item.nominal for item in with_words),
        subtlex_sum=sum(item.subtlex_sum for item in with_words),
        subtlex_words=sum(item.subtlex_words for item in with_words),
        concrete_nouns=sum(item.concrete_nouns for item in with_words),
        typed_nouns=sum(item.typed_nouns for item in with_words),
        codes=sum(item.codes for item in with_words),
    )
    # Longest segments weighted by sentence length: a long tangled sentence matters more than a heading.
    segment_sum = sum(item.max_segment * item.words for item in with_words) / total.words * len(with_words)
    return _values(total, sentences=len(with_words), segment_sum=segment_sum)
