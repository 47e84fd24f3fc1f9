"""Assessment fixtures on top of alice (UWV begeleider), bob (UWV lid) and charlie (KVK lid, outsider)."""

from __future__ import annotations

import pytest

from denkraam.accounts.models import Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Assessment
from denkraam.initiatives.models import Initiative
from tests.factories import InitiativeFactory


@pytest.fixture
def initiative(uwv: Organisation) -> Initiative:
    return InitiativeFactory(name="Brief herbeoordeling WW", owner=uwv)


@pytest.fixture
def assessment(initiative: Initiative, alice: User, bob: User) -> Assessment:
    """An open assessment led by alice, with alice and bob as participants."""
    assessment = services.assessment_create(initiative=initiative, actor=alice, title="Gesprek over de brief")
    services.participant_invite(assessment=assessment, actor=alice, identifier="bob")
    return services.assessment_open(assessment=assessment, actor=alice)
