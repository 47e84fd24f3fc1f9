"""The deep tier: Debian's `frog` parses the text, giving CGN part-of-speech tags, finite verbs and a dependency
parse, so LiNT-II's features are measured (`lint_features.py`) instead of estimated.

Frog runs on our own tokens (one sentence per line, tokenizer skipped), so its output lines up token by token with
ours. Its start-up takes seconds, so by default one frog stays loaded per process (`frog_service.py`); `run_frog`
is the batch run: one frog subprocess per text, for DENKRAAM_FROG_SERVER=off and for very long texts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence

from ..tokens import Sentence
from .features import SentenceFeatures, sentence_features
from .lint_features import parsed_sentence_features
from .lint_lexicon import LintLexiconMissing, lint_lexicon

__all__ = [
    "FROG_MESSAGE",
    "MAX_PARSE_TOKENS",
    "FrogRunner",
    "FrogUnavailable",
    "frog_available",
    "frog_features",
    "frog_lines",
    "run_frog",
]

FROG_MESSAGE = (
    "De diepe analyse heeft het programma 'frog' nodig. Installeer het met: apt-get install frog frogdata ucto uctodata"
)
_FROG_DATA = ("/usr/share/frog/nld/frog.cfg", "/usr/share/ucto/tokconfig-nld", "/usr/share/ucto/textcat.cfg")
# Sentences longer than this are not parsed (frog's own limit is 500 tokens and needs a lot of memory).
MAX_PARSE_TOKENS = 150


class FrogUnavailable(RuntimeError):
    """The deep tier was asked for, but `frog` is not installed or failed."""

    def __init__(self, message: str = FROG_MESSAGE) -> None:
        super().__init__(message)


def _frog_path() -> str | None:
    return shutil.which("frog")


def frog_available() -> bool:
    """True when the `frog` program, its Dutch data and its tokenizer's data (ucto, only a Recommends of frog) are
    installed; without the last, frog fails at start-up with "Initialization failed for: [tokenizer]"."""
    return _frog_path() is not None and all(os.path.exists(path) for path in _FROG_DATA)


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
                [executable, "--skip=tanc", "-n", "-t", source, f"--max-parser-tokens={MAX_PARSE_TOKENS}"],
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


FrogRunner = Callable[[Sequence[str]], list[list[list[str]]]]


def frog_lines(sentences: Sequence[Sentence]) -> list[str]:
    """The input lines frog gets for these sentences (only the ones it will parse), one per sentence."""
    return [
        " ".join(token.text for token in s.tokens) for s in sentences if s.tokens and len(s.tokens) <= MAX_PARSE_TOKENS
    ]


def frog_features(sentences: Sequence[Sentence], *, runner: FrogRunner | None = None) -> list[SentenceFeatures]:
    """Features for each sentence from frog's parse; sentences frog cannot parse fall back to the estimate.

    `runner` turns input lines into frog's rows per line: by default the frog kept loaded (`frog_runner`); the
    benchmark passes one that caches them on disk, a test `run_frog` for the batch run.
    Raises FrogUnavailable when frog or LiNT-II's word lists (`lint_lexicon`) are missing.
    """
    try:
        lint_lexicon()  # loaded before frog starts, so a missing word list fails fast
    except LintLexiconMissing as error:
        raise FrogUnavailable(str(error)) from error
    if runner is None:
        from .frog_service import frog_runner

        runner = frog_runner
    parsable = [s for s in sentences if s.tokens and len(s.tokens) <= MAX_PARSE_TOKENS]
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
        id(sentence): parsed_sentence_features(rows, sentence_features(sentence))
        for sentence, rows in zip(parsable, parsed, strict=True)
    }
    return [by_sentence.get(id(sentence)) or sentence_features(sentence) for sentence in sentences]
