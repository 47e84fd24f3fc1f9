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
from denkraam.analysis import LEVEL_LABELS, TextReport, check_text
from denkraam.analysis.findings import NEED_IDS
from denkraam.analysis.text.house_style import HouseStyle
from denkraam.analysis.text.markup import NEED_LABELS, letter_type_line
from denkraam.analysis.text.readability import FrogUnavailable, frog_available
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
    deep: bool = False  # the reading level comes from the deep analysis (frog)
    deep_problem: str = ""  # the deep analysis was asked for but failed: why, in Dutch
    b1_verdict: str = ""  # "Deze tekst is (niet) op B1-niveau: ..." in the words writers use
    letter_type_line: str = ""  # "Soort brief: besluit (herkend uit de tekst)." for a letter

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


def text_check_allowed(*, user_id: object, characters: int, deep: bool = False) -> bool:
    """False when this user has had more than DENKRAAM_TEXT_CHECK_CHARACTERS_PER_MINUTE characters checked in the
    current minute: a check runs in the request, so without a budget one person could keep the server busy.
    A deep check also counts against DENKRAAM_TEXT_CHECK_DEEP_CHARACTERS_PER_MINUTE (frog is one per process)."""
    used = window_add(f"text-check:{user_id}", characters, seconds=60)
    if deep:
        used_deep = window_add(f"text-check-deep:{user_id}", characters, seconds=60)
        if used_deep > settings.TEXT_CHECK_DEEP_CHARACTERS_PER_MINUTE:
            return False
    return used <= settings.TEXT_CHECK_CHARACTERS_PER_MINUTE


def deep_unavailable_reason() -> str:
    """Why this server cannot offer the deep analysis (in Dutch), or "" when it can."""
    if settings.FROG_SERVER == "off":
        return "de beheerder heeft de diepe analyse op deze server uitgezet."
    if settings.FROG_SERVER == "auto" and not frog_available():
        return "het programma frog is niet geïnstalleerd op deze server."
    return ""


def text_check_run(
    *,
    text: str,
    is_letter: bool | None,
    max_sentence_words: int,
    house_style: HouseStyle | None = None,
    deep: bool = False,
    letter_type: str | None = None,
) -> TextCheckResult:
    """Check `text` with the text check (and the organisation's `house_style`, when given) and shape the outcome
    for the page. Stores and logs nothing.

    With `deep`, frog measures the reading level; when frog fails, the page shows the default tier and says why."""
    problem = ""

    def run(deep: bool) -> TextReport:
        return check_text(
            text,
            source="tekstcheck",
            is_letter=is_letter,
            max_sentence_words=max_sentence_words,
            house_style=house_style,
            deep=deep,
            letter_type=letter_type,
        )

    try:
        report = run(deep)
    except FrogUnavailable as error:
        problem = str(error)
        report = run(False)
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
        deep=deep and not problem,
        deep_problem=problem,
        b1_verdict=report.b1.verdict if report.b1 and dutch else "",
        letter_type_line=letter_type_line(report) if report.letter_type and dutch else "",
    )
