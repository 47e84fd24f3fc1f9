"""The rules of the text check, one module per family. `run_rules` applies all of them in a fixed order."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from denkraam.analysis.findings import Finding

from .address import impersonal_style, mixed_address
from .base import RuleContext
from .catalog import RULES, RuleInfo
from .grammar import needless_zullen, passive_voice
from .house import house_style_words
from .letter import letter_elements, letter_framing, looks_like_letter
from .negation import double_negatives
from .nominal import nominal_style
from .sentences import long_sentences
from .timing import vague_time
from .tone import cold_tone, threatening_tone
from .wording import officialese_words, unexplained_abbreviations

__all__ = ["ALL_RULES", "RULES", "RuleContext", "RuleInfo", "letter_framing", "looks_like_letter", "run_rules"]

Rule = Callable[[RuleContext], Iterable[Finding]]

ALL_RULES: tuple[Rule, ...] = (
    long_sentences,
    passive_voice,
    needless_zullen,
    nominal_style,
    officialese_words,
    unexplained_abbreviations,
    double_negatives,
    mixed_address,
    impersonal_style,
    cold_tone,
    threatening_tone,
    vague_time,
    # Word choice: domain terms, house style.
    house_style_words,
    # Sentence rewrites: empty openers, tangconstructies, er-constructions.
    letter_elements,
    # Letter types and structure.
)


def run_rules(context: RuleContext) -> list[Finding]:
    """All findings, whole-text findings first, then in text order; exact duplicates removed."""
    seen: set[tuple[str, int, int]] = set()
    findings: list[Finding] = []
    for rule in ALL_RULES:
        for item in rule(context):
            key = (item.rule, item.start, item.end)
            if key in seen:
                continue
            seen.add(key)
            findings.append(item)
    # The organisation's own list wins: its finding replaces denkraam's own advice on the same words.
    house = {(item.start, item.end) for item in findings if item.rule == "huisstijl"}
    if house:
        findings = [f for f in findings if f.rule == "huisstijl" or f.source or (f.start, f.end) not in house]
    findings.sort(key=lambda item: (item.end > item.start, item.start, item.end, item.rule))
    return findings
