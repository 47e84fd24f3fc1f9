"""Dutch-aware tokens and sentences with character offsets into the original text.

One regular expression finds the tokens; a small state machine joins them into sentences. Everything works on
offsets so a finding can point at the exact place in the letter the writer is editing. Speed matters (the
check must be interactive), so there is no backtracking-heavy pattern and no per-character Python loop.

Numbers and codes are one token each, with a `kind`: a reader takes in "1 april 2027", "€ 1.234,56", "020 - 123 45
67" or "www.uwv.nl/ww" as one unit, so the reading level counts each as one word and never as a rare one (see
`CODE_KINDS`). Such a token may contain spaces (never a line break).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ABBREVIATIONS",
    "CODE_KINDS",
    "JOINING_WORDS",
    "SENTENCE_OPENERS",
    "Sentence",
    "Token",
    "find_phone_numbers",
    "is_code_text",
    "split_sentences",
    "tokenize",
]

# Token kinds of numbers and codes. Words are "woord", punctuation "leesteken".
CODE_KINDS: frozenset[str] = frozenset(
    {"datum", "tijd", "bedrag", "percentage", "telefoon", "postcode", "email", "url", "iban", "kenmerk", "getal"}
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number, code or punctuation mark; `start`/`end` are offsets into the original text (end exclusive).

    `is_word` is true for everything that is not punctuation (numbers and codes included, as before `kind`
    existed). `kind` says what it is: "woord", "leesteken", or one of `CODE_KINDS` ("datum", "telefoon", ...).
    Left out, it is "woord" for a word and "leesteken" for punctuation.
    """

    text: str
    start: int
    end: int
    is_word: bool
    kind: str = ""

    def __post_init__(self) -> None:
        if not self.kind:
            object.__setattr__(self, "kind", "woord" if self.is_word else "leesteken")

    @property
    def is_code(self) -> bool:
        """A number or code (date, amount, phone number, address, reference...), read as one unit."""
        return self.kind in CODE_KINDS


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or heading / list item) with its tokens; offsets point into the original text."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]

    @property
    def words(self) -> tuple[Token, ...]:
        """Only the word tokens (no punctuation)."""
        return tuple(token for token in self.tokens if token.is_word)


# Abbreviations whose final period does not end a sentence. Lower case, without the final period.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    a.d.h.v a.g.v a.s afd alg art bijv bv ca cf co d.d d.m.v d.w.z dhr dr drs e.a e.d e.e.a e.v enz etc excl evt fa
    fig geb gem ing incl i.p.v i.o.m i.s.m i.v.m ir jl jr kol m.b.t m.b.v m.i.v m.u.v max mevr min mr mw n.a.v nr
    nrs o.a o.b.v o.i.d o.l.v o.m o.v.v p.a p.m p.p pag prof red resp sr st t.a.v t.b.v t.g.v t.o.v t.w tel tl v.a
    v.chr v.d v.w.b vgl vnl vs z.g z.g.a.n z.s.m zgn zg jan feb mrt apr jun jul aug sep sept okt nov dec ca wo do vr
    za zo
    """.split()
)

# Abbreviations that often close a sentence ("... boeken, pennen enz. Daarna"): there a following capital
# still starts a new sentence. For the others ("mr. De Vries", "art. 3") it does not.
_SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    enz etc e.d e.a e.e.a o.i.d min max excl incl jan feb mrt apr jun jul aug sep sept okt nov dec
    """.split()
)

# Words that start a sentence and are written with a capital only there.
SENTENCE_OPENERS: frozenset[str] = frozenset(
    """
    Als Het De Een U Wij We Ik Dit Deze Dat Er Ook Wilt Bent Heeft Hebt Kunt Wanneer Omdat Daarom Daarna
    Hierdoor Vervolgens Bij In Op Voor Met Na Om Tijdens Vanaf Zodra Indien Uw Onze Wat Hoe Waarom Wie
    """.split()
)
# Prepositions, articles and conjunctions: a sentence or a heading does not end in one of these.
JOINING_WORDS: frozenset[str] = frozenset(
    "van de het een voor met op in aan bij naar over door uit om tot te en of".split()
)
_GLUED_HEADING_MAX_WORDS = 8

# Spaces inside one number or code: ordinary, non-breaking and narrow non-breaking, never a line break.
_SP = "[ \u00a0\u202f]"
_SEP = rf"(?:{_SP}?[-–]{_SP}?|{_SP})"  # between digit groups of a phone number: "020-123", "020 - 123", "020 123"

# Dutch phone numbers in the spellings letters use. Public through `find_phone_numbers`.
_PHONE = (
    rf"(?:0[89]0\d(?:{_SEP}?\d){{4,7}}"  # 0800-1234, 0900 123 45 67
    rf"|(?:\+|00)31{_SP}?(?:\(0\){_SP}?)?(?:[-–]{_SP}?)?[1-9](?:{_SEP}?\d){{8}}"  # +31 (0)20 123 4567, +31 6 1234 5678
    rf"|0[1-9](?:{_SEP}?\d){{8}}"  # 020-1234567, 020 - 123 45 67, 088 898 20 01, 06-12345678
    rf"|\(0[1-9]\d\){_SP}?\d(?:{_SEP}?\d){{6}}|\(0[1-9]\d\d\){_SP}?\d(?:{_SEP}?\d){{5}}"  # (020) 123 45 67
    rf"|14{_SP}?0\d{{2,3}})"  # municipalities: 14 020, 14 0570
    r"(?!\d)"
)
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_MONTHS_SHORT = "jan|febr|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec"
# Days that share one month ("15, 16 of 17 maart", "3 en 4 mei", "1 t/m 5 juni"): a reader takes in one date.
_DAYS = rf"\d{{1,2}}(?:{_SP}?,{_SP}?\d{{1,2}})*{_SP}(?:en|of|t/m|tot{_SP}en{_SP}met|[-–]){_SP}\d{{1,2}}"
_NUMBER = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"  # 1.234,56 12,5 50
_HOUR = r"(?:[01]?\d|2[0-4])[.:][0-5]\d"
_AMOUNT_TAIL = rf"(?:,-{{1,2}}|,—)?(?:{_SP}(?:miljoen|miljard|duizend))?"

_TOKEN_RE = re.compile(
    rf"""
    (?P<monthyear>(?i:{_MONTHS}){_SP}+\d{{4}}(?!\d))                    # april 2027
  | (?P<plain>(?!EUR\b)[^\W\d_]++(?![\w.@&'’`/:-]))  # most words: letters only (fast path)
  | (?P<url>(?:https?://|www\.)[^\s<>"]+[^\s<>".,;:!?)\]'])                 # links
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)                                 # e-mail addresses
  | (?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+              # mijn.belastingdienst.nl, uwv.nl/ww
      (?:nl|com|org|net|eu|info|nu|be|gov|frl|amsterdam)(?![\w-])
      (?:/[^\s<>"]*[^\s<>".,;:!?)\]'])?)
  | (?P<iban>[A-Z]{{2}}\d{{2}}(?:{_SP}?[A-Z0-9]{{4}}){{3,7}}(?:{_SP}?[A-Z0-9]{{1,3}})?(?!\w))  # NL91 ABNA 0417 1643 00
  | (?P<date>\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}})(?![\d.,]\d)    # 01-04-2027, 1-4-2027, 1/4/27
      | \d{{4}}-\d{{2}}-\d{{2}}(?!\d)                                      # 2027-04-01
      | {_DAYS}{_SP}+(?i:{_MONTHS})(?:{_SP}+\d{{4}}(?!\d))?(?!\w)         # 15, 16 of 17 maart: one date
      | \d{{1,2}}{_SP}+(?i:{_MONTHS})(?:{_SP}+\d{{4}}(?!\d))?(?!\w)        # 1 april, 1 april 2027
      | \d{{1,2}}{_SP}+(?i:{_MONTHS_SHORT})(?:\.?{_SP}+\d{{4}}(?!\d)|\.|(?!\w)))  # 1 jan. 2027, 1 jan.
  | (?P<phone>{_PHONE})
  | (?P<amount>(?:€|(?<![A-Za-z])EUR(?![A-Za-z])){_SP}?-?{_NUMBER}{_AMOUNT_TAIL}   # € 1.234,56, EUR 50, €50,-
      | {_NUMBER}{_AMOUNT_TAIL}{_SP}?(?:euro(?:cent)?|EUR|€)(?!\w))         # 50 euro, 1,5 miljoen euro
  | (?P<percent>{_NUMBER}{_SP}?(?:%|procent(?!\w)))                        # 12,5%, 12 procent
  | (?P<time>{_HOUR}(?:(?:{_SP}?[-–]{_SP}?|{_SP}(?:en|tot){_SP}){_HOUR})?{_SP}uur(?!\w)  # 9.00 uur, 9.00 en 17.00 uur
      | (?:[01]?\d|2[0-4]):[0-5]\d(?![\d:])(?:{_SP}uur(?!\w))?)           # 14:30
  | (?P<postcode>[1-9]\d{{3}}{_SP}?(?!S[ADS])[A-Z]{{2}}(?!\w))             # 1011 AB
  | (?P<reference>\d{{4}}\.\d{{2}}\.\d{{3}}(?!\d)                          # 1234.56.789 (BSN)
      | [A-Z]{{1,5}}[-/]?\d{{2,}}(?:[-/][A-Z0-9]+)*(?![\w-])                # Z-2026-001, AB12345
      | [A-Z]{{1,5}}[-/]?\d(?:[-/][A-Z0-9]+)+(?![\w-])                      # Z-1-2026
      | \d{{2,}}(?:/\d+)+(?![\d/])                                         # 2026/12345
      | \d{{4}}-\d{{3,}}(?:-\d+)*(?![\d-])                                  # 2026-12345
      | \d{{6,}}(?![\d.,]\d))                                              # 123456789
  | (?P<ampersand>[A-Z]+(?:&[A-Z]+)+)                                      # P&O, B&W: a word, the period after it ends
  | (?P<abbr>(?:[^\W\d_]{{1,4}}\.){{2,}}(?![^\W\d_])                       # o.a. t.a.v. z.s.m.
      | [^\W\d_]+\.(?=[\s,;:)\]]|$))                                       # candidate: word + period
  | (?P<num>\d+(?:[.,:/-]\d+)*(?:[^\W\d_]+)?)                               # 1.000 12.30 2,5 3e
  | (?P<word>[^\W\d_][\w]*(?:['’`-][\w]+)*|'[st]\b|[\w]+)                   # words, 's-Hertogenbosch parts
  | (?P<ellipsis>\.{{2,}}|…)
  | (?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)
_KINDS = {
    "url": "url",
    "domain": "url",
    "email": "email",
    "iban": "iban",
    "date": "datum",
    "monthyear": "datum",
    "phone": "telefoon",
    "amount": "bedrag",
    "percent": "percentage",
    "time": "tijd",
    "postcode": "postcode",
    "reference": "kenmerk",
    "num": "getal",
}
_PHONE_RE = re.compile(rf"(?<![\w+]){_PHONE}")

_BULLET_RE = re.compile(r"[ \t]*(?:[-*•·–—▪◦‣>]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+\S")
_TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]", "}"})
_OPENERS = frozenset({'"', "'", "“", "‘", "„", "«", "(", "["})
_HEADING_MAX_CHARS = 70


def _classify(match: re.Match[str]) -> list[Token]:
    """Turn one regex match into tokens, deciding whether a 'word.' is an abbreviation."""
    group = match.lastgroup
    text = match.group()
    start, end = match.span()
    if group == "abbr":
        stem = text[:-1].lower()
        if stem.count(".") or stem in ABBREVIATIONS or (len(stem) == 1 and text[0].isupper()):
            return [Token(text, start, end, True)]
        # A plain word followed by a sentence period: split it back into word + period.
        return [Token(text[:-1], start, end - 1, True), Token(".", end - 1, end, False)]
    if group in _KINDS:
        return [Token(text, start, end, True, _KINDS[group])]
    if group in ("plain", "word", "ampersand"):
        return [Token(text, start, end, True)]
    return [Token(text, start, end, False)]


def tokenize(text: str) -> list[Token]:
    """Split `text` into word, number/code and punctuation tokens with offsets into `text`.

    A date, time, amount, percentage, phone number, postcode, IBAN, e-mail or web address or reference number is
    one token whose `kind` says which (see `CODE_KINDS`), e.g. "1 april 2027" (datum), "€ 1.234,56" (bedrag).
    """
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        tokens.extend(_classify(match))
    return tokens


def find_phone_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the Dutch phone numbers in `text`, in order.

    Recognises the spellings letters use: 020-1234567, 020 - 123 45 67, 020 123 45 67, (020) 123 45 67,
    088 898 20 01, 06-12345678, 0800-1234, 0900 123 45 67, +31 (0)20 123 4567, +31 20 1234567, 0031 20 1234567
    and the municipal 14 + area code (14 020). Ordinary, non-breaking and narrow spaces all count as spaces; a
    number never runs across a line break. Dates (01-04-2027 10.00 uur) and other numbers are not phone numbers:
    the text is tokenised, so a span is exactly a token of kind "telefoon".
    """
    if not _PHONE_RE.search(text):
        return []
    return [(token.start, token.end) for token in tokenize(text) if token.kind == "telefoon"]


def is_code_text(text: str) -> bool:
    """True when `text` alone is a number or code (one token of a kind in `CODE_KINDS`), e.g. "2027" or "14:30"."""
    tokens = tokenize(text)
    return len(tokens) == 1 and tokens[0].is_code and tokens[0].end - tokens[0].start == len(text)


def _line_breaks(text: str) -> list[tuple[int, int]]:
    """Hard boundaries (start offsets of new blocks) from blank lines, bullets and headings.

    Returns (position, _) pairs where a sentence must end before `position`.
    """
    boundaries: list[tuple[int, int]] = []
    lines = text.splitlines(keepends=True)
    offset = 0
    previous_blank = True
    previous_line = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            boundaries.append((offset, 0))
            previous_blank = True
        else:
            prev_stripped = previous_line.strip()
            looks_like_heading = (
                prev_stripped
                and len(prev_stripped) <= _HEADING_MAX_CHARS
                and prev_stripped[-1].isalnum()
                and (stripped[0].isupper() or stripped[0].isdigit())
            )
            if previous_blank or _BULLET_RE.match(line) or looks_like_heading or _BULLET_RE.match(previous_line):
                boundaries.append((offset, 0))
            previous_blank = False
        previous_line = line
        offset += len(line)
    return boundaries


def _is_list_marker(current: list[Token]) -> bool:
    """True for "1." or "a." at the start of a sentence: a numbered list item, not a sentence of its own."""
    if len(current) != 2:
        return False
    marker = current[0].text
    return (marker.isdigit() and len(marker) <= 3) or (len(marker) == 1 and marker.isalpha())


def _glued_heading(tokens: tuple[Token, ...]) -> int | None:
    """The index of the token that starts the real sentence after a heading that lost its line break, or None.

    Text copied from a web page or a PDF often loses the line break after a heading: "Stemmen op 15 maart Op 15
    maart zijn …". A heading is short, has no punctuation and starts with a capital; the sentence after it starts
    with a word that only has a capital at the start of a sentence ("Op", "Met", "U"), followed by a word in lower
    case or a number (so not a name such as "Het Hogeland"). A heading never ends in a preposition or an article.
    """
    if not tokens or not tokens[0].is_word or not tokens[0].text[:1].isupper():
        return None
    for index in range(1, min(len(tokens) - 1, _GLUED_HEADING_MAX_WORDS + 1)):
        token, following = tokens[index], tokens[index + 1]
        if not token.is_word:
            return None  # "Antwoord: Het …": a label with a colon, or punctuation a heading does not have
        if index < 2:
            continue
        if tokens[index - 1].end - tokens[0].start > _HEADING_MAX_CHARS:
            return None
        if token.text not in SENTENCE_OPENERS or tokens[index - 1].text.lower() in JOINING_WORDS:
            continue
        if following.is_word and (following.text[:1].islower() or following.is_code or following.text[:1].isdigit()):
            return index
    return None


def _split_glued_headings(text: str, sentences: list[Sentence]) -> list[Sentence]:
    result: list[Sentence] = []
    for sentence in sentences:
        cut = _glued_heading(sentence.tokens)
        if cut is None:
            result.append(sentence)
            continue
        for part in (sentence.tokens[:cut], sentence.tokens[cut:]):
            start, end = part[0].start, part[-1].end
            result.append(Sentence(start, end, text[start:end], part))
    return result


def split_sentences(text: str) -> list[Sentence]:
    """Split a Dutch text into sentences, keeping offsets into `text`.

    Handles abbreviations (bijv., t.a.v., mr.), numbers (1.000, 12.30 uur), initials (J. de Vries), "..." and
    "?!". Blank lines, list items and short heading lines also end a sentence, and so does a heading glued to
    the sentence after it (see `_glued_heading`). Never raises on any string.
    """
    if not text:
        return []
    tokens = tokenize(text)
    if not tokens:
        return []
    hard = [pos for pos, _ in _line_breaks(text)] if "\n" in text or "\r" in text else []
    sentences: list[Sentence] = []
    current: list[Token] = []
    hard_index = 0
    count = len(tokens)

    def flush() -> None:
        if current:
            start, end = current[0].start, current[-1].end
            sentences.append(Sentence(start, end, text[start:end], tuple(current)))
            current.clear()

    pending = False  # saw a terminal mark and may still absorb closing quotes or brackets
    for index, token in enumerate(tokens):
        # A hard boundary (blank line, bullet, heading) between the previous token and this one.
        while hard_index < len(hard) and hard[hard_index] <= token.start:
            if current and current[-1].end <= hard[hard_index]:
                flush()
                pending = False
            hard_index += 1
        previous = current[-1] if current else None
        current.append(token)
        nxt = tokens[index + 1] if index + 1 < count else None
        if token.is_word:
            pending = False
            if (
                nxt is not None
                and token.text.endswith(".")
                and (token.kind == "datum" or token.text[:-1].lower() in _SENTENCE_FINAL_ABBREVIATIONS)
                and nxt.is_word
                and nxt.text[0].isupper()
            ):
                flush()
            continue
        if token.text in _TERMINALS:
            pending = True
        elif not (pending and token.text in _CLOSERS and previous is not None and previous.end == token.start):
            pending = False
            continue
        if nxt is None:
            continue
        if not nxt.is_word and nxt.start == token.end and (nxt.text in _TERMINALS or nxt.text in _CLOSERS):
            continue
        if nxt.is_word and nxt.start == token.end:
            continue  # glued text such as "bos.Daarna" or a file name: not a safe boundary
        if nxt.is_word and nxt.text[0].islower():
            continue  # "Waarom? zei hij", or an abbreviation we do not know
        if not nxt.is_word and nxt.text not in _OPENERS and nxt.text not in "-–—•*":
            continue
        if token.text == "." and _is_list_marker(current):
            continue
        flush()
        pending = False
    flush()
    return _split_glued_headings(text, sentences)
