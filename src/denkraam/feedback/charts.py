"""Geometry for the server-side SVG charts on the feedback dashboard (no inline styles: colours come from CSS classes).

Every chart stands next to a data table with the same figures, so the SVG itself is decoration for sighted users.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from denkraam.feedback.selectors import MonthRow, NeedRow

BAR_WIDTH = 600  # drawing units of the bar area; the SVG scales to the page width
ROW_HEIGHT = 28
LABEL_WIDTH = 110


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css_class: str
    title: str


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    rects: list[Rect]
    labels: list[Label]


def need_chart(rows: list[NeedRow]) -> Chart:
    """One horizontal bar per need, as long as its share of all comments, split by sentiment."""
    rects: list[Rect] = []
    labels: list[Label] = []
    for index, row in enumerate(rows):
        y = index * ROW_HEIGHT + 4
        labels.append(Label(x=0, y=y + 15, text=row.need.label))
        x = float(LABEL_WIDTH)
        length = BAR_WIDTH * row.need.share
        for part in row.sentiments:
            width = length * part.share
            if width > 0:
                rects.append(
                    Rect(
                        x=round(x, 1),
                        y=y,
                        width=round(width, 1),
                        height=20,
                        css_class=f"denkraam-fb-{part.key}",
                        title=f"{row.need.label}, {part.label.lower()}: {part.count}",
                    )
                )
            x += width
        labels.append(Label(x=round(x + 6, 1), y=y + 15, text=f"{row.need.percent}%"))
    return Chart(width=LABEL_WIDTH + BAR_WIDTH + 60, height=len(rows) * ROW_HEIGHT + 8, rects=rects, labels=labels)


# The trend chart has one drawing size whatever the number of months, close to the width it is shown at
# (48rem), so a single month gives one slim bar rather than a bar the page scales up to 1,000 px.
TREND_LEFT = 44  # room for the axis figures
TREND_PLOT_WIDTH = 680
TREND_PLOT_HEIGHT = 160
TREND_TOP = 12
TREND_MAX_BAR = 40
# Estimated width of one character of a 13-unit label, and the gap kept between two labels.
LABEL_CHAR_WIDTH = 7.5
LABEL_GAP = 10


def label_step(*, labels: list[str], slot: float) -> int:
    """Label every n-th slot so that no two labels of `slot` units apart overlap (1 = every slot)."""
    widest = max((len(text) for text in labels), default=0) * LABEL_CHAR_WIDTH + LABEL_GAP
    return max(1, math.ceil(widest / slot))


def month_chart(rows: list[MonthRow]) -> Chart | None:
    """One vertical bar per month with the number of comments that month; None without dated comments.

    The drawing is as wide for 1 month as for 36 (slimmer, closer bars for more months) and the tallest bar is
    TREND_PLOT_HEIGHT units; month labels are thinned out until they no longer overlap.
    """
    if not rows:
        return None
    top = max(row.total for row in rows) or 1
    slot = TREND_PLOT_WIDTH / len(rows)
    bar = min(TREND_MAX_BAR, slot * 0.7)
    base = TREND_TOP + TREND_PLOT_HEIGHT
    rects: list[Rect] = [
        Rect(x=TREND_LEFT, y=base, width=TREND_PLOT_WIDTH, height=1, css_class="denkraam-fb-axis", title="")
    ]
    labels: list[Label] = [
        Label(x=TREND_LEFT - 6, y=TREND_TOP + 5, text=str(top), anchor="end"),
        Label(x=TREND_LEFT - 6, y=base, text="0", anchor="end"),
    ]
    every = label_step(labels=[row.label for row in rows], slot=slot)
    for index, row in enumerate(rows):
        height = TREND_PLOT_HEIGHT * row.total / top
        middle = TREND_LEFT + slot * (index + 0.5)
        rects.append(
            Rect(
                x=round(middle - bar / 2, 1),
                y=round(base - height, 1),
                width=round(bar, 1),
                height=round(height, 1),
                css_class="denkraam-fb-month",
                title=f"{row.label}: {row.total}",
            )
        )
        if index % every == 0:
            labels.append(Label(x=round(middle, 1), y=base + 18, text=row.label, anchor="middle"))
    return Chart(width=TREND_LEFT + TREND_PLOT_WIDTH + 16, height=base + 26, rects=rects, labels=labels)
