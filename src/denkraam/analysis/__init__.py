"""denkraam's analysers: pure Python, no Django. The public API is listed in __all__.

Besides the checks themselves, the web app uses a few building blocks: the fetch guard (`check_host`,
`allowed_hosts`) to refuse a private address before anything is stored, the extractors (`document_from_bytes`,
`html_to_text`, `MAX_TEXT_CHARS`) for uploads and fetched pages, the report markup (`segments`, `score_label`,
`LEVEL_LABELS`) shared with the CLI's HTML report, the text rule catalog (`RULES`) and the analyser versions that
tell whether a stored result is out of date.
"""

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
from denkraam.analysis.fetch.guard import allowed_hosts, check_host
from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.extract import (
    MAX_TEXT_CHARS,
    Document,
    InputError,
    document_from_bytes,
    html_to_text,
    load_document,
)
from denkraam.analysis.text.markup import LEVEL_LABELS, Segment, score_label, segments
from denkraam.analysis.text.report import ANALYSER_VERSION as TEXT_ANALYSER_VERSION
from denkraam.analysis.text.report import TextReport
from denkraam.analysis.text.rules.catalog import RULES, RuleInfo
from denkraam.analysis.webpage import ANALYSER_VERSION as PAGE_ANALYSER_VERSION
from denkraam.analysis.webpage import PageCheckError, PageReport, check_page, page_main_content

__all__: list[str] = []
__all__ += ["FetchError", "FetchedPage", "allowed_hosts", "check_host", "fetch_url"]
__all__ += ["PAGE_ANALYSER_VERSION", "PageCheckError", "PageReport", "check_page", "page_main_content"]
__all__ += ["InputError", "TEXT_ANALYSER_VERSION", "TextReport", "check_text", "load_document"]
__all__ += ["Document", "MAX_TEXT_CHARS", "document_from_bytes", "html_to_text"]
__all__ += ["LEVEL_LABELS", "RULES", "RuleInfo", "Segment", "score_label", "segments"]
__all__ += ["FeedbackInputError", "ScrubResult", "analyse_feedback", "classify_comment"]
__all__ += ["read_feedback_file", "scrub_text"]
