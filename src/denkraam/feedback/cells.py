"""Turning spreadsheet cells into a date and a channel: Dutch date formats, Excel serial numbers, channel aliases."""

from __future__ import annotations

import datetime as dt
import re

from denkraam.analysis.feedback import scrub_text

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[t ]|$)")
_NUMERIC_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:\s|$|t)")
_WORDS_RE = re.compile(r"^(?:[a-z]+\.?,?\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})\b")
_MONTH_YEAR_RE = re.compile(r"^([a-z]+)\.?\s+(\d{4})$")
# Excel stores dates as days since 30 December 1899; 1 .. 31 Dec 9999 are valid serials.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MIN_YEAR, _MAX_YEAR = 1950, 2100


def _make(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_dutch_date(value: object) -> dt.date | None:
    """A date from a cell, or None when it cannot be read.

    Reads Excel dates and serial numbers, ISO dates (2024-03-05, also with a time), day-first numeric dates
    (5-3-2024, 05/03/24, 5.3.2024), written dates with an optional weekday (di 5 maart 2024, 5 mrt. 2024) and a
    month alone (maart 2024, 2024-03: the first of that month). Month-first (American) dates are not guessed.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        if 1 <= value < 2958466:
            return _make(*(_EXCEL_EPOCH + dt.timedelta(days=int(value))).timetuple()[:3])
        return None
    text = str(value).strip().lower()
    if not text:
        return None
    if match := _ISO_RE.match(text):
        return _make(int(match[1]), int(match[2]), int(match[3] or 1))
    if match := _NUMERIC_RE.match(text):
        return _make(int(match[3]), int(match[2]), int(match[1]))
    if (match := _WORDS_RE.match(text)) and match[2] in MONTHS:
        return _make(int(match[3]), MONTHS[match[2]], int(match[1]))
    if (match := _MONTH_YEAR_RE.match(text)) and match[1] in MONTHS:
        return _make(int(match[2]), MONTHS[match[1]], 1)
    return None


CHANNEL_ALIASES: dict[str, str] = {
    "website": "website", "web": "website", "site": "website", "internet": "website", "online": "website",
    "app": "app", "mobiele app": "app", "e-mail": "email", "email": "email", "mail": "email",
    "chat": "chat", "webchat": "chat", "chatbot": "chat", "whatsapp": "chat",
    "portaal": "portaal", "mijn omgeving": "portaal", "mijnomgeving": "portaal",
    "formulier": "formulier", "webformulier": "formulier", "brief": "brief", "post": "brief",
    "telefoon": "telefoon", "telefonisch": "telefoon", "tel": "telefoon", "tel.": "telefoon", "bellen": "telefoon",
    "balie": "balie", "loket": "balie", "servicepunt": "balie", "huisbezoek": "huisbezoek", "bezoek": "huisbezoek",
}  # fmt: skip
MAX_CHANNEL_LENGTH = 40


def normalise_channel(value: object) -> str:
    """A channel id of the initiative form where the cell names one, else the scrubbed cell text (short)."""
    if value is None:
        return ""
    text = " ".join(str(value).split()).strip()
    if not text:
        return ""
    known = CHANNEL_ALIASES.get(text.lower())
    if known:
        return known
    # A free-text channel cell could still hold a phone number or a name: scrub it like a comment.
    return scrub_text(text[:200]).text[:MAX_CHANNEL_LENGTH].lower()
