"""Seeded synthetic test data for the feedback benchmark: comments with known personal data, and tricky ones without.

Every BSN passes the 11-proef and every IBAN the mod-97 check, so a miss is the scrubber's fault, not the data's.
Names come from `data/feedback/synthetic_names.yaml` (written for this benchmark, deliberately mixed in origin).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

_DATA = yaml.safe_load(
    (Path(__file__).parent / "data" / "feedback" / "synthetic_names.yaml").read_text(encoding="utf-8")
)

FIRST_NAMES: list[str] = _DATA["first_names"]
SURNAMES: list[str] = _DATA["surnames"]
STREETS: list[str] = _DATA["streets"]
TITLES = ("mevrouw", "meneer", "dhr.", "mw.", "de heer")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ")


@dataclass(frozen=True, slots=True)
class Labelled:
    """A comment and where its personal data is: (type, start, end) spans."""

    text: str
    spans: tuple[tuple[str, int, int], ...]


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[str, int, int]] = []
        self.length = 0

    def text(self, value: str) -> _Builder:
        self.parts.append(value)
        self.length += len(value)
        return self

    def pii(self, kind: str, value: str) -> _Builder:
        self.spans.append((kind, self.length, self.length + len(value)))
        return self.text(value)

    def build(self) -> Labelled:
        return Labelled("".join(self.parts), tuple(self.spans))


def make_bsn(rng: random.Random) -> str:
    """A random nine-digit number that passes the 11-proef."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def make_iban(rng: random.Random) -> str:
    """A random Dutch IBAN with correct check digits."""
    bban = rng.choice(BANKS) + "".join(str(rng.randint(0, 9)) for _ in range(10))
    numeric = "".join(str(int(ch, 36)) for ch in bban + "NL00")
    check = 98 - int(numeric) % 97
    return f"NL{check:02d}{bban}"


def _group(value: str, size: int) -> str:
    return " ".join(value[i : i + size] for i in range(0, len(value), size))


def _formats(rng: random.Random, kind: str) -> str:
    if kind == "BSN":
        bsn = make_bsn(rng)
        return rng.choice([bsn, f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}", f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}"])
    if kind == "IBAN":
        iban = make_iban(rng)
        return rng.choice([iban, _group(iban, 4), iban.lower()])
    if kind == "TELEFOON":
        mobile = "6" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        land = rng.choice(["20", "10", "30", "70", "40", "50", "294", "318"])
        rest = "".join(str(rng.randint(0, 9)) for _ in range(9 - len(land)))
        return rng.choice(
            [
                f"0{mobile}",
                f"0{mobile[0]}-{mobile[1:]}",
                f"0{mobile[0]} {_group(mobile[1:], 2)}",
                f"+31 {mobile[0]} {mobile[1:]}",
                f"+31{mobile}",
                f"0{land}-{rest}",
                f"0{land} {rest}",
                f"(0{land}) {rest}",
                f"0031 {land} {rest}",
            ]
        )
    if kind == "EMAIL":
        first, last = rng.choice(FIRST_NAMES).lower(), rng.choice(SURNAMES).lower().replace(" ", "")
        domain = rng.choice(["example.nl", "mail.example.com", "provider.example.org", "hotmail.example"])
        return rng.choice([f"{first}.{last}@{domain}", f"{first}{rng.randint(1, 99)}@{domain}", f"{last}@{domain}"])
    if kind == "POSTCODE":
        letters = rng.choice([a + b for a in "ABCDEFGHJKLMNPRTVWXZ" for b in "ABCDEGHJKLMNPRTVWXZ"])
        number = rng.randint(1000, 9999)
        return rng.choice([f"{number} {letters}", f"{number}{letters}"])
    if kind == "DATUM":
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1935, 2006)
        return rng.choice(
            [
                f"{day:02d}-{month:02d}-{year}",
                f"{day}-{month}-{year}",
                f"{day}/{month}/{year}",
                f"{day} {MONTHS[month - 1]} {year}",
            ]
        )
    if kind == "ADRES":
        number = rng.randint(1, 240)
        suffix = rng.choice(["", "", "a", "-2", " B"])
        return f"{rng.choice(STREETS)} {number}{suffix}"
    raise ValueError(kind)


_LEADS = {
    "BSN": ["Mijn BSN is ", "Ik heb mijn burgerservicenummer ", "BSN: ", "Mijn sofinummer "],
    "IBAN": ["Het geld moet naar ", "Mijn rekeningnummer is ", "Stort het terug op ", "IBAN "],
    "TELEFOON": ["Bel me terug op ", "Mijn nummer is ", "U kunt mij bereiken op ", "tel. "],
    "EMAIL": ["Mail mij op ", "Mijn e-mailadres is ", "Reageer graag naar ", "stuur het naar "],
    "POSTCODE": ["Ik woon in ", "Mijn postcode is ", "Postcode "],
    "DATUM": ["Ik ben geboren op ", "Geboortedatum ", "Mijn zoon is geboren op ", "Sinds "],
    "ADRES": ["Ik woon op de ", "Mijn adres is ", "De brief ging naar ", "Wij wonen aan de "],
}
_TAILS = [
    " en ik wacht nog steeds op antwoord.",
    ", maar niemand heeft iets gedaan.",
    ". Graag snel reageren.",
    " want de brief klopte niet.",
    ".",
    " en dat had ik al twee keer doorgegeven!",
]


def pii_comment(rng: random.Random, kind: str) -> Labelled:
    """One comment with one item of personal data of `kind` at a known place."""
    builder = _Builder()
    if rng.random() < 0.3:
        builder.text(rng.choice(["Ik ben heel boos. ", "Het duurde weer weken. ", "Vorige week heb ik gebeld. "]))
    builder.text(rng.choice(_LEADS[kind])).pii(kind, _formats(rng, kind))
    return builder.text(rng.choice(_TAILS)).build()


def name_comment(rng: random.Random) -> Labelled:
    """One comment with a person's name in one of several common positions."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    full = f"{first} {last}"
    builder = _Builder()
    form = rng.randrange(7)
    if form == 0:
        builder.text(f"Ik werd geholpen door {rng.choice(TITLES)} ").pii("NAAM", last[0].upper() + last[1:])
        builder.text(", die was erg vriendelijk.")
    elif form == 1:
        builder.pii("NAAM", first).text(" van de balie heeft me goed geholpen.")
    elif form == 2:
        builder.text("Met vriendelijke groet, ").pii("NAAM", full)
    elif form == 3:
        builder.text("Mijn naam is ").pii("NAAM", full).text(" en ik wacht al maanden op mijn uitkering.")
    elif form == 4:
        builder.text("Ik heb gesproken met ").pii("NAAM", first).text(
            " en die zou terugbellen, maar dat gebeurde niet."
        )
    elif form == 5:
        builder.text("Mijn dochter ").pii("NAAM", first).text(" heeft het formulier voor mij ingevuld.")
    else:
        builder.text(f"{rng.choice(TITLES).capitalize()} ").pii("NAAM", last[0].upper() + last[1:])
        builder.text(" zei dat het geregeld was. Helaas niet.")
    return builder.build()


_CLEAN = [
    "Ik heb {n} keer gebeld en {m} minuten gewacht.",
    "Het ging om een bedrag van € {n}.{m:03d},00 dat te laat was.",
    "Mijn zaaknummer is 2023-{big:05d} maar niemand kon het vinden.",
    "Volgens artikel {n}:{m} Awb had ik binnen acht weken antwoord moeten krijgen.",
    "Bel het gratis nummer 0800-{big:04d} zei de website, maar dat werkte niet.",
    "Ik heb ordernummer {nine} doorgegeven.",
    "De app (versie {n}.{m}.1) crasht steeds bij stap {m}.",
    "In {year} en {year2} ging het ook al mis.",
    "Ik moest {n}00 km rijden naar het kantoor.",
    "Mevrouw aan de balie was vriendelijk en mijn zoon heeft alles ingevuld.",
    "De Belastingdienst en het UWV verwijzen steeds naar elkaar.",
    "Via DigiD en MijnOverheid kreeg ik een bericht in de Berichtenbox.",
    "Mijn buurman en mijn moeder hebben ook {n} weken gewacht.",
    "Op pagina {n} van de brief staat iets anders dan op pagina {m}.",
    "Het loket in Den Haag was om {n}:{m:02d} uur al dicht.",
    "Ik kreeg {n} brieven met elk een ander bedrag, de laatste van maart.",
    "De medewerker van de gemeente Utrecht zei dat het {n} tot {m} weken duurt.",
    "Toeslagen heeft de AOW en de WW niet goed verrekend.",
    "Het formulier had {n} vragen en {m} bijlagen.",
    "Ik ben {age} jaar en heb geen computer.",
]


def clean_comment(rng: random.Random) -> str:
    """A comment without personal data, full of numbers and capitals that look a bit like it."""
    nine = "".join(str(rng.randint(0, 9)) for _ in range(9))
    while _passes_11_proef(nine):
        nine = "".join(str(rng.randint(0, 9)) for _ in range(9))
    return rng.choice(_CLEAN).format(
        n=rng.randint(2, 12),
        m=rng.randint(1, 59),
        big=rng.randint(1000, 9999),
        nine=nine,
        year=rng.randint(2015, 2024),
        year2=rng.randint(2015, 2024),
        age=rng.randint(18, 95),
    )


def _passes_11_proef(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0
