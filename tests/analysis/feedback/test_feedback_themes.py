"""Themes: recurring topics counted over comments, with scrubbed quotes."""

from __future__ import annotations

from denkraam.analysis.feedback import analyse_feedback, find_themes
from denkraam.analysis.feedback.themes import ThemeTally, load_themes


def test_it_finds_the_themes_a_comment_touches() -> None:
    themes = find_themes("Inloggen met DigiD lukte niet en daarna stond ik een uur in de wacht.")
    assert "digid" in themes and "wachttijd" in themes
    assert "privacy" not in themes


def test_it_matches_terms_at_the_start_of_words_only() -> None:
    assert "toon" not in find_themes("Het kantoor was dicht.")  # "toon" hides inside "kantoor"


def test_every_theme_belongs_to_a_need_of_the_frame() -> None:
    assert {theme.need for theme in load_themes()} <= {"vertrouwen", "persoonlijk", "gemak"}


def test_the_tally_counts_by_sentiment_and_keeps_a_few_quotes() -> None:
    tally = ThemeTally(examples_per_theme=2)
    for text in [
        "DigiD werkt niet op mijn telefoon.",
        "DigiD inloggen ging snel en goed.",
        "Weer DigiD problemen gehad.",
    ]:
        tally.add(themes=find_themes(text), sentiment="negatief", text=text)
    digid = next(t for t in tally.results() if t.id == "digid")
    assert digid.count == 3
    assert digid.by_sentiment == {"negatief": 3}
    assert len(digid.examples) == 2


def test_the_summary_quotes_scrubbed_text_only() -> None:
    analysis = analyse_feedback(
        ["Ik heb 45 minuten in de wacht gestaan, bel me terug op 0612345678 graag."], names=False
    )
    quotes = [quote for theme in analysis.summary.themes for quote in theme.examples]
    assert quotes and all("0612345678" not in quote and "[TELEFOON]" in quote for quote in quotes)
    assert analysis.summary.scrubbed == {"TELEFOON": 1}
