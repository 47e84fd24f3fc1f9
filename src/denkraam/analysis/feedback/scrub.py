"""Remove personal data from Dutch free text, leaving a readable sentence with typed placeholders.

Checksum-checked patterns (see `patterns.py`) find numbers, e-mail addresses, postcodes, dates and addresses;
`deduce` (Dutch de-identification with Dutch name lists) finds names and the street addresses it knows. Titles
and relations stay: "mevrouw Jansen" becomes "mevrouw [NAAM]", "mijn zoon" is not touched.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from denkraam.analysis.feedback.patterns import Span, extend_house_number, find_pattern_spans, resolve_overlaps

SCRUBBER_VERSION = "1.0"

PLACEHOLDER_TYPES: tuple[str, ...] = ("BSN", "IBAN", "TELEFOON", "EMAIL", "ADRES", "POSTCODE", "DATUM", "NAAM")


class Replacement(NamedTuple):
    """One removed piece of personal data: its type and where it stood in the original text (end exclusive)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ScrubResult:
    """The scrubbed text and what was replaced; offsets point into the original text."""

    text: str
    replacements: list[Replacement] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """How many of each placeholder type were put in."""
        counts: dict[str, int] = {}
        for replacement in self.replacements:
            counts[replacement.kind] = counts.get(replacement.kind, 0) + 1
        return counts


# --- deduce: one lazily built instance per process --------------------------------------------------------------

_deduce_lock = threading.Lock()
_deduce_instance: Any = None

# deduce runs everything it knows; we only want names and street addresses from it, the rest our own patterns do
# better (checksums) and skipping them makes it faster. Place names stay on: a place competing with a name keeps
# "Den Haag" from becoming a person, and places themselves are not scrubbed.
_DEDUCE_DISABLED = frozenset(
    {
        "institutions",
        "dates",
        "ages",
        "identifiers",
        "phone_numbers",
        "email_addresses",
        "urls",
        "postal_code",
        "postbus",
        "redactor",
    }
)


def _load_deduce() -> Any:
    """Import and build deduce without letting it reconfigure logging.

    deduce calls `logging.basicConfig(stream=sys.stdout, level=DEBUG)` on import, which would print debug lines
    into our CLI's stdout; restore the root logger as it was.
    """
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    import deduce  # noqa: PLC0415 - heavy import, only when names are scrubbed

    root.handlers[:] = handlers
    root.setLevel(level)
    logging.disable(logging.INFO)  # the first build logs "please wait" at INFO on the root logger
    try:
        return deduce.Deduce()
    finally:
        logging.disable(logging.NOTSET)


def get_deduce() -> Any:
    """The shared deduce instance, built on first use (about 60 s on a fresh install, seconds afterwards)."""
    global _deduce_instance
    if _deduce_instance is None:
        with _deduce_lock:
            if _deduce_instance is None:
                _deduce_instance = _load_deduce()
    return _deduce_instance


def warm_up() -> None:
    """Build deduce's lookup cache now (run at install) so the first scrub is not slow."""
    get_deduce()


# --- the fast path: skip deduce for comments that cannot hold a name -----------------------------------------

# A title followed by a word: the only way a name written in lower case ("mevrouw de vries") reaches deduce.
# Capitalised names after a title are caught by the capital-letter test anyway.
_TITLE_RE = re.compile(r"\b(?:mevrouw|meneer|mevr|mw|dhr|heer)\.?\s+[a-z]", re.IGNORECASE)
_CAPITALISED_RE = re.compile(r"(?<![\w'-])[A-ZÀ-Ý][\w'’-]+")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s*|\n\s*|[\"'(]\s*)$")
# A title ends in a dot or a space: "Ir" in "Iris" is no title.
_NAME_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:de\s+)?(?:heer|mevrouw|meneer|mevr|mw|mvr|dhr|hr|mr|dr|drs|ir|ing|prof|juf(?:frouw)?|zuster|dokter|"
    r"collega)(?:\.\s*|\s+))+",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Capitalised words in feedback that are never a person: organisations, products, laws."""
    path = Path(__file__).parent / "lexicons" / "not_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _sentence_starters() -> frozenset[str]:
    """Common Dutch words that start sentences, minus the first names deduce knows.

    A capitalised common word at the start of a sentence ("Helaas", "De") is taken for the word. "Jan" is a common
    word too, so first names are taken out; surnames are not ("De", "Van" and "Bakker" are in deduce's surname
    list), so a bare surname opening a sentence is missed - `_is_plausible_name` makes the same choice.
    """
    from wordfreq import top_n_list  # noqa: PLC0415 - only needed for the fast path

    first_names = _first_names()
    common = top_n_list("nl", 6000)
    # deduce's first-name list also holds "de", "van" and "aan"; the 300 most common words are never names here.
    return frozenset(common[:300]) | frozenset(w for w in common if w.isalpha() and w not in first_names)


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return _deduce_list("lst_first_name")


@lru_cache(maxsize=4)
def _deduce_list(name: str) -> frozenset[str]:
    """One of deduce's name lists, lower-cased, read straight from its data files (no deduce build needed)."""
    import importlib.util  # noqa: PLC0415

    spec = importlib.util.find_spec("deduce")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "data" / "lookup" / "src" / "names" / name / "items.txt"
    if not path.exists():
        return frozenset()
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())


def might_contain_name(text: str) -> bool:
    """Cheap test whether a comment could hold a person's name, so deduce only runs where it can find one.

    True when a title is followed by a word, or a capitalised word occurs that is not a known organisation or
    product and - at the start of a sentence - not a common Dutch word (first names always count).
    """
    if _TITLE_RE.search(text):
        return True
    starters = _sentence_starters()
    not_names = _not_names()
    for match in _CAPITALISED_RE.finditer(text):
        raw = match.group()
        word = raw.lower().rstrip("'’-")
        # Acronyms and brand spellings (UWV, DigiD, MijnOverheid) are not names.
        if word in not_names or sum(ch.isupper() for ch in raw) > 1 or not any(ch.islower() for ch in raw):
            continue
        if _SENTENCE_START_RE.search(text, 0, match.start()) and word in starters:
            continue
        return True
    return False


def _deduce_spans(text: str) -> list[Span]:
    """Names and street addresses found by deduce, with titles kept outside the name span."""
    document = get_deduce().deidentify(text, disabled=set(_DEDUCE_DISABLED))
    spans: list[Span] = []
    for annotation in document.annotations:
        start, end = int(annotation.start_char), int(annotation.end_char)
        if annotation.tag in ("persoon", "patient"):
            title = _NAME_TITLE_PREFIX_RE.match(text[start:end])
            if title:
                start += title.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            # After a title ("Mw. Visser") the name does not open a sentence, whatever the dot suggests.
            if _is_plausible_name(text, start, end, after_title=bool(title)):
                spans.append(("NAAM", start, end))
        elif annotation.tag == "locatie" and any(ch.isdigit() for ch in annotation.text):
            spans.append(("ADRES", start, extend_house_number(text, end)))
    return spans


def _is_plausible_name(text: str, start: int, end: int, *, after_title: bool) -> bool:
    """Drop deduce hits that feedback shows to be words: "op de", "Belastingdienst", "Mooi" opening a sentence."""
    span = text[start:end]
    words = re.findall(r"\w+", span.lower())
    if not words or not any(ch.isupper() for ch in span) or all(w in _not_names() for w in words):
        return False
    # One capitalised word opening a sentence that is also a common Dutch word ("Pas", "Mooi") is taken for the
    # word, unless it is a first name: the same rule as the fast path, so "Bakker belde" is missed - it is rare.
    if len(words) == 1 and not after_title and _SENTENCE_START_RE.search(text, 0, start):
        return words[0] not in _sentence_starters()
    return True


# --- public API ---------------------------------------------------------------------------------------------------


def scrub_text(text: str, *, names: bool = True, fast_path: bool = True) -> ScrubResult:
    """Replace personal data in `text` by typed placeholders such as `[BSN]` and `[NAAM]`.

    `names=False` skips deduce (only the checksum-checked patterns run): much faster, but names stay.
    `fast_path=False` runs deduce on every text instead of only on texts that could hold a name.
    """
    spans = find_pattern_spans(text)
    if names and (not fast_path or might_contain_name(text)):
        spans.extend(_deduce_spans(text))
    kept = resolve_overlaps(spans)
    pieces: list[str] = []
    cursor = 0
    for kind, start, end in kept:
        pieces.append(text[cursor:start])
        pieces.append(f"[{kind}]")
        cursor = end
    pieces.append(text[cursor:])
    return ScrubResult(text="".join(pieces), replacements=[Replacement(*span) for span in kept])


def scrub_texts(texts: Iterable[str], *, names: bool = True, fast_path: bool = True) -> list[ScrubResult]:
    """Scrub many texts with one shared deduce instance; see `scrub_text`."""
    return [scrub_text(text, names=names, fast_path=fast_path) for text in texts]


# Underscores and hyphens between words join a name to a number for the patterns and for deduce
# ("Jansen_123456782" is one word to them); a hyphen inside a number ("06-12345678") stays.
_FILE_NAME_JOINERS = re.compile(r"[_\s]+|(?<=[^\W\d_])-(?=\w)|(?<=\d)-(?=[^\W\d_])")
_FILE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}")


def scrub_file_name(name: str) -> str:
    """A file name without personal data, to store and show: "brief_Jan_Jansen_123456782.docx" becomes
    "brief [NAAM] [BSN].docx". A name without personal data is returned as it was, separators and all.
    """
    suffix = PurePath(name).suffix
    if not _FILE_SUFFIX.fullmatch(suffix):
        suffix = ""
    stem = name[: len(name) - len(suffix)]
    result = scrub_text(_FILE_NAME_JOINERS.sub(" ", stem).strip())
    return result.text + suffix if result.replacements else name
