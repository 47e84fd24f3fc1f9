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
from dataclasses import replace

from ..tokens import Sentence
from .features import SentenceFeatures, sentence_features, word_zipf
from .lexicon import ABSTRACT_SUFFIXES

__all__ = ["FROG_MESSAGE", "FrogRunner", "FrogUnavailable", "frog_available", "frog_features", "frog_lines", "run_frog"]

FROG_MESSAGE = "De diepe analyse heeft het programma 'frog' nodig. Installeer het met: apt-get install frog frogdata"
_AUXILIARY_LEMMAS = frozenset(
    ["zijn", "hebben", "worden", "zullen", "kunnen", "moeten", "mogen", "willen", "laten", "gaan", "doen"]
)
_FUNCTION_ADVERBS = frozenset(
    ["niet", "wel", "ook", "nog", "al", "toch", "maar", "eens", "even", "er", "hier", "daar", "dan", "toen", "nu", "zo"]
)
# A past participle that is the verbal complement ('vc') of one of these is passive ("wordt genoemd", "is
# betaald"); 'zijn' also makes the perfect of some verbs ("is gekomen"), which the calibration has to live with.
_PASSIVE_AUXILIARIES = frozenset(["worden", "zijn"])
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


def run_frog(lines: Sequence[str], *, timeout: float | None = None) -> list[list[list[str]]]:
    """Run frog once on pre-tokenised sentences (one per line); return per sentence its rows as lists of columns."""
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
    # Frog ends each sentence with a blank line. Its rows do NOT line up with our tokens one to one: it merges
    # multiword units ("naar_voren", "heen_en_weer") into one row, so rows are grouped by sentence, never counted.
    sentences: list[list[list[str]]] = [[]]
    for line in completed.stdout.splitlines():
        if line.strip():
            sentences[-1].append(line.split("\t"))
        elif sentences[-1]:
            sentences.append([])
    return [rows for rows in sentences if rows]


def _features_from_rows(rows: Sequence[Sequence[str]], base: SentenceFeatures) -> SentenceFeatures:
    """The default tier's features of the sentence (`base`), with what frog's parse counts exactly put in.

    Words, word frequency and the three plain-language counts stay the default tier's own, so the deep model
    can start from exactly the standaard-4 terms; frog supplies content words (from real POS tags), clauses
    (finite verbs), the longest dependency, words before the first finite verb, subordinate clauses and passive
    participles.
    """
    content = rare = abstract = 0
    zipf_sum = 0.0
    finite_verbs = max_dependency = subordinate = 0
    pre_finite = -1
    words_seen = 0
    lemmas = {row[0]: row[2].lower() for row in rows if len(row) >= 5}
    participles: list[tuple[str, str]] = []  # (head id, relation) of each past participle
    for row in rows:
        if len(row) < 5:
            continue
        word, lemma, tag = row[1], row[2].lower(), row[4]
        # The parser's head index and relation are the last two columns (their position depends on --skip).
        head, relation = (row[-2].strip(), row[-1].strip()) if len(row) >= 8 else ("", "")
        if tag.startswith("LET"):
            continue
        if tag.startswith("WW(pv"):
            finite_verbs += 1
            if pre_finite < 0:
                pre_finite = words_seen
        words_seen += 1
        if tag.startswith("WW(vd"):
            participles.append((head, relation))
        if relation == "body":
            subordinate += 1
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
        if head.isdigit() and head != "0" and row[0].isdigit():
            max_dependency = max(max_dependency, abs(int(head) - int(row[0])))
    passive = sum(1 for head, relation in participles if relation == "vc" and lemmas.get(head) in _PASSIVE_AUXILIARIES)
    return replace(
        base,
        content_words=content,
        zipf_sum=zipf_sum,
        rare=rare,
        abstract=abstract,
        clauses=max(finite_verbs, 1),
        max_segment=max_dependency,
        pre_finite=max(pre_finite, 0) if finite_verbs else words_seen,
        subordinate=subordinate,
        passive_pos=passive,
    )


FrogRunner = Callable[[Sequence[str]], list[list[list[str]]]]


def frog_lines(sentences: Sequence[Sentence]) -> list[str]:
    """The input lines frog gets for these sentences (only the ones it will parse), one per sentence."""
    return [
        " ".join(token.text for token in s.tokens) for s in sentences if s.tokens and len(s.tokens) <= _MAX_PARSE_TOKENS
    ]


def frog_features(sentences: Sequence[Sentence], *, runner: FrogRunner = run_frog) -> list[SentenceFeatures]:
    """Features for each sentence from ONE frog run; sentences frog cannot parse fall back to the estimate.

    `runner` turns input lines into frog's rows per line; the benchmark passes one that caches them on disk.
    """
    parsable = [s for s in sentences if s.tokens and len(s.tokens) <= _MAX_PARSE_TOKENS]
    if not parsable:
        if not frog_available():
            raise FrogUnavailable()
        return [sentence_features(sentence) for sentence in sentences]
    # Our tokens contain no whitespace, so one space-separated line per sentence is one sentence for frog (-n).
    parsed = runner([" ".join(token.text for token in sentence.tokens) for sentence in parsable])
    if len(parsed) != len(parsable):
        # Frog split or merged a sentence: pairing rows with sentences would be wrong, so estimate them all.
        return [sentence_features(sentence) for sentence in sentences]
    by_sentence = {
        id(sentence): _features_from_rows(rows, sentence_features(sentence))
        for sentence, rows in zip(parsable, parsed, strict=True)
    }
    return [by_sentence.get(id(sentence)) or sentence_features(sentence) for sentence in sentences]
