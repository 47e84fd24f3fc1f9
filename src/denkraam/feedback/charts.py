"""Geometry for the server-side SVG charts on the feedback dashboard (no inline styles: colours come from CSS classes).

Every chart stands next to a data table with the same figures, so the SVG itself is decoration for sighted users.
"""

from __future__ import annotations

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


def month_chart(rows: list[MonthRow]) -> Chart | None:
    """One vertical bar per month with the number of comments that month; None without dated comments."""
    if not rows:
        return None
    top = max(row.total for row in rows) or 1
    plot_height = 160
    step = max(12.0, min(48.0, 720 / len(rows)))
    rects: list[Rect] = []
    labels: list[Label] = [Label(x=0, y=12, text=str(top))]
    every = max(1, len(rows) // 12)  # a readable number of month labels
    for index, row in enumerate(rows):
        height = plot_height * row.total / top
        x = 40 + index * step
        rects.append(
            Rect(
                x=round(x, 1),
                y=round(10 + plot_height - height, 1),
                width=round(step * 0.7, 1),
                height=round(height, 1),
                css_class="denkraam-fb-month",
                title=f"{row.label}: {row.total}",
            )
        )
        if index % every == 0:
            labels.append(Label(x=round(x + step * 0.35, 1), y=10 + plot_height + 16, text=row.label, anchor="middle"))
    return Chart(width=int(40 + len(rows) * step + 20), height=10 + plot_height + 24, rects=rects, labels=labels)
