from __future__ import annotations

import pytest
from django.http import Http404

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.initiatives.selectors import (
    initiative_can_edit,
    initiative_get_for_user,
    initiative_list_for_user,
    initiative_role_for_user,
    initiative_rows,
)
from tests.factories import InitiativeFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_charlie_does_not_see_alices_private_initiative(alice: User, charlie: User, uwv: Organisation) -> None:
    private = InitiativeFactory(owner=uwv, name="Brief WW-aanvraag")
    assert private in initiative_list_for_user(user=alice)
    assert private not in initiative_list_for_user(user=charlie)
    with pytest.raises(Http404):
        initiative_get_for_user(user=charlie, initiative_id=private.pk)


def test_partner_members_see_and_edit_the_initiative(charlie: User, uwv: Organisation, kvk: Organisation) -> None:
    shared = InitiativeFactory(owner=uwv, partners=[kvk])
    assert list(initiative_list_for_user(user=charlie)) == [shared]
    assert initiative_role_for_user(user=charlie, initiative=shared) == "lid"
    assert initiative_can_edit(user=charlie, initiative=shared)


def test_published_initiative_is_visible_but_gives_outsiders_no_role(charlie: User, uwv: Organisation) -> None:
    published = InitiativeFactory(owner=uwv, is_published=True)
    assert initiative_get_for_user(user=charlie, initiative_id=published.pk) == published
    assert initiative_role_for_user(user=charlie, initiative=published) is None
    assert not initiative_can_edit(user=charlie, initiative=published)


def test_a_reader_cannot_edit(uwv: Organisation) -> None:
    reader = UserFactory(username="lezer")
    MembershipFactory(user=reader, organisation=uwv, role=Membership.Role.LEZER)
    initiative = InitiativeFactory(owner=uwv)
    assert initiative_get_for_user(user=reader, initiative_id=str(initiative.pk)) == initiative
    assert not initiative_can_edit(user=reader, initiative=initiative)


def test_the_highest_role_across_organisations_counts(alice: User, uwv: Organisation, kvk: Organisation) -> None:
    MembershipFactory(user=alice, organisation=kvk, role=Membership.Role.BEHEERDER)
    initiative = InitiativeFactory(owner=uwv, partners=[kvk])
    assert initiative_role_for_user(user=alice, initiative=initiative) == "beheerder"


def test_filters_narrow_the_list(alice: User, uwv: Organisation, kvk: Organisation) -> None:
    letter = InitiativeFactory(owner=uwv, channels=["brief"], target_groups=["burgers"], status="idee")
    app = InitiativeFactory(owner=uwv, channels=["app"], target_groups=["ondernemers"], partners=[kvk])
    assert list(initiative_list_for_user(user=alice, filters={"channel": "brief"})) == [letter]
    assert list(initiative_list_for_user(user=alice, filters={"target_group": "ondernemers"})) == [app]
    assert list(initiative_list_for_user(user=alice, filters={"status": "idee"})) == [letter]
    assert list(initiative_list_for_user(user=alice, filters={"organisation": kvk.pk})) == [app]


def test_an_invalid_id_is_a_404(alice: User) -> None:
    with pytest.raises(Http404):
        initiative_get_for_user(user=alice, initiative_id="geen-uuid")


def test_list_rows_show_the_owner_then_partners_and_dutch_labels(
    alice: User, uwv: Organisation, kvk: Organisation
) -> None:
    belastingdienst = Organisation.objects.create(name="Belastingdienst", slug="belastingdienst")
    initiative = InitiativeFactory(
        owner=uwv,
        partners=[kvk, belastingdienst],
        channels=["telefoon", "website"],
        target_groups=["ondernemers", "burgers"],
        target_group_other="mantelzorgers",
        status="in-ontwikkeling",
    )
    [row] = initiative_rows(initiatives=initiative_list_for_user(user=alice))
    assert row.organisations == "UWV, Belastingdienst, KVK"
    assert row.channels == "Website, Telefoon"
    assert row.target_groups == "Burgers, Ondernemers, mantelzorgers"
    assert row.status == "In ontwikkeling"
    assert row.url == f"/initiatieven/{initiative.pk}/"
    assert row.organisations == ", ".join([initiative.owner.name, *(p.name for p in initiative.partners.all())])
    assert row.channels == ", ".join(initiative.channel_labels())
