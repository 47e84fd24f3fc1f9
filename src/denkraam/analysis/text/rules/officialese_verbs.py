"""Officialese verbs in every form and word order, with the plain verb inflected to fit ('plaatsvindt' ->
'gebeurt', 'vonden ... plaats' -> 'gebeurden', 'dient ... te betalen' -> 'moet ... betalen').

The list is wordlists/officialese_verbs.tsv; the forms come from the inflection module. A match knows which
form it saw, so the replacement takes the same form; where the replacement cannot take the place of exactly
the matched words (a separable verb in a main clause whose particle would have to move), it has no rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from denkraam.analysis.findings import Severity

from .. import inflection
from ..tokens import Token

_FINITE = ("1", "2", "3", "pl", "past", "pastpl")
_AUXILIARIES = frozenset(
    "heb hebt heeft hebben had hadden ben bent is zijn was waren wordt word worden werd werden geweest geworden "
    "gehad".split()
)
_DETERMINERS = frozenset("de het een uw onze ons mijn zijn haar hun die deze dit dat alle elke elk geen welke".split())
_ARTICLES = frozenset("de het een uw onze mijn hun".split())
_CLAUSE_END = frozenset(".,;:!?)")
_WINDOW = 12  # words between a finite verb and its particle, at most
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One officialese verb: how it is written, its parts, what to write instead, and when not to flag it."""

    term: str  # as in the list: 'plaats|vinden', 'doen >toekomen', 'beschikken +over'
    infinitive: str  # as the text writes it: 'plaatsvinden', 'doen toekomen', 'beschikken over'
    notation: str  # for the inflection module: 'plaats|vinden', 'kenbaar |maken', 'doen'
    particle: str  # '' or 'plaats', 'in kennis', 'toekomen'
    after: bool  # the particle follows the verb also when joined ('doen toekomen')
    tail: str  # a preposition that belongs to the phrase and goes in a rewrite ('van')
    new_tail: str  # what a rewrite writes instead of the tail ('over' for 'in kennis stellen van'), often ''

    replacement: str  # all alternatives, ' / ' between them
    plain: str  # the first alternative when it is a verb the inflection module can bend, else ''
    severity: Severity
    flags: frozenset[str]


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """Where an officialese verb was found and, when one fits exactly, the rewrite of that span."""

    entry: VerbEntry
    start: int
    end: int
    rewrite: str
    form: str  # the plain verb in the form the sentence needs, also without a rewrite ('gebeurt')


_VERB_NOTATION = re.compile(r"^(?:[a-zë]+(?: [a-zë]+)* ?\|)?[a-zë]+(?: >[a-zë]+)?$")


def _parse(term: str) -> tuple[str, str, bool, str, str]:
    """(inflection notation, particle, after?, tail, new tail) of a list term."""
    tail = new_tail = ""
    if " +" in term:
        term, tail = term.split(" +", 1)
        tail, _, new_tail = tail.partition("=")
    if " >" in term:
        base, particle = term.split(" >", 1)
        return base.strip(), particle.strip(), True, tail.strip(), new_tail.strip()
    particle, _ = inflection.parse(term)
    return term, particle, False, tail.strip(), new_tail.strip()


@cache
def verb_entries() -> tuple[VerbEntry, ...]:
    """The officialese verbs of wordlists/officialese_verbs.tsv (first entry wins on a repeated term)."""
    text = resources.files("denkraam.analysis.text.wordlists").joinpath("officialese_verbs.tsv").read_text("utf-8")
    entries: dict[str, VerbEntry] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = [column.strip() for column in line.split("\t")]
        term, replacement = columns[0], columns[1]
        severity: Severity = "info" if len(columns) > 2 and columns[2] == "i" else "waarschuwing"
        flags = frozenset(columns[3].split(",")) if len(columns) > 3 and columns[3] else frozenset()
        notation, particle, after, tail, new_tail = _parse(term)
        first = replacement.split(" / ")[0].strip()
        infinitive = _joined(notation, particle, after, "inf")
        entries.setdefault(
            term,
            VerbEntry(
                term=term,
                infinitive=infinitive + (f" {tail}" if tail else ""),
                notation=notation,
                particle=particle,
                after=after,
                tail=tail,
                new_tail=new_tail,
                replacement=replacement.replace("|", "").replace(" >", " "),
                plain=first if _VERB_NOTATION.match(first) else "",
                severity=severity,
                flags=flags,
            ),
        )
    return tuple(entries.values())


def _joined(notation: str, particle: str, after: bool, tag: str) -> str:
    """A form with its particle in place ('plaatsvindt', 'in kennis te stellen', 'doen toekomen')."""
    if not after:
        return inflection.conjugate(notation, tag)
    if tag == "te":
        return f"te {notation} {particle}"
    if tag == "part":
        return f"{notation} {particle}"  # 'heeft ... doen toekomen': the infinitive stands in for the participle
    return f"{inflection.conjugate(notation, tag)} {particle}"


@dataclass(frozen=True, slots=True)
class _Index:
    words: dict[str, list[tuple[VerbEntry, tuple[str, ...]]]]  # one-word forms with the particle in place
    phrases: dict[str, list[tuple[VerbEntry, tuple[str, ...]]]]  # forms of several words, spaces single
    phrase_starts: dict[str, list[tuple[int, str]]]  # first word -> (number of words, phrase), longest first
    split: dict[str, list[tuple[VerbEntry, tuple[str, ...]]]]  # finite forms whose particle comes later


@cache
def _index() -> _Index:
    words: dict[str, list[tuple[VerbEntry, tuple[str, ...]]]] = {}
    phrases: dict[str, list[tuple[VerbEntry, tuple[str, ...]]]] = {}
    split: dict[str, list[tuple[VerbEntry, tuple[str, ...]]]] = {}
    for entry in verb_entries():
        joined: dict[str, list[str]] = {}
        for tag in inflection.TAGS:
            joined.setdefault(_joined(entry.notation, entry.particle, entry.after, tag), []).append(tag)
        for form, tags in joined.items():
            target = phrases if " " in form else words
            target.setdefault(form, []).append((entry, tuple(tags)))
        if entry.particle:
            bare: dict[str, list[str]] = {}
            base = entry.notation if entry.after else inflection.parse(entry.notation)[1]
            for tag in _FINITE:
                bare.setdefault(inflection.conjugate(base, tag), []).append(tag)
            for form, tags in bare.items():
                split.setdefault(form, []).append((entry, tuple(tags)))
    starts: dict[str, list[tuple[int, str]]] = {}
    for phrase in phrases:
        starts.setdefault(phrase.split(" ", 1)[0], []).append((phrase.count(" ") + 1, phrase))
    for candidates in starts.values():
        candidates.sort(reverse=True)
    return _Index(words, phrases, starts, split)


def find_verbs(text: str, lower: str, words: list[Token] | tuple[Token, ...], offset: int = 0) -> list[VerbMatch]:
    """Officialese verbs in one sentence: `words` are its word tokens, `text`/`lower` the text (and its lower-case
    copy), starting at `offset` of the text the tokens point into. Matches do not overlap; split and longer ones
    win; offsets in the matches are those of the tokens."""
    if offset:
        shifted = [Token(word.text, word.start - offset, word.end - offset, True) for word in words]
        return [
            VerbMatch(item.entry, item.start + offset, item.end + offset, item.rewrite, item.form)
            for item in find_verbs(text, lower, shifted)
        ]
    words = list(words)
    index = _index()
    matches: list[VerbMatch] = []
    taken: list[tuple[int, int]] = []
    if not words:
        return matches
    lowered = [lower[word.start : word.end] for word in words]
    present = set(lowered)
    # Split forms first: 'vindt ... plaats' must not be read as a plain 'vindt'.
    for number in range(len(words)):
        for entry, tags in index.split.get(lowered[number], ()):
            if entry.particle.split(" ", 1)[0] not in present:
                continue  # its particle is nowhere in the sentence
            found = _split_match(text, lower, words, lowered, number, entry, tags)
            if found and not _overlaps(taken, found.start, found.end):
                matches.append(found)
                taken.append((found.start, found.end))
                break
    # Forms of several words ('in kennis te stellen'), by their first word: no big regex over the sentence.
    for number in range(len(words)):
        candidates = index.phrase_starts.get(lowered[number])
        if not candidates or _overlaps(taken, words[number].start, words[number].end):
            continue
        for size, key in candidates:
            last = number + size - 1
            if last >= len(words) or " ".join(lowered[number : last + 1]) != key:
                continue
            if not all(text[words[k].end : words[k + 1].start].isspace() for k in range(number, last)):
                continue
            for entry, tags in index.phrases[key]:
                found = _joined_match(text, lower, words, lowered, number, last, entry, tags)
                if found and not _overlaps(taken, found.start, found.end):
                    matches.append(found)
                    taken.append((found.start, found.end))
                    break
            break
    for number, word in enumerate(words):
        if _overlaps(taken, word.start, word.end):
            continue
        for entry, tags in index.words.get(lowered[number], ()):
            found = _joined_match(text, lower, words, lowered, number, number, entry, tags)
            if found:
                matches.append(found)
                taken.append((found.start, found.end))
                break
    matches.sort(key=lambda item: item.start)
    return matches


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return bool(taken) and any(start < high and low < end for low, high in taken)


def _split_match(
    text: str,
    lower: str,
    words: list[Token],
    lowered: list[str],
    number: int,
    entry: VerbEntry,
    tags: tuple[str, ...],
) -> VerbMatch | None:
    particle = entry.particle.split()
    limit = min(len(words), number + 1 + _WINDOW)
    for first in range(number + 1, limit - len(particle) + 1):
        if _CLAUSE_BREAK.search(text, words[first - 1].end, words[first].start):
            return None  # 'merken, maar we beloven er alles aan te doen': the particle is in another clause
        if lowered[first : first + len(particle)] != particle:
            continue
        if lowered[first - 1] in _DETERMINERS and first - 1 != number:
            return None  # 'vindt u op de plaats': a noun, not the particle
        if entry.after and first == number + 1:
            return None  # 'is komen te overlijden': the joined form, read as such
        last = first + len(particle) - 1
        if _blocked(entry, lowered, number):
            return None
        if (
            last + 1 < len(words)
            and lowered[last + 1] in _ARTICLES
            and text[words[last].end : words[last + 1].start].isspace()
        ):
            return None  # 'schrijft ... aan de Kamer': a particle ends its clause, a preposition takes a noun
        end = words[last].end
        tail_start = -1
        if entry.tail:
            tail_at = _find_word(lowered, entry.tail, last + 1, last + 1 + _WINDOW)
            if tail_at < 0:
                return None
            tail_start, end = words[tail_at].start, words[tail_at].end
        tag = _choose_tag(tags, lowered, number)
        if not tag:
            return None
        form = _plain_form(entry, tag, joined=False)
        rewrite = ""
        if form:
            middle = text[words[number].end : words[first].start].rstrip()
            rest = ""
            if entry.tail:
                rest = text[words[last].end : tail_start].rstrip()
            r_particle, r_after = _plain_particle(entry)
            if entry.new_tail:
                rest += f" {entry.new_tail}"
            if r_particle and entry.tail and not entry.new_tail:
                form = ""  # 'geeft u kennis van het besluit' -> 'laat u weten het besluit' would be wrong
            elif r_particle:
                rewrite = f"{form}{middle} {r_particle}{rest}"
            else:
                rewrite = f"{form}{middle}{rest}"
        start = words[number].start
        return VerbMatch(entry, start, end, _capitalised(rewrite, text[start]), form)
    return None


def _joined_match(
    text: str,
    lower: str,
    words: list[Token],
    lowered: list[str],
    first: int,
    last: int,
    entry: VerbEntry,
    tags: tuple[str, ...],
) -> VerbMatch | None:
    if _blocked(entry, lowered, first):
        return None
    tag = _choose_tag(tags, lowered, first)
    if not tag:
        return None
    if tag in ("inf", "pl") and "noinf" in entry.flags:
        return None
    start, end = words[first].start, words[last].end
    if "te" in entry.flags:
        return _modal_match(text, words, lowered, first, entry, "pl" if tag == "inf" and "pl" in tags else tag)
    form = "" if tag in ("part", "adj") and "nopart" in entry.flags else _plain_form(entry, tag, joined=True)
    rewrite = form
    if entry.tail:
        tail_at = _find_word(lowered, entry.tail, last + 1, last + 1 + _WINDOW)
        if tail_at < 0:
            if _find_word(lowered, entry.tail, 0, len(words)) < 0:
                return None  # the phrase needs its preposition
            return VerbMatch(entry, start, end, "", form)  # 'waarvan u gebruik maakt': no rewrite in place
        if entry.particle and tail_at != last + 1:
            return VerbMatch(entry, start, end, "", form)
        if entry.particle and not entry.new_tail and tail_at + 1 < len(words):
            # The joined form stands at the end of its clause ('omdat wij gebruik maken van de regeling'); with
            # its preposition gone, the object would have to move before the verb ('de regeling gebruiken').
            return VerbMatch(entry, start, words[tail_at].end, "", form)
        between = text[end : words[tail_at].start].rstrip()
        end = words[tail_at].end
        rewrite = f"{form}{between}{' ' + entry.new_tail if entry.new_tail else ''}" if form else ""
    if tag == "part" and form and _auxiliary_clash(lowered, form):
        # 'hebben plaatsgevonden' -> 'zijn gebeurd': the auxiliary changes too, so the rewrite starts at it
        found = _with_zijn(text, words, lowered, first, end, entry, form)
        if found is not None:
            return found
        rewrite = ""
    r_particle, _ = _plain_particle(entry)
    # A joined form of a verb with a particle stands in a subordinate clause: the replacement joins too. A verb
    # without one can be a main-clause verb: 'retourneert' -> 'terugstuurt' fits only at the end of the clause.
    finite = tag in _FINITE or (tag == "inf" and "pl" in tags)
    if form and r_particle and not entry.particle and finite and not _at_clause_end(text, end):
        rewrite = ""
    return VerbMatch(entry, start, end, _capitalised(rewrite, text[start]), form)


def _modal_match(
    text: str, words: list[Token], lowered: list[str], number: int, entry: VerbEntry, tag: str
) -> VerbMatch | None:
    """'dient ... te betalen' -> 'moet ... betalen': the plain verb takes a bare infinitive, so 'te' goes."""
    te_at = _find_word(lowered, "te", number + 1, number + 1 + _WINDOW)
    if te_at < 0 or te_at + 1 >= len(words) or tag not in _FINITE:
        return None
    form = _plain_form(entry, tag, joined=True)
    start, end = words[number].start, words[te_at + 1].end
    if not form:
        return VerbMatch(entry, start, words[number].end, "", "")
    before = text[words[number].end : words[te_at].start].rstrip()
    verb = text[words[te_at + 1].start : end]
    previous = lowered[te_at - 1] if te_at - 1 > number else ""
    inner = _officialese_te_form(lowered, number, te_at)
    if inner is not None:
        # 'dien je zorg te dragen' -> 'moet je zorgen': the infinitive is officialese too, and one rewrite says both
        size, plain = inner
        before = text[words[number].end : words[te_at - size].start].rstrip()
        verb = inflection.conjugate(plain, "inf")
    elif previous and previous in _PARTICLES and before.lower().endswith(previous):
        before = before[: len(before) - len(previous)].rstrip()
        verb = text[words[te_at - 1].start : words[te_at - 1].end] + verb  # 'terug te sturen' -> 'terugsturen'
    rewrite = f"{form}{before} {verb}"
    return VerbMatch(entry, start, end, _capitalised(rewrite, text[start]), form)


def _officialese_te_form(lowered: list[str], number: int, te_at: int) -> tuple[int, str] | None:
    """(words before 'te', plain verb) when the words around `te_at` are the te-form of an officialese verb with
    a particle and a plain verb without a tail ('zorg te dragen' -> 'zorgen'); None otherwise."""
    index = _index()
    for size in (3, 2, 1):
        if te_at - size <= number:
            continue
        key = " ".join(lowered[te_at - size : te_at + 2])
        for entry, tags in index.phrases.get(key, ()):
            if "te" in tags and entry.plain and not entry.tail and not _plain_particle(entry)[0]:
                return size, entry.plain
    return None


_PARTICLES = frozenset(
    "aan af bij binnen door in mee na neer om op samen tegen terug toe uit vast weg voort open dicht vrij los".split()
)


def _blocked(entry: VerbEntry, lowered: list[str], number: int) -> bool:
    """Whether a flag rules the match out: 'niet:aan' when 'aan' is elsewhere in the sentence ('aan de eisen
    voldoen' is no paying), 'nietvorm:acht' when the word is that form ('acht' is also a number)."""
    others = lowered[:number] + lowered[number + 1 :]
    for flag in entry.flags:
        if flag.startswith("niet:") and flag[5:] in others:
            return True
        if flag.startswith("nietvorm:") and flag[9:] == lowered[number]:
            return True
    return False


def _find_word(lowered: list[str], word: str, start: int, stop: int) -> int:
    for number in range(start, min(stop, len(lowered))):
        if lowered[number] == word:
            return number
    return -1


def _choose_tag(tags: tuple[str, ...], lowered: list[str], number: int) -> str:
    """The form a matched word stands for in its sentence: participle after an auxiliary, else finite; the
    person from the subject next to it ('u verstrekt' is person 2)."""
    options = list(tags)
    inverted = lowered[number + 1 : number + 2] in (["je"], ["jij"])  # 'dien je': inversion takes the ik-form
    if "1" in options and not inverted and "ik" not in lowered[max(0, number - 1) : number + 2]:
        options.remove("1")  # 'verzoek', 'overleg', 'verblijf' without 'ik' are nouns
        if not options:
            return ""
    if "part" in options and len(options) > 1:
        if _participle_here(lowered, number):
            return "part"
        options.remove("part")
    if "past" in options and number > 0 and lowered[number - 1] in _DETERMINERS:
        return "adj"  # 'de verstrekte gegevens'
    if "part" in options and number > 0 and lowered[number - 1] in _DETERMINERS:
        return "adj"
    if any(tag in options for tag in ("1", "2", "3")):
        near = set(lowered[max(0, number - 1) : number + 2])
        if "ik" in near and "1" in options:
            return "1"
        if near & {"u", "jij", "je"} and "2" in options:
            return "2"
        if "3" in options:
            return "3"
    return options[0]


_CLAUSE_OPENERS = frozenset(
    "dat die als omdat wanneer of waar wat nadat voordat zodat indien hoewel terwijl maar en want tot".split()
)
_SUBJECTS = frozenset("ik u je jij hij zij ze wij we men het".split())
_PREPOSITIONS = frozenset("aan door voor met bij van naar tot over op om uit".split())


def _participle_here(lowered: list[str], number: int) -> bool:
    """Whether the form at `number` is a participle: an auxiliary (hebben, zijn, worden) in its own clause
    before it ('de pas wordt aan u verstrekt') or right after it ('dat de pas verstrekt is'), and no subject
    right before it ('dat u beschikt over': finite)."""
    if number > 0 and lowered[number - 1] in _SUBJECTS and (number < 2 or lowered[number - 2] not in _PREPOSITIONS):
        return False
    if any(word in _AUXILIARIES for word in lowered[number + 1 : number + 3]):
        return True
    for word in reversed(lowered[:number]):
        if word in _AUXILIARIES:
            return True
        if word in _CLAUSE_OPENERS:
            return False
    return False


def _plain_particle(entry: VerbEntry) -> tuple[str, bool]:
    if not entry.plain:
        return "", False
    if " >" in entry.plain:
        return entry.plain.split(" >", 1)[1], True
    particle, _ = inflection.parse(entry.plain)
    return particle, False


def _plain_form(entry: VerbEntry, tag: str, *, joined: bool) -> str:
    """The plain verb in form `tag`; '' when that form cannot stand where the officialese one stood."""
    if not entry.plain:
        return ""
    particle, after = _plain_particle(entry)
    if after:
        base = entry.plain.split(" >", 1)[0]
        if tag in ("part", "adj"):
            return ""
        if not joined:
            return inflection.conjugate(base, tag)
        return _joined(base, particle, True, tag)
    if tag == "adj":
        form = inflection.participle(entry.plain)
        return form if form.endswith("en") else form + "e"
    if not joined and tag in _FINITE:
        return inflection.conjugate(entry.plain, tag, joined=False)
    return inflection.conjugate(entry.plain, tag)


_HEBBEN = frozenset("heb hebt heeft hebben had hadden".split())


def _auxiliary_clash(lowered: list[str], participle: str) -> bool:
    """Whether the sentence makes its perfect with 'hebben' while the plain verb's participle takes 'zijn'
    ('gebeurd', 'begonnen'): the participle alone cannot be swapped."""
    from .grammar import _takes_zijn

    return _takes_zijn(participle.lower()) and any(word in _HEBBEN for word in lowered)


_ZIJN_FOR_HEBBEN = {"heb": "ben", "hebt": "bent", "heeft": "is", "hebben": "zijn", "had": "was", "hadden": "waren"}


def _with_zijn(
    text: str, words: list[Token], lowered: list[str], number: int, end: int, entry: VerbEntry, participle: str
) -> VerbMatch | None:
    """The match from the 'hebben' of the participle at `number` to its end, rewritten with 'zijn' ('hebben ...
    plaatsgevonden' -> 'zijn ... gebeurd'); None when that auxiliary is not in the same clause before it."""
    for at in range(number - 1, max(-1, number - 1 - _WINDOW), -1):
        if _CLAUSE_BREAK.search(text, words[at].end, words[at + 1].start):
            return None
        if lowered[at] in _ZIJN_FOR_HEBBEN:
            auxiliary = _ZIJN_FOR_HEBBEN[lowered[at]]
            start = words[at].start
            between = text[words[at].end : words[number].start]
            rewrite = _capitalised(f"{auxiliary}{between}{participle}", text[start])
            return VerbMatch(entry, start, end, rewrite, participle)
        if lowered[at] in _CLAUSE_OPENERS:
            return None
    return None


def _at_clause_end(text: str, end: int) -> bool:
    rest = text[end : end + 3].lstrip()
    return not rest or rest[0] in _CLAUSE_END


def _capitalised(rewrite: str, first: str) -> str:
    if rewrite and first.isupper():
        return rewrite[0].upper() + rewrite[1:]
    return rewrite
