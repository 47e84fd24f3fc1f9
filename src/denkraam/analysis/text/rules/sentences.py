"""Long sentences: the strongest single predictor of a hard letter. The finding says where to split, and when the
split is safe it holds the two resulting sentences."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from denkraam.analysis.findings import Finding

from ..tokens import JOINING_WORDS, SENTENCE_OPENERS, Sentence, Token
from .base import RuleContext, finding
from .grammar import is_participle
from .parsed_splits import parsed_split
from .rewrite import (
    DETERMINERS,
    FINITE_AUXILIARIES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    capitalise,
    is_verb_stem,
    join,
    looks_finite,
    subordinate_to_main,
    subordinate_to_question,
    to_main_clause,
)

# Above this many words a sentence is hard for nearly every reader, whatever the threshold the writer chose.
HARD_LIMIT = 30
MIN_PART_WORDS = 5
MAX_SPLIT_WORDS = 120  # a longer "sentence" is a list or a text without full stops: no single split helps

# Coordinators that join two main clauses: the second clause keeps its own word order after a full stop.
_KEEP = {"maar": "Maar", "want": "Want", "dus": "Dus"}
_DROP = frozenset({"en"})
# After a comma, these start a clause that becomes a main clause behind an opener ("waardoor" -> "Daardoor").
_TO_MAIN = {
    "zodat": "Zo",
    "waardoor": "Daardoor",
    "waarbij": "Daarbij",
    "waarin": "Daarin",
    "waarmee": "Daarmee",
    "waarvoor": "Daarvoor",
    "waarna": "Daarna",
    "waarop": "Daarop",
    "die": "Die",
    "dat": "Dat",
    "wat": "Dat",
}
# Verb-final clauses that may stay as they are behind "Dat is …".
# "X, tenzij Y" says X holds except when Y: "X. Dat is anders als Y." keeps that, also when X has a "niet".
_BECAUSE = {
    "omdat": "Dat is omdat",
    "aangezien": "Dat is omdat",
    "doordat": "Dat komt doordat",
    "tenzij": "Dat is anders als",
}
# Words that can open a main clause right after "en" / "maar": a subject, or an adverb followed by the verb.
_SUBJECT_OPENERS = frozenset("wij we ik hij zij ze u jij je het dit er de deze onze uw mijn".split())
_ADVERB_OPENERS = frozenset(
    "daarom daarna dan ook toch soms nu later vervolgens daarnaast bovendien hierdoor daardoor zo verder".split()
)
_PRONOUNS_WITHOUT_COMMA = frozenset({"wij", "we", "ik", "hij", "zij", "ze"})


@dataclass(frozen=True, slots=True)
class Split:
    """Where a sentence can be split: the last token of the first part, and the second sentence as rewritten."""

    after: Token
    second: str
    first: str = ""  # the first sentence, when it had to be rewritten too ("Omdat …," -> "… . Daarom …")


def long_sentences(context: RuleContext) -> Iterator[Finding]:
    """Flag sentences longer than `max_sentence_words`; an error above ~30 words (or threshold + 10)."""
    limit = context.max_sentence_words
    hard = max(HARD_LIMIT, limit + 10)
    for sentence in context.sentences:
        count = len(sentence.words)
        if count <= limit:
            continue
        split = best_split(context.text, sentence) if count <= MAX_SPLIT_WORDS else None
        rows = context.parses.get(sentence.start)
        if split is None and rows and count <= MAX_SPLIT_WORDS:
            split = _parsed_split(context.text, sentence, rows)
        rewrite, suggestion, why = "", _general_advice(context.text, sentence), ""
        if split is not None:
            first = context.text[sentence.start : split.after.start].rstrip(" ,;:–-") or split.after.text
            if split.after.is_word:
                first = context.text[sentence.start : split.after.end].rstrip(" ,;:–-")
            stop = "" if first.endswith((".", "!", "?")) else "."
            rewrite = f"{split.first} {split.second}" if split.first else f"{first}{stop} {split.second}"
            suggestion = f"Splits de zin na '{split.after.text if split.after.is_word else first.split()[-1]}'."
            why = "Na de punt kan de lezer het eerste deel afsluiten voordat hij aan het tweede begint."
        yield finding(
            context,
            "lange-zin",
            start=sentence.start,
            end=sentence.end,
            severity="fout" if count > hard else "waarschuwing",
            message=f"Deze zin is lang: {count} woorden (advies: hoogstens {limit}).",
            suggestion=suggestion,
            rewrite=rewrite,
            why=why,
        )


def _parsed_split(text: str, sentence: Sentence, rows: list[list[str]]) -> Split | None:
    """The split frog's parse shows between two main clauses (deep tier), outside brackets and quotes."""
    found = parsed_split(text, sentence, rows, MIN_PART_WORDS)
    if found is None:
        return None
    last, second = found
    before = [token for token in sentence.tokens if token.end <= last.end]
    return Split(last, second) if _balanced(before) else None


def best_split(text: str, sentence: Sentence) -> Split | None:
    """The safe split closest to the middle of `sentence`, with at least five words on each side; or None."""
    tokens = list(sentence.tokens)
    words_before = 0
    candidates: list[tuple[int, Split]] = []
    total = len(sentence.words)
    for index, token in enumerate(tokens):
        if token.is_word:
            words_before += 1
        split = _split_at(text, sentence, tokens, index)
        if split is None:
            continue
        left = words_before - (1 if token.is_word else 0)
        right = total - left
        if left >= MIN_PART_WORDS and right >= MIN_PART_WORDS:
            candidates.append((abs(left - right), split))
    fronted = _fronted_split(text, sentence)
    if fronted is not None:
        candidates.append(fronted)
    if not candidates:
        return None
    return min(candidates, key=lambda item: item[0])[1]


# A sentence that starts with a subordinate clause: that clause becomes a sentence of its own, the main clause
# follows with a word that keeps the link ("Omdat …, volgt …" -> "… . Daarom volgt …"; a condition becomes a
# question: "Als u verhuist, moet u …" -> "Verhuist u? Dan moet u …").
_FRONTED = {
    "omdat": ("statement", "Daarom"),
    "aangezien": ("statement", "Daarom"),
    "doordat": ("statement", "Daardoor"),
    "nadat": ("statement", "Daarna"),
    "hoewel": ("statement", "Toch"),
    "als": ("question", "Dan"),
    "wanneer": ("question", "Dan"),
    "indien": ("question", "Dan"),
}


def _fronted_split(text: str, sentence: Sentence) -> tuple[int, Split] | None:
    words = sentence.words
    kind_opener = _FRONTED.get(words[0].text.lower()) if words else None
    if kind_opener is None:
        return _inverted_condition_split(text, sentence)
    kind, opener = kind_opener
    tokens = list(sentence.tokens)
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None:
        # "Als u … heeft betaald krijgt u …": no comma, but the verb of the clause meets the main verb.
        comma = _verbs_meet(tokens)
        if comma is None:
            return None
        after = tokens[comma - 1]
        clause = [t for t in tokens[1:comma] if t.is_word]
        rest = [t for t in tokens[comma:] if t.is_word]
        main = subordinate_to_main(clause, text) if kind == "statement" else subordinate_to_question(clause, text)
        if main is None or len(rest) < 3:
            return None
        second = join(opener, text[rest[0].start : sentence.end].strip())
        return abs(len(clause) - len(rest)), Split(after, second, main + ("." if kind == "statement" else ""))
    if comma + 1 >= len(tokens) or not _balanced(tokens[:comma]):
        return None
    clause = [t for t in tokens[1:comma] if t.is_word]
    rest = [t for t in tokens[comma + 1 :] if t.is_word]
    if len(rest) < 3:
        return None
    if rest[0].text.lower() == "dan":
        rest = rest[1:]
    imperative = kind == "question" and _imperative_then(rest)
    if not imperative and not (rest[0].text.lower() in FINITE_AUXILIARIES or looks_finite(rest[0].text)):
        return None
    first = subordinate_to_main(clause, text) if kind == "statement" else subordinate_to_question(clause, text)
    if first is None:
        return None
    if imperative:
        # "Als u … nodig heeft, neem dan contact op" -> "Heeft u … nodig? Neem dan contact op": 'dan' stays put.
        return abs(len(clause) - len(rest)), Split(tokens[comma], capitalise(_tail(text, sentence, rest)), first)
    if kind == "statement":
        first += "."
    second = join(opener, text[rest[0].start : sentence.end].strip())
    return abs(len(clause) - len(rest)), Split(tokens[comma], second, first)


def _verbs_meet(tokens: list[Token]) -> int | None:
    """In a sentence that opens with a subordinate clause and has no comma: the index of the main clause's finite
    verb, when it is the first place where a verb form of the clause's cluster ("bent", "heeft betaald") is
    directly followed by a finite verb and then its subject ("kunt u", "is het", "moet de …"). None otherwise."""
    if any(not t.is_word and t.text not in {".", "!", "?"} for t in tokens):
        return None  # brackets, quotes, colons: the clause may end elsewhere
    for index in range(3, len(tokens) - 2):
        before, verb, subject = tokens[index - 1].text.lower(), tokens[index].text.lower(), tokens[index + 1].text
        inverted_je = verb in {"kun", "ben", "heb", "wil", "zul", "word"} and subject in {"je", "jij"}
        if verb not in FINITE_AUXILIARIES and not inverted_je and not (verb.endswith("t") and looks_finite(verb)):
            continue
        if subject.lower() not in SUBJECT_PRONOUNS | DETERMINERS | {"er"} or subject.lower() in {"die", "dat"}:
            continue
        if tokens[index].text[:1].isupper():
            return None  # "… bent Heeft u …": a sentence without its full stop
        if before in FINITE_AUXILIARIES or is_participle(before) or (before.endswith("t") and looks_finite(before)):
            return index
        return None
    return None


def _imperative_then(rest: list[Token]) -> bool:
    """True for "neem dan …", "bel dan …": an imperative (a verb stem, lower case) directly followed by 'dan'."""
    if len(rest) < 3 or rest[1].text.lower() != "dan" or not rest[0].text.islower():
        return False
    return is_verb_stem(rest[0].text)


def _inverted_condition_split(text: str, sentence: Sentence) -> tuple[int, Split] | None:
    """ "Bent u huurder, neem dan contact op …" -> "Bent u huurder? Neem dan contact op …".

    A sentence that opens with a finite verb and its subject is a condition when the part after the first comma
    starts with 'dan' + a finite verb, or with an imperative + 'dan'. The condition already has question word
    order, so it only gets its question mark; the main clause keeps its words.
    """
    tokens = list(sentence.tokens)
    words = sentence.words
    if len(words) < 4 or not words[0].text[:1].isupper():
        return None
    verb, subject = words[0].text.lower(), words[1].text.lower()
    if not (verb in FINITE_AUXILIARIES or (verb.endswith("t") and looks_finite(verb))):
        return None
    if subject not in SUBJECT_PRONOUNS and subject not in DETERMINERS:
        return None
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or not _balanced(tokens[:comma]) or any(t.text in {"?", ":", ";"} for t in tokens[:comma]):
        return None
    clause = [t for t in tokens[:comma] if t.is_word]
    rest = [t for t in tokens[comma + 1 :] if t.is_word]
    if len(rest) < 3:
        return None
    then_finite = rest[0].text == "dan" and (rest[1].text.lower() in FINITE_AUXILIARIES or looks_finite(rest[1].text))
    # "…, belt u dan …": the finite verb, its pronoun and 'dan'.
    finite_then = looks_finite(rest[0].text) and rest[1].text in SUBJECT_PRONOUNS and rest[2].text == "dan"
    if not (then_finite or finite_then or _imperative_then(rest)):
        return None
    first = text[sentence.start : tokens[comma].start].rstrip() + "?"
    return abs(len(clause) - len(rest)), Split(tokens[comma], capitalise(_tail(text, sentence, rest)), first)


def _split_at(text: str, sentence: Sentence, tokens: list[Token], index: int) -> Split | None:
    """A split at token `index` (a semicolon, or a comma before a conjunction), or None when it is not safe."""
    token = tokens[index]
    rest = tokens[index + 1 :]
    if not rest or not _balanced(tokens[:index]):
        return None
    first_word = sentence.words[0].text.lower()
    left_has_main = first_word not in SUBORDINATORS or any(t.text == "," for t in tokens[:index])
    if not left_has_main:
        return None
    tail = _tail(text, sentence, rest)
    if token.text == ";":
        # Not inside a list ("… over: a; b; c") and only before a clause the writer started as one.
        if any(t.text == ":" for t in tokens[:index]) or not rest[0].is_word:
            return None
        first = rest[0].text
        if first.lower() in SUBORDINATORS or first.lower() in _DROP | set(_KEEP) | {"of"}:
            return None
        return Split(token, capitalise(tail)) if first[0].isupper() or first.lower() in _SUBJECT_OPENERS else None
    if token.text == ":" and rest[0].is_word and _starts_sentence(rest):
        # "… de volgende punten: Een migrant die …": what follows the colon is a sentence of its own.
        if sum(1 for t in tokens if t.text == ":") == 1:
            return Split(token, tail)
        return None
    if token.is_word and _starts_sentence([token, *rest]) and tokens[index - 1].is_word:
        previous = tokens[index - 1].text
        if previous.islower() and previous not in SUBORDINATORS | _SUBJECT_OPENERS | JOINING_WORDS:
            # "Vraag een identiteitsbewijs aan Als u …": a heading or a sentence without its full stop.
            return Split(tokens[index - 1], _tail(text, sentence, [token]))
    comma = token.text == ","
    if comma and rest[0].is_word:
        split = _split_before_conjunction(text, sentence, token, rest, tokens[:index])
        before = tokens[:index]
        # "De toegang is veelzijdig, het maaiveld wordt …": two sentences joined by a comma.
        if split is None and _main_clause_follows(rest) and _simple_main_clause(before) and not _ends_a_list(before):
            return Split(token, capitalise(tail))
        # "…, daarna krijgt u een brief" / "…, in mei volgt het besluit": a main clause that opens with an adverb or
        # a short phrase and then its finite verb keeps its word order behind a full stop.
        if (
            split is None
            and rest[0].text.lower() not in _SUBJECT_OPENERS
            and _opens_clause(rest)
            and _simple_main_clause(before)
            and not _ends_a_list(before)
        ):
            return Split(token, capitalise(tail))
        return split
    if token.is_word and index > 0 and tokens[index - 1].is_word:
        conjunction = token.text.lower()
        # Without a comma only conjunctions that always start a new clause ("… verweven raken omdat …").
        relative = conjunction in {"die", "dat", "wat"}  # only after a comma: without one, 'dat' joins a clause
        if not relative and (conjunction in _BECAUSE or conjunction in _TO_MAIN or conjunction in {"maar", "want"}):
            split = _split_before_conjunction(text, sentence, token, [token, *rest], tokens[:index])
            if split is not None:
                return Split(tokens[index - 1], split.second)
    # "… ontvangen en wij sturen u …": two main clauses without a comma; only with a clear subject and its verb.
    if (
        token.is_word
        and token.text.lower() == "en"
        and tokens[index - 1].is_word
        and rest[0].is_word
        and len(rest) > 2
        and (rest[0].text.lower() in _PRONOUNS_WITHOUT_COMMA or _main_clause_follows(rest))
        and _simple_main_clause(tokens[:index])
    ):
        return Split(tokens[index - 1], capitalise(tail))
    return None


def _split_before_conjunction(
    text: str, sentence: Sentence, token: Token, rest: list[Token], before: list[Token]
) -> Split | None:
    """A split where `rest` starts with a conjunction: the second sentence rewritten so it stands on its own."""
    conjunction = rest[0].text.lower()
    after = rest[1:]
    if not after or not after[0].is_word:
        return None
    clause = _tail(text, sentence, after)
    if "," in clause and conjunction not in _KEEP and conjunction not in _DROP:
        return None  # "… beheerst omdat …, is niet …": the sentence goes on after the clause
    if conjunction in _KEEP or conjunction in _DROP:
        if not _opens_clause(after) or _ends_a_list(before):
            return None
        return Split(token, join(_KEEP[conjunction], clause) if conjunction in _KEEP else capitalise(clause))
    if conjunction in _BECAUSE:
        return Split(token, join(_BECAUSE[conjunction], clause))
    if conjunction in _TO_MAIN:
        words = [t for t in after if t.is_word]
        main = to_main_clause(_TO_MAIN[conjunction], words, text)
        if main is not None:
            return Split(token, main + _terminal(sentence))
    return None


def _starts_sentence(words: list[Token]) -> bool:
    """A capitalised sentence opener followed by a word in lower case (so not a name such as "De Vries")."""
    return (
        len(words) > 2
        and words[0].text in SENTENCE_OPENERS
        and words[1].is_word
        and (words[1].text[:1].islower() or words[1].text in {"U", "Wij", "We", "Ik"})
    )


def _main_clause_follows(rest: list[Token]) -> bool:
    """A subject (pronoun or determiner + noun) and then, within the next words, a finite verb, no comma between."""
    if not rest[0].is_word or rest[0].text.lower() not in _SUBJECT_OPENERS:
        return False
    for position, token in enumerate(rest[1:5], start=1):
        if not token.is_word:
            return False
        word = token.text.lower()
        if word in FINITE_AUXILIARIES or (word.endswith("t") and looks_finite(word)):
            return position <= 1 or rest[0].text.lower() not in {"u", "wij", "we", "ik", "hij", "zij", "ze"}
        if word in SUBORDINATORS:
            return False
    return False


def _simple_main_clause(tokens: list[Token]) -> bool:
    """The part before a split has a verb of its own (so it is a sentence, not a fragment) and no clause that could
    still be open ("Ik wil u erop wijzen dat wanneer u …, dit …")."""
    if any(t.is_word and t.text.lower() in SUBORDINATORS for t in tokens):
        return False
    return any(
        t.is_word and (t.text.lower() in FINITE_AUXILIARIES or (t.text.lower().endswith("t") and looks_finite(t.text)))
        for t in tokens
    )


def _opens_clause(words: list[Token]) -> bool:
    """True when `words` start a main clause: a subject, or an adverb directly followed by the finite verb."""
    first = words[0].text.lower()
    if first in _SUBJECT_OPENERS:
        return True
    if first in _FRONTED_PREPOSITIONS:
        return _inverted_after_phrase(words)
    if first not in _ADVERB_OPENERS or len(words) < 2 or not words[1].is_word:
        return False
    verb = words[1].text.lower()
    if verb in FINITE_AUXILIARIES or (verb.endswith("t") and looks_finite(verb)):
        return True
    # "daarom sturen wij …": after an adverb in first place, a form in -en with a plural pronoun after it is the
    # finite verb and its subject (inversion).
    return len(words) > 2 and words[2].text.lower() in {"wij", "we", "zij", "ze"} and verb.endswith("en")


_FRONTED_PREPOSITIONS = frozenset("als in op voor na bij met door tijdens vanaf sinds volgens tot".split())


def _inverted_after_phrase(words: list[Token]) -> bool:
    """ "als gevolg van de crisis is de bouw …", "in mei krijgt u …": a phrase of at most seven words, then the
    finite verb, then its subject (a pronoun or a determiner). Nothing that opens another clause on the way."""
    for position in range(2, min(len(words) - 1, 8)):
        word = words[position].text.lower()
        if not words[position].is_word or word in SUBORDINATORS or word in {"en", "of", "maar", "om", "te"}:
            return False
        if words[position - 1].text.lower() in DETERMINERS:
            continue  # "in de brief": a noun after a determiner, not a verb
        finite = word in FINITE_AUXILIARIES or (word.endswith("t") and looks_finite(word))
        if finite:
            following = words[position + 1].text.lower()
            return following in SUBJECT_PRONOUNS or following in DETERMINERS or following == "er"
    return False


def _ends_a_list(tokens: list[Token]) -> bool:
    """True for "geluid, zicht, gezondheid, en …": a comma among the last four words means an enumeration."""
    recent = tokens[-8:]
    words = 0
    for token in reversed(recent):
        if token.text == ",":
            return True
        words += token.is_word
        if words >= 4:
            return False
    return False


def _tail(text: str, sentence: Sentence, rest: list[Token]) -> str:
    """The text from the first of `rest` to the end of the sentence."""
    return text[rest[0].start : sentence.end].strip()


def _terminal(sentence: Sentence) -> str:
    last = sentence.tokens[-1].text
    return last if last in {".", "!", "?"} else "."


def _balanced(tokens: list[Token]) -> bool:
    """False inside brackets or quotes: a split there would leave half a bracket in each sentence."""
    opened = sum(1 for t in tokens if t.text in "([") - sum(1 for t in tokens if t.text in ")]")
    quotes = sum(1 for t in tokens if t.text in {'"', "“", "”", "„"})
    return opened == 0 and quotes % 2 == 0


def _general_advice(text: str, sentence: Sentence) -> str:
    """Where to split when no safe rewrite exists: at the comma nearest the middle, if there is one."""
    words = sentence.words
    middle = words[len(words) // 2].start
    commas = [t for t in sentence.tokens if t.text in {",", ";", ":"}]
    if commas:
        nearest = min(commas, key=lambda t: abs(t.start - middle))
        before = text[sentence.start : nearest.start].split()
        if before:
            return (
                f"Splits de zin in twee of drie kortere zinnen, bijvoorbeeld bij '{before[-1]}{nearest.text}'; "
                "één boodschap per zin."
            )
    return "Splits de zin in twee of drie kortere zinnen, met één boodschap per zin."
