"""The Interactiestrategie frame as versioned data, with its loader, validator and scoring rule. No Django."""

from __future__ import annotations

from denkraam.framework.loader import DEFAULT_FRAME, FrameError, bundled_frames, find_bundled_frame, load_frame
from denkraam.framework.model import EVIDENCE_TYPES, Frame, Need, Principle, Question, QuestionSet, ScaleOption
from denkraam.framework.render import frame_to_dict, frame_to_markdown, frame_to_text
from denkraam.framework.scoring import FrameScore, band_for, counting_rating, median_rating, score_ratings, spread
from denkraam.framework.validate import Problem, validate_file, validate_text

__all__ = [
    "DEFAULT_FRAME",
    "EVIDENCE_TYPES",
    "Frame",
    "FrameError",
    "FrameScore",
    "Need",
    "Principle",
    "Problem",
    "Question",
    "QuestionSet",
    "ScaleOption",
    "band_for",
    "bundled_frames",
    "find_bundled_frame",
    "counting_rating",
    "frame_to_dict",
    "frame_to_markdown",
    "frame_to_text",
    "load_frame",
    "median_rating",
    "score_ratings",
    "spread",
    "validate_file",
    "validate_text",
]
