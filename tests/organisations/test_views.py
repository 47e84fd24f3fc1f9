"""Organisation pages: beheerders manage members, other members look, outsiders get a 404 and change nothing; the
site administrator sees and creates organisations."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import AuditEvent, Membership, OidcIdentity, Organisation, User
from tests.factories import InitiativeFactory, MembershipFactory, UserFactory
from tests.organisations.conftest import membership, organisation_audit

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def _page(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def _main(response: object) -> str:
    """The page's own content, without the header (whose form carries a fresh CSRF token each time)."""
    html = _page(response)
    return html[html.index("<main") : html.index("</main>")]


def _urls(organisation: Organisation, target: Membership) -> dict[str, str]:
    slug = {"slug": organisation.slug}
    return {
        "detail": reverse("organisations:detail", kwargs=slug),
        "member_role": reverse("organisations:member_role", kwargs={**slug, "membership_id": target.pk}),
        "member_remove": reverse("organisations:member_remove", kwargs={**slug, "membership_id": target.pk}),
    }


def _stored(organisation: Organisation) -> list[tuple[str, str]]:
    return sorted(Membership.objects.filter(organisation=organisation).values_list("user__username", "role"))


# Who may see what


def test_a_beheerder_sees_members_with_e_mail_role_since_and_how_they_sign_in(
    client_for: ClientFor, alice: User, bob: User, uwv: Organisation
) -> None:
    olga = UserFactory(username="olga", first_name="Olga", email="olga@uwv.nl", password=None)
    olga.set_unusable_password()
    olga.save()
    OidcIdentity.objects.create(user=olga, provider_id="uwv", issuer="https://login.uwv.nl", subject="o-1")
    newcomer = UserFactory(username="nina", first_name="Nina")
    newcomer.set_unusable_password()
    newcomer.save()
    MembershipFactory(user=olga, organisation=uwv, role=Membership.Role.LEZER)
    MembershipFactory(user=newcomer, organisation=uwv, role=Membership.Role.LID)
    html = _page(client_for(alice).get(reverse("organisations:detail", kwargs={"slug": "uwv"})))
    assert "U bent beheerder van UWV." in html
    assert "Alice (u)" in html and "alice@example.org" in html
    for row in [
        ("Bob", "bob@example.org", "Lid", "wachtwoord"),
        ("Olga", "olga@uwv.nl", "Lezer", "inlogdienst"),
        ("Nina", "nina@example.org", "Lid", "nog niet ingesteld"),
    ]:
        assert all(cell in html for cell in row), row
    assert html.index("Alice (u)") < html.index("Bob")  # beheerders first
    assert html.count(">Rol wijzigen<span") == 4 and html.count(">Verwijderen<span") == 4


def test_other_members_see_names_and_roles_only(client_for: ClientFor, alice: User, bob: User) -> None:
    html = _page(client_for(bob).get(reverse("organisations:detail", kwargs={"slug": "uwv"})))
    assert "U bent lid van UWV." in html and "Vraag het een beheerder van UWV" in html
    assert "Alice" in html and "Beheerder" in html and "Bob (u)" in html
    assert "@example.org" not in html and "Inloggen met" not in html
    assert "Rol wijzigen" not in html and "Verwijderen" not in html


def test_other_members_are_refused_the_change_pages_and_nothing_changes(
    client_for: ClientFor, alice: User, bob: User, uwv: Organisation
) -> None:
    before = _stored(uwv)
    urls = _urls(uwv, membership(alice, uwv))
    client = client_for(bob)
    for name in ["member_role", "member_remove"]:
        assert client.get(urls[name]).status_code == 403, name
        response = client.post(urls[name], {"role": "lezer", "bevestigd": "1"})
        assert response.status_code == 403, name
        assert "Alleen een beheerder van deze organisatie mag dit doen." in _page(response)
    assert _stored(uwv) == before
    assert not organisation_audit().exists()


def test_charlie_gets_404_on_every_url_of_uwv_and_nothing_changes(
    client_for: ClientFor, alice: User, bob: User, charlie: User, uwv: Organisation, kvk: Organisation
) -> None:
    Membership.objects.filter(user=charlie, organisation=kvk).update(role=Membership.Role.BEHEERDER)
    before = _stored(uwv)
    client = client_for(charlie)
    for target in [membership(alice, uwv), membership(bob, uwv)]:
        for name, url in _urls(uwv, target).items():
            get = client.get(url)
            post = client.post(url, {"role": "lezer", "bevestigd": "1"})
            assert get.status_code == 404, name
            assert post.status_code in {404, 405}, name
            assert "Deze organisatie bestaat niet of u heeft er geen toegang toe." in _page(get)
            assert "Bob" not in _page(get) and "Alice" not in _page(get)
    # KVK's membership ids in UWV's address are no way in either.
    charlies = membership(charlie, kvk)
    assert client.get(_urls(uwv, charlies)["member_role"]).status_code == 404
    assert _stored(uwv) == before
    assert membership(charlie, kvk).role == Membership.Role.BEHEERDER
    assert not organisation_audit().exists()


def test_an_existing_and_an_unknown_organisation_look_the_same_to_an_outsider(
    client_for: ClientFor, charlie: User, uwv: Organisation
) -> None:
    client = client_for(charlie)
    existing = client.get(reverse("organisations:detail", kwargs={"slug": "uwv"}))
    unknown = client.get(reverse("organisations:detail", kwargs={"slug": "bestaat-niet"}))
    assert existing.status_code == unknown.status_code == 404
    assert _main(existing) == _main(unknown)


def test_a_member_id_of_another_organisation_is_not_found_for_the_beheerder(
    client_for: ClientFor, alice: User, charlie: User, uwv: Organisation, kvk: Organisation
) -> None:
    url = _urls(uwv, membership(charlie, kvk))["member_remove"]
    assert client_for(alice).post(url).status_code == 404
    assert Membership.objects.filter(user=charlie, organisation=kvk).exists()


def test_anonymous_visitors_are_sent_to_login_from_every_url(alice: User, bob: User, uwv: Organisation) -> None:
    for name, url in [*_urls(uwv, membership(bob, uwv)).items(), ("list", reverse("organisations:list"))]:
        for response in (Client().get(url), Client().post(url, {"role": "lezer"})):
            assert response.status_code == 302 and "/inloggen/" in response["Location"], name
    assert membership(bob, uwv).role == Membership.Role.LID


def test_every_form_needs_its_csrf_token(alice: User, bob: User, site_admin: User, uwv: Organisation) -> None:
    urls = _urls(uwv, membership(bob, uwv))
    for user, url, data in [
        (alice, urls["member_role"], {"role": "lezer"}),
        (alice, urls["member_remove"], {}),
        (site_admin, reverse("organisations:list"), {"name": "Zonder token", "slug": "zonder-token"}),
    ]:
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        response = client.post(url, data)
        assert response.status_code == 403 and "Het formulier is niet verstuurd" in _page(response), url
    assert membership(bob, uwv).role == Membership.Role.LID
    assert not Organisation.objects.filter(slug="zonder-token").exists()


# Changing roles


def test_a_beheerder_gives_bob_another_role(client_for: ClientFor, alice: User, bob: User, uwv: Organisation) -> None:
    url = _urls(uwv, membership(bob, uwv))["member_role"]
    client = client_for(alice)
    form = _page(client.get(url))
    assert "Rol van Bob in UWV" in form and "Bob is nu lid." in form
    response = client.post(url, {"role": "begeleider"}, follow=True)
    assert response.redirect_chain == [(reverse("organisations:detail", kwargs={"slug": "uwv"}), 302)]
    assert "Bob is nu begeleider." in _page(response)
    assert membership(bob, uwv).role == Membership.Role.BEGELEIDER


def test_a_beheerder_who_steps_down_is_warned_first(
    client_for: ClientFor, alice: User, bob: User, uwv: Organisation
) -> None:
    Membership.objects.filter(user=bob).update(role=Membership.Role.BEHEERDER)
    url = _urls(uwv, membership(alice, uwv))["member_role"]
    client = client_for(alice)
    warning = client.post(url, {"role": "lid"})
    assert warning.status_code == 200
    html = _page(warning)
    assert "Wilt u zelf geen beheerder meer zijn?" in html and "Daarna kunt u geen rollen meer wijzigen" in html
    assert 'name="bevestigd"' in html and 'value="lid"' in html
    assert membership(alice, uwv).role == Membership.Role.BEHEERDER  # only asked
    response = client.post(url, {"role": "lid", "bevestigd": "1"}, follow=True)
    assert "Alice is nu lid." in _page(response)
    assert membership(alice, uwv).role == Membership.Role.LID
    assert "U bent lid van UWV." in _page(response)  # the page is read-only for her now


def test_the_last_beheerder_cannot_step_down_and_is_told_why(
    client_for: ClientFor, alice: User, uwv: Organisation
) -> None:
    url = _urls(uwv, membership(alice, uwv))["member_role"]
    response = client_for(alice).post(url, {"role": "lezer", "bevestigd": "1"})
    assert response.status_code == 400
    assert "Alice is de laatste beheerder van UWV. Maak eerst iemand anders beheerder" in _page(response)
    assert membership(alice, uwv).role == Membership.Role.BEHEERDER


def test_an_unknown_role_is_a_form_error(client_for: ClientFor, alice: User, bob: User, uwv: Organisation) -> None:
    response = client_for(alice).post(_urls(uwv, membership(bob, uwv))["member_role"], {"role": "baas"})
    assert response.status_code == 400 and "Er is 1 fout in het formulier" in _page(response)
    assert membership(bob, uwv).role == Membership.Role.LID


# Removing members


def test_removing_bob_asks_first_and_says_what_he_loses(
    client_for: ClientFor, alice: User, bob: User, uwv: Organisation, kvk: Organisation
) -> None:
    InitiativeFactory(owner=uwv)
    InitiativeFactory(owner=kvk, partners=[uwv])
    InitiativeFactory(owner=uwv, is_published=True)  # stays visible to every logged-in user
    url = _urls(uwv, membership(bob, uwv))["member_remove"]
    client = client_for(alice)
    html = _page(client.get(url))
    assert "Weet u zeker dat u Bob (lid) wilt verwijderen uit UWV?" in html
    assert "de 2 niet-gepubliceerde initiatieven van UWV (als eigenaar of partner)" in html
    assert "behalve gesprekken waar Bob zelf aan meedoet of die Bob leidt" in html
    assert "Wat blijft: het account" in html and 'method="post"' in html
    assert membership(bob, uwv)  # GET changes nothing
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(reverse("organisations:detail", kwargs={"slug": "uwv"}), 302)]
    assert "Bob is geen lid meer van UWV." in _page(response)
    assert not Membership.objects.filter(user=bob, organisation=uwv).exists()
    assert AuditEvent.objects.filter(action="membership.removed", actor=alice).count() == 1


def test_the_last_beheerder_is_not_offered_removal_and_a_post_is_refused(
    client_for: ClientFor, alice: User, uwv: Organisation
) -> None:
    url = _urls(uwv, membership(alice, uwv))["member_remove"]
    client = client_for(alice)
    html = _page(client.get(url))
    assert "U bent de laatste beheerder van UWV. Dat kan niet" in html and "Ja, verwijder mij" not in html
    response = client.post(url)
    assert response.status_code == 400 and "Alice is de laatste beheerder van UWV" in _page(response)
    assert membership(alice, uwv).role == Membership.Role.BEHEERDER


def test_a_beheerder_who_removes_themselves_is_warned_and_lands_on_mijn_gesprekken(
    client_for: ClientFor, alice: User, bob: User, uwv: Organisation
) -> None:
    Membership.objects.filter(user=bob).update(role=Membership.Role.BEHEERDER)
    url = _urls(uwv, membership(alice, uwv))["member_remove"]
    client = client_for(alice)
    html = _page(client.get(url))
    assert "U verwijdert uzelf. Weet u het zeker? Daarna kunt u UWV niet meer beheren" in html
    assert "Ja, verwijder mij" in html
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(reverse("web:my_conversations"), 302)]
    assert "U bent geen lid meer van UWV." in _page(response)
    assert client.get(reverse("organisations:detail", kwargs={"slug": "uwv"})).status_code == 404


# The site administrator


def test_the_site_administrator_sees_every_organisation_with_its_beheerders(
    client_for: ClientFor, site_admin: User, alice: User, bob: User, charlie: User, kvk: Organisation
) -> None:
    html = _page(client_for(site_admin).get(reverse("organisations:list")))
    assert 'href="/organisaties/uwv/">UWV</a>' in html and 'href="/organisaties/kvk/">KVK</a>' in html
    assert "geen: nodig een beheerder uit" in html  # KVK has none
    assert "Nieuwe organisatie" in html


def test_the_site_administrator_creates_an_organisation_and_lands_on_its_page(
    client_for: ClientFor, site_admin: User
) -> None:
    response = client_for(site_admin).post(
        reverse("organisations:list"), {"name": "Gemeente Utrecht", "slug": "gemeente-utrecht"}, follow=True
    )
    assert response.redirect_chain == [("/organisaties/gemeente-utrecht/", 302)]
    html = _page(response)
    assert "De organisatie Gemeente Utrecht is aangemaakt. Nodig nu de eerste beheerder uit." in html
    assert "U beheert Gemeente Utrecht als beheerder van denkraam." in html
    assert Organisation.objects.get(slug="gemeente-utrecht").name == "Gemeente Utrecht"


def test_a_taken_short_name_is_shown_as_a_dutch_form_error(
    client_for: ClientFor, site_admin: User, uwv: Organisation
) -> None:
    response = client_for(site_admin).post(reverse("organisations:list"), {"name": "Ander UWV", "slug": "uwv"})
    assert response.status_code == 400
    html = _page(response)
    assert "Korte naam: Er bestaat al een organisatie met de korte naam &#x27;uwv&#x27;. Kies een andere." in html
    assert Organisation.objects.count() == 1


def test_others_do_not_get_the_list_of_all_organisations_nor_create_one(
    client_for: ClientFor, alice: User, charlie: User
) -> None:
    for user in (alice, charlie):
        client = client_for(user)
        response = client.get(reverse("organisations:list"))
        assert response.status_code == 302 and response["Location"] == reverse("accounts:my_organisations")
        assert client.post(reverse("organisations:list"), {"name": "Eigen", "slug": "eigen"}).status_code == 403
    assert not Organisation.objects.filter(slug="eigen").exists()


# Ways in


def test_beheerders_find_their_organisation_in_the_header_and_in_mijn_organisaties(
    client_for: ClientFor, alice: User, bob: User, site_admin: User
) -> None:
    alices = _page(client_for(alice).get(reverse("accounts:my_organisations")))
    assert 'href="/organisaties/uwv/">Organisatiebeheer</a>' in alices
    assert 'href="/organisaties/uwv/">UWV</a>' in alices and "u kunt de leden beheren" in alices
    bobs = _page(client_for(bob).get(reverse("accounts:my_organisations")))
    assert "Organisatiebeheer" not in bobs and 'href="/organisaties/uwv/">UWV</a>' in bobs
    sams = _page(client_for(site_admin).get(reverse("accounts:my_organisations")))
    assert 'href="/organisaties/">Organisatiebeheer</a>' in sams


def test_a_beheerder_of_two_organisations_is_led_to_mijn_organisaties(
    client_for: ClientFor, alice: User, kvk: Organisation
) -> None:
    MembershipFactory(user=alice, organisation=kvk, role=Membership.Role.BEHEERDER)
    html = _page(client_for(alice).get(reverse("web:my_conversations")))
    assert 'href="/mijn-organisaties/">Organisatiebeheer</a>' in html
