"""How the text addresses its reader: one form (u or je), and personally (not 'men', not without 'u')."""

from __future__ import annotations

from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from .base import RuleContext, finding, first_per_term

_U = frozenset({"u", "uw", "uzelf"})
_JE = frozenset({"je", "jij", "jou", "jouw", "jezelf", "jullie"})
_WRITER = frozenset({"wij", "we", "ons", "onze", "ik", "mij", "mijn"})
_MAX_MIXED_FINDINGS = 5


def mixed_address(context: RuleContext) -> Iterator[Finding]:
    """Flag the less frequent form of address when a text mixes 'u' and 'je/jij': each word of it once, on its
    first place, saying how often it comes back ('jullie' five times is one finding, 'je' and 'jullie' two)."""
    u_words = [word for word in context.words if word.text.lower() in _U]
    je_words = [word for word in context.words if word.text.lower() in _JE]
    if not u_words or not je_words:
        return
    minority, majority = (je_words, "u") if len(u_words) >= len(je_words) else (u_words, "je")
    found = [
        finding(
            context,
            "aanspreekvorm",
            start=word.start,
            end=word.end,
            message=f"De tekst wisselt tussen 'u' en 'je': hier staat '{word.text}', elders '{majority}'.",
            suggestion=f"Kies één aanspreekvorm en houd die vast: overal '{majority}'.",
        )
        for word in minority
    ]
    yield from first_per_term(found, key=lambda item: item.excerpt.lower())[:_MAX_MIXED_FINDINGS]


def impersonal_style(context: RuleContext) -> Iterator[Finding]:
    """Flag 'men', and a letter that never says 'u'/'je' to its reader."""
    for word in context.words:
        if word.text.lower() == "men":
            yield finding(
                context,
                "onpersoonlijk",
                start=word.start,
                end=word.end,
                message="'men' is onpersoonlijk: de lezer weet niet wie er bedoeld wordt.",
                suggestion="Zeg wie het doet: 'u kunt …' of 'wij …'.",
            )
    if not context.is_letter:
        return
    lowered = {word.text.lower() for word in context.words}
    if not lowered & (_U | _JE):
        yield finding(
            context,
            "onpersoonlijk",
            message="De brief spreekt de lezer nergens aan met 'u' of 'je'.",
            suggestion="Schrijf de lezer direct aan: 'U krijgt …', 'Wilt u …'.",
        )
    if not lowered & _WRITER:
        yield finding(
            context,
            "onpersoonlijk",
            severity="info",
            message="De brief zegt nergens 'wij' of 'ik': de afzender blijft op afstand.",
            suggestion="Schrijf als mens of als organisatie: 'Wij hebben uw aanvraag bekeken.'",
        )
