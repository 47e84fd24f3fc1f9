"""Writes for invitations: invite by e-mail (to a session or an organisation), resend, withdraw, accept.

Each checks the right (the session's facilitator or manager; for an organisation its beheerder or a site
administrator), the stage (a session takes no new people after the reveal) and writes an audit line. The raw
token exists only in memory and in the e-mail: the database keeps its SHA-256 hash, the audit log neither.

Mail goes out after the database work is committed, so a slow or broken mail server never holds a lock. A mail
that fails leaves the invitation "niet verstuurd"; the facilitator sees that and can send it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from denkraam.accounts.models import Membership, Organisation, User, role_rank
from denkraam.accounts.selectors import membership_highest_role
from denkraam.accounts.services import audit_record
from denkraam.assessments.models import Assessment, Participant
from denkraam.assessments.services import participant_invite
from denkraam.assessments.services._common import _audit, _locked, _name, _require_manager
from denkraam.assessments.services.session import participant_add, participant_user_find
from denkraam.invitations.models import Invitation
from denkraam.notifications.mail import mail_send, site_url

logger = logging.getLogger(__name__)

INVITE_STAGES = {Assessment.Status.VOORBEREIDING, Assessment.Status.OPEN}
TOO_LATE = "Na het onthullen kunt u geen deelnemers meer uitnodigen."
ALREADY_INVITED = (
    "{email} is al uitgenodigd. Kies bij die uitnodiging 'Opnieuw versturen' als de e-mail niet is aangekomen."
)
NOT_FOUND = "Er is geen gebruiker gevonden met '{identifier}'. Controleer de naam of het e-mailadres."


def invitation_token_hash(token: str) -> str:
    """The stored form of a token: its SHA-256 in hex. 32 random bytes need no salt or slow hash."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _token_new() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, invitation_token_hash(token)


def _expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=settings.INVITATION_DAYS)


def invitation_url(token: str) -> str:
    """The absolute address of the accept page for this token (from DENKRAAM_SITE_URL, never the Host header)."""
    return site_url(reverse("invitations:accept", kwargs={"token": token}))


def _email_clean(email: str) -> str:
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ValidationError("Vul een geldig e-mailadres in.") from exc
    return email


def _require_organisation_admin(*, actor: User, organisation: Organisation) -> None:
    if actor.is_superuser:
        return
    if membership_highest_role(user=actor, organisations=[organisation]) != Membership.Role.BEHEERDER:
        raise PermissionDenied(f"Alleen een beheerder van {organisation.name} mag mensen uitnodigen.")


def _require_right(*, actor: User, invitation: Invitation, what: str) -> None:
    if invitation.assessment is not None:
        _require_manager(actor=actor, assessment=invitation.assessment, what=what)
    elif invitation.organisation is not None:
        _require_organisation_admin(actor=actor, organisation=invitation.organisation)


def _record(*, actor: User | None, invitation: Invitation, action: str, summary: str, **data: object) -> None:
    # Never the token: the line is about who invited whom, readable for everyone who reads the logbook.
    data = {"invitation_id": str(invitation.pk), "email": invitation.email, **data}
    if invitation.assessment is not None and actor is not None:
        _audit(actor=actor, action=action, obj=invitation, summary=summary, assessment=invitation.assessment, **data)
    else:
        organisation = invitation.organisation
        audit_record(
            actor=actor,
            action=action,
            obj=invitation,
            summary=summary,
            organisation=organisation,
            data={"organisation_id": str(organisation.pk) if organisation else None, **data},
        )


# --- sending -------------------------------------------------------------------------------------------------------


def _reason(invitation: Invitation) -> str:
    inviter = _name(invitation.invited_by) if invitation.invited_by else "iemand"
    if invitation.assessment is not None:
        return f"U krijgt deze e-mail omdat {inviter} u heeft uitgenodigd voor een gesprek in denkraam."
    return f"U krijgt deze e-mail omdat {inviter} u heeft uitgenodigd voor een organisatie in denkraam."


def _send(*, invitation: Invitation, token: str) -> bool:
    """Mail the invitation with its link; on success count it as sent. False when the mail server failed."""
    template = "invitation" if invitation.assessment is not None else "invitation_organisation"
    context = {
        "invitation": invitation,
        "assessment": invitation.assessment,
        "organisation": invitation.organisation,
        "role_label": Membership.Role(invitation.role).label.lower() if invitation.role else "",
        "inviter_name": _name(invitation.invited_by) if invitation.invited_by else "Iemand",
        "link": invitation_url(token),
        "expires_at": invitation.expires_at,
    }
    try:
        sent = mail_send(to=[invitation.email], template=template, context=context, reason=_reason(invitation))
    except (OSError, smtplib.SMTPException):
        # The address is the invitee's; the log says which invitation, not to whom.
        logger.exception("invitation %s: the mail server did not take the message", invitation.pk)
        return False
    if not sent:
        return False
    now = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(sent_count=invitation.sent_count + 1, last_sent_at=now)
    invitation.sent_count += 1
    invitation.last_sent_at = now
    return True


def _participant_mail(*, participant: Participant, actor: User) -> bool:
    """Tell someone who already has an account that they take part now, with a direct link to the session."""
    assessment = participant.assessment
    if not participant.user.email:
        return False
    target = "assessments:questionnaire" if assessment.status == Assessment.Status.OPEN else "assessments:detail"
    context = {
        "assessment": assessment,
        "inviter_name": _name(actor),
        "link": site_url(reverse(target, kwargs={"assessment_id": assessment.pk})),
        "is_open": assessment.status == Assessment.Status.OPEN,
    }
    reason = f"U krijgt deze e-mail omdat {_name(actor)} u heeft toegevoegd aan een gesprek in denkraam."
    try:
        return (
            mail_send(to=[participant.user.email], template="invitation_participant", context=context, reason=reason)
            > 0
        )
    except (OSError, smtplib.SMTPException):
        logger.exception("participant %s: the mail server did not take the message", participant.pk)
        return False


# --- sessions ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InviteOutcome:
    """What "Uitnodigen" did: added someone with an account, or sent an invitation to an address; and the mail."""

    participant: Participant | None
    invitation: Invitation | None
    mailed: bool


def assessment_invite(
    *, assessment: Assessment, actor: User, identifier: str, organisation_name: str = ""
) -> InviteOutcome:
    """Invite by user name or e-mail address, before the reveal.

    Exactly one account with that user name or address: they take part at once and get an e-mail with a link to
    the session. Otherwise an e-mail address gets an invitation with a single-use link; anything else is refused
    with the message participant_invite gives, which does not tell who has an account.
    """
    _require_manager(actor=actor, assessment=assessment, what="deelnemers uitnodigen")
    identifier = identifier.strip()
    organisation_name = organisation_name.strip()
    if participant_user_find(identifier=identifier) is not None:
        participant = participant_invite(assessment=assessment, actor=actor, identifier=identifier)
        if participant.organisation is None and organisation_name:
            participant.organisation_name = organisation_name
            participant.save(update_fields=["organisation_name"])
        return InviteOutcome(participant, None, _participant_mail(participant=participant, actor=actor))
    try:
        email = _email_clean(identifier)
    except ValidationError:
        if assessment.status not in INVITE_STAGES:
            raise ValidationError(TOO_LATE) from None
        if not identifier:
            raise ValidationError("Vul een gebruikersnaam of e-mailadres in.") from None
        raise ValidationError(NOT_FOUND.format(identifier=identifier)) from None
    invitation = invitation_create(assessment=assessment, actor=actor, email=email, organisation_name=organisation_name)
    return InviteOutcome(None, invitation, invitation.sent_count > 0)


def invitation_create(*, assessment: Assessment, actor: User, email: str, organisation_name: str = "") -> Invitation:
    """Invite an e-mail address to the session with a single-use link, valid DENKRAAM_INVITATION_DAYS days.

    An address with an open invitation to this session is refused (send that one again instead).
    """
    _require_manager(actor=actor, assessment=assessment, what="deelnemers uitnodigen")
    email = _email_clean(email)
    with transaction.atomic():
        locked = _locked(assessment)
        if locked.status not in INVITE_STAGES:
            raise ValidationError(TOO_LATE)
        open_ones = Invitation.objects.filter(
            assessment=locked, email__iexact=email, accepted_at__isnull=True, withdrawn_at__isnull=True
        )
        if any(i.is_pending for i in open_ones):
            raise ValidationError(ALREADY_INVITED.format(email=email))
        token, token_hash = _token_new()
        invitation = Invitation.objects.create(
            assessment=locked,
            email=email,
            organisation_name=organisation_name.strip()[:200],
            token_hash=token_hash,
            invited_by=actor,
            expires_at=_expiry(),
        )
        _record(
            actor=actor,
            invitation=invitation,
            action="invitation.created",
            summary=f"{_name(actor)} heeft {email} per e-mail uitgenodigd voor '{locked.title}'.",
        )
    _send(invitation=invitation, token=token)
    return invitation


def invitation_resend(*, invitation: Invitation, actor: User) -> Invitation:
    """Send the invitation again with a new link and a new expiry; the old link stops working."""
    _require_right(actor=actor, invitation=invitation, what="uitnodigingen opnieuw versturen")
    with transaction.atomic():
        current = _invitation_locked(invitation)
        if current.assessment is not None and _locked(current.assessment).status not in INVITE_STAGES:
            raise ValidationError(TOO_LATE)
        if current.accepted_at is not None:
            raise ValidationError("Deze uitnodiging is al geaccepteerd.")
        if current.withdrawn_at is not None:
            raise ValidationError("Deze uitnodiging is ingetrokken. Nodig de persoon opnieuw uit.")
        token, current.token_hash = _token_new()
        current.expires_at = _expiry()
        current.save(update_fields=["token_hash", "expires_at"])
        _record(
            actor=actor,
            invitation=current,
            action="invitation.resent",
            summary=f"{_name(actor)} heeft de uitnodiging aan {current.email} opnieuw verstuurd.",
        )
    _send(invitation=current, token=token)
    _follow(invitation, current)
    return invitation


def invitation_withdraw(*, invitation: Invitation, actor: User) -> Invitation:
    """Withdraw an invitation that was not accepted yet: its link stops working."""
    _require_right(actor=actor, invitation=invitation, what="uitnodigingen intrekken")
    with transaction.atomic():
        current = _invitation_locked(invitation)
        if current.accepted_at is not None:
            raise ValidationError(
                "Deze uitnodiging is al geaccepteerd. Verwijder de persoon bij de deelnemers als dat nodig is."
            )
        if current.withdrawn_at is not None:
            raise ValidationError("Deze uitnodiging is al ingetrokken.")
        current.withdrawn_at = timezone.now()
        current.save(update_fields=["withdrawn_at"])
        _record(
            actor=actor,
            invitation=current,
            action="invitation.withdrawn",
            summary=f"{_name(actor)} heeft de uitnodiging aan {current.email} ingetrokken.",
        )
    _follow(invitation, current)
    return invitation


def _invitation_locked(invitation: Invitation) -> Invitation:
    return (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("assessment__initiative__owner", "organisation", "invited_by")
        .get(pk=invitation.pk)
    )


def _follow(target: Invitation, source: Invitation) -> None:
    """The caller's object shows what was stored (a view or test holding it sees the new state)."""
    for name in ("token_hash", "expires_at", "sent_count", "last_sent_at", "withdrawn_at", "accepted_at"):
        setattr(target, name, getattr(source, name))
    target.accepted_by_id = source.accepted_by_id


# --- organisations (the page is E's; the machinery is the same) ----------------------------------------------------


def invitation_create_for_organisation(*, actor: User, organisation: Organisation, email: str, role: str) -> Invitation:
    """Invite an e-mail address to become a member of `organisation` with `role`; accepting makes them one.

    For beheerders of that organisation and site administrators. An address with an open invitation to this
    organisation is refused (send that one again instead). The mail goes out as for sessions.
    """
    _require_organisation_admin(actor=actor, organisation=organisation)
    if role not in Membership.Role.values:
        raise ValidationError(f"Onbekende rol '{role}'.")
    email = _email_clean(email)
    with transaction.atomic():
        open_ones = Invitation.objects.filter(
            organisation=organisation, email__iexact=email, accepted_at__isnull=True, withdrawn_at__isnull=True
        )
        if any(i.is_pending for i in open_ones):
            raise ValidationError(ALREADY_INVITED.format(email=email))
        token, token_hash = _token_new()
        invitation = Invitation.objects.create(
            organisation=organisation,
            role=role,
            email=email,
            token_hash=token_hash,
            invited_by=actor,
            expires_at=_expiry(),
        )
        _record(
            actor=actor,
            invitation=invitation,
            action="invitation.created",
            summary=(
                f"{_name(actor)} heeft {email} per e-mail uitgenodigd als "
                f"{Membership.Role(role).label.lower()} van {organisation.name}."
            ),
            role=role,
        )
    _send(invitation=invitation, token=token)
    return invitation


# --- accepting -----------------------------------------------------------------------------------------------------


def invitation_problem(*, invitation: Invitation | None) -> str | None:
    """Why this invitation cannot be accepted (Dutch, for the person with the link), or None when it can."""
    if invitation is None:
        return "unknown"
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.withdrawn_at is not None:
        return "withdrawn"
    if invitation.expires_at <= timezone.now():
        return "expired"
    if invitation.assessment is not None and invitation.assessment.status not in INVITE_STAGES:
        return "too_late"
    return None


class InvitationUnusable(ValidationError):
    """The token opens nothing (any more); `reason` is one of invitation_problem's words."""

    def __init__(self, reason: str) -> None:
        super().__init__("Deze uitnodiging kan niet (meer) worden gebruikt.", code=reason)
        self.reason = reason


class AccountExists(ValidationError):
    """An account with the invitation's address exists: that person logs in and accepts, no second account."""


def _by_token_locked(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("assessment__initiative__owner", "organisation", "invited_by")
        .filter(token_hash=invitation_token_hash(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Invitation:
    """Accept with the token from the e-mail: `user` takes part in the session, or becomes a member.

    Single use: the token is dead afterwards. Raises InvitationUnusable (nothing changes) for an unknown,
    expired, withdrawn or used token, or a session past the reveal. Someone already taking part stays so once.
    """
    invitation = _by_token_locked(token)
    if invitation is not None and invitation.assessment is not None:
        invitation.assessment = _locked(invitation.assessment)  # the stage as stored now
    if (reason := invitation_problem(invitation=invitation)) is not None:
        raise InvitationUnusable(reason)
    assert invitation is not None
    now = timezone.now()
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if invitation.assessment is not None:
        assessment = invitation.assessment
        participant = Participant.objects.filter(assessment=assessment, user=user).first()
        if participant is None:
            participant = participant_add(
                assessment=assessment,
                user=user,
                actor=invitation.invited_by or user,
                organisation_name=invitation.organisation_name,
            )
        _record(
            actor=user,
            invitation=invitation,
            action="invitation.accepted",
            summary=f"{_name(user)} heeft de uitnodiging voor '{assessment.title}' geaccepteerd.",
            user_id=user.pk,
        )
    else:
        organisation = invitation.organisation
        assert organisation is not None
        current = Membership.objects.filter(user=user, organisation=organisation).first()
        # Accepting never lowers a role someone already has.
        if current is None or role_rank(current.role) < role_rank(invitation.role):
            Membership.objects.update_or_create(
                user=user, organisation=organisation, defaults={"role": invitation.role}
            )
        _record(
            actor=user,
            invitation=invitation,
            action="invitation.accepted",
            summary=(
                f"{_name(user)} heeft de uitnodiging voor {organisation.name} geaccepteerd "
                f"(rol: {Membership.Role(invitation.role).label.lower()})."
            ),
            user_id=user.pk,
            role=invitation.role,
        )
    return invitation


def invitation_account_exists(*, invitation: Invitation) -> bool:
    """Whether someone already has an account with the invitation's address (then they log in instead)."""
    return User.objects.filter(Q(email__iexact=invitation.email) | Q(username__iexact=invitation.email)).exists()


@transaction.atomic
def invitation_account_create(*, token: str, name: str, password: str) -> tuple[User, Invitation]:
    """Make an account for the invited address (user name = the address) and accept the invitation with it.

    The address is the one the invitation went to: whoever has the link proved they read that mailbox. Refused
    when an account with that address exists (they log in instead) and when the password breaks the rules.
    """
    invitation = _by_token_locked(token)
    if (reason := invitation_problem(invitation=invitation)) is not None:
        raise InvitationUnusable(reason)
    assert invitation is not None
    if invitation_account_exists(invitation=invitation):
        raise AccountExists("Er is al een account met dit e-mailadres. Log in om de uitnodiging te accepteren.")
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Vul uw naam in."})
    first, _, last = name.partition(" ")
    user = User(username=invitation.email.lower(), email=invitation.email, first_name=first[:150], last_name=last[:150])
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationError({"password1": exc.error_list}) from exc
    user.set_password(password)
    user.save()
    audit_record(
        actor=user,
        action="user.created_by_invitation",
        obj=user,
        summary=f"{name} heeft een account gemaakt met de uitnodiging aan {invitation.email}.",
        organisation=invitation.organisation
        or (invitation.assessment.initiative.owner if invitation.assessment else None),
        data={"invitation_id": str(invitation.pk)},
    )
    return user, invitation_accept(token=token, user=user)
