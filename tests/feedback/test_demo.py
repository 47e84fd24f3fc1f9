"""The demo feedback: imported once, scrubbed, spread over months, without loading the name model."""

from __future__ import annotations

import pytest

from denkraam.accounts.models import User
from denkraam.feedback.demo import demo_feedback_load
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.initiatives.models import Initiative

pytestmark = pytest.mark.django_db


def test_the_demo_feedback_loads_once_and_holds_no_personal_data(alice: User, initiative: Initiative) -> None:
    first = demo_feedback_load(initiative=initiative, actor=alice)
    again = demo_feedback_load(initiative=initiative, actor=alice)
    assert first.pk == again.pk and first.status == "klaar" and first.comment_count == 24
    assert FeedbackImport.objects.count() == 1
    texts = " ".join(FeedbackComment.objects.values_list("text", flat=True))
    assert "0612345678" not in texts and "111222333" not in texts and "[TELEFOON]" in texts
    assert FeedbackComment.objects.filter(date__isnull=False).dates("date", "month").count() == 6
