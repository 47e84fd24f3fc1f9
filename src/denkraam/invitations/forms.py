"""Forms of the accept page: an account with a password for the invited address."""

from __future__ import annotations

from typing import Any

from django import forms


class InvitationAccountForm(forms.Form):
    """Name and password twice; the e-mail address is the invitation's and cannot be changed here."""

    name = forms.CharField(
        label="Uw naam",
        max_length=300,
        help_text="Zo ziet de groep wie u bent, bijvoorbeeld Anna de Vries.",
        widget=forms.TextInput(attrs={"autocomplete": "name", "class": "utrecht-textbox"}),
    )
    password1 = forms.CharField(
        label="Wachtwoord",
        strip=False,
        help_text="Minstens 10 tekens. Niet alleen cijfers en geen bekend wachtwoord.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "class": "utrecht-textbox"}),
    )
    password2 = forms.CharField(
        label="Wachtwoord nog een keer",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "class": "utrecht-textbox"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.")
        return cleaned
