"""check_page: one static HTML page in, a PageReport with findings placed on the frame out."""

from __future__ import annotations

from collections import Counter

from denkraam.analysis.findings import Finding
from denkraam.analysis.webpage import accessibility, contact
from denkraam.analysis.webpage.document import Link, ParsedPage, decode_input, page_links, tag_of, visible_text
from denkraam.analysis.webpage.main_content import MainContent, find_main_content
from denkraam.analysis.webpage.report import PageCheckError, PageReport, page_finding

MAX_HTML_BYTES = 5_000_000
# A page with 300 images without alt needs one clear message, not 300: after this many findings of one rule,
# one summary finding says how many more there are.
MAX_FINDINGS_PER_RULE = 20


def check_page(html: str | bytes, *, url: str | None = None) -> PageReport:
    """Check one web page's static HTML (it is parsed, never executed).

    Checks the page language, title, headings, image alt texts, form labels and link texts (gemak /
    toegankelijk-voor-iedereen), which contact options it offers (gemak / kanalen-kiezen, persoonlijk /
    maatwerk-en-mens) and whether it links to a privacy statement (vertrouwen / transparant) and an accessibility
    statement. `url` is only recorded and used to recognise a page that is itself such a statement. The checks of
    the page itself look at the whole page (contact details and statements are often in the footer); `main_text`
    is the main content, for the text check.

    Raises PageCheckError (Dutch message) for an empty page or one larger than 5 MB.
    """
    _check_size(html)
    text = decode_input(html)
    if not text.strip():
        raise PageCheckError("De pagina is leeg; er is niets te controleren.")
    page = ParsedPage.from_text(text, url=url)
    shown = visible_text(page.root)
    main = find_main_content(page.root)

    lang, findings = accessibility.check_language(page)
    title, title_findings = accessibility.check_title(page)
    findings += title_findings
    findings += accessibility.check_headings(page)
    findings += accessibility.check_images(page)
    findings += accessibility.check_form_labels(page)
    links = page_links(page)
    findings += accessibility.check_link_texts(links)

    options = contact.find_contact_options(page, links, shown)
    findings += contact.contact_findings(options)
    privacy = contact.has_privacy_statement(page, links, title)
    statement = contact.has_accessibility_statement(page, links, title)
    findings += contact.statement_findings(privacy=privacy, accessibility=statement)

    return PageReport(
        url=url,
        title=title,
        lang=lang,
        findings=_cap(findings),
        contact_options=options,
        has_privacy_statement=privacy,
        has_accessibility_statement=statement,
        visible_text=shown,
        counts=_counts(page, links),
        main_text=main.text,
        measured=main.measured,
    )


def page_main_content(html: str | bytes) -> MainContent:
    """The main content of a page and which part that is, without the page check's findings (for stored pages).

    Raises PageCheckError (Dutch message) for a page larger than 5 MB.
    """
    _check_size(html)
    return find_main_content(ParsedPage.from_text(decode_input(html), url=None).root)


def _check_size(html: str | bytes) -> None:
    # A str is measured in UTF-8 bytes, but only when it could be too big: encoding costs time.
    too_big = len(html) > MAX_HTML_BYTES or (
        isinstance(html, str)
        and len(html) * 4 > MAX_HTML_BYTES
        and len(html.encode("utf-8", "replace")) > MAX_HTML_BYTES
    )
    if too_big:
        raise PageCheckError(
            f"De pagina is groter dan {MAX_HTML_BYTES // 1_000_000} MB; zo'n grote pagina controleert denkraam niet. "
            "Controleer een kleiner deel of een andere pagina."
        )


def _cap(findings: list[Finding]) -> list[Finding]:
    totals = Counter(finding.rule for finding in findings)
    seen: Counter[str] = Counter()
    kept: list[Finding] = []
    for finding in findings:
        seen[finding.rule] += 1
        if seen[finding.rule] <= MAX_FINDINGS_PER_RULE:
            kept.append(finding)
        elif seen[finding.rule] == MAX_FINDINGS_PER_RULE + 1:
            rest = totals[finding.rule] - MAX_FINDINGS_PER_RULE
            kept.append(
                page_finding(
                    finding.rule,
                    need=finding.need,
                    principle=finding.principle,
                    severity=finding.severity,
                    message=f"Dit komt op de pagina nog {rest} keer voor (niet allemaal apart getoond).",
                    suggestion=finding.suggestion,
                )
            )
    return kept


def _counts(page: ParsedPage, links: list[Link]) -> dict[str, int]:
    tags = Counter(tag_of(element) for element in page.elements)
    return {
        "links": len(links),
        "images": tags["img"],
        "headings": sum(tags[f"h{level}"] for level in range(1, 7)),
        "forms": tags["form"],
        "fields": tags["input"] + tags["select"] + tags["textarea"],
    }
