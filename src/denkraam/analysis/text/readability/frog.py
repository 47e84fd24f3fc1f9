"""The deep tier: Debian's `frog` parses the text, giving CGN part-of-speech tags, finite verbs and a dependency
parse, so clauses and dependency lengths are counted instead of estimated.

Frog runs as ONE batch subprocess per text on our own tokens (one sentence per line, tokenizer skipped), so its
output lines up token by token with ours. Start-up takes seconds: fine for `--deep`, never on a keystroke.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence

from ..tokens import Sentence
from .features import ZIPF_CAP, SentenceFeatures, sentence_features, word_zipf
from .lexicon import ABSTRACT_SUFFIXES
from .syllables import count_syllables

__all__ = ["FROG_MESSAGE", "FrogRunner", "FrogUnavailable", "frog_available", "frog_features", "frog_lines", "run_frog"]

FROG_MESSAGE = "De diepe analyse heeft het programma 'frog' nodig. Installeer het met: apt-get install frog frogdata"
_AUXILIARY_LEMMAS = frozenset(
    ["zijn", "hebben", "worden", "zullen", "kunnen", "moeten", "mogen", "willen", "laten", "gaan", "doen"]
)
_FUNCTION_ADVERBS = frozenset(
    ["niet", "wel", "ook", "nog", "al", "toch", "maar", "eens", "even", "er", "hier", "daar", "dan", "toen", "nu", "zo"]
)
# Sentences longer than this are not parsed (frog's own limit is 500 tokens and needs a lot of memory).
_MAX_PARSE_TOKENS = 150


class FrogUnavailable(RuntimeError):
    """The deep tier was asked for, but `frog` is not installed or failed."""

    def __init__(self, message: str = FROG_MESSAGE) -> None:
        super().__init__(message)


def _frog_path() -> str | None:
    return shutil.which("frog")


def frog_available() -> bool:
    """True when the `frog` program and its Dutch data are installed."""
    return _frog_path() is not None and os.path.exists("/usr/share/frog/nld/frog.cfg")


def run_frog(lines: Sequence[str], *, timeout: float | None = None) -> list[list[str]]:
    """Run frog once on pre-tokenised sentences (one per line); return its rows as lists of columns."""
    executable = _frog_path()
    if executable is None or not frog_available():
        raise FrogUnavailable()
    if timeout is None:
        # frog parses ~200 words/s of CPU (~6 characters a word); allow for a machine shared with other work.
        timeout = 120.0 + sum(len(line) for line in lines) / 40.0
    with tempfile.TemporaryDirectory(prefix="denkraam-frog-") as folder:
        source = os.path.join(folder, "input.txt")
        with open(source, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        try:
            completed = subprocess.run(
                [executable, "--skip=tanc", "-n", "-t", source, f"--max-parser-tokens={_MAX_PARSE_TOKENS}"],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                cwd=folder,  # frog writes debug files into the working directory
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise FrogUnavailable(f"De diepe analyse duurde te lang (meer dan {timeout:.0f} seconden).") from error
        except OSError as error:
            raise FrogUnavailable(f"Het programma 'frog' kon niet starten: {error}") from error
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["onbekende fout"])[-1]
        raise FrogUnavailable(f"Het programma 'frog' gaf een fout: {last}")
    return [line.split("\t") for line in completed.stdout.splitlines() if line.strip()]


def _features_from_rows(rows: Sequence[Sequence[str]]) -> SentenceFeatures:
    """Turn frog's rows for one sentence into the same counts the default tier estimates."""
    words = content = rare = abstract = syllables = long_words = 0
    zipf_sum = zipf_all_sum = zipf_capped_sum = 0.0
    chars = finite_verbs = 0
    max_dependency = 0
    for row in rows:
        if len(row) < 5:
            continue
        word, lemma, tag = row[1], row[2].lower(), row[4]
        if tag.startswith("LET"):
            continue
        words += 1
        chars += len(word)
        zipf_all_sum += min(word_zipf(word.lower()), 7.0) if any(ch.isalpha() for ch in word) else 5.0
        zipf_capped_sum += min(word_zipf(word.lower()), ZIPF_CAP)
        word_syllables = count_syllables(word.lower())
        syllables += word_syllables
        long_words += word_syllables >= 4
        if tag.startswith("WW(pv"):
            finite_verbs += 1
        is_content = (
            tag.startswith(("N(soort", "ADJ"))
            or (tag.startswith("WW") and lemma not in _AUXILIARY_LEMMAS)
            or (tag.startswith("BW") and lemma not in _FUNCTION_ADVERBS)
        )
        if is_content:
            content += 1
            zipf = max(word_zipf(word.lower()), word_zipf(lemma))
            zipf_sum += zipf
            rare += zipf < 3.0
            abstract += tag.startswith("N(") and len(lemma) > 5 and lemma.endswith(ABSTRACT_SUFFIXES)
        # The parser's head index and relation are the last two columns (their position depends on --skip).
        head = row[-2].strip() if len(row) >= 8 else ""
        if head.isdigit() and head != "0" and row[0].isdigit():
            max_dependency = max(max_dependency, abs(int(head) - int(row[0])))
    return SentenceFeatures(
        words=words,
        content_words=content,
        zipf_sum=zipf_sum,
        rare=rare,
        clauses=max(finite_verbs, 1),
        max_segment=max_dependency,
        abstract=abstract,
        syllables=syllables,
        long_words=long_words,
        chars=chars,
        zipf_all_sum=zipf_all_sum,
        zipf_capped_sum=zipf_capped_sum,
    )


FrogRunner = Callable[[Sequence[str]], list[list[str]]]


def frog_lines(sentences: Sequence[Sentence]) -> list[str]:
    """The input lines frog gets for these sentences (only the ones it will parse), one per sentence."""
    return [
        " ".join(token.text for token in s.tokens) for s in sentences if s.tokens and len(s.tokens) <= _MAX_PARSE_TOKENS
    ]


def frog_features(sentences: Sequence[Sentence], *, runner: FrogRunner = run_frog) -> list[SentenceFeatures]:
    """Features for each sentence from ONE frog run; sentences frog cannot parse fall back to the estimate.

    `runner` turns input lines into frog's rows; the benchmark passes one that caches frog's output on disk.
    """
    parsable = [s for s in sentences if s.tokens and len(s.tokens) <= _MAX_PARSE_TOKENS]
    if not parsable:
        if not frog_available():
            raise FrogUnavailable()
        return [sentence_features(sentence) for sentence in sentences]
    # Our tokens contain no whitespace, so one space-separated line per sentence lines up 1:1 with frog's rows.
    rows = runner([" ".join(token.text for token in sentence.tokens) for sentence in parsable])
    by_sentence: dict[int, SentenceFeatures] = {}
    position = 0
    for sentence in parsable:
        count = len(sentence.tokens)
        chunk = rows[position : position + count]
        position += count
        if len(chunk) == count:
            by_sentence[id(sentence)] = _features_from_rows(chunk)
    return [by_sentence.get(id(sentence)) or sentence_features(sentence) for sentence in sentences]
