"""Organisation administration services: who may change roles and remove members, the last-beheerder rule, creating
an organisation, and the audit lines every change leaves."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User
from denkraam.organisations import services
from tests.factories import MembershipFactory, UserFactory
from tests.organisations.conftest import membership, organisation_audit

pytestmark = pytest.mark.django_db


def test_a_beheerder_changes_a_member_s_role_and_it_is_logged(alice: User, bob: User, uwv: Organisation) -> None:
    services.membership_role_set(actor=alice, membership=membership(bob, uwv), role=Membership.Role.BEGELEIDER)
    assert membership(bob, uwv).role == Membership.Role.BEGELEIDER
    event = AuditEvent.objects.get(action="membership.role_set")
    assert event.actor == alice and event.organisation == uwv
    assert event.summary == "Alice gaf Bob in UWV de rol begeleider (was lid, hoger)."
    assert event.data["old"] == "lid" and event.data["new"] == "begeleider"


def test_setting_the_same_role_again_changes_nothing_and_logs_nothing(
    alice: User, bob: User, uwv: Organisation
) -> None:
    services.membership_role_set(actor=alice, membership=membership(bob, uwv), role=Membership.Role.LID)
    assert not AuditEvent.objects.filter(action="membership.role_set").exists()


def test_an_unknown_role_is_refused_in_dutch(alice: User, bob: User, uwv: Organisation) -> None:
    with pytest.raises(ValidationError, match="Kies een van de rollen"):
        services.membership_role_set(actor=alice, membership=membership(bob, uwv), role="baas")
    assert membership(bob, uwv).role == Membership.Role.LID


@pytest.mark.parametrize("role", [Membership.Role.LEZER, Membership.Role.LID, Membership.Role.BEGELEIDER])
def test_members_below_beheerder_cannot_change_roles(role: str, alice: User, bob: User, uwv: Organisation) -> None:
    Membership.objects.filter(user=bob).update(role=role)
    with pytest.raises(PermissionDenied):
        services.membership_role_set(actor=bob, membership=membership(alice, uwv), role=Membership.Role.LEZER)
    with pytest.raises(PermissionDenied):
        services.membership_remove(actor=bob, membership=membership(alice, uwv))
    assert membership(alice, uwv).role == Membership.Role.BEHEERDER
    assert not organisation_audit().exists()


def test_a_beheerder_of_another_organisation_cannot_touch_uwv(
    alice: User, bob: User, charlie: User, kvk: Organisation, uwv: Organisation
) -> None:
    Membership.objects.filter(user=charlie, organisation=kvk).update(role=Membership.Role.BEHEERDER)
    with pytest.raises(PermissionDenied):
        services.membership_role_set(actor=charlie, membership=membership(bob, uwv), role=Membership.Role.BEHEERDER)
    with pytest.raises(PermissionDenied):
        services.membership_remove(actor=charlie, membership=membership(bob, uwv))
    assert membership(bob, uwv).role == Membership.Role.LID


def test_the_last_beheerder_cannot_be_demoted_not_even_by_themselves(alice: User, uwv: Organisation) -> None:
    with pytest.raises(ValidationError, match="Alice is de laatste beheerder van UWV"):
        services.membership_role_set(actor=alice, membership=membership(alice, uwv), role=Membership.Role.LID)
    assert membership(alice, uwv).role == Membership.Role.BEHEERDER


def test_the_last_beheerder_cannot_be_removed_not_even_by_a_site_administrator(
    alice: User, site_admin: User, uwv: Organisation
) -> None:
    with pytest.raises(ValidationError, match="Maak eerst iemand anders beheerder"):
        services.membership_remove(actor=site_admin, membership=membership(alice, uwv))
    with pytest.raises(ValidationError, match="laatste beheerder"):
        services.membership_remove(actor=alice, membership=membership(alice, uwv))
    assert membership(alice, uwv).role == Membership.Role.BEHEERDER
    assert not organisation_audit().exists()


def test_with_a_second_beheerder_a_beheerder_may_step_down(alice: User, bob: User, uwv: Organisation) -> None:
    services.membership_role_set(actor=alice, membership=membership(bob, uwv), role=Membership.Role.BEHEERDER)
    services.membership_role_set(actor=alice, membership=membership(alice, uwv), role=Membership.Role.BEGELEIDER)
    assert membership(alice, uwv).role == Membership.Role.BEGELEIDER
    # Bob is now the last one, and alice no longer manages anything.
    with pytest.raises(PermissionDenied):
        services.membership_role_set(actor=alice, membership=membership(alice, uwv), role=Membership.Role.BEHEERDER)
    with pytest.raises(ValidationError, match="Bob is de laatste beheerder"):
        services.membership_remove(actor=bob, membership=membership(bob, uwv))


def test_demoting_both_beheerders_from_pages_loaded_earlier_leaves_one(
    alice: User, bob: User, site_admin: User, uwv: Organisation
) -> None:
    services.membership_role_set(actor=alice, membership=membership(bob, uwv), role=Membership.Role.BEHEERDER)
    # Both pages were loaded while there were two beheerders; the second change counts what is stored now.
    alices, bobs = membership(alice, uwv), membership(bob, uwv)
    services.membership_role_set(actor=site_admin, membership=bobs, role=Membership.Role.LID)
    with pytest.raises(ValidationError, match="Alice is de laatste beheerder"):
        services.membership_role_set(actor=site_admin, membership=alices, role=Membership.Role.LID)
    assert list(Membership.objects.filter(organisation=uwv, role=Membership.Role.BEHEERDER)) == [membership(alice, uwv)]


def test_a_beheerder_removes_a_member_who_keeps_the_account_and_other_organisations(
    alice: User, bob: User, uwv: Organisation, kvk: Organisation
) -> None:
    MembershipFactory(user=bob, organisation=kvk, role=Membership.Role.LEZER)
    services.membership_remove(actor=alice, membership=membership(bob, uwv))
    assert not Membership.objects.filter(user=bob, organisation=uwv).exists()
    assert User.objects.filter(pk=bob.pk).exists()
    assert membership(bob, kvk).role == Membership.Role.LEZER
    event = AuditEvent.objects.get(action="membership.removed")
    assert event.summary == "Alice verwijderde Bob (lid) uit UWV."
    assert event.organisation == uwv and event.data["username"] == "bob"


def test_removing_someone_already_removed_says_so(alice: User, bob: User, uwv: Organisation) -> None:
    stale = membership(bob, uwv)
    services.membership_remove(actor=alice, membership=membership(bob, uwv))
    with pytest.raises(ValidationError, match="Bob is al geen lid meer van UWV"):
        services.membership_remove(actor=alice, membership=stale)
    assert AuditEvent.objects.filter(action="membership.removed").count() == 1


def test_a_site_administrator_manages_any_organisation_without_being_a_member(
    site_admin: User, alice: User, bob: User, uwv: Organisation
) -> None:
    services.membership_role_set(actor=site_admin, membership=membership(bob, uwv), role=Membership.Role.LEZER)
    assert membership(bob, uwv).role == Membership.Role.LEZER
    assert AuditEvent.objects.get(action="membership.role_set").actor == site_admin


def test_a_site_administrator_creates_an_organisation_and_it_is_logged(site_admin: User) -> None:
    organisation = services.organisation_create(actor=site_admin, name="  Gemeente Utrecht ", slug=" Gemeente-Utrecht")
    assert (organisation.name, organisation.slug) == ("Gemeente Utrecht", "gemeente-utrecht")
    event = AuditEvent.objects.get(action="organisation.created")
    assert event.actor == site_admin and event.organisation == organisation
    assert event.summary == "Sam maakte de organisatie Gemeente Utrecht (gemeente-utrecht) aan."


def test_a_short_name_in_use_is_refused_in_dutch_whatever_its_case(site_admin: User, uwv: Organisation) -> None:
    with pytest.raises(ValidationError) as refused:
        services.organisation_create(actor=site_admin, name="Nog een UWV", slug="UWV")
    assert refused.value.message_dict == {
        "slug": ["Er bestaat al een organisatie met de korte naam 'uwv'. Kies een andere."]
    }
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize("slug", ["gemeente utrecht", "uwv/kvk", "", "ç"])
def test_a_short_name_that_cannot_be_an_address_is_refused(site_admin: User, slug: str) -> None:
    with pytest.raises(ValidationError) as refused:
        services.organisation_create(actor=site_admin, name="Gemeente", slug=slug)
    assert "kleine letters, cijfers en streepjes" in refused.value.message_dict["slug"][0]
    assert not Organisation.objects.exists()


def test_an_empty_name_is_refused(site_admin: User) -> None:
    with pytest.raises(ValidationError) as refused:
        services.organisation_create(actor=site_admin, name="   ", slug="leeg")
    assert refused.value.message_dict == {"name": ["Vul de naam van de organisatie in."]}


def test_only_a_site_administrator_creates_organisations(alice: User) -> None:
    beheerder_elsewhere = UserFactory(username="dirk", is_staff=True)  # staff is not enough
    for actor in (alice, beheerder_elsewhere):
        with pytest.raises(PermissionDenied):
            services.organisation_create(actor=actor, name="Eigen club", slug="eigen-club")
    assert not Organisation.objects.filter(slug="eigen-club").exists()
    assert not organisation_audit().exists()
