"""Which assessment questions a feedback theme informs, so quotes appear only under the questions they speak to.

Every comment is classified under one need, and some 16 questions of the frame take customer feedback as evidence.
Showing the same need-level quotes under all of them put a comment about waiting on the phone under a question about
learning from mistakes. The need-level figures (share, sentiment) stay on every such question; the themes and the
quotes are those of the themes listed here for the question. A question no theme informs shows the figures only.
"""

from __future__ import annotations

# Theme id (analysis/feedback/lexicons/themes.yaml) -> the ids of the questions (of the Interactiestrategie frame)
# it informs; only questions that ask for feedback as evidence. An empty tuple: no such question.
THEME_QUESTIONS: dict[str, tuple[str, ...]] = {
    "digid": (),
    "wachttijd": ("kanalen-kiezen-bereikbaar",),
    "bereikbaarheid": ("kanalen-kiezen-bereikbaar",),
    "terugbellen": ("betrouwbaar-afspraken",),
    "toon": ("respectvolle-toon-ervaring", "vertrouwen-in-burger-toon"),
    "contactpersoon": ("respectvolle-toon-ervaring",),
    "doorverwijzing": ("een-overheid-verkeerde-deur",),
    "opnieuw_vertellen": ("een-keer-vertellen-afdelingen",),
    "privacy": ("veilig-en-echt-navragen",),
    "fouten": ("fouten-herstellen-erkennen", "fouten-herstellen-oplossen", "fouten-herstellen-leren"),
    "wantrouwen": ("vertrouwen-in-burger-toon",),
    "uitbetaling": ("betrouwbaar-afspraken",),
    "beslistermijn": ("betrouwbaar-afspraken", "transparant-status"),
    "uitleg_besluit": (),
    "formulieren": (),
    "begrijpelijkheid": ("begrijpelijke-taal-getest",),
    "website_app": (),
    "toegankelijkheid": ("toegankelijk-voor-iedereen-beperking",),
    "loket": ("kanalen-kiezen-bereikbaar",),
    "proactief": ("proactief-signalen",),
}


def themes_for_question(question_id: str) -> list[str]:
    """The ids of the themes that inform this question, in the order of the table."""
    return [theme for theme, questions in THEME_QUESTIONS.items() if question_id in questions]
