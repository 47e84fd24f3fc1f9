"""Vague promises about time ("binnenkort", "zo spoedig mogelijk") without a date: the reader cannot plan."""

from __future__ import annotations

import re
from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from .base import RuleContext, finding, phrase_pattern
from .dates import CONCRETE_TIME

VAGUE_TIME = phrase_pattern(
    (
        "binnenkort", "zo spoedig mogelijk", "zo snel mogelijk", "z.s.m.", "zsm", "op korte termijn",
        "te zijner tijd", "ter zijner tijd", "t.z.t.", "tzt", "spoedig", "op termijn", "in de nabije toekomst",
        "binnen afzienbare tijd", "binnen een redelijke termijn", "een dezer dagen", "zo mogelijk",
        "op een later moment", "op een later tijdstip", "zodra dit mogelijk is",
        "nader te bepalen", "ten spoedigste", "binnen enkele weken", "binnen enkele dagen", "enige tijd",
    )
)  # fmt: skip
# Not on the list: words for a gradual change over a stretch of time ("in de loop van de tijd", "na verloop van
# tijd", "door de jaren heen"). They describe how something went or goes, not when the reader can expect something.


_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
# What also makes a vague word concrete, besides a date: "begin maart", "in april", "in 2027", "binnen een week",
# "binnen 24 uur", "vóór de zomervakantie van 2027".
_ALSO_CONCRETE = re.compile(
    rf"""
    \b(?:in|begin|eind|half|medio|vóór|voor|na|uiterlijk|vanaf|tot)\s+(?:{_MONTHS})\b
  | \b(?:in|begin|eind|medio|vóór|voor|na|uiterlijk|vanaf)\s+(?:20\d\d)\b
  | \bbinnen\s+(?:een|één|\d+)\s+(?:uur|dag|week|maand|werkdag)\b
  | \b\d+\s+uur\b
  | \b(?:het\s+)?(?:voorjaar|najaar|zomer|winter)\s+(?:van\s+)?20\d\d\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _concrete(text: str) -> bool:
    return CONCRETE_TIME.search(text) is not None or _ALSO_CONCRETE.search(text) is not None


def vague_time(context: RuleContext) -> Iterator[Finding]:
    """Flag vague time words unless the same or the next sentence names a concrete date or period: "binnenkort,
    uiterlijk 1 maart" and "Wij bellen u spoedig. Dat is binnen 2 werkdagen." are concrete enough."""
    for match in VAGUE_TIME.finditer(context.text):
        index = context.sentence_index_at(match.start())
        nearby = context.sentences[index : index + 2] if index >= 0 else []
        if any(_concrete(sentence.text) for sentence in nearby):
            continue
        yield finding(
            context,
            "vage-tijd",
            start=match.start(),
            end=match.end(),
            message=f"'{match.group()}' is vaag: de lezer weet niet wanneer.",
            suggestion="Noem een datum of termijn, bijvoorbeeld 'vóór 15 maart' of 'binnen 2 weken'.",
        )
