"""The trend chart in Chromium: bounded bars and month labels that do not overlap, for 1 to 36 months of feedback."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import BrowserContext, Page

from denkraam.accounts.models import User
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.initiatives.models import Initiative
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.feedback.conftest import feedback_tmp, initiative  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Boxes of the bars and the month labels of the trend chart, as drawn.
MEASURE = """() => {
  const svg = document.querySelector('#trend-grafiek-titel').closest('svg');
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; };
  return {
    bars: [...svg.querySelectorAll('rect.denkraam-fb-month')].map(box),
    labels: [...svg.querySelectorAll('text[text-anchor="middle"]')].map(box),
    fontSize: Math.min(...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height)),
  };
}"""


def comments_over(initiative: Initiative, months: int) -> None:  # noqa: F811
    done = FeedbackImport.objects.create(
        initiative=initiative, file_name="trend.csv", file_format="csv", status=FeedbackImport.Status.DONE
    )
    rows = []
    for index in range(months):
        year, month = divmod(index, 12)
        for n in range(1 + (index * 7) % 5 + (40 if index == 0 else 0)):  # one month far above the rest
            rows.append(
                FeedbackComment(
                    feedback_import=done,
                    initiative=initiative,
                    row=len(rows),
                    text="Ik wacht al weken.",
                    need="gemak",
                    sentiment="negatief",
                    confidence=0.8,
                    date=dt.date(2023 + year, month + 1, 1 + n % 27),
                )
            )
    FeedbackComment.objects.bulk_create(rows)


@pytest.mark.parametrize(("months", "width"), [(1, 1280), (2, 1280), (12, 1280), (36, 1280), (36, 390), (1, 390)])
def test_the_trend_chart_has_bounded_bars_and_separate_labels(
    axe_context: BrowserContext,
    axe_page: Page,
    live_server: object,
    alice: User,
    initiative: Initiative,  # noqa: F811
    months: int,
    width: int,
) -> None:
    comments_over(initiative, months)
    login(axe_context, alice, base_url=live_server.url)  # type: ignore[attr-defined]
    axe_page.set_viewport_size({"width": width, "height": 844 if width < 500 else 900})
    axe_page.goto(f"/initiatieven/{initiative.pk}/feedback/")
    drawn = axe_page.evaluate(MEASURE)
    axe_page.locator("#trend-grafiek-titel").locator("xpath=..").screenshot(
        path=f"/tmp/t15f/trend-{months}-{width}.png"
    )
    assert len(drawn["bars"]) == months
    tallest = max(bottom - top for _, _, top, bottom in drawn["bars"])
    assert 40 < tallest <= 240, f"the tallest bar is {tallest:.0f} px"
    labels = sorted(drawn["labels"])
    assert labels
    for (_, right, _, _), (left, _, _, _) in zip(labels, labels[1:], strict=False):
        assert left >= right, "two month labels overlap"
    assert drawn["fontSize"] >= 9, f"the labels are {drawn['fontSize']:.1f} px high"
    # The chart and the tables scroll sideways in their own boxes; the page itself is no wider than the screen.
    assert axe_page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert_accessible(axe_page)
