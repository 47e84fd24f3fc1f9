"""What every rule gets (the context) and how it builds a finding."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from denkraam.analysis.findings import Finding, Severity

from ..house_style import HouseStyle
from ..tokens import Sentence, Token
from .catalog import RULES

MAX_EXCERPT = 160


@dataclass(slots=False)
class RuleContext:
    """The text and what is already known about it; rules read it and never change it."""

    text: str
    sentences: list[Sentence]
    is_letter: bool
    max_sentence_words: int = 20
    house_style: HouseStyle | None = None
    letter_type: str | None = None  # "besluit", "aanvraag-onvolledig", ... when the writer says so; None: detect
    # frog's rows per sentence (keyed by the sentence's start offset) in the deep tier; empty otherwise
    parses: dict[int, list[list[str]]] = field(default_factory=dict)
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    @cached_property
    def lower(self) -> str:
        """The text in lower case with the same offsets as `text` (a few Unicode letters grow when lowered)."""
        lowered = self.text.lower()
        if len(lowered) == len(self.text):
            return lowered
        return "".join(char if len(char.lower()) != 1 else char.lower() for char in self.text)

    @cached_property
    def words(self) -> list[Token]:
        """All word tokens of the text, in order."""
        return [token for sentence in self.sentences for token in sentence.tokens if token.is_word]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains `offset`, if any."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def sentence_index_at(self, offset: int) -> int:
        """Index of the sentence containing (or following) `offset`; -1 when there is none."""
        for index, sentence in enumerate(self.sentences):
            if offset < sentence.end:
                return index
        return -1


def excerpt(text: str, start: int, end: int) -> str:
    """The text of a span, whitespace collapsed and shortened in the middle when long."""
    snippet = re.sub(r"\s+", " ", text[start:end]).strip()
    if len(snippet) > MAX_EXCERPT:
        half = MAX_EXCERPT // 2 - 2
        snippet = f"{snippet[:half]} … {snippet[-half:]}"
    return snippet


def finding(
    context: RuleContext,
    rule: str,
    *,
    start: int = 0,
    end: int = 0,
    message: str,
    suggestion: str = "",
    severity: Severity | None = None,
    rewrite: str = "",
    why: str = "",
    source: str = "",
) -> Finding:
    """A Finding for `rule` with need, principle and (unless given) why from the catalog; 0/0 means the whole text."""
    info = RULES[rule]
    return Finding(
        rule=rule,
        need=info.need,
        principle=info.principle,
        severity=severity or info.severity,
        start=start,
        end=end,
        excerpt=excerpt(context.text, start, end) if end > start else "",
        message=message,
        suggestion=suggestion,
        rewrite=rewrite,
        why=why or info.why,
        source=source,
    )


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of `phrases` as whole words, spaces flexible, longest first."""
    parts = sorted({re.escape(p.lower()).replace(r"\ ", r"\s+") for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def first_per_term(findings: Iterable[Finding], key: Callable[[Finding], str]) -> list[Finding]:
    """One finding per term: the first of each `key`, its message saying how many more times the term occurs
    ('komt nog 3 keer voor'), so a long letter is not a wall of repeats. Order is kept."""
    kept: dict[str, Finding] = {}
    repeats: dict[str, int] = {}
    for item in findings:
        name = key(item)
        if name in kept:
            repeats[name] += 1
        else:
            kept[name] = item
            repeats[name] = 0
    return [
        replace(item, message=f"{item.message} {repeat_note(repeats[name])}") if repeats[name] else item
        for name, item in kept.items()
    ]


def repeat_note(more: int) -> str:
    """What a finding that stands for all occurrences of its term adds: "Dit komt nog 3 keer voor in de tekst."."""
    return f"Dit komt nog {more} keer voor in de tekst."
