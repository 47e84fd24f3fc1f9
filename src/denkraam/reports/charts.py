"""Server-rendered SVG charts for the reports: need scores as bars and need scores over time as lines.

Written by hand (no plotting library): the markup is small, works in the browser and in WeasyPrint, and uses only
SVG presentation attributes (fill, stroke), never a style attribute, so the Content Security Policy holds.
Each chart has a title and description for screen readers; the page puts a data table next to it. Colours have a
contrast of at least 3:1 against white, and meaning never depends on colour: every bar and line carries its label
and value as text, lines also differ in marker shape and dash pattern.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

# Need colours (same as the start page); contrast on white: 7.6:1, 7.9:1 and 6.6:1.
NEED_COLOURS: dict[str, str] = {"vertrouwen": "#24578f", "persoonlijk": "#7a3e8f", "gemak": "#2e6b30"}
FALLBACK_COLOURS: tuple[str, ...] = ("#24578f", "#7a3e8f", "#2e6b30", "#8a4b00", "#3d3d3d")
DASHES: tuple[str, ...] = ("", "8 4", "3 3", "12 4 3 4")
MARKERS: tuple[str, ...] = ("circle", "square", "triangle", "diamond")
TEXT = "#1a1a1a"
GRID = "#767676"  # 4.5:1 on white
FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'


@dataclass(frozen=True, slots=True)
class Bar:
    key: str
    label: str
    value: float | None
    value_text: str  # e.g. "58 van 100 – voldoende"


@dataclass(frozen=True, slots=True)
class Series:
    key: str
    label: str
    values: list[float | None]


def _colour(key: str, index: int) -> str:
    return NEED_COLOURS.get(key, FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)])


def _open(*, chart_id: str, width: int, height: int, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="denkraam-chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]


def bar_chart(*, chart_id: str, title: str, bars: Sequence[Bar], maximum: float = 100.0) -> SafeString:
    """Horizontal bars on a 0–maximum scale, each with its label on the left and its value as text on the right."""
    label_w, plot_w, value_w, row_h, top, bottom = 150, 300, 200, 40, 10, 30
    width = label_w + plot_w + value_w
    height = top + row_h * max(len(bars), 1) + bottom
    description = "; ".join(f"{b.label}: {b.value_text}" for b in bars) or "Geen gegevens."
    parts = _open(chart_id=chart_id, width=width, height=height, title=title, description=description)
    plot_bottom = top + row_h * len(bars)
    for tick in range(0, int(maximum) + 1, int(maximum // 4) or 1):
        x = label_w + plot_w * tick / maximum
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{plot_bottom}" stroke="{GRID}" stroke-width="1" '
            f'stroke-dasharray="2 3"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{plot_bottom + 18}" text-anchor="middle" font-size="12" fill="{TEXT}" {FONT}>'
            f"{tick}</text>"
        )
    for index, bar in enumerate(bars):
        y = top + row_h * index
        parts.append(
            f'<text x="{label_w - 10}" y="{y + row_h / 2 + 5:.1f}" text-anchor="end" font-size="14" '
            f'fill="{TEXT}" {FONT}>{escape(bar.label)}</text>'
        )
        bar_w = 0.0 if bar.value is None else plot_w * max(0.0, min(bar.value, maximum)) / maximum
        if bar.value is not None:
            parts.append(
                f'<rect x="{label_w}" y="{y + 8}" width="{bar_w:.1f}" height="{row_h - 16}" '
                f'fill="{_colour(bar.key, index)}" stroke="{TEXT}" stroke-width="1"/>'
            )
        parts.append(
            f'<text x="{label_w + bar_w + 8:.1f}" y="{y + row_h / 2 + 5:.1f}" font-size="14" fill="{TEXT}" {FONT}>'
            f"{escape(bar.value_text)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>'
    if shape == "triangle":
        return (
            f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}" fill="{colour}"/>'
        )
    if shape == "diamond":
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'


def line_chart(
    *, chart_id: str, title: str, x_labels: Sequence[str], series: Sequence[Series], maximum: float = 100.0
) -> SafeString:
    """Lines over equally spaced points (e.g. assessments by date), with a legend and the last value as text."""
    left, right, top, legend_h, bottom = 40, 200, 10, 26, 40
    step = 110
    plot_w = max(step * max(len(x_labels) - 1, 1), 220)
    plot_h = 200
    width = left + plot_w + right
    height = top + legend_h + plot_h + bottom
    plot_top = top + legend_h
    described = []
    for s in series:
        values = ", ".join(
            f"{label} {'geen oordeel' if v is None else round(v)}" for label, v in zip(x_labels, s.values, strict=True)
        )
        described.append(f"{s.label}: {values}")
    description = "; ".join(described) or "Geen gegevens."
    parts = _open(chart_id=chart_id, width=width, height=height, title=title, description=description)

    def x_at(index: int) -> float:
        return left + (plot_w * index / (len(x_labels) - 1) if len(x_labels) > 1 else plot_w / 2)

    def y_at(value: float) -> float:
        return plot_top + plot_h - plot_h * max(0.0, min(value, maximum)) / maximum

    for tick in range(0, int(maximum) + 1, int(maximum // 4) or 1):
        y = y_at(tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1" '
            f'stroke-dasharray="2 3"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="{TEXT}" {FONT}>{tick}</text>'
        )
    for index, label in enumerate(x_labels):
        parts.append(
            f'<text x="{x_at(index):.1f}" y="{plot_top + plot_h + 20}" text-anchor="middle" font-size="12" '
            f'fill="{TEXT}" {FONT}>{escape(label)}</text>'
        )
    legend_x = left
    for index, s in enumerate(series):
        colour, shape = _colour(s.key, index), MARKERS[index % len(MARKERS)]
        parts.append(_marker(shape, legend_x + 6, top + 8, colour))
        parts.append(
            f'<text x="{legend_x + 16}" y="{top + 13}" font-size="13" fill="{TEXT}" {FONT}>{escape(s.label)}</text>'
        )
        legend_x += 30 + 8 * len(s.label)
    for index, s in enumerate(series):
        colour, shape, dash = _colour(s.key, index), MARKERS[index % len(MARKERS)], DASHES[index % len(DASHES)]
        points = [(x_at(i), y_at(v)) for i, v in enumerate(s.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3"{dash_attr}/>')
        parts.extend(_marker(shape, x, y, colour) for x, y in points)
        if points:
            last = next(v for v in reversed(s.values) if v is not None)
            x, y = points[-1]
            parts.append(
                f'<text x="{left + plot_w + 12}" y="{y + 4 + 14 * (index - 1):.1f}" font-size="13" fill="{TEXT}" '
                f"{FONT}>{escape(s.label)}: {round(last)}</text>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def need_score_chart(*, chart_id: str, title: str, results: Sequence[object]) -> SafeString:
    """Bars for need results (objects with need_id, title, score and band_label, like `NeedResult`)."""
    bars = [
        Bar(
            key=getattr(r, "need_id", ""),
            label=getattr(r, "title", ""),
            value=getattr(r, "score", None),
            value_text=_score_text(getattr(r, "score", None), getattr(r, "band_label", "")),
        )
        for r in results
    ]
    return bar_chart(chart_id=chart_id, title=title, bars=bars)


def _score_text(score: float | None, band_label: str) -> str:
    if score is None:
        return "geen oordeel"
    return f"{round(score)} van 100 – {band_label.lower()}"
