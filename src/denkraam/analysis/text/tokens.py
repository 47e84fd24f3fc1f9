"""Dutch-aware tokens and sentences with character offsets into the original text.

One regular expression finds the tokens; a small state machine joins them into sentences. Everything works on
offsets so a finding can point at the exact place in the letter the writer is editing. Speed matters (the
check must be interactive), so there is no backtracking-heavy pattern and no per-character Python loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ABBREVIATIONS", "Sentence", "Token", "split_sentences", "tokenize"]


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark; `start`/`end` are offsets into the original text (end exclusive)."""

    text: str
    start: int
    end: int
    is_word: bool


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

_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"]+[^\s<>".,;:!?)\]'])                 # links
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)                                 # e-mail addresses
  | (?P<abbr>(?:[^\W\d_]{1,4}\.){2,}(?![^\W\d_])                          # o.a. t.a.v. z.s.m.
      | [^\W\d_]+\.(?=[\s,;:)\]]|$))                                       # candidate: word + period
  | (?P<num>\d+(?:[.,:/-]\d+)*(?:[^\W\d_]+)?)                               # 1.000 12.30 2,5 3e 01-02-2024
  | (?P<word>[^\W\d_][\w]*(?:['’`-][\w]+)*|'[st]\b|[\w]+)                   # words, 's-Hertogenbosch parts
  | (?P<ellipsis>\.{2,}|…)
  | (?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)

_BULLET_RE = re.compile(r"[ \t]*(?:[-*•·–—▪◦‣>]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+\S")
_TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]", "}"})
_OPENERS = frozenset({'"', "'", "“", "‘", "„", "«", "(", "["})
_HEADING_MAX_CHARS = 70


def _classify(match: re.Match[str]) -> list[Token]:
    """Turn one regex match into tokens, deciding whether a 'word.' is an abbreviation."""
    kind = match.lastgroup
    text = match.group()
    start, end = match.span()
    if kind == "abbr":
        stem = text[:-1].lower()
        if stem.count(".") or stem in ABBREVIATIONS or (len(stem) == 1 and text[0].isupper()):
            return [Token(text, start, end, True)]
        # A plain word followed by a sentence period: split it back into word + period.
        return [Token(text[:-1], start, end - 1, True), Token(".", end - 1, end, False)]
    if kind in ("url", "email", "num", "word"):
        return [Token(text, start, end, True)]
    return [Token(text, start, end, False)]


def tokenize(text: str) -> list[Token]:
    """Split `text` into word and punctuation tokens with offsets into `text`."""
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        tokens.extend(_classify(match))
    return tokens


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


def split_sentences(text: str) -> list[Sentence]:
    """Split a Dutch text into sentences, keeping offsets into `text`.

    Handles abbreviations (bijv., t.a.v., mr.), numbers (1.000, 12.30 uur), initials (J. de Vries), "..." and
    "?!". Blank lines, list items and short heading lines also end a sentence. Never raises on any string.
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
                and token.text[:-1].lower() in _SENTENCE_FINAL_ABBREVIATIONS
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
    return sentences
