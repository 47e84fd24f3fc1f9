"""factory_boy factories for users, organisations, memberships and initiatives (shared by all app tests)."""

from __future__ import annotations

import factory

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.initiatives.models import Initiative

TEST_PASSWORD = "geheim-wachtwoord-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(TEST_PASSWORD)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.LID


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Initiatief {n}")
    description = "Een brief over de aanvraag van een uitkering."
    owner = factory.SubFactory(OrganisationFactory)
    target_groups = factory.LazyFunction(lambda: ["burgers"])
    channels = factory.LazyFunction(lambda: ["brief", "website"])
    status = Initiative.Status.IN_GEBRUIK
    is_published = False

    @factory.post_generation
    def partners(self, create: bool, extracted: list[Organisation] | None, **kwargs: object) -> None:
        if create and extracted:
            self.partners.set(extracted)
