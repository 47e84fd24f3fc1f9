"""Need scores: 0-100 per need of the frame, higher is better for the reader.

How a score is derived (deterministic, no randomness, no model):

1. Every finding has a weight by severity: info 1, waarschuwing 3, fout 6.
2. Findings about a place in the text (a span) are summed per need and normalised per 100 words, so a long
   text is not punished for being long: `density = sum(weights) * 100 / max(words, 100)`. The floor of 100
   words keeps one slip in a three-line note from weighing like ten.
3. That density becomes a penalty that grows fast at first and then levels off at 60 points:
   `span_penalty = 60 * (1 - exp(-density / 8))`. One warning per 100 words costs ~19 points, four cost ~47.
4. Findings about a letter as a whole cost a fixed amount each: info 5, waarschuwing 10, fout 20. These are the
   0/0 findings and every `brief-...` finding (a missing objection route is as bad in a long letter as in a
   short one, also when the finding points at the place where the route belongs).
5. What the text does for the reader and what damages trust (`NeedSignals`, counted by `need_signals`):
   - damage joins the span weights of step 2, so it scales with the length of the text like any finding.
     Accusations are findings of their own (`beschuldiging`: "wij hebben geconstateerd dat u", "u heeft ten
     onrechte": an error, 6, or a warning, 3, when the sentence gives its ground); a threat (a `dreigende-toon`
     finding) before the first offer of help weighs 3 more; a text whose first fifth (at least 200 characters)
     already accuses or threatens gets 6 more (suspicion first). For `persoonlijk`, every
     reference to the reader in the third person ("de aanvrager", "belanghebbende") weighs 1.
   - what a good text does earns credit; a text that does none of it misses `MAX_CREDIT` (15) points. Each
     part saturates (`part * (1 - exp(-count_per_100_words / scale))`, counts per `max(words, 100)`):
     `vertrouwen`: explains why ("omdat", "daarom", "dit betekent") 8, scale 1; offers help ("wij helpen",
     "lukt het niet?", "bel ons") 4, scale 0.5; acknowledges the reader's situation ("wij begrijpen dat",
     "het kan zijn dat", "vervelend") 3, scale 0.3.
     `persoonlijk`: speaks to the reader ("u", "je") 7, scale 3; speaks as a sender ("wij", "ik") 3, scale 1;
     names a person (a letter with a contact person) 2; acknowledges the reader's situation 3, scale 0.3.
6. `vertrouwen` and `persoonlijk` = 100 - span_penalty - fixed penalties - (MAX_CREDIT - credit).
7. `gemak` leans on readability as well: `ease = 100 - 1.6 * max(0, readability - 25)` (readability on LiNT's
   0-100 scale, higher is harder; level 1 texts keep ~85 or more, level 4 texts drop below ~47), and
   `gemak = 0.5 * ease + 0.5 * (100 - span_penalty) - fixed penalties`.
8. Every score is clamped to 0-100 and rounded to a whole number. A text without words gets no scores (None).
   Without signals (`need_scores(findings, words=..., readability=...)`), step 5 is left out.

Calibration (`benchmarks/needs.py`, figures in BENCHMARKS.md): on the City of Amsterdam's 48 complex/simple
document pairs, without step 5 vertrouwen tied on most pairs (no trust rule fired on either side) and the plain
side never scored higher. The parts and scales of step 5 were set by hand so that (a) the plain side scores at
least as high as the complex side on as many pairs as possible, (b) as few pairs tie as possible, and (c) the
project's good example letters keep 85 or more; the weights of damage follow the finding weights (an accusation
without ground weighs like an error, with ground like a warning). Plain rewrites give reasons and speak to the
reader more densely than their complex originals, so the credit moves with them; it is capped at 15 points so
that a text cannot buy back real problems with friendly words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from denkraam.analysis.findings import NEED_IDS, Finding, NeedId

SEVERITY_WEIGHT = {"info": 1.0, "waarschuwing": 3.0, "fout": 6.0}
FIXED_PENALTY = {"info": 5.0, "waarschuwing": 10.0, "fout": 20.0}
MAX_SPAN_PENALTY = 60.0
DENSITY_SCALE = 8.0
MIN_WORDS_FOR_DENSITY = 100
EASE_START = 25.0
EASE_SLOPE = 1.6

MAX_CREDIT = 15.0
THREAT_BEFORE_HELP_WEIGHT = 3.0
SUSPICION_FIRST_WEIGHT = 6.0
THIRD_PERSON_WEIGHT = 1.0
# (points, scale per 100 words) of each good thing.
VERTROUWEN_CREDIT = {"reasons": (8.0, 1.0), "help": (4.0, 0.5), "acknowledgements": (3.0, 0.3)}
PERSOONLIJK_CREDIT = {"reader": (7.0, 3.0), "sender": (3.0, 1.0), "acknowledgements": (3.0, 0.3)}
PERSON_CREDIT = 2.0
# Findings of another need that also tell on this one (weight per finding, on top of their own need's).
CROSS_WEIGHTS: dict[tuple[str, NeedId], float] = {
    ("lijdende-vorm", "vertrouwen"): 1.0,  # the passive hides who decides or acts
    ("lijdende-vorm", "persoonlijk"): 1.0,  # ... and nobody speaks to the reader
    ("ambtelijk-woord", "persoonlijk"): 0.5,  # officialese keeps the reader at a distance
}

# The patterns run on the lower-cased text (`_lowered`): matching without IGNORECASE is about twice as fast.
_REASON = re.compile(
    r"\b(?:omdat|want|daarom|zodat|dit\s+betekent|dat\s+betekent|de\s+reden|waarom|dat\s+komt\s+doordat|doordat|"
    r"vanwege|dit\s+staat\s+in|op\s+grond\s+van)\b",
)
_HELP = re.compile(
    r"\b(?:(?:wij|we|ik)\s+(?:\w+\s+){0,2}helpen|helpen\s+(?:wij|we|ik)|hulp|ondersteuning|advies|"
    r"lukt\s+(?:het|dit|dat)\s+niet|bel\s+(?:ons|gerust|dan)|neem\s+(?:dan\s+)?(?:gerust\s+)?contact|"
    r"betalingsregeling|samen\s+(?:met\s+u\s+)?(?:zoeken|kijken)|denken\s+(?:wij|we)\s+(?:graag\s+)?mee)\b",
)
_ACKNOWLEDGE = re.compile(
    r"\b(?:(?:wij|we|ik)\s+(?:\w+\s+)?(?:begrijpen|begrijp|snappen|snap|weten)\s+(?:goed\s+)?dat|"
    r"het\s+kan\s+zijn\s+dat|misschien\s+(?:hebt|heeft|bent|vindt|weet)\s+u|vervelend|sorry|excuses|spijt|"
    r"dat\s+is\s+niet\s+(?:fijn|leuk)|begrijpelijk|in\s+uw\s+situatie|moeilijke\s+tijd)\b",
)
_READER = re.compile(r"\b(?:u|uw|je|jij|jou|jouw|jullie)\b")
_SENDER = re.compile(r"\b(?:wij|we|ons|onze|ik|mij|mijn)\b")
_THIRD_PERSON = re.compile(
    r"\b(?:de|het)\s+(?:aanvrager|belanghebbende|cliënt|client|klant|burger|betrokkene|ontvanger|verzoeker)\b",
)


@dataclass(frozen=True, slots=True)
class NeedSignals:
    """What a text does for its reader and what damages trust, as counts (see the module docstring, step 5)."""

    reasons: int = 0
    help: int = 0
    acknowledgements: int = 0
    reader: int = 0
    sender: int = 0
    names_a_person: bool = False
    threats_before_help: int = 0
    suspicion_first: bool = False
    third_person: int = 0


def need_signals(text: str, *, findings: Sequence[Finding], is_letter: bool) -> NeedSignals:
    """Count the signals of step 5 in `text`; `findings` give the threats, `is_letter` whether a named contact
    person counts."""
    from .rules.letter import has_contact_person  # the rules package imports the catalog; keep this module light

    names_a_person = is_letter and has_contact_person(text)  # needs the capitals of names
    text = _lowered(text)
    first_help = _HELP.search(text)
    help_at = first_help.start() if first_help else len(text)
    threats = [item for item in findings if item.rule == "dreigende-toon" and item.end > item.start]
    first_part = max(200, len(text) // 5)
    accusations = [item for item in findings if item.rule == "beschuldiging"]
    return NeedSignals(
        reasons=len(_REASON.findall(text)),
        help=len(_HELP.findall(text)),
        acknowledgements=len(_ACKNOWLEDGE.findall(text)),
        reader=len(_READER.findall(text)),
        sender=len(_SENDER.findall(text)),
        names_a_person=names_a_person,
        threats_before_help=sum(1 for item in threats if item.start < help_at),
        suspicion_first=any(item.start < first_part for item in [*accusations, *threats]),
        third_person=len(_THIRD_PERSON.findall(text)),
    )


def need_scores(
    findings: Iterable[Finding], *, words: int, readability: float | None, signals: NeedSignals | None = None
) -> dict[NeedId, int | None]:
    """Score each need 0-100 (higher is better) from the findings, the readability score and (when given) what
    the text does for the reader and what damages trust."""
    if words <= 0:
        return dict.fromkeys(NEED_IDS, None)
    findings = list(findings)
    span_weight = dict.fromkeys(NEED_IDS, 0.0)
    fixed = dict.fromkeys(NEED_IDS, 0.0)
    for item in findings:
        if item.end > item.start and not item.rule.startswith("brief-"):
            span_weight[item.need] += SEVERITY_WEIGHT[item.severity]
        else:
            fixed[item.need] += FIXED_PENALTY[item.severity]
    missing_credit = dict.fromkeys(NEED_IDS, 0.0)
    if signals is not None:
        span_weight["vertrouwen"] += THREAT_BEFORE_HELP_WEIGHT * signals.threats_before_help + (
            SUSPICION_FIRST_WEIGHT if signals.suspicion_first else 0.0
        )
        span_weight["persoonlijk"] += THIRD_PERSON_WEIGHT * signals.third_person
        for item in findings:
            for need in NEED_IDS:
                span_weight[need] += CROSS_WEIGHTS.get((item.rule, need), 0.0) if item.end > item.start else 0.0
        per = 100 / max(words, MIN_WORDS_FOR_DENSITY)
        trust = sum(_part(getattr(signals, name) * per, *part) for name, part in VERTROUWEN_CREDIT.items())
        personal = sum(_part(getattr(signals, name) * per, *part) for name, part in PERSOONLIJK_CREDIT.items())
        personal += PERSON_CREDIT if signals.names_a_person else 0.0
        missing_credit["vertrouwen"] = MAX_CREDIT - min(MAX_CREDIT, trust)
        missing_credit["persoonlijk"] = MAX_CREDIT - min(MAX_CREDIT, personal)
    scores: dict[NeedId, int | None] = {}
    for need in NEED_IDS:
        density = span_weight[need] * 100 / max(words, MIN_WORDS_FOR_DENSITY)
        penalty = MAX_SPAN_PENALTY * (1 - math.exp(-density / DENSITY_SCALE))
        if need == "gemak" and readability is not None:
            ease = _clamp(100 - EASE_SLOPE * max(0.0, readability - EASE_START))
            raw = 0.5 * ease + 0.5 * (100 - penalty) - fixed[need]
        else:
            raw = 100 - penalty - fixed[need] - missing_credit[need]
        scores[need] = round(_clamp(raw))
    return scores


def _part(density: float, points: float, scale: float) -> float:
    return points * (1 - math.exp(-density / scale))


def _lowered(text: str) -> str:
    """`text` in lower case with the same offsets (a few Unicode letters grow when lowered; they stay as they are)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _clamp(value: float) -> float:
    return min(100.0, max(0.0, value))
