"""What a reader of a letter needs: who to contact and how, what to do by when, why, how to object,
and what happens with their personal data."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from denkraam.analysis.findings import Finding

from ..letter_types import (
    MAIN_MESSAGE,
    PREAMBLE,
    LetterLayout,
    Paragraph,
    detect_letter_type,
    letter_layout,
    normalise_letter_type,
)
from ..tokens import Sentence, find_phone_numbers
from .base import RuleContext, finding
from .dates import has_concrete_time

_SALUTATION = re.compile(
    r"^[ \t]*(?:geachte|beste|hallo|goedemorgen|goedemiddag|lieve)\b", re.IGNORECASE | re.MULTILINE
)
_SALUTATION_LINE = re.compile(
    r"^[ \t]*(?:geachte|beste|hallo|goedemorgen|goedemiddag|lieve)\b.*$", re.IGNORECASE | re.MULTILINE
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


# A template or a scrubbed letter has a placeholder where the number goes: "[TELEFOON]", "{{ telefoonnummer }}".
_PHONE_PLACEHOLDER = re.compile(r"[\[{<]{1,2}\s*(?:telefoon|telefoonnummer|tel|phone)\s*[\]}>]{1,2}", re.IGNORECASE)


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
    r"wat\s+moet\s+u\s+doen|wat\s+kunt\s+u\s+doen|"
    r"wat\s+moet\s+je\s+doen|u\s+hoeft\s+niets|je\s+hoeft\s+niets|hoeft\s+u\s+niets|hoef\s+je\s+niets|"
    r"dient\s+u|u\s+dient|gelieve|verzoeken\s+wij\s+u|wij\s+vragen\s+u|vragen\s+wij\s+u|graag\s+ontvangen\s+wij)\b",
    re.IGNORECASE,
)
# An imperative stands first in its clause ("Stuur het formulier terug", "Hebt u vragen? Bel ons"); the same
# letters elsewhere are a noun ("in deze mail", "per e-mail") or part of another word.
_IMPERATIVE = re.compile(
    r"(?:^[ \t]*(?:[-•*][ \t]+)?|(?<=[.!?:;,])[ \t]*)(?:dan\s+)?(?P<verb>stuur|vul|betaal|lever|onderteken|upload|"
    r"meld|breng|zet|kom|maak|geef|neem\s+(?!contact)\w+(?:\s+\w+){0,3}\s+mee|bel|mail|log\s+in|"
    r"neem\s+(?:\w+\s+)?contact)\b",
    re.IGNORECASE | re.MULTILINE,
)
# What obliges or asks the reader to act, so that "by when" matters: "u moet", "wilt u", "stuur", a question that
# opens with "Kunt u" (but not "Kunt u niet komen?", a condition). "U kunt bezwaar maken" offers a way, it does
# not ask; "Hebt u vragen? Bel ons" offers help (see `_OFFER`).
_DEMAND = re.compile(
    r"\b(?:u\s+moet|moet\s+u|je\s+moet|moet\s+je|jullie\s+moeten|moeten\s+jullie|"
    r"wilt\s+u(?!\s+meer\b)|wil\s+je(?!\s+meer\b)|"
    r"willen\s+jullie|dient\s+u|u\s+dient|gelieve|verzoeken\s+wij\s+u|wij\s+verzoeken\s+u|u\s+wordt\s+verzocht|"
    r"wordt\s+u\s+verzocht|(?:wij|we)\s+vragen\s+(?:u|je|jullie)|vragen\s+(?:wij|we)\s+(?:u|je|jullie)|"
    r"graag\s+ontvangen\s+(?:wij|we)|ontvangen\s+(?:wij|we)\s+graag|(?:wij|we)\s+ontvangen\s+graag|"
    r"(?:wij|we)\s+verwachten\s+(?:u|je|jullie)|verwachten\s+(?:wij|we)\s+(?:u|je|jullie))\b"
    r"|(?:^|(?<=[.!?:]\s)|(?<=[.!?:]))[ \t]*(?:kunt\s+u|kun\s+je|kunnen\s+jullie)\b(?!(?:\s+\w+){0,3}\s+niet\b)",
    re.IGNORECASE | re.MULTILINE,
)
# "Hebt u vragen? Bel ons": an imperative to get in touch, after a question or help, is an offer, not a task.
_OFFER = re.compile(
    r"\b(?:vragen|vraag|hulp|helpen|meer\s+(?:weten|informatie)|informatie|advies|lukt\s+(?:het|dit|dat)\s+niet|"
    r"niet\s+eens|als\s+u\s+wilt|wilt\s+u\s+meer)\b",
    re.IGNORECASE,
)
_CONTACT_VERBS = frozenset({"bel", "mail"})
# What makes getting in touch a task: a purpose, or something to send ("Mail ons een foto", "Mail uw bewijs").
_CONTACT_PURPOSE = re.compile(
    r"\bom\b[^.!?\n]{0,80}\bte\b|\bafspraak|\b(?:door\s*te\s+geven|af\s*te\s+melden|aan\s*te\s+melden)\b",
    re.IGNORECASE,
)
_MAIL_SOMETHING = re.compile(r"mail\s+(?:ons\s+)?(?:een|uw|je|het)\b", re.IGNORECASE)
_NOTHING_TO_DO = re.compile(r"\b(?:u|je)\s+hoef\w*\s+niets|\bhoef\w*\s+(?:u|je)\s+niets", re.IGNORECASE)
# A purpose is a reason too: "zodat wij uw aanvraag kunnen beoordelen", "teneinde ...", "die hebben wij nodig om ...".
_REASON = re.compile(
    r"\b(?:omdat|want|daarom|zodat|teneinde|opdat|nodig\s+om|op\s+grond\s+van|volgens\s+(?:de|artikel)|"
    r"artikel|wet|regels?|de\s+reden|waarom|"
    r"vanwege|doordat|daardoor|hierdoor|dit\s+betekent)\b",
    re.IGNORECASE,
)
_DECISION = re.compile(
    r"\b(?:besluit|beschikking|beslissing|wij\s+hebben\s+besloten|we\s+hebben\s+besloten|toegekend|afgewezen|"
    r"ingetrokken|herzien|teruggevorderd|stopgezet|geweigerd|afwijzing|intrekking)\b",
    re.IGNORECASE,
)
# "bezwaar maken" in a sentence that can take the term before it: "Dan kunt u bezwaar maken."
_OBJECT_VERB = re.compile(r"\bbezwaar\s+(?:maken|indienen|aantekenen)\b", re.IGNORECASE)
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


def letter_type_of(context: RuleContext) -> str:
    """The kind of letter: the one the writer named (`context.letter_type`), else the one its words suggest."""
    cached = context._cache.get("letter_type")
    if isinstance(cached, str):
        return cached
    kind = normalise_letter_type(context.letter_type) if context.letter_type else detect_letter_type(context.text)
    context._cache["letter_type"] = kind
    return kind


def layout_of(context: RuleContext) -> LetterLayout:
    """The letter's paragraphs between salutation and sign-off (computed once per check)."""
    cached = context._cache.get("letter_layout")
    if isinstance(cached, LetterLayout):
        return cached
    layout = letter_layout(context.text)
    context._cache["letter_layout"] = layout
    return layout


# Kinds of letter that ask the reader to do something by a date: a missing date is a warning, not a note.
_DEADLINE_KINDS = {"aanvraag-onvolledig", "herinnering", "uitnodiging"}


def letter_elements(context: RuleContext) -> Iterator[Finding]:
    """For letters only: flag what the reader misses (contact person, phone, action, deadline, reason,
    objection route after a decision, use of personal data), as far as the kind of letter calls for it: a deadline
    only when the letter asks the reader to do something, a reason only when it decides or asks something, a named
    contact person not in an automatic message. Where a missing part belongs in the letter, the finding points at
    the paragraph after which (or the sentence in which) it should come."""
    if not context.is_letter:
        return
    text = context.text
    kind = letter_type_of(context)
    layout = layout_of(context)
    automatic = kind == "statusbericht"
    # Who to turn to and how belongs at the end: in the paragraph with "Hebt u vragen?" when there is one, else
    # just above the greeting (or after the last paragraph of a letter without one).
    closing = _closing(text, layout)
    sign_off = None if closing else _SIGN_OFF.search(text, layout.body[-1].end if layout.body else 0)
    if closing is not None:
        where, near_end = "in deze alinea", (closing.content_start, closing.end)
    elif sign_off is not None:
        where, near_end = "boven de groet", sign_off.span()
    else:
        where, near_end = "na deze alinea", _span(context, _last(layout))
    if not automatic and not has_contact_person(text):
        yield finding(
            context,
            "brief-contactpersoon",
            start=near_end[0],
            end=near_end[1],
            message="De brief noemt geen persoon die de lezer kan aanspreken.",
            suggestion=f"Noem {where} een contactpersoon met naam, bijvoorbeeld 'Hebt u vragen? Bel Anna de Vries, "
            "telefoon 020 123 45 67.'",
        )
    if not find_phone_numbers(text) and not _PHONE_PLACEHOLDER.search(text):
        yield finding(
            context,
            "brief-telefoon",
            start=near_end[0],
            end=near_end[1],
            message="De brief noemt geen telefoonnummer.",
            suggestion=f"Zet {where} een telefoonnummer en zeg wanneer iemand bereikbaar is; noem ook andere "
            "kanalen (chat, e-mail, balie).",
        )
    demand = first_demand(context)
    if demand is None and not _ACTION.search(text) and not _IMPERATIVE.search(text):
        start, end = _span(context, _first(layout))
        yield finding(
            context,
            "brief-actie",
            start=start,
            end=end,
            severity="info" if automatic else None,
            message="Het bericht zegt niet of de lezer iets moet doen."
            if automatic
            else "Het is niet duidelijk wat de lezer moet doen.",
            suggestion="Zet na deze alinea 'U hoeft niets te doen.', of wat de lezer wel moet doen."
            if automatic
            else "Zet na deze alinea een kopje 'Wat moet u doen?' met de stap die de lezer zet, of schrijf "
            "'U hoeft niets te doen.'",
        )
    elif demand is not None and not _NOTHING_TO_DO.search(text) and not has_concrete_time(text):
        start, end = _span(context, _containing(layout, demand) or _first(layout), sentence=f"at:{demand}")
        invitation = kind == "uitnodiging"
        yield finding(
            context,
            "brief-termijn",
            start=start,
            end=end,
            severity="waarschuwing" if kind in _DEADLINE_KINDS else None,
            message="De uitnodiging noemt geen datum en tijd."
            if invitation
            else "De brief vraagt iets van de lezer, maar noemt geen datum of termijn.",
            suggestion="Zet in deze alinea wanneer en waar, bijvoorbeeld 'Wij verwachten u op dinsdag 3 juni om "
            "10.00 uur in het stadhuis.'"
            if invitation
            else "Zeg in deze alinea tot wanneer, bijvoorbeeld 'Stuur het formulier vóór 1 april terug.'",
        )
    decision = _DECISION.search(text)
    # Why matters for what the letter decides or asks of the reader; a status update or a notice needs no ground.
    grounded_on = decision.start() if decision else demand
    if (kind == "besluit" or grounded_on is not None) and not _REASON.search(text):
        at = grounded_on if grounded_on is not None else _first_offset(layout)
        start, end = _span(context, _containing(layout, at) or _first(layout), sentence=f"at:{at}")
        yield finding(
            context,
            "brief-reden",
            start=start,
            end=end,
            message="De brief legt niet uit waarom (geen reden of wettelijke basis)."
            if kind == "besluit" or decision
            else "De brief vraagt iets van de lezer, maar zegt niet waarom.",
            suggestion="Zet na deze zin waarom: 'Wij doen dit omdat …' of 'Dit staat in artikel … van de …wet.'",
        )
    if (kind == "besluit" or decision) and not _OBJECTION.search(text):
        start, end = _span(context, _before_closing(text, layout))
        yield finding(
            context,
            "brief-bezwaar",
            start=start,
            end=end,
            message="Dit lijkt een besluit, maar de brief zegt niet hoe de lezer bezwaar kan maken.",
            suggestion="Zet na deze alinea een kopje 'Bent u het niet eens met dit besluit?' en leg uit hoe en "
            "tot wanneer de lezer bezwaar kan maken: 'Dan kunt u binnen 6 weken bezwaar maken.'",
        )
    elif (kind == "besluit" or decision) and (untimed := _objection_without_term(context, layout)) is not None:
        # The term for an objection is six weeks by law (Awb art. 6:7), so the sentence can say it as it stands.
        said = text[untimed[0] : untimed[1]]
        timed = _OBJECT_VERB.sub(lambda match: f"binnen 6 weken {match.group()}", said, count=1)
        yield finding(
            context,
            "brief-bezwaar",
            start=untimed[0],
            end=untimed[1],
            severity="waarschuwing",
            message="De brief zegt dat de lezer bezwaar kan maken, maar niet binnen welke termijn.",
            suggestion="Zet in deze alinea tot wanneer: 'Dan kunt u binnen 6 weken na de datum van deze brief "
            "bezwaar maken.'",
            rewrite=timed if timed != said else "",
            why="Wie de termijn niet kent, kan zijn recht op bezwaar verliezen door te wachten; de termijn is bij "
            "wet 6 weken (Algemene wet bestuursrecht, artikel 6:7)."
            if timed != said
            else "",
        )
    asked = _data_request(context)
    if asked is not None and not _DATA_USE.search(text):
        start, end = asked
        yield finding(
            context,
            "brief-gegevens",
            start=start,
            end=end,
            message="De brief vraagt persoonsgegevens, maar zegt niet wat ermee gebeurt.",
            suggestion="Zeg na deze zin waarvoor u de gegevens gebruikt, hoe lang u ze bewaart en waar de lezer "
            "meer leest over privacy.",
        )


def _objection_without_term(context: RuleContext, layout: LetterLayout) -> tuple[int, int] | None:
    """The sentence about objecting when neither its paragraph nor the next one says by when. A decision must say
    how and within what term the reader can object (Awb art. 3:45; the term is six weeks, art. 6:7): without the
    term the reader does not know he can lose his right by waiting."""
    content = layout.content
    first: tuple[int, int] | None = None
    for match in _OBJECTION.finditer(context.text):
        paragraph = _containing(layout, match.start())
        if paragraph is None:
            continue
        index = content.index(paragraph)
        after = content[index + 1] if index + 1 < len(content) else paragraph
        if has_concrete_time(context.text[paragraph.start : after.end]):
            return None
        if first is None:
            # Under a heading "Bezwaar", point at the text below it, where the term goes.
            offset = max(match.start(), paragraph.content_start)
            sentence = context.sentence_at(offset) if paragraph.has_content else None
            first = (sentence.start, sentence.end) if sentence else (paragraph.start, paragraph.end)
    return first


def first_demand(context: RuleContext) -> int | None:
    """Where the letter first asks its reader to do something (an offset), or None when it asks nothing:
    "Wilt u … sturen?", "Stuur …", "U moet …". A question answered by "Dan …" is a condition ("Wilt u bezwaar
    maken? Dan …"), and "Hebt u vragen? Bel ons" is an offer of help; neither asks the reader to act."""
    cached = context._cache.get("first_demand", False)
    if cached is not False:
        return cached if isinstance(cached, int) else None
    text = context.text
    places = [match.start() + len(match.group()) - len(match.group().lstrip()) for match in _DEMAND.finditer(text)]
    for match in _IMPERATIVE.finditer(text):
        verb = match.group("verb").lower()
        if (verb in _CONTACT_VERBS or "contact" in verb) and not _contact_task(context, match.start("verb")):
            continue
        places.append(match.start("verb"))
    if letter_type_of(context) in _DEADLINE_KINDS:
        # A letter that by its kind asks something (missing documents, a payment, an appointment) often asks
        # politely: "U kunt de stukken sturen naar …" is then the request, unless it offers help with questions.
        places += [
            match.start()
            for match in _YOU_CAN.finditer(text)
            if not _offered(context, match.start()) and not _OBJECTION.search(text, match.start(), match.start() + 80)
        ]
    found = next((place for place in sorted(places) if not _is_condition(context, place)), None)
    context._cache["first_demand"] = found
    return found


_YOU_CAN = re.compile(r"\b(?:u\s+kunt|kunt\s+u|je\s+kunt|kun\s+je)\b(?!(?:\s+\w+){0,3}\s+niet\b)", re.IGNORECASE)


def _offered(context: RuleContext, offset: int) -> bool:
    index = context.sentence_index_at(offset)
    return index >= 0 and any(_OFFER.search(item.text) for item in context.sentences[max(index - 1, 0) : index + 1])


def _is_condition(context: RuleContext, offset: int) -> bool:
    index = context.sentence_index_at(offset)
    if index < 0 or index + 1 >= len(context.sentences):
        return False
    question = context.sentences[index].text.rstrip().endswith("?")
    return question and context.sentences[index + 1].text.lstrip().lower().startswith("dan ")


def _contact_task(context: RuleContext, offset: int) -> bool:
    """True when "Bel …", "Mail …" or "Neem contact op" is a task: it says what for ("om een afspraak te maken",
    "Mail ons een foto") and follows no question or offer of help. "Bel Kees Dam op 010 123 45 67." only says how
    to reach someone."""
    index = context.sentence_index_at(offset)
    if index < 0:
        return False
    sentence = context.sentences[index]
    if _offered(context, offset):
        return False
    if _MAIL_SOMETHING.match(context.text, offset):
        return True
    return _CONTACT_PURPOSE.search(context.text, offset, sentence.end) is not None


# Asking the reader for data: the data named in a sentence that asks for it, or says it is missing or needed.
_DATA_ASKED = re.compile(
    r"\b(?:nodig|missen|ontbre\w*|gevraagd\w*|verstrek\w*|opsturen|sturen|meesturen|meenemen|invullen|opgeven|"
    r"doorgeven|inleveren|uploaden|aanleveren|indienen|toesturen)\b",
    re.IGNORECASE,
)


def _data_request(context: RuleContext) -> tuple[int, int] | None:
    """The sentence (start, end) in which the letter asks the reader for personal data, or None. Data the letter
    only names ("Gegevens van uw melding: nummer, datum") is asked of nobody."""
    for match in _DATA.finditer(context.text):
        sentence = context.sentence_at(match.start())
        if sentence is None:
            continue
        asks = _DEMAND.search(sentence.text) or _IMPERATIVE.search(sentence.text) or _DATA_ASKED.search(sentence.text)
        if asks:
            return sentence.start, sentence.end
    return None


_CONSEQUENCE: dict[str, re.Pattern[str]] = {
    "herinnering": re.compile(
        r"\b(?:als\s+u\s+(?:\w+\s+){0,4}niet|betaalt\s+u\s+(?:\w+\s+){0,4}niet|doet\s+u\s+dat\s+niet|"
        r"zo\s+niet|anders|gevolg\w*|dit\s+betekent|extra\s+kosten|aanmaningskosten|kosten\s+(?:stijgen|komen)|"
        r"incasso\w*|deurwaarder|dwangbevel|verhoging|rente|wat\s+gebeurt\s+er)\b",
        re.IGNORECASE,
    ),
    "aanvraag-onvolledig": re.compile(
        r"\b(?:als\s+(?:wij|we)\s+(?:\w+\s+){0,4}niet|hebben\s+(?:wij|we)\s+(?:\w+\s+){0,5}niet|"
        r"als\s+u\s+(?:\w+\s+){0,4}niet|stuurt\s+u\s+(?:\w+\s+){0,4}niet|buiten\s+behandeling|"
        r"(?:niet|nog\s+niet)\s+(?:behandelen|beoordelen|beslissen)|zo\s+niet|anders|gevolg\w*|"
        r"wat\s+gebeurt\s+er)\b",
        re.IGNORECASE,
    ),
    "uitnodiging": re.compile(
        r"\b(?:kunt\s+u\s+(?:\w+\s+){0,4}niet|verhinderd|past\s+(?:\w+\s+){0,3}niet|afmelden|afzeggen|"
        r"verzetten|(?:andere|nieuwe)\s+afspraak|niet\s+komen)\b",
        re.IGNORECASE,
    ),
}
_CONSEQUENCE_ADVICE: dict[str, tuple[str, str]] = {
    "herinnering": (
        "De brief zegt niet wat er gebeurt als de lezer niet op tijd betaalt of reageert.",
        "Zet na deze alinea wat er dan gebeurt, rustig en concreet: 'Betaalt u niet vóór 1 mei? Dan sturen wij "
        "u een aanmaning. Daar komen € 15 kosten bij.'",
    ),
    "aanvraag-onvolledig": (
        "De brief zegt niet wat er gebeurt als de lezer de gegevens niet op tijd stuurt.",
        "Zet na deze alinea wat er dan gebeurt: 'Hebben wij de stukken niet vóór 1 mei? Dan kunnen wij uw "
        "aanvraag niet behandelen.'",
    ),
    "uitnodiging": (
        "De uitnodiging zegt niet wat de lezer doet als hij niet kan komen.",
        "Zet na deze alinea: 'Kunt u niet op deze dag? Bel ons dan, dan maken we een nieuwe afspraak.'",
    ),
}
_HELP_GENERAL = re.compile(
    r"\b(?:(?:wij|we|ik)\s+(?:\w+\s+){0,2}helpen|helpen\s+(?:wij|we|ik)|hulp|ondersteuning|advies|"
    r"lukt\s+(?:het|dit|dat)\s+niet|hebt\s+u\s+(?:nog\s+)?vragen|heeft\s+u\s+(?:nog\s+)?vragen|"
    r"vragen\s+over|neem\s+(?:dan\s+)?(?:gerust\s+)?contact|bel\s+(?:ons|gerust|dan)|"
    r"betalingsregeling|in\s+termijnen|uitstel|schuldhulp\w*)\b",
    re.IGNORECASE,
)
# A reminder must offer help with paying, not only a phone number for questions.
_HELP_PAYING = re.compile(
    r"\b(?:betalingsregeling|regeling|in\s+termijnen|in\s+delen|uitstel|schuldhulp\w*|geldzorgen|"
    r"lukt\s+(?:het|dit|dat)\s+niet|(?:kunt|kan)\s+u\s+(?:\w+\s+){0,3}niet\s+(?:\w+\s+){0,3}betalen|"
    r"moeite\s+met\s+betalen|(?:wij|we)\s+(?:\w+\s+){0,2}helpen|hulp\s+bij)\b",
    re.IGNORECASE,
)
_HELP_KINDS = {"herinnering", "aanvraag-onvolledig", "besluit"}
_HEADINGS_FROM_WORDS = 400
_NAMES = {
    "besluit": "het besluit",
    "aanvraag-onvolledig": "wat er ontbreekt",
    "herinnering": "waar de brief aan herinnert",
    "uitnodiging": "de uitnodiging",
    "statusbericht": "de stand van zaken",
}


def letter_structure(context: RuleContext) -> Iterator[Finding]:
    """For letters only, the checklist of the letter's kind: main message first, the consequence when the reader
    does not act, the help on offer, and headings in a long letter. Each finding points at the paragraph where
    the missing part belongs and says what to put there."""
    if not context.is_letter:
        return
    text = context.text
    kind = letter_type_of(context)
    layout = layout_of(context)
    content = layout.content
    if not content:
        return
    first = content[0]
    main = MAIN_MESSAGE.get(kind)
    first_text = text[first.content_start : first.end]
    # An information letter opens with any kind's message; a status word ("ontvangen") is no message of its own.
    others = (pattern for other, pattern in MAIN_MESSAGE.items() if other != "statusbericht")
    has_main = main.search(first_text) if main else any(pattern.search(first_text) for pattern in others)
    if not has_main and PREAMBLE.match(first_text) and _sentences_in(context, first) == 1:
        yield finding(
            context,
            "brief-hoofdboodschap",
            start=first.content_start,
            end=first.end,
            message="De brief begint met de aanleiding, niet met de boodschap.",
            suggestion="Begin met waar het om gaat (wat u hebt besloten, wat u van de lezer vraagt of wat er "
            "verandert). Noem de aanleiding daarna, of laat haar weg.",
        )
    elif not has_main and main is not None:
        later = next((p for p in content[1:] if main.search(text, p.content_start, p.end)), None)
        where = f"pas in alinea {content.index(later) + 1}" if later is not None else "niet in de eerste alinea"
        example = _first_sentence_matching(context, later, main) if later is not None else ""
        yield finding(
            context,
            "brief-hoofdboodschap",
            start=first.content_start,
            end=first.end,
            message=f"De hoofdboodschap staat niet bovenaan: {_NAMES[kind]} staat {where}.",
            suggestion=f"Begin de brief met {_NAMES[kind]}"
            + (f", bijvoorbeeld: '{example}'" if example else "")
            + ". Zet de uitleg daarna.",
        )
    asked = first_demand(context)
    if asked is None and (action := _ACTION.search(text) or _IMPERATIVE.search(text)):
        asked = action.start()
    anchor = _containing(layout, asked) if asked is not None else None
    after = _span(context, anchor or first)
    consequence = _CONSEQUENCE.get(kind)
    if consequence is not None and not consequence.search(text):
        message, suggestion = _CONSEQUENCE_ADVICE[kind]
        yield finding(context, "brief-gevolg", start=after[0], end=after[1], message=message, suggestion=suggestion)
    helper = _HELP_PAYING if kind == "herinnering" else _HELP_GENERAL
    if kind in _HELP_KINDS and not helper.search(text):
        yield finding(
            context,
            "brief-hulp",
            start=after[0],
            end=after[1],
            message="De brief biedt geen hulp aan bij betalen."
            if kind == "herinnering"
            else "De brief zegt niet waar de lezer hulp kan krijgen.",
            suggestion="Zet na deze alinea hoe u helpt: 'Lukt het niet om het hele bedrag te betalen? Bel ons, "
            "dan maken we samen een betalingsregeling.'"
            if kind == "herinnering"
            else "Zet na deze alinea hoe u helpt: 'Lukt het niet of hebt u vragen? Bel ons, wij helpen u graag.'",
        )
    words = sum(len(text[p.start : p.end].split()) for p in layout.body)
    if words > _HEADINGS_FROM_WORDS and not layout.headings and len(content) > 1:
        above = _span(context, content[1], sentence="first")
        yield finding(
            context,
            "brief-kopjes",
            start=above[0],
            end=above[1],
            message=f"De brief is lang ({words} woorden) en heeft geen kopjes.",
            suggestion="Zet boven deze alinea en boven elk nieuw onderwerp een kopje dat zegt waar het over gaat, "
            "bijvoorbeeld 'Wat moet u doen?' of 'Bent u het niet eens met dit besluit?'.",
        )


def _sentences_in(context: RuleContext, paragraph: Paragraph) -> int:
    return sum(1 for s in context.sentences if paragraph.content_start <= s.start < paragraph.end)


def _first_sentence_matching(context: RuleContext, paragraph: Paragraph | None, pattern: re.Pattern[str]) -> str:
    if paragraph is None:
        return ""
    for sentence in context.sentences:
        if paragraph.content_start <= sentence.start < paragraph.end and pattern.search(sentence.text):
            return sentence.text.strip() if len(sentence.text) <= 160 else ""
    return ""


def _first(layout: LetterLayout) -> Paragraph | None:
    content = layout.content
    return content[0] if content else None


def _first_offset(layout: LetterLayout) -> int:
    first = _first(layout)
    return first.content_start if first else 0


def _containing(layout: LetterLayout, offset: int) -> Paragraph | None:
    return next((p for p in layout.content if p.start <= offset < p.end), None)


_CLOSING = re.compile(r"\b(?:vragen|bel\b|bellen|contact|bereikbaar|telefo\w*|e-?mail|mail\b|website)", re.IGNORECASE)


def _last(layout: LetterLayout) -> Paragraph | None:
    content = layout.content
    return content[-1] if content else None


def _closing(text: str, layout: LetterLayout) -> Paragraph | None:
    """The closing paragraph about questions and contact ("Hebt u vragen? Kijk op onze website."), if the letter
    has one after its first paragraph."""
    content = layout.content
    if len(content) > 1 and _CLOSING.search(text, content[-1].start, content[-1].end):
        return content[-1]
    return None


def _before_closing(text: str, layout: LetterLayout) -> Paragraph | None:
    """The last paragraph before the closing ones ("Hebt u vragen? Bel ..."): where a missing part goes."""
    content = list(layout.content)
    while len(content) > 1 and _CLOSING.search(text, content[-1].start, content[-1].end):
        content.pop()
    return content[-1] if content else None


def _span(context: RuleContext, paragraph: Paragraph | None, *, sentence: str = "last") -> tuple[int, int]:
    """Where a finding about a missing part points: the last sentence of the paragraph after which it belongs
    (`sentence="last"`), the first sentence of the paragraph above which it belongs ("first"), or the sentence
    at an offset (`sentence="at:<offset>"`). 0/0 when the letter has no body to point at."""
    if paragraph is None:
        return 0, 0
    inside = [s for s in context.sentences if paragraph.content_start <= s.start < paragraph.end]
    if sentence.startswith("at:"):
        offset = int(sentence[3:])
        inside = [s for s in inside if s.start <= offset < s.end] or inside
        sentence = "first"
    if not inside:
        return paragraph.content_start, paragraph.end
    chosen = inside[0] if sentence == "first" else inside[-1]
    return chosen.start, min(chosen.end, paragraph.end)


def has_contact_person(text: str) -> bool:
    """True when the letter names a person the reader can turn to (in the text or signed under the greeting)."""
    # The address block and "Geachte mevrouw Lont," name the reader, not someone to turn to.
    salutation = _SALUTATION_LINE.search(text[:2000])
    if _CONTACT_PERSON.search(text, salutation.end() if salutation else 0):
        return True
    sign_offs = list(_SIGN_OFF.finditer(text))
    if not sign_offs:
        return False
    sign_off = sign_offs[-1]
    # A signature with a personal name below the greeting counts as a person to turn to.
    tail = text[sign_off.end() : sign_off.end() + 200]
    return any(not _NOT_A_NAME.search(match.group()) for match in _SIGNED_NAME.finditer(tail))
