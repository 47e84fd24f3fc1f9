"""Curated word lists of the text check, as TSV data files, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from denkraam.analysis.findings import Severity


@dataclass(frozen=True, slots=True)
class Entry:
    """One list entry: the term, what to write instead (or its full form), and how serious it is.

    `rewrite` is what can take the term's place as it stands (officialese list, column 4; '' when the
    alternative needs the sentence rebuilt); `kind` and `explanation` are for abbreviations: "naam" for the
    name of an organisation or service (never flagged), "wet" for a law (the reader needs to know what it means
    for him, not its name), and a plain explanation to offer. `senses` (officialese list, column 5) are word
    beginnings that decide whether a sentence uses the term in its officialese sense: it is flagged only in a
    sentence with one of the plain ones ('hierbij' with 'stuur', 'ontvang': the letter formula), never in one with
    one of the ones marked '-' ('waartoe' with '-toegang': 'waarvoor' does not fit there).
    """

    term: str
    replacement: str
    severity: Severity
    rewrite: str = ""
    kind: str = ""
    explanation: str = ""
    senses: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Term:
    """A domain term that needs an explanation for most readers, with a short plain one (lexicon*.tsv).

    `cues` are the word beginnings that show the text uses the term in the sense the explanation gives
    ('voorziening' is Wmo help only in a text about care: 'wmo', 'hulpmiddel', ...); empty for a term with one
    sense. When none of them is in the text, `unclear` says what the check does: "vraag" asks for an explanation
    without offering one (the word is a domain term in every sense), "stil" says nothing (in its other senses the
    word is an everyday one: digital 'voorzieningen').
    """

    term: str
    explanation: str
    domain: str
    cues: tuple[str, ...] = ()
    unclear: str = ""


def _rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [
        [column.strip() for column in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _column(row: list[str], number: int) -> str:
    return row[number] if len(row) > number else ""


@cache
def officialese() -> tuple[Entry, ...]:
    """Officialese and difficult words with plainer alternatives (officialese.tsv)."""
    return tuple(
        Entry(
            row[0],
            row[1],
            "info" if _column(row, 2) == "i" else "waarschuwing",
            rewrite=_column(row, 3),
            senses=tuple(_column(row, 4).lower().split()),
        )
        for row in _rows("officialese.tsv")
    )


@cache
def abbreviations() -> tuple[Entry, ...]:
    """Abbreviations with their full forms, kinds and plain explanations (abbreviations.tsv)."""
    entries = []
    for row in _rows("abbreviations.tsv"):
        kind = _column(row, 2)
        severity: Severity = "info" if kind in ("i", "naam") else "waarschuwing"
        entries.append(Entry(row[0], row[1], severity, kind=kind, explanation=_column(row, 3)))
    return tuple(entries)


@cache
def lexicon() -> tuple[Term, ...]:
    """Domain terms from benefits, tax, allowances, care, permits, debt collection and law (lexicon*.tsv)."""
    terms: dict[str, Term] = {}
    for name in sorted(item.name for item in resources.files(__package__).iterdir()):
        if name.startswith("lexicon") and name.endswith(".tsv"):
            for row in _rows(name):
                cues = tuple(_column(row, 3).lower().split())
                unclear = (_column(row, 4) or "vraag") if cues else ""
                terms.setdefault(row[0].lower(), Term(row[0], row[1], _column(row, 2), cues, unclear))
    return tuple(terms.values())
