"""LiNT-II's own word lists, for the deep tier: SUBTLEX-NL word frequencies and the semantic types of nouns.

They come from the `lint-ii` package (EUPL-1.2, the same licence as denkraam), installed WITHOUT its
dependencies (`pip install --no-deps lint-ii==0.1.3`; `make run`/`make test` do this): LiNT-II itself needs a
spaCy model that cannot be installed from a package registry, but its data files need only pyarrow to read. We
never import the package's code; we read its parquet files:

- `subtlex_wordfreq.parquet`: log10 frequency per billion words (Zipf) of 437,499 word forms in SUBTLEX-NL;
- `subtlex_wordfreq_skiplist.parquet`: words whose SUBTLEX frequency LiNT-II does not trust (left out);
- `nouns_sem_types_<date>.parquet`: 164,671 nouns with their type (concrete, abstract, undefined) and, for
  compounds, the head noun (LiNT-II takes a compound's frequency from its head);
- `manner_adverbs_<date>.parquet`: adverbs LiNT-II counts as content words; `measurement_units.parquet`:
  unit symbols (km, kg) that count as concrete nouns.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["LINT_II_REQUIREMENT", "LintLexicon", "LintLexiconMissing", "lint_lexicon", "lint_lexicon_folder"]

LINT_II_REQUIREMENT = "lint-ii==0.1.3"
LINT_LEXICON_MESSAGE = (
    "De diepe analyse heeft de woordenlijsten van LiNT-II nodig. Installeer ze met: "
    f"pip install --no-deps {LINT_II_REQUIREMENT} pyarrow"
)
# LiNT-II's frequency for a word that SUBTLEX-NL never saw: log10(1 / corpus size x 1e9).
UNSEEN_ZIPF = 1.359228547196266


class LintLexiconMissing(RuntimeError):
    """The `lint-ii` package (its data files) or pyarrow is not installed."""

    def __init__(self, message: str = LINT_LEXICON_MESSAGE) -> None:
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class LintLexicon:
    frequencies: dict[str, float]
    skip: frozenset[str]
    noun_types: dict[str, str]  # word -> concrete | abstract | undefined
    noun_heads: dict[str, str]  # compound -> head noun
    manner_adverbs: frozenset[str]
    units: frozenset[str]

    def zipf(self, word: str) -> float:
        return self.frequencies.get(word, UNSEEN_ZIPF)


def lint_lexicon_folder() -> Path | None:
    """The data folder of the installed `lint-ii` package (found without importing it), or None."""
    spec = importlib.util.find_spec("lint_ii")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "linguistic_data" / "data"
    return folder if (folder / "subtlex_wordfreq.parquet").exists() else None


def _newest(folder: Path, pattern: str) -> Path:
    matches = sorted(folder.glob(pattern), key=lambda path: path.stem, reverse=True)
    if not matches:
        raise LintLexiconMissing()
    return matches[0]


@lru_cache(maxsize=1)
def lint_lexicon() -> LintLexicon:
    """Load the word lists once per process (about a second); raises LintLexiconMissing when absent."""
    folder = lint_lexicon_folder()
    if folder is None:
        raise LintLexiconMissing()
    try:
        import pyarrow.parquet as parquet
    except ImportError as error:
        raise LintLexiconMissing() from error

    def columns(path: Path, *names: str) -> list[list[Any]]:  # pyarrow is untyped; the cells are str or int
        table = parquet.read_table(path, columns=list(names)).to_pydict()
        return [table[name] for name in names]

    words, counts = columns(folder / "subtlex_wordfreq.parquet", "word", "word_count")
    (skip,) = columns(folder / "subtlex_wordfreq_skiplist.parquet", "word")
    nouns, types, heads = columns(_newest(folder, "nouns_sem_types_*.parquet"), "word", "super_sem_type", "head")
    (adverbs,) = columns(_newest(folder, "manner_adverbs_*.parquet"), "adverb")
    (units,) = columns(folder / "measurement_units.parquet", "symbol")
    return LintLexicon(
        frequencies=dict(zip(words, map(float, counts), strict=True)),
        skip=frozenset(skip),
        noun_types={noun: kind for noun, kind in zip(nouns, types, strict=True) if kind},
        noun_heads={noun: head for noun, head in zip(nouns, heads, strict=True) if head},
        manner_adverbs=frozenset(adverbs),
        units=frozenset(units),
    )
