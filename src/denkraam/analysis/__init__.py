"""denkraam's analysers: pure Python, no Django. The public API is listed in __all__."""

from __future__ import annotations

from denkraam.analysis.feedback import (
    FeedbackInputError,
    ScrubResult,
    analyse_feedback,
    classify_comment,
    read_feedback_file,
    scrub_text,
)
from denkraam.analysis.fetch import FetchedPage, FetchError, fetch_url
from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.extract import InputError, load_document
from denkraam.analysis.text.report import TextReport
from denkraam.analysis.webpage import PageCheckError, PageReport, check_page

__all__: list[str] = []
__all__ += ["FetchError", "FetchedPage", "fetch_url"]
__all__ += ["PageCheckError", "PageReport", "check_page"]
__all__ += ["InputError", "TextReport", "check_text", "load_document"]
__all__ += ["FeedbackInputError", "ScrubResult", "analyse_feedback", "classify_comment"]
__all__ += ["read_feedback_file", "scrub_text"]
