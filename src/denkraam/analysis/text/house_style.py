"""An organisation's house style: its own words to avoid, terms that are fine for its readers, its abbreviations.

The text check takes one `HouseStyle` (from the organisation's list in the web app, or a `--woordenlijst` file)
and lets it win over denkraam's own lists: an allowed term is never flagged, an avoided word is flagged with the
organisation's replacement, and a known abbreviation counts as explained. Findings it causes carry its `label`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .extract.limits import InputError


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """One organisation's word list; every key is lower case.

    `avoid` maps a word or phrase to avoid to its replacement ("" when there is none to offer, only advice);
    `allowed` holds terms that are right for this organisation's readers; `abbreviations` maps an abbreviation
    to what it stands for. `label` is how findings name the list ("Huisstijl UWV, versie 3").
    """

    label: str
    avoid: dict[str, str] = field(default_factory=dict)
    allowed: frozenset[str] = frozenset()
    abbreviations: dict[str, str] = field(default_factory=dict)


# The file format (docs/text-check.md, "Huisstijl van de organisatie"): UTF-8 text, one entry a line, three columns
# separated by a tab, a header first. Blank lines and lines starting with '#' are skipped.
#
#   soort       term            vervanging
#   vermijden   beschikking     besluit
#   toegestaan  WW-uitkering
#   afkorting   WIA             Wet werk en inkomen naar arbeidsvermogen
KIND_AVOID = "vermijden"
KIND_ALLOWED = "toegestaan"
KIND_ABBREVIATION = "afkorting"
KINDS: tuple[str, ...] = (KIND_AVOID, KIND_ALLOWED, KIND_ABBREVIATION)
HEADER = ("soort", "term", "vervanging")
# Third-column names a writer may use in the header instead of "vervanging".
_THIRD_COLUMN_NAMES = frozenset({"vervanging", "uitleg", "vervanging/uitleg", "vervanging of uitleg"})

# Bounds, checked before the work is done: far above any real house style (a few hundred entries).
MAX_ENTRIES = 5_000
MAX_BYTES = 1024 * 1024
MAX_TERM_CHARS = 100
MAX_TEXT_CHARS = 300


@dataclass(frozen=True, slots=True)
class HouseStyleEntry:
    """One line of a house-style list, as the organisation wrote it (case kept): `text` is the replacement of a
    word to avoid, the explanation of an allowed term or what an abbreviation stands for ("" when empty)."""

    kind: str
    term: str
    text: str = ""


def _error(line: int, message: str) -> InputError:
    return InputError(f"Woordenlijst, regel {line}: {message}")


def _too_large(size: int) -> InputError:
    return InputError(
        f"De woordenlijst is te groot: {size / 1_048_576:.1f} MB, het maximum is {MAX_BYTES // 1_048_576} MB."
    )


def decode_house_style(data: bytes) -> str:
    """The text of an uploaded or read list file: UTF-8 (a byte order mark is dropped), never larger than
    `MAX_BYTES`. Raises `InputError` for a file that is too large, binary or not UTF-8."""
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))
    if b"\x00" in data:
        raise InputError("De woordenlijst is geen tekstbestand. Sla de lijst op als tekst met tabs (TSV, UTF-8).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _error(line, "dit is geen UTF-8-tekst. Sla de lijst op als 'tekst met tabs' in UTF-8.") from None
    return text.removeprefix("\ufeff")


def parse_house_style_entries(text: str) -> list[HouseStyleEntry]:
    """The entries of a list in the file format above, in file order.

    Raises `InputError` with a Dutch message that names the line for a wrong header, an unknown kind, an empty or
    too long term, a term listed twice, too many columns or too many entries, and for a text that is too large or
    holds control characters (a binary file).
    """
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError(f"De woordenlijst is te groot: het maximum is {MAX_BYTES // 1_048_576} MB.")
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise InputError("De woordenlijst is geen tekstbestand. Sla de lijst op als tekst met tabs (TSV, UTF-8).")
    entries: list[HouseStyleEntry] = []
    seen: dict[str, tuple[int, str]] = {}
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip(" \r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = [column.strip() for column in line.split("\t")]
        if _CONTROL.search(line):
            raise _error(number, "er staat een onzichtbaar stuurteken in. Is dit wel een tekstbestand?")
        if not header_seen:
            _check_header(number, columns)
            header_seen = True
            continue
        entry = _entry(number, columns)
        key = entry.term.casefold()
        if key in seen:
            first, kind = seen[key]
            raise _error(
                number,
                f"'{entry.term}' staat al op regel {first} (als {kind}). Zet elke term maar één keer in de lijst.",
            )
        seen[key] = (number, entry.kind)
        entries.append(entry)
        if len(entries) > MAX_ENTRIES:
            raise _error(
                number, f"de lijst heeft meer dan {MAX_ENTRIES:_} termen; dat is het maximum.".replace("_", ".")
            )
    if not header_seen:
        raise InputError(
            "De woordenlijst is leeg. De eerste regel moet de kop 'soort<tab>term<tab>vervanging' zijn, "
            "daarna één term per regel."
        )
    return entries


_FORMULA_STARTS = frozenset("=+-@")
# Control characters other than the tab between columns: a sign of a binary or broken file.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _check_header(number: int, columns: list[str]) -> None:
    names = [column.casefold() for column in columns]
    if len(names) in (2, 3) and names[:2] == ["soort", "term"] and (len(names) == 2 or names[2] in _THIRD_COLUMN_NAMES):
        return
    raise _error(
        number,
        "de kop klopt niet. De eerste regel moet zijn: soort, term en vervanging, gescheiden door een tab "
        "(zie het voorbeeld in de uitleg).",
    )


def _entry(number: int, columns: list[str]) -> HouseStyleEntry:
    if len(columns) > 3:
        raise _error(number, "deze regel heeft meer dan drie kolommen. Gebruik een tab alleen tussen de kolommen.")
    kind = columns[0].casefold()
    term = re.sub(r"\s+", " ", columns[1]) if len(columns) > 1 else ""
    text = re.sub(r"\s+", " ", columns[2]) if len(columns) > 2 else ""
    if kind not in KINDS:
        shown = columns[0][:40]
        raise _error(number, f"onbekende soort '{shown}'. Kies vermijden, toegestaan of afkorting.")
    if not term:
        raise _error(number, "de term is leeg. Vul in de tweede kolom het woord of de afkorting in.")
    if len(term) > MAX_TERM_CHARS:
        raise _error(number, f"de term is langer dan {MAX_TERM_CHARS} tekens.")
    if len(text) > MAX_TEXT_CHARS:
        raise _error(number, f"de vervanging of uitleg is langer dan {MAX_TEXT_CHARS} tekens.")
    for value in (term, text):
        # The list is downloaded to be edited in a spreadsheet, which would run such a value as a formula.
        if value[:1] in _FORMULA_STARTS:
            raise _error(number, f"'{value[:40]}' begint met {value[0]}; een rekenblad leest dat als formule.")
    if not re.search(r"\w", term):
        raise _error(number, f"de term '{term}' bevat geen letters of cijfers.")
    if kind == KIND_ABBREVIATION and not text:
        raise _error(number, f"schrijf in de derde kolom waar de afkorting '{term}' voor staat.")
    return HouseStyleEntry(kind=kind, term=term, text=text)


def house_style_from_entries(entries: list[HouseStyleEntry], label: str) -> HouseStyle:
    """The `HouseStyle` the text check takes, keys in lower case."""
    avoid = {e.term.lower(): e.text for e in entries if e.kind == KIND_AVOID}
    allowed = frozenset(e.term.lower() for e in entries if e.kind == KIND_ALLOWED)
    abbreviations = {e.term.lower(): e.text for e in entries if e.kind == KIND_ABBREVIATION}
    return HouseStyle(label=label, avoid=avoid, allowed=allowed, abbreviations=abbreviations)


def parse_house_style(text: str, label: str) -> HouseStyle:
    """Read a list in the file format above; `label` is how findings will name it ("Huisstijl UWV, versie 3").

    Raises `InputError` (Dutch, naming the line) for a list that cannot be used.
    """
    return house_style_from_entries(parse_house_style_entries(text), label)


def serialise_house_style_entries(entries: list[HouseStyleEntry]) -> str:
    """Entries in the file format, header first, one line each (tabs and line breaks inside a value become
    spaces, so what is written reads back as the same entries)."""
    lines = ["\t".join(HEADER)]
    for entry in entries:
        values = [entry.kind, entry.term, entry.text]
        lines.append("\t".join(re.sub(r"\s+", " ", value).strip() for value in values).rstrip("\t"))
    return "\n".join(lines) + "\n"


def serialise_house_style(style: HouseStyle) -> str:
    """A `HouseStyle` in the file format: words to avoid, then allowed terms, then abbreviations, each sorted.

    The keys of a `HouseStyle` are lower case, so an abbreviation is written in capitals unless it holds a
    period ("WIA", but "o.a."); `parse_house_style` reads the result back as the same style.
    """
    entries = [HouseStyleEntry(KIND_AVOID, term, text) for term, text in sorted(style.avoid.items())]
    entries += [HouseStyleEntry(KIND_ALLOWED, term) for term in sorted(style.allowed)]
    entries += [
        HouseStyleEntry(KIND_ABBREVIATION, term if "." in term else term.upper(), text)
        for term, text in sorted(style.abbreviations.items())
    ]
    return serialise_house_style_entries(entries)


def load_house_style(path: str | Path, *, label: str | None = None) -> HouseStyle:
    """Read a list file (the CLI's `--woordenlijst`); findings name it `label`, by default "Woordenlijst <name>".

    The size is checked before the file is read. Raises `InputError` with a Dutch message for a missing, too large
    or unusable file.
    """
    file_path = Path(path)
    try:
        size = file_path.stat().st_size
        if file_path.is_dir():
            raise InputError(f"De woordenlijst is een map, geen bestand: {file_path}")
        if size > MAX_BYTES:
            raise _too_large(size)
        with file_path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"Woordenlijst niet gevonden: {file_path}") from None
    except OSError:
        raise InputError(f"De woordenlijst kan niet worden gelezen: {file_path}") from None
    try:
        return parse_house_style(decode_house_style(data), label or f"Woordenlijst {file_path.name}")
    except InputError as exc:
        raise InputError(f"{file_path}: {exc}") from None
