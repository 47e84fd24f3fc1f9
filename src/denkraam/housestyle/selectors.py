"""Reads for house styles: an organisation's current list and its versions, and the lists a user may check with.

Who may see an organisation's list is decided by `organisations.selectors.organisation_get_for_user`: its members
(every role) and site administrators; anyone else gets a 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.db.models import QuerySet
from django.http import Http404

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.analysis.text.extract import InputError
from denkraam.analysis.text.house_style import (
    HouseStyle,
    HouseStyleEntry,
    house_style_from_entries,
    parse_house_style_entries,
)
from denkraam.housestyle.models import HouseStyleVersion

VERSION_NOT_FOUND = "Deze versie van de huisstijl bestaat niet."


def house_style_version_current(*, organisation: Organisation) -> HouseStyleVersion | None:
    """The organisation's current list (its newest version), or None when it has none."""
    return (
        HouseStyleVersion.objects.select_related("organisation", "created_by")
        .filter(organisation=organisation)
        .order_by("-number")
        .first()
    )


def house_style_version_list(*, organisation: Organisation) -> QuerySet[HouseStyleVersion]:
    """Every version of the organisation's list, newest first, with who saved it."""
    return (
        HouseStyleVersion.objects.filter(organisation=organisation)
        .select_related("created_by")
        .defer("content")
        .order_by("-number")
    )


def house_style_version_get(*, organisation: Organisation, number: int) -> HouseStyleVersion:
    """One version of this organisation's list; Http404 when it has no version with that number."""
    version = (
        HouseStyleVersion.objects.select_related("organisation", "created_by")
        .filter(organisation=organisation, number=number)
        .first()
    )
    if version is None:
        raise Http404(VERSION_NOT_FOUND)
    return version


def house_style_entries(*, version: HouseStyleVersion) -> list[HouseStyleEntry]:
    """The entries of a stored version (stored versions were checked when saved; a broken one reads as empty)."""
    try:
        return parse_house_style_entries(version.content)
    except InputError:
        return []


def house_style_of(*, version: HouseStyleVersion) -> HouseStyle:
    """The `HouseStyle` the text check takes, labelled "Huisstijl <organisation>, versie <n>"."""
    return _parsed(version.label, version.content)


@lru_cache(maxsize=32)
def _parsed(label: str, content: str) -> HouseStyle:
    # Versions never change, and the Tekstcheck asks for the same list at every pause in typing.
    try:
        entries = parse_house_style_entries(content)
    except InputError:
        entries = []
    return house_style_from_entries(entries, label)


def house_style_for_organisation(*, organisation: Organisation) -> HouseStyle | None:
    """The organisation's current list for the text check, or None when it has none."""
    version = house_style_version_current(organisation=organisation)
    return house_style_of(version=version) if version is not None else None


@dataclass(frozen=True, slots=True)
class HouseStyleOption:
    """A list a user can check a text with: the organisation's slug, and the label of its current version."""

    slug: str
    label: str


def house_style_options_for_user(*, user: User) -> list[HouseStyleOption]:
    """The current lists of the organisations the user is a member of, by organisation name (one query)."""
    if not user.is_authenticated:
        return []
    organisation_ids = Membership.objects.filter(user=user).values("organisation_id")
    versions = (
        HouseStyleVersion.objects.filter(organisation_id__in=organisation_ids)
        .select_related("organisation")
        .defer("content")
        .order_by("organisation__name", "organisation_id", "-number")
    )
    options: dict[object, HouseStyleOption] = {}
    for version in versions:
        options.setdefault(version.organisation_id, HouseStyleOption(version.organisation.slug, version.label))
    return list(options.values())


def house_style_for_user(*, user: User, slug: str) -> HouseStyle | None:
    """The current list of organisation `slug`, when the user is one of its members; otherwise None."""
    if not slug or not user.is_authenticated:
        return None
    organisation = Organisation.objects.filter(slug=slug, memberships__user=user).first()
    return house_style_for_organisation(organisation=organisation) if organisation is not None else None
