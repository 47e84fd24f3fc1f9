"""The SVG charts: named for screen readers, values as text, colours with enough contrast, no style attributes."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from denkraam.reports.charts import (
    FALLBACK_COLOURS,
    GRID,
    NEED_COLOURS,
    TEXT,
    Bar,
    Series,
    bar_chart,
    line_chart,
)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast_on_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


@pytest.mark.parametrize("colour", [*NEED_COLOURS.values(), *FALLBACK_COLOURS, GRID, TEXT])
def test_every_chart_colour_has_at_least_3_to_1_contrast_on_white(colour: str) -> None:
    assert _contrast_on_white(colour) >= 3.0


def test_a_bar_chart_is_a_named_image_with_every_value_as_text() -> None:
    bars = [
        Bar("vertrouwen", "Vertrouwen", 58.0, "58 van 100 – voldoende"),
        Bar("gemak", "Gemak", None, "geen oordeel"),
    ]
    svg = str(bar_chart(chart_id="c", title="Score <per> behoefte", bars=bars))
    root = etree.fromstring(svg.encode())
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c-title c-desc"
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert root.find("s:title", ns).text == "Score <per> behoefte"  # escaped in the markup, intact for readers
    assert "Vertrouwen: 58 van 100 – voldoende" in root.find("s:desc", ns).text
    texts = [t.text for t in root.iterfind(".//s:text", ns)]
    assert "58 van 100 – voldoende" in texts and "geen oordeel" in texts
    assert "style=" not in svg


def test_lines_differ_in_marker_and_dash_not_only_in_colour() -> None:
    series = [
        Series("vertrouwen", "Vertrouwen", [40.0, 60.0]),
        Series("persoonlijk", "Persoonlijk", [50.0, 55.0]),
        Series("gemak", "Gemak", [None, 70.0]),
    ]
    svg = str(line_chart(chart_id="t", title="Trend", x_labels=["1-1-2025", "1-6-2025"], series=series))
    etree.fromstring(svg.encode())  # well-formed
    assert "<circle" in svg and "<rect x=" in svg and "<polygon" in svg
    assert len(set(re.findall(r'stroke-dasharray="([^"]+)"', svg))) >= 2
    assert "Vertrouwen: 60" in svg and "Gemak: 70" in svg
    assert "Gemak: 1-1-2025 geen oordeel, 1-6-2025 70" in svg
