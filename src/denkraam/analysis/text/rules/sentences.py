"""Long sentences: the strongest single predictor of a hard letter."""

from __future__ import annotations

from collections.abc import Iterator

from denkraam.analysis.findings import Finding

from .base import RuleContext, finding

# Above this many words a sentence is hard for nearly every reader, whatever the threshold the writer chose.
HARD_LIMIT = 30


def long_sentences(context: RuleContext) -> Iterator[Finding]:
    """Flag sentences longer than `max_sentence_words`; an error above ~30 words (or threshold + 10)."""
    limit = context.max_sentence_words
    hard = max(HARD_LIMIT, limit + 10)
    for sentence in context.sentences:
        count = len(sentence.words)
        if count <= limit:
            continue
        yield finding(
            context,
            "lange-zin",
            start=sentence.start,
            end=sentence.end,
            severity="fout" if count > hard else "waarschuwing",
            message=f"Deze zin is lang: {count} woorden (advies: hoogstens {limit}).",
            suggestion="Splits de zin in twee of drie kortere zinnen, met één boodschap per zin.",
        )
