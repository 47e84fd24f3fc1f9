"""PDF reports with WeasyPrint: the standalone report document, A4 with "pagina X van Y" (see print.css)."""

from __future__ import annotations

import logging

from django.utils import timezone, translation
from django.utils.formats import date_format

from denkraam.reports.render import PRINT_CSS, STATIC_DIR, assessment_document
from denkraam.reports.selectors import AssessmentReport


def html_to_pdf(html: str, *, footer: str = "denkraam") -> bytes:
    """Render a standalone report document to PDF bytes with the print stylesheet.

    Relative links resolve against the app's static folder only: a report never fetches anything from the network.
    """
    # Imported here: WeasyPrint loads Pango at import, which the web pages and the CLI's other commands don't need.
    from weasyprint import CSS, HTML
    from weasyprint.logger import PROGRESS_LOGGER
    from weasyprint.urls import URLFetcher

    # WeasyPrint logs every layout step at INFO; that is noise in the server log and on the command line.
    PROGRESS_LOGGER.setLevel(logging.WARNING)

    class NoFetcher(URLFetcher):
        # Everything a report shows is in the document itself; never follow a URL (notes and links come from users).
        def fetch(self, url: str, headers: dict[str, str] | None = None) -> None:
            raise ValueError(f"Rapporten halen niets op: {url}")

    document = HTML(string=html, base_url=str(STATIC_DIR), url_fetcher=NoFetcher())
    footer_text = footer.replace("\\", "").replace('"', "'")
    footer_css = '@page { @bottom-left { content: "' + footer_text + '"; } }'
    stylesheets = [CSS(string=PRINT_CSS.read_text(encoding="utf-8")), CSS(string=footer_css)]
    # PDF/UA-1: tagged (a structure tree in reading order, every page's content marked), the document language and
    # title from the HTML, the title shown instead of the file name; screen readers read it as a document.
    return document.write_pdf(stylesheets=stylesheets, pdf_variant="pdf/ua-1")


def assessment_pdf(report: AssessmentReport) -> bytes:
    """The assessment report as PDF bytes."""
    with translation.override("nl"):
        date = date_format(timezone.localtime(report.generated_at), "j F Y")
    return html_to_pdf(assessment_document(report, embed_css=False), footer=f"denkraam · {date}")
