"""Vague promises about time ("binnenkort", "zo spoedig mogelijk") without a date: the reader cannot plan."""

from __future__ import annotations

from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from .base import RuleContext, finding, phrase_pattern
from .dates import has_concrete_time

VAGUE_TIME = phrase_pattern(
    (
        "binnenkort", "zo spoedig mogelijk", "zo snel mogelijk", "z.s.m.", "zsm", "op korte termijn",
        "te zijner tijd", "ter zijner tijd", "t.z.t.", "tzt", "spoedig", "op termijn", "in de nabije toekomst",
        "binnen afzienbare tijd", "binnen een redelijke termijn", "een dezer dagen", "zo mogelijk",
        "op een later moment", "op een later tijdstip", "in de loop van de tijd", "zodra dit mogelijk is",
        "nader te bepalen", "ten spoedigste", "binnen enkele weken", "binnen enkele dagen", "enige tijd",
    )
)  # fmt: skip


def vague_time(context: RuleContext) -> Iterator[Finding]:
    """Flag vague time words unless the same or the next sentence names a concrete date or period."""
    for match in VAGUE_TIME.finditer(context.text):
        index = context.sentence_index_at(match.start())
        nearby = context.sentences[index : index + 2] if index >= 0 else []
        if any(has_concrete_time(sentence.text) for sentence in nearby):
            continue
        yield finding(
            context,
            "vage-tijd",
            start=match.start(),
            end=match.end(),
            message=f"'{match.group()}' is vaag: de lezer weet niet wanneer.",
            suggestion="Noem een datum of termijn, bijvoorbeeld 'vóór 15 maart' of 'binnen 2 weken'.",
        )
