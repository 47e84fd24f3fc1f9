"""Wording that accuses the reader: "wij hebben geconstateerd dat u", "u heeft ten onrechte", "u heeft nagelaten".

An accusation without its ground damages trust most: the reader hears suspicion before facts. A sentence that
gives the ground ("omdat", "uit uw loonstroken blijkt", a date) is a note; one that does not is an error. The need
score counts these findings like any other (see `needs.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from .base import RuleContext, finding

# Matched on the lower-cased text (`RuleContext.lower`).
ACCUSATION = re.compile(
    r"\b(?:(?:wij|we|ik)\s+(?:hebben\s+|heb\s+)?(?:geconstateerd|constateren|constateer)\s+dat\s+u|"
    r"(?:is|werd)\s+geconstateerd\s+dat\s+u|"
    r"u\s+(?:heeft|hebt)\s+(?:\w+\s+){0,3}(?:ten\s+onrechte|onterecht|nagelaten|verzuimd|bewust|opzettelijk)|"
    r"dat\s+u\s+(?:\w+\s+){0,3}(?:ten\s+onrechte|onterecht|bewust|opzettelijk)|"
    r"u\s+bent\s+(?:\w+\s+){0,2}tekortgeschoten|u\s+(?:heeft|hebt)\s+zich\s+niet\s+(?:\w+\s+){0,2}gehouden|"
    r"(?:u|dat\s+u)\s+(?:heeft|hebt|bent)\s+(?:\w+\s+){0,4}in\s+strijd\s+met|"
    r"(?<!niet\s)verwijtbaar\s+werkloos|u\s+bent\s+verwijtbaar|misbruik\s+gemaakt|fraude\s+gepleegd|"
    r"onjuiste\s+(?:informatie|gegevens)\s+(?:\w+\s+){0,3}(?:verstrekt|gegeven|opgegeven)|"
    r"u\s+(?:heeft|hebt)\s+(?:\w+\s+){0,4}overtreden)\b"
)
GROUND = re.compile(
    r"\b(?:omdat|want|uit\s+(?:\w+\s+){0,6}blijkt|volgens|op\s+\d{1,2}\s+\w+|wij\s+zagen|u\s+schreef|"
    r"bijvoorbeeld)\b"
)


def accusing_wording(context: RuleContext) -> Iterator[Finding]:
    """Flag wording that accuses the reader, once per sentence; an error when the sentence gives no ground, a
    warning when it does."""
    seen: set[int] = set()
    for match in ACCUSATION.finditer(context.lower):
        index = context.sentence_index_at(match.start())
        if index in seen:
            continue
        seen.add(index)
        sentence = context.sentence_at(match.start())
        around = context.lower[sentence.start : sentence.end] if sentence else match.group()
        grounded = GROUND.search(around) is not None
        yield finding(
            context,
            "beschuldiging",
            start=match.start(),
            end=match.end(),
            severity="waarschuwing" if grounded else "fout",
            message="Deze zin beschuldigt de lezer. U noemt wel waarop u dat baseert; zet die feiten voorop."
            if grounded
            else "Deze zin beschuldigt de lezer, zonder te zeggen waarop u dat baseert.",
            suggestion="Zeg eerst wat u hebt gezien en waar het staat, dan wat dat betekent, en geef de lezer de "
            "kans het uit te leggen: 'Uit uw loonstroken blijkt dat u in maart meer verdiende. Daardoor hebt u te "
            "veel toeslag gekregen. Klopt dit niet? Laat het ons weten.'",
        )
