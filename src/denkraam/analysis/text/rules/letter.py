"""What a reader of a letter needs: who to contact and how, what to do by when, why, how to object,
and what happens with their personal data."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from denkraam.analysis.findings import Finding

from ..tokens import Sentence
from .base import RuleContext, finding
from .dates import has_concrete_time

_SALUTATION = re.compile(
    r"^[ \t]*(?:geachte|beste|hallo|goedemorgen|goedemiddag|lieve)\b", re.IGNORECASE | re.MULTILINE
)
_SIGN_OFF = re.compile(
    r"\b(?:met\s+(?:vriendelijke|hartelijke)\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|hoogachtend|"
    r"hartelijke\s+groet(?:en)?)\b",
    re.IGNORECASE,
)


def looks_like_letter(text: str) -> bool:
    """True when the text opens with a salutation ("Geachte", "Beste") or closes with a greeting."""
    return bool(_SALUTATION.search(text[:2000]) or _SIGN_OFF.search(text))


# A salutation or sign-off "sentence" longer than this is real content that happens to start that way.
_FRAMING_WORDS = 8


def letter_framing(sentences: Sequence[Sentence]) -> set[int]:
    """Indexes of a letter's framing: the salutation ("Geachte heer Jansen,") and the sign-off ("Met vriendelijke
    groet,") with the short lines after it (name, function, organisation). They are not text the reader has to
    work through, and as short "sentences" they would make a hard letter look easy."""
    framing: set[int] = set()
    if sentences and len(sentences[0].words) <= _FRAMING_WORDS and _SALUTATION.match(sentences[0].text):
        framing.add(0)
    for index, sentence in enumerate(sentences):
        if index not in framing and len(sentence.words) <= _FRAMING_WORDS and _SIGN_OFF.search(sentence.text):
            framing.update(
                later for later in range(index, len(sentences)) if len(sentences[later].words) <= _FRAMING_WORDS
            )
            break
    return framing


_PHONE = re.compile(
    r"(?<!\d)(?:(?:\+|00)31[\s-]?(?:\(0\))?[\s-]?\d(?:[\s-]?\d){8}"  # +31 6 12345678
    r"|0\d(?:[\s-]?\d){8}"  # 020 123 45 67, 06-12345678
    r"|0[89]00[\s-]?\d{2,3}[\s-]?\d{2,4}"  # 0800 1234, 0900-123 45 67
    r"|14[\s-]?0\d{2,3})(?!\d)"  # municipalities: 14 020
)
_NAME = r"(?:[A-Z][a-zé]+|[A-Z]\.)(?:\s+(?:van|de|der|den|ter|ten|het|la|le|[A-Z]\.|[A-Z][a-zé]+)){1,4}"
_CONTACT_PERSON = re.compile(
    rf"contactpersoon|mijn\s+naam\s+is|\b(?:mevrouw|meneer|de\s+heer|mw\.|dhr\.)\s+[A-Z]"
    rf"|(?:contact\s+op\s+met|bellen\s+met|mailen\s+met|vraag\s+naar|bel\s+met|spreek\s+met)\s+{_NAME}"
    r"|\bbehandelaar\b|\bconsulent\s+[A-Z]",
)
_SIGNED_NAME = re.compile(rf"^[ \t]*{_NAME}[ \t]*$", re.MULTILINE)
_NOT_A_NAME = re.compile(
    r"\b(?:team|afdeling|gemeente|directie|college|namens|bureau|provincie|\w*dienst|\w*instituut|\w*bank|\w*kantoor)\b",
    re.IGNORECASE,
)

_ACTION = re.compile(
    r"\b(?:u\s+moet|moet\s+u|wilt\s+u|u\s+kunt|kunt\s+u|je\s+moet|moet\s+je|wil\s+je|je\s+kunt|kun\s+je|"
    r"stuur|vul|betaal|bel|mail|log\s+in|neem\s+contact|wat\s+moet\s+u\s+doen|wat\s+kunt\s+u\s+doen|"
    r"wat\s+moet\s+je\s+doen|u\s+hoeft\s+niets|je\s+hoeft\s+niets|hoeft\s+u\s+niets|hoef\s+je\s+niets|"
    r"dient\s+u|u\s+dient|gelieve|verzoeken\s+wij\s+u|wij\s+vragen\s+u|vragen\s+wij\s+u|graag\s+ontvangen\s+wij)\b",
    re.IGNORECASE,
)
_NOTHING_TO_DO = re.compile(r"\b(?:u|je)\s+hoef\w*\s+niets|\bhoef\w*\s+(?:u|je)\s+niets", re.IGNORECASE)
_REASON = re.compile(
    r"\b(?:omdat|want|daarom|op\s+grond\s+van|volgens\s+(?:de|artikel)|artikel|wet|regels?|de\s+reden|waarom|"
    r"vanwege|doordat|daardoor|hierdoor|dit\s+betekent)\b",
    re.IGNORECASE,
)
_DECISION = re.compile(
    r"\b(?:besluit|beschikking|beslissing|wij\s+hebben\s+besloten|we\s+hebben\s+besloten|toegekend|afgewezen|"
    r"ingetrokken|herzien|teruggevorderd|stopgezet|geweigerd|afwijzing|intrekking)\b",
    re.IGNORECASE,
)
_OBJECTION = re.compile(r"\bbezwaar|\bberoep\s+(?:in)?stellen|\bniet\s+eens\s+met", re.IGNORECASE)
_DATA = re.compile(
    r"\b(?:persoonsgegevens|gegevens|burgerservicenummer|bsn|bankrekeningnummer|iban|loonstroken?|"
    r"bankafschrift(?:en)?|identiteitsbewijs|kopie\s+van\s+uw|medische|inkomensgegevens)\b",
    re.IGNORECASE,
)
_DATA_USE = re.compile(
    r"\bprivacy|\bavg\b|algemene\s+verordening\s+gegevensbescherming|"
    r"gegevens\w*\b[^.!?\n]{0,80}\b(?:gebruik|bewar|verwerk|del|vernietig|opslaan|beschermen)\w*|"
    r"\b(?:gebruik|bewar|verwerk|del|vernietig|beschermen)\w*\b[^.!?\n]{0,60}\bgegevens",
    re.IGNORECASE,
)


def letter_elements(context: RuleContext) -> Iterator[Finding]:
    """For letters only: flag what the reader misses (contact person, phone, action, deadline, reason,
    objection route after a decision, use of personal data)."""
    if not context.is_letter:
        return
    text = context.text
    if not _has_contact_person(text):
        yield finding(
            context,
            "brief-contactpersoon",
            message="De brief noemt geen persoon die de lezer kan aanspreken.",
            suggestion="Noem een contactpersoon met naam, bijvoorbeeld 'Hebt u vragen? Bel Anna de Vries, "
            "telefoon 020 123 45 67.'",
        )
    if not _PHONE.search(text):
        yield finding(
            context,
            "brief-telefoon",
            message="De brief noemt geen telefoonnummer.",
            suggestion="Zet een telefoonnummer in de brief en zeg wanneer iemand bereikbaar is; noem ook andere "
            "kanalen (chat, e-mail, balie).",
        )
    if not _ACTION.search(text):
        yield finding(
            context,
            "brief-actie",
            message="Het is niet duidelijk wat de lezer moet doen.",
            suggestion="Zet in een kopje 'Wat moet u doen?' welke stap de lezer zet, of schrijf 'U hoeft niets "
            "te doen.'",
        )
    elif not _NOTHING_TO_DO.search(text) and not has_concrete_time(text):
        yield finding(
            context,
            "brief-termijn",
            message="De brief vraagt iets van de lezer, maar noemt geen datum of termijn.",
            suggestion="Zeg tot wanneer, bijvoorbeeld 'Stuur het formulier vóór 1 april terug.'",
        )
    if not _REASON.search(text):
        yield finding(
            context,
            "brief-reden",
            message="De brief legt niet uit waarom (geen reden of wettelijke basis).",
            suggestion="Leg uit waarom: 'Wij doen dit omdat …' of 'Dit staat in artikel … van de …wet.'",
        )
    if _DECISION.search(text) and not _OBJECTION.search(text):
        yield finding(
            context,
            "brief-bezwaar",
            message="Dit lijkt een besluit, maar de brief zegt niet hoe de lezer bezwaar kan maken.",
            suggestion="Leg uit hoe en tot wanneer de lezer bezwaar kan maken, bijvoorbeeld 'Bent u het niet "
            "eens met dit besluit? Dan kunt u binnen 6 weken bezwaar maken.'",
        )
    if _DATA.search(text) and not _DATA_USE.search(text):
        yield finding(
            context,
            "brief-gegevens",
            message="De brief vraagt of noemt persoonsgegevens, maar zegt niet wat ermee gebeurt.",
            suggestion="Zeg waarvoor u de gegevens gebruikt, hoe lang u ze bewaart en waar de lezer meer leest "
            "over privacy.",
        )


def _has_contact_person(text: str) -> bool:
    if _CONTACT_PERSON.search(text):
        return True
    sign_offs = list(_SIGN_OFF.finditer(text))
    if not sign_offs:
        return False
    sign_off = sign_offs[-1]
    # A signature with a personal name below the greeting counts as a person to turn to.
    tail = text[sign_off.end() : sign_off.end() + 200]
    return any(not _NOT_A_NAME.search(match.group()) for match in _SIGNED_NAME.finditer(tail))
