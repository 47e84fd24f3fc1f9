"""The Tekstcheck page's result: one pasted text checked in the request, shown and then forgotten.

Nothing here touches the database, an audit log or a logger: the text may be a confidential letter, and the page
promises that it is not kept. The result reuses the evidence page's building blocks (numbered findings, the
marked text), so a finding looks the same here as on a stored piece of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.safestring import SafeString

from denkraam.accounts.ratelimit import window_add
from denkraam.analysis import LEVEL_LABELS, check_text
from denkraam.analysis.findings import NEED_IDS
from denkraam.analysis.text.house_style import HouseStyle
from denkraam.analysis.text.markup import NEED_LABELS
from denkraam.evidence.marking import marked_text_html
from denkraam.evidence.selectors import NumberedFinding


@dataclass(frozen=True, slots=True)
class TextCheckResult:
    """What the page shows about one text; `dutch` is False when the text check found another language."""

    dutch: bool
    language_notice: str
    language_tip: str
    words: int
    sentences: int
    is_letter: bool
    level: int | None
    level_label: str
    score: float | None
    need_rows: list[dict[str, object]]
    findings: list[NumberedFinding]
    marked_text: SafeString
    house_style_label: str = ""  # "Huisstijl UWV, versie 3" when the text was checked with that list

    @property
    def span_count(self) -> int:
        """Findings marked in the text (the rest are about the text as a whole)."""
        return sum(1 for finding in self.findings if finding.has_span)

    @property
    def whole_text_count(self) -> int:
        """Findings about the text as a whole, such as a letter without a contact person."""
        return len(self.findings) - self.span_count


TEXT_CHECK_BUSY = (
    "U hebt in korte tijd veel tekst laten controleren. Wacht een minuut en probeer het dan opnieuw. "
    "Uw tekst staat nog in het veld."
)


def text_check_allowed(*, user_id: object, characters: int) -> bool:
    """False when this user has had more than DENKRAAM_TEXT_CHECK_CHARACTERS_PER_MINUTE characters checked in the
    current minute: a check runs in the request, so without a budget one person could keep the server busy."""
    used = window_add(f"text-check:{user_id}", characters, seconds=60)
    return used <= settings.TEXT_CHECK_CHARACTERS_PER_MINUTE


def text_check_run(
    *, text: str, is_letter: bool | None, max_sentence_words: int, house_style: HouseStyle | None = None
) -> TextCheckResult:
    """Check `text` with the text check (and the organisation's `house_style`, when given) and shape the outcome
    for the page. Stores and logs nothing."""
    report = check_text(
        text,
        source="tekstcheck",
        is_letter=is_letter,
        max_sentence_words=max_sentence_words,
        house_style=house_style,
    )
    findings = [NumberedFinding(number=n, data=f.to_dict()) for n, f in enumerate(report.findings, start=1)]
    dutch = report.language == "nl"
    notice = findings[0].data if not dutch and findings else {}
    readability = report.readability
    return TextCheckResult(
        dutch=dutch,
        language_notice=str(notice.get("message", "")),
        language_tip=str(notice.get("suggestion", "")),
        words=report.words,
        sentences=report.sentences,
        is_letter=report.is_letter,
        level=readability.level if readability else None,
        level_label=LEVEL_LABELS.get(readability.level, "") if readability else "",
        score=readability.score if readability else None,
        need_rows=[{"id": n, "label": NEED_LABELS[n], "score": report.needs.get(n)} for n in NEED_IDS],
        findings=findings if dutch else [],
        marked_text=marked_text_html(text, findings if dutch else []),
        house_style_label=house_style.label if house_style else "",
    )
