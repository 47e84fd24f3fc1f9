"""Curated word lists of the text check, as TSV data files, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from denkraam.analysis.findings import Severity


@dataclass(frozen=True, slots=True)
class Entry:
    """One list entry: the term, what to write instead (or its full form), and how serious it is."""

    term: str
    replacement: str
    severity: Severity


def _read(name: str, default_severity: Severity) -> tuple[Entry, ...]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    entries: list[Entry] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        level = columns[2].strip() if len(columns) > 2 else ""
        severity: Severity = "info" if level == "i" else default_severity
        entries.append(Entry(columns[0].strip(), columns[1].strip(), severity))
    return tuple(entries)


@cache
def officialese() -> tuple[Entry, ...]:
    """Officialese and difficult words with plainer alternatives (officialese.tsv)."""
    return _read("officialese.tsv", "waarschuwing")


@cache
def abbreviations() -> tuple[Entry, ...]:
    """Abbreviations with their full forms (abbreviations.tsv)."""
    return _read("abbreviations.tsv", "waarschuwing")
