"""Shared by the terminal and HTML reports: numbering findings and cutting the text into marked segments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from denkraam.analysis.findings import Finding

LEVEL_LABELS = {
    1: "goed te lezen voor bijna iedereen",
    2: "te lezen voor de meeste lezers",
    3: "moeilijk voor veel lezers",
    4: "erg moeilijk voor de meeste lezers",
}
NEED_LABELS = {"vertrouwen": "Vertrouwen", "persoonlijk": "Persoonlijk", "gemak": "Gemak"}
SEVERITY_RANK = {"info": 0, "waarschuwing": 1, "fout": 2}


def measured_label(measured: str) -> str:
    """What part of a web page the text check measured, in a sentence: "de hoofdinhoud (<main>) ..."."""
    if measured == "hele pagina":
        return "de hele pagina (geen hoofdinhoud gevonden; menu's en voettekst tellen mee)"
    return f"alleen de hoofdinhoud: {measured}; menu's, cookiemelding en voettekst tellen niet mee"


def score_label(score: int | None) -> str:
    """A word for a need score, so the number never has to speak for itself."""
    if score is None:
        return "geen score"
    if score >= 80:
        return "goed"
    if score >= 60:
        return "redelijk"
    if score >= 40:
        return "matig"
    return "zwak"


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text; `covered_by` are the numbers of the findings over it, `closes` those ending here."""

    start: int
    end: int
    covered_by: tuple[int, ...]
    closes: tuple[int, ...]


def numbered(findings: Sequence[Finding]) -> list[tuple[int, Finding]]:
    """Number findings from 1 in report order."""
    return list(enumerate(findings, start=1))


def segments(text: str, findings: Sequence[Finding]) -> list[Segment]:
    """Cut `text` at every finding boundary, so overlapping findings can be shown without nesting."""
    spans = [(number, item) for number, item in numbered(findings) if 0 <= item.start < item.end <= len(text)]
    cuts = sorted({0, len(text), *(item.start for _, item in spans), *(item.end for _, item in spans)})
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for number, item in spans:
        starts[item.start].append(number)
        ends[item.end].append(number)
    active: set[int] = set()
    result: list[Segment] = []
    # One sweep over the cut points: a long text with many findings stays linear.
    for start, end in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ends.get(start, ()))
        active.update(starts.get(start, ()))
        result.append(Segment(start, end, tuple(sorted(active)), tuple(ends.get(end, ()))))
    return result


def worst_severity(numbers: Sequence[int], findings: Sequence[Finding]) -> str:
    """The most serious severity among the findings with these numbers."""
    return max((findings[number - 1].severity for number in numbers), key=SEVERITY_RANK.__getitem__)
