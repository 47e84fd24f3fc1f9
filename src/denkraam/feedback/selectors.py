"""Reads for customer feedback: who may see it, the imports of an initiative, and the dashboard figures."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Length, TruncMonth
from django.http import Http404

from denkraam.accounts.models import Membership, User, role_rank
from denkraam.analysis.feedback import NEEDS, SENTIMENTS
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.feedback.relevance import themes_for_question
from denkraam.initiatives.models import CHANNEL_LABELS, Initiative
from denkraam.initiatives.selectors import initiative_can_edit, initiative_get_for_user, initiative_role_for_user

NEED_LABELS: dict[str, str] = {
    "vertrouwen": "Vertrouwen",
    "persoonlijk": "Persoonlijk",
    "gemak": "Gemak",
    "overig": "Overig",
}
SENTIMENT_LABELS: dict[str, str] = {"positief": "Positief", "negatief": "Negatief", "neutraal": "Neutraal"}
MONTH_LABELS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
QUOTE_MIN, QUOTE_MAX = 20, 300
_NOT_FOUND = "Deze klantfeedback bestaat niet of u heeft er geen toegang toe."


@dataclass(frozen=True, slots=True)
class FeedbackAccess:
    """An initiative whose feedback the user may read, with the user's role and whether they may import."""

    initiative: Initiative
    role: str
    can_edit: bool


def feedback_access_for_user(*, user: User, initiative_id: uuid.UUID | str) -> FeedbackAccess:
    """Feedback is private work: only members (lezer or higher) of the owner or a partner organisation see it.

    Raises Http404 for everyone else, also when the initiative itself is published.
    """
    initiative = initiative_get_for_user(user=user, initiative_id=initiative_id)
    role = initiative_role_for_user(user=user, initiative=initiative)
    if role is None or role_rank(role) < role_rank(Membership.Role.LEZER):
        raise Http404(_NOT_FOUND)
    return FeedbackAccess(
        initiative=initiative, role=role, can_edit=initiative_can_edit(user=user, initiative=initiative)
    )


def feedback_import_get(*, initiative: Initiative, import_id: uuid.UUID | str) -> FeedbackImport:
    """One import of this initiative (an id of another initiative's import gives 404)."""
    try:
        import_uuid = uuid.UUID(str(import_id))
    except ValueError as exc:
        raise Http404(_NOT_FOUND) from exc
    found = FeedbackImport.objects.filter(pk=import_uuid, initiative=initiative).select_related("created_by").first()
    if found is None:
        raise Http404(_NOT_FOUND)
    return found


def feedback_import_list(*, initiative: Initiative) -> QuerySet[FeedbackImport]:
    """All imports of an initiative, newest first."""
    return FeedbackImport.objects.filter(initiative=initiative).select_related("created_by").order_by("-created_at")


# --- dashboard --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Share:
    key: str
    label: str
    count: int
    share: float  # 0..1

    @property
    def percent(self) -> int:
        return round(self.share * 100)


@dataclass(frozen=True, slots=True)
class NeedRow:
    need: Share
    sentiments: list[Share]
    quotes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ThemeRow:
    id: str
    label: str
    need: str
    need_label: str
    count: int
    negative: int
    positive: int
    examples: list[str]


@dataclass(frozen=True, slots=True)
class MonthRow:
    month: Any
    label: str
    total: int
    needs: list[int]


@dataclass(frozen=True, slots=True)
class Dashboard:
    total: int
    needs: list[NeedRow]
    sentiments: list[Share]
    themes: list[ThemeRow]
    months: list[MonthRow]
    channels: list[Share]
    imports: list[FeedbackImport]


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def _comments(*, initiative: Initiative, feedback_import: FeedbackImport | None) -> QuerySet[FeedbackComment]:
    # Only finished imports count: a running one would make the figures jump and a failed one has no rows anyway.
    qs = FeedbackComment.objects.filter(initiative=initiative, feedback_import__status=FeedbackImport.Status.DONE)
    return qs.filter(feedback_import=feedback_import) if feedback_import is not None else qs


def _merge_themes(imports: list[FeedbackImport], *, limit: int) -> list[ThemeRow]:
    merged: dict[str, dict[str, Any]] = {}
    for item in imports:
        for theme in (item.summary or {}).get("themes", []):
            entry = merged.setdefault(
                theme["id"],
                {"label": theme["label"], "need": theme["need"], "count": 0, "by": {}, "examples": []},
            )
            entry["count"] += int(theme.get("count", 0))
            for sentiment, count in theme.get("by_sentiment", {}).items():
                entry["by"][sentiment] = entry["by"].get(sentiment, 0) + int(count)
            entry["examples"].extend(e for e in theme.get("examples", []) if len(entry["examples"]) < 2)
    rows = [
        ThemeRow(
            id=theme_id,
            label=entry["label"],
            need=entry["need"],
            need_label=NEED_LABELS.get(entry["need"], entry["need"]),
            count=entry["count"],
            negative=entry["by"].get("negatief", 0),
            positive=entry["by"].get("positief", 0),
            examples=entry["examples"][:2],
        )
        for theme_id, entry in merged.items()
    ]
    rows.sort(key=lambda row: (-row.count, row.label))
    return rows[:limit]


def _quotes(
    comments: QuerySet[FeedbackComment], *, need: str | None = None, themes: list[str] | None = None, limit: int
) -> list[str]:
    """The clearest few comments of a need, or (with `themes`) of those themes whatever their need."""
    if themes is not None:
        tagged = Q()
        for theme in themes:
            # themes is a JSON list of ids; the quotes keep "beslistermijn" from matching a longer id.
            tagged |= Q(themes__icontains=f'"{theme}"')
        comments = comments.filter(tagged) if themes else comments.none()
    if need is not None:
        comments = comments.filter(need=need)
    picked = (
        comments.annotate(length=Length("text"))
        .filter(length__gte=QUOTE_MIN, length__lte=QUOTE_MAX)
        .order_by("-confidence", "feedback_import_id", "row")
        .values_list("text", flat=True)[:limit]
    )
    return list(picked)


def _months(comments: QuerySet[FeedbackComment], *, limit: int = 36) -> list[MonthRow]:
    """Comments per month and need, the last `limit` months up to the newest; a month without comments is a 0.

    Months without comments stay in (with zeros) so the trend's bars stand at honest distances.
    """
    cells = (
        comments.filter(date__isnull=False)
        .annotate(month=TruncMonth("date"))
        .values("month", "need")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    by_month: dict[Any, dict[str, int]] = {}
    for cell in cells:
        by_month.setdefault(cell["month"], {})[cell["need"]] = cell["n"]
    if not by_month:
        return []
    first, last = min(by_month), max(by_month)
    months = [last]
    while len(months) < limit and months[-1] > first:
        previous = months[-1]
        months.append(
            previous.replace(year=previous.year - 1, month=12)
            if previous.month == 1
            else previous.replace(month=previous.month - 1)
        )
    rows = []
    for month in reversed(months):
        counts = by_month.get(month, {})
        rows.append(
            MonthRow(
                month=month,
                label=f"{MONTH_LABELS[month.month - 1]} {month.year}",
                total=sum(counts.values()),
                needs=[counts.get(need, 0) for need in NEEDS],
            )
        )
    return rows


def feedback_dashboard(
    *, initiative: Initiative, feedback_import: FeedbackImport | None = None, theme_limit: int = 15
) -> Dashboard:
    """Shares per need and sentiment, themes, a monthly trend, channels and example quotes (all scrubbed)."""
    comments = _comments(initiative=initiative, feedback_import=feedback_import)
    cells = {(c["need"], c["sentiment"]): c["n"] for c in comments.values("need", "sentiment").annotate(n=Count("id"))}
    total = sum(cells.values())
    needs = []
    for need in NEEDS:
        need_total = sum(cells.get((need, s), 0) for s in SENTIMENTS)
        needs.append(
            NeedRow(
                need=Share(need, NEED_LABELS[need], need_total, _share(need_total, total)),
                sentiments=[
                    Share(s, SENTIMENT_LABELS[s], cells.get((need, s), 0), _share(cells.get((need, s), 0), need_total))
                    for s in SENTIMENTS
                ],
                quotes=_quotes(comments, need=need, limit=2) if need_total else [],
            )
        )
    sentiments = []
    for s in SENTIMENTS:
        count = sum(cells.get((need, s), 0) for need in NEEDS)
        sentiments.append(Share(s, SENTIMENT_LABELS[s], count, _share(count, total)))
    channel_counts = comments.exclude(channel="").values("channel").annotate(n=Count("id")).order_by("-n")[:10]
    channels = [
        Share(c["channel"], CHANNEL_LABELS.get(c["channel"], c["channel"]), c["n"], _share(c["n"], total))
        for c in channel_counts
    ]
    imports = list(feedback_import_list(initiative=initiative))
    done = [i for i in imports if i.status == FeedbackImport.Status.DONE]
    if feedback_import is not None:
        done = [i for i in done if i.pk == feedback_import.pk]
    return Dashboard(
        total=total,
        needs=needs,
        sentiments=sentiments,
        themes=_merge_themes(done, limit=theme_limit),
        months=_months(comments),
        channels=channels,
        imports=imports,
    )


# --- the initiative page and the assessment questions -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedbackOverview:
    total: int
    imports: list[FeedbackImport]
    working: bool


def feedback_overview(*, initiative: Initiative) -> FeedbackOverview:
    """How many comments an initiative has and its latest imports (for the initiative page)."""
    imports = list(feedback_import_list(initiative=initiative)[:5])
    total = _comments(initiative=initiative, feedback_import=None).count()
    return FeedbackOverview(total=total, imports=imports, working=any(i.is_working for i in imports))


@dataclass(frozen=True, slots=True)
class NeedEvidence:
    """What customer feedback says about one need, for the questions that take feedback as evidence."""

    need: str
    need_label: str
    total: int
    count: int
    share: float
    sentiments: list[Share]
    themes: list[ThemeRow]
    quotes: list[str]

    @property
    def percent(self) -> int:
        return round(self.share * 100)


def feedback_need_evidence(*, initiative: Initiative, need: str, question_id: str | None = None) -> NeedEvidence | None:
    """Share of comments about `need`, their sentiment split, top themes and two quotes; None without feedback.

    With `question_id` the themes and quotes are only those of the themes that inform that question
    (`relevance.THEME_QUESTIONS`): none for a question no theme speaks to, never the need's quotes on every question.
    """
    comments = _comments(initiative=initiative, feedback_import=None)
    cells = {c["need"]: c["n"] for c in comments.values("need").annotate(n=Count("id"))}
    total = sum(cells.values())
    if not total or need not in NEED_LABELS:
        return None
    count = cells.get(need, 0)
    split = {c["sentiment"]: c["n"] for c in comments.filter(need=need).values("sentiment").annotate(n=Count("id"))}
    done = list(FeedbackImport.objects.filter(initiative=initiative, status=FeedbackImport.Status.DONE))
    if question_id is None:
        themes = [t for t in _merge_themes(done, limit=100) if t.need == need][:3]
        quotes = _quotes(comments, need=need, limit=2) if count else []
    else:
        informing = themes_for_question(question_id)
        themes = [t for t in _merge_themes(done, limit=100) if t.id in informing and t.count][:3]
        quotes = _quotes(comments, themes=[t.id for t in themes], limit=2)
    return NeedEvidence(
        need=need,
        need_label=NEED_LABELS[need],
        total=total,
        count=count,
        share=_share(count, total),
        sentiments=[Share(s, SENTIMENT_LABELS[s], split.get(s, 0), _share(split.get(s, 0), count)) for s in SENTIMENTS],
        themes=themes,
        quotes=quotes,
    )
