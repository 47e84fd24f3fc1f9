"""Why a sign-on did not work, in Dutch: what happened and what the person can do next."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from denkraam.accounts.oidc.config import OidcProvider

# kind: (HTTP status, title, what happened, what to do next). `{name}` is the provider's display name.
MESSAGES: dict[str, tuple[int, str, str, str]] = {
    "state": (
        400,
        "Inloggen is niet gelukt",
        "Het antwoord van de inlogdienst hoort niet bij een inlogpoging in deze browser, of die poging was "
        "al verlopen of afgerond. Uit voorzorg bent u niet ingelogd.",
        "Begin opnieuw met de knop ‘{name}’ op de inlogpagina, in één browservenster.",
    ),
    "code": (
        400,
        "Inloggen is niet gelukt",
        "De inlogcode van de inlogdienst was verlopen of al gebruikt. U bent niet ingelogd.",
        "Begin opnieuw met de knop ‘{name}’ op de inlogpagina.",
    ),
    "provider_error": (
        403,
        "Inloggen is niet gelukt",
        "De inlogdienst heeft het inloggen niet toegestaan, of het inloggen is daar afgebroken. U bent niet ingelogd.",
        "Probeer het opnieuw. Lukt het weer niet, vraag dan de beheerder van uw organisatie of u denkraam mag "
        "gebruiken.",
    ),
    "issuer": (
        403,
        "Inloggen is niet gelukt",
        "Het antwoord kwam niet van de inlogdienst die denkraam voor ‘{name}’ kent. Uit voorzorg bent u niet "
        "ingelogd en is er niets opgeslagen.",
        "Meld dit aan de beheerder van denkraam: de instelling van ‘{name}’ of de inlogdienst zelf klopt niet.",
    ),
    "token": (
        403,
        "Inloggen is niet gelukt",
        "Het bewijs van uw aanmelding dat de inlogdienst stuurde klopte niet (verkeerd ondertekend, "
        "verlopen of voor een andere toepassing). Uit voorzorg bent u niet ingelogd.",
        "Begin opnieuw met de knop ‘{name}’. Lukt het weer niet, meld het dan aan de beheerder van denkraam.",
    ),
    "no_email": (
        403,
        "Geen e-mailadres ontvangen",
        "De inlogdienst achter ‘{name}’ heeft geen e-mailadres van u doorgegeven. "
        "Zonder e-mailadres maakt denkraam geen account voor u.",
        "Vraag de beheerder van uw organisatie om uw e-mailadres mee te sturen naar denkraam.",
    ),
    "no_organisation": (
        403,
        "Geen toegang tot denkraam",
        "U bent bij de inlogdienst achter ‘{name}’ bekend, maar daar staat niet dat u "
        "denkraam mag gebruiken voor een organisatie. Daarom bent u niet ingelogd en is er "
        "geen account voor u gemaakt.",
        "Vraag de beheerder van uw organisatie om u toegang tot denkraam te geven (bijvoorbeeld in de juiste "
        "groep). Bent u uitgenodigd voor een gesprek? Open dan de link uit de uitnodiging en log daarna in.",
    ),
    "access_removed": (
        403,
        "Geen toegang meer",
        "Volgens de inlogdienst achter ‘{name}’ mag u denkraam niet meer gebruiken "
        "voor uw organisatie. Uw lidmaatschap is daarom beëindigd en u bent niet ingelogd.",
        "Denkt u dat dit niet klopt? Vraag dan de beheerder van uw organisatie om u weer toegang te geven.",
    ),
    "account_exists": (
        403,
        "Er bestaat al een account",
        "In denkraam bestaat al een account met het e-mailadres dat de inlogdienst doorgaf. Uit voorzorg koppelt "
        "denkraam dat account niet vanzelf aan deze inlogdienst. U bent niet ingelogd.",
        "Log in met uw gebruikersnaam en wachtwoord, of vraag de beheerder van denkraam om uw account aan ‘{name}’ "
        "te koppelen.",
    ),
    "inactive": (
        403,
        "Account uitgeschakeld",
        "Uw account in denkraam is uitgeschakeld. U bent niet ingelogd.",
        "Vraag de beheerder van denkraam in uw organisatie om uw account weer aan te zetten.",
    ),
    "unreachable": (
        503,
        "Inlogdienst niet bereikbaar",
        "denkraam kon de inlogdienst achter ‘{name}’ nu niet bereiken. U bent niet ingelogd.",
        "Probeer het over een paar minuten opnieuw.",
    ),
}

ERROR_CODE = re.compile(r"^[a-z_]{1,40}$")


class OidcLoginError(Exception):
    """A sign-on that stopped; nothing was stored (except, for `access_removed`, the ended memberships)."""

    def __init__(self, kind: str, *, provider: OidcProvider, detail: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.provider = provider
        # Only an OAuth error code (such as access_denied) is shown, never the provider's free text: anyone can
        # put text in a callback address and send the link to someone.
        self.detail = detail if ERROR_CODE.match(detail) else ""

    @property
    def status(self) -> int:
        return MESSAGES[self.kind][0]

    def texts(self) -> dict[str, str]:
        _, title, happened, next_step = MESSAGES[self.kind]
        name = self.provider.name
        return {
            "title": title.format(name=name),
            "happened": happened.format(name=name),
            "next_step": next_step.format(name=name),
        }
