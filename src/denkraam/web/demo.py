"""The demo data set: three organisations, five initiatives, a finished and a running conversation.

Idempotent: everything is looked up by a natural key (slug, user name, initiative name, conversation title) and
only created when missing, so running `denkraam demo` twice gives the same counts. Writes go through the services,
so the demo also fills the audit log the way real use would.

An account that already exists under a demo user name is never changed: not its password, rights, e-mail or name,
and not a role it already has. The demo only gives it a membership it lacks in a demo organisation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.hashers import check_password
from django.db import transaction
from django.utils import timezone

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.accounts.services import membership_set, organisation_create
from denkraam.analysis.text.house_style import HouseStyleEntry
from denkraam.assessments import services as assessment_services
from denkraam.assessments.models import Action, Assessment
from denkraam.evidence.demo import demo_evidence_load
from denkraam.feedback.demo import demo_feedback_load
from denkraam.housestyle.models import HouseStyleVersion
from denkraam.housestyle.selectors import house_style_version_current
from denkraam.housestyle.services import house_style_save
from denkraam.initiatives.models import Initiative
from denkraam.initiatives.services import initiative_create
from denkraam.web import demo_data as data

CODES = {"g": "goed", "v": "voldoende", "o": "onvoldoende", "s": "slecht", "n": "nvt"}


def _organisations() -> dict[str, Organisation]:
    orgs = {}
    for slug, name in data.ORGANISATIONS:
        orgs[slug] = Organisation.objects.filter(slug=slug).first() or organisation_create(name=name, slug=slug)
    return orgs


@dataclass
class _DemoUsers:
    by_name: dict[str, User] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # existed already, left exactly as they were


def _user(
    users: _DemoUsers, username: str, *, first_name: str = "", last_name: str = "", superuser: bool = False
) -> User:
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        # Someone's own account (or one from an earlier demo): resetting its password to the public demo password
        # would hand it, perhaps a superuser, to anyone who has read the README.
        users.skipped.append(username)
        users.by_name[username] = existing
        return existing
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=f"{username}@demo.denkraam.invalid",
        is_staff=superuser,
        is_superuser=superuser,
    )
    # Set directly: the demo password is deliberately simple and would not pass the password rules.
    user.set_password(data.PASSWORD)
    user.save()
    users.by_name[username] = user
    return user


def _users(orgs: dict[str, Organisation], *, superuser: bool) -> _DemoUsers:
    users = _DemoUsers()
    for username, first, last, org_slug, role in data.USERS:
        user = _user(users, username, first_name=first, last_name=last)
        if not Membership.objects.filter(user=user, organisation=orgs[org_slug]).exists():
            membership_set(user=user, organisation=orgs[org_slug], role=role)
    if superuser or User.objects.filter(username="beheer").exists():
        _user(users, "beheer", first_name="Beheerder", superuser=True)
    return users


def _initiatives(orgs: dict[str, Organisation], users: dict[str, User]) -> dict[str, Initiative]:
    result = {}
    for spec in data.INITIATIVES:
        name = spec["name"]
        owner = orgs[spec["owner"]]
        existing = Initiative.objects.filter(name=name, owner=owner).first()
        result[name] = existing or initiative_create(
            user=users[spec["by"]],
            owner=owner,
            name=name,
            description=spec["description"],
            partners=[orgs[slug] for slug in spec["partners"]],
            target_groups=spec["target_groups"],
            channels=spec["channels"],
            life_event=spec["life_event"],
            status=spec["status"],
            is_published=spec["is_published"],
        )
    return result


def _backdate(assessment: Assessment, *, days_ago: dict[str, int]) -> None:
    """Move the conversation into the past, so the demo reads like real use (answers after opening, etc.)."""
    now = timezone.now()
    stamps = {field: now - dt.timedelta(days=days) for field, days in days_ago.items()}
    Assessment.objects.filter(pk=assessment.pk).update(**stamps)
    assessment.answers.update(updated_at=stamps.get("revealed_at", now) - dt.timedelta(days=2))
    assessment.consensus.update(updated_at=stamps.get("closed_at", now) - dt.timedelta(days=1))
    assessment.actions.update(created_at=stamps.get("closed_at", now) - dt.timedelta(days=1))


def _closed_assessment(initiative: Initiative, users: dict[str, User]) -> Assessment:
    existing = Assessment.objects.filter(initiative=initiative, title=data.CLOSED_TITLE).first()
    if existing is not None:
        return existing
    anna = users["anna"]
    assessment = assessment_services.assessment_create(initiative=initiative, actor=anna, title=data.CLOSED_TITLE)
    for username in data.CLOSED_PARTICIPANTS[1:]:
        assessment_services.participant_invite(assessment=assessment, actor=anna, identifier=username)
    assessment_services.assessment_open(assessment=assessment, actor=anna)
    for question_id, codes in data.CLOSED_RATINGS.items():
        for username, code in zip(data.CLOSED_PARTICIPANTS, codes, strict=True):
            note = data.CLOSED_NOTES.get((question_id, username), "")
            rating = CODES[code]
            assessment_services.answer_save(
                assessment=assessment,
                user=users[username],
                question_id=question_id,
                rating=rating,
                reason=(note or "Past niet bij deze brief.") if rating == "nvt" else "",
                note="" if rating == "nvt" else note,
            )
    assessment_services.assessment_reveal(assessment=assessment, actor=anna)
    for question_id, (rating, rationale) in data.CLOSED_CONSENSUS.items():
        assessment_services.consensus_save(
            assessment=assessment, actor=anna, question_id=question_id, rating=rating, rationale=rationale
        )
    today = timezone.localdate()
    for title, question_ids, owner, owner_name, days, status in data.CLOSED_ACTIONS:
        due = today + dt.timedelta(days=days)
        action = assessment_services.action_create(
            assessment=assessment,
            actor=anna,
            title=title,
            question_ids=question_ids,
            owner=users[owner] if owner else None,
            owner_name=owner_name,
            due_date=max(due, today),
        )
        if due < today:
            # The demo's past: agreed months ago with a date that has passed since (a new action may not have one).
            Action.objects.filter(pk=action.pk).update(due_date=due)
        assessment_services.action_status_set(action=action, actor=anna, status=status)
    assessment_services.assessment_close(assessment=assessment, actor=anna)
    _backdate(assessment, days_ago={"created_at": 240, "opened_at": 238, "revealed_at": 224, "closed_at": 210})
    return assessment


def _open_assessment(initiative: Initiative, users: dict[str, User]) -> Assessment:
    existing = Assessment.objects.filter(initiative=initiative, title=data.OPEN_TITLE).first()
    if existing is not None:
        return existing
    facilitator = users[data.OPEN_FACILITATOR]
    assessment = assessment_services.assessment_create(initiative=initiative, actor=facilitator, title=data.OPEN_TITLE)
    for username in data.OPEN_PARTICIPANTS:
        if username != data.OPEN_FACILITATOR:
            assessment_services.participant_invite(assessment=assessment, actor=facilitator, identifier=username)
    assessment_services.assessment_open(assessment=assessment, actor=facilitator)
    for username, answers in data.OPEN_ANSWERS.items():
        for question_id, (rating, note) in answers.items():
            assessment_services.answer_save(
                assessment=assessment,
                user=users[username],
                question_id=question_id,
                rating=rating,
                reason=note if rating == "nvt" else "",
                note="" if rating == "nvt" else note,
            )
    _backdate(assessment, days_ago={"created_at": 4, "opened_at": 3})
    return assessment


@transaction.atomic
def demo_load(*, superuser: bool = True) -> list[str]:
    """Load the demo (idempotent) and return the lines to print for the user.

    Only missing demo users are created; an existing account with a demo name keeps its password, rights, e-mail,
    name and roles (the lines say which were skipped). `superuser=False` creates no `beheer` superuser with the
    public demo password (for a production database).
    """
    orgs = _organisations()
    demo_users = _users(orgs, superuser=superuser)
    users = demo_users.by_name
    initiatives = _initiatives(orgs, users)
    closed = _closed_assessment(initiatives["Brief herbeoordeling WW-uitkering"], users)
    running = _open_assessment(initiatives["Loket Werk en Inkomen"], users)
    house_styles = _house_styles(orgs)  # before the evidence, so its analysis uses UWV's list
    evidence = demo_evidence_load(initiative=initiatives["Brief herbeoordeling WW-uitkering"], actor=users["anna"])
    feedback = demo_feedback_load(initiative=initiatives["Brief herbeoordeling WW-uitkering"], actor=users["anna"])
    lines = [
        f"Demo geladen: {Organisation.objects.count()} organisaties, {Initiative.objects.count()} initiatieven, "
        f"{Assessment.objects.count()} gesprekken, {Action.objects.count()} acties.",
        f"Afgerond gesprek: '{closed.title}' (/gesprekken/{closed.pk}/)",
        f"Lopend gesprek:   '{running.title}' (/gesprekken/{running.pk}/)",
        f"Bewijs bij de brief: {len(evidence)} stukken, geanalyseerd (/bewijs/{evidence[0].pk}/)",
        *(f"{v.label}: {v.entry_count} termen (/organisaties/{v.organisation.slug}/huisstijl/)" for v in house_styles),
        f"Klantfeedback bij de brief: {feedback.comment_count} reacties "
        f"(/initiatieven/{feedback.initiative_id}/feedback/)",
    ]
    return lines + _login_lines(demo_users)


def _house_styles(orgs: dict[str, Organisation]) -> list[HouseStyleVersion]:
    """The demo organisations' word lists, saved by one of their beheerders when they have none yet."""
    versions = []
    for slug, rows in data.HOUSE_STYLES.items():
        organisation = orgs[slug]
        current = house_style_version_current(organisation=organisation)
        if current is None:
            manager = Membership.objects.filter(organisation=organisation, role=Membership.Role.BEHEERDER).first()
            if manager is None:
                continue
            entries = [HouseStyleEntry(kind, term, text) for kind, term, text in rows]
            current = house_style_save(
                actor=manager.user, organisation=organisation, entries=entries, note="Demo: de eerste lijst"
            )
        versions.append(current)
    return versions


def _login_lines(users: _DemoUsers) -> list[str]:
    # The hasher's own check_password: User.check_password may re-hash and save, and existing users stay untouched.
    def has_demo_password(username: str) -> bool:
        return username in users.by_name and check_password(data.PASSWORD, users.by_name[username].password)

    org_names = dict(data.ORGANISATIONS)
    logins = [
        f"  {username:<8} {first} {last}, {org_names[org_slug]} ({role})"
        for username, first, last, org_slug, role in data.USERS
        if has_demo_password(username)
    ]
    if has_demo_password("beheer"):
        logins.append("  beheer   beheerder van de hele site (/beheer/)")
    lines = [""]
    if logins:
        lines += [f"Inloggen kan met deze gebruikers, allemaal met het wachtwoord '{data.PASSWORD}':", *logins]
    if users.skipped:
        lines.append(
            "Overgeslagen, want ze bestonden al (wachtwoord, rechten en e-mail niet veranderd): "
            + ", ".join(users.skipped)
            + "."
        )
    if "beheer" not in users.by_name:
        lines.append(
            "Geen beheerder 'beheer' aangemaakt: in productie krijgt geen beheerder het openbare demo-wachtwoord. "
            "Maak een beheerder met 'denkraam createadmin'."
        )
    return lines
