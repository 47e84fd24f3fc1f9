"""Forms for uploading a feedback file and choosing its columns."""

from __future__ import annotations

from typing import Any, TypedDict

from django import forms

from denkraam.feedback.uploads import UPLOAD_FIELD

_TEXT_HINTS = ("reactie", "opmerking", "toelichting", "feedback", "klacht", "tekst", "antwoord", "comment")
_DATE_HINTS = ("datum", "date", "dag", "ontvangen")
_CHANNEL_HINTS = ("kanaal", "channel", "via", "contactvorm")


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand met reacties",
        help_text="Een CSV- of Excel-bestand (.xlsx) met in de eerste rij de namen van de kolommen.",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv", "class": "utrecht-textbox"}),
    )

    def __init__(self, *args: Any, too_big_message: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.too_big_message = too_big_message

    def clean(self) -> dict[str, Any]:
        if self.too_big_message:
            # The handler stopped reading, so the field looks empty; say why instead of "choose a file".
            self.errors.pop(UPLOAD_FIELD, None)
            raise forms.ValidationError(self.too_big_message)
        super().clean()
        return self.cleaned_data


def _guess(columns: list[str], hints: tuple[str, ...]) -> int | None:
    for index, name in enumerate(columns):
        if any(hint in name.lower() for hint in hints):
            return index
    return None


class ColumnChoice(TypedDict):
    """The chosen columns, as keyword arguments for feedback_import_preview and feedback_import_start."""

    text_column: int
    date_column: int | None
    channel_column: int | None


class ColumnsForm(forms.Form):
    """Which column holds the comments, and optionally the date and the channel."""

    text_column = forms.TypedChoiceField(
        label="Kolom met de reacties", coerce=int, help_text="De kolom met de tekst die klanten schreven."
    )
    date_column = forms.TypedChoiceField(
        label="Kolom met de datum", coerce=int, empty_value=None, required=False,
        help_text="Voor de trend per maand. Bijvoorbeeld 5-3-2024, 2024-03-05 of 5 maart 2024.",
    )  # fmt: skip
    channel_column = forms.TypedChoiceField(
        label="Kolom met het kanaal", coerce=int, empty_value=None, required=False,
        help_text="Bijvoorbeeld telefoon, website, balie of brief.",
    )  # fmt: skip

    def __init__(self, *args: Any, columns: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(index), name) for index, name in enumerate(columns)]
        for name, field in self.fields.items():
            assert isinstance(field, forms.TypedChoiceField)  # every field picks a column
            field.choices = choices if name == "text_column" else [("", "Geen"), *choices]
            field.widget.attrs["class"] = "utrecht-select"
        if not self.is_bound:
            text = _guess(columns, _TEXT_HINTS)
            self.initial = {
                "text_column": text if text is not None else 0,
                "date_column": _guess(columns, _DATE_HINTS),
                "channel_column": _guess(columns, _CHANNEL_HINTS),
            }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        text = data.get("text_column")
        for name in ("date_column", "channel_column"):
            if text is not None and data.get(name) == text:
                self.add_error(name, "Kies een andere kolom dan die met de reacties.")
        return data

    def choice(self) -> ColumnChoice:
        """The chosen columns of a valid form, or the guesses on first display."""
        data = self.cleaned_data if self.is_bound else self.initial
        return ColumnChoice(
            text_column=data["text_column"],
            date_column=data.get("date_column"),
            channel_column=data.get("channel_column"),
        )
