"""LiNT-II's syntactic dependency length, measured on frog's parse.

LiNT-II measures the longest dependency on a spaCy parse in Universal Dependencies (UD) style, where content
words are heads: the lexical verb heads its clause (auxiliaries and copulas hang from it), the noun heads its
prepositional phrase, the verb of a subordinate clause heads it (the conjunction hangs from it) and the first
conjunct heads a coordination. Frog's parser follows Alpino's conventions instead: the finite verb, the
preposition, the subordinating conjunction and the coordinator are heads. Measured directly on frog's tree,
the long Dutch dependencies (subject ... clause-final participle, main verb ... end of a subordinate clause)
disappear; correlation with LiNT-II's value was 0.58.

`dependency_heads` rewrites frog's tree to UD's conventions, and `max_dependency_length` then counts as LiNT-II
does: the number of words (punctuation not counted) between a word and its head; a conjunct is measured to the
head of the whole coordination (to the first conjunct when the coordination is the root); a subject of
coordinated verbs is measured to each of them; punctuation has length 0. Frog sometimes leaves several roots;
the extra ones are attached to the main one (the first verb among them), as in a single UD tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["ParsedWord", "dependency_heads", "max_dependency_length", "parsed_words", "verb_roles"]

# A verb with one of these lemmas and a verbal complement is an auxiliary in UD: its dependents move to the verb.
AUXILIARY_LEMMAS = frozenset(["zijn", "hebben", "worden", "zullen", "kunnen", "moeten", "mogen", "willen"])
# A verb with one of these lemmas and a predicate complement (and no verbal complement) is a copula in UD.
COPULA_LEMMAS = frozenset(["zijn", "worden", "blijven", "lijken", "blijken"])


@dataclass(frozen=True, slots=True)
class ParsedWord:
    """One row of frog's output: position (1-based), word, lemma (lower case), CGN tag, head (0 = root), relation."""

    position: int
    word: str
    lemma: str
    tag: str
    head: int
    relation: str

    @property
    def is_punctuation(self) -> bool:
        return self.tag.startswith("LET")

    @property
    def is_verb(self) -> bool:
        return self.tag.startswith("WW")


def parsed_words(rows: Sequence[Sequence[str]]) -> list[ParsedWord]:
    """Frog's rows (columns as lists) as ParsedWords; rows without a numeric position are skipped."""
    words = []
    for row in rows:
        if len(row) < 5 or not row[0].strip().isdigit():
            continue
        head, relation = (row[-2].strip(), row[-1].strip()) if len(row) >= 8 else ("0", "")
        words.append(
            ParsedWord(
                position=int(row[0]),
                word=row[1],
                lemma=row[2].lower(),
                tag=row[4],
                head=int(head) if head.isdigit() else 0,
                relation=relation,
            )
        )
    return words


class _Tree:
    """Mutable heads and relations while frog's tree is rewritten."""

    def __init__(self, words: Sequence[ParsedWord]) -> None:
        self.words = {word.position: word for word in words}
        self.head = {word.position: word.head if word.head in self.words else 0 for word in words}
        self.relation = {word.position: word.relation for word in words}

    def children(self, parent: int, relation: str | None = None) -> list[int]:
        return [
            position
            for position in sorted(self.head)
            if self.head[position] == parent and (relation is None or self.relation[position] == relation)
        ]

    def promote(self, old: int, new: int, *, move_dependents: bool = True) -> None:
        """`new` takes `old`'s place in the tree; `old` (and, if asked, its other dependents) hang from `new`."""
        self.head[new], self.relation[new] = self.head[old], self.relation[old]
        self.head[old], self.relation[old] = new, "ud"
        if move_dependents:
            for child in self.children(old):
                if child != new and self.relation[child] != "punct":
                    self.head[child] = new

    def verbal_complements(self, position: int) -> list[int]:
        return [child for child in self.children(position, "vc") if self.words[child].is_verb]


def verb_roles(words: Sequence[ParsedWord]) -> tuple[set[int], set[int]]:
    """Positions of the auxiliaries (a verb with an auxiliary lemma and a verbal complement) and the copulas (a
    verb with a copula lemma, a predicate and no verbal complement) in frog's parse. UD hangs both from the
    content word they go with, and LiNT-II does not count them as content words."""
    below: dict[int, set[tuple[str, bool]]] = {}
    for word in words:
        below.setdefault(word.head, set()).add((word.relation, word.is_verb))
    auxiliaries, copulas = set(), set()
    for word in words:
        children = below.get(word.position, set())
        if not word.is_verb:
            continue
        has_verbal_complement = ("vc", True) in children
        if word.lemma in AUXILIARY_LEMMAS and has_verbal_complement:
            auxiliaries.add(word.position)
        elif (
            word.lemma in COPULA_LEMMAS and not has_verbal_complement and {("predc", True), ("predc", False)} & children
        ):
            copulas.add(word.position)
    return auxiliaries, copulas


def _content_heads(tree: _Tree, words: Sequence[ParsedWord]) -> None:
    """Prepositions, subordinating conjunctions, auxiliaries and copulas give way to their content word."""
    for position, word in tree.words.items():
        if word.tag.startswith("VZ") and (objects := tree.children(position, "obj1")):
            tree.promote(position, objects[0])
    for position, word in tree.words.items():
        if word.tag.startswith(("VG(onder", "VZ", "VNW")) and (bodies := tree.children(position, "body")):
            tree.promote(position, bodies[0], move_dependents=False)
    auxiliaries, copulas = verb_roles(words)
    for position in sorted(auxiliaries):
        tree.promote(position, tree.verbal_complements(position)[0])
    for position in sorted(copulas):
        tree.promote(position, tree.children(position, "predc")[0])


def _coordinations(tree: _Tree) -> list[list[int]]:
    """The first conjunct heads a coordination; later ones hang from the coordination's own head (LiNT-II)."""
    groups = []
    for position, word in tree.words.items():
        conjuncts = tree.children(position, "cnj")
        if not conjuncts or not word.tag.startswith("VG"):
            continue
        outer, first = tree.head[position], conjuncts[0]
        tree.head[first], tree.relation[first] = outer, tree.relation[position]
        for conjunct in conjuncts[1:]:
            tree.head[conjunct], tree.relation[conjunct] = (outer or first), "conj"
        following = [conjunct for conjunct in conjuncts if conjunct > position]
        tree.head[position], tree.relation[position] = (following[0] if following else first), "cc"
        groups.append(conjuncts)
    return groups


def _single_root(tree: _Tree) -> None:
    roots = [position for position, head in tree.head.items() if head == 0 and not tree.words[position].is_punctuation]
    if len(roots) > 1:
        main = next((position for position in roots if tree.words[position].is_verb), roots[0])
        for position in roots:
            if position != main:
                tree.head[position] = main


def dependency_heads(words: Sequence[ParsedWord]) -> dict[int, list[int]]:
    """Each word's head(s) in UD style (see the module docstring); the root's list is empty."""
    tree = _Tree(words)
    _content_heads(tree, words)
    groups = _coordinations(tree)
    _single_root(tree)
    heads = {position: ([head] if head else []) for position, head in tree.head.items()}
    for conjuncts in groups:
        for conjunct in conjuncts:
            for subject in tree.children(conjunct, "su"):
                heads[subject] += [other for other in conjuncts if other != conjunct]
    return heads


def max_dependency_length(words: Sequence[ParsedWord]) -> int:
    """The longest dependency: words (not punctuation) strictly between a word and its head, as LiNT-II counts."""
    order = [word.position for word in words]
    index = {position: number for number, position in enumerate(order)}
    punctuation = {word.position for word in words if word.is_punctuation}
    # Words (not punctuation) before each position, so a span's word count is a subtraction.
    before, count = {}, 0
    for position in order:
        before[position] = count
        count += position not in punctuation
    longest = 0
    for position, heads in dependency_heads(words).items():
        if position in punctuation:
            continue
        for head in heads:
            low, high = sorted((position, head), key=index.__getitem__)
            longest = max(longest, before[high] - before[low] - 1)
    return longest
