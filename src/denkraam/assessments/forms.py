"""Forms only parse input; the services decide. Field names per question are `<question id>-<field>`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms.boundfield import BoundWidget
from django.utils import timezone

from denkraam.accounts.models import User
from denkraam.assessments.models import Action, Answer, Participant
from denkraam.assessments.services.session import (
    DEFAULT_ITEM_MINUTES,
    DEFAULT_TIME_BOX_MINUTES,
    ITEM_MINUTES,
    TIME_BOX_MINUTES,
)
from denkraam.framework import Frame, Principle, Question


def rating_choices(frame: Frame) -> list[tuple[str, str]]:
    return [(o.id, o.label) for o in frame.scale] + [(frame.not_applicable.id, frame.not_applicable.label)]


OWN_CHOICE = "eigen"  # the same value as selectors.OWN_SELECTION: the hand-picked questions below


@dataclass(frozen=True, slots=True)
class PrincipleChoices:
    """The checkboxes of one principle's questions: one fieldset per principle on the set-up page."""

    principle: Principle
    checkboxes: list[BoundWidget]


@dataclass(frozen=True, slots=True)
class NeedChoices:
    title: str
    principles: list[PrincipleChoices]


class AssessmentSetupForm(forms.Form):
    """Which questions the session covers, its time box and anonymity; the service checks the values."""

    question_set = forms.ChoiceField(label="Welke vragen bespreekt u?", widget=forms.RadioSelect)
    question_ids = forms.MultipleChoiceField(
        label="Eigen keuze van vragen",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Alleen bij 'Eigen keuze': vink minstens één vraag aan.",
    )
    time_box_minutes = forms.IntegerField(
        label="Tijd voor het hele gesprek (minuten)",
        initial=DEFAULT_TIME_BOX_MINUTES,
        min_value=TIME_BOX_MINUTES[0],
        max_value=TIME_BOX_MINUTES[1],
        required=False,  # empty: the default, as for a form sent without these fields
        help_text=(
            "Met het invullen erbij: reken een halve minuut per vraag. De agenda stelt voor wat in de rest past. "
            f"Leeg: {DEFAULT_TIME_BOX_MINUTES} minuten."
        ),
        error_messages={
            "min_value": "Kies een tijd voor het gesprek van {} tot {} minuten.".format(*TIME_BOX_MINUTES),
            "max_value": "Kies een tijd voor het gesprek van {} tot {} minuten.".format(*TIME_BOX_MINUTES),
            "invalid": "Vul het aantal minuten in als een heel getal, bijvoorbeeld 60.",
        },
    )
    item_minutes = forms.IntegerField(
        label="Tijd per agendapunt (minuten)",
        initial=DEFAULT_ITEM_MINUTES,
        min_value=ITEM_MINUTES[0],
        max_value=ITEM_MINUTES[1],
        required=False,
        help_text=f"Leeg: {DEFAULT_ITEM_MINUTES} minuten.",
        error_messages={
            "min_value": "Kies een tijd per agendapunt van {} tot {} minuten.".format(*ITEM_MINUTES),
            "max_value": "Kies een tijd per agendapunt van {} tot {} minuten.".format(*ITEM_MINUTES),
            "invalid": "Vul het aantal minuten in als een heel getal, bijvoorbeeld 5.",
        },
    )
    anonymous = forms.BooleanField(
        label="Anoniem gesprek",
        required=False,
        help_text=(
            "De namen van de deelnemers staan dan niet op het grote scherm en niet in de rapporten. "
            "De deelnemers zien dat het gesprek anoniem is. U kunt dit niet meer veranderen als de vragenlijst "
            "open is."
        ),
    )

    def __init__(self, *args: Any, frame: Frame, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.frame = frame
        question_set = self.fields["question_set"]
        assert isinstance(question_set, forms.ChoiceField)
        question_set.choices = [
            ("", f"Hele denkraam: alle {len(frame.questions())} vragen"),
            *((qs.id, f"{qs.title}: {len(qs.question_ids)} vragen. {qs.description}") for qs in frame.question_sets),
            (OWN_CHOICE, "Eigen keuze: u vinkt hieronder zelf de vragen aan"),
        ]
        question_set.error_messages["required"] = "Kies welke vragen u bespreekt."
        question_set.required = False  # "" (the whole frame) is a choice, not an empty answer
        question_ids = self.fields["question_ids"]
        assert isinstance(question_ids, forms.MultipleChoiceField)
        question_ids.choices = [(q.id, q.text) for q in frame.questions()]

    def question_groups(self) -> list[NeedChoices]:
        """The checkboxes grouped by need and principle, in frame order."""
        widgets = {w.data["value"]: w for w in self["question_ids"]}
        return [
            NeedChoices(
                title=need.title,
                principles=[
                    PrincipleChoices(principle=p, checkboxes=[widgets[q.id] for q in p.questions])
                    for p in need.principles
                ],
            )
            for need in self.frame.needs
        ]

    @property
    def own_choice_open(self) -> bool:
        """Show the checkboxes unfolded when the hand-picked selection is chosen or has an error."""
        return self["question_set"].value() == OWN_CHOICE or bool(self["question_ids"].errors)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("question_ids") and cleaned.get("question_set") != OWN_CHOICE:
            self.add_error(
                "question_ids", "U heeft vragen aangevinkt. Kies dan 'Eigen keuze', of vink de vragen weer uit."
            )
        elif cleaned.get("question_set") == OWN_CHOICE and not cleaned.get("question_ids"):
            self.add_error("question_ids", "Vink minstens één vraag aan voor uw eigen keuze.")
        return cleaned

    def setup_values(self) -> dict[str, Any]:
        """The cleaned set-up as keyword arguments for services.Setup."""
        own = self.cleaned_data["question_set"] == OWN_CHOICE
        return {
            "question_set": self.cleaned_data["question_set"] or "",
            "question_ids": tuple(self.cleaned_data["question_ids"]) if own else (),
            "anonymous": self.cleaned_data["anonymous"],
            "time_box_minutes": self.cleaned_data["time_box_minutes"] or DEFAULT_TIME_BOX_MINUTES,
            "item_minutes": self.cleaned_data["item_minutes"] or DEFAULT_ITEM_MINUTES,
        }


class AssessmentCreateForm(AssessmentSetupForm):
    title = forms.CharField(label="Titel van het gesprek", max_length=200)
    facilitator_participates = forms.BooleanField(
        label="Ik vul de vragenlijst zelf ook in", required=False, initial=True
    )
    field_order = ["title", "facilitator_participates"]


class InviteForm(forms.Form):
    identifier = forms.CharField(
        label="Gebruikersnaam of e-mailadres",
        max_length=254,
        help_text=(
            "Van iemand bij elke organisatie. Heeft de persoon nog geen account? Vul dan het e-mailadres in: "
            "die krijgt een e-mail met een link om mee te doen."
        ),
    )
    organisation_name = forms.CharField(
        label="Organisatie",
        max_length=200,
        required=False,
        help_text="Alleen voor iemand van een organisatie die niet in denkraam staat, bijvoorbeeld Gemeente Utrecht.",
    )


@dataclass(frozen=True, slots=True)
class QuestionFields:
    """The bound fields of one question, so the template can draw one fieldset with a legend per question."""

    question: Question
    rating: forms.BoundField
    reason: forms.BoundField
    note: forms.BoundField
    evidence_url: forms.BoundField
    evidence_item: forms.BoundField | None = None

    @property
    def extras(self) -> list[forms.BoundField]:
        """The text fields under the radio buttons, in page order."""
        fields = [self.reason, self.note, self.evidence_url]
        return fields + [self.evidence_item] if self.evidence_item is not None else fields


class PrincipleAnswersForm(forms.Form):
    """The questions of one principle. A question left without a rating is simply not answered yet."""

    def __init__(
        self,
        *args: Any,
        frame: Frame,
        principle: Principle,
        answers: dict[str, Answer],
        evidence_choices: list[tuple[str, str]] | None = None,
        cited: dict[str, str] | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.frame = frame
        self.principle = principle
        # Citing the initiative's evidence (see the evidence app) is offered only when there is some.
        self.evidence_choices = evidence_choices or []
        cited = cited or {}
        for q in principle.questions:
            answer = answers.get(q.id)
            self.fields[f"{q.id}-rating"] = forms.ChoiceField(
                label="Uw oordeel",
                choices=rating_choices(frame),
                widget=forms.RadioSelect,
                required=False,
                initial=answer.rating if answer else None,
            )
            self.fields[f"{q.id}-reason"] = forms.CharField(
                label="Waarom is deze vraag niet van toepassing?",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=answer.reason if answer else "",
            )
            self.fields[f"{q.id}-note"] = forms.CharField(
                label="Toelichting (wat ziet u, wat weet u?)",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=answer.note if answer else "",
            )
            self.fields[f"{q.id}-evidence_url"] = forms.URLField(
                label="Link naar bewijs (niet verplicht)",
                required=False,
                assume_scheme="https",
                initial=answer.evidence_url if answer else "",
            )
            if self.evidence_choices:
                self.fields[f"{q.id}-evidence_item"] = forms.ChoiceField(
                    label="Bewijs uit dit initiatief waar u naar verwijst (niet verplicht)",
                    choices=[("", "Geen"), *self.evidence_choices],
                    required=False,
                    initial=cited.get(q.id, ""),
                )

    def grouped(self) -> list[QuestionFields]:
        return [
            QuestionFields(
                question=q,
                rating=self[f"{q.id}-rating"],
                reason=self[f"{q.id}-reason"],
                note=self[f"{q.id}-note"],
                evidence_url=self[f"{q.id}-evidence_url"],
                evidence_item=self[f"{q.id}-evidence_item"] if self.evidence_choices else None,
            )
            for q in self.principle.questions
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for q in self.principle.questions:
            rating = cleaned.get(f"{q.id}-rating")
            if rating == self.frame.not_applicable.id and not (cleaned.get(f"{q.id}-reason") or "").strip():
                self.add_error(f"{q.id}-reason", "Schrijf op waarom deze vraag niet van toepassing is.")
            elif not rating and ((cleaned.get(f"{q.id}-note") or "").strip() or cleaned.get(f"{q.id}-evidence_url")):
                self.add_error(f"{q.id}-rating", "Kies een oordeel. Uw toelichting wordt pas bewaard met een oordeel.")
        return cleaned

    def answered(self) -> list[dict[str, str]]:
        """The questions with a rating, as keyword arguments for `answer_save`."""
        result = []
        for q in self.principle.questions:
            rating = self.cleaned_data.get(f"{q.id}-rating")
            if rating:
                result.append(
                    {
                        "question_id": q.id,
                        "rating": rating,
                        "reason": self.cleaned_data.get(f"{q.id}-reason") or "",
                        "note": self.cleaned_data.get(f"{q.id}-note") or "",
                        "evidence_url": self.cleaned_data.get(f"{q.id}-evidence_url") or "",
                    }
                )
        return result

    def cited_items(self) -> dict[str, str]:
        """The evidence item chosen per answered question ("" for none), for the evidence app's citation_set."""
        if not self.evidence_choices:
            return {}
        return {
            q.id: self.cleaned_data.get(f"{q.id}-evidence_item") or ""
            for q in self.principle.questions
            if self.cleaned_data.get(f"{q.id}-rating")
        }


class ConsensusForm(forms.Form):
    rating = forms.ChoiceField(label="Gezamenlijk oordeel", widget=forms.RadioSelect)
    rationale = forms.CharField(
        label="Onderbouwing",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Waarom komt de groep tot dit oordeel? Wat gaf de doorslag?",
        error_messages={"required": "Schrijf op waarom de groep tot dit oordeel komt."},
    )

    def __init__(self, *args: Any, frame: Frame, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rating = self.fields["rating"]
        assert isinstance(rating, forms.ChoiceField)
        rating.choices = rating_choices(frame)
        rating.error_messages["required"] = "Kies het gezamenlijke oordeel."


class OwnerChoiceField(forms.ModelChoiceField):
    """A person who may own an action: the facilitator (said so) or a participant, by full name or user name."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.facilitator_id: int | None = None

    def label_from_instance(self, obj: User) -> str:
        name = obj.get_full_name() or obj.get_username()
        return f"{name} (gespreksleider)" if obj.pk == self.facilitator_id else name


class ActionForm(forms.Form):
    title = forms.CharField(label="Actie", max_length=200, error_messages={"required": "Geef de actie een titel."})
    description = forms.CharField(label="Beschrijving", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    question_ids = forms.MultipleChoiceField(
        label="Bij welke vragen hoort deze actie?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies een of meer vragen van dit gesprek, of geen.",
    )
    owner = OwnerChoiceField(
        label="Eigenaar (gespreksleider of deelnemer)",
        queryset=User.objects.none(),
        required=False,
        empty_label="(niemand gekozen)",
    )
    owner_name = forms.CharField(
        label="Of: naam van de eigenaar", max_length=200, required=False, help_text="Voor iemand zonder account."
    )
    due_date = forms.DateField(
        label="Klaar op",
        required=False,
        help_text="Vandaag of later.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in, bijvoorbeeld 31-12-2026."},
    )

    def __init__(
        self,
        *args: Any,
        frame: Frame,
        questions: tuple[Question, ...],
        facilitator: User | None,
        participants: list[Participant],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        covered = {q.id for q in questions}
        groups = [(p.title, [(q.id, q.text) for q in p.questions if q.id in covered]) for p in frame.principles()]
        question_ids = self.fields["question_ids"]
        assert isinstance(question_ids, forms.MultipleChoiceField)
        self._groups = [(title, len(choices)) for title, choices in groups if choices]
        question_ids.choices = [(title, choices) for title, choices in groups if choices]
        owner = self.fields["owner"]
        assert isinstance(owner, OwnerChoiceField)
        people = [p.user_id for p in participants]
        owner.facilitator_id = facilitator.pk if facilitator is not None else None
        owner.queryset = User.objects.filter(pk__in=[*people, owner.facilitator_id])
        due_date = self.fields["due_date"]
        due_date.widget.attrs["min"] = timezone.localdate().isoformat()

    def question_groups(self) -> list[tuple[str, list[forms.boundfield.BoundWidget]]]:
        """The question checkboxes per principle, so the form shows one fieldset per principle."""
        options = iter(self["question_ids"])
        return [(title, [next(options) for _ in range(count)]) for title, count in self._groups]


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=Action.Status.choices)
