"""Inviting by e-mail: who may, when, what is mailed and stored, and what a link does once used, resent or withdrawn."""

from __future__ import annotations

import datetime as dt
import hashlib
import socket

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pytest_django.fixtures import Settings

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User
from denkraam.assessments import services as assessment_services
from denkraam.assessments.models import Assessment, Participant
from denkraam.invitations import services
from denkraam.invitations.models import Invitation
from tests.assessments.factories import answers_set
from tests.factories import UserFactory
from tests.invitations.conftest import DIRK, invitation_path, token_of
from tests.mail import SmtpServer


def invite_dirk(assessment: Assessment, alice: User) -> services.InviteOutcome:
    return services.assessment_invite(
        assessment=assessment, actor=alice, identifier=DIRK, organisation_name="Gemeente Utrecht"
    )


def test_an_address_without_an_account_gets_a_mail_with_a_single_use_link(
    assessment: Assessment, alice: User, smtp_server: SmtpServer
) -> None:
    outcome = invite_dirk(assessment, alice)

    (message,) = smtp_server.to(DIRK)
    assert "Gesprek over de brief" in message["Subject"]
    text = smtp_server.text(message)
    assert "Alice nodigt u uit" in text and "werkt één keer" in text
    assert invitation_path(smtp_server).startswith("/uitnodiging/")
    invitation = Invitation.objects.get()
    assert outcome.invitation == invitation and outcome.mailed and outcome.participant is None
    assert invitation.status == Invitation.Status.SENT and invitation.sent_count == 1
    assert invitation.organisation_name == "Gemeente Utrecht"
    assert (invitation.expires_at - timezone.now()).days in {13, 14}


def test_only_the_hash_of_the_token_is_stored_and_the_audit_log_never_holds_it(
    assessment: Assessment, alice: User, smtp_server: SmtpServer
) -> None:
    invite_dirk(assessment, alice)
    token = token_of(invitation_path(smtp_server))

    invitation = Invitation.objects.get()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = [str(v) for v in Invitation.objects.values().get().values()]
    assert not any(token in value for value in stored)
    for event in AuditEvent.objects.all():
        assert token not in event.summary and token not in str(event.data)
    assert AuditEvent.objects.filter(action="invitation.created", data__email=DIRK).exists()


def test_someone_with_an_account_takes_part_at_once_and_gets_a_link_to_the_questionnaire(
    assessment: Assessment, alice: User, charlie: User, smtp_server: SmtpServer
) -> None:
    outcome = services.assessment_invite(assessment=assessment, actor=alice, identifier="charlie@example.org")

    assert outcome.participant is not None and outcome.participant.user == charlie and outcome.mailed
    (message,) = smtp_server.to("charlie@example.org")
    assert f"/gesprekken/{assessment.pk}/vragenlijst/" in " ".join(smtp_server.links(message))
    assert "De vragenlijst is open" in smtp_server.text(message)
    assert not Invitation.objects.exists()


def test_a_name_that_is_neither_a_user_nor_an_address_says_the_same_as_for_an_ambiguous_one(
    assessment: Assessment, alice: User, smtp_server: SmtpServer
) -> None:
    UserFactory(username="jan1", email="jan@example.org")
    UserFactory(username="jan2", email="jan@example.org")
    with pytest.raises(ValidationError) as nobody:
        services.assessment_invite(assessment=assessment, actor=alice, identifier="niemand")
    assert nobody.value.messages == [
        "Er is geen gebruiker gevonden met 'niemand'. Controleer de naam of het e-mailadres."
    ]
    # Two accounts share an address: no account is picked, the address gets an invitation like any other.
    outcome = services.assessment_invite(assessment=assessment, actor=alice, identifier="jan@example.org")
    assert outcome.invitation is not None and smtp_server.to("jan@example.org")


def test_bob_and_charlie_cannot_invite_and_nothing_is_stored_or_sent(
    assessment: Assessment, bob: User, charlie: User, smtp_server: SmtpServer
) -> None:
    for outsider in (bob, charlie):
        with pytest.raises(PermissionDenied):
            services.assessment_invite(assessment=assessment, actor=outsider, identifier=DIRK)
    assert not Invitation.objects.exists()
    assert smtp_server.messages == []


def test_nobody_is_invited_after_the_reveal(
    assessment: Assessment, alice: User, bob: User, smtp_server: SmtpServer
) -> None:
    answers_set(assessment=assessment, user=bob, ratings={"betrouwbaar-afspraken": "goed"})
    assessment_services.assessment_reveal(assessment=assessment, actor=alice)
    for identifier in (DIRK, "geen-adres"):
        with pytest.raises(ValidationError, match="Na het onthullen"):
            invite_dirk_as(assessment, alice, identifier)
    assert not Invitation.objects.exists() and smtp_server.messages == []


def invite_dirk_as(assessment: Assessment, actor: User, identifier: str) -> None:
    services.assessment_invite(assessment=assessment, actor=actor, identifier=identifier)


def test_the_same_address_is_not_invited_twice_while_the_first_invitation_is_open(
    assessment: Assessment, alice: User, smtp_server: SmtpServer
) -> None:
    invite_dirk(assessment, alice)
    with pytest.raises(ValidationError, match="al uitgenodigd"):
        services.assessment_invite(assessment=assessment, actor=alice, identifier=DIRK.upper())
    assert Invitation.objects.count() == 1 and len(smtp_server.messages) == 1


def test_accepting_makes_the_person_a_participant_once_and_the_link_dies(
    assessment: Assessment, alice: User, smtp_server: SmtpServer
) -> None:
    invite_dirk(assessment, alice)
    token = token_of(invitation_path(smtp_server))
    dirk = UserFactory(username="dirk", email=DIRK, first_name="Dirk")

    services.invitation_accept(token=token, user=dirk)

    participant = Participant.objects.get(assessment=assessment, user=dirk)
    assert participant.organisation is None and participant.organisation_name == "Gemeente Utrecht"
    assert participant.invited_by == alice
    invitation = Invitation.objects.get()
    assert invitation.status == Invitation.Status.ACCEPTED and invitation.accepted_by == dirk
    with pytest.raises(services.InvitationUnusable) as again:
        services.invitation_accept(token=token, user=UserFactory(username="iemand"))
    assert again.value.reason == "accepted"
    assert Participant.objects.filter(assessment=assessment).count() == 3


def test_resending_makes_a_new_link_with_a_new_expiry_and_the_old_link_opens_nothing(
    assessment: Assessment, alice: User, smtp_server: SmtpServer
) -> None:
    invite_dirk(assessment, alice)
    old = token_of(invitation_path(smtp_server))
    invitation = Invitation.objects.get()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - dt.timedelta(days=1))
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.EXPIRED

    services.invitation_resend(invitation=invitation, actor=alice)

    new = token_of(invitation_path(smtp_server))
    assert new != old and len(smtp_server.to(DIRK)) == 2
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT and invitation.sent_count == 2
    assert invitation.expires_at > timezone.now() + dt.timedelta(days=13)
    dirk = UserFactory(username="dirk", email=DIRK)
    with pytest.raises(services.InvitationUnusable) as dead:
        services.invitation_accept(token=old, user=dirk)
    assert dead.value.reason == "unknown"
    services.invitation_accept(token=new, user=dirk)
    assert Participant.objects.filter(assessment=assessment, user=dirk).exists()


def test_a_withdrawn_invitation_opens_nothing_and_cannot_be_resent(
    assessment: Assessment, alice: User, smtp_server: SmtpServer
) -> None:
    invite_dirk(assessment, alice)
    token = token_of(invitation_path(smtp_server))
    invitation = Invitation.objects.get()

    services.invitation_withdraw(invitation=invitation, actor=alice)

    assert invitation.status == Invitation.Status.WITHDRAWN
    with pytest.raises(services.InvitationUnusable) as withdrawn:
        services.invitation_accept(token=token, user=UserFactory(username="dirk", email=DIRK))
    assert withdrawn.value.reason == "withdrawn"
    with pytest.raises(ValidationError, match="ingetrokken"):
        services.invitation_resend(invitation=invitation, actor=alice)
    assert len(smtp_server.messages) == 1
    assert AuditEvent.objects.filter(action="invitation.withdrawn", data__invitation_id=str(invitation.pk)).exists()


def test_bob_cannot_resend_or_withdraw_alices_invitation(
    assessment: Assessment, alice: User, bob: User, smtp_server: SmtpServer
) -> None:
    invite_dirk(assessment, alice)
    invitation = Invitation.objects.get()
    with pytest.raises(PermissionDenied):
        services.invitation_resend(invitation=invitation, actor=bob)
    with pytest.raises(PermissionDenied):
        services.invitation_withdraw(invitation=invitation, actor=bob)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT and len(smtp_server.messages) == 1


def test_an_expired_link_opens_nothing(assessment: Assessment, alice: User, smtp_server: SmtpServer) -> None:
    invite_dirk(assessment, alice)
    token = token_of(invitation_path(smtp_server))
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    with pytest.raises(services.InvitationUnusable) as expired:
        services.invitation_accept(token=token, user=UserFactory(username="dirk", email=DIRK))
    assert expired.value.reason == "expired"
    assert not Participant.objects.filter(user__username="dirk").exists()


def test_a_link_opens_nothing_once_the_answers_are_revealed(
    assessment: Assessment, alice: User, bob: User, smtp_server: SmtpServer
) -> None:
    invite_dirk(assessment, alice)
    token = token_of(invitation_path(smtp_server))
    answers_set(assessment=assessment, user=bob, ratings={"betrouwbaar-afspraken": "goed"})
    assessment_services.assessment_reveal(assessment=assessment, actor=alice)
    with pytest.raises(services.InvitationUnusable) as late:
        services.invitation_accept(token=token, user=UserFactory(username="dirk", email=DIRK))
    assert late.value.reason == "too_late"
    assert Invitation.objects.get().accepted_at is None


def test_a_mail_server_that_is_down_leaves_the_invitation_not_sent_until_it_is_resent(
    assessment: Assessment, alice: User, smtp_server: SmtpServer, settings: Settings
) -> None:
    with socket.socket() as closed:  # a port nothing listens on: the mail server is down
        closed.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = closed.getsockname()[1]
        outcome = invite_dirk(assessment, alice)
    assert not outcome.mailed
    invitation = Invitation.objects.get()
    assert invitation.status == Invitation.Status.NOT_SENT and invitation.last_sent_at is None

    settings.EMAIL_PORT = smtp_server.port  # back up
    services.invitation_resend(invitation=invitation, actor=alice)
    assert invitation.status == Invitation.Status.SENT and len(smtp_server.to(DIRK)) == 1


def test_an_account_made_with_the_link_has_the_invited_address_and_takes_part(
    assessment: Assessment, alice: User, smtp_server: SmtpServer
) -> None:
    invite_dirk(assessment, alice)
    token = token_of(invitation_path(smtp_server))

    user, invitation = services.invitation_account_create(
        token=token, name="Dirk de Boer", password="een lang en vreemd wachtwoord"
    )

    assert (user.username, user.email, user.first_name, user.last_name) == (DIRK, DIRK, "Dirk", "de Boer")
    assert user.check_password("een lang en vreemd wachtwoord")
    assert invitation.accepted_by == user
    assert Participant.objects.filter(assessment=assessment, user=user).exists()
    assert not Membership.objects.filter(user=user).exists()


def test_no_second_account_for_an_address_that_has_one_and_a_weak_password_is_refused(
    assessment: Assessment, alice: User, smtp_server: SmtpServer
) -> None:
    invite_dirk(assessment, alice)
    token = token_of(invitation_path(smtp_server))
    with pytest.raises(ValidationError) as weak:
        services.invitation_account_create(token=token, name="Dirk", password="12345678901")
    assert "password1" in weak.value.message_dict
    UserFactory(username="dboer", email=DIRK.upper())
    with pytest.raises(services.AccountExists):
        services.invitation_account_create(token=token, name="Dirk", password="een lang en vreemd wachtwoord")
    assert User.objects.filter(email__iexact=DIRK).count() == 1
    assert Invitation.objects.get().accepted_at is None


# --- organisations ---------------------------------------------------------------------------------------------------


@pytest.fixture
def beheerder(uwv: Organisation) -> User:
    user = UserFactory(username="berta", first_name="Berta")
    Membership.objects.create(user=user, organisation=uwv, role=Membership.Role.BEHEERDER)
    return user


def test_a_beheerder_invites_to_the_organisation_and_accepting_makes_a_member_with_that_role(
    uwv: Organisation, beheerder: User, smtp_server: SmtpServer
) -> None:
    invitation = services.invitation_create_for_organisation(
        actor=beheerder, organisation=uwv, email=DIRK, role=Membership.Role.LID
    )
    (message,) = smtp_server.to(DIRK)
    assert "UWV" in message["Subject"] and "lid te worden van UWV" in smtp_server.text(message)
    assert invitation.assessment is None and invitation.status == Invitation.Status.SENT

    user, accepted = services.invitation_account_create(
        token=token_of(invitation_path(smtp_server)), name="Dirk", password="een lang en vreemd wachtwoord"
    )

    assert Membership.objects.get(user=user, organisation=uwv).role == Membership.Role.LID
    assert accepted.accepted_by == user
    assert AuditEvent.objects.filter(action="invitation.accepted", organisation=uwv).exists()


def test_only_a_beheerder_or_a_site_administrator_invites_to_an_organisation(
    uwv: Organisation, alice: User, charlie: User, smtp_server: SmtpServer
) -> None:
    for not_allowed in (alice, charlie):  # begeleider of UWV, lid of KVK
        with pytest.raises(PermissionDenied):
            services.invitation_create_for_organisation(
                actor=not_allowed, organisation=uwv, email=DIRK, role=Membership.Role.LID
            )
    assert smtp_server.messages == []
    admin = UserFactory(username="admin", is_superuser=True)
    services.invitation_create_for_organisation(
        actor=admin, organisation=uwv, email=DIRK, role=Membership.Role.BEGELEIDER
    )
    assert Invitation.objects.get().role == Membership.Role.BEGELEIDER


def test_accepting_an_organisation_invitation_never_lowers_a_role(
    uwv: Organisation, alice: User, beheerder: User, smtp_server: SmtpServer
) -> None:
    services.invitation_create_for_organisation(
        actor=beheerder, organisation=uwv, email="alice@example.org", role=Membership.Role.LEZER
    )
    services.invitation_accept(token=token_of(invitation_path(smtp_server, "alice@example.org")), user=alice)
    assert Membership.objects.get(user=alice, organisation=uwv).role == Membership.Role.BEGELEIDER


def test_an_unknown_role_is_refused(uwv: Organisation, beheerder: User, smtp_server: SmtpServer) -> None:
    with pytest.raises(ValidationError, match="Onbekende rol"):
        services.invitation_create_for_organisation(actor=beheerder, organisation=uwv, email=DIRK, role="baas")
    assert not Invitation.objects.exists()
