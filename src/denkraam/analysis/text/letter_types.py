"""Kinds of government letters and how a letter is built: paragraphs, headings, salutation and sign-off.

The check recognises six kinds from their vocabulary (a subject line weighs double), or the writer names one:

- `besluit`: a decision (granted, refused, changed, reclaimed);
- `aanvraag-onvolledig`: an application that misses documents or information;
- `herinnering`: a reminder or a formal demand (aanmaning) to pay or to do something;
- `uitnodiging`: an invitation to an appointment, conversation or meeting;
- `statusbericht`: an automatic message or a status update (receipt, stand van zaken) that asks nothing of the
  reader: no named contact person is expected, and no deadline or reason unless it does ask or decide something;
- `informatiebrief`: everything else, a letter that informs.

Each kind has its checklist (see `rules/letter.py`); the structure of the letter says where a missing part belongs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LETTER_TYPES: dict[str, str] = {
    "besluit": "besluit",
    "aanvraag-onvolledig": "aanvraag onvolledig",
    "herinnering": "herinnering of aanmaning",
    "uitnodiging": "uitnodiging",
    "statusbericht": "statusbericht of automatisch bericht",
    "informatiebrief": "informatiebrief",
}
# Other words writers use for the same kinds.
_ALIASES = {
    "aanmaning": "herinnering",
    "beschikking": "besluit",
    "onvolledig": "aanvraag-onvolledig",
    "aanvraag onvolledig": "aanvraag-onvolledig",
    "informatie": "informatiebrief",
    "automatisch": "statusbericht",
    "automatisch bericht": "statusbericht",
    "status": "statusbericht",
}

_SALUTATION = re.compile(r"[ \t]*(?:geachte|beste|hallo|goedemorgen|goedemiddag|lieve)\b", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"[ \t]*(?:met\s+(?:vriendelijke|hartelijke)\s+groet|vriendelijke\s+groet|hoogachtend|hartelijke\s+groet)",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^[ \t]*(?:onderwerp|betreft|inzake)\s*:?[ \t]*(?P<subject>.+)$", re.IGNORECASE | re.MULTILINE)
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")
_HEADING_WORDS = 9

# Vocabulary of each kind (lower case, matched on the lower-cased text), with a weight: how strongly a match
# says "this is that kind of letter".
_SIGNS: dict[str, tuple[tuple[re.Pattern[str], float], ...]] = {
    "besluit": (
        (re.compile(r"\bbesloten\b|\bbesluit\b|\bbeschikking\b|\bbeslissing\b"), 2.0),
        (
            re.compile(
                r"\b(?:toegekend|afgewezen|af\s+te\s+wijzen|wijzen\s+\w+(?:\s+\w+)?\s+af|geweigerd|ingetrokken|"
                r"herzien|teruggevorderd|terugvordering|stopgezet|verleend|goedgekeurd|verlaagd|verhoogd|afwijzing|"
                r"toekenning|intrekking|weigering)\b",
            ),
            1.5,
        ),
        (re.compile(r"\bbezwaar\w*"), 1.0),
    ),
    "aanvraag-onvolledig": (
        (
            re.compile(
                r"\b(?:(?:uw\s+)?aanvraag\s+is\s+(?:nog\s+)?(?:niet\s+(?:compleet|volledig)|onvolledig)|"
                r"(?:niet\s+)?(?:compleet|volledig)\s+maken|aanvullen|aanvullende\s+(?:gegevens|stukken|"
                r"informatie)|buiten\s+behandeling)\b",
            ),
            2.5,
        ),
        (re.compile(r"\b(?:ontbreekt|ontbreken|ontbrekende|missen\s+(?:wij|we)|(?:wij|we)\s+missen)\b"), 2.0),
        (
            re.compile(
                r"\b(?:hebben|heb)\s+(?:wij|we|ik)\s+(?:nog\s+)(?:\w+\s+){0,5}(?:van\s+u\s+)?nodig|"
                r"(?:wij|we)\s+(?:hebben|missen)\s+nog\b",
            ),
            2.5,
        ),
        (re.compile(r"\b(?:nog\s+nodig|stuur\s+(?:ons\s+)?nog)\b"), 1.0),
    ),
    "herinnering": (
        (re.compile(r"\b(?:herinnering|aanmaning|betalingsherinnering|herinneren\s+(?:wij|we)\s+u)\b"), 3.0),
        (
            re.compile(
                r"\b(?:nog\s+(?:steeds\s+)?niet\s+(?:betaald|ontvangen|teruggestuurd|gedaan)|openstaand\w*|"
                r"achterstand|betalingsachterstand|eerder\s+(?:een\s+brief\s+)?(?:gestuurd|gevraagd)|"
                r"in\s+onze\s+(?:vorige|eerdere)\s+brief|(?:vorige|eerdere)\s+brief|te\s+laat\s+betaald)\b",
            ),
            1.5,
        ),
        (re.compile(r"\b(?:incasso|deurwaarder|invorderingskosten|aanmaningskosten)\b"), 1.0),
    ),
    "uitnodiging": (
        (
            re.compile(r"\b(?:uitnodiging|uitnodigen|nodig(?:en|t)\s+(?:\w+\s+){1,5}uit|uitgenodigd)\b"),
            3.0,
        ),
        (re.compile(r"\b(?:afspraak|gesprek|bijeenkomst|spreekuur|informatieavond|keuring)\b"), 1.0),
        (re.compile(r"\b(?:kom\s+naar|verwachten\s+(?:wij|we)\s+u|welkom\s+op)\b"), 1.0),
    ),
    # A system says so ("Dit is een automatisch bericht", a no-reply address); a status update reports where the
    # reader's case stands ("de stand van zaken van uw melding"). "U hoeft niets te doen" also closes many decisions
    # and "stand van zaken" alone also opens a letter about road works, so they weigh little on their own.
    "statusbericht": (
        (
            re.compile(
                r"\b(?:(?:dit\s+is\s+een\s+)?automatisch\s+(?:verstuurd\w*\s+|gegenereerd\w*\s+)?(?:e-?mail|"
                r"bericht)|automatisch\s+(?:verstuurd|gegenereerd|verzonden)|no-?reply|"
                r"(?:niet|geen)\s+(?:\w+\s+){0,2}(?:reageren|antwoorden)\s+op\s+(?:deze|dit|dat)\s+(?:e-?mail|bericht))"
            ),
            3.0,
        ),
        (
            re.compile(
                r"\b(?:stand\s+van\s+zaken\s+(?:van|rond|over|bij)\s+uw|status\s+van\s+uw|"
                r"hoe\s+het\s+(?:nu\s+)?staat\s+met\s+uw|ontvangstbevestiging|"
                r"(?:wij|we)\s+hebben\s+uw\s+(?:melding|aanvraag|vraag|bericht|e-?mail|klacht)\s+(?:\w+\s+){0,3}"
                r"ontvangen)\b"
            ),
            2.0,
        ),
        (
            re.compile(
                r"\b(?:u|je)\s+hoef\w*\s+niets|\bhoef\w*\s+(?:u|je)\s+niets|in\s+behandeling\s+genomen|"
                r"stand\s+van\s+zaken|"
                r"houden\s+(?:wij|we)\s+(?:u|je)\s+op\s+de\s+hoogte|(?:wij|we)\s+houden\s+(?:u|je)\s+op\s+de\s+hoogte"
            ),
            1.0,
        ),
    ),
}
_MIN_SCORE = 2.0

# What the first paragraph says when the main message comes first.
MAIN_MESSAGE: dict[str, re.Pattern[str]] = {
    "besluit": re.compile(
        r"\b(?:besloten|besluit|beslissing|toegekend|afgewezen|af\s+te\s+wijzen|wijzen\s+\w+(?:\s+\w+)?\s+af|"
        r"geweigerd|ingetrokken|herzien|goedgekeurd|verleend|verlaagd|verhoogd|teruggevorderd|terugbetalen|"
        r"stopgezet|stopt|u\s+krijgt|krijgt\s+u|u\s+ontvangt|ontvangt\s+u|u\s+mag|mag\s+u|geen\s+recht|recht\s+op)\b",
        re.I,
    ),
    "aanvraag-onvolledig": re.compile(
        r"\b(?:ontbreek\w*|ontbreken|missen|niet\s+(?:compleet|volledig)|onvolledig|nog\s+nodig|nodig|aanvull\w*|"
        r"stuur|sturen)\b",
        re.I,
    ),
    "herinnering": re.compile(
        r"\b(?:herinner\w*|aanmaning|nog\s+(?:steeds\s+)?niet|openstaand\w*|achterstand|te\s+laat|nog\s+open|"
        r"betaal|betalen)\b",
        re.I,
    ),
    "uitnodiging": re.compile(
        r"\b(?:uitnodig\w*|uitgenodigd|nodig\w*\s+(?:\w+\s+){1,5}uit|afspraak|gesprek|bijeenkomst|kom\s+naar|"
        r"welkom)\b",
        re.I,
    ),
    "statusbericht": re.compile(
        r"\b(?:stand\s+van\s+zaken|status|ontvangen|in\s+behandeling|behandel\w*|afgehandeld|afgerond|"
        r"doorgestuurd|klaar|gereed|opgelost|hoef\w*\s+(?:u|je)\s+niets|(?:u|je)\s+hoef\w*\s+niets)\b",
        re.I,
    ),
}
# A first paragraph that only refers to what came before ("Naar aanleiding van uw brief van 3 maart ...").
PREAMBLE = re.compile(
    r"^\s*(?:naar\s+aanleiding\s+van|in\s+antwoord\s+op|onder\s+verwijzing\s+naar|in\s+vervolg\s+op|"
    r"met\s+betrekking\s+tot|refererend\s+aan|op\s+\S+(?:\s+\S+){0,3}\s+(?:hebben|heeft)\s+(?:wij|we|u)\b[^.]{0,80}"
    r"\b(?:ontvangen|gestuurd|aangevraagd|ingediend)\.)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the letter between blank lines; `heading` is its first line when that line is a heading
    ("Wat moet u doen?"), and `content_start` is where its running text begins."""

    start: int
    end: int
    content_start: int
    heading: str

    @property
    def has_content(self) -> bool:
        return self.end > self.content_start


@dataclass(frozen=True, slots=True)
class LetterLayout:
    """The body of a letter (between salutation and sign-off) as paragraphs, and its subject line."""

    body: tuple[Paragraph, ...]
    subject: str

    @property
    def content(self) -> tuple[Paragraph, ...]:
        """The body paragraphs with running text (not a heading on its own)."""
        return tuple(paragraph for paragraph in self.body if paragraph.has_content)

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(paragraph.heading for paragraph in self.body if paragraph.heading)


def normalise_letter_type(value: str) -> str:
    """The letter type id for what a writer typed ("Aanmaning" -> "herinnering"); ValueError when unknown."""
    key = value.strip().lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    if key not in LETTER_TYPES:
        known = ", ".join(LETTER_TYPES)
        raise ValueError(f"Onbekende soort brief: {value!r}. Kies uit: {known}.")
    return key


def detect_letter_type(text: str) -> str:
    """The kind of letter its words suggest; `informatiebrief` when no kind stands out."""
    subject = " ".join(match.group("subject") for match in _SUBJECT.finditer(text[:1500])).lower()
    text = text.lower()  # the signs are lower case: matching without IGNORECASE is about twice as fast
    scores: dict[str, float] = {}
    for kind, signs in _SIGNS.items():
        score = 0.0
        for pattern, weight in signs:
            hits = len(pattern.findall(text))
            if hits:
                score += weight * min(hits, 3) ** 0.5  # repeats count, but less and less
            if subject and pattern.search(subject):
                score += weight
        scores[kind] = score
    best = max(scores, key=lambda kind: scores[kind])
    return best if scores[best] >= _MIN_SCORE else "informatiebrief"


def letter_layout(text: str) -> LetterLayout:
    """Cut a letter into paragraphs and keep the body: after the salutation, before the sign-off."""
    blocks = _blocks(text)
    first = 0
    for index, (start, _end) in enumerate(blocks[:8]):
        if _SALUTATION.match(text, start):
            first = index + 1
            break
    last = len(blocks)
    for index in range(first, len(blocks)):
        if _SIGN_OFF.match(text, blocks[index][0]):
            last = index
            break
    body = tuple(_paragraph(text, start, end) for start, end in blocks[first:last])
    subject = " ".join(match.group("subject").strip() for match in _SUBJECT.finditer(text[:1500]))
    return LetterLayout(body=body, subject=subject)


def _blocks(text: str) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    position = 0
    for match in [*_BLOCK_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            blocks.append((position + lead, position + len(chunk.rstrip())))
        if match:
            position = match.end()
    return blocks


def _paragraph(text: str, start: int, end: int) -> Paragraph:
    newline = text.find("\n", start, end)
    first_line = text[start : newline if newline >= 0 else end].strip()
    if _is_heading(first_line, followed=newline >= 0):
        content_start = newline + 1 if newline >= 0 else end
        while content_start < end and text[content_start].isspace():
            content_start += 1
        return Paragraph(start=start, end=end, content_start=content_start, heading=first_line.lstrip("#* ").strip())
    return Paragraph(start=start, end=end, content_start=start, heading="")


def _is_heading(line: str, *, followed: bool) -> bool:
    """A short line that does not end like a sentence ("Wat moet u doen?" and "# Uw aanvraag" are headings);
    a question on a line of its own is a heading when text follows it in the same block or it is short."""
    if line.startswith("#"):
        return True
    words = line.split()
    if not words or len(words) > _HEADING_WORDS or not line[0].isupper() and not line[0].isdigit():
        return False
    if line.endswith("?"):
        return followed or len(words) <= 6
    return not line.endswith((".", ",", ";", ":", "!"))
