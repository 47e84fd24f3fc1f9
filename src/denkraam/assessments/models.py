"""Assessments (gesprekken): a team scores one initiative against the frame, blind first, then together."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from denkraam.accounts.models import Organisation, User
from denkraam.initiatives.models import Initiative


class Assessment(models.Model):
    """One conversation about one initiative, run by a facilitator, in four stages."""

    class Status(models.TextChoices):
        VOORBEREIDING = "voorbereiding", "Voorbereiding"
        OPEN = "open", "Open voor antwoorden"
        ONTHULD = "onthuld", "Antwoorden onthuld"
        GESLOTEN = "gesloten", "Gesloten"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="assessments", verbose_name="initiatief"
    )
    title = models.CharField("titel", max_length=200)
    frame_id = models.CharField("denkraam", max_length=100, default="interactiestrategie")
    frame_version = models.CharField("versie denkraam", max_length=20, default="1.0")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.VOORBEREIDING)
    # Empty only for a session read in from a file: then `facilitator_name` holds the name the file gave.
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gespreksleider",
    )
    facilitator_name = models.CharField("gespreksleider (naam uit het bestand)", max_length=200, blank=True)
    imported_at = models.DateTimeField("ingelezen op", null=True, blank=True)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    opened_at = models.DateTimeField("geopend op", null=True, blank=True)
    revealed_at = models.DateTimeField("onthuld op", null=True, blank=True)
    closed_at = models.DateTimeField("gesloten op", null=True, blank=True)
    # Which questions the session covers: empty for the whole frame, else the ids chosen at set-up. `question_set`
    # names where they came from: "" (whole frame), a named set of the frame file, or "eigen" (picked by hand).
    question_set = models.CharField("vragenset", max_length=100, blank=True)
    question_ids = models.JSONField("vragen", default=list, blank=True)
    # Chosen before opening and shown to participants: names hidden in the presentation view and in reports.
    anonymous = models.BooleanField("anoniem", default=False)
    time_box_minutes = models.PositiveSmallIntegerField("tijd voor het gesprek (minuten)", default=60)
    item_minutes = models.PositiveSmallIntegerField("tijd per agendapunt (minuten)", default=5)
    # The agenda item on the big screen, and since when: the presentation view's timer counts from it.
    current_question_id = models.CharField("vraag op het scherm", max_length=100, blank=True)
    current_item_started_at = models.DateTimeField("agendapunt gestart op", null=True, blank=True)
    session_started_at = models.DateTimeField("bijeenkomst gestart op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "gesprek"
        verbose_name_plural = "gesprekken"

    def __str__(self) -> str:
        return self.title

    @property
    def is_revealed(self) -> bool:
        """Everyone may see everyone's answers from the reveal on."""
        return self.status in {self.Status.ONTHULD, self.Status.GESLOTEN}

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.GESLOTEN

    @property
    def facilitator_display(self) -> str:
        """Who leads: the user's name, or for an imported session the name from the file."""
        return _person_display(self.facilitator, self.facilitator_name)


class Participant(models.Model):
    """A person invited to answer, possibly from another organisation than the initiative's owner."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="participants", verbose_name="gesprek"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_participations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="organisatie"
    )
    # For a guest whose organisation is not in denkraam: the name the facilitator gave with the e-mail invitation.
    organisation_name = models.CharField("organisatie (zoals opgegeven)", max_length=200, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="uitgenodigd door",
    )
    created_at = models.DateTimeField("uitgenodigd op", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"
        constraints = [models.UniqueConstraint(fields=["assessment", "user"], name="participant_unique_user")]

    def __str__(self) -> str:
        return f"{self.user} in {self.assessment}"


class Answer(models.Model):
    """One participant's own rating of one question; nobody else sees it before the reveal."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    # Empty only in a session read in from a file: then `person_name` holds a label such as "Anna (UWV)".
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    person_name = models.CharField("deelnemer (naam uit het bestand)", max_length=200, blank=True)
    question_id = models.CharField("vraag", max_length=100)
    rating = models.CharField("oordeel", max_length=20)
    reason = models.TextField("reden (bij niet van toepassing)", blank=True)
    note = models.TextField("toelichting", blank=True)
    evidence_url = models.URLField("link naar bewijs", max_length=500, blank=True)
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        ordering = ["question_id", "user_id"]
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"
        constraints = [
            models.UniqueConstraint(fields=["assessment", "user", "question_id"], name="answer_unique_question"),
            models.UniqueConstraint(
                fields=["assessment", "person_name", "question_id"],
                condition=models.Q(user__isnull=True),
                name="answer_unique_imported_question",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.rating}"

    @property
    def person_display(self) -> str:
        """Who answered: the participant's name, or for an imported session the name from the file."""
        return _person_display(self.user, self.person_name)


class Consensus(models.Model):
    """The rating the group agreed on for one question, with the reason why."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="consensus")
    question_id = models.CharField("vraag", max_length=100)
    rating = models.CharField("oordeel", max_length=20)
    rationale = models.TextField("onderbouwing")
    # Empty only in a session read in from a file: then `decided_by_name` holds the name the file gave.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    decided_by_name = models.CharField("vastgelegd door (naam uit het bestand)", max_length=200, blank=True)
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        ordering = ["question_id"]
        verbose_name = "gezamenlijk oordeel"
        verbose_name_plural = "gezamenlijke oordelen"
        constraints = [models.UniqueConstraint(fields=["assessment", "question_id"], name="consensus_unique_question")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.rating}"

    @property
    def decided_by_display(self) -> str:
        return _person_display(self.decided_by, self.decided_by_name)


class Action(models.Model):
    """An improvement the group agreed on, with an owner and a due date."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        BEZIG = "bezig", "Bezig"
        KLAAR = "klaar", "Klaar"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="actions")
    question_ids = models.JSONField("vragen", default=list, blank=True)
    title = models.CharField("actie", max_length=200)
    description = models.TextField("beschrijving", blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessment_actions",
        verbose_name="eigenaar",
    )
    owner_name = models.CharField("eigenaar (naam)", max_length=200, blank=True)
    due_date = models.DateField("klaar op", null=True, blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        ordering = ["due_date", "created_at"]
        verbose_name = "actie"
        verbose_name_plural = "acties"

    def __str__(self) -> str:
        return self.title

    @property
    def owner_display(self) -> str:
        """Who does it: the participant's name, or the free-text name."""
        return _person_display(self.owner, self.owner_name)


def _person_display(user: User | None, name: str) -> str:
    # A user's full name, else the user name; without a user the free text (a name from an import or typed in).
    if user is not None:
        return user.get_full_name() or user.get_username()
    return name
