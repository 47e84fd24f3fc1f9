"""Forms only parse input; the services check it and decide."""

from __future__ import annotations

from typing import Any

from django import forms

from denkraam.analysis.findings import SEVERITIES
from denkraam.analysis.text.check import DEFAULT_MAX_SENTENCE_WORDS
from denkraam.analysis.text.letter_types import LETTER_TYPES

NEED_CHOICES = [
    ("", "Alle behoeften"),
    ("vertrouwen", "Vertrouwen"),
    ("persoonlijk", "Persoonlijk"),
    ("gemak", "Gemak"),
]
SEVERITY_CHOICES = [("", "Alle"), *((s, s.capitalize()) for s in reversed(SEVERITIES))]


TITLE_HELP = "Bijvoorbeeld: Brief herbeoordeling, versie maart. Zonder titel kiest denkraam er een."
SCRUB_HELP = (
    "Zonder dit vinkje vervangt denkraam namen, BSN's, IBAN's, telefoonnummers, e-mailadressen, adressen en data "
    "door [NAAM], [BSN] enzovoort, voordat er iets wordt bewaard. Kies dit alleen als uw team de originele tekst "
    "nodig heeft: uw keuze komt in het logboek en staat bij het bewijs."
)


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
    keep_original = forms.BooleanField(
        label="Originele tekst bewaren (bevat mogelijk persoonsgegevens)", required=False, help_text=SCRUB_HELP
    )


class FileEvidenceForm(_EvidenceForm):
    """Upload a file; its type is read from the content, not from the name."""

    way = "bestand"
    upload = forms.FileField(
        label="Bestand",
        help_text="Een .txt-, .md-, .html-, .docx-, .odt- of .pdf-bestand.",
        error_messages={"required": "Kies het bestand dat u wilt laten controleren."},
    )
    keep_original = forms.BooleanField(
        label="Origineel bestand bewaren (bevat mogelijk persoonsgegevens)",
        required=False,
        help_text=SCRUB_HELP.replace("de originele tekst", "het originele bestand")
        + " Zonder origineel is er geen download en geen paginacontrole van een HTML-bestand.",
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


TEXT_CHECK_MAX_CHARS = 50_000
TEXT_CHECK_DEEP_MAX_CHARS = 20_000  # about six pages; frog needs ~0.5 s of CPU per page
TEXT_KINDS = {"automatisch": None, "brief": True, "webtekst": False}


def _dutch_number(value: int) -> str:
    # 50000 -> "50.000": the Dutch thousands separator, whatever the active locale.
    return f"{value:,}".replace(",", ".")


class TextCheckForm(forms.Form):
    """The Tekstcheck page: one pasted text, checked at once and never stored.

    The text has no `max_length`: that would put a `maxlength` on the textarea, and the browser would then cut a
    long paste off without a word. A too long text gets an error on the field instead and stays as it was.
    """

    text = forms.CharField(
        label="Tekst",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
        help_text=f"Plak een brief, e-mail of webtekst. Hoogstens {_dutch_number(TEXT_CHECK_MAX_CHARS)} tekens.",
        error_messages={"required": "Plak de tekst die u wilt laten controleren."},
    )
    kind = forms.ChoiceField(
        label="Soort tekst",
        choices=[
            ("automatisch", "Automatisch herkennen"),
            ("brief", "Brief"),
            ("webtekst", "Webtekst of andere tekst"),
        ],
        initial="automatisch",
        required=False,
        help_text="Bij een brief controleert denkraam ook contactpersoon, telefoonnummer, termijn en bezwaar.",
        error_messages={"invalid_choice": "Kies automatisch, brief of webtekst."},
    )
    letter_type = forms.ChoiceField(
        label="Soort brief",
        choices=[("", "Automatisch herkennen")] + [(key, label.capitalize()) for key, label in LETTER_TYPES.items()],
        initial="",
        required=False,
        help_text="Bij elke soort hoort een eigen controle: een besluit moet zeggen hoe u bezwaar maakt, een "
        "herinnering wat er gebeurt als de lezer niets doet.",
        error_messages={"invalid_choice": "Kies een soort brief uit de lijst."},
    )
    max_sentence_words = forms.IntegerField(
        label="Maximaal aantal woorden per zin",
        min_value=8,
        max_value=60,
        initial=DEFAULT_MAX_SENTENCE_WORDS,
        required=False,
        help_text="Een zin met meer woorden telt als lange zin. Kies een getal van 8 tot en met 60.",
        error_messages={
            "invalid": "Vul een heel getal in, van 8 tot en met 60.",
            "min_value": "Kies minstens 8 woorden per zin.",
            "max_value": "Kies hoogstens 60 woorden per zin.",
        },
    )

    deep = forms.BooleanField(
        label="Diepe analyse (met frog)",
        required=False,
        help_text="Meet het leesniveau nauwkeuriger met de taalontleder frog. Dat duurt ongeveer een seconde "
        f"langer. Hoogstens {_dutch_number(TEXT_CHECK_DEEP_MAX_CHARS)} tekens.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from denkraam.evidence.text_check import deep_unavailable_reason

        reason = deep_unavailable_reason()
        if reason:
            self.fields["deep"].disabled = True
            self.fields["deep"].help_text = f"Niet beschikbaar: {reason}"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        text = cleaned.get("text") or ""
        if cleaned.get("deep") and len(text) > TEXT_CHECK_DEEP_MAX_CHARS:
            self.add_error(
                "deep",
                f"De diepe analyse kan hoogstens {_dutch_number(TEXT_CHECK_DEEP_MAX_CHARS)} tekens tegelijk aan. "
                "Zet hem uit of controleer de tekst in delen.",
            )
        return cleaned

    def clean_text(self) -> str:
        # Browsers send line breaks as \r\n; counting them as one character matches what the user sees.
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if not text.strip():
            raise forms.ValidationError(self.fields["text"].error_messages["required"], code="required")
        if len(text) > TEXT_CHECK_MAX_CHARS:
            raise forms.ValidationError(
                "De tekst is te lang: %(length)s tekens. Het maximum is %(maximum)s tekens. "
                "Controleer de tekst in delen.",
                code="max_length",
                params={"length": _dutch_number(len(text)), "maximum": _dutch_number(TEXT_CHECK_MAX_CHARS)},
            )
        return text

    def clean_kind(self) -> str:
        return self.cleaned_data["kind"] or "automatisch"

    def clean_max_sentence_words(self) -> int:
        value = self.cleaned_data["max_sentence_words"]
        return DEFAULT_MAX_SENTENCE_WORDS if value is None else value

    @property
    def is_letter(self) -> bool | None:
        """What the text check expects: True for a letter, False for other text, None to recognise it."""
        return TEXT_KINDS[self.cleaned_data["kind"]]

    @property
    def chosen_letter_type(self) -> str | None:
        """The kind of letter the writer chose (it makes the text a letter), or None: the check recognises it."""
        return self.cleaned_data.get("letter_type") or None
