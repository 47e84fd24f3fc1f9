"""The static web page check: accessibility basics, contact options and statements, placed on the frame."""

from __future__ import annotations

from denkraam.analysis.webpage.check import MAX_HTML_BYTES, check_page, page_main_content
from denkraam.analysis.webpage.contact import CONTACT_OPTIONS, describe_options
from denkraam.analysis.webpage.report import ANALYSER_VERSION, PageCheckError, PageReport

__all__ = [
    "ANALYSER_VERSION",
    "CONTACT_OPTIONS",
    "MAX_HTML_BYTES",
    "PageCheckError",
    "PageReport",
    "check_page",
    "describe_options",
    "page_main_content",
]
