"""Double negatives: "niet onmogelijk", "geen reden om niet": readers have to work them out."""

from __future__ import annotations

import re
from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from .base import RuleContext, finding

# "niet" + a negated adjective (on-...-lijk/-baar/-ig/-isch). "ont-" words (ontvangen) are not negations.
_NOT_UN = re.compile(
    r"\b(?:niet|nooit|geen)\s+(?:(?:erg|zo|heel|echt|geheel|helemaal|volledig)\s+)?"
    r"(on(?!t|der|s\b)[a-zë]{3,}(?:lijk|lijke|baar|bare|ig|ige|isch|ische|juist|juiste|terecht|bekend|gewoon|"
    r"voldoende|mogelijk))\b",
    re.IGNORECASE,
)
# Two negations in one clause: "geen ... niet", "niemand ... niet", "nooit ... geen", "niet ... zonder".
_TWO = re.compile(
    r"\b(?:geen|niemand|niets|nooit|nergens)\b(?P<gap>(?:\s+[^\s,;:.!?()]+){0,6}?)\s+(?:niet|geen|nooit)\b"
    r"|\bniet\b(?P<gap2>(?:\s+[^\s,;:.!?()]+){0,4}?)\s+zonder\b",
    re.IGNORECASE,
)
# A new clause in between means the two negations are about different things.
_CLAUSE_BREAK = re.compile(r"\b(?:als|omdat|want|maar|dat|en|of|wanneer|tenzij|indien|dan|die|wat)\b", re.IGNORECASE)


def double_negatives(context: RuleContext) -> Iterator[Finding]:
    """Flag 'niet + on-woord' and two negations within one clause."""
    for match in _NOT_UN.finditer(context.text):
        rewrite = _positive(match.group(), match.group(1))
        yield finding(
            context,
            "dubbele-ontkenning",
            start=match.start(),
            end=match.end(),
            message=f"Dubbele ontkenning: '{match.group()}'.",
            suggestion=f"Zeg het positief: '{rewrite}'."
            if rewrite
            else "Zeg het positief, bijvoorbeeld 'het kan' in plaats van 'het is niet onmogelijk'.",
            rewrite=rewrite,
        )
    for match in _TWO.finditer(context.text):
        gap = match.group("gap") or match.group("gap2") or ""
        if _CLAUSE_BREAK.search(gap):
            continue
        yield finding(
            context,
            "dubbele-ontkenning",
            start=match.start(),
            end=match.end(),
            message=f"Twee ontkenningen in één zin: '{match.group()}'.",
            suggestion="Schrijf het positief; één ontkenning per zin is het maximum.",
        )


# "niet onmogelijk" -> "mogelijk", "geen onbelangrijke" -> "een belangrijke", "nooit onmogelijk" -> "altijd mogelijk".
_POSITIVE_OF = {"niet": "", "geen": "een", "nooit": "altijd"}


def _positive(found: str, negated: str) -> str:
    """The positive phrase for 'niet + on-woord' when nothing stands in between ("niet zo onlogisch" is left);
    empty when the word without 'on-' is not a Dutch word."""
    import simplemma

    words = found.split()
    if len(words) != 2:
        return ""
    positive = negated[2:]
    if not simplemma.is_known(positive.lower(), lang="nl"):
        return ""
    first = _POSITIVE_OF[words[0].lower()]
    if words[0][0].isupper():
        return (first.capitalize() + " " + positive) if first else positive.capitalize()
    return f"{first} {positive}".strip()
