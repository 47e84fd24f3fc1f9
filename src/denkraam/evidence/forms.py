"""Forms only parse input; the services check it and decide."""

from __future__ import annotations

from typing import Any

from django import forms

from denkraam.analysis.findings import SEVERITIES

NEED_CHOICES = [
    ("", "Alle behoeften"),
    ("vertrouwen", "Vertrouwen"),
    ("persoonlijk", "Persoonlijk"),
    ("gemak", "Gemak"),
]
SEVERITY_CHOICES = [("", "Alle"), *((s, s.capitalize()) for s in reversed(SEVERITIES))]


TITLE_HELP = "Bijvoorbeeld: Brief herbeoordeling, versie maart. Zonder titel kiest denkraam er een."


class _EvidenceForm(forms.Form):
    title = forms.CharField(label="Titel", max_length=200, required=False, help_text=TITLE_HELP)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Three forms share one page: a prefix keeps their field ids apart.
        kwargs.setdefault("prefix", self.way)
        super().__init__(*args, **kwargs)

    way = ""


class TextEvidenceForm(_EvidenceForm):
    """Paste a text (a letter, an e-mail, a web text)."""

    way = "tekst"
    text = forms.CharField(
        label="Tekst",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Plak de tekst die u wilt laten controleren."},
    )


class FileEvidenceForm(_EvidenceForm):
    """Upload a file; its type is read from the content, not from the name."""

    way = "bestand"
    upload = forms.FileField(
        label="Bestand",
        help_text="Een .txt-, .md-, .html-, .docx- of .pdf-bestand.",
        error_messages={"required": "Kies het bestand dat u wilt laten controleren."},
    )


class UrlEvidenceForm(_EvidenceForm):
    """The address of a public web page, fetched safely in the background."""

    way = "webpagina"
    url = forms.CharField(
        label="Adres van de webpagina",
        max_length=2000,
        help_text="Een openbare pagina; het adres begint met https:// of http://.",
        error_messages={"required": "Vul het adres van de webpagina in."},
    )


EVIDENCE_FORMS: dict[str, type[_EvidenceForm]] = {
    form.way: form for form in (TextEvidenceForm, FileEvidenceForm, UrlEvidenceForm)
}


class FindingFilterForm(forms.Form):
    """Filters on the evidence page; a GET form, so it works without JavaScript and can be bookmarked."""

    behoefte = forms.ChoiceField(label="Behoefte", choices=NEED_CHOICES, required=False)
    ernst = forms.ChoiceField(label="Ernst", choices=SEVERITY_CHOICES, required=False)
