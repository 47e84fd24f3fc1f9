"""Seed a fresh database for benchmarks/web.py (run in its own process; prints one JSON line for the caller).

It uses the apps' services, as the web app does, and logs every benchmark user in by creating a real session,
so the load test needs no password hashing (that would measure PBKDF2, not denkraam).
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "denkraam.conf.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from denkraam.accounts.models import Membership, User  # noqa: E402
from denkraam.accounts.services import membership_set, organisation_create  # noqa: E402
from denkraam.assessments import services as assessment_services  # noqa: E402
from denkraam.initiatives.models import Initiative  # noqa: E402
from denkraam.initiatives.selectors import initiative_list_for_user  # noqa: E402
from denkraam.initiatives.services import initiative_create  # noqa: E402


def _user(username: str) -> User:
    user = User.objects.create(username=username, email=f"{username}@example.org", first_name=username.title())
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


def _session_cookie(user: User) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def seed(*, participants: int, initiatives: int, organisations: int) -> dict[str, object]:
    """Organisations, a facilitator, `participants` people in one open assessment, `initiatives` initiatives."""
    orgs = [organisation_create(name=f"Dienst {i}", slug=f"dienst-{i}") for i in range(organisations)]
    facilitator = _user("gespreksleider")
    membership_set(user=facilitator, organisation=orgs[0], role=Membership.Role.BEGELEIDER)
    # One creator per organisation: initiative_create checks that the creator is a member of the owner.
    creators = []
    for i, org in enumerate(orgs):
        creator = facilitator if i == 0 else _user(f"maker{i}")
        if i:
            membership_set(user=creator, organisation=org, role=Membership.Role.LID)
        creators.append(creator)
    channels = ["website", "brief", "telefoon", "balie", "email"]
    first = None
    for n in range(initiatives):
        k = n % organisations
        initiative = initiative_create(
            user=creators[k],
            owner=orgs[k],
            name=f"Initiatief {n:04d}: {channels[n % len(channels)]} over toeslagen",
            description="Een brief en een webpagina over de aanvraag van een toeslag. " * 3,
            partners=[orgs[(k + 1) % organisations]] if n % 3 == 0 else [],
            target_groups=["burgers"] if n % 2 else ["burgers", "ondernemers"],
            channels=[channels[n % len(channels)], channels[(n + 2) % len(channels)]],
            status=Initiative.Status.IN_GEBRUIK,
            is_published=n % 2 == 0,
        )
        first = first or initiative
    assessment = assessment_services.assessment_create(
        initiative=first, actor=facilitator, title="Gesprek met vijftig deelnemers", facilitator_participates=False
    )
    people = []
    for i in range(participants):
        person = _user(f"deelnemer{i:02d}")
        # Half from the owner, half from another organisation: a realistic mixed session.
        membership_set(user=person, organisation=orgs[i % 2], role=Membership.Role.LID)
        assessment_services.participant_invite(assessment=assessment, actor=facilitator, identifier=person.username)
        people.append(person)
    assessment_services.assessment_open(assessment=assessment, actor=facilitator)
    return {
        "assessment_id": str(assessment.pk),
        "facilitator_cookie": _session_cookie(facilitator),
        "participant_cookies": [_session_cookie(p) for p in people],
        "initiatives_total": Initiative.objects.count(),
        "initiatives_visible": initiative_list_for_user(user=facilitator).count(),
        "session_cookie_name": settings.SESSION_COOKIE_NAME,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
    }


if __name__ == "__main__":
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    result = seed(participants=int(sys.argv[1]), initiatives=int(sys.argv[2]), organisations=10)
    print(json.dumps(result))
