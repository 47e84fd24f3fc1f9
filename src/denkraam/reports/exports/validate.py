"""Check an assessment export before importing it, with a clear Dutch message per problem and where it is.

Hand-written (no jsonschema dependency); it checks the same rules as `schema/assessment-export-1.json` and a few
that JSON Schema cannot express: references between parts (a user name used in an answer must be in `users`),
question ids and ratings that exist in the frame, and "niet van toepassing" needs a reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable
from typing import Any

from denkraam.assessments.models import Action, Assessment
from denkraam.assessments.services.session import ITEM_MINUTES, TIME_BOX_MINUTES
from denkraam.framework import Frame, find_bundled_frame
from denkraam.initiatives.models import CHANNELS, TARGET_GROUPS, Initiative
from denkraam.reports.exports.assessment_json import SCHEMA_ID

MAX_PROBLEMS = 20
MAX_BYTES = 20 * 1024 * 1024
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
USERNAME = re.compile(r"^[\w.@+-]{1,150}$")


class ExportProblems(ValueError):
    """The file cannot be imported; `problems` lists what is wrong, in Dutch."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def parse_export(raw: bytes | str) -> dict[str, Any]:
    """Read the bytes of an export file as JSON; ExportProblems when it is too big, not UTF-8 or not JSON."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise ExportProblems([f"Het bestand is te groot (meer dan {MAX_BYTES // (1024 * 1024)} MB)."])
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ExportProblems(["Het bestand is geen tekst in UTF-8. Is het wel een denkraam-export?"]) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ExportProblems([f"Het bestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})."]) from exc
    if not isinstance(data, dict):
        raise ExportProblems(["Het bestand is geen denkraam-export: het moet met { beginnen."])
    return data


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"{path}: {message}")

    def obj(self, value: Any, path: str, required: tuple[str, ...]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(path, "moet een object zijn ({ … }).")
            return None
        for key in required:
            if key not in value:
                self.fail(path, f"'{key}' ontbreekt.")
        return value

    def items(self, value: Any, path: str, maximum: int = 100_000) -> list[Any]:
        if not isinstance(value, list):
            self.fail(path, "moet een lijst zijn ([ … ]).")
            return []
        if len(value) > maximum:
            self.fail(path, f"heeft meer dan {maximum} regels.")
            return []
        return value

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = False, max_len: int = 10_000) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self.fail(f"{path}.{key}", "moet tekst zijn.")
            return ""
        if required and not value.strip():
            self.fail(f"{path}.{key}", "mag niet leeg zijn.")
        if len(value) > max_len:
            self.fail(f"{path}.{key}", f"is langer dan {max_len} tekens.")
        return value

    def pattern(self, data: dict[str, Any], key: str, path: str, regex: re.Pattern[str], what: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not regex.match(value):
            self.fail(f"{path}.{key}", f"{value!r} is geen geldige {what}.")
            return ""
        return value

    def choice(self, data: dict[str, Any], key: str, path: str, allowed: list[str]) -> str:
        value = data.get(key)
        if value not in allowed:
            self.fail(f"{path}.{key}", f"{value!r} kan niet. Kies uit: {', '.join(allowed)}.")
            return ""
        return value

    def uuid(self, data: dict[str, Any], key: str, path: str) -> None:
        try:
            uuid.UUID(str(data.get(key)))
        except ValueError:
            self.fail(f"{path}.{key}", f"{data.get(key)!r} is geen geldig id (UUID).")

    def when(
        self, data: dict[str, Any], key: str, path: str, *, nullable: bool = False, date_only: bool = False
    ) -> None:
        value = data.get(key)
        if value is None and nullable:
            return
        parse: Callable[[str], dt.date] = dt.date.fromisoformat if date_only else dt.datetime.fromisoformat
        try:
            parsed = parse(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or (isinstance(parsed, dt.datetime) and parsed.tzinfo is None):
            what = "geldige datum (JJJJ-MM-DD)" if date_only else "geldig tijdstip (ISO 8601 met tijdzone)"
            self.fail(f"{path}.{key}", f"{value!r} is geen {what}.")

    def ref(self, value: Any, path: str, known: set[str], what: str, *, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if value not in known:
            self.fail(path, f"{value!r} staat niet in de lijst met {what}.")

    def person(self, data: dict[str, Any], path: str, key: str, name_key: str, known: set[str], what: str) -> str:
        """A person: a user name from `known`, or (a session imported before) null with a name in `name_key`.

        Returns a key for finding duplicates: the user name, or the name.
        """
        name = self.text(data, name_key, path, max_len=200)
        if data.get(key) is None:
            if not name.strip():
                self.fail(path, f"geef een gebruikersnaam ({key}) of een naam ({name_key}).")
            return f"naam:{name}"
        self.ref(data.get(key), f"{path}.{key}", known, what)
        return str(data.get(key))

    def stage_moments(self, assessment: dict[str, Any], status: str) -> None:
        """Each stage the session reached has its moment: a closed session was opened and revealed first."""
        reached = [Assessment.Status.OPEN, Assessment.Status.ONTHULD, Assessment.Status.GESLOTEN]
        if status not in reached:
            return
        moments = {"opened_at": "openen", "revealed_at": "onthullen", "closed_at": "sluiten"}
        for stage, (key, what) in zip(reached, moments.items(), strict=True):
            if reached.index(stage) <= reached.index(Assessment.Status(status)) and assessment.get(key) is None:
                self.fail(f"assessment.{key}", f"een gesprek met de stand '{status}' heeft een tijdstip van {what}.")


def validate_export(data: dict[str, Any]) -> tuple[list[str], Frame | None]:
    """Every problem in an export (at most MAX_PROBLEMS), and the frame it uses when that frame is known here."""
    c = _Checker()
    if data.get("schema") != SCHEMA_ID:
        return [f"Dit is geen denkraam-export in het formaat {SCHEMA_ID} (schema is {data.get('schema')!r})."], None
    root = c.obj(
        data,
        "bestand",
        (
            "frame",
            "organisations",
            "users",
            "initiative",
            "assessment",
            "participants",
            "answers",
            "consensus",
            "actions",
        ),
    )
    if root is None or c.problems:
        return c.problems, None
    frame = None
    if (frame_data := c.obj(data["frame"], "frame", ("id", "version"))) is not None:
        frame = find_bundled_frame(str(frame_data.get("id")), str(frame_data.get("version")))
        if frame is None:
            c.fail(
                "frame",
                f"het denkraam {frame_data.get('id')!r} versie {frame_data.get('version')!r} is hier niet bekend.",
            )

    slugs: set[str] = set()
    for i, org in enumerate(c.items(data["organisations"], "organisations", 1000)):
        path = f"organisations[{i}]"
        if c.obj(org, path, ("name", "slug")) is None:
            continue
        c.text(org, "name", path, required=True, max_len=200)
        slug = c.pattern(org, "slug", path, SLUG, "korte naam (slug)")
        if slug in slugs:
            c.fail(f"{path}.slug", f"{slug!r} staat twee keer in de lijst.")
        slugs.add(slug)

    usernames: set[str] = set()
    for i, user in enumerate(c.items(data["users"], "users", 10_000)):
        path = f"users[{i}]"
        if c.obj(user, path, ("username",)) is None:
            continue
        name = c.pattern(user, "username", path, USERNAME, "gebruikersnaam")
        c.text(user, "first_name", path, max_len=150)
        c.text(user, "last_name", path, max_len=150)
        if name in usernames:
            c.fail(f"{path}.username", f"{name!r} staat twee keer in de lijst.")
        usernames.add(name)

    initiative = c.obj(
        data["initiative"], "initiative", ("id", "name", "owner", "partners", "target_groups", "channels", "status")
    )
    if initiative is not None:
        c.uuid(initiative, "id", "initiative")
        c.text(initiative, "name", "initiative", required=True, max_len=200)
        c.text(initiative, "description", "initiative")
        c.ref(initiative.get("owner"), "initiative.owner", slugs, "organisaties")
        for j, slug in enumerate(c.items(initiative.get("partners"), "initiative.partners", 1000)):
            c.ref(slug, f"initiative.partners[{j}]", slugs, "organisaties")
        for key, allowed in (("target_groups", TARGET_GROUPS), ("channels", CHANNELS)):
            for j, value in enumerate(c.items(initiative.get(key), f"initiative.{key}", 100)):
                if value not in dict(allowed):
                    c.fail(f"initiative.{key}[{j}]", f"{value!r} kan niet. Kies uit: {', '.join(dict(allowed))}.")
        c.text(initiative, "target_group_other", "initiative", max_len=200)
        c.text(initiative, "life_event", "initiative", max_len=200)
        c.choice(initiative, "status", "initiative", list(Initiative.Status.values))
        if not isinstance(initiative.get("is_published", False), bool):
            c.fail("initiative.is_published", "moet true of false zijn.")
        c.when(initiative, "created_at", "initiative", nullable=True)

    status = ""
    assessment = c.obj(data["assessment"], "assessment", ("id", "title", "status", "facilitator", "created_at"))
    if assessment is not None:
        c.uuid(assessment, "id", "assessment")
        c.text(assessment, "title", "assessment", required=True, max_len=200)
        status = c.choice(assessment, "status", "assessment", list(Assessment.Status.values))
        c.person(assessment, "assessment", "facilitator", "facilitator_name", usernames, "gebruikers")
        if not isinstance(assessment.get("anonymous", False), bool):
            c.fail("assessment.anonymous", "moet true of false zijn.")
        _check_setup(c, assessment, frame)
        c.when(assessment, "created_at", "assessment")
        for key in ("opened_at", "revealed_at", "closed_at"):
            c.when(assessment, key, "assessment", nullable=True)
        c.stage_moments(assessment, status)

    participants: set[str] = set()
    for i, p in enumerate(c.items(data["participants"], "participants", 10_000)):
        path = f"participants[{i}]"
        if c.obj(p, path, ("username", "created_at")) is None:
            continue
        c.ref(p.get("username"), f"{path}.username", usernames, "gebruikers")
        if p.get("username") in participants:
            c.fail(f"{path}.username", f"{p.get('username')!r} doet twee keer mee.")
        participants.add(p.get("username"))
        c.ref(p.get("organisation"), f"{path}.organisation", slugs, "organisaties", nullable=True)
        c.ref(p.get("invited_by"), f"{path}.invited_by", usernames, "gebruikers", nullable=True)
        c.when(p, "created_at", path)

    question_ids = {q.id for q in frame.questions()} if frame else set()
    ratings = [o.id for o in frame.scale] + [frame.not_applicable.id] if frame else []
    nvt = frame.not_applicable.id if frame else "nvt"

    def check_question(value: Any, path: str) -> None:
        # Not a string (a list or an object in a hostile file) is no question either, and cannot be looked up.
        if not isinstance(value, str) or (frame is not None and value not in question_ids):
            c.fail(path, f"{value!r} is geen vraag van dit denkraam.")

    seen_answers: set[tuple[str, str]] = set()
    for i, a in enumerate(c.items(data["answers"], "answers")):
        path = f"answers[{i}]"
        if c.obj(a, path, ("username", "question_id", "rating", "updated_at")) is None:
            continue
        person = c.person(a, path, "username", "person_name", participants, "deelnemers")
        check_question(a.get("question_id"), f"{path}.question_id")
        if frame is not None:
            c.choice(a, "rating", path, ratings)
        reason = c.text(a, "reason", path)
        if a.get("rating") == nvt and not reason.strip():
            c.fail(f"{path}.reason", "bij 'niet van toepassing' hoort een reden.")
        c.text(a, "note", path)
        url = c.text(a, "evidence_url", path, max_len=500)
        if url and not url.startswith(("https://", "http://")):
            c.fail(f"{path}.evidence_url", "een link moet met https:// of http:// beginnen.")
        c.when(a, "updated_at", path)
        answer_key = (person, str(a.get("question_id")))
        if answer_key in seen_answers:
            c.fail(path, "deze deelnemer heeft deze vraag twee keer beantwoord.")
        seen_answers.add(answer_key)

    if data["answers"] and status == Assessment.Status.VOORBEREIDING:
        c.fail("answers", "een gesprek in voorbereiding heeft nog geen antwoorden.")
    if data["consensus"] and status in {Assessment.Status.VOORBEREIDING, Assessment.Status.OPEN}:
        c.fail("consensus", "een gezamenlijk oordeel komt pas na het onthullen van de antwoorden.")

    seen_consensus: set[str] = set()
    for i, item in enumerate(c.items(data["consensus"], "consensus", 10_000)):
        path = f"consensus[{i}]"
        if c.obj(item, path, ("question_id", "rating", "rationale", "decided_by", "updated_at")) is None:
            continue
        check_question(item.get("question_id"), f"{path}.question_id")
        if frame is not None:
            c.choice(item, "rating", path, ratings)
        c.text(item, "rationale", path, required=True)
        c.person(item, path, "decided_by", "decided_by_name", usernames, "gebruikers")
        c.when(item, "updated_at", path)
        if item.get("question_id") in seen_consensus:
            c.fail(path, "deze vraag heeft twee gezamenlijke oordelen.")
        seen_consensus.add(str(item.get("question_id")))

    seen_actions: set[str] = set()
    for i, action in enumerate(c.items(data["actions"], "actions", 10_000)):
        path = f"actions[{i}]"
        if c.obj(action, path, ("id", "title", "status", "created_at", "updated_at")) is None:
            continue
        c.uuid(action, "id", path)
        if str(action.get("id")).lower() in seen_actions:
            c.fail(f"{path}.id", f"{action.get('id')!r} staat twee keer in het bestand.")
        seen_actions.add(str(action.get("id")).lower())
        c.text(action, "title", path, required=True, max_len=200)
        c.text(action, "description", path)
        for j, qid in enumerate(c.items(action.get("question_ids", []), f"{path}.question_ids", 1000)):
            check_question(qid, f"{path}.question_ids[{j}]")
        c.ref(action.get("owner"), f"{path}.owner", usernames, "gebruikers", nullable=True)
        c.text(action, "owner_name", path, max_len=200)
        c.when(action, "due_date", path, nullable=True, date_only=True)
        c.choice(action, "status", path, list(Action.Status.values))
        c.when(action, "created_at", path)
        c.when(action, "updated_at", path)
    return c.problems, frame


def _check_setup(c: _Checker, assessment: dict[str, Any], frame: Frame | None) -> None:
    """The session's set-up (workshop mode): its question selection and time box, as the set-up page allows them.

    Every key is optional, so that a file from before workshop mode reads in as a whole-frame session of an hour.
    """
    c.text(assessment, "question_set", "assessment", max_len=100)
    chosen = c.items(assessment.get("question_ids", []), "assessment.question_ids", 1000)
    known = {q.id for q in frame.questions()} if frame else set()
    for j, qid in enumerate(chosen):
        path = f"assessment.question_ids[{j}]"
        if not isinstance(qid, str) or (frame is not None and qid not in known):
            c.fail(path, f"{qid!r} is geen vraag van dit denkraam.")
        elif qid in chosen[:j]:
            c.fail(path, f"{qid!r} staat twee keer in de vragen van het gesprek.")
    for key, (low, high) in (("time_box_minutes", TIME_BOX_MINUTES), ("item_minutes", ITEM_MINUTES)):
        value = assessment.get(key, low)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            c.fail(f"assessment.{key}", f"moet een heel aantal minuten van {low} tot {high} zijn.")
