"""Every rule of the text check, with the need and principle of the frame it informs.

One table, so the report, the documentation and the tests agree on what each rule means.
"""

from __future__ import annotations

from dataclasses import dataclass

from denkraam.analysis.findings import NeedId, Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a rule checks (Dutch title), where it lands on the frame, its usual severity, and in one line why it
    matters to the reader (a finding may say it more precisely)."""

    need: NeedId
    principle: str
    severity: Severity
    title: str
    why: str = ""


RULES: dict[str, RuleInfo] = {
    "lange-zin": RuleInfo(
        "gemak", "begrijpelijke-taal", "waarschuwing", "Lange zin (fout boven ~30 woorden)",
        "Een lange zin moet de lezer onthouden tot het eind; twee korte zinnen leest hij in één keer.",
    ),
    "lijdende-vorm": RuleInfo(
        "gemak", "begrijpelijke-taal", "waarschuwing", "Lijdende vorm (wordt/is ... ge-...d)",
        "In de lijdende vorm staat niet wie iets doet; de lezer wil weten wie hem helpt of iets van hem vraagt.",
    ),
    "overbodig-zullen": RuleInfo(
        "gemak", "begrijpelijke-taal", "info", "Overbodig 'zullen'",
        "'Zullen' maakt een zin langer en minder zeker, zonder iets toe te voegen.",
    ),
    "naamwoordstijl": RuleInfo(
        "gemak", "begrijpelijke-taal", "waarschuwing", "Naamwoordstijl ('het indienen van')",
        "Een werkwoord zegt wat er gebeurt; een zelfstandig naamwoord maakt de zin zwaar en vaag.",
    ),
    "ambtelijk-woord": RuleInfo(
        "gemak", "begrijpelijke-taal", "waarschuwing", "Ambtelijk of moeilijk woord",
        "Een ambtelijk woord moet de lezer vertalen; een gewoon woord begrijpt hij meteen.",
    ),
    "afkorting": RuleInfo(
        "gemak", "begrijpelijke-taal", "waarschuwing", "Afkorting zonder uitleg",
        "Wie de afkorting niet kent, begrijpt de zin niet en kan het niet opzoeken in de brief.",
    ),
    "dubbele-ontkenning": RuleInfo(
        "gemak", "begrijpelijke-taal", "waarschuwing", "Dubbele ontkenning",
        "Twee ontkenningen moet de lezer omrekenen; hij leest ze gemakkelijk verkeerd.",
    ),
    "aanspreekvorm": RuleInfo(
        "persoonlijk", "respectvolle-toon", "waarschuwing", "Wisselt tussen u en je",
        "Wisselen tussen u en je voelt slordig en maakt onzeker wie er bedoeld wordt.",
    ),
    "onpersoonlijk": RuleInfo(
        "persoonlijk", "respectvolle-toon", "waarschuwing", "Onpersoonlijk ('men', geen u/wij)",
        "De lezer wil merken dat de brief over hem gaat en van mensen komt, niet van een systeem.",
    ),
    "koele-toon": RuleInfo(
        "persoonlijk", "respectvolle-toon", "waarschuwing", "Koele, bevelende toon",
        "Een bevelende toon geeft de lezer het gevoel dat hij niet vertrouwd wordt.",
    ),
    "dreigende-toon": RuleInfo(
        "vertrouwen", "vertrouwen-in-burger", "waarschuwing", "Dreigende toon",
        "Wie eerst een dreiging leest, leest de hulp die volgt niet meer.",
    ),
    "vage-tijd": RuleInfo(
        "vertrouwen", "betrouwbaar", "waarschuwing", "Vage tijdsaanduiding zonder datum",
        "Zonder datum weet de lezer niet wanneer hij iets moet doen of mag verwachten.",
    ),
    "brief-contactpersoon": RuleInfo(
        "persoonlijk", "maatwerk-en-mens", "waarschuwing", "Brief: geen contactpersoon",
        "Een naam geeft de lezer iemand om te vragen; een afdeling is niemand.",
    ),
    "brief-telefoon": RuleInfo(
        "gemak", "kanalen-kiezen", "waarschuwing", "Brief: geen telefoonnummer",
        "Wie iets niet begrijpt, wil kunnen bellen; zonder nummer moet hij zoeken.",
    ),
    "brief-actie": RuleInfo(
        "gemak", "weinig-stappen", "waarschuwing", "Brief: niet duidelijk wat de lezer moet doen",
        "De lezer moet na het lezen weten wat hij moet doen; anders doet hij niets of het verkeerde.",
    ),
    "brief-termijn": RuleInfo(
        "gemak", "weinig-stappen", "info", "Brief: geen datum of termijn",
        "Zonder termijn weet de lezer niet wanneer het te laat is.",
    ),
    "brief-reden": RuleInfo(
        "vertrouwen", "transparant", "waarschuwing", "Brief: geen reden of wettelijke basis",
        "Een besluit zonder reden voelt willekeurig; met de reden kan de lezer het controleren.",
    ),
    "brief-bezwaar": RuleInfo(
        "vertrouwen", "transparant", "fout", "Besluit zonder uitleg over bezwaar maken",
        "Wie het niet eens is met een besluit, moet weten hoe en tot wanneer hij bezwaar kan maken.",
    ),
    "brief-gegevens": RuleInfo(
        "vertrouwen", "transparant", "waarschuwing", "Brief: geen uitleg over gegevens",
        "De lezer wil weten welke gegevens over hem gebruikt zijn en waar ze vandaan komen.",
    ),
    "taal": RuleInfo(
        "gemak", "begrijpelijke-taal", "info", "Tekst is niet in het Nederlands",
        "De check en de scores zijn gemaakt voor Nederlandse teksten.",
    ),
    # Word choice: domain terms, house style.
    "huisstijl": RuleInfo(
        "gemak", "begrijpelijke-taal", "waarschuwing", "Huisstijl: woord om niet te gebruiken",
        "De organisatie koos een woord dat haar lezers beter begrijpen; steeds hetzelfde woord maakt het duidelijk.",
    ),
    # Sentence rewrites: empty openers, tangconstructies, er-constructions.
    # Letter types and structure.
}  # fmt: skip
