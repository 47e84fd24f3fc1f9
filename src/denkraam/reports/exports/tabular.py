"""Tables for spreadsheets: answers, actions and the portfolio, written as CSV or XLSX.

CSV uses a semicolon and a byte order mark, so Excel with Dutch settings opens it in columns with accents intact.
Every text cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets
a leading apostrophe: a note like "=HYPERLINK(...)" typed by a participant must never run on someone's computer.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from denkraam.accounts.models import User
from denkraam.analysis.spreadsheet import formula_safe
from denkraam.assessments.models import Action, Answer, Assessment
from denkraam.assessments.selectors import action_list, answer_list_visible, assessment_frame, participant_list
from denkraam.reports.anonymity import action_owner, people_names
from denkraam.reports.portfolio import Portfolio

FORMATS: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True, slots=True)
class Table:
    title: str  # also the sheet name (max 31 characters in Excel)
    headers: list[str]
    rows: list[list[Any]]


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet may show it: text that looks like a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, str):
        return formula_safe(value)
    return value


def _text(value: Any) -> str:
    value = safe_cell(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def table_to_csv(table: Table) -> bytes:
    """CSV bytes (UTF-8 with BOM, semicolon separated)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_text(h) for h in table.headers])
    writer.writerows([_text(v) for v in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_to_xlsx(table: Table) -> bytes:
    """XLSX bytes with one sheet, a bold header row and a frozen first row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = table.title[:31]
    sheet.append([safe_cell(h) for h in table.headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([safe_cell(v) for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            # Never let openpyxl treat a text as a formula, even after the apostrophe rule.
            if cell.data_type == "f":
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def table_bytes(table: Table, fmt: str) -> bytes:
    """The table as `csv` or `xlsx` bytes."""
    if fmt == "csv":
        return table_to_csv(table)
    if fmt == "xlsx":
        return table_to_xlsx(table)
    raise ValueError(f"Onbekend formaat: {fmt}")


def answers_table(*, assessment: Assessment, user: User | None) -> Table:
    """The answers the user may read (only their own before the reveal); all answers for an operator (None).

    People by name and with their organisation, questions by text, needs and principles by title; the question's
    id stays in the first column for anyone who joins the table with other data. In an anonymous session people
    are "Deelnemer 1, 2 ..." (see reports.anonymity) and the organisation column is left out.
    """
    frame = assessment_frame(assessment=assessment)
    labels = {o.id: o.label for o in frame.scale} | {frame.not_applicable.id: frame.not_applicable.label}
    answers: Iterable[Answer] = (
        Answer.objects.filter(assessment=assessment).select_related("user")
        if user is None
        else answer_list_visible(user=user, assessment=assessment)
    )
    names = people_names(assessment=assessment)
    organisations = {} if names.anonymous else _participant_organisations(assessment)
    questions = {q.id: q for q in frame.questions()}
    needs = {n.id: n.title for n in frame.needs}
    principles = {p.id: p.title for n in frame.needs for p in n.principles}
    order = {question_id: index for index, question_id in enumerate(questions)}

    rows = []
    for answer in sorted(answers, key=lambda a: (order.get(a.question_id, len(order)), names.of_answer(a))):
        question = questions.get(answer.question_id)
        row: list[Any] = [
            answer.question_id,
            question.text if question else "",
            needs.get(question.need_id, "") if question else "",
            principles.get(question.principle_id, "") if question else "",
            names.of_answer(answer),
        ]
        if not names.anonymous:
            row.append(organisations.get(answer.user_id, "") if answer.user_id is not None else "")
        row += [
            labels.get(answer.rating, answer.rating),
            answer.reason,
            answer.note,
            answer.evidence_url,
            answer.updated_at,
        ]
        rows.append(row)
    headers = [
        "Vraag-id",
        "Vraag",
        "Behoefte",
        "Principe",
        "Deelnemer",
        *([] if names.anonymous else ["Organisatie"]),
        "Oordeel",
        "Reden (niet van toepassing)",
        "Toelichting",
        "Link naar bewijs",
        "Gewijzigd op",
    ]
    title = "Antwoorden (anoniem)" if names.anonymous else "Antwoorden"
    return Table(title=title, headers=headers, rows=rows)


def _participant_organisations(assessment: Assessment) -> dict[object, str]:
    # A guest's organisation outside denkraam is the name given with the invitation.
    return {
        p.user_id: p.organisation.name if p.organisation is not None else p.organisation_name
        for p in participant_list(assessment=assessment)
    }


def actions_table(*, assessment: Assessment) -> Table:
    """The assessment's actions with owner, due date and status; the questions by text, and by id in the last column."""
    names = people_names(assessment=assessment)
    questions = _question_texts(assessment)
    rows = [_action_row(a, owner=names.of_owner(a), questions=questions) for a in action_list(assessment=assessment)]
    return Table(title="Acties", headers=list(ACTION_HEADERS), rows=rows)


ACTION_HEADERS = ("Actie", "Beschrijving", "Vragen", "Eigenaar", "Klaar op", "Status", "Aangemaakt op", "Vraag-ids")


def _question_texts(assessment: Assessment) -> dict[str, str]:
    return {q.id: q.text for q in assessment_frame(assessment=assessment).questions()}


def _action_row(action: Action, *, owner: str, questions: dict[str, str]) -> list[Any]:
    return [
        action.title,
        action.description,
        "; ".join(questions.get(q, q) for q in action.question_ids),
        owner,
        action.due_date.isoformat() if action.due_date else "",
        action.get_status_display(),
        action.created_at,
        ", ".join(action.question_ids),
    ]


def portfolio_table(portfolio: Portfolio) -> Table:
    """One row per initiative: its facts and the latest score and band per need."""
    need_headers: list[str] = []
    for need in portfolio.frame.needs:
        need_headers += [f"{need.title} (score)", f"{need.title} (oordeel)"]
    headers = [
        "Initiatief",
        "Eigenaar",
        "Partners",
        "Kanalen",
        "Doelgroepen",
        "Levensgebeurtenis",
        "Laatste gesprek",
        "Datum",
        *need_headers,
    ]
    rows = []
    for row in portfolio.rows:
        initiative, assessment = row.initiative, row.assessment
        date = (assessment.closed_at or assessment.revealed_at) if assessment else None
        cells: list[Any] = []
        for cell in row.cells:
            cells += [cell.score, cell.band_label]
        rows.append(
            [
                initiative.name,
                initiative.owner.name,
                ", ".join(p.name for p in initiative.partners.all()),
                ", ".join(initiative.channel_labels()),
                ", ".join(initiative.target_group_labels()),
                initiative.life_event,
                assessment.title if assessment else "",
                date,
                *cells,
            ]
        )
    return Table(title="Portfolio", headers=headers, rows=rows)


def overdue_table(actions: Sequence[Action]) -> Table:
    """Overdue actions with their initiative."""
    rows = [
        [a.assessment.initiative.name, *_action_row(a, owner=action_owner(a), questions=_question_texts(a.assessment))]
        for a in actions
    ]
    return Table(title="Te late acties", headers=["Initiatief", *ACTION_HEADERS], rows=rows)
