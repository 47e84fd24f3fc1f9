"""The rules of the text check, one module per family. `run_rules` applies all of them in a fixed order."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from denkraam.analysis.findings import Finding

from .address import impersonal_style, mixed_address
from .base import RuleContext
from .catalog import RULES, RuleInfo
from .grammar import needless_zullen, passive_voice
from .house import house_style_words
from .letter import letter_elements, letter_framing, letter_structure, looks_like_letter
from .lexicon import domain_terms
from .negation import double_negatives
from .nominal import nominal_style
from .openers import empty_openers, er_constructions, tangconstructies
from .sentences import long_sentences
from .timing import vague_time
from .tone import cold_tone, threatening_tone
from .trust import accusing_wording
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
    domain_terms,
    # Sentence rewrites: empty openers, tangconstructies, er-constructions.
    empty_openers,
    er_constructions,
    tangconstructies,
    letter_elements,
    # Letter types and structure.
    letter_structure,
    accusing_wording,
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
    findings = _without_nested(_outside_placeholders(findings, context.text))
    findings.sort(key=lambda item: (item.end > item.start, item.start, item.end, item.rule))
    return findings


# A template field or a scrubbed value: "[NAAM]", "[IBAN]", "{{ naam }}", "{naam}". Its words are no text to judge.
_PLACEHOLDER = re.compile(r"\[[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9 _./+-]{0,40}\]|\{\{[^{}\n]{1,60}\}\}|\{[a-z_]{1,40}\}")
# "(NAAM)" is a field too, but "(CJIB)" may be an abbreviation to explain: only its capitals are no shouting.
_ROUND_PLACEHOLDER = re.compile(r"\([A-ZÀ-Ý][A-ZÀ-Ý _/-]{2,40}\)")


def _outside_placeholders(findings: list[Finding], text: str) -> list[Finding]:
    """Drop findings on words inside a placeholder: a letter template or a scrubbed letter is judged on its own
    words, not on "[IBAN]" as an abbreviation or "[TELEFOON]" as shouting."""
    if "[" not in text and "{" not in text and "(" not in text:
        return findings
    spans = [match.span() for match in _PLACEHOLDER.finditer(text)]
    round_spans = [match.span() for match in _ROUND_PLACEHOLDER.finditer(text)]

    def inside(item: Finding, within: list[tuple[int, int]]) -> bool:
        return any(start <= item.start and item.end <= end for start, end in within)

    return [
        item
        for item in findings
        if item.end <= item.start
        or not (inside(item, spans) or (item.rule == "koele-toon" and inside(item, round_spans)))
    ]


# Rules whose findings are about a few words (not a sentence, not the whole text), and of them the word-choice rules.
_PHRASE_RULES = frozenset(
    {
        "lijdende-vorm",
        "naamwoordstijl",
        "overbodig-zullen",
        "er-constructie",
        "tangconstructie",
        "dubbele-ontkenning",
        "ambtelijk-woord",
        "vakterm",
        "afkorting",
    }
)
_WORD_RULES = frozenset({"ambtelijk-woord", "vakterm", "afkorting"})


def _without_nested(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that lies inside a longer one of the same rule ("te verstrekken" inside "dient ... te
    verstrekken"): the longer one's advice and rewrite already cover those words. Across rules, a word-choice
    finding inside a longer phrase finding whose rewrite already replaces its words goes too ('zorg te dragen'
    inside a rewrite to 'moet je zorgen'): taking that rewrite fixes both. Without such a rewrite both stay:
    'criteria' in a passive is its own problem."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for item in findings:
        if item.end > item.start:
            spans.setdefault(item.rule, []).append((item.start, item.end))
    rewritten = [item for item in findings if item.rule in _PHRASE_RULES and item.rewrite and item.end > item.start]

    def inside(start: int, end: int, item: Finding) -> bool:
        return start <= item.start and item.end <= end and (start, end) != (item.start, item.end)

    def covered(item: Finding) -> bool:
        if item.rule not in _WORD_RULES or "keer voor in de tekst" in item.message:
            return False  # a finding that stands for more uses of its word stays for those
        words = item.excerpt.lower()
        return any(inside(outer.start, outer.end, item) and words not in outer.rewrite.lower() for outer in rewritten)

    return [
        item
        for item in findings
        if item.end <= item.start
        or not (any(inside(start, end, item) for start, end in spans[item.rule]) or covered(item))
    ]
