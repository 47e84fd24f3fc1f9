"""Which questions of the frame a finding informs: the questions its rule is about, within the finding's principle.

A finding carries a principle, but a principle has three or four questions on quite different things (the principle
"transparant" asks about the reasons for a decision, about personal data, about the status of a case and about
objections). Showing every finding of a principle under all its questions put a privacy finding under "Leggen jullie
bij elk besluit uit waarom". So each rule names the questions it is evidence for; a rule that is not in this table
(a new rule, or a frame with other question ids) informs the questions of its principle that ask for its kind of
evidence, and a finding whose principle has no such question informs no question at all.
"""

from __future__ import annotations

from denkraam.framework import Frame, Question

# Rule id -> the ids of the questions (of the Interactiestrategie frame) it informs.
RULE_QUESTIONS: dict[str, tuple[str, ...]] = {
    # Text check: plain language.
    "lange-zin": ("begrijpelijke-taal-b1",),
    "lijdende-vorm": ("begrijpelijke-taal-b1",),
    "overbodig-zullen": ("begrijpelijke-taal-b1",),
    "naamwoordstijl": ("begrijpelijke-taal-b1",),
    "ambtelijk-woord": ("begrijpelijke-taal-b1",),
    "afkorting": ("begrijpelijke-taal-b1",),
    "dubbele-ontkenning": ("begrijpelijke-taal-b1",),
    "taal": ("begrijpelijke-taal-b1",),
    "huisstijl": ("begrijpelijke-taal-b1",),
    "vakterm": ("begrijpelijke-taal-b1",),
    "er-constructie": ("begrijpelijke-taal-b1",),
    "tangconstructie": ("begrijpelijke-taal-b1",),
    "leeg-begin": ("begrijpelijke-taal-boodschap",),
    "brief-hoofdboodschap": ("begrijpelijke-taal-boodschap",),
    "brief-kopjes": ("begrijpelijke-taal-boodschap",),
    # Tone and form of address.
    "aanspreekvorm": ("respectvolle-toon-aanspreekvorm",),
    "onpersoonlijk": ("respectvolle-toon-persoonlijk",),
    "koele-toon": ("respectvolle-toon-persoonlijk",),
    "dreigende-toon": ("vertrouwen-in-burger-toon",),
    "beschuldiging": ("vertrouwen-in-burger-toon",),
    # Time, steps, contact.
    "vage-tijd": ("betrouwbaar-afspraken", "betrouwbaar-volgende-stap"),
    "brief-actie": ("weinig-stappen-wat-en-wanneer",),
    "brief-termijn": ("weinig-stappen-wat-en-wanneer",),
    "brief-contactpersoon": ("maatwerk-en-mens-contact",),
    "brief-hulp": ("maatwerk-en-mens-contact",),
    "brief-telefoon": ("kanalen-kiezen-keuze",),
    # Openness: a decision's reasons and consequences, personal data, objections are four different questions.
    "brief-reden": ("transparant-besluit",),
    "brief-gevolg": ("transparant-besluit",),
    "brief-gegevens": ("transparant-gegevens",),
    "brief-bezwaar": ("transparant-bezwaar",),
    # Page check.
    "page-privacy-statement-missing": ("transparant-gegevens",),
    "page-contact-missing": ("kanalen-kiezen-keuze",),
    "page-human-contact-missing": ("maatwerk-en-mens-contact",),
    "page-accessibility-statement-missing": ("toegankelijk-voor-iedereen-wcag",),
    "page-lang-missing": ("toegankelijk-voor-iedereen-wcag",),
    "page-lang-not-dutch": ("toegankelijk-voor-iedereen-wcag",),
    "page-title-missing": ("toegankelijk-voor-iedereen-wcag",),
    "page-title-vague": ("toegankelijk-voor-iedereen-wcag",),
    "page-heading-skipped": ("toegankelijk-voor-iedereen-wcag",),
    "page-heading-empty": ("toegankelijk-voor-iedereen-wcag",),
    "page-img-alt-missing": ("toegankelijk-voor-iedereen-wcag",),
    "page-img-alt-filename": ("toegankelijk-voor-iedereen-wcag",),
    "page-field-placeholder-only": ("toegankelijk-voor-iedereen-wcag",),
    "page-field-label-missing": ("toegankelijk-voor-iedereen-wcag",),
    "page-link-text-empty": ("toegankelijk-voor-iedereen-wcag",),
    "page-link-text-vague": ("toegankelijk-voor-iedereen-wcag",),
}


def finding_questions(*, frame: Frame, principle_id: str, kind: str, rule: str) -> list[Question]:
    """The questions a finding informs: those its rule names (in its principle; of those, the ones asking for
    `kind` when there are any), else the questions of its principle that ask for `kind`.

    `kind` is the frame's evidence type of the finding ("text" or "webpage"). Never every question of the
    principle: a question that does not ask for this evidence is not informed by it.
    """
    try:
        questions = list(frame.principle(principle_id).questions)
    except KeyError:
        return []
    asking = [q for q in questions if kind in q.evidence]
    named = set(RULE_QUESTIONS.get(rule, ()))
    chosen = [q for q in questions if q.id in named]
    if not chosen:
        return asking
    # Of the rule's questions, those that ask for this kind of evidence: vague time in a letter informs keeping
    # promises and the next step, on a web page only the next step (the frame asks no page for promises).
    return [q for q in chosen if q in asking] or chosen
