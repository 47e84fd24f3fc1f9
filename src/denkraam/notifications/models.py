"""What was mailed when, for the mails that must not go out too often (reminders)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from denkraam.assessments.models import Action, Assessment


class Notification(models.Model):
    """One sent reminder: a facilitator's reminder to a session, or an overdue reminder for one action."""

    class Kind(models.TextChoices):
        REMINDER = "herinnering", "Herinnering aan deelnemers"
        ACTION_OVERDUE = "actie_over_tijd", "Actie over tijd"

    kind = models.CharField("soort", max_length=30, choices=Kind.choices)
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="+", verbose_name="gesprek", null=True, blank=True
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="+", verbose_name="actie", null=True, blank=True
    )
    # Who pressed the button (a reminder) or who was reminded (an overdue action).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    # The due date the overdue reminder was about: a new due date that passes is a new overdue period.
    due_date = models.DateField("klaar op", null=True, blank=True)
    recipients = models.PositiveIntegerField("ontvangers", default=0)
    sent_at = models.DateTimeField("verstuurd op", default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        indexes = [
            models.Index(fields=["kind", "assessment", "-sent_at"], name="notification_assessment"),
            models.Index(fields=["kind", "action", "-sent_at"], name="notification_action"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.sent_at:%Y-%m-%d %H:%M}"
