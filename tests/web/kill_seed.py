"""Fill the real database of a kill test, in a subprocess of its own: `python -m tests.web.kill_seed <what> ...`.

Runs with the test's DENKRAAM_DATA_DIR (and DATABASE_URL, if any), through the apps' services, so the tasks land in
the database queue exactly as a user's click would put them there. Prints one line of JSON with the ids.
"""

from __future__ import annotations

import json
import os
import random
import sys

NAMELESS_COMMENTS = (
    "ik moest drie keer bellen voordat iemand mij kon helpen, heel onduidelijk formulier",
    "de brief was duidelijk en ik wist precies wat ik moest doen",
    "ik wacht al zes weken op een reactie en ik vertrouw het niet meer",
    "het formulier op de website liep steeds vast bij de laatste stap",
    "snel geholpen aan de telefoon, fijn dat het zo kan",
)
LETTER_WORDS = (
    "wij hebben uw aanvraag ontvangen het is noodzakelijk dat u de gevraagde stukken binnen veertien dagen "
    "aanlevert teneinde een beslissing te kunnen nemen kunt ons bellen als vragen heeft brief gemeente toeslag "
    "uitkering beschikking bezwaar termijn"
).split()


def _people() -> tuple[object, object]:
    from denkraam.accounts.models import Membership
    from tests.factories import InitiativeFactory, MembershipFactory, OrganisationFactory, UserFactory

    uwv = OrganisationFactory(name="UWV", slug="uwv")
    alice = UserFactory(username="alice", first_name="Alice")
    MembershipFactory(user=alice, organisation=uwv, role=Membership.Role.BEGELEIDER)
    return alice, InitiativeFactory(name="Herbeoordeling WW", owner=uwv)


def long_letter(paragraphs: int) -> str:
    """A long, varied letter (no two sentences alike), so the analysis takes a few seconds."""
    rng = random.Random(13)

    def sentence() -> str:
        words = [rng.choice(LETTER_WORDS) for _ in range(rng.randint(6, 20))]
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    # A first line without capitals: the title is made from it, and scrubbing a name-less line needs no name model.
    return "brief over uw aanvraag\n\n" + "\n\n".join(" ".join(sentence() for _ in range(4)) for _ in range(paragraphs))


def feedback_csv(rows: int) -> str:
    """`rows` comments without names in them (the scrubber's fast path), each one different."""
    lines = ["reactie"]
    lines += [f"{NAMELESS_COMMENTS[n % len(NAMELESS_COMMENTS)]}, reactie {n}" for n in range(1, rows + 1)]
    return "\n".join(lines) + "\n"


def seed(what: str, size: int) -> dict[str, object]:
    alice, initiative = _people()
    if what == "evidence":
        from denkraam.evidence.services import evidence_add_text

        # Kept as written: the letter holds no personal data, and scrubbing it would only slow the seed down.
        item, analysis = evidence_add_text(
            initiative=initiative, actor=alice, title="lange brief", text=long_letter(size), keep_original=True
        )
        assert analysis is not None
        return {"item_id": str(item.pk), "analysis_id": str(analysis.pk)}
    if what == "feedback":
        import secrets

        from denkraam.feedback.services import feedback_import_start, feedback_upload_prepare
        from denkraam.feedback.uploads import temp_path

        temp_name = secrets.token_hex(16)
        temp_path(temp_name).write_text(feedback_csv(size), encoding="utf-8")
        prepared = feedback_upload_prepare(
            initiative=initiative, user=alice, temp_name=temp_name, file_name="enquete.csv"
        )
        feedback_import_start(feedback_import=prepared, user=alice, text_column=0)
        return {"import_id": str(prepared.pk), "temp_name": temp_name}
    if what == "session":
        from django.test import Client

        client = Client()
        client.force_login(alice)
        return {"initiative_id": str(initiative.pk), "session": client.cookies["sessionid"].value}
    raise SystemExit(f"unknown seed: {what}")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "denkraam.conf.settings")
    import django

    django.setup()
    what, size = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0
    print(json.dumps(seed(what, size)), flush=True)


if __name__ == "__main__":
    main()
