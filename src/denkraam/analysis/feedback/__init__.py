"""Customer feedback analysis: scrub personal data, classify by need and sentiment, find themes - offline, on a CPU."""

from __future__ import annotations

from denkraam.analysis.feedback.classify import NEEDS, SENTIMENTS, Classification, classify_comment
from denkraam.analysis.feedback.pipeline import (
    CommentResult,
    FeedbackAnalysis,
    FeedbackSummary,
    SummaryBuilder,
    analyse_comment,
    analyse_feedback,
    iter_analysed,
)
from denkraam.analysis.feedback.readers import FeedbackInputError, FeedbackRow, read_feedback_file
from denkraam.analysis.feedback.scrub import (
    PLACEHOLDER_TYPES,
    Replacement,
    ScrubResult,
    scrub_file_name,
    scrub_text,
    scrub_texts,
    warm_up,
)
from denkraam.analysis.feedback.themes import ThemeCount, find_themes

__all__ = [
    "NEEDS",
    "PLACEHOLDER_TYPES",
    "SENTIMENTS",
    "Classification",
    "CommentResult",
    "FeedbackAnalysis",
    "FeedbackInputError",
    "FeedbackRow",
    "FeedbackSummary",
    "Replacement",
    "ScrubResult",
    "SummaryBuilder",
    "ThemeCount",
    "analyse_comment",
    "analyse_feedback",
    "classify_comment",
    "find_themes",
    "iter_analysed",
    "read_feedback_file",
    "scrub_file_name",
    "scrub_text",
    "scrub_texts",
    "warm_up",
]
