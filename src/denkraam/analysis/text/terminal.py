"""The text check for a terminal: the text with numbered markers, then scores and findings, in Dutch.

Markers like [3] carry the meaning, so the output works without colour (pipes, screen readers, CI logs);
colour is only added when asked for (the CLI does so when stdout is a terminal).
"""

from __future__ import annotations

from .markup import LEVEL_LABELS, NEED_LABELS, measured_label, score_label, segments, worst_severity
from .report import TextReport

_COLOURS = {"info": "\033[4;36m", "waarschuwing": "\033[4;33m", "fout": "\033[4;31m"}
_BOLD = "\033[1m"
_RESET = "\033[0m"
_LANGUAGES = {"nl": "Nederlands", "en": "Engels", "onbekend": "onbekend"}


def render_text(report: TextReport, *, colour: bool = False) -> str:
    """The whole report as terminal text."""

    def bold(value: str) -> str:
        return f"{_BOLD}{value}{_RESET}" if colour else value

    lines = [bold(f"denkraam tekstcheck: {report.source}")]
    lines.append(
        f"Taal: {_LANGUAGES.get(report.language, report.language)} · {report.words} woorden · "
        f"{report.sentences} zinnen · brief: {'ja' if report.is_letter else 'nee'}"
    )
    if report.measured:
        lines.append(f"Gemeten: {measured_label(report.measured)}")
    if report.readability is not None and report.words:
        level = report.readability.level
        lines.append(
            f"Leesniveau {level} van 4: {LEVEL_LABELS[level]} "
            f"(score {report.readability.score:.0f} van 100; hoger is moeilijker)"
        )
    lines.append("")
    lines.append(bold("Scores per behoefte (0-100, hoger is beter voor de lezer):"))
    for need, label in NEED_LABELS.items():
        score = report.needs.get(need)  # type: ignore[call-overload]
        shown = "  -" if score is None else f"{score:3d}"
        lines.append(f"  {label:<12} {shown}  {score_label(score)}")
    spans = [item for item in report.findings if item.end > item.start]
    if spans:
        lines.append("")
        lines.append(bold("De tekst, met bevindingen gemarkeerd als [nummer]:"))
        lines.append(_marked_text(report, colour=colour))
    lines.append("")
    if not report.findings:
        lines.append("Geen bevindingen.")
        return "\n".join(lines) + "\n"
    lines.append(bold(f"Bevindingen ({len(report.findings)}):"))
    for number, item in enumerate(report.findings, start=1):
        where = f'"{item.excerpt}"' if item.excerpt else "(hele tekst)"
        lines.append(f"[{number}] {item.severity} · {item.need} / {item.principle} · {item.rule}")
        lines.append(f"    {where}")
        lines.append(f"    {item.message}")
        if item.why:
            lines.append(f"    Waarom: {item.why}")
        if item.rewrite:
            lines.append(f"    Voorstel: {item.rewrite}")
        if item.source:
            lines.append(f"    Uit: {item.source}")
        if item.suggestion:
            lines.append(f"    Tip: {item.suggestion}")
    return "\n".join(lines) + "\n"


def _marked_text(report: TextReport, *, colour: bool) -> str:
    parts: list[str] = []
    for segment in segments(report.text, report.findings):
        chunk = report.text[segment.start : segment.end]
        if colour and segment.covered_by:
            chunk = f"{_COLOURS[worst_severity(segment.covered_by, report.findings)]}{chunk}{_RESET}"
        parts.append(chunk)
        parts.extend(f"[{number}]" for number in segment.closes)
    return "".join(parts)
