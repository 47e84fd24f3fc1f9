"""Every rule of the text check, with the need and principle of the frame it informs.

One table, so the report, the documentation and the tests agree on what each rule means.
"""

from __future__ import annotations

from dataclasses import dataclass

from denkraam.analysis.findings import NeedId, Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a rule checks (Dutch title), where it lands on the frame, and its usual severity."""

    need: NeedId
    principle: str
    severity: Severity
    title: str


RULES: dict[str, RuleInfo] = {
    "lange-zin": RuleInfo("gemak", "begrijpelijke-taal", "waarschuwing", "Lange zin (fout boven ~30 woorden)"),
    "lijdende-vorm": RuleInfo("gemak", "begrijpelijke-taal", "waarschuwing", "Lijdende vorm (wordt/is ... ge-...d)"),
    "overbodig-zullen": RuleInfo("gemak", "begrijpelijke-taal", "info", "Overbodig 'zullen'"),
    "naamwoordstijl": RuleInfo("gemak", "begrijpelijke-taal", "waarschuwing", "Naamwoordstijl ('het indienen van')"),
    "ambtelijk-woord": RuleInfo("gemak", "begrijpelijke-taal", "waarschuwing", "Ambtelijk of moeilijk woord"),
    "afkorting": RuleInfo("gemak", "begrijpelijke-taal", "waarschuwing", "Afkorting zonder uitleg"),
    "dubbele-ontkenning": RuleInfo("gemak", "begrijpelijke-taal", "waarschuwing", "Dubbele ontkenning"),
    "aanspreekvorm": RuleInfo("persoonlijk", "respectvolle-toon", "waarschuwing", "Wisselt tussen u en je"),
    "onpersoonlijk": RuleInfo("persoonlijk", "respectvolle-toon", "waarschuwing", "Onpersoonlijk ('men', geen u/wij)"),
    "koele-toon": RuleInfo("persoonlijk", "respectvolle-toon", "waarschuwing", "Koele, bevelende toon"),
    "dreigende-toon": RuleInfo("vertrouwen", "vertrouwen-in-burger", "waarschuwing", "Dreigende toon"),
    "vage-tijd": RuleInfo("vertrouwen", "betrouwbaar", "waarschuwing", "Vage tijdsaanduiding zonder datum"),
    "brief-contactpersoon": RuleInfo("persoonlijk", "maatwerk-en-mens", "waarschuwing", "Brief: geen contactpersoon"),
    "brief-telefoon": RuleInfo("gemak", "kanalen-kiezen", "waarschuwing", "Brief: geen telefoonnummer"),
    "brief-actie": RuleInfo("gemak", "weinig-stappen", "waarschuwing", "Brief: niet duidelijk wat de lezer moet doen"),
    "brief-termijn": RuleInfo("gemak", "weinig-stappen", "info", "Brief: geen datum of termijn"),
    "brief-reden": RuleInfo("vertrouwen", "transparant", "waarschuwing", "Brief: geen reden of wettelijke basis"),
    "brief-bezwaar": RuleInfo("vertrouwen", "transparant", "fout", "Besluit zonder uitleg over bezwaar maken"),
    "brief-gegevens": RuleInfo("vertrouwen", "transparant", "waarschuwing", "Brief: geen uitleg over gegevens"),
    "taal": RuleInfo("gemak", "begrijpelijke-taal", "info", "Tekst is niet in het Nederlands"),
    # Word choice: domain terms, house style.
    # Sentence rewrites: empty openers, tangconstructies, er-constructions.
    # Letter types and structure.
}  # fmt: skip
