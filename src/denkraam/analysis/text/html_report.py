"""A standalone, accessible HTML report of one or more text checks.

Everything from the input (text, file name, excerpts) is escaped: the text may be hostile HTML. Findings are
shown with <mark>, a numbered superscript link and a visually hidden label, never by colour alone. Inline CSS
only, so the file works offline and can be mailed as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from html import escape
from importlib import resources
from string import Template

from denkraam.analysis.findings import Finding

from .markup import LEVEL_LABELS, NEED_LABELS, measured_label, score_label, segments, worst_severity
from .report import ANALYSER_VERSION, TextReport


@cache
def _template() -> Template:
    return Template(resources.files(__package__).joinpath("templates/text_report.html").read_text(encoding="utf-8"))


def render_html(reports: Sequence[TextReport]) -> str:
    """One HTML page with a section per report."""
    title = "Tekstcheck" if len(reports) != 1 else f"Tekstcheck: {reports[0].source}"
    sections = "\n".join(_section(report, index) for index, report in enumerate(reports, start=1))
    frame = reports[0].frame_version if reports else ""
    return _template().substitute(
        title=escape(title), sections=sections, analyser=escape(ANALYSER_VERSION), frame=escape(frame)
    )


def _section(report: TextReport, index: int) -> str:
    prefix = f"r{index}"
    parts = [f'<section aria-labelledby="{prefix}-kop">', f'<h2 id="{prefix}-kop">{escape(report.source)}</h2>']
    parts.append(
        f"<p>{report.words} woorden, {report.sentences} zinnen. Taal: {escape(report.language)}. "
        f"Brief: {'ja' if report.is_letter else 'nee'}.</p>"
    )
    if report.measured:
        parts.append(f"<p>Gemeten: {escape(measured_label(report.measured))}.</p>")
    if report.readability is not None and report.words:
        level = report.readability.level
        parts.append(
            f"<p>Leesniveau <strong>{level} van 4</strong>: {escape(LEVEL_LABELS[level])} "
            f"(score {report.readability.score:.0f} van 100; hoger is moeilijker).</p>"
        )
    parts.append(_scores_table(report, prefix))
    if any(item.end > item.start for item in report.findings):
        parts.append(f'<h3 id="{prefix}-tekst">De tekst met bevindingen</h3>')
        parts.append(
            "<p>Gemarkeerde stukken hebben een nummer; het nummer linkt naar de uitleg in de tabel.</p>"
            f'<div class="tekst">{_marked_text(report, prefix)}</div>'
        )
    parts.append(_findings_table(report, prefix))
    parts.append("</section>")
    return "\n".join(parts)


def _scores_table(report: TextReport, prefix: str) -> str:
    rows = []
    for need, label in NEED_LABELS.items():
        score = report.needs.get(need)  # type: ignore[call-overload]
        shown = "geen score" if score is None else f"{score} van 100"
        rows.append(f'<tr><th scope="row">{label}</th><td class="score">{shown}</td><td>{score_label(score)}</td></tr>')
    return (
        f'<table aria-describedby="{prefix}-scores-uitleg"><caption>Scores per behoefte</caption>'
        '<thead><tr><th scope="col">Behoefte</th><th scope="col">Score</th><th scope="col">Oordeel</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
        f'<p id="{prefix}-scores-uitleg">Scores lopen van 0 tot 100; hoger is beter voor de lezer.</p>'
    )


def _marked_text(report: TextReport, prefix: str) -> str:
    out: list[str] = []
    for segment in segments(report.text, report.findings):
        chunk = escape(report.text[segment.start : segment.end])
        if segment.covered_by:
            severity = worst_severity(segment.covered_by, report.findings)
            out.append(f'<mark class="{severity}">{chunk}</mark>')
        else:
            out.append(chunk)
        for number in segment.closes:
            item = report.findings[number - 1]
            out.append(
                f'<sup><a href="#{prefix}-b{number}" id="{prefix}-m{number}">{number}</a></sup>'
                f'<span class="visually-hidden"> (bevinding {number}, {escape(item.severity)}: '
                f"{escape(item.message)})</span>"
            )
    return "".join(out)


def _findings_table(report: TextReport, prefix: str) -> str:
    if not report.findings:
        return "<p>Geen bevindingen.</p>"
    rows = []
    for number, item in enumerate(report.findings, start=1):
        where = escape(item.excerpt) if item.excerpt else "<em>hele tekst</em>"
        back = f' <a href="#{prefix}-m{number}">naar de tekst</a>' if item.end > item.start else ""
        rows.append(
            f'<tr id="{prefix}-b{number}"><td>{number}</td><td>{escape(item.severity)}</td>'
            f"<td>{escape(item.need)} / {escape(item.principle)}</td><td>{where}{back}</td>"
            f"<td>{escape(item.message)}{_why(item)}</td><td>{_proposal(item)}</td></tr>"
        )
    return (
        f'<h3 id="{prefix}-bevindingen">Bevindingen ({len(report.findings)})</h3>'
        '<table><caption class="visually-hidden">Alle bevindingen met uitleg en tip</caption><thead><tr>'
        '<th scope="col">Nr.</th><th scope="col">Ernst</th><th scope="col">Behoefte / principe</th>'
        '<th scope="col">Waar</th><th scope="col">Wat is er</th><th scope="col">Tip</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _why(item: Finding) -> str:
    parts = [f"<br><small>Waarom: {escape(item.why)}</small>" if item.why else ""]
    if item.source:
        parts.append(f"<br><small>Uit: {escape(item.source)}</small>")
    return "".join(parts)


def _proposal(item: Finding) -> str:
    rewrite = f"<q>{escape(item.rewrite)}</q>" if item.rewrite else ""
    tip = escape(item.suggestion)
    return f"{rewrite}<br>{tip}" if rewrite and tip else rewrite or tip
