"""Feedback analysis end to end: scrub each comment, classify it, find its themes, and summarise the lot.

Comments stream through in chunks, so a file of a million rows never has to be in memory at once; with
`workers > 1` the chunks are spread over processes that share one warmed-up deduce (forked after warm-up).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from denkraam.analysis.feedback.classify import NEEDS, SENTIMENTS, classify_comment, load_model
from denkraam.analysis.feedback.readers import FeedbackRow
from denkraam.analysis.feedback.scrub import SCRUBBER_VERSION, scrub_text, warm_up
from denkraam.analysis.feedback.themes import ThemeCount, ThemeTally, find_themes

ANALYSER_VERSION = "1.0"
CHUNK_SIZE = 500


@dataclass(frozen=True, slots=True)
class CommentResult:
    """One analysed comment. `text` is scrubbed: the original never leaves `analyse_comment`."""

    row: int
    text: str
    need: str
    sentiment: str
    confidence: float
    evidence_words: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    scrubbed: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """The documented JSON shape of one comment."""
        return {
            "row": self.row,
            "text": self.text,
            "need": self.need,
            "sentiment": self.sentiment,
            "confidence": self.confidence,
            "evidence_words": list(self.evidence_words),
            "themes": list(self.themes),
        }


@dataclass(frozen=True, slots=True)
class FeedbackSummary:
    """Counts and shares per need and sentiment, the themes, and how much personal data was removed."""

    total: int
    needs: dict[str, int]
    sentiments: dict[str, int]
    need_sentiment: dict[str, dict[str, int]]
    themes: list[ThemeCount]
    scrubbed: dict[str, int]
    versions: dict[str, str]

    def share(self, count: int) -> float:
        """`count` as a fraction of all comments (0 when there are none)."""
        return round(count / self.total, 4) if self.total else 0.0

    def to_dict(self) -> dict[str, object]:
        """The documented JSON shape of the summary."""
        return {
            "total": self.total,
            "needs": {k: {"count": v, "share": self.share(v)} for k, v in self.needs.items()},
            "sentiments": {k: {"count": v, "share": self.share(v)} for k, v in self.sentiments.items()},
            "need_sentiment": {k: dict(v) for k, v in self.need_sentiment.items()},
            "themes": [theme.to_dict() for theme in self.themes],
            "scrubbed": dict(self.scrubbed),
            "versions": dict(self.versions),
        }


@dataclass(frozen=True, slots=True)
class FeedbackAnalysis:
    """All analysed comments and their summary."""

    comments: list[CommentResult]
    summary: FeedbackSummary


class SummaryBuilder:
    """Builds a `FeedbackSummary` from a stream of results without keeping the results."""

    def __init__(self, *, examples_per_theme: int = 3) -> None:
        self.total = 0
        self.needs = dict.fromkeys(NEEDS, 0)
        self.sentiments = dict.fromkeys(SENTIMENTS, 0)
        self.need_sentiment = {need: dict.fromkeys(SENTIMENTS, 0) for need in NEEDS}
        self.scrubbed: dict[str, int] = {}
        self.tally = ThemeTally(examples_per_theme=examples_per_theme)

    def add(self, result: CommentResult) -> None:
        """Count one analysed comment."""
        self.total += 1
        self.needs[result.need] += 1
        self.sentiments[result.sentiment] += 1
        self.need_sentiment[result.need][result.sentiment] += 1
        for kind, count in result.scrubbed.items():
            self.scrubbed[kind] = self.scrubbed.get(kind, 0) + count
        self.tally.add(themes=result.themes, sentiment=result.sentiment, text=result.text)

    def build(self) -> FeedbackSummary:
        """The summary of everything added so far."""
        return FeedbackSummary(
            total=self.total,
            needs=dict(self.needs),
            sentiments=dict(self.sentiments),
            need_sentiment={k: dict(v) for k, v in self.need_sentiment.items()},
            themes=self.tally.results(),
            scrubbed=dict(sorted(self.scrubbed.items())),
            versions=analyser_versions(),
        )


def analyser_versions() -> dict[str, str]:
    """Versions of the parts that produced a result, so old results stay explainable."""
    return {"analyser": ANALYSER_VERSION, "scrubber": SCRUBBER_VERSION, "model": load_model().version}


def analyse_comment(text: str, *, row: int = 0, names: bool = True, fast_path: bool = True) -> CommentResult:
    """Scrub, classify and theme one comment. Classification runs on the scrubbed text."""
    scrubbed = scrub_text(text, names=names, fast_path=fast_path)
    classification = classify_comment(scrubbed.text)
    return CommentResult(
        row=row,
        text=scrubbed.text,
        need=classification.need,
        sentiment=classification.sentiment,
        confidence=classification.confidence,
        evidence_words=classification.evidence_words,
        themes=find_themes(scrubbed.text),
        scrubbed=scrubbed.counts,
    )


def _as_rows(items: Iterable[FeedbackRow | str]) -> Iterator[FeedbackRow]:
    for number, item in enumerate(items, start=1):
        yield item if isinstance(item, FeedbackRow) else FeedbackRow(row=number, text=item)


def _chunks(rows: Iterator[FeedbackRow], size: int) -> Iterator[list[FeedbackRow]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def _analyse_chunk(args: tuple[list[FeedbackRow], bool, bool]) -> list[CommentResult]:
    chunk, names, fast_path = args
    return [analyse_comment(r.text, row=r.row, names=names, fast_path=fast_path) for r in chunk]


def iter_analysed(
    items: Iterable[FeedbackRow | str],
    *,
    names: bool = True,
    fast_path: bool = True,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[CommentResult]:
    """Analyse comments lazily, in input order. Plain strings get row numbers 1, 2, 3, ...

    `workers > 1` forks that many processes after warming deduce up once, so they share its memory.
    """
    rows = _as_rows(items)
    jobs = ((chunk, names, fast_path) for chunk in _chunks(rows, chunk_size))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for job in jobs:
            yield from _analyse_chunk(job)
        return
    if names:
        warm_up()
    load_model()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for results in pool.imap(_analyse_chunk, jobs):
            yield from results


def analyse_feedback(
    items: Iterable[FeedbackRow | str],
    *,
    names: bool = True,
    fast_path: bool = True,
    workers: int = 1,
    examples_per_theme: int = 3,
    on_result: Callable[[CommentResult], None] | None = None,
) -> FeedbackAnalysis:
    """Scrub, classify and theme every comment and summarise them (shares per need and sentiment, themes).

    Keeps all results in memory; for very large files use `iter_analysed` with a `SummaryBuilder`.
    """
    builder = SummaryBuilder(examples_per_theme=examples_per_theme)
    comments: list[CommentResult] = []
    for result in iter_analysed(items, names=names, fast_path=fast_path, workers=workers):
        builder.add(result)
        comments.append(result)
        if on_result is not None:
            on_result(result)
    return FeedbackAnalysis(comments=comments, summary=builder.build())
