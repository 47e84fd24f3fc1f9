"""Writes on answers: a participant's blind answers (save, clear) and the group's consensus after the reveal."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from denkraam.accounts.models import User
from denkraam.assessments.models import Answer, Assessment, Consensus, Participant
from denkraam.assessments.selectors import assessment_frame, assessment_questions
from denkraam.assessments.services._common import (
    _audit,
    _locked,
    _name,
    _require_manager,
    _require_not_closed,
)
from denkraam.framework import Frame, Question

TOO_LATE_TO_ANSWER = "De antwoorden zijn al onthuld. U kunt uw antwoorden niet meer wijzigen."
TOO_LATE_TO_CLEAR = "De antwoorden zijn al onthuld. U kunt uw antwoorden niet meer wissen."


def _validate_rating(*, frame: Frame, rating: str, reason: str) -> None:
    allowed = {o.id for o in frame.scale} | {frame.not_applicable.id}
    if rating not in allowed:
        raise ValidationError("Kies een van de antwoorden.", code="rating")
    if rating == frame.not_applicable.id and frame.not_applicable.reason_required and not reason.strip():
        raise ValidationError("Schrijf op waarom deze vraag niet van toepassing is.", code="reason")


def _session_question(*, assessment: Assessment, frame: Frame, question_id: str) -> Question:
    """The question, if this session covers it; a Dutch ValidationError for any other id."""
    try:
        question = frame.question(question_id)
    except KeyError as exc:
        raise ValidationError("Deze vraag bestaat niet.") from exc
    if question not in assessment_questions(assessment=assessment, frame=frame):
        raise ValidationError("Deze vraag hoort niet bij dit gesprek.")
    return question


@transaction.atomic
def answer_save(
    *,
    assessment: Assessment,
    user: User,
    question_id: str,
    rating: str,
    reason: str = "",
    note: str = "",
    evidence_url: str = "",
) -> Answer:
    """Save a participant's own answer to one question, while the assessment is open.

    "Niet van toepassing" needs a reason. The audit line never contains the rating: the log is visible to others
    and would break the blindness before the reveal. The stage is read again under a lock (`_locked`), so an
    answer posted while the facilitator reveals is either saved before the reveal or refused.
    """
    assessment = _locked(assessment)
    _require_not_closed(assessment)
    if not Participant.objects.filter(assessment=assessment, user=user).exists():
        raise PermissionDenied("U doet niet mee aan dit gesprek.")
    if assessment.status == Assessment.Status.VOORBEREIDING:
        raise ValidationError("De vragenlijst is nog niet geopend.")
    if assessment.status != Assessment.Status.OPEN:
        raise ValidationError(TOO_LATE_TO_ANSWER)
    frame = assessment_frame(assessment=assessment)
    _session_question(assessment=assessment, frame=frame, question_id=question_id)
    _validate_rating(frame=frame, rating=rating, reason=reason)
    evidence_url = evidence_url.strip()
    if evidence_url:
        try:
            URLValidator(schemes=["http", "https"])(evidence_url)
        except ValidationError as exc:
            raise ValidationError("Vul een geldige link in, die begint met https://.", code="evidence_url") from exc
    values = {
        "rating": rating,
        "reason": reason.strip() if rating == frame.not_applicable.id else "",
        "note": note.strip(),
        "evidence_url": evidence_url,
    }
    answer = Answer.objects.filter(assessment=assessment, user=user, question_id=question_id).first()
    if answer is not None and all(getattr(answer, k) == v for k, v in values.items()):
        return answer  # unchanged: no write, no log line
    answer, _ = Answer.objects.update_or_create(
        assessment=assessment, user=user, question_id=question_id, defaults=values
    )
    _audit(
        actor=user,
        action="answer.saved",
        obj=answer,
        summary=f"{_name(user)} heeft een antwoord opgeslagen bij vraag '{question_id}'.",
        assessment=assessment,
        question_id=question_id,
    )
    return answer


@transaction.atomic
def answer_clear(*, assessment: Assessment, participant_user: User, question_id: str) -> None:
    """Take back one's own answer to a question while the questionnaire is open; the progress count drops.

    Clearing a question without an answer changes nothing and writes no log line. Like `answer_save`, the audit
    line names the question, never the rating.
    """
    assessment = _locked(assessment)
    _require_not_closed(assessment)
    if not Participant.objects.filter(assessment=assessment, user=participant_user).exists():
        raise PermissionDenied("U doet niet mee aan dit gesprek.")
    if assessment.status == Assessment.Status.VOORBEREIDING:
        raise ValidationError("De vragenlijst is nog niet geopend.")
    if assessment.status != Assessment.Status.OPEN:
        raise ValidationError(TOO_LATE_TO_CLEAR)
    _session_question(assessment=assessment, frame=assessment_frame(assessment=assessment), question_id=question_id)
    answer = Answer.objects.filter(assessment=assessment, user=participant_user, question_id=question_id).first()
    if answer is None:
        return
    _audit(
        actor=participant_user,
        action="answer.cleared",
        obj=answer,
        summary=f"{_name(participant_user)} heeft het antwoord bij vraag '{question_id}' gewist.",
        assessment=assessment,
        question_id=question_id,
    )
    answer.delete()  # its evidence citations go with it (cascade)


@transaction.atomic
def consensus_save(*, assessment: Assessment, actor: User, question_id: str, rating: str, rationale: str) -> Consensus:
    """Record (or change) the group's rating of one question with its rationale, after the reveal."""
    _require_manager(actor=actor, assessment=assessment, what="het gezamenlijke oordeel vastleggen")
    assessment = _locked(assessment)
    _require_not_closed(assessment)
    if assessment.status != Assessment.Status.ONTHULD:
        raise ValidationError("Leg het gezamenlijke oordeel vast nadat de antwoorden zijn onthuld.")
    frame = assessment_frame(assessment=assessment)
    question = _session_question(assessment=assessment, frame=frame, question_id=question_id)
    _validate_rating(frame=frame, rating=rating, reason=rationale)
    if not rationale.strip():
        raise ValidationError("Schrijf op waarom de groep tot dit oordeel komt.", code="rationale")
    consensus, _ = Consensus.objects.update_or_create(
        assessment=assessment,
        question_id=question_id,
        # decided_by_name is only for a consensus read in from a file; from now on the actor stands for it.
        defaults={"rating": rating, "rationale": rationale.strip(), "decided_by": actor, "decided_by_name": ""},
    )
    _audit(
        actor=actor,
        action="consensus.saved",
        obj=consensus,
        summary=f"{_name(actor)} heeft het gezamenlijke oordeel vastgelegd bij '{question.text}'.",
        assessment=assessment,
        question_id=question_id,
        rating=rating,
    )
    return consensus
