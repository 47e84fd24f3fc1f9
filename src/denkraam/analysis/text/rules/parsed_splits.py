"""Splits of long sentences read off frog's parse (the deep tier), where the patterns find none.

Frog gives one row per word (index, word, lemma, ..., part of speech, ..., head, relation). Its dependency
relations proved too unreliable on long official sentences to decide a split on; its part-of-speech tags are not,
and they tell the finite verb ("vinden", "hebben") apart from an infinitive, which the patterns cannot.

A sentence is split at a comma, semicolon, 'en', 'maar' or 'want' when the part before it is one main clause
(exactly one finite verb, no subordinator, relative pronoun or colon) and the part after it opens a main clause:
a subject and then the finite verb ("Wij hebben uw aanvraag ontvangen en de medewerker beoordeelt die …"), or,
after a comma, an adverb or phrase, the finite verb and its subject ("… tot oktober, dan volgt er een verslag").
'en' is dropped, 'maar' and 'want' open the second sentence; both parts keep their word order behind a full stop.
Without a parse, or when frog's words cannot be matched to the check's tokens, nothing is offered.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..tokens import Sentence, Token
from .rewrite import SUBORDINATORS, capitalise, join

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


_SUBJECT_TAGS = ("VNW(pers", "VNW(aanw,pron", "VNW(aanw,adv-pron", "LID", "VNW(bez", "VNW(aanw,det")


def _opens_main_clause(rows: Rows, *, after_coordinator: bool) -> bool:
    """True when `rows` start with a main clause: a subject (a pronoun, 'er', or a determiner and its noun) with
    the finite verb within the next words, or an adverb or short phrase, the finite verb and then its subject.
    Nothing subordinate ('waarbij', 'wat', 'die') may come first, and no bare noun or adjective: after 'en' those
    are mostly a second noun of a list ("sociale en middeldure woningen")."""
    if len(rows) < 3 or rows[0][_WORD].lower() in SUBORDINATORS:
        return False
    first = rows[0][_POS]
    if first.startswith(_SUBJECT_TAGS):
        for row in rows[1:6]:
            if _finite(row):
                return True
            if row[_POS].startswith(("LET", "VG", "WW")) or row[_WORD].lower() in SUBORDINATORS:
                return False
        return False
    # After a bare 'en' an adverb or phrase is mostly the second of two ("vooraf en tijdens de bijeenkomst zijn er"):
    # only a subject shows that a new clause starts there.
    if first.startswith(("BW", "VZ")) and not after_coordinator:
        for position, row in enumerate(rows[1:5], start=1):
            if _finite(row):
                following = rows[position + 1] if position + 1 < len(rows) else None
                return following is not None and following[_POS].startswith(_SUBJECT_TAGS)
            if row[_POS].startswith(("LET", "VG", "WW")) or row[_WORD].lower() in SUBORDINATORS:
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
        if sum(_finite(r) for r in left) != 1 or any(
            r[_POS].startswith(("VG(onder", "VNW(betr")) or r[_WORD].lower() in SUBORDINATORS or r[_WORD] in ":;"
            for r in left
        ):
            continue  # the first part must be one main clause, with nothing still open and no list
        if not _opens_main_clause(right, after_coordinator=coordinator):
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
