"""Tone: cold and commanding ("dient u", "wij wijzen u erop", CAPITALS) or threatening ("sancties", "anders")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from ..tokens import Token
from ..wordlists import abbreviations
from .base import RuleContext, finding, first_per_term, phrase_pattern
from .rewrite import SEPARABLE_PARTICLES, join, split_infinitive, subordinate_to_main

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
        "u bent verplicht", "bent u verplicht", "u verplicht bent", "u bent wettelijk verplicht", "strafbaar",
        "gerechtelijke stappen", "deurwaarder", "incassobureau", "zonder verdere waarschuwing",
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
# A fine or sanction is information in itself ("U kunt bezwaar maken tegen een boete"); it is a threat when the
# sentence makes it the price of not obeying ("anders krijgt u een boete").
_CONSEQUENCE = re.compile(r"\b(?:boetes?|sancties?)\b", re.IGNORECASE)
_THREAT_CUE = re.compile(
    r"\banders\b|\bzo\s+niet\b|\b(?:als|indien|wanneer)\s+u\b[^.!?\n]{0,60}?\bniet\b|\btenzij\b",
    re.IGNORECASE,
)
_FINE_EXPLAINED = re.compile(
    r"\bomdat\b|\bwant\b|\bhoogte\b|€|\beuro\b|\bbedrag\b|\bartikel\b|\bop grond van\b|\bwaarom\b|\bberekend\b"
    r"|\bbezwaar\b|\brecht\b|\brechten\b|\buitleg\b|\binformatie\b|\bwat\s+is\b|\bwanneer\b|\bhoe\b",
    re.IGNORECASE,
)
# ", anders krijgt u …": the deadline as a threat; ". Doet u dat niet? Dan krijgt u …" says the same calmly.
_ANDERS = re.compile(r",?\s*\banders\s+(?=(?:krijgt|krijgen|moet|moeten|kunnen|kan|gaan|gaat|sturen|stuurt|"
                     r"leggen|legt|zullen|zal|volgt|volgen|wordt|worden|nemen|neemt|stoppen|stopt)\b)",
                     re.IGNORECASE)  # fmt: skip
_SHOUT = re.compile(r"\b[A-ZÀ-Ý]{4,}\b")
# Template placeholders ("[NAAM]", "{{ naam }}", "<DATUM>", "%BEDRAG%") hold capitals on purpose.
_PLACEHOLDER = re.compile(r"\[[^\]\n]{1,60}\]|\{\{[^}\n]{1,60}\}\}|\{[^}\n]{1,60}\}|<[^>\n]{1,60}>|%[^%\s]{1,40}%")


def cold_tone(context: RuleContext) -> Iterator[Finding]:
    """Flag commanding phrases and words in CAPITALS for emphasis."""
    for match in _COLD.finditer(context.text):
        start, end, rewrite = _warmer(context, match.start(), match.end(), match.group().lower())
        yield finding(
            context,
            "koele-toon",
            start=start,
            end=end,
            message=f"'{match.group()}' klinkt als een bevel of terechtwijzing.",
            suggestion=f"Schrijf vriendelijk en direct: '{rewrite}'."
            if rewrite
            else "Schrijf vriendelijk en direct: 'U moet …' of 'Wilt u …'; leg uit waarom het nodig is.",
            rewrite=rewrite,
            why="Een vraag of een gewone zin leest als hulp; 'u dient' en 'u wordt verzocht' lezen als een bevel."
            if rewrite
            else "",
        )
    known = {entry.term for entry in abbreviations()}
    placeholders = [match.span() for match in _PLACEHOLDER.finditer(context.text)]
    for match in _SHOUT.finditer(context.text):
        word = match.group()
        if word in known or _not_shouting(context.text, match.start(), match.end(), placeholders):
            continue
        if not _is_dutch_word(word.lower()):
            continue
        yield finding(
            context,
            "koele-toon",
            start=match.start(),
            end=match.end(),
            message=f"'{word}' in hoofdletters komt over als schreeuwen.",
            suggestion=f"Schrijf '{word.lower()}' in gewone letters; zet iets belangrijks vooraan of in een kopje.",
            rewrite=word.lower(),
            why="Hoofdletters midden in een zin lezen als schreeuwen, en een woord in hoofdletters leest trager.",
        )


_REQUESTS = frozenset({"u wordt verzocht", "wordt u verzocht", "u wordt dringend verzocht", "wij verzoeken u dringend"})
_POINTING = frozenset({"wij wijzen u erop", "wij wijzen u er op", "wij wijzen u er nogmaals op",
                       "wij wijzen u er nadrukkelijk op", "wij maken u erop attent", "wij attenderen u erop",
                       "wij attenderen u er op"})  # fmt: skip


def _warmer(context: RuleContext, start: int, end: int, phrase: str) -> tuple[int, int, str]:
    """(start, end, rewrite) in a friendlier form: "U dient het formulier terug te sturen" -> "U moet het
    formulier terugsturen"; "U wordt verzocht … te sturen." -> "Wilt u … sturen?"; "Wij wijzen u erop dat …" ->
    the message itself. The rewrite is empty when the sentence does not fit."""
    sentence = context.sentence_at(start)
    if sentence is None:
        return start, end, ""
    rest = [word for word in sentence.words if word.start >= end]
    at_start = start == sentence.start
    if phrase in _POINTING and at_start and rest and rest[0].text.lower() == "dat":
        main = subordinate_to_main(rest[1:], context.text)
        return (start, rest[-1].end, main) if main else (start, end, "")
    tail = _te_infinitive(context.text, rest)
    if tail is None:
        return start, end, ""
    middle, verb, last = tail
    if phrase in {"u dient", "dient u"}:
        moet = context.text[start:end].replace("dient", "moet").replace("Dient", "Moet")
        return start, last, join(moet, middle, verb)
    if phrase in _REQUESTS and at_start and context.text[sentence.end - 1 : sentence.end] == ".":
        return start, sentence.end, join("Wilt u", middle, verb) + "?"
    return start, end, ""


def _te_infinitive(text: str, words: list[Token]) -> tuple[str, str, int] | None:
    """(words before, the infinitive with its particle joined, end offset) for "… terug te sturen" at the end."""
    if len(words) < 2 or words[-2].text.lower() != "te" or split_infinitive(words[-1].text) is None:
        return None
    body = words[:-2]
    particle = ""
    if body and body[-1].text.lower() in SEPARABLE_PARTICLES:
        particle, body = body[-1].text, body[:-1]
    if body and body[0].text.lower() == "om":
        body = body[1:]
    middle = text[body[0].start : body[-1].end] if body else ""
    if "," in middle:
        return None
    return middle, particle + words[-1].text, words[-1].end


def _not_shouting(text: str, start: int, end: int, placeholders: list[tuple[int, int]]) -> bool:
    """Capitals that are not raised voice: a heading, a label ("BETREFT:"), a template placeholder ("[NAAM]")."""
    if any(s <= start and end <= e for s, e in placeholders):
        return True
    if text[end : end + 2].lstrip(" ").startswith(":"):
        return True  # a label: "ONDERWERP:", "BETREFT :"
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not any(char.islower() for char in line):
        return True  # a heading in capitals
    # A label at the start of a line, set off by a tab or spaces: "ONDERWERP    Uw aanvraag"
    return text[line_start:start].strip() == "" and text[end : end + 2] in {"\t", "  "} | {
        "\t" + text[end + 1 : end + 2]
    }


def threatening_tone(context: RuleContext) -> Iterator[Finding]:
    """Flag threats, sanctions, and a fine ('boete') without an explanation in the same or next sentence. A threat
    word is flagged once per text, on its first place: the advice is the same every time it comes back."""
    threats = [
        finding(
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
        for match in _THREAT.finditer(context.text)
    ]
    yield from first_per_term(threats, key=lambda item: item.excerpt.lower())
    calm = [m.span() for m in _ANDERS.finditer(context.text)]
    for match in _OR_ELSE.finditer(context.text):
        if any(match.start() <= s < match.end() + 2 for s, _ in calm):
            continue  # the ", anders …" finding below says it, with a rewrite
        yield finding(
            context,
            "dreigende-toon",
            start=match.start(),
            end=match.end(),
            message="Een termijn met 'anders …' of 'zo niet, dan …' klinkt als een dreigement.",
            suggestion="Noem de datum, wat er daarna gebeurt en waar de lezer hulp krijgt als het niet lukt.",
        )
    threatened: set[int] = set()
    for match in _ANDERS.finditer(context.text):
        index = context.sentence_index_at(match.start())
        sentence = context.sentences[index] if index >= 0 else None
        if sentence is None or match.start() <= sentence.start:
            continue  # "Anders …" at the start of a sentence: no clause before it to attach the condition to
        threatened.add(index)
        yield finding(
            context,
            "dreigende-toon",
            start=match.start(),
            end=match.end(),
            message="'anders …' maakt van het gevolg een dreigement.",
            suggestion="Noem het gevolg als feit, na een vraag: '… Doet u dat niet? Dan krijgt u …'.",
            rewrite=". Doet u dat niet? Dan ",
            why="Een gevolg als feit leest de lezer als uitleg; na 'anders' leest hij het als een dreigement.",
        )
    for match in _CONSEQUENCE.finditer(context.text):
        index = context.sentence_index_at(match.start())
        if index < 0 or index in threatened:
            continue
        sentence = context.sentences[index]
        if _THREAT_CUE.search(sentence.text):
            yield finding(
                context,
                "dreigende-toon",
                start=match.start(),
                end=match.end(),
                message=f"De zin maakt '{match.group()}' tot een dreigement: eerst de voorwaarde, dan de straf.",
                suggestion="Zeg eerst wat de lezer moet doen en waarom; noem daarna het gevolg als feit, met de "
                "hoogte en waar hij hulp krijgt als het niet lukt.",
                why="Een straf als drukmiddel zegt de lezer dat hij niet vertrouwd wordt.",
            )
            continue
        nearby = context.sentences[index : index + 2]
        question = sentence.text.rstrip().endswith("?")
        heading = not any(mark in sentence.text for mark in ".!?") and len(sentence.words) <= 8
        if question or heading or any(_FINE_EXPLAINED.search(item.text) for item in nearby):
            continue  # information about the fine: what it is, how high, how to object
        yield finding(
            context,
            "dreigende-toon",
            start=match.start(),
            end=match.end(),
            message=f"Er staat '{match.group()}' zonder uitleg waarom of hoe hoog.",
            suggestion="Leg uit waarom er een boete kan komen, hoe hoog die is en hoe de lezer die voorkomt.",
        )


def _is_dutch_word(word: str) -> bool:
    """A real Dutch word (NIET, VERPLICHT), not an acronym (RIVM) or an English placeholder (NAME)."""
    import simplemma
    from wordfreq import zipf_frequency

    dutch = zipf_frequency(word, "nl")
    return simplemma.is_known(word, lang="nl") and dutch >= 3.0 and dutch > zipf_frequency(word, "en")
