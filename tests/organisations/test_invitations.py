"""Inviting members from the organisation's page: the mail arrives, accepting makes a member with the chosen role,
and open invitations can be sent again or withdrawn; nobody but a beheerder (or site administrator) can do any of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.invitations.models import Invitation
from tests.invitations.conftest import invitation_path
from tests.mail import SmtpServer
from tests.organisations.conftest import membership

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
DIRK = "dirk@uwv.nl"
PASSWORD = "een lang en vreemd wachtwoord"


def _page(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def _invite(client: Client, slug: str, email: str = DIRK, role: str = "lid") -> object:
    return client.post(reverse("organisations:invite", kwargs={"slug": slug}), {"email": email, "role": role})


def _accept_as_new_account(smtp_server: SmtpServer, address: str) -> Client:
    client = Client()
    response = client.post(
        invitation_path(smtp_server, address), {"name": "Dirk", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    return client


def test_the_site_administrator_creates_an_organisation_and_invites_its_first_beheerder(
    client_for: ClientFor, site_admin: User, smtp_server: SmtpServer
) -> None:
    sam = client_for(site_admin)
    sam.post(reverse("organisations:list"), {"name": "Gemeente Utrecht", "slug": "gemeente-utrecht"})
    response = sam.post(
        reverse("organisations:invite", kwargs={"slug": "gemeente-utrecht"}),
        {"email": "wethouder@utrecht.nl", "role": "beheerder"},
        follow=True,
    )
    html = _page(response)
    assert "wethouder@utrecht.nl is uitgenodigd als beheerder." in html
    assert '<th scope="row">wethouder@utrecht.nl</th>' in html and "Verstuurd op" in html
    (mail,) = smtp_server.to("wethouder@utrecht.nl")
    assert "Gemeente Utrecht" in smtp_server.text(mail)
    new_beheerder = _accept_as_new_account(smtp_server, "wethouder@utrecht.nl")
    organisation = Organisation.objects.get(slug="gemeente-utrecht")
    assert Membership.objects.get(organisation=organisation).role == Membership.Role.BEHEERDER
    # The new beheerder now manages the organisation: the page shows the invitation form.
    page = _page(new_beheerder.get(reverse("organisations:detail", kwargs={"slug": "gemeente-utrecht"})))
    assert "U bent beheerder van Gemeente Utrecht." in page and "Uitnodiging versturen" in page
    assert "Er staan geen uitnodigingen open." in page  # accepted is no longer open


def test_a_beheerder_invites_a_lezer(client_for: ClientFor, alice: User, smtp_server: SmtpServer) -> None:
    response = _invite(client_for(alice), "uwv", role="lezer")
    assert response.status_code == 302  # type: ignore[attr-defined]
    _accept_as_new_account(smtp_server, DIRK)
    assert Membership.objects.get(user__email=DIRK).role == Membership.Role.LEZER


def test_a_wrong_address_and_a_second_open_invitation_are_refused_in_dutch(
    client_for: ClientFor, alice: User, smtp_server: SmtpServer
) -> None:
    client = client_for(alice)
    wrong = _invite(client, "uwv", email="geen-adres")
    assert wrong.status_code == 400 and "Vul een geldig e-mailadres in." in _page(wrong)  # type: ignore[attr-defined]
    _invite(client, "uwv")
    again = _invite(client, "uwv")
    assert again.status_code == 400  # type: ignore[attr-defined]
    assert DIRK in _page(again) and "E-mailadres:" in _page(again)
    assert Invitation.objects.filter(organisation__slug="uwv").count() == 1
    assert len(smtp_server.to(DIRK)) == 1


def test_resending_makes_a_new_link_and_the_old_one_stops_working(
    client_for: ClientFor, alice: User, smtp_server: SmtpServer
) -> None:
    client = client_for(alice)
    _invite(client, "uwv")
    old_link = invitation_path(smtp_server, DIRK)
    invitation = Invitation.objects.get(email=DIRK)
    url = reverse("organisations:invitation_resend", kwargs={"slug": "uwv", "invitation_id": invitation.pk})
    response = client.post(url, follow=True)
    assert "De uitnodiging is opnieuw verstuurd naar dirk@uwv.nl. De vorige link werkt niet meer." in _page(response)
    assert len(smtp_server.to(DIRK)) == 2
    assert invitation_path(smtp_server, DIRK) != old_link
    assert "Dirk" not in _page(Client().post(old_link, {"name": "Dirk", "password1": PASSWORD, "password2": PASSWORD}))
    assert not Membership.objects.filter(user__email=DIRK).exists()


def test_withdrawing_asks_first_and_then_the_link_stops_working(
    client_for: ClientFor, alice: User, smtp_server: SmtpServer
) -> None:
    client = client_for(alice)
    _invite(client, "uwv")
    link = invitation_path(smtp_server, DIRK)
    invitation = Invitation.objects.get(email=DIRK)
    url = reverse("organisations:invitation_withdraw", kwargs={"slug": "uwv", "invitation_id": invitation.pk})
    confirm = _page(client.get(url))
    assert "Weet u zeker dat u de uitnodiging aan dirk@uwv.nl als lid van UWV wilt intrekken?" in confirm
    assert Invitation.objects.get(pk=invitation.pk).withdrawn_at is None  # GET changes nothing
    response = client.post(url, follow=True)
    html = _page(response)
    assert "De uitnodiging aan dirk@uwv.nl is ingetrokken. De link werkt niet meer." in html
    assert "Er staan geen uitnodigingen open." in html
    Client().post(link, {"name": "Dirk", "password1": PASSWORD, "password2": PASSWORD})
    assert not Membership.objects.filter(user__email=DIRK).exists()


def test_members_do_not_see_invitations_and_cannot_invite(
    client_for: ClientFor, alice: User, bob: User, uwv: Organisation, smtp_server: SmtpServer
) -> None:
    _invite(client_for(alice), "uwv")
    invitation = Invitation.objects.get(email=DIRK)
    client = client_for(bob)
    html = _page(client.get(reverse("organisations:detail", kwargs={"slug": "uwv"})))
    assert DIRK not in html and "Uitnodiging versturen" not in html
    assert _invite(client, "uwv", email="vriend@example.org").status_code == 403  # type: ignore[attr-defined]
    for name in ["invitation_resend", "invitation_withdraw"]:
        url = reverse(f"organisations:{name}", kwargs={"slug": "uwv", "invitation_id": invitation.pk})
        assert client.post(url).status_code == 403, name
    assert Invitation.objects.get(pk=invitation.pk).withdrawn_at is None
    assert not Invitation.objects.filter(email="vriend@example.org").exists()
    assert len(smtp_server.messages) == 1


def test_charlie_gets_404_on_every_invitation_url_and_nothing_changes(
    client_for: ClientFor, alice: User, charlie: User, kvk: Organisation, uwv: Organisation, smtp_server: SmtpServer
) -> None:
    Membership.objects.filter(user=charlie).update(role=Membership.Role.BEHEERDER)  # beheerder, but of KVK
    _invite(client_for(alice), "uwv")
    invitation = Invitation.objects.get(email=DIRK)
    client = client_for(charlie)
    assert _invite(client, "uwv", email="spion@example.org").status_code == 404  # type: ignore[attr-defined]
    for name in ["invitation_resend", "invitation_withdraw"]:
        url = reverse(f"organisations:{name}", kwargs={"slug": "uwv", "invitation_id": invitation.pk})
        assert client.get(url).status_code in {404, 405}, name
        assert client.post(url).status_code == 404, name
        # UWV's invitation through KVK's address is not found either.
        other = reverse(f"organisations:{name}", kwargs={"slug": "kvk", "invitation_id": invitation.pk})
        assert client.post(other).status_code == 404, name
    stored = Invitation.objects.get(pk=invitation.pk)
    assert (stored.withdrawn_at, stored.sent_count) == (None, 1)
    assert not Invitation.objects.filter(email="spion@example.org").exists()
    assert len(smtp_server.messages) == 1
    assert membership(alice, uwv).role == Membership.Role.BEHEERDER
