"""Turn report data into HTML: the page in the web app, and a standalone document for PDF and the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from denkraam.reports.charts import Series, line_chart, need_score_chart
from denkraam.reports.selectors import AssessmentReport, InitiativeReport

STATIC_DIR = Path(__file__).resolve().parent / "static" / "reports"
PRINT_CSS = STATIC_DIR / "print.css"


def assessment_context(report: AssessmentReport) -> dict[str, Any]:
    """Template context for the assessment report (page and document share it)."""
    chart = None
    if report.need_results:
        chart = need_score_chart(chart_id="scores", title="Score per behoefte (0 tot 100)", results=report.need_results)
    return {"report": report, "chart": chart, "title": f"Rapport: {report.assessment.title}"}


def initiative_context(report: InitiativeReport) -> dict[str, Any]:
    """Template context for the initiative report, with the trend chart when there is at least one score."""
    chart = None
    if report.points:
        labels = [timezone.localtime(p.date).strftime("%d-%m-%Y") for p in report.points]
        series = [
            Series(key=need.id, label=need.title, values=[p.needs[i].score for p in report.points])
            for i, need in enumerate(report.frame.needs)
        ]
        chart = line_chart(chart_id="trend", title="Score per behoefte in de tijd", x_labels=labels, series=series)
    return {
        "report": report,
        "chart": chart,
        "title": f"Rapport: {report.initiative.name}",
    }


def assessment_document(report: AssessmentReport, *, embed_css: bool) -> str:
    """A standalone HTML document of the assessment report (no menu), for the PDF and for `denkraam report`.

    With `embed_css` the print stylesheet is put inside the file, so the HTML file can be opened on its own.
    """
    context = assessment_context(report)
    # On paper only answers with a note or reason are listed one by one; the counts show everyone's rating.
    context["compact"] = True
    context["embedded_css"] = mark_safe(PRINT_CSS.read_text(encoding="utf-8")) if embed_css else ""  # noqa: S308
    with translation.override("nl"):
        return render_to_string("reports/assessment_document.html", context)
