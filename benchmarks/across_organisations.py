"""Across organisations (issue 13): an invitation by e-mail, the login limits and what a guest sees, on a real server.

Against `denkraam serve` (waitress, loopback, fresh SQLite database in a temp dir, _web_server.running_server) with
DENKRAAM_SITE_URL set to the server's own address and e-mail over SMTP to a real aiosmtpd server on loopback
(tests/mail.py's SmtpServer; importing it needs pytest and pytest-django installed as libraries, not a pytest run):

1. Invitation to the first question in at most 3 page steps. The seed (this script with --seed, in its own
   process, through the services) makes UWV, its initiative with an open session led by alice, and what a guest
   must not see (an earlier closed session, evidence, a feedback import). alice, logged in, invites
   dirk@gemeente-utrecht.nl ("Gemeente Utrecht", an organisation denkraam does not know) on the participants page
   over HTTP. The mail is read from the SMTP server, its link opened with requests (cookies kept, the CSRF token
   from the form), the account form posted, redirects followed. Counted as in tests/browser/test_invitation_flow.py:
   step 1 is the mail, then every document the person sees (a POST and its redirect end in one document).
2. Login limits: for /inloggen/ and /beheer/login/ (separate users) 30 wrong passwords, then the right one; then
   another account logs in from the same address. The cool-off (DENKRAAM_LOGIN_LOCKOUT_MINUTES, 15) cannot be
   waited for here; tests/accounts/test_login_security.py covers it.
3. A guest (dirk, after accepting) walks every URL pattern of the site with the initiative's real ids, with the
   enumeration of tests/invitations/test_guests.py (its functions, built in a child process with --urls).

Run: `.venv/bin/python benchmarks/across_organisations.py` (well under a minute). Writes the `across-organisations`
section of BENCHMARKS.md; exits 1 when a target is missed.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import _web_server  # noqa: E402
import requests  # noqa: E402
from _report import write_section  # noqa: E402
from _web_server import Browser, Server, csrf_token, running_server  # noqa: E402

if TYPE_CHECKING:
    from tests.mail import SmtpServer

DIRK = "dirk@gemeente-utrecht.nl"
DIRK_PASSWORD = "een lang en vreemd wachtwoord"
PASSWORD = "het juiste wachtwoord van de benchmark"
WRONG_ATTEMPTS = 30
TARGET_STEPS = 3
# (who, login page): one user per page, and one who has typed nothing wrong.
LOGIN_USERS = {"/inloggen/": "inlogger", "/beheer/login/": "beheerder"}
OTHER_USER = "collega"


# --- child processes (Django set up there, against the server's database) ------------------------------------------


def _seed() -> dict[str, object]:
    """UWV's initiative with an open session (alice leads, bob takes part), an earlier closed session, evidence
    and a feedback import of the initiative, and the users of the login measurements."""
    from _web_seed import _session_cookie, _user  # sets Django up

    from denkraam.accounts.models import Membership, User
    from denkraam.accounts.services import membership_set, organisation_create
    from denkraam.assessments import services as assessments
    from denkraam.evidence.services import evidence_add_text
    from denkraam.feedback.models import FeedbackImport
    from denkraam.framework import load_frame
    from denkraam.initiatives.models import Initiative
    from denkraam.initiatives.services import initiative_create
    from denkraam.invitations.services import invitation_create

    uwv = organisation_create(name="UWV", slug="uwv")
    alice, bob = _user("alice"), _user("bob")
    membership_set(user=alice, organisation=uwv, role=Membership.Role.BEGELEIDER)
    membership_set(user=bob, organisation=uwv, role=Membership.Role.LID)
    initiative = initiative_create(
        user=alice,
        owner=uwv,
        name="Brief herbeoordeling WW",
        description="De brief over de herbeoordeling van een WW-uitkering.",
        target_groups=["burgers"],
        channels=["brief"],
        status=Initiative.Status.IN_GEBRUIK,
        is_published=False,
    )
    first = load_frame().principles()[0]
    other = assessments.assessment_create(initiative=initiative, actor=alice, title="Het interne gesprek")
    assessments.participant_invite(assessment=other, actor=alice, identifier="bob")
    invitation_create(assessment=other, actor=alice, email="iemand@uwv.nl")
    assessments.assessment_open(assessment=other, actor=alice)
    assessments.answer_save(assessment=other, user=bob, question_id=first.questions[0].id, rating="goed")
    assessments.assessment_reveal(assessment=other, actor=alice)
    assessments.action_create(assessment=other, actor=alice, title="Interne actie")
    assessments.assessment_close(assessment=other, actor=alice)
    own = assessments.assessment_create(initiative=initiative, actor=alice, title="Gesprek met de gemeente")
    assessments.participant_invite(assessment=own, actor=alice, identifier="bob")
    invitation_create(assessment=own, actor=alice, email="nog-iemand@gemeente-utrecht.nl")
    assessments.assessment_open(assessment=own, actor=alice)
    evidence_add_text(
        initiative=initiative, actor=alice, title="Geheim bewijs van UWV", text="Geachte heer.", queue_analysis=False
    )
    # As tests/invitations/test_guests.py: an import record is enough for its pages (no file is read here).
    FeedbackImport.objects.create(
        initiative=initiative, created_by=alice, file_name="klantreacties-intern.csv", file_format="csv"
    )
    for username in (*LOGIN_USERS.values(), OTHER_USER):
        User.objects.create_user(
            username=username, email=f"{username}@uwv.nl", password=PASSWORD, is_staff=username == "beheerder"
        )
    from django.conf import settings

    return {
        "assessment_id": str(own.pk),
        "facilitator_cookie": _session_cookie(alice),
        "session_cookie_name": settings.SESSION_COOKIE_NAME,
        "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
        "principle_title": first.title,
        "question_id": first.questions[0].id,
        "login_failure_limit": settings.LOGIN_FAILURE_LIMIT,
        "login_failure_limit_per_address": settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS,
        "lockout_minutes": settings.LOGIN_LOCKOUT_MINUTES,
    }


def _urls() -> dict[str, object]:
    """The guest test's own enumeration (every URL pattern, the initiative's real ids), for dirk after accepting."""
    import django

    django.setup()  # before the test module imports pytest (see main)
    from denkraam.accounts.models import User
    from denkraam.assessments.models import Assessment
    from denkraam.evidence.models import EvidenceItem
    from denkraam.feedback.models import FeedbackImport
    from tests.invitations import test_guests as guests

    own = Assessment.objects.get(title="Gesprek met de gemeente")
    world = guests.World(
        initiative=own.initiative,
        own=own,
        other=Assessment.objects.get(title="Het interne gesprek"),
        evidence=EvidenceItem.objects.get(title="Geheim bewijs van UWV"),
        feedback=FeedbackImport.objects.get(file_name="klantreacties-intern.csv"),
        dirk=User.objects.get(username=DIRK),
    )
    return {
        "outside": guests._initiative_urls(world),
        "own": guests._own_session_urls(world),
        "user_wide": guests._user_wide_urls(),
        "secrets": list(guests.SECRETS),
        "patterns": len(guests._all_patterns()),
    }


def _child_main(mode: str) -> dict[str, object]:
    result = _seed() if mode == "--seed" else _urls()
    from django.conf import settings

    if settings.TESTING:  # pytest was imported before the settings: not the server's settings
        raise RuntimeError("the child ran with the test settings")
    return result


def _child(server: Server, mode: str) -> dict[str, object]:
    env = server.env | {"DJANGO_SETTINGS_MODULE": "denkraam.conf.settings"}
    out = subprocess.run(
        [sys.executable, __file__, mode], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if out.returncode:
        raise RuntimeError(f"{mode} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- 1. from the mail to the first question ------------------------------------------------------------------------


@dataclass
class Invited:
    invite_status: int = 0
    mails: int = 0
    link: str = ""
    link_ok: bool = False
    pages: list[str] = field(default_factory=list)  # the documents the person sees after the mail
    requests: list[str] = field(default_factory=list)  # every HTTP request, "METHOD path -> status"
    seconds: float = float("nan")
    first_question_shown: bool = False
    session: requests.Session | None = None

    @property
    def steps(self) -> int:
        return 1 + len(self.pages)  # the mail is step 1

    @property
    def met(self) -> bool:
        return self.link_ok and self.first_question_shown and self.steps <= TARGET_STEPS


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1]


def _shown(path: str) -> str:
    """A path for the report: the token and the ids change every run (and a token is not for a report)."""
    path = re.sub(r"/uitnodiging/[^/]+/", "/uitnodiging/<token>/", path)
    return re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>", path)


def _invite_and_accept(server: Server, seed: dict[str, object], smtp: SmtpServer) -> Invited:
    result = Invited()
    participants = f"/gesprekken/{seed['assessment_id']}/deelnemers/"
    alice = Browser(server.base, cookies={str(seed["session_cookie_name"]): str(seed["facilitator_cookie"])})
    _, html, _ = alice.get(participants)
    fields = [
        ("csrfmiddlewaretoken", csrf_token(html)),
        ("identifier", DIRK),
        ("organisation_name", "Gemeente Utrecht"),
    ]
    result.invite_status, _, _ = alice.post_form(participants, fields)
    alice.close()
    deadline = time.monotonic() + 10  # the mail goes out before the page answers; this only guards a slow SMTP
    while not smtp.to(DIRK) and time.monotonic() < deadline:
        time.sleep(0.05)
    mails = smtp.to(DIRK)
    result.mails = len(mails)
    if not mails:
        return result
    result.link = next((url for url in smtp.links(mails[-1]) if "/uitnodiging/" in url), "")
    result.link_ok = result.link.startswith(f"{server.base}/uitnodiging/")
    if not result.link_ok:
        return result

    person = requests.Session()
    person.headers["User-Agent"] = "denkraam-benchmark"
    began = time.perf_counter()
    page = person.get(result.link, timeout=30)  # step 2: the accept page with the account form
    result.requests.append(f"GET {_path(page.url)} → {page.status_code}")
    result.pages.append(_path(page.url))
    form = {
        "csrfmiddlewaretoken": csrf_token(page.text),
        "name": "Dirk de Boer",
        "password1": DIRK_PASSWORD,
        "password2": DIRK_PASSWORD,
    }
    page = person.post(result.link, data=form, headers={"Origin": server.base, "Referer": result.link}, timeout=60)
    result.seconds = time.perf_counter() - began
    for hop in page.history:
        result.requests.append(f"{hop.request.method} {_path(hop.url)} → {hop.status_code}")
    result.requests.append(f"{page.request.method} {_path(page.url)} → {page.status_code}")
    result.pages.append(_path(page.url))  # step 3: the POST and its redirect end in this one document
    result.first_question_shown = (
        page.status_code == 200
        and _path(page.url) == f"/gesprekken/{seed['assessment_id']}/vragenlijst/"
        and f'id="vraag-{seed["question_id"]}"' in page.text
        and str(seed["principle_title"]) in page.text
    )
    result.session = person
    return result


# --- 2. wrong passwords ----------------------------------------------------------------------------------------------


@dataclass
class Guessing:
    path: str
    username: str
    statuses: list[int]
    seconds: list[float]
    right_status: int
    right_logged_in: bool
    right_message: bool

    @property
    def ok_before_lock(self) -> int:
        return next((i for i, s in enumerate(self.statuses) if s == 429), len(self.statuses))

    @property
    def met(self) -> bool:
        first = self.ok_before_lock
        return (
            first < len(self.statuses)
            and all(s == 429 for s in self.statuses[first:])
            and self.right_status == 429
            and not self.right_logged_in
        )


def _logged_in(browser: Browser) -> bool:
    status, _, _ = browser.get("/mijn-gesprekken/")
    return status == 200


def _login(browser: Browser, path: str, username: str, password: str) -> tuple[int, str, float]:
    _, html, _ = browser.get(path)
    fields = [("csrfmiddlewaretoken", csrf_token(html)), ("username", username), ("password", password)]
    return browser.post_form(path, fields)


def _guess(server: Server, path: str, username: str) -> Guessing:
    browser = Browser(server.base)
    _, html, _ = browser.get(path)
    token = csrf_token(html)
    statuses, seconds = [], []
    for attempt in range(WRONG_ATTEMPTS):
        fields = [("csrfmiddlewaretoken", token), ("username", username), ("password", f"verkeerd-{attempt}")]
        status, _, elapsed = browser.post_form(path, fields)
        statuses.append(status)
        seconds.append(elapsed)
    status, html, _ = _login(browser, path, username, PASSWORD)
    guessing = Guessing(
        path, username, statuses, seconds, status, _logged_in(browser), "te vaak een verkeerd wachtwoord" in html
    )
    browser.close()
    return guessing


def _ms(values: list[float], q: float) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000:,.0f} ms"


# --- 3. what a guest sees --------------------------------------------------------------------------------------------


@dataclass
class Walk:
    patterns: int
    outside: dict[str, int]  # url -> GET status
    outside_posts: dict[str, int]  # url (GET 405) -> POST status
    own: dict[str, int]  # name -> GET status
    user_wide: dict[str, int]
    leaks: list[str]  # pages answering 200 that show a secret of the initiative
    still_logged_in: bool
    secrets: list[str]

    @property
    def outside_shown(self) -> list[str]:
        return [url for url, status in self.outside.items() if status == 200]

    @property
    def outside_written(self) -> list[str]:
        return [url for url, status in self.outside_posts.items() if status != 404]

    @property
    def met(self) -> bool:
        return not self.outside_shown and not self.outside_written and not self.leaks and self.still_logged_in


def _walk(server: Server, seed: dict[str, object], person: requests.Session) -> Walk:
    found = _child(server, "--urls")
    secrets = [str(s) for s in found["secrets"]]  # type: ignore[union-attr]
    leaks: list[str] = []

    def get(url: str) -> int:
        response = person.get(server.base + url, allow_redirects=False, timeout=60)
        if response.status_code == 200 and any(s in response.text for s in secrets):
            leaks.append(url)
        return response.status_code

    outside = {url: get(url) for url in found["outside"]}  # type: ignore[union-attr]
    token = person.cookies.get(str(seed["csrf_cookie_name"]), "")
    data = {"csrfmiddlewaretoken": token, "title": "x", "identifier": "x", "rating": "goed", "rationale": "x"}
    posts = {
        url: person.post(
            server.base + url, data=data, headers={"Origin": server.base}, allow_redirects=False, timeout=60
        ).status_code
        for url, status in outside.items()
        if status == 405
    }
    own = {name: get(url) for name, url in found["own"].items()}  # type: ignore[union-attr]
    user_wide = {url: get(url) for url in found["user_wide"]}  # type: ignore[union-attr]
    still = person.get(f"{server.base}/mijn-gesprekken/", allow_redirects=False, timeout=30).status_code == 200
    return Walk(int(found["patterns"]), outside, posts, own, user_wide, leaks, still, secrets)  # type: ignore[call-overload]


# --- report ----------------------------------------------------------------------------------------------------------


def _counts(statuses: dict[str, int]) -> str:
    tally: dict[int, int] = {}
    for status in statuses.values():
        tally[status] = tally.get(status, 0) + 1
    return ", ".join(f"{n}× {status}" for status, n in sorted(tally.items()))


def _mark(met: bool) -> str:
    return "met" if met else "**not met**"


def _report(
    seed: dict[str, object],
    invited: Invited,
    guesses: list[Guessing],
    other_status: int,
    other_logged_in: bool,
    walk: Walk | None,
    *,
    seconds: float,
    load: tuple[float, float],
) -> tuple[str, bool]:
    lock_met = all(g.met for g in guesses) and other_status == 302 and other_logged_in
    walk_met = walk is not None and walk.met
    lines = [
        "## Across organisations: invitation, login limits, guests (`benchmarks/across_organisations.py`)",
        "",
        f"`{Path(sys.executable).name} benchmarks/across_organisations.py` — {time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, run took {seconds:.0f} s. Load average (1 min) "
        f"{load[0]:.1f} before and {load[1]:.1f} after: other work on the machine slows every timing. "
        "`denkraam serve` (waitress, 4 threads) on 127.0.0.1 with a fresh SQLite database in a temp dir, "
        "DENKRAAM_SITE_URL = the server's address, e-mail over SMTP (Django's smtp backend) to an aiosmtpd server "
        "on 127.0.0.1 started by the script (tests/mail.py's SmtpServer). Seeded through the services in a "
        "subprocess: UWV's initiative with an open session led by alice, an earlier closed session, evidence and a "
        "feedback import (what a guest must not see).",
        "",
        "| target | result | status |",
        "|---|---|---|",
        f"| invitation to first question in ≤ {TARGET_STEPS} page steps | {invited.steps} steps, "
        f"{invited.seconds:.2f} s from opening the link to the question | {_mark(invited.met)} |",
    ]
    for g in guesses:
        lines.append(
            f"| {WRONG_ATTEMPTS} wrong passwords at `{g.path}` lock the account from this address | "
            f"{g.ok_before_lock}× 200, then {len(g.statuses) - g.ok_before_lock}× 429; right password: "
            f"{g.right_status}, {'logged in' if g.right_logged_in else 'not logged in'} | {_mark(g.met)} |"
        )
    lines.append(
        f"| another account from the same address still logs in | {other_status}, "
        f"{'logged in' if other_logged_in else 'not logged in'} | {_mark(other_status == 302 and other_logged_in)} |"
    )
    if walk is not None:
        lines.append(
            f"| 0 pages of the initiative outside the guest's session | {len(walk.outside_shown)} of "
            f"{len(walk.outside)} answer 200; {len(walk.outside_written)} of {len(walk.outside_posts)} POSTs "
            f"answer other than 404; {len(walk.leaks)} pages show a secret | {_mark(walk.met)} |"
        )
    else:
        lines.append("| 0 pages of the initiative outside the guest's session | not run (no guest) | **not met** |")
    lines += [
        "",
        "### 1. From the mail to the first question",
        "",
        f'alice (logged in) invites `{DIRK}` with organisation "Gemeente Utrecht" (not in denkraam) on the '
        f"participants page: HTTP {invited.invite_status}; {invited.mails} mail received by the SMTP server, its "
        f"link {'points at the server (from DENKRAAM_SITE_URL)' if invited.link_ok else 'is wrong: ' + invited.link}. "
        "The person opens the link with `requests` (cookies kept), fills in name and password twice (the CSRF token "
        "from the form) and follows the redirects. Counted as in tests/browser/test_invitation_flow.py: step 1 is "
        "the mail, then each document the person sees; a POST and its redirect end in one document, so they are one "
        "step. Time: from sending the request for the link to the questionnaire's last byte (machine time only; a "
        "person's reading and typing are not in it; the account's PBKDF2 password hash is).",
        "",
        "| step | what the person sees |",
        "|---:|---|",
        "| 1 | the mail |",
    ]
    lines += [f"| {n} | `{_shown(page)}` |" for n, page in enumerate(invited.pages, start=2)]
    lines += [
        "",
        f"HTTP requests: {'; '.join(map(_shown, invited.requests)) or '–'}. The last page shows the first "
        f"principle's heading and question `{seed.get('question_id')}`: "
        f"{'yes' if invited.first_question_shown else 'no'}.",
        "",
        f"### 2. {WRONG_ATTEMPTS} wrong passwords, then the right one",
        "",
        f"Limits: {seed.get('login_failure_limit')} failures for one user name from one address, "
        f"{seed.get('login_failure_limit_per_address')} from one address in all (django-axes, accounts/lockout.py). "
        "One keep-alive connection from 127.0.0.1 per user; times are per POST as the client sees them. The "
        f"failure that uses up the limit (the {seed.get('login_failure_limit')}th) is itself answered 429. Until "
        "the lock the password is checked (PBKDF2); once locked it is not checked, and the failure is not counted "
        "again, so the address's count grows by the limit only.",
        "",
        "| page | user | statuses of the 30 | right password | time per attempt: median / p95 (all) | "
        "median before / after the lock |",
        "|---|---|---|---|---:|---:|",
    ]
    for g in guesses:
        first = g.ok_before_lock
        lines.append(
            f"| `{g.path}` | {g.username} | {first}× 200, then {len(g.statuses) - first}× 429 "
            f"({'all' if g.met else 'not all'} 429 after the first) | {g.right_status}, "
            f"{'logged in' if g.right_logged_in else 'not logged in'}"
            f"{', Dutch lock-out message' if g.right_message else ''} | {_ms(g.seconds, 0.5)} / {_ms(g.seconds, 0.95)} "
            f"| {_ms(g.seconds[:first], 0.5)} / {_ms(g.seconds[first:], 0.5)} |"
        )
    lines += [
        "",
        f"Then {OTHER_USER}, who typed nothing wrong, logs in at `/inloggen/` from the same address: HTTP "
        f"{other_status}, {'logged in' if other_logged_in else 'not logged in'} (GET /mijn-gesprekken/ answers 200). "
        f"Not measured: the end of the lock after {seed.get('lockout_minutes')} minutes (a benchmark cannot wait "
        "for it; tests/accounts/test_login_security.py moves the failures 16 minutes back), a login from another "
        "address (the benchmark has one address; tests/accounts/test_login.py), and the per-address limit of "
        f"{seed.get('login_failure_limit_per_address')} failures over many user names (tests/accounts/test_login.py, "
        "with the limit lowered to 4).",
        "",
        "### 3. What the guest sees",
        "",
    ]
    if walk is None:
        lines.append("Not run: the invitation did not give a logged-in guest.")
    else:
        own_ok = sorted(name for name, status in walk.own.items() if status == 200)
        lines += [
            f"dirk, logged in by accepting, walks the site's {walk.patterns} named URL patterns as "
            "tests/invitations/test_guests.py enumerates them (its own functions, called in a subprocess), with the "
            "real ids of the initiative, its other session, its evidence, feedback import, action, participant and "
            "invitation. GET without following redirects; a page that answers 405 to GET gets a POST with a CSRF "
            "token and harmless fields, as the test does.",
            "",
            "| pages | count | statuses | answer 200 |",
            "|---|---:|---|---:|",
            f"| of the initiative, outside his session | {len(walk.outside)} | {_counts(walk.outside)} "
            f"| {len(walk.outside_shown)} |",
            f"| the same, POST to those answering 405 | {len(walk.outside_posts)} | {_counts(walk.outside_posts)} "
            f"| {sum(1 for s in walk.outside_posts.values() if s == 200)} |",
            f"| of his own session (open, not yet revealed) | {len(walk.own)} | {_counts(walk.own)} | {len(own_ok)} |",
            f"| without ids (lists, portfolio, home) | {len(walk.user_wide)} | {_counts(walk.user_wide)} "
            f"| {sum(1 for s in walk.user_wide.values() if s == 200)} |",
            "",
            "Pages answering 200 (any of the above) that show a secret of the initiative (the names "
            f"{', '.join(walk.secrets)}: its evidence, other session, action, feedback file): {len(walk.leaks)}"
            f"{' — ' + ', '.join(walk.leaks) if walk.leaks else ''}. Own session pages answering 200: "
            f"{', '.join(own_ok)}. Still logged in after the walk: {'yes' if walk.still_logged_in else 'no'}.",
        ]
        if walk.outside_shown or walk.outside_written:
            lines.append(f"Shown or written outside the session: {walk.outside_shown + walk.outside_written}.")
    met = invited.met and lock_met and walk_met
    return "\n".join(lines), met


def _summary(invited: Invited, guesses: list[Guessing], other_logged_in: bool, walk: Walk | None) -> str:
    rows = [
        f"Uitnodiging → eerste vraag / invitation → first question: {invited.steps} stappen/steps, "
        f"{invited.seconds:.2f} s ({_mark(invited.met)})",
    ]
    for g in guesses:
        rows.append(
            f"{WRONG_ATTEMPTS} foute wachtwoorden / wrong passwords {g.path}: {g.ok_before_lock}× 200 vóór/before "
            f"429; juist wachtwoord / right password → {g.right_status} ({_mark(g.met)})"
        )
    other = "ingelogd/logged in" if other_logged_in else "NIET ingelogd/NOT logged in"
    rows.append(f"Ander account zelfde adres / other account same address: {other}")
    if walk is not None:
        rows.append(
            f"Gast / guest: {len(walk.outside_shown)} van/of {len(walk.outside)} pagina's buiten de sessie 200 "
            f"(eigen sessie/own session: {sum(1 for s in walk.own.values() if s == 200)} van/of {len(walk.own)}) "
            f"({_mark(walk.met)})"
        )
    return "\n".join(rows)


def main() -> int:
    if sys.argv[1:] in (["--seed"], ["--urls"]):
        print(json.dumps(_child_main(sys.argv[1])))
        return 0
    # Only here, in the parent, which never loads Django's settings: tests/mail.py imports pytest, and with pytest
    # imported the settings switch to TESTING (MD5 password hashes the server could not read) in a child.
    from tests.mail import SmtpServer

    began, load_before = time.perf_counter(), os.getloadavg()[0]
    smtp = SmtpServer()
    smtp.start()
    port = _web_server._free_port()
    mail_env = {
        "DENKRAAM_SITE_URL": f"http://127.0.0.1:{port}",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": smtp.host,
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": "false",
        "EMAIL_USE_SSL": "false",
        "EMAIL_TIMEOUT": "5",
    }
    try:
        # running_server copies os.environ for the seed and the server, and picks its port with _free_port: the
        # port is chosen here, so that DENKRAAM_SITE_URL (the links in the mail) can name it.
        with (
            mock.patch.dict(os.environ, mail_env),
            mock.patch.object(_web_server, "_free_port", return_value=port),
            running_server(database_url=None, participants=1, initiatives=1, threads=4) as server,
        ):
            seed = _child(server, "--seed")
            print(f"[seed] done after {time.perf_counter() - began:.0f} s", flush=True)
            invited = _invite_and_accept(server, seed, smtp)
            print(f"[invitation] {invited.steps} steps, {invited.seconds:.2f} s, {_mark(invited.met)}", flush=True)
            walk = _walk(server, seed, invited.session) if invited.session is not None else None
            if walk is not None:
                print(f"[guest] outside: {_counts(walk.outside)}; own: {_counts(walk.own)}", flush=True)
            print(f"[guest] done after {time.perf_counter() - began:.0f} s", flush=True)
            guesses = [_guess(server, path, username) for path, username in LOGIN_USERS.items()]
            for g in guesses:
                print(f"[login] {g.path}: {g.statuses} then {g.right_status}", flush=True)
            other = Browser(server.base)
            other_status, _, _ = _login(other, "/inloggen/", OTHER_USER, PASSWORD)
            other_logged_in = _logged_in(other)
            other.close()
    finally:
        smtp.stop()
    report, met = _report(
        seed,
        invited,
        guesses,
        other_status,
        other_logged_in,
        walk,
        seconds=time.perf_counter() - began,
        load=(load_before, os.getloadavg()[0]),
    )
    write_section("across-organisations", report)
    print(report)
    print()
    print(_summary(invited, guesses, other_logged_in, walk))
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
