from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User
from denkraam.initiatives.models import Initiative
from tests.factories import InitiativeFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def valid_post(owner: Organisation, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Brief WW-aanvraag",
        "description": "De brief die mensen krijgen na hun aanvraag.",
        "owner": str(owner.pk),
        "target_groups": ["burgers"],
        "channels_digital": ["website"],
        "channels_non_digital": ["brief"],
        "life_event": "Werkloos worden",
        "status": "in-gebruik",
    }
    data.update(overrides)
    return data


@pytest.fixture
def private(uwv: Organisation) -> Initiative:
    return InitiativeFactory(owner=uwv, name="Brief WW-aanvraag (privé)")


def test_the_list_shows_own_initiatives_and_hides_others(
    client_for: ClientFor, alice: User, charlie: User, private: Initiative
) -> None:
    assert private.name in client_for(alice).get(reverse("initiatives:list")).content.decode()
    response = client_for(charlie).get(reverse("initiatives:list"))
    assert response.status_code == 200
    assert private.name not in response.content.decode()


@pytest.mark.parametrize("name", ["detail", "edit", "logbook"])
def test_charlie_gets_404_on_alices_private_initiative(
    client_for: ClientFor, charlie: User, private: Initiative, name: str
) -> None:
    response = client_for(charlie).get(reverse(f"initiatives:{name}", kwargs={"initiative_id": private.pk}))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["detail", "edit", "logbook"])
def test_anonymous_visitors_are_sent_to_the_login_page(client: Client, private: Initiative, name: str) -> None:
    response = client.get(reverse(f"initiatives:{name}", kwargs={"initiative_id": private.pk}))
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=")


def test_anonymous_visitors_cannot_list_or_create(client: Client) -> None:
    for url in [reverse("initiatives:list"), reverse("initiatives:create")]:
        assert client.get(url)["Location"].startswith("/inloggen/")


def test_bob_as_member_can_edit_and_the_change_is_logged(
    client_for: ClientFor, bob: User, uwv: Organisation, private: Initiative
) -> None:
    url = reverse("initiatives:edit", kwargs={"initiative_id": private.pk})
    assert client_for(bob).get(url).status_code == 200
    response = client_for(bob).post(url, valid_post(uwv, name="Brief WW-aanvraag, nieuwe versie"))
    assert response.status_code == 302
    private.refresh_from_db()
    assert private.name == "Brief WW-aanvraag, nieuwe versie"
    assert private.channels == ["website", "brief"]
    event = AuditEvent.objects.get(action="initiative.updated")
    assert event.actor == bob
    assert "naam" in event.summary


def test_a_reader_can_look_but_not_edit(client_for: ClientFor, uwv: Organisation, private: Initiative) -> None:
    reader = UserFactory(username="lezer")
    MembershipFactory(user=reader, organisation=uwv, role=Membership.Role.LEZER)
    detail = client_for(reader).get(reverse("initiatives:detail", kwargs={"initiative_id": private.pk}))
    assert detail.status_code == 200
    assert "Bewerken" not in detail.content.decode()
    url = reverse("initiatives:edit", kwargs={"initiative_id": private.pk})
    assert client_for(reader).get(url).status_code == 403
    assert client_for(reader).post(url, valid_post(uwv, name="Gekaapt")).status_code == 403
    private.refresh_from_db()
    assert private.name != "Gekaapt"


def test_a_published_initiative_is_readable_by_charlie_but_not_editable(
    client_for: ClientFor, charlie: User, uwv: Organisation
) -> None:
    published = InitiativeFactory(owner=uwv, is_published=True, name="Website Werkmap")
    assert published.name in client_for(charlie).get(reverse("initiatives:list")).content.decode()
    detail = client_for(charlie).get(reverse("initiatives:detail", kwargs={"initiative_id": published.pk}))
    assert detail.status_code == 200
    assert "niet wijzigen" in detail.content.decode()
    edit = reverse("initiatives:edit", kwargs={"initiative_id": published.pk})
    assert client_for(charlie).post(edit, valid_post(uwv, name="Gekaapt")).status_code == 403
    logbook = reverse("initiatives:logbook", kwargs={"initiative_id": published.pk})
    assert client_for(charlie).get(logbook).status_code == 404


def test_alice_creates_an_initiative_and_it_appears_in_the_logbook(
    client_for: ClientFor, alice: User, uwv: Organisation, kvk: Organisation
) -> None:
    response = client_for(alice).post(reverse("initiatives:create"), valid_post(uwv, partners=[str(kvk.pk)]))
    initiative = Initiative.objects.get()
    assert response["Location"] == reverse("initiatives:detail", kwargs={"initiative_id": initiative.pk})
    assert initiative.owner == uwv
    assert list(initiative.partners.all()) == [kvk]
    assert initiative.created_by == alice
    logbook = client_for(alice).get(reverse("initiatives:logbook", kwargs={"initiative_id": initiative.pk}))
    assert "Initiatief &#x27;Brief WW-aanvraag&#x27; aangemaakt." in logbook.content.decode()


def test_invalid_input_shows_dutch_errors_and_stores_nothing(
    client_for: ClientFor, alice: User, uwv: Organisation
) -> None:
    data = valid_post(uwv, name="", target_groups=[], channels_digital=[], channels_non_digital=["fax"])
    response = client_for(alice).post(reverse("initiatives:create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een naam in." in html
    assert "Kies minstens één doelgroep" in html
    assert "Kies een kanaal uit de lijst." in html
    assert "fouten in het formulier" in html
    assert 'aria-invalid="true"' in html
    assert not Initiative.objects.exists()
    assert not AuditEvent.objects.exclude(action="login.succeeded").exists()  # only the login is logged


def test_nobody_can_create_for_an_organisation_they_do_not_belong_to(
    client_for: ClientFor, charlie: User, uwv: Organisation
) -> None:
    response = client_for(charlie).post(reverse("initiatives:create"), valid_post(uwv))
    assert "Kies een organisatie waar u lid van bent." in response.content.decode()
    assert not Initiative.objects.exists()


def test_a_user_without_organisation_is_told_why_they_cannot_create(client_for: ClientFor) -> None:
    loner = UserFactory(username="zonder-organisatie")
    response = client_for(loner).get(reverse("initiatives:create"))
    assert response.status_code == 403
    assert "lid zijn van een organisatie" in response.content.decode()


def test_the_list_filters_by_channel_and_keeps_filters_when_paging(
    client_for: ClientFor, alice: User, uwv: Organisation
) -> None:
    for n in range(55):
        InitiativeFactory(owner=uwv, name=f"Telefoonlijn {n:02d}", channels=["telefoon"])
    InitiativeFactory(owner=uwv, name="Brief alleen", channels=["brief"])
    response = client_for(alice).get(reverse("initiatives:list"), {"channel": "telefoon"})
    html = response.content.decode()
    assert "55 initiatieven, pagina 1 van 2" in html
    assert "Brief alleen" not in html
    assert "?channel=telefoon&amp;pagina=2" in html


def test_the_list_costs_the_same_number_of_queries_for_5_or_60_initiatives(
    client_for: ClientFor, alice: User, uwv: Organisation, kvk: Organisation
) -> None:
    client = client_for(alice)
    counts = []
    for total in (5, 60):
        Initiative.objects.all().delete()
        for n in range(total):
            InitiativeFactory(owner=uwv, name=f"Initiatief {n}", partners=[kvk])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("initiatives:list"))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10


def test_the_menu_links_to_initiatives_after_login(client_for: ClientFor, alice: User) -> None:
    html = client_for(alice).get(reverse("initiatives:list")).content.decode()
    assert 'href="/initiatieven/"' in html


def test_an_invalid_filter_value_is_ignored_and_the_others_still_apply(
    client_for: ClientFor, alice: User, uwv: Organisation
) -> None:
    InitiativeFactory(owner=uwv, name="Balie Amsterdam", channels=["balie"])
    InitiativeFactory(owner=uwv, name="Chatbot", channels=["chat"])
    response = client_for(alice).get(reverse("initiatives:list"), {"channel": "balie", "organisation": "xyz"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Balie Amsterdam" in html
    assert "Chatbot" not in html


def test_the_organisation_filter_shows_a_new_or_renamed_organisation_at_once(
    client_for: ClientFor, alice: User, uwv: Organisation
) -> None:
    client = client_for(alice)
    assert "Gemeente Utrecht" not in client.get(reverse("initiatives:list")).content.decode()
    utrecht = Organisation.objects.create(name="Gemeente Utrecht", slug="utrecht")
    InitiativeFactory(owner=utrecht, name="Balie Stadskantoor", is_published=True)
    html = client.get(reverse("initiatives:list")).content.decode()
    assert f'<option value="{utrecht.pk}">Gemeente Utrecht</option>' in html
    utrecht.name = "Gemeente Utrecht (Stadskantoor)"
    utrecht.save()
    html = client.get(reverse("initiatives:list"), {"organisation": str(utrecht.pk)}).content.decode()
    assert f'<option value="{utrecht.pk}" selected>Gemeente Utrecht (Stadskantoor)</option>' in html


def test_the_organisation_filter_does_not_reveal_who_works_on_unpublished_initiatives(
    client_for: ClientFor, alice: User, uwv: Organisation, kvk: Organisation
) -> None:
    utrecht = Organisation.objects.create(name="Gemeente Utrecht", slug="utrecht")
    InitiativeFactory(owner=kvk, name="Nieuwe KVK-portal", is_published=False, partners=[utrecht])
    html = client_for(alice).get(reverse("initiatives:list")).content.decode()
    assert f'<option value="{uwv.pk}">UWV</option>' in html  # her own organisation
    assert "KVK" not in html
    assert "Gemeente Utrecht" not in html
    # Asking for it anyway filters nothing away and leaks nothing.
    html = client_for(alice).get(reverse("initiatives:list"), {"organisation": str(kvk.pk)}).content.decode()
    assert "Nieuwe KVK-portal" not in html
    assert "KVK" not in html
