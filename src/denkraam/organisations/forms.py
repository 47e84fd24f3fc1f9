"""Forms only parse input; the services decide."""

from __future__ import annotations

from django import forms

from denkraam.accounts.models import Membership

TEXTBOX = {"class": "utrecht-textbox"}
ROLE_HELP = (
    "Een lezer kan meekijken. Een lid kan initiatieven vastleggen en wijzigen. Een begeleider kan ook gesprekken "
    "leiden. Een beheerder kan ook de leden van de organisatie beheren."
)


class OrganisationCreateForm(forms.Form):
    name = forms.CharField(label="Naam", max_length=200, widget=forms.TextInput(attrs=TEXTBOX))
    slug = forms.CharField(
        label="Korte naam",
        max_length=100,
        help_text="Voor in het adres, bijvoorbeeld uwv of gemeente-utrecht: kleine letters, cijfers en streepjes.",
        widget=forms.TextInput(attrs={**TEXTBOX, "autocapitalize": "none", "spellcheck": "false"}),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Rol",
        choices=Membership.Role.choices,
        help_text=ROLE_HELP,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        error_messages={"invalid": "Vul een geldig e-mailadres in.", "required": "Vul het e-mailadres in."},
        widget=forms.EmailInput(attrs={**TEXTBOX, "autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label="Rol",
        choices=Membership.Role.choices,
        initial=Membership.Role.LID,
        help_text=ROLE_HELP,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
