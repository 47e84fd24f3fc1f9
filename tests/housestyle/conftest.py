"""House-style fixtures: alice manages UWV, bob is a UWV member, charlie (KVK) is the outsider."""

from __future__ import annotations

import pytest

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.analysis.text.house_style import HouseStyleEntry
from denkraam.housestyle.models import HouseStyleVersion
from denkraam.housestyle.services import house_style_save

UWV_ENTRIES = [
    HouseStyleEntry("vermijden", "beschikking", "besluit"),
    HouseStyleEntry("toegestaan", "WW-uitkering", ""),
    HouseStyleEntry("afkorting", "WIA", "Wet werk en inkomen naar arbeidsvermogen"),
]


@pytest.fixture
def alice(alice: User, uwv: Organisation) -> User:
    """Alice is UWV's beheerder in these tests."""
    Membership.objects.filter(user=alice, organisation=uwv).update(role=Membership.Role.BEHEERDER)
    return alice


@pytest.fixture
def uwv_list(alice: User, uwv: Organisation) -> HouseStyleVersion:
    """UWV's list, version 1, saved by alice."""
    return house_style_save(actor=alice, organisation=uwv, entries=UWV_ENTRIES, note="Eerste lijst")
