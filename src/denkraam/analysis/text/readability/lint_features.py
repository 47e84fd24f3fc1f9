"""LiNT-II's four features of a sentence, measured on frog's parse with LiNT-II's own word lists (deep tier).

LiNT-II (the `lint-ii` package, EUPL-1.2) scores a sentence from the mean frequency of its content
words, the longest syntactic dependency, content words per clause and the share of concrete nouns. It needs
spaCy's `nl_core_news_lg` model, which cannot be installed from a package registry. Here frog supplies the
parse (its Alpino-style tree rewritten to UD's conventions in `ud.py`) and `lint_lexicon` LiNT-II's word lists,
following LiNT-II's published definitions (our own code; nothing of LiNT-II's is imported).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..tokens import is_code_text
from .features import SentenceFeatures
from .lint_lexicon import LintLexicon, lint_lexicon
from .ud import ParsedWord, max_dependency_length, parsed_words, verb_roles

__all__ = ["parsed_sentence_features"]


def _is_content_word(word: ParsedWord, auxiliaries: set[int], copulas: set[int], lexicon: LintLexicon) -> bool:
    """LiNT-II's content words: nouns, proper nouns, lexical verbs (no auxiliaries or copulas), adjectives (no
    numerals) and manner adverbs."""
    if "TW" in word.tag or word.position in auxiliaries or word.position in copulas:
        return False
    return word.tag.startswith(("N(", "SPEC(deeleigen", "WW", "ADJ")) or word.word.lower() in lexicon.manner_adverbs


def _is_code(word: str) -> bool:
    """A number or code frog kept as one word ("www.uwv.nl/ww", "Z-2026-001"): never a rare content word."""
    return any(char.isdigit() or char in "@/" for char in word) or is_code_text(word)


def parsed_sentence_features(rows: Sequence[Sequence[str]], base: SentenceFeatures) -> SentenceFeatures:
    """The default tier's features of the sentence (`base`), with LiNT-II's four features measured on the parse.

    Words, Zipf over all words and the three plain-language counts stay the default tier's own, so the deep
    model starts from exactly the standaard-5 terms. Frog's parse and LiNT-II's word lists (`lint_lexicon`)
    supply what LiNT-II measures: content words (from real POS tags) per clause (finite verb), the longest
    dependency in UD style (`ud.py`), the SUBTLEX-NL frequency of the content words and the share of concrete
    nouns.
    """
    lexicon = lint_lexicon()
    words = parsed_words(rows)
    auxiliaries, copulas = verb_roles(words)
    content = finite = subtlex_words = concrete = typed = 0
    subtlex_sum = 0.0
    for word in words:
        lowered = word.word.lower()
        finite += word.tag.startswith("WW(pv")
        proper = word.tag.startswith(("N(eigen", "SPEC(deeleigen"))
        is_noun = word.tag.startswith("N(") or proper
        if _is_content_word(word, auxiliaries, copulas, lexicon) and not _is_code(word.word):
            content += 1
            if not proper and lowered not in lexicon.skip and word.lemma not in lexicon.skip:
                subtlex_sum += lexicon.zipf(lexicon.noun_heads.get(lowered, lowered) if is_noun else lowered)
                subtlex_words += 1
        kind = None
        if is_noun:
            kind = lexicon.noun_types.get(lowered) or lexicon.noun_types.get(word.lemma)
        elif word.tag.startswith("SPEC") and lowered in lexicon.units:
            kind = "concrete"
        if kind:
            typed += 1
            concrete += kind == "concrete"
    return replace(
        base,
        content_words=content,
        clauses=max(finite, 1),
        max_segment=max_dependency_length(words),
        subtlex_sum=subtlex_sum,
        subtlex_words=subtlex_words,
        concrete_nouns=concrete,
        typed_nouns=typed,
    )
