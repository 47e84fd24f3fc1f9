"""Splits of long sentences read off frog's parse (the deep tier), where the patterns find none.

Frog gives one row per word (index, word, lemma, ..., part of speech, ..., head, relation). Its dependency
relations proved too unreliable on long official sentences to decide a split on; its part-of-speech tags are not,
and they tell the finite verb ("vinden", "hebben") apart from an infinitive, which the patterns cannot.

A sentence is split at a comma, semicolon, 'en', 'maar' or 'want' when the part before it is one main clause
(exactly one finite verb, no subordinator or relative pronoun) and the part after it opens a main clause (a finite
verb within six words, nothing subordinate first): "… plaats tot oktober, dan volgt er een verslag …", "Wij hebben
uw aanvraag ontvangen en de medewerker beoordeelt die …". 'en' is dropped, 'maar' and 'want' open the second
sentence; both parts keep their word order behind a full stop. Without a parse, or when frog's words cannot be
matched to the check's tokens, nothing is offered.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..tokens import Sentence, Token
from .rewrite import capitalise, join

Rows = Sequence[Sequence[str]]

_WORD, _POS, _RELATION = 1, 4, 11
_KEEP = {"maar": "Maar", "want": "Want"}
_DROP = frozenset({"en"})
_CLAUSE_PUNCTUATION = frozenset({",", ";"})


def _finite(row: Sequence[str]) -> bool:
    return row[_POS].startswith("WW(pv")


def _align(sentence: Sentence, rows: Rows) -> list[int] | None:
    """For each of frog's rows, the index of the check's token it starts in; None when the words do not match.

    Frog joins fixed groups ("tot_en_met") and splits tokens with spaces ("1 april 2027"), so rows and tokens are
    matched on their letters, not on their position."""
    owner: list[int] = []
    for index, token in enumerate(sentence.tokens):
        owner.extend([index] * len(token.text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")))
    letters = "".join(token.text for token in sentence.tokens).replace(" ", "").replace("\u00a0", "")
    letters = letters.replace("\u202f", "")
    position = 0
    starts: list[int] = []
    for row in rows:
        if len(row) <= _RELATION:
            return None
        word = row[_WORD].replace("_", "")
        if not word or letters[position : position + len(word)] != word:
            return None
        starts.append(owner[position])
        position += len(word)
    return starts if position == len(letters) else None


def _opens_main_clause(rows: Rows) -> bool:
    """True when `rows` start with a main clause: no subordinator or relative pronoun first, and a finite verb
    within the first six words with no punctuation or conjunction before it."""
    if not rows or rows[0][_POS].startswith(("VG", "VNW(betr", "LET", "WW")):
        return False
    for row in rows[:6]:
        if _finite(row):
            return True
        if row[_POS].startswith(("LET", "VG")):
            return False
    return False


def parsed_split(text: str, sentence: Sentence, rows: Rows, min_words: int) -> tuple[Token, str] | None:
    """(last token of the first sentence, the second sentence) for a split frog's tags show is safe; or None.
    The caller checks that the split is not inside brackets or quotes."""
    starts = _align(sentence, rows)
    if starts is None:
        return None
    tokens = sentence.tokens
    total = len(sentence.words)
    best: tuple[int, Token, str] | None = None
    for cut, row in enumerate(rows):
        word = row[_WORD].lower()
        coordinator = row[_POS].startswith("VG(neven") and (word in _DROP or word in _KEEP)
        if not coordinator and word not in _CLAUSE_PUNCTUATION:
            continue
        left, right = rows[:cut], rows[cut + 1 :]
        if sum(_finite(r) for r in left) != 1 or any(r[_POS].startswith(("VG(onder", "VNW(betr")) for r in left):
            continue  # the first part must be one main clause, with nothing still open
        if not _opens_main_clause(right):
            continue
        cut_token = starts[cut]
        rest = tokens[cut_token + 1 :]
        if not rest or not rest[0].is_word or tokens[cut_token - 1 if cut_token else 0].text in _CLAUSE_PUNCTUATION:
            continue
        before = sum(t.is_word for t in tokens[:cut_token])
        after = total - before - (1 if tokens[cut_token].is_word else 0)
        if before < min_words or after < min_words:
            continue
        second = text[rest[0].start : sentence.end].strip()
        second = join(_KEEP[word], second) if word in _KEEP else capitalise(second)
        balance = abs(before - after)
        if best is None or balance < best[0]:
            best = (balance, tokens[cut_token - 1], second)
    return None if best is None else (best[1], best[2])
