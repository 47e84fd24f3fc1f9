"""The result of a text check, and its JSON shape."""

from __future__ import annotations

import json
from dataclasses import dataclass

from denkraam.analysis.findings import NEED_IDS, Finding, NeedId

from .readability import Readability

ANALYSER_VERSION = "text-1.0.0"


@dataclass(frozen=True, slots=True)
class TextReport:
    """Everything the text check found about one text.

    `text` is the analysed text itself (all offsets point into it); it is not part of `to_dict()`, so a JSON
    report does not repeat a possibly confidential letter.
    """

    source: str
    language: str
    text: str
    words: int
    sentences: int
    readability: Readability | None
    needs: dict[NeedId, int | None]
    findings: tuple[Finding, ...]
    is_letter: bool = False
    analyser_version: str = ANALYSER_VERSION
    frame_version: str = ""
    # For a web page: which part the text is ("<main>", "grootste tekstblok (div.content)", ...); "" otherwise.
    measured: str = ""

    def to_dict(self) -> dict[str, object]:
        """The report as plain data in the documented JSON shape."""
        readability = self.readability
        data: dict[str, object] = {
            "source": self.source,
            "language": self.language,
            "stats": {"words": self.words, "sentences": self.sentences},
            "readability": {
                "score": readability.score if readability else None,
                "level": readability.level if readability else None,
                "sentences": [
                    {"start": s.start, "end": s.end, "text": s.text, "score": s.score, "level": s.level}
                    for s in (readability.sentences if readability else ())
                ],
            },
            "needs": {need: {"score": self.needs.get(need)} for need in NEED_IDS},
            "findings": [item.to_dict() for item in self.findings],
            "versions": {"analyser": self.analyser_version, "frame": self.frame_version},
        }
        if self.measured:  # web pages only
            data["measured"] = self.measured
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text (UTF-8 characters kept as they are)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
