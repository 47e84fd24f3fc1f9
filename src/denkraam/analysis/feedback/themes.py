"""Recurring topics in feedback (DigiD, wachttijd, toon, privacy, ...) from a theme lexicon, with counts and quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

THEMES_PATH = Path(__file__).parent / "lexicons" / "themes.yaml"


@dataclass(frozen=True, slots=True)
class ThemeDefinition:
    """One theme of the lexicon: id, Dutch label, the need it belongs to and its compiled terms."""

    id: str
    label: str
    need: str
    pattern: re.Pattern[str]


@dataclass(slots=True)
class ThemeCount:
    """How often a theme came up, split by sentiment, with a few (scrubbed) example quotes."""

    id: str
    label: str
    need: str
    count: int = 0
    by_sentiment: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "need": self.need,
            "count": self.count,
            "by_sentiment": dict(self.by_sentiment),
            "examples": list(self.examples),
        }


@lru_cache(maxsize=1)
def load_themes(path: str = str(THEMES_PATH)) -> tuple[ThemeDefinition, ...]:
    """Read and compile the theme lexicon."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    themes: list[ThemeDefinition] = []
    for theme_id, spec in data["themes"].items():
        # Longest terms first so "in de wacht" wins over "wacht" in the match (only matters for readability).
        terms = sorted((str(t).lower() for t in spec["terms"]), key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + ")")
        themes.append(ThemeDefinition(id=theme_id, label=spec["label"], need=spec["need"], pattern=pattern))
    return tuple(themes)


def find_themes(text: str) -> list[str]:
    """Ids of the themes a comment touches, in lexicon order."""
    lowered = text.lower()
    return [theme.id for theme in load_themes() if theme.pattern.search(lowered)]


class ThemeTally:
    """Counts themes over a stream of comments, keeping a bounded number of example quotes per theme."""

    def __init__(self, *, examples_per_theme: int = 3, max_quote_length: int = 200) -> None:
        self.examples_per_theme = examples_per_theme
        self.max_quote_length = max_quote_length
        self._counts = {t.id: ThemeCount(id=t.id, label=t.label, need=t.need) for t in load_themes()}

    def add(self, *, themes: list[str], sentiment: str, text: str) -> None:
        """Count one comment (`text` must already be scrubbed: it may become an example quote)."""
        for theme_id in themes:
            tally = self._counts[theme_id]
            tally.count += 1
            tally.by_sentiment[sentiment] = tally.by_sentiment.get(sentiment, 0) + 1
            # Prefer quotes of moderate length: they read well in a report.
            if len(tally.examples) < self.examples_per_theme and 20 <= len(text) <= self.max_quote_length:
                tally.examples.append(text)

    def results(self) -> list[ThemeCount]:
        """Themes that occurred, most frequent first."""
        return sorted((t for t in self._counts.values() if t.count), key=lambda t: (-t.count, t.id))
