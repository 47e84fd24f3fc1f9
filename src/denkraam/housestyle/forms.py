"""Forms only parse input; the services check the list and decide."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile

from denkraam.analysis.text.house_style import (
    KIND_ABBREVIATION,
    KIND_ALLOWED,
    KIND_AVOID,
    MAX_BYTES,
    MAX_TERM_CHARS,
    MAX_TEXT_CHARS,
    HouseStyleEntry,
)
from denkraam.housestyle.selectors import HouseStyleOption

KIND_CHOICES = [
    (KIND_AVOID, "Vermijden"),
    (KIND_ALLOWED, "Toegestaan"),
    (KIND_ABBREVIATION, "Afkorting"),
]
# The form sends four fields a row; Django refuses more than 1,000 fields a request (DATA_UPLOAD_MAX_NUMBER_FIELDS),
# so a longer list is changed by downloading, editing and uploading it.
MAX_FORM_ROWS = 200
EMPTY_ROWS = 3
NOTE_HELP = (
    "Wat is er veranderd? Bijvoorbeeld: 'beschikking' vervangen door 'besluit'. Dit ziet u terug bij de versies."
)


class EntryForm(forms.Form):
    """One row of the list: what kind, the word or abbreviation, and its replacement or explanation."""

    kind = forms.ChoiceField(
        label="Soort",
        choices=KIND_CHOICES,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"invalid_choice": "Kies vermijden, toegestaan of afkorting."},
    )
    term = forms.CharField(
        label="Term",
        max_length=MAX_TERM_CHARS,
        required=False,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox", "spellcheck": "false"}),
        error_messages={"max_length": f"Een term heeft hoogstens {MAX_TERM_CHARS} tekens."},
    )
    text = forms.CharField(
        label="Vervanging of uitleg",
        max_length=MAX_TEXT_CHARS,
        required=False,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox"}),
        error_messages={"max_length": f"Een vervanging of uitleg heeft hoogstens {MAX_TEXT_CHARS} tekens."},
    )


class _EntryFormSet(forms.BaseFormSet):
    def entries(self) -> list[HouseStyleEntry]:
        """The rows that are filled in and not marked for removal, in their order on the page."""
        rows = []
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("term", "").strip():
                continue
            rows.append(HouseStyleEntry(kind=data["kind"], term=data["term"].strip(), text=data["text"].strip()))
        return rows


EntryFormSet = forms.formset_factory(
    EntryForm,
    formset=_EntryFormSet,
    extra=EMPTY_ROWS,
    can_delete=True,
    max_num=MAX_FORM_ROWS + EMPTY_ROWS,
    absolute_max=MAX_FORM_ROWS + EMPTY_ROWS,
    validate_max=True,
)


def entry_formset(data: Any = None, *, entries: list[HouseStyleEntry] | None = None) -> _EntryFormSet:
    initial = [{"kind": e.kind, "term": e.term, "text": e.text} for e in entries or []]
    formset = cast(_EntryFormSet, EntryFormSet(data, initial=initial, prefix="rij"))
    for form in formset.forms:
        form.fields["DELETE"].label = "Verwijderen"
    return formset


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Toelichting",
        max_length=200,
        required=False,
        help_text=NOTE_HELP,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox"}),
        error_messages={"max_length": "De toelichting heeft hoogstens 200 tekens."},
    )


class UploadForm(NoteForm):
    file = forms.FileField(
        label="Bestand met de woordenlijst",
        help_text="Een tekstbestand met tabs (.tsv of .txt, UTF-8), met als eerste regel: soort, term, vervanging. "
        "Hoogstens 1 MB. U ziet de lijst eerst, en bewaart hem pas als u dat bevestigt.",
        widget=forms.ClearableFileInput(attrs={"accept": ".tsv,.txt,text/tab-separated-values,text/plain"}),
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )

    def clean_file(self) -> bytes:
        upload: UploadedFile = self.cleaned_data["file"]
        if (upload.size or 0) > MAX_BYTES:
            raise forms.ValidationError(
                f"Het bestand is te groot: {(upload.size or 0) / 1_048_576:.1f} MB, het maximum is 1 MB."
            )
        return upload.read(MAX_BYTES + 1)


class ConfirmForm(NoteForm):
    """The preview's confirmation: the checked list comes back as text and is checked again before it is stored."""

    content = forms.CharField(widget=forms.HiddenInput, strip=False, max_length=MAX_BYTES)


def house_style_choice_field(options: list[HouseStyleOption]) -> forms.ChoiceField:
    """The Tekstcheck page's choice of list: the user's organisations' current lists, or none."""
    return forms.ChoiceField(
        label="Huisstijl",
        choices=[*((o.slug, o.label) for o in options), ("", "Geen huisstijl: alleen de adviezen van denkraam")],
        initial=options[0].slug if options else "",
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        help_text="Met een huisstijl ziet u ook de woorden die uw organisatie liever niet gebruikt, met het woord "
        "dat zij koos.",
        error_messages={"invalid_choice": "Kies een van de huisstijlen in de lijst."},
    )
