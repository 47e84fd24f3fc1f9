"""Report benchmarks on a throw-away SQLite database, server-side time through Django's test client.

1. The PDF of one assessment with the full frame (46 questions, more than the 30 asked for) and 10 participants,
   side by side with the HTML page and with building the report data alone. Target: PDF < 3 s.
2. The portfolio page with 1,000 initiatives, each with a closed assessment (3 participants, consensus on every
   question). Target: < 1 s. Side by side: the portfolio's bulk scoring against the straightforward way (calling
   `assessment_results` once per initiative), on the same data.

Run: `.venv/bin/python benchmarks/reports.py` (about a minute). Writes the `reports` section of BENCHMARKS.md.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

DATA_DIR = tempfile.mkdtemp(prefix="denkraam-bench-reports-")
os.environ["DENKRAAM_DATA_DIR"] = DATA_DIR
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "denkraam.conf.settings")

import django  # noqa: E402

django.setup()

from _report import write_section  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from denkraam.accounts.models import Membership, Organisation, User  # noqa: E402
from denkraam.assessments.models import Action, Answer, Assessment, Consensus, Participant  # noqa: E402
from denkraam.assessments.selectors import assessment_results  # noqa: E402
from denkraam.framework import load_frame  # noqa: E402
from denkraam.initiatives.models import Initiative  # noqa: E402
from denkraam.reports.portfolio import portfolio_for_user  # noqa: E402

RATINGS = ("goed", "voldoende", "onvoldoende", "slecht")
PARTICIPANTS = 10
INITIATIVES = 1_000
PORTFOLIO_PARTICIPANTS = 3
RUNS = 5
PDF_TARGET_S = 3.0
PORTFOLIO_TARGET_S = 1.0


def _median_seconds(run: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median wall time and median CPU time of this process. The machine is shared by other work, so CPU time
    is the steadier figure; wall time is what a user waits."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def _ms(pair: tuple[float, float]) -> str:
    return f"{pair[0] * 1000:.0f} ms | {pair[1] * 1000:.0f} ms"


def _users(prefix: str, count: int) -> list[User]:
    users = [User(username=f"{prefix}{i}", first_name=f"Persoon {i}", password="!") for i in range(count)]
    return User.objects.bulk_create(users)


def _closed_assessment(*, initiative: Initiative, facilitator: User, people: list[User], notes: bool) -> Assessment:
    now = timezone.now()
    assessment = Assessment.objects.create(
        initiative=initiative,
        title=f"Gesprek over {initiative.name}",
        facilitator=facilitator,
        status=Assessment.Status.GESLOTEN,
        opened_at=now,
        revealed_at=now,
        closed_at=now,
    )
    Participant.objects.bulk_create(Participant(assessment=assessment, user=u) for u in people)
    questions = load_frame().questions()
    answers = []
    for qi, question in enumerate(questions):
        for pi, person in enumerate(people):
            rating = RATINGS[(qi + pi) % 4]
            answers.append(
                Answer(
                    assessment=assessment,
                    user=person,
                    question_id=question.id,
                    rating=rating,
                    note="Hier zagen wij een probleem in de brief." if notes and (qi + pi) % 3 == 0 else "",
                    evidence_url="https://example.org/bewijs" if notes and pi == 0 else "",
                )
            )
    Answer.objects.bulk_create(answers, batch_size=2000)
    Consensus.objects.bulk_create(
        Consensus(
            assessment=assessment,
            question_id=q.id,
            rating=RATINGS[qi % 4],
            rationale="De groep koos dit na een goed gesprek.",
            decided_by=facilitator,
        )
        for qi, q in enumerate(questions)
    )
    return assessment


def bench_pdf() -> dict[str, Any]:
    org = Organisation.objects.create(name="UWV", slug="uwv")
    people = _users("deelnemer", PARTICIPANTS)
    Membership.objects.bulk_create(Membership(user=u, organisation=org, role="begeleider") for u in people)
    initiative = Initiative.objects.create(name="Brief over de WW-uitkering", owner=org, status="in-gebruik")
    assessment = _closed_assessment(initiative=initiative, facilitator=people[0], people=people, notes=True)
    Action.objects.bulk_create(
        Action(assessment=assessment, title=f"Actie {i}", owner=people[i], due_date=dt.date(2030, 1, i + 1))
        for i in range(5)
    )
    client = Client()
    client.force_login(people[0])
    base = f"/rapportages/gesprekken/{assessment.pk}/"

    from denkraam.reports.selectors import assessment_report

    start, start_cpu = time.perf_counter(), time.process_time()
    first = client.get(base + "rapport.pdf")
    cold = (time.perf_counter() - start, time.process_time() - start_cpu)
    assert first.status_code == 200 and first.content.startswith(b"%PDF"), first.status_code
    return {
        "data": _median_seconds(lambda: assessment_report(assessment=assessment, user=people[0])),
        "html": _median_seconds(lambda: client.get(base)),
        "pdf": _median_seconds(lambda: client.get(base + "rapport.pdf"), runs=3),
        "pdf_cold": cold,
        "pdf_kb": len(first.content) / 1024,
    }


def bench_portfolio() -> dict[str, Any]:
    orgs = Organisation.objects.bulk_create(Organisation(name=f"Organisatie {i}", slug=f"org-{i}") for i in range(5))
    viewer = _users("lezer", 1)[0]
    Membership.objects.bulk_create(Membership(user=viewer, organisation=o, role="lezer") for o in orgs)
    people = _users("team", PORTFOLIO_PARTICIPANTS)
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            name=f"Initiatief {i:04d}",
            owner=orgs[i % 5],
            channels=["brief", "website"] if i % 2 else ["telefoon"],
            target_groups=["burgers"],
            life_event="Verhuizen" if i % 10 == 0 else "",
            status="in-gebruik",
        )
        for i in range(INITIATIVES)
    )
    questions = load_frame().questions()
    assessments = Assessment.objects.bulk_create(
        Assessment(
            initiative=i,
            title=f"Gesprek {n}",
            facilitator=people[0],
            status=Assessment.Status.GESLOTEN,
            revealed_at=timezone.now(),
            closed_at=timezone.now(),
        )
        for n, i in enumerate(initiatives)
    )
    Participant.objects.bulk_create(
        (Participant(assessment=a, user=u) for a in assessments for u in people), batch_size=5000
    )
    Answer.objects.bulk_create(
        (
            Answer(assessment=a, user=u, question_id=q.id, rating=RATINGS[(n + qi + ui) % 4])
            for n, a in enumerate(assessments)
            for qi, q in enumerate(questions)
            for ui, u in enumerate(people)
        ),
        batch_size=5000,
    )
    Consensus.objects.bulk_create(
        (
            Consensus(
                assessment=a,
                question_id=q.id,
                rating=RATINGS[(n + qi) % 4],
                rationale="Besproken.",
                decided_by=people[0],
            )
            for n, a in enumerate(assessments)
            for qi, q in enumerate(questions)
        ),
        batch_size=5000,
    )
    Action.objects.bulk_create(
        (Action(assessment=a, title="Brief herschrijven", due_date=dt.date(2020, 1, 1)) for a in assessments[:50]),
        batch_size=5000,
    )
    client = Client()
    client.force_login(viewer)
    first = client.get("/rapportages/portfolio/")
    assert first.status_code == 200 and first.content.count(b"<tr>") > INITIATIVES, first.status_code
    executed: list[str] = []

    def count_query(execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        executed.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(count_query):
        portfolio = portfolio_for_user(user=viewer)
    assert len(portfolio.rows) == INITIATIVES and portfolio.assessed == INITIATIVES

    def naive() -> None:
        for assessment in assessments:
            assessment_results(assessment=assessment)

    return {
        "page": _median_seconds(lambda: client.get("/rapportages/portfolio/")),
        "filtered": _median_seconds(lambda: client.get("/rapportages/portfolio/?kanaal=telefoon")),
        "csv": _median_seconds(lambda: client.get("/rapportages/portfolio/export.csv")),
        "selector": _median_seconds(lambda: portfolio_for_user(user=viewer)),
        "queries": len(executed),
        "naive": _median_seconds(naive, runs=1),
    }


def main() -> None:
    call_command("migrate", interactive=False, verbosity=0)
    pdf = bench_pdf()
    portfolio = bench_portfolio()

    def verdict(pair: tuple[float, float], target: float) -> str:
        return f"wall {'ja' if pair[0] < target else 'nee'}, CPU {'ja' if pair[1] < target else 'nee'}"

    ok = verdict(pdf["pdf"], PDF_TARGET_S)
    ok_portfolio = verdict(portfolio["page"], PORTFOLIO_TARGET_S)
    machine = f"{platform.node()} ({os.cpu_count()} cores, Python {platform.python_version()})"
    load = os.getloadavg()[0]
    markdown = f"""## Reports (`benchmarks/reports.py`)

Run on {machine}, SQLite, {time.strftime("%Y-%m-%d")}, load average {load:.1f} at the end (other work shares the
cores, so wall times vary between runs; CPU time of the process is steadier). Server-side time through Django's
test client; medians of {RUNS} runs (PDF: 3 runs) after one warm-up request.

**Assessment report**: 46 questions (the whole frame, more than the 30 asked for), {PARTICIPANTS} participants, notes
on a third of the answers, consensus on every question, 5 actions.

| what | wall time | CPU time |
|---|---|---|
| report data only (selectors, scoring) | {_ms(pdf["data"])} |
| HTML page | {_ms(pdf["html"])} |
| PDF (WeasyPrint, {pdf["pdf_kb"]:.0f} kB) — target < {PDF_TARGET_S:.0f} s: {ok} | {_ms(pdf["pdf"])} |
| first PDF in a fresh process (includes importing WeasyPrint) | {_ms(pdf["pdf_cold"])} |

**Portfolio**: {INITIATIVES:,} initiatives, each with a closed assessment ({PORTFOLIO_PARTICIPANTS} participants,
consensus on all 46 questions), 50 overdue actions; {portfolio["queries"]} queries for the portfolio data.

| what | wall time | CPU time |
|---|---|---|
| portfolio page, all {INITIATIVES:,} rows — target < 1 s: {ok_portfolio} | {_ms(portfolio["page"])} |
| portfolio page, filtered on a channel (500 rows) | {_ms(portfolio["filtered"])} |
| portfolio CSV download | {_ms(portfolio["csv"])} |
| portfolio data only (`portfolio_for_user`) | {_ms(portfolio["selector"])} |
| the same scores the straightforward way (`assessment_results` per initiative, 1 run) | {_ms(portfolio["naive"])} |
"""
    write_section("reports", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
