"""Web benchmarks: a real server (waitress) on loopback, seeded through the apps' services.

1. Fifty participants submit the whole questionnaire of ONE session at the same moment (50 threads, each with its own
   session cookie, CSRF token from the form, real form posts): errors and lost answers must both be 0.
2. p50/p95 latency of the session page (50 participants), its live-progress fragment, the initiative list
   (1,000 initiatives) and a bare Django page that does one SELECT 1 (the floor), with a few concurrent clients.
   Target: p95 < 200 ms.

SQLite always; PostgreSQL too when DATABASE_URL is set (a throw-away database is created next to it).
Run: `.venv/bin/python benchmarks/web.py` (about a minute per database). Writes the `web` section of BENCHMARKS.md.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402
from _web_server import Browser, Server, csrf_token, postgres_database, running_server  # noqa: E402

from denkraam.framework import load_frame  # noqa: E402

PARTICIPANTS = 50
INITIATIVES = 1_000
SERVER_THREADS = 8
LATENCY_REQUESTS = 200
LATENCY_CLIENTS = 4
WARMUP_REQUESTS = 20
TARGET_P95_MS = 200.0
LOAD_DEADLINE_S = 300.0


@dataclass
class LoadResult:
    participants: int
    posts: int
    errors: list[str]
    expected_answers: int
    stored_answers: int
    wall_seconds: float
    post_ms: list[float]

    @property
    def lost(self) -> int:
        return self.expected_answers - self.stored_answers


@dataclass
class Latency:
    name: str
    path: str
    ms: list[float]
    errors: int
    alone_ms: list[float]
    server_ms: float = float("nan")
    server_cpu_ms: float = float("nan")

    def pct(self, q: float) -> float:
        ordered = sorted(self.ms)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def _answers(principle_questions: list[str], person: int, principle: str) -> list[tuple[str, str]]:
    # Different people give different ratings, so the session has real disagreement; some say "not applicable".
    scale = ["goed", "voldoende", "onvoldoende", "slecht"]
    fields = [("principe", principle), ("verder", "1")]
    for n, question in enumerate(principle_questions):
        if (person + n) % 17 == 0:
            fields += [(f"{question}-rating", "nvt"), (f"{question}-reason", "Dit kanaal gebruiken wij niet.")]
        else:
            fields.append((f"{question}-rating", scale[(person + n) % len(scale)]))
        fields.append((f"{question}-note", f"Toelichting van deelnemer {person}."))
    return fields


def _stored_answers(server: Server) -> int:
    code = (
        "import django; django.setup();"
        "from denkraam.assessments.models import Answer;"
        f"print(Answer.objects.filter(assessment_id='{server.seed['assessment_id']}').count())"
    )
    env = server.env | {"DJANGO_SETTINGS_MODULE": "denkraam.conf.settings"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=True)
    return int(out.stdout.strip().splitlines()[-1])


def load_test(server: Server) -> LoadResult:
    """All participants fill in every principle of the questionnaire at once, each in its own thread."""
    frame = load_frame()
    principles = [(p.id, [q.id for q in p.questions]) for p in frame.principles()]
    url = f"/gesprekken/{server.seed['assessment_id']}/vragenlijst/"
    cookie_name = str(server.seed["session_cookie_name"])
    cookies = list(server.seed["participant_cookies"])  # type: ignore[call-overload]
    start_together = threading.Barrier(len(cookies))
    deadline = time.monotonic() + LOAD_DEADLINE_S
    errors: list[str] = []
    post_ms: list[float] = []
    lock = threading.Lock()

    def person(index: int) -> None:
        browser = Browser(server.base, cookies={cookie_name: cookies[index]})
        try:
            status, html, _ = browser.get(f"{url}?principe={principles[0][0]}")
            token = csrf_token(html) if status == 200 else ""
            start_together.wait(timeout=60)
            for principle, questions in principles:
                if time.monotonic() > deadline:
                    raise TimeoutError("deadline passed")
                status, _, elapsed = browser.post_form(
                    url, [("csrfmiddlewaretoken", token), *_answers(questions, index, principle)]
                )
                with lock:
                    post_ms.append(elapsed * 1000)
                    if status != 302:
                        errors.append(f"participant {index}, {principle}: HTTP {status}")
        except Exception as exc:  # a benchmark reports every failure instead of stopping at the first
            with lock:
                errors.append(f"participant {index}: {type(exc).__name__}: {exc}")
        finally:
            browser.close()

    threads = [threading.Thread(target=person, args=(i,)) for i in range(len(cookies))]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=LOAD_DEADLINE_S + 60)
    wall = time.perf_counter() - began
    return LoadResult(
        participants=len(cookies),
        posts=len(post_ms),
        errors=errors,
        expected_answers=len(cookies) * sum(len(q) for _, q in principles),
        stored_answers=_stored_answers(server),
        wall_seconds=wall,
        post_ms=post_ms,
    )


def measure(server: Server, *, name: str, path: str, cookie: str | None) -> Latency:
    """LATENCY_REQUESTS requests spread over LATENCY_CLIENTS concurrent keep-alive clients, after a warm-up."""
    cookies = {str(server.seed["session_cookie_name"]): cookie} if cookie else {}
    times: list[float] = []
    failures = [0]
    lock = threading.Lock()

    def client(count: int) -> None:
        browser = Browser(server.base, cookies=cookies)
        try:
            for _ in range(count):
                status, _, elapsed = browser.get(path)
                with lock:
                    times.append(elapsed * 1000)
                    failures[0] += status != 200
        finally:
            browser.close()

    # Warm-up, which also gives the time of a request that has the server to itself (no queueing).
    client(WARMUP_REQUESTS)
    alone = sorted(times[WARMUP_REQUESTS // 2 :])
    times.clear()
    failures[0] = 0
    threads = [
        threading.Thread(target=client, args=(LATENCY_REQUESTS // LATENCY_CLIENTS,)) for _ in range(LATENCY_CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return Latency(name=name, path=path, ms=times, errors=failures[0], alone_ms=alone)


def server_time(server: Server, latencies: list[Latency], *, cookie_paths: set[str]) -> None:
    """Fill in each page's in-process single-request time (median of 20): the page's own cost, without HTTP,
    queueing or the other clients. It runs in a fresh process on the same database as the server."""
    pages = [[lat.path, lat.path in cookie_paths] for lat in latencies]
    script = Path(__file__).resolve().parent / "_web_inprocess.py"
    env = server.env | {"DJANGO_SETTINGS_MODULE": "denkraam.conf.settings"}
    args = [json.dumps(pages), str(server.seed["session_cookie_name"]), str(server.seed["facilitator_cookie"])]
    out = subprocess.run(
        [sys.executable, str(script), *args], env=env, capture_output=True, text=True, timeout=300, check=True
    )
    times = json.loads(out.stdout.strip().splitlines()[-1])
    for lat in latencies:
        lat.server_ms, lat.server_cpu_ms = times[lat.path]["wall_ms"], times[lat.path]["cpu_ms"]


def run_database(database_url: str | None) -> tuple[str, LoadResult, list[Latency]]:
    with running_server(
        database_url=database_url, participants=PARTICIPANTS, initiatives=INITIATIVES, threads=SERVER_THREADS
    ) as server:
        label = str(server.seed["database"])
        print(f"[{label}] seeded; {PARTICIPANTS} participants answer at once …", flush=True)
        load = load_test(server)
        print(f"[{label}] load: {len(load.errors)} errors, {load.lost} lost, {load.wall_seconds:.1f} s", flush=True)
        assessment = server.seed["assessment_id"]
        facilitator = str(server.seed["facilitator_cookie"])
        latencies = [
            measure(server, name="bare Django page, SELECT 1 (floor)", path="/gezond/", cookie=None),
            measure(
                server, name="session page, 50 participants", path=f"/gesprekken/{assessment}/", cookie=facilitator
            ),
            measure(
                server,
                name="live progress fragment (polled)",
                path=f"/gesprekken/{assessment}/voortgang/",
                cookie=facilitator,
            ),
            measure(
                server,
                name=f"initiative list, {server.seed['initiatives_total']:,} initiatives",
                path="/initiatieven/",
                cookie=facilitator,
            ),
        ]
        server_time(server, latencies, cookie_paths={lat.path for lat in latencies[1:]})
        for lat in latencies:
            print(
                f"[{label}] {lat.name}: p50 {lat.pct(0.5):.1f} ms, p95 {lat.pct(0.95):.1f} ms, "
                f"in-process {lat.server_ms:.1f} ms (CPU {lat.server_cpu_ms:.1f} ms)",
                flush=True,
            )
        return label, load, latencies


def _report(
    results: list[tuple[str, LoadResult, list[Latency]]],
    seconds: float,
    *,
    load: tuple[tuple[float, float, float], tuple[float, float, float]],
) -> str:
    lines = [
        "## Web: concurrent answers and page latency",
        "",
        f"`{Path(sys.executable).name} benchmarks/web.py` — {time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, waitress with {SERVER_THREADS} threads "
        f"on 127.0.0.1, run took {seconds:.0f} s. Each database gets a fresh seeded copy. Load average (1 min) "
        f"{load[0][0]:.1f} before and {load[1][0]:.1f} after the run: other work on the machine adds queueing.",
        "",
        f"### {PARTICIPANTS} participants submit the whole questionnaire at the same moment",
        "",
        "| database | form posts | errors | answers expected | answers stored | lost | wall time "
        "| post p50 | post p95 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, load, _ in results:
        ordered = sorted(load.post_ms)
        p50 = ordered[len(ordered) // 2] if ordered else float("nan")
        p95 = ordered[round(0.95 * (len(ordered) - 1))] if ordered else float("nan")
        lines.append(
            f"| {label} | {load.posts} | **{len(load.errors)}** | {load.expected_answers} | {load.stored_answers} "
            f"| **{load.lost}** | {load.wall_seconds:.1f} s | {p50:.0f} ms | {p95:.0f} ms |"
        )
    for label, load, _ in results:
        if load.errors:
            lines += ["", f"First errors ({label}): " + "; ".join(load.errors[:5])]
    lines += [
        "",
        f"### Latency: {LATENCY_REQUESTS} requests over {LATENCY_CLIENTS} concurrent clients after "
        f"{WARMUP_REQUESTS} warm-up requests (target p95 < {TARGET_P95_MS:.0f} ms)",
        "",
        "| database | page | in-process (CPU) | alone p50 | p50 | p95 | max | non-200 | target |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for label, _, latencies in results:
        for lat in latencies:
            verdict = "met" if lat.pct(0.95) < TARGET_P95_MS and not lat.errors else "**missed**"
            lines.append(
                f"| {label} | {lat.name} | {lat.server_ms:.1f} ms ({lat.server_cpu_ms:.1f} ms) "
                f"| {statistics.median(lat.alone_ms):.1f} ms | {lat.pct(0.5):.1f} ms "
                f"| {lat.pct(0.95):.1f} ms | {max(lat.ms):.1f} ms | {lat.errors} | {verdict} |"
            )
    lines += [
        "",
        "The session page is measured as the facilitator sees it while the questionnaire is open, after all "
        f"{PARTICIPANTS} participants answered. With {LATENCY_CLIENTS} clients and 2 cores, a request waits for "
        "others: the latency includes queueing, as in a real session. 'alone p50' is the median of the last "
        f"{WARMUP_REQUESTS // 2} warm-up requests from one client over HTTP. 'in-process' is the median of 20 "
        "requests through Django's test client in a separate process on the same database (no HTTP, no "
        "queueing, after 5 warm-up requests), wall time with CPU time in brackets: the page's own cost. When "
        "p95 is far above it, the difference is waiting: for the other clients on 2 cores and for other work "
        "on the machine.",
    ]
    return "\n".join(lines)


def main() -> int:
    began = time.perf_counter()
    load_before = os.getloadavg()
    results = [run_database(None)]
    if os.environ.get("DATABASE_URL"):
        with postgres_database(os.environ["DATABASE_URL"]) as url:
            results.append(run_database(url))
    write_section("web", _report(results, time.perf_counter() - began, load=(load_before, os.getloadavg())))
    failed = any(load.errors or load.lost for _, load, _ in results)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
