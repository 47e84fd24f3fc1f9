"""Writes for house styles: save a new version of an organisation's list, restore an old one.

A version is never changed afterwards. Every write checks that the actor manages the organisation, refuses a list
that cannot be used with the parser's Dutch message, and leaves an audit line.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from denkraam.accounts.models import Organisation, User
from denkraam.accounts.services import audit_record
from denkraam.analysis.text.extract import InputError
from denkraam.analysis.text.house_style import (
    HouseStyleEntry,
    parse_house_style_entries,
    serialise_house_style_entries,
)
from denkraam.housestyle.models import HouseStyleVersion
from denkraam.organisations.services import organisation_require_manager

UNCHANGED = "De lijst is niet veranderd: er is geen nieuwe versie bewaard."
HOW_LABELS = {"formulier": "in het formulier", "bestand": "met een bestand", "teruggezet": "door terug te zetten"}


def house_style_check(*, content: str) -> list[HouseStyleEntry]:
    """The entries of a list in the file format; ValidationError with the parser's Dutch message (naming the
    line) when it cannot be used."""
    try:
        return parse_house_style_entries(content)
    except InputError as exc:
        raise ValidationError(str(exc)) from exc


@transaction.atomic
def house_style_save(
    *,
    actor: User,
    organisation: Organisation,
    entries: list[HouseStyleEntry],
    note: str = "",
    how: str = "formulier",
    restored_from: int | None = None,
) -> HouseStyleVersion:
    """Store `entries` as the organisation's new current list (the next version number) and log it.

    Refused for who does not manage the organisation, for a list that does not read back (checked again here, so
    no caller can store a broken list), and for a list equal to the current one.
    """
    organisation_require_manager(actor=actor, organisation=organisation)
    content = serialise_house_style_entries(entries)
    entries = house_style_check(content=content)
    # Lock the organisation row, so two beheerders who save at the same moment get versions n+1 and n+2.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    current = HouseStyleVersion.objects.filter(organisation=organisation).order_by("-number").first()
    if current is not None and current.content == content:
        raise ValidationError(UNCHANGED)
    number = (HouseStyleVersion.objects.filter(organisation=organisation).aggregate(m=Max("number"))["m"] or 0) + 1
    version = HouseStyleVersion.objects.create(
        organisation=organisation,
        number=number,
        content=content,
        entry_count=len(entries),
        note=note.strip()[:200],
        created_by=actor,
    )
    who = actor.get_full_name() or actor.get_username()
    summary = (
        f"{who} bewaarde versie {number} van de huisstijl van {organisation.name} "
        f"({len(entries)} termen, {HOW_LABELS.get(how, how)}"
        + (f", inhoud van versie {restored_from}" if restored_from else "")
        + ")."
    )
    audit_record(
        actor=actor,
        action="housestyle.saved",
        obj=version,
        summary=summary,
        organisation=organisation,
        data={
            "version": number,
            "entries": len(entries),
            "how": how,
            "restored_from": restored_from,
            "previous": current.number if current else None,
        },
    )
    return version


def house_style_restore(*, actor: User, version: HouseStyleVersion) -> HouseStyleVersion:
    """Make an old version current again: a new version with its content (the old one stays as it was)."""
    entries = house_style_check(content=version.content)
    return house_style_save(
        actor=actor,
        organisation=version.organisation,
        entries=entries,
        note=f"Teruggezet naar versie {version.number}",
        how="teruggezet",
        restored_from=version.number,
    )
