"""The accept page /uitnodiging/<token>/ and the participants page, as the invitee and the facilitator meet them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments.models import Assessment, Participant
from denkraam.invitations import services
from denkraam.invitations.models import Invitation
from tests.accounts.oidc.provider import configure, provider_config
from tests.factories import UserFactory
from tests.invitations.conftest import DIRK, invitation_path
from tests.mail import SmtpServer

ClientFor = Callable[[User], Client]
PASSWORD = "een lang en vreemd wachtwoord"


@pytest.fixture
def link(assessment: Assessment, alice: User, smtp_server: SmtpServer) -> str:
    """alice invited dirk (no account) through the participants page; the path of the link in dirk's mail."""
    page = Client()
    page.force_login(alice)
    response = page.post(
        reverse("assessments:participants", kwargs={"assessment_id": assessment.pk}),
        {"identifier": DIRK, "organisation_name": "Gemeente Utrecht"},
    )
    assert response.status_code == 302
    return invitation_path(smtp_server)


def test_without_an_account_the_page_offers_an_account_with_the_invited_address(link: str) -> None:
    page = Client().get(link)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Uitnodiging voor het gesprek" in text and "Gesprek over de brief" in text
    assert "Maak een account met wachtwoord" in text and DIRK in text
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]


def test_making_an_account_logs_in_and_lands_on_the_questionnaire(link: str, assessment: Assessment) -> None:
    client = Client()
    response = client.post(link, {"name": "Dirk de Boer", "password1": PASSWORD, "password2": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})
    dirk = User.objects.get(email=DIRK)
    assert Participant.objects.filter(assessment=assessment, user=dirk).exists()
    questionnaire = client.get(response["Location"])
    assert questionnaire.status_code == 200 and "Vragenlijst" in questionnaire.content.decode()


def test_two_different_passwords_or_a_weak_one_make_no_account(link: str) -> None:
    different = Client().post(link, {"name": "Dirk", "password1": PASSWORD, "password2": PASSWORD + "x"})
    assert different.status_code == 400 and "niet gelijk" in different.content.decode()
    weak = Client().post(link, {"name": "Dirk", "password1": "1234567890", "password2": "1234567890"})
    assert weak.status_code == 400 and "Er is 1 fout" in weak.content.decode()
    assert not User.objects.filter(email=DIRK).exists()
    assert Invitation.objects.get().accepted_at is None


def test_someone_who_has_an_account_with_the_address_is_sent_to_log_in_and_back(
    link: str, assessment: Assessment
) -> None:
    dirk = UserFactory(username="dboer", email=DIRK, first_name="Dirk")
    page = Client().get(link)
    assert "U heeft al een account" in page.content.decode()
    assert "Maak een account met wachtwoord" not in page.content.decode()
    posted = Client().post(link, {"name": "Dirk", "password1": PASSWORD, "password2": PASSWORD})
    assert posted.status_code == 302 and posted["Location"].startswith(reverse("accounts:login"))
    assert "next=%2Fuitnodiging%2F" in posted["Location"]
    assert User.objects.filter(email=DIRK).count() == 1

    client = Client()
    client.force_login(dirk)
    joined = client.post(link)
    assert joined["Location"] == reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})
    assert Participant.objects.filter(assessment=assessment, user=dirk).exists()


def test_logged_in_the_page_has_one_button_and_says_when_the_address_is_another(
    link: str, assessment: Assessment, charlie: User, client_for: ClientFor
) -> None:
    client = client_for(charlie)
    page = client.get(link).content.decode()
    assert "Meedoen aan Gesprek over de brief" in page
    assert "U bent ingelogd als Charlie (charlie@example.org)" in page
    assert not Participant.objects.filter(assessment=assessment, user=charlie).exists()
    client.post(link)
    assert Participant.objects.get(assessment=assessment, user=charlie).organisation.name == "KVK"
    again = client.get(link)  # the e-mail's link, clicked again by the one who accepted: straight to the session
    assert again.status_code == 302


@pytest.mark.parametrize(
    ("spoil", "status", "heading"),
    [
        ("unknown", 404, "Deze uitnodiging bestaat niet"),
        ("expired", 410, "Deze uitnodiging is verlopen"),
        ("withdrawn", 410, "Deze uitnodiging is ingetrokken"),
        ("accepted", 410, "Deze uitnodiging is al gebruikt"),
    ],
)
def test_a_link_that_opens_nothing_says_what_happened_and_whom_to_ask_and_changes_nothing(
    link: str, assessment: Assessment, alice: User, spoil: str, status: int, heading: str
) -> None:
    invitation = Invitation.objects.get()
    if spoil == "unknown":
        link = link[:-5] + "xxxx/"
    elif spoil == "expired":
        Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    elif spoil == "withdrawn":
        services.invitation_withdraw(invitation=invitation, actor=alice)
    else:
        Invitation.objects.update(accepted_at=timezone.now(), accepted_by=UserFactory(username="iemand"))
    before = set(Invitation.objects.values_list("accepted_at", "withdrawn_at"))
    for client in (Client(), _logged_in(UserFactory(username="erik"))):
        page = client.get(link)
        assert page.status_code == status
        text = page.content.decode()
        assert heading in text
        if spoil != "unknown":
            assert "Vraag Alice, de gespreksleider, om een nieuwe uitnodiging" in text
        posted = client.post(link, {"name": "Erik", "password1": PASSWORD, "password2": PASSWORD})
        assert posted.status_code == status
    assert set(Invitation.objects.values_list("accepted_at", "withdrawn_at")) == before
    assert not User.objects.filter(email=DIRK).exists()
    assert Participant.objects.filter(assessment=assessment).count() == 2


def _logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_facilitator_sees_who_accepted_and_can_resend_and_withdraw(
    link: str, assessment: Assessment, alice: User, client_for: ClientFor, smtp_server: SmtpServer
) -> None:
    participants = reverse("assessments:participants", kwargs={"assessment_id": assessment.pk})
    client = client_for(alice)
    page = client.get(participants).content.decode()
    assert "Uitgenodigd" in page and DIRK in page and "Verstuurd op" in page and "Gemeente Utrecht" in page
    invitation = Invitation.objects.get()
    ids = {"assessment_id": assessment.pk, "invitation_id": invitation.pk}

    resent = client.post(reverse("assessment_invitations:resend", kwargs=ids), follow=True)
    assert "opnieuw verstuurd" in resent.content.decode() and len(smtp_server.to(DIRK)) == 2
    assert Client().get(link).status_code == 404  # the first mail's link is dead
    new_link = invitation_path(smtp_server)
    Client().post(new_link, {"name": "Dirk de Boer", "password1": PASSWORD, "password2": PASSWORD})
    page = client.get(participants).content.decode()
    assert "Geaccepteerd door Dirk de Boer op" in page
    assert "Dirk de Boer" in page and "Gemeente Utrecht" in page


def test_withdrawing_asks_for_confirmation_first(
    link: str, assessment: Assessment, alice: User, client_for: ClientFor
) -> None:
    invitation = Invitation.objects.get()
    ids = {"assessment_id": assessment.pk, "invitation_id": invitation.pk}
    url = reverse("assessment_invitations:withdraw", kwargs=ids)
    client = client_for(alice)
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Ja, uitnodiging intrekken" in confirm.content.decode()
    assert Invitation.objects.get().withdrawn_at is None
    done = client.post(url, follow=True)
    assert "is ingetrokken" in done.content.decode()
    assert "Ingetrokken op" in done.content.decode()
    assert Client().get(link).status_code == 410


def test_charlie_gets_404_and_bob_403_on_resend_and_withdraw_and_nothing_changes(
    link: str, assessment: Assessment, bob: User, charlie: User, client_for: ClientFor, smtp_server: SmtpServer
) -> None:
    invitation = Invitation.objects.get()
    ids = {"assessment_id": assessment.pk, "invitation_id": invitation.pk}
    for url in (reverse(f"assessment_invitations:{name}", kwargs=ids) for name in ("resend", "withdraw")):
        assert client_for(charlie).post(url).status_code == 404
        assert client_for(bob).post(url).status_code == 403
    assert (
        DIRK
        not in client_for(bob)
        .get(reverse("assessments:participants", kwargs={"assessment_id": assessment.pk}))
        .content.decode()
    )
    assert Invitation.objects.get().withdrawn_at is None and len(smtp_server.messages) == 1
    assert Client().get(link).status_code == 200


def test_an_unknown_user_name_on_the_participants_page_reveals_nothing(
    assessment: Assessment, client_for: ClientFor, smtp_server: SmtpServer
) -> None:
    page = client_for_alice(client_for, assessment).post(
        reverse("assessments:participants", kwargs={"assessment_id": assessment.pk}), {"identifier": "niemand"}
    )
    assert page.status_code == 400
    assert "Er is geen gebruiker gevonden met &#x27;niemand&#x27;" in page.content.decode()
    assert not Invitation.objects.exists() and smtp_server.messages == []


def client_for_alice(client_for: ClientFor, assessment: Assessment) -> Client:
    return client_for(assessment.facilitator)


def test_an_organisation_invitation_is_accepted_on_the_same_page(
    uwv: Organisation, smtp_server: SmtpServer, client_for: ClientFor
) -> None:
    beheerder = UserFactory(username="berta", first_name="Berta")
    Membership.objects.create(user=beheerder, organisation=uwv, role=Membership.Role.BEHEERDER)
    services.invitation_create_for_organisation(actor=beheerder, organisation=uwv, email=DIRK, role="lid")
    link = invitation_path(smtp_server)
    page = Client().get(link).content.decode()
    assert "Uitnodiging voor UWV" in page and "lid te worden van UWV" in page
    client = Client()
    response = client.post(link, {"name": "Dirk", "password1": PASSWORD, "password2": PASSWORD})
    assert response["Location"] == reverse("accounts:my_organisations")
    assert Membership.objects.get(user__email=DIRK, organisation=uwv).role == "lid"


def test_without_an_account_the_sign_on_buttons_come_back_to_the_invitation(link: str, settings: Any) -> None:
    configure(settings, provider_config("gemeente", "http://127.0.0.1:9"))
    page = Client().get(link).content.decode()
    assert "Inloggen met GEMEENTE" in page
    assert f'href="/inloggen/oidc/gemeente/?next={quote(link, safe="")}"' in page
    assert "Maak een account met wachtwoord" in page  # the password stays a choice


def test_the_organisation_given_with_the_invitation_shows_with_the_guests_name(
    link: str, assessment: Assessment, alice: User, client_for: ClientFor
) -> None:
    Client().post(link, {"name": "Dirk de Boer", "password1": PASSWORD, "password2": PASSWORD})
    overview = client_for(alice).get(reverse("assessments:detail", kwargs={"assessment_id": assessment.pk}))
    assert "Gemeente Utrecht" in overview.content.decode()
    report = client_for(alice).get(reverse("reports:assessment", kwargs={"assessment_id": assessment.pk}))
    assert "Dirk de Boer (Gemeente Utrecht)" in report.content.decode()
