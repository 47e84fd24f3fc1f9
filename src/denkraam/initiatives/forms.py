"""The initiative form: parses and checks input; saving goes through initiatives.services."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.safestring import SafeString

from denkraam.accounts.models import Organisation
from denkraam.initiatives.models import DIGITAL_CHANNELS, NON_DIGITAL_CHANNELS, TARGET_GROUPS, Initiative

TEXTBOX = {"class": "utrecht-textbox"}


class InitiativeForm(forms.Form):
    name = forms.CharField(
        label="Naam",
        max_length=200,
        widget=forms.TextInput(attrs=TEXTBOX),
        error_messages={"required": "Vul een naam in."},
        help_text="Bijvoorbeeld: Brief 'Uw WW-uitkering is toegekend'.",
    )
    description = forms.CharField(
        label="Beschrijving",
        required=False,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 5}),
        help_text="Wat is het, voor wie is het en wat moet het opleveren?",
    )
    owner = forms.ModelChoiceField(
        label="Eigenaar",
        queryset=Organisation.objects.none(),
        empty_label="Kies een organisatie",
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={
            "required": "Kies de organisatie die eigenaar is.",
            "invalid_choice": "Kies een organisatie waar u lid van bent.",
        },
        help_text="U kunt alleen een organisatie kiezen waar u lid van bent.",
    )
    partners = forms.ModelMultipleChoiceField(
        label="Partnerorganisaties",
        queryset=Organisation.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
        error_messages={"invalid_choice": "Deze organisatie bestaat niet."},
        help_text="Organisaties die meewerken. Hun leden kunnen het initiatief zien en wijzigen.",
    )
    target_groups = forms.MultipleChoiceField(
        label="Doelgroepen",
        choices=TARGET_GROUPS,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
        error_messages={"invalid_choice": "Kies een doelgroep uit de lijst."},
    )
    target_group_other = forms.CharField(
        label="Andere doelgroep",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=TEXTBOX),
        help_text="Bijvoorbeeld: mantelzorgers, studenten, werkgevers.",
    )
    channels_digital = forms.MultipleChoiceField(
        label="Digitale kanalen",
        choices=DIGITAL_CHANNELS,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
        error_messages={"invalid_choice": "Kies een kanaal uit de lijst."},
    )
    channels_non_digital = forms.MultipleChoiceField(
        label="Niet-digitale kanalen",
        choices=NON_DIGITAL_CHANNELS,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
        error_messages={"invalid_choice": "Kies een kanaal uit de lijst."},
    )
    life_event = forms.CharField(
        label="Levensgebeurtenis",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=TEXTBOX),
        help_text="Bijvoorbeeld: werkloos worden, een bedrijf starten, een kind krijgen.",
    )
    status = forms.ChoiceField(
        label="Status",
        choices=Initiative.Status.choices,
        initial=Initiative.Status.IDEE,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"required": "Kies een status.", "invalid_choice": "Kies een status uit de lijst."},
    )
    is_published = forms.BooleanField(
        label="Gepubliceerd: iedereen die is ingelogd mag dit initiatief lezen",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox"}),
    )

    def __init__(self, *args: Any, owner_choices: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = owner_choices

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if not cleaned.get("target_groups") and not (cleaned.get("target_group_other") or "").strip():
            self.add_error("target_groups", "Kies minstens één doelgroep of vul een andere doelgroep in.")
        if not cleaned.get("channels_digital") and not cleaned.get("channels_non_digital"):
            self.add_error("channels_digital", "Kies minstens één kanaal.")
        return cleaned

    def full_clean(self) -> None:
        super().full_clean()
        # Point screen readers from an invalid field to its error text.
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                described = f"{self[name].auto_id}_fouten"
                if self.fields[name].help_text:
                    described = f"{self[name].auto_id}_helptext {described}"
                widget.attrs["aria-describedby"] = described

    def service_kwargs(self) -> dict[str, Any]:
        """The cleaned data in the shape initiative_create/initiative_update take."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "description": data["description"],
            "owner": data["owner"],
            "partners": list(data["partners"]),
            "target_groups": data["target_groups"],
            "target_group_other": data["target_group_other"],
            "channels": [*data["channels_digital"], *data["channels_non_digital"]],
            "life_event": data["life_event"],
            "status": data["status"],
            "is_published": data["is_published"],
        }

    @staticmethod
    def initial_for(initiative: Initiative) -> dict[str, Any]:
        """Initial values to edit an existing initiative."""
        digital = {key for key, _ in DIGITAL_CHANNELS}
        return {
            "name": initiative.name,
            "description": initiative.description,
            "owner": initiative.owner_id,
            "partners": [org.pk for org in initiative.partners.all()],
            "target_groups": initiative.target_groups,
            "target_group_other": initiative.target_group_other,
            "channels_digital": [c for c in initiative.channels if c in digital],
            "channels_non_digital": [c for c in initiative.channels if c not in digital],
            "life_event": initiative.life_event,
            "status": initiative.status,
            "is_published": initiative.is_published,
        }


class InitiativeFilterForm(forms.Form):
    """Filters above the list; GET parameters, every field optional. `organisations` are the ones to offer
    (`initiative_filter_organisations`); a value outside them is ignored like any invalid filter."""

    q = forms.CharField(label="Zoek op naam", required=False, widget=forms.TextInput(attrs=TEXTBOX))
    organisation = forms.ModelChoiceField(
        label="Organisatie",
        queryset=Organisation.objects.all(),
        required=False,
        empty_label="Alle organisaties",
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    channel = forms.ChoiceField(
        label="Kanaal",
        required=False,
        choices=[("", "Alle kanalen"), *DIGITAL_CHANNELS, *NON_DIGITAL_CHANNELS],
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    target_group = forms.ChoiceField(
        label="Doelgroep",
        required=False,
        choices=[("", "Alle doelgroepen"), *TARGET_GROUPS],
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Alle statussen"), *Initiative.Status.choices],
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )

    # Bound: the QueryDict given to __init__; unbound: Django's empty MultiValueDict. Both have getlist.
    data: MultiValueDict[str, str]

    def __init__(self, data: QueryDict | None = None, *, organisations: QuerySet[Organisation] | None = None) -> None:
        super().__init__(data)
        self.organisations = Organisation.objects.all() if organisations is None else organisations
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = self.organisations

    def rendered_fields(self) -> tuple[RenderedField, ...]:
        """Label, id and widget HTML of every field, as `{{ field }}` would render them, but cached.

        Django renders each select option through two template includes; for the organisation list that was a
        quarter of the list page's time. The HTML depends only on the organisations and this form's input, so it
        is kept per process for each (organisations, input) pair; a new or renamed organisation is a new key.
        """
        organisations = tuple((str(pk), name) for pk, name in self.organisations.values_list("pk", "name"))
        data = (
            tuple((name, tuple(self.data.getlist(name))) for name in self.fields if name in self.data)
            if self.is_bound
            else None
        )
        return _rendered_filter_fields(organisations, data)

    def filters(self) -> dict[str, Any]:
        """Valid filters for initiative_list_for_user; an invalid value drops only that filter, not the page."""
        if not self.is_bound:
            return {}
        self.is_valid()  # fills cleaned_data with the fields that are valid
        data = dict(self.cleaned_data)
        if data.get("organisation"):
            data["organisation"] = data["organisation"].pk
        return {key: value for key, value in data.items() if value}


@dataclass(frozen=True, slots=True)
class RenderedField:
    label: str
    id_for_label: str
    html: SafeString


@lru_cache(maxsize=256)
def _rendered_filter_fields(
    organisations: tuple[tuple[str, str], ...], data: tuple[tuple[str, tuple[str, ...]], ...] | None
) -> tuple[RenderedField, ...]:
    query = None
    if data is not None:
        query = QueryDict(mutable=True)
        for name, values in data:
            query.setlist(name, list(values))
    form = InitiativeFilterForm(query)
    # The options come from the key, so the cached HTML always matches the organisations it was made for.
    field = form.fields["organisation"]
    assert isinstance(field, forms.ModelChoiceField)
    field.widget.choices = [("", field.empty_label), *organisations]
    return tuple(RenderedField(str(bound.label), bound.id_for_label, SafeString(str(bound))) for bound in form)
