"""The text check: one call from a Dutch text to findings on the frame, readability and need scores."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .b1 import b1_verdict
from .extract import MAX_TEXT_CHARS, InputError
from .house_style import HouseStyle
from .language import detect_language
from .letter_types import normalise_letter_type
from .needs import need_scores, need_signals
from .readability import assess_readability
from .report import TextReport
from .rules import RuleContext, letter_framing, looks_like_letter, run_rules
from .rules.base import finding
from .rules.letter import letter_type_of
from .tokens import Sentence, split_sentences

FALLBACK_FRAME_VERSION = "interactiestrategie 1.0"
DEFAULT_MAX_SENTENCE_WORDS = 20


def check_text(
    text: str,
    *,
    source: str = "-",
    deep: bool = False,
    max_sentence_words: int = DEFAULT_MAX_SENTENCE_WORDS,
    is_letter: bool | None = None,
    house_style: HouseStyle | None = None,
    letter_type: str | None = None,
) -> TextReport:
    """Check a Dutch text for what gets in the reader's way and score the three needs of the frame.

    `deep=True` uses frog for the readability score (raises `FrogUnavailable` when it is missing).
    `is_letter=None` detects a letter from its salutation or closing greeting; letters are also checked for
    contact person, phone number, action, deadline, reason, objection route and use of personal data.
    `house_style` is an organisation's own word list (it wins over denkraam's lists); `letter_type` names the kind
    of letter when the writer knows it (None: the check recognises it; an unknown name raises ValueError). A text
    that is not Dutch gets one notice and no scores. Raises `InputError` for text over the size limit.
    """
    if len(text) > MAX_TEXT_CHARS:
        maximum = f"{MAX_TEXT_CHARS:_}".replace("_", ".")  # Dutch thousands separator
        raise InputError(f"De tekst is te lang: het maximum is {maximum} tekens. Controleer de tekst in delen.")
    if max_sentence_words < 1:
        raise ValueError("max_sentence_words must be at least 1")
    sentences = split_sentences(text)
    words = sum(len(sentence.words) for sentence in sentences)
    if letter_type is not None:
        letter_type = normalise_letter_type(letter_type)  # ValueError (in Dutch) for an unknown kind
    # A writer who names the kind of letter says it is a letter.
    letter = (letter_type is not None or looks_like_letter(text)) if is_letter is None else is_letter
    context = RuleContext(
        text=text,
        sentences=sentences,
        is_letter=letter,
        max_sentence_words=max_sentence_words,
        house_style=house_style,
        letter_type=letter_type,
    )
    language = detect_language(text).code
    if language != "nl":
        notice = finding(
            context,
            "taal",
            message=f"Deze tekst lijkt niet in het Nederlands geschreven (taal: {language}). De tekstcheck is "
            "gemaakt voor Nederlandse teksten; er zijn daarom geen scores berekend.",
            suggestion="Controleer een Nederlandse versie van de tekst.",
        )
        return TextReport(
            source=source,
            language=language,
            text=text,
            words=words,
            sentences=len(sentences),
            readability=None,
            needs=need_scores((), words=0, readability=None),
            findings=(notice,),
            is_letter=letter,
            frame_version=frame_version(),
        )
    # A letter's salutation and sign-off are not text to read: as short "sentences" they would lower its level.
    framing = letter_framing(sentences) if letter else set()
    body = [sentence for index, sentence in enumerate(sentences) if index not in framing] or sentences
    runner = _RememberingFrog() if deep else None
    readability = assess_readability(text, sentences=body, deep=deep, runner=runner)
    if runner is not None:
        # The rules read the same parse (long sentences split where frog shows two main clauses).
        context.parses = {s.start: runner.rows[line] for s, line in zip(body, map(_frog_line, body), strict=True)
                          if line in runner.rows}  # fmt: skip
    findings = run_rules(context)
    body_words = sum(len(sentence.words) for sentence in body)
    b1 = b1_verdict(
        level=readability.level,
        words=body_words,
        sentences=len(body),
        findings=findings,
        text=text,
        max_sentence_words=max_sentence_words,
    )
    return TextReport(
        source=source,
        language=language,
        text=text,
        words=words,
        sentences=len(sentences),
        readability=readability,
        needs=need_scores(
            findings,
            words=words,
            readability=readability.score if words else None,
            signals=need_signals(text, findings=findings, is_letter=letter),
        ),
        findings=tuple(findings),
        is_letter=letter,
        frame_version=frame_version(),
        letter_type=letter_type_of(context) if letter else None,
        letter_type_detected=letter and not letter_type,
        b1=b1 if words else None,
    )


def _frog_line(sentence: Sentence) -> str:
    """The line frog gets for `sentence` (as `frog_features` sends it)."""
    return " ".join(token.text for token in sentence.tokens)


class _RememberingFrog:
    """The frog kept loaded, remembering its rows per input line for the length of one check."""

    def __init__(self) -> None:
        self.rows: dict[str, list[list[str]]] = {}

    def __call__(self, lines: Sequence[str]) -> list[list[list[str]]]:
        from .readability.frog_service import frog_runner

        parsed = frog_runner(lines)
        if len(parsed) == len(lines):
            self.rows.update(zip(lines, parsed, strict=True))
        return parsed


@cache
def frame_version() -> str:
    """The label of the bundled frame ("interactiestrategie 1.0"); a constant if the frame cannot be loaded."""
    try:
        from denkraam.framework import load_frame

        return load_frame().label
    except Exception:  # noqa: BLE001 - a broken frame file must not stop the text check
        return FALLBACK_FRAME_VERSION
