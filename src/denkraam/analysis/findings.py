"""The finding: one thing an analyser noticed in a text or page, placed on the frame."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["info", "waarschuwing", "fout"]
NeedId = Literal["vertrouwen", "persoonlijk", "gemak"]

SEVERITIES: tuple[Severity, ...] = ("info", "waarschuwing", "fout")
NEED_IDS: tuple[NeedId, ...] = ("vertrouwen", "persoonlijk", "gemak")


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation, with where it is in the text and which need and principle of the frame it informs.

    `start`/`end` are character offsets into the analysed text (end exclusive); a finding about the whole
    text (for example "no contact details") uses 0/0 and an empty excerpt.

    `rewrite` is a concrete proposal that replaces the text of the span (the whole span, so it can be put in its
    place as it is); `why` says in one line why it matters to the reader; `source` names the word list a finding
    comes from when that is not denkraam's own (an organisation's house style, a `--woordenlijst` file).
    """

    rule: str
    need: NeedId
    principle: str
    severity: Severity
    start: int
    end: int
    excerpt: str
    message: str
    suggestion: str = ""
    rewrite: str = ""
    why: str = ""
    source: str = ""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)
