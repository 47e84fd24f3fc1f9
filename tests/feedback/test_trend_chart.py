"""The monthly trend chart keeps its size and readable labels for 1 month as for 36."""

from __future__ import annotations

import datetime as dt

import pytest

from denkraam.feedback.charts import LABEL_CHAR_WIDTH, TREND_PLOT_HEIGHT, month_chart
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.feedback.selectors import MonthRow, feedback_dashboard
from denkraam.initiatives.models import Initiative


def months(count: int) -> list[MonthRow]:
    rows = []
    for index in range(count):
        year, month = divmod(index, 12)
        start = dt.date(2024 + year, month + 1, 1)
        rows.append(MonthRow(month=start, label=f"mrt {start.year}", total=index % 5 + 1, needs=[]))
    return rows


@pytest.mark.parametrize("count", [1, 2, 12, 36])
def test_the_trend_chart_has_one_size_and_bounded_bars_for_any_number_of_months(count: int) -> None:
    chart = month_chart(months(count))
    assert chart is not None
    assert (chart.width, chart.height) == (month_chart(months(1)).width, month_chart(months(1)).height)  # type: ignore[union-attr]
    bars = [r for r in chart.rects if r.css_class == "denkraam-fb-month"]
    assert len(bars) == count
    assert max(b.height for b in bars) == TREND_PLOT_HEIGHT
    assert all(b.width <= 40 for b in bars)  # one month is a slim bar, not the whole width


@pytest.mark.parametrize("count", [1, 2, 12, 36])
def test_month_labels_never_overlap(count: int) -> None:
    chart = month_chart(months(count))
    assert chart is not None
    labels = sorted((label for label in chart.labels if label.anchor == "middle"), key=lambda label: label.x)
    assert labels, "at least the first month is named"
    for left, right in zip(labels, labels[1:], strict=False):
        half_widths = (len(left.text) + len(right.text)) * LABEL_CHAR_WIDTH / 2
        assert right.x - left.x >= half_widths


@pytest.mark.django_db
def test_months_without_comments_are_zeros_in_the_trend(initiative: Initiative) -> None:
    done = FeedbackImport.objects.create(
        initiative=initiative, file_name="a.csv", file_format="csv", status=FeedbackImport.Status.DONE
    )
    for row, date in enumerate([dt.date(2024, 1, 5), dt.date(2024, 4, 9), dt.date(2024, 4, 10)]):
        FeedbackComment.objects.create(
            feedback_import=done, initiative=initiative, row=row, text="x", need="gemak", sentiment="negatief",
            confidence=0.9, date=date,
        )  # fmt: skip
    trend = feedback_dashboard(initiative=initiative).months
    assert [(m.label, m.total) for m in trend] == [("jan 2024", 1), ("feb 2024", 0), ("mrt 2024", 0), ("apr 2024", 2)]
