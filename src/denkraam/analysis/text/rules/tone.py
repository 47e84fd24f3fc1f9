"""Tone: cold and commanding ("dient u", "wij wijzen u erop", CAPITALS) or threatening ("sancties", "anders")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from ..wordlists import abbreviations
from .base import RuleContext, finding, phrase_pattern

_COLD = phrase_pattern(
    (
        "wij wijzen u erop", "wij wijzen u er op", "wij wijzen u er nogmaals op", "wij wijzen u er nadrukkelijk op",
        "u wordt erop gewezen", "u wordt er op gewezen", "wij maken u erop attent", "wij attenderen u erop",
        "wij attenderen u er op", "u wordt verzocht", "wordt u verzocht", "u wordt dringend verzocht",
        "wij verzoeken u dringend", "dient u", "u dient", "dient te worden", "dienen te worden", "dient u te",
        "het is niet toegestaan", "wij gaan ervan uit dat", "wij verwachten van u", "u moet zich houden aan",
        "zonder tegenbericht", "wij zijn niet aansprakelijk",
    )
)  # fmt: skip
_THREAT = phrase_pattern(
    (
        "u bent verplicht", "bent u verplicht", "u verplicht bent", "u bent wettelijk verplicht", "sanctie",
        "sancties",
        "strafbaar", "gerechtelijke stappen", "deurwaarder", "incassobureau", "zonder verdere waarschuwing",
        "zien wij ons genoodzaakt", "wij zien ons genoodzaakt", "zullen wij genoodzaakt zijn", "laatste waarschuwing",
        "maatregelen nemen", "een maatregel opleggen", "wij leggen u een maatregel op", "dwangbevel",
        "ingebrekestelling", "aangifte doen", "fraude",
    )
)  # fmt: skip
# "uiterlijk <datum> ... anders ..." and "als u dit niet doet, dan ...": a deadline turned into a threat.
_OR_ELSE = re.compile(
    r"\buiterlijk\b[^.!?\n]{0,100}?\banders\b|\b(?:zo\s+niet|doet\s+u\s+dit\s+niet|als\s+u\s+dit\s+niet\s+doet|"
    r"indien\s+u\s+(?:dit\s+)?niet[^.!?\n]{0,60}?),?\s+(?:dan\s+)?(?:zullen|gaan|wordt|worden|kunnen|moeten)\s+wij\b",
    re.IGNORECASE,
)
_MILD_THREATS = frozenset({"fraude", "aangifte doen"})
_FINE = re.compile(r"\bboetes?\b", re.IGNORECASE)
_FINE_EXPLAINED = re.compile(
    r"\bomdat\b|\bwant\b|\bhoogte\b|€|\beuro\b|\bbedrag\b|\bartikel\b|\bop grond van\b|\bwaarom\b|\bberekend\b",
    re.IGNORECASE,
)
_SHOUT = re.compile(r"\b[A-ZÀ-Ý]{4,}\b")


def cold_tone(context: RuleContext) -> Iterator[Finding]:
    """Flag commanding phrases and words in CAPITALS for emphasis."""
    for match in _COLD.finditer(context.text):
        yield finding(
            context,
            "koele-toon",
            start=match.start(),
            end=match.end(),
            message=f"'{match.group()}' klinkt als een bevel of terechtwijzing.",
            suggestion="Schrijf vriendelijk en direct: 'U moet …' of 'Wilt u …'; leg uit waarom het nodig is.",
        )
    known = {entry.term for entry in abbreviations()}
    for match in _SHOUT.finditer(context.text):
        word = match.group()
        if word in known or not _is_dutch_word(word.lower()):
            continue
        yield finding(
            context,
            "koele-toon",
            start=match.start(),
            end=match.end(),
            message=f"'{word}' in hoofdletters komt over als schreeuwen.",
            suggestion="Gebruik gewone letters; zet iets belangrijks vooraan of in een kopje.",
        )


def threatening_tone(context: RuleContext) -> Iterator[Finding]:
    """Flag threats, sanctions, and a fine ('boete') without an explanation in the same or next sentence."""
    for match in _THREAT.finditer(context.text):
        yield finding(
            context,
            "dreigende-toon",
            start=match.start(),
            end=match.end(),
            # Naming fraud or a police report can be factual; the writer should look, not necessarily change it.
            severity="info" if match.group().lower() in _MILD_THREATS else None,
            message=f"'{match.group()}' kan dreigend overkomen en gaat uit van wantrouwen.",
            suggestion="Ga uit van goede trouw: leg eerst uit wat de lezer moet doen en waarom; noem gevolgen "
            "feitelijk en rustig, en bied hulp aan.",
        )
    for match in _OR_ELSE.finditer(context.text):
        yield finding(
            context,
            "dreigende-toon",
            start=match.start(),
            end=match.end(),
            message="Een termijn met 'anders …' of 'zo niet, dan …' klinkt als een dreigement.",
            suggestion="Noem de datum, wat er daarna gebeurt en waar de lezer hulp krijgt als het niet lukt.",
        )
    for match in _FINE.finditer(context.text):
        index = context.sentence_index_at(match.start())
        nearby = context.sentences[index : index + 2] if index >= 0 else []
        if any(_FINE_EXPLAINED.search(sentence.text) for sentence in nearby):
            continue
        yield finding(
            context,
            "dreigende-toon",
            start=match.start(),
            end=match.end(),
            message="Er staat 'boete' zonder uitleg waarom of hoe hoog.",
            suggestion="Leg uit waarom er een boete kan komen, hoe hoog die is en hoe de lezer die voorkomt.",
        )


def _is_dutch_word(word: str) -> bool:
    """A real Dutch word (NIET, VERPLICHT), not an acronym (RIVM) or an English placeholder (NAME)."""
    import simplemma
    from wordfreq import zipf_frequency

    dutch = zipf_frequency(word, "nl")
    return simplemma.is_known(word, lang="nl") and dutch >= 3.0 and dutch > zipf_frequency(word, "en")
