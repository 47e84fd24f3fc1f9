"""The evidence text with its findings marked inline, built as escaped HTML.

Every piece of the user's text goes through `escape`; only our own tags are added. Overlapping findings are cut
into segments (shared with the CLI's HTML report), so marks never nest and a reference number follows the place
where each finding ends. Colour is never the only signal: each end gets a visible number and a hidden label.
"""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from denkraam.analysis import segments
from denkraam.analysis.findings import Finding
from denkraam.evidence.selectors import SEVERITY_RANK, NumberedFinding

_FINDING_FIELDS = (
    "rule", "need", "principle", "severity", "start", "end", "excerpt", "message", "suggestion", "rewrite", "why",
    "source",
)  # fmt: skip


def _as_finding(data: dict[str, object]) -> Finding:
    return Finding(**{name: data.get(name, "") for name in _FINDING_FIELDS})  # type: ignore[arg-type]


def marked_text_html(text: str, findings: list[NumberedFinding]) -> SafeString:
    """`text` as HTML paragraphs, with `<mark>` around every span finding and a numbered link to it."""
    spans = [f for f in findings if f.has_span and int(f.data["end"]) <= len(text)]
    parts: list[str] = []
    for segment in segments(text, [_as_finding(f.data) for f in spans]):
        chunk = escape(text[segment.start : segment.end]).replace("\n", "<br>\n")
        if segment.covered_by:
            covering = [spans[index - 1] for index in segment.covered_by]
            worst = max(covering, key=lambda f: SEVERITY_RANK.get(str(f.data.get("severity")), 0))
            parts.append(
                format_html(
                    '<mark class="denkraam-mark denkraam-mark--{}">{}</mark>',
                    worst.data.get("severity", "info"),
                    mark_safe(chunk),  # noqa: S308 - escaped just above
                )
            )
        else:
            parts.append(chunk)
        for index in segment.closes:
            finding = spans[index - 1]
            parts.append(
                format_html(
                    '<a class="denkraam-ref" href="#bevinding-{0}" id="markering-{0}">'
                    '<span class="visually-hidden">einde bevinding </span>{0}'
                    '<span class="visually-hidden">: {1}</span></a>',
                    finding.number,
                    finding.title,
                )
            )
    return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped or built by format_html
