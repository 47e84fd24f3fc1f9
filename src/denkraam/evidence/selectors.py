"""Reads for evidence: who may see it, the latest results, and which findings inform which question.

Evidence is private work of the initiative's organisations: members (lezer or higher) of the owner and partner
organisations see it. Everyone else sees none of it, also when the initiative itself is published, and also a guest
who takes part in a conversation about it without being a member (invited by e-mail from another organisation): a
guest sees that conversation and nothing else of the initiative (docs/assessments.md, "Gasten").
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404

from denkraam.accounts.models import User
from denkraam.analysis import RULES
from denkraam.analysis.findings import NEED_IDS, SEVERITIES
from denkraam.assessments.models import Assessment
from denkraam.evidence.analyse import SOURCE_PAGE, SOURCE_TEXT
from denkraam.evidence.models import Analysis, Citation, EvidenceItem
from denkraam.evidence.relevance import finding_questions
from denkraam.framework import Frame
from denkraam.initiatives.models import Initiative
from denkraam.initiatives.selectors import initiative_can_edit, initiative_role_for_user

NOT_FOUND = "Dit bewijs bestaat niet of u heeft er geen toegang toe."
# Keyed by str: the severities it ranks are read back from stored JSON.
SEVERITY_RANK: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}
TOP_FINDINGS = 3

PAGE_RULE_TITLES = {
    "page-lang-missing": "Pagina: taal niet aangegeven",
    "page-lang-not-dutch": "Pagina: taal is niet Nederlands",
    "page-title-missing": "Pagina: geen titel",
    "page-title-vague": "Pagina: vage titel",
    "page-h1-missing": "Pagina: geen hoofdkop",
    "page-h1-multiple": "Pagina: meer dan één hoofdkop",
    "page-heading-skipped": "Pagina: kopniveau overgeslagen",
    "page-heading-empty": "Pagina: lege kop",
    "page-img-alt-missing": "Pagina: afbeelding zonder tekstalternatief",
    "page-img-alt-filename": "Pagina: bestandsnaam als tekstalternatief",
    "page-field-label-missing": "Pagina: invoerveld zonder label",
    "page-field-placeholder-only": "Pagina: alleen voorbeeldtekst in het veld",
    "page-link-text-empty": "Pagina: link zonder tekst",
    "page-link-text-vague": "Pagina: vage linktekst",
    "page-contact-missing": "Pagina: geen contactmogelijkheid",
    "page-human-contact-missing": "Pagina: geen mens om mee te praten",
    "page-privacy-statement-missing": "Pagina: geen privacyverklaring",
    "page-accessibility-statement-missing": "Pagina: geen toegankelijkheidsverklaring",
}


def rule_title(rule: str) -> str:
    """A Dutch title for a rule id, for labels next to marks and in lists."""
    if rule in RULES:
        return RULES[rule].title
    return PAGE_RULE_TITLES.get(rule, rule)


def evidence_can_view(*, user: User, initiative: Initiative) -> bool:
    """Members of the initiative's organisations; not guests in one of its conversations (they are no members)."""
    if not user.is_authenticated:
        return False
    return initiative_role_for_user(user=user, initiative=initiative) is not None


def evidence_can_add(*, user: User, initiative: Initiative) -> bool:
    """Adding and re-analysing is for members with role lid or higher."""
    return user.is_authenticated and initiative_can_edit(user=user, initiative=initiative)


def evidence_list_for_initiative(*, user: User, initiative: Initiative) -> list[EvidenceItem]:
    """The initiative's evidence (newest first) with `latest` (newest analysis) set; empty for outsiders."""
    if not evidence_can_view(user=user, initiative=initiative):
        return []
    items = list(
        EvidenceItem.objects.filter(initiative=initiative).select_related("added_by").prefetch_related("analyses")
    )
    for item in items:
        analyses = sorted(item.analyses.all(), key=lambda a: a.created_at, reverse=True)
        item.latest = analyses[0] if analyses else None  # type: ignore[attr-defined]
    return items


def evidence_get_for_user(*, user: User, item_id: uuid.UUID | str) -> EvidenceItem:
    """One evidence item the user may see; Http404 otherwise (never a hint that it exists)."""
    try:
        item_uuid = uuid.UUID(str(item_id))
    except ValueError as exc:
        raise Http404(NOT_FOUND) from exc
    item = (
        EvidenceItem.objects.filter(pk=item_uuid).select_related("initiative", "initiative__owner", "added_by").first()
    )
    if item is None or not evidence_can_view(user=user, initiative=item.initiative):
        raise Http404(NOT_FOUND)
    return item


def analysis_list(*, item: EvidenceItem) -> list[Analysis]:
    """All analyses of an item, newest first."""
    return list(item.analyses.select_related("requested_by").order_by("-created_at"))


def analysis_current(*, item: EvidenceItem) -> Analysis | None:
    """The newest analysis, whatever its status: this is the one whose progress is shown."""
    return item.analyses.order_by("-created_at").first()


def analysis_result(*, item: EvidenceItem) -> Analysis | None:
    """The newest finished, successful analysis: its results are shown, also while a newer one runs."""
    return item.analyses.filter(status=Analysis.Status.KLAAR).order_by("-created_at").first()


@dataclass(frozen=True, slots=True)
class NumberedFinding:
    """A stored finding with its number on the evidence page (stable under filters)."""

    number: int
    data: dict[str, Any]

    @property
    def title(self) -> str:
        return rule_title(str(self.data.get("rule", "")))

    @property
    def has_span(self) -> bool:
        return int(self.data.get("end", 0)) > int(self.data.get("start", 0))

    @property
    def is_page(self) -> bool:
        return finding_origin(self.data) == SOURCE_PAGE

    @property
    def list_source(self) -> str:
        """The word list the finding comes from (an organisation's house style), "" for denkraam's own."""
        source = str(self.data.get("source", ""))
        return "" if source in (SOURCE_TEXT, SOURCE_PAGE) else source


def findings_filtered(*, analysis: Analysis, need: str = "", severity: str = "") -> list[NumberedFinding]:
    """The analysis' findings numbered from 1 in stored order, limited to one need and/or severity.

    Unknown filter values are ignored, so a hand-edited URL never produces an error page.
    """
    result = []
    for number, data in enumerate(analysis.findings, start=1):
        if need in NEED_IDS and data.get("need") != need:
            continue
        if severity in SEVERITIES and data.get("severity") != severity:
            continue
        result.append(NumberedFinding(number=number, data=data))
    return result


# --- findings on the questions of an assessment -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CitedFinding:
    item: EvidenceItem
    finding: NumberedFinding


@dataclass(slots=True)
class QuestionEvidence:
    """The evidence that informs one question: count per item, and the most serious few findings."""

    counts: list[tuple[EvidenceItem, int]] = field(default_factory=list)
    top: list[CitedFinding] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


def finding_origin(data: dict[str, Any]) -> str:
    """Which analyser a stored finding came from: "tekst" or "pagina" (older analyses kept it in "source")."""
    origin = data.get("origin") or data.get("source")
    return SOURCE_PAGE if origin == SOURCE_PAGE else SOURCE_TEXT


def _kind_for(source: str) -> str:
    # The frame's evidence types: findings from the text check are "text", from the page check "webpage".
    return "webpage" if source == SOURCE_PAGE else "text"


def question_evidence_map(*, initiative: Initiative, frame: Frame) -> dict[str, QuestionEvidence]:
    """For every question of the frame, the findings of the initiative's evidence that inform it.

    Uses the newest successful analysis of each item; a finding lands only on the questions its rule informs
    (`relevance.finding_questions`), never on every question of its principle.
    """
    result: dict[str, QuestionEvidence] = {}
    items = list(EvidenceItem.objects.filter(initiative=initiative).order_by("created_at"))
    analyses: dict[uuid.UUID, Analysis] = {}
    for finished in Analysis.objects.filter(item__initiative=initiative, status=Analysis.Status.KLAAR).order_by(
        "created_at"
    ):
        analyses[finished.item_id] = finished  # the later one wins
    for item in items:
        analysis = analyses.get(item.pk)
        if analysis is None:
            continue
        per_question: Counter[str] = Counter()
        candidates: dict[str, list[NumberedFinding]] = {}
        for numbered in findings_filtered(analysis=analysis):
            kind = _kind_for(finding_origin(numbered.data))
            principle = str(numbered.data.get("principle", ""))
            rule = str(numbered.data.get("rule", ""))
            for question in finding_questions(frame=frame, principle_id=principle, kind=kind, rule=rule):
                per_question[question.id] += 1
                candidates.setdefault(question.id, []).append(numbered)
        for question_id, count in per_question.items():
            entry = result.setdefault(question_id, QuestionEvidence())
            entry.counts.append((item, count))
            entry.top.extend(CitedFinding(item=item, finding=f) for f in candidates[question_id])
    for entry in result.values():
        entry.top.sort(key=lambda c: -SEVERITY_RANK.get(str(c.finding.data.get("severity")), 0))
        del entry.top[TOP_FINDINGS:]
    return result


def evidence_choices(*, initiative: Initiative) -> list[tuple[str, str]]:
    """The evidence items an answer may point to, as (id, title) pairs for a select field."""
    return [
        (str(pk), title) for pk, title in EvidenceItem.objects.filter(initiative=initiative).values_list("pk", "title")
    ]


def citations_of_user(*, user: User, assessment: Assessment) -> dict[str, str]:
    """The evidence item id the user cited per question id (their own answers only: blindness)."""
    rows = Citation.objects.filter(answer__assessment=assessment, answer__user=user).values_list(
        "answer__question_id", "item_id"
    )
    return {question_id: str(item_id) for question_id, item_id in rows}
