"""Patterns for personal data in Dutch text, each confirmed by a checksum or a plausibility check.

A bare regular expression for "nine digits" would also hit order numbers and amounts; the 11-proef (BSN) and
mod-97 (IBAN) keep those false hits out. Every finder yields `(kind, start, end)` spans into the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[str, int, int]

# --- checksums -------------------------------------------------------------------------------------------------


def is_valid_bsn(digits: str) -> bool:
    """Return True when `digits` (8 or 9 digits) passes the 11-proef for a burgerservicenummer.

    The weights are 9..2 for the first eight digits and -1 for the last; the sum must be a multiple of 11.
    Eight-digit numbers are old BSNs written without their leading zero.
    """
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def is_valid_iban(candidate: str) -> bool:
    """Return True when `candidate` (spaces allowed) is an IBAN with a correct mod-97 check."""
    iban = candidate.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    # Dutch IBANs have a fixed shape; a wrong length is a typo or not an IBAN at all.
    if iban.startswith("NL") and not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


# --- finders ---------------------------------------------------------------------------------------------------

# Nine digits, bare or in the usual groups (1234.56.782, 123 456 782, 12.34.56.782), not glued to other digits.
# A zaaknummer like 2023-02738 passes the 11-proef one time in eleven, so other groupings are not read as a BSN.
_BSN_RE = re.compile(
    r"(?<![\w.,/+-])(?<!\d[ .-])"
    r"(?:\d{9}|\d{4}([. ])\d{2}\1\d{3}|\d{3}([. -])\d{3}\2\d{3}|\d{2}([. ])\d{2}\3\d{2}\3\d{3})"
    r"(?![ .-]?\d)(?!\w)"
)

_IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", re.IGNORECASE)

# Dutch numbers: 0 + nine digits, or +31/0031 + nine digits (with an optional "(0)"), digits grouped freely
# with single spaces, dashes or dots; an area code may stand in parentheses: "(020) 123 45 67".
_PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|\(0\d{1,3}\)[ ]?|0)\d(?:(?: - |[ .-])?\d){5,10}(?!\d)"
)
# Service numbers (0800 free, 090x paid) belong to organisations, not to people.
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")

# Postcodes never use SA, SD or SS as letters. Lower case is accepted only when glued to the digits ("1234ab"),
# because "2023 en" or "1500 km" would otherwise be read as postcodes.
_POSTCODE_RE = re.compile(r"\b[1-9]\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})\b")
_UNITS = frozenset({"km", "kg", "cm", "mm", "ml", "cl", "dl", "mg", "gb", "mb", "kb", "uu", "st", "pp", "ct"})

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_DATE_NUMERIC_RE = re.compile(r"(?<![\d.,/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d.,/-]?\d)")
_DATE_ISO_RE = re.compile(r"(?<![\d.,/-])(19\d{2}|20\d{2})-(\d{2})-(\d{2})(?!\d)")
_DATE_WORDS_RE = re.compile(rf"\b(\d{{1,2}})(?:e|ste|de)? ({_MONTHS})\b\.?(?: (?:19|20)\d{{2}}\b)?", re.IGNORECASE)

# Street names end in one of these parts; the house number may carry a letter or an addition ("12a", "12-2", "12 hs").
_STREET_SUFFIXES = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|park|dreef|steeg|markt|plantsoen|erf|baan|ring|"
    "allee|wal|haven|veld|hoeve|dam|burg|zijde|boulevard|kanaal|oord|akker|weide|tuin|polder|berg|hoek|"
    "straatweg|dwarsstraat|kwartier|hage|donk|wijk|rade|stede|borg|veste|poort|burcht|brink|lei|vliet|vaart"
)
_STREET_RE = re.compile(
    rf"\b(?:(?:[A-Z][\w'.-]*|van|de|der|den|het|ter|ten|'t)[ -]){{0,3}}"
    rf"[A-Z][\w'-]*(?:{_STREET_SUFFIXES})"
    r" \d{1,5}(?:[ -]?[A-Za-z]\b|-\d{1,4}\b|[ -](?:hs|bis|I{1,3})\b)?(?!\d)"
)
# "Laan van Meerdervoort 12", "Plein 1945 12" do not end in a suffix; they start with one.
_STREET_PREFIX_RE = re.compile(
    r"\b(?:Laan|Plein|Burgemeester|Kade|Weg|Dijk) (?:van |der |de |den |ter )*[A-Z][\w'-]+"
    r" \d{1,5}(?:[ -]?[A-Za-z]\b|-\d{1,4}\b|[ -](?:hs|bis|I{1,3})\b)?(?!\d)"
)


def find_bsns(text: str) -> Iterator[Span]:
    """Yield BSNs: nine digits (grouped or not) that pass the 11-proef."""
    for match in _BSN_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) == 9 and is_valid_bsn(digits):
            yield ("BSN", match.start(), match.end())


def find_ibans(text: str) -> Iterator[Span]:
    """Yield IBANs that pass the mod-97 check, also when written in groups of four."""
    for match in _IBAN_RE.finditer(text):
        candidate = match.group()
        end = match.end()
        # A greedy match may have swallowed a trailing word-like group; drop groups from the end until valid.
        while candidate and not is_valid_iban(candidate) and " " in candidate:
            candidate = candidate.rsplit(" ", 1)[0]
            end = match.start() + len(candidate)
        if is_valid_iban(candidate):
            yield ("IBAN", match.start(), end)


def find_phones(text: str) -> Iterator[Span]:
    """Yield Dutch phone numbers (mobile, landline, +31/0031), not the 0800/0900 numbers of organisations."""
    for match in _PHONE_RE.finditer(text):
        raw = match.group()
        digits = _national_digits(raw)
        # The pattern may run on into a following number ("0612345678 3 keer"); give back trailing groups.
        while len(digits) > 10 and re.search(r"(?: - |[ .-])\d+$", raw):
            raw = re.sub(r"(?: - |[ .-])\d+$", "", raw)
            digits = _national_digits(raw)
        if len(digits) != 10 or digits.startswith(_SERVICE_PREFIXES):
            continue
        yield ("TELEFOON", match.start(), match.start() + len(raw))


def _national_digits(raw: str) -> str:
    """The digits of a phone number as dialled inside the Netherlands (0 + nine digits)."""
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif raw.startswith("+31"):
        digits = "0" + digits[2:]
    if digits.startswith("00"):  # "+31 (0)6..." leaves a doubled zero after the country code
        digits = digits[1:]
    return digits


def find_emails(text: str) -> Iterator[Span]:
    """Yield e-mail addresses."""
    for match in _EMAIL_RE.finditer(text):
        yield ("EMAIL", match.start(), match.end())


def find_postcodes(text: str) -> Iterator[Span]:
    """Yield Dutch postcodes: "1234 AB", "1234AB" and "1234ab"."""
    for match in _POSTCODE_RE.finditer(text):
        letters = match.group()[-2:]
        if letters.islower() and letters in _UNITS:
            continue
        yield ("POSTCODE", match.start(), match.end())


def find_dates(text: str) -> Iterator[Span]:
    """Yield calendar dates with a day and a month: "03-04-1978", "1978-04-03", "3 april 1978", "12 mrt".

    A bare year ("in 2023") or month ("in maart") says little about a person and stays.
    """
    for match in _DATE_NUMERIC_RE.finditer(text):
        day, month = int(match.group(1)), int(match.group(3))
        if 1 <= day <= 31 and 1 <= month <= 12:
            yield ("DATUM", match.start(), match.end())
    for match in _DATE_ISO_RE.finditer(text):
        if 1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(3)) <= 31:
            yield ("DATUM", match.start(), match.end())
    for match in _DATE_WORDS_RE.finditer(text):
        if 1 <= int(match.group(1)) <= 31:
            yield ("DATUM", match.start(), match.end())


def find_addresses(text: str) -> Iterator[Span]:
    """Yield street addresses with a house number ("Kerkstraat 12a", "Laan van Meerdervoort 3")."""
    for pattern in (_STREET_RE, _STREET_PREFIX_RE):
        for match in pattern.finditer(text):
            start = match.start()
            # "op de Kerkstraat 12": the pattern allows "de" and capitalised words before the street name, so
            # give back leading words that belong to the sentence rather than to the street.
            while (word := re.match(r"[\w']+[ -]", text[start : match.end()])) and _is_sentence_word(word.group()):
                start += word.end()
            yield ("ADRES", start, match.end())


_SENTENCE_WORDS = frozenset(
    {
        "op",
        "in",
        "aan",
        "naar",
        "bij",
        "via",
        "langs",
        "uit",
        "voor",
        "over",
        "achter",
        "tot",
        "ik",
        "mijn",
        "ons",
        "onze",
        "we",
        "wij",
        "zij",
        "hij",
        "en",
        "of",
        "woon",
        "wonen",
        "adres",
        "is",
    }
)
_PARTICLES = frozenset({"de", "het", "van", "der", "den", "ter", "ten", "'t"})


def _is_sentence_word(word: str) -> bool:
    """True for a preposition or pronoun (any case) or a lower-case particle that starts a match."""
    bare = word.strip(" -")
    return bare.lower() in _SENTENCE_WORDS or bare in _PARTICLES


# Order matters only for ties: overlapping spans are resolved by priority in this order, then by length.
FINDERS = (find_emails, find_ibans, find_bsns, find_phones, find_dates, find_postcodes, find_addresses)
PRIORITY: dict[str, int] = {
    "EMAIL": 0,
    "IBAN": 1,
    "BSN": 2,
    "TELEFOON": 3,
    "DATUM": 4,
    "POSTCODE": 5,
    "ADRES": 6,
    "NAAM": 7,
}


def find_pattern_spans(text: str) -> list[Span]:
    """Every span the checksum-checked patterns find, overlapping spans not yet resolved."""
    spans: list[Span] = []
    for finder in FINDERS:
        spans.extend(finder(text))
    return spans


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the strongest of overlapping spans (priority, then length) and return them in text order."""
    ranked = sorted(spans, key=lambda s: (PRIORITY.get(s[0], 99), -(s[2] - s[1]), s[1]))
    kept: list[Span] = []
    for span in ranked:
        if all(span[2] <= k[1] or span[1] >= k[2] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s[1])


_HOUSE_NUMBER_TAIL_RE = re.compile(r"(?:-\d{1,4}|[ -]?[A-Za-z]|[ -](?:hs|bis))(?!\w)")


def extend_house_number(text: str, end: int) -> int:
    """Move `end` past a house-number addition ("-2", "a", " hs") that a street match stopped before."""
    match = _HOUSE_NUMBER_TAIL_RE.match(text, end)
    return match.end() if match and end > 0 and text[end - 1].isdigit() else end
