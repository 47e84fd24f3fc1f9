"""Running the analysers over one piece of evidence: the text check, plus the page check for HTML.

No Django models here: in goes text (and the original HTML for pages), out comes plain data to store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from denkraam.analysis import PAGE_ANALYSER_VERSION, TEXT_ANALYSER_VERSION, check_page, check_text
from denkraam.analysis.findings import NeedId
from denkraam.analysis.text.house_style import HouseStyle
from denkraam.analysis.text.readability import FrogUnavailable
from denkraam.framework import load_frame

# Which analyser a finding came from (its "origin"; analyses before the house style stored it as "source"), used to
# pick the questions it informs. A finding's own "source" names the word list it comes from, such as a house style.
SOURCE_TEXT = "tekst"
SOURCE_PAGE = "pagina"
# Added to the version label of an analysis whose reading level frog measured (the deep tier).
DEEP_LABEL = "leesniveau diep (frog)"
# Longer evidence keeps the ordinary reading level: frog parses ~600 words a second at best.
DEEP_MAX_CHARS = 50_000


@dataclass(frozen=True, slots=True)
class AnalysisOutcome:
    """What one analysis run found, ready to be stored on an Analysis row."""

    analyser_version: str
    frame_version: str
    language: str
    words: int
    readability_score: float | None
    readability_level: int | None
    needs: dict[NeedId, int | None]
    findings: list[dict[str, Any]]
    page: dict[str, Any] = field(default_factory=dict)


def analyse_content(
    *,
    text: str,
    html: bytes | str | None = None,
    url: str | None = None,
    house_style: HouseStyle | None = None,
    deep: bool = False,
) -> AnalysisOutcome:
    """Check `text` (the visible text, all offsets point into it) and, when given, the page's `html`; with the
    `house_style` of the organisation that owns the evidence.

    With `deep`, frog measures the reading level (texts up to DEEP_MAX_CHARS); when frog fails, the ordinary
    reading level stands and the version label does not say "diep". Raises the analysers' own errors (InputError,
    PageCheckError) with their Dutch messages.
    """
    deep = deep and len(text) <= DEEP_MAX_CHARS
    try:
        report = check_text(text, source=url or "-", house_style=house_style, deep=deep)
    except FrogUnavailable:
        deep = False
        report = check_text(text, source=url or "-", house_style=house_style)
    findings = [{**item.to_dict(), "origin": SOURCE_TEXT} for item in report.findings]
    versions = [report.analyser_version]
    if deep:
        versions.append(DEEP_LABEL)
    page: dict[str, Any] = {}
    if html is not None:
        page_report = check_page(html, url=url)
        findings += [{**item.to_dict(), "origin": SOURCE_PAGE} for item in page_report.findings]
        versions.append(page_report.versions.get("analyser", ""))
        page = {
            "title": page_report.title,
            "lang": page_report.lang,
            "contact_options": dict(page_report.contact_options),
            "has_privacy_statement": page_report.has_privacy_statement,
            "has_accessibility_statement": page_report.has_accessibility_statement,
            "counts": dict(page_report.counts),
            "measured": page_report.measured,
        }
    readability = report.readability
    return AnalysisOutcome(
        analyser_version=" + ".join(v for v in versions if v),
        frame_version=report.frame_version or load_frame().label,
        language=report.language,
        words=report.words,
        readability_score=round(readability.score, 1) if readability else None,
        readability_level=readability.level if readability else None,
        needs=dict(report.needs),
        findings=findings,
        page=page,
    )


def current_analyser_version(*, with_page: bool) -> str:
    """The version label a new analysis would get now, to tell whether an old result is out of date."""
    return f"{TEXT_ANALYSER_VERSION} + {PAGE_ANALYSER_VERSION}" if with_page else TEXT_ANALYSER_VERSION
