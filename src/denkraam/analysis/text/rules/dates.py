"""Concrete dates and periods in Dutch text: what makes a promise or a deadline checkable."""

from __future__ import annotations

import re

_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_MONTHS_SHORT = "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
_DAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
_NUMBER_WORDS = "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|veertien|dertig|zestig"

CONCRETE_TIME = re.compile(
    rf"""
    \b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b                       # 15-03-2025, 15/3/25
  | \b\d{{4}}-\d{{2}}-\d{{2}}\b                                       # 2025-03-15
  | \b\d{{1,2}}\s+(?:{_MONTHS}|(?:{_MONTHS_SHORT})\.?)\b           # 15 maart
  | \b(?:{_MONTHS})\s+\d{{4}}\b                                       # maart 2025
  | \b(?:{_DAYS})\b                                                   # vrijdag
  | \b(?:binnen|na|over|uiterlijk|voor|vóór)\s+(?:\d+|{_NUMBER_WORDS})\s+
      (?:werk)?(?:dag|dagen|week|weken|maand|maanden|jaar)\b                # binnen 6 weken
  | \b(?:\d+|{_NUMBER_WORDS})\s+(?:werk)?(?:dagen|weken|maanden)\b
  | \bweek\s+\d{{1,2}}\b
  | \b(?:vandaag|morgen|deze\s+week|volgende\s+week|deze\s+maand|volgende\s+maand)\b
  | \b\d{{1,2}}[.:]\d{{2}}\s*uur\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def has_concrete_time(text: str) -> bool:
    """True when `text` names a date, weekday or a counted period ("binnen 6 weken")."""
    return CONCRETE_TIME.search(text) is not None
