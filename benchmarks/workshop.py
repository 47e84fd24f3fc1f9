"""Workshop benchmark: how fast "volgende vraag" on the big screen reaches 12 participants who poll as the browser does.

A real server (`denkraam serve`, waitress) on loopback, seeded through the apps' services: a facilitator and 12
participants in one session. The participants answer four principles through the questionnaire form, the
facilitator reveals and starts the screen. Then 12 participant threads poll the live line
(`/gesprekken/<id>/live/?v=<stamp>`) every PARTICIPANT_POLL_SECONDS, each with its own random phase as real
browsers have, and the screen polls its own partial every SCREEN_POLL_SECONDS. The facilitator presses
"volgende vraag" STEPS times (a real form post); for each step and participant we measure the time from the start
of that post until the participant's poll first shows the new question. Target: p95 <= 2 s.

SQLite always; PostgreSQL too: the one in DATABASE_URL when set, else a throw-away server started here with
initdb and pg_ctl (as the postgres user when run as root), stopped afterwards.
Run: `.venv/bin/python benchmarks/workshop.py` (about a minute per database). Writes the `workshop` section of
BENCHMARKS.md.
"""

from __future__ import annotations

import contextlib
import glob
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402
from _web_server import Browser, Server, csrf_token, postgres_database, running_server  # noqa: E402

from denkraam.assessments.polling import PARTICIPANT_POLL_SECONDS, SCREEN_POLL_SECONDS  # noqa: E402
from denkraam.framework import load_frame  # noqa: E402

PARTICIPANTS = 12
PRINCIPLES_ANSWERED = 4
STEPS = 8
SERVER_THREADS = 8  # `denkraam serve`'s default
TARGET_P95_S = 2.0
SEEN_DEADLINE_S = 15.0
VERSION = re.compile(r'data-version="([0-9a-f]+)"')
ON_SCREEN = re.compile(r"/vragen/([a-z0-9-]+)/")


@dataclass
class Result:
    label: str
    latencies: list[float] = field(default_factory=list)
    missed: int = 0
    post_ms: list[float] = field(default_factory=list)
    poll_204_ms: list[float] = field(default_factory=list)
    poll_200_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class HtmxBrowser(Browser):
    """A page's own poll, as htmx sends it: with HX-Request, so it does not count as the person's activity."""

    def htmx_get(self, path: str) -> tuple[int, str, float]:
        return self._request("GET", path, None, {"HX-Request": "true"})


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def _answers(questions: list[str], person: int, principle: str) -> list[tuple[str, str]]:
    # Different people, different ratings: the agenda then has real differences to walk through.
    scale = ["goed", "voldoende", "onvoldoende", "slecht"]
    return [("principe", principle), *((f"{q}-rating", scale[(person * 3 + n) % 4]) for n, q in enumerate(questions))]


def _prepare(server: Server, result: Result) -> tuple[Browser, str]:
    """Participants answer, the facilitator reveals and opens the screen; returns her browser and the screen's html."""
    session = f"/gesprekken/{server.seed['assessment_id']}"
    cookie_name = str(server.seed["session_cookie_name"])
    principles = [(p.id, [q.id for q in p.questions]) for p in load_frame().principles()][:PRINCIPLES_ANSWERED]
    for index, cookie in enumerate(list(server.seed["participant_cookies"])):  # type: ignore[call-overload]
        browser = Browser(server.base, cookies={cookie_name: cookie})
        status, html, _ = browser.get(f"{session}/vragenlijst/")
        token = csrf_token(html)
        for principle, questions in principles:
            status, _, _ = browser.post_form(
                f"{session}/vragenlijst/", [("csrfmiddlewaretoken", token), *_answers(questions, index, principle)]
            )
            if status != 302:
                result.errors.append(f"answer {index} {principle}: HTTP {status}")
        browser.close()
    facilitator = Browser(server.base, cookies={cookie_name: str(server.seed["facilitator_cookie"])})
    _, html, _ = facilitator.get(f"{session}/")
    status, _, _ = facilitator.post_form(f"{session}/onthullen/", [("csrfmiddlewaretoken", csrf_token(html))])
    if status != 302:
        result.errors.append(f"reveal: HTTP {status}")
    _, html, _ = facilitator.get(f"{session}/scherm/")
    facilitator.post_form(f"{session}/scherm/starten/", [("csrfmiddlewaretoken", csrf_token(html))])
    _, html, _ = facilitator.get(f"{session}/scherm/")
    return facilitator, html


def _first_seen(observations: list[tuple[float, str]], after: float, question: str) -> float | None:
    return next((moment for moment, shown in observations if moment >= after and shown == question), None)


def _current(html: str) -> str:
    match = re.search(r'name="vraag" value="([^"]+)"', html)
    if not match:
        raise RuntimeError("the screen shows no agenda item")
    return match.group(1)


def run_database(database_url: str | None) -> Result:
    with running_server(
        database_url=database_url, participants=PARTICIPANTS, initiatives=1, threads=SERVER_THREADS
    ) as server:
        result = Result(label=str(server.seed["database"]))
        session = f"/gesprekken/{server.seed['assessment_id']}"
        cookie_name = str(server.seed["session_cookie_name"])
        facilitator, screen_html = _prepare(server, result)
        print(f"[{result.label}] seeded, answered and revealed; {PARTICIPANTS} participants poll …", flush=True)
        lock = threading.Lock()
        stop = threading.Event()
        # Per participant: (moment a poll answered, question it showed) for every poll that brought a new partial.
        shown_at: dict[int, list[tuple[float, str]]] = {i: [] for i in range(PARTICIPANTS)}

        def poll(path: str, interval: float, who: int | None, cookie: str) -> None:
            browser = HtmxBrowser(server.base, cookies={cookie_name: cookie})
            version = ""
            stop.wait(random.uniform(0, interval))  # browsers opened at different moments poll out of phase
            while not stop.is_set():
                try:
                    status, html, elapsed = browser.htmx_get(f"{path}?v={version}" if version else path)
                except OSError as exc:
                    with lock:
                        result.errors.append(f"poll {who}: {exc}")
                    status, html, elapsed = 0, "", 0.0
                arrived = time.perf_counter()
                with lock:
                    (result.poll_204_ms if status == 204 else result.poll_200_ms).append(elapsed * 1000)
                    if status == 200:
                        match = VERSION.search(html)
                        version = match.group(1) if match else ""
                        shown = ON_SCREEN.search(html)
                        if who is not None and shown:
                            shown_at[who].append((arrived, shown.group(1)))
                    elif status not in {200, 204}:
                        result.errors.append(f"poll {who}: HTTP {status}")
                # htmx's "every Ns" waits N seconds after each response.
                stop.wait(interval)

        cookies = list(server.seed["participant_cookies"])  # type: ignore[call-overload]
        threads = [
            threading.Thread(target=poll, args=(f"{session}/live/", PARTICIPANT_POLL_SECONDS, i, c), daemon=True)
            for i, c in enumerate(cookies)
        ]
        threads.append(
            threading.Thread(
                target=poll,
                args=(f"{session}/scherm/live/", SCREEN_POLL_SECONDS, None, str(server.seed["facilitator_cookie"])),
                daemon=True,
            )
        )
        for thread in threads:
            thread.start()
        stop.wait(3 * PARTICIPANT_POLL_SECONDS)  # every poller has its first version
        current = _current(screen_html)
        steps: list[tuple[float, str]] = []  # (start of the post, question it brought on the screen)
        for step in range(STEPS):
            token = csrf_token(screen_html)
            began = time.perf_counter()
            status, _, elapsed = facilitator.post_form(
                f"{session}/scherm/stap/",
                [("csrfmiddlewaretoken", token), ("vraag", current), ("richting", "volgende")],
            )
            _, screen_html, _ = facilitator.get(f"{session}/scherm/")
            current = _current(screen_html)
            with lock:
                result.post_ms.append(elapsed * 1000)
            steps.append((began, current))
            if status != 302:
                result.errors.append(f"step {step}: HTTP {status}")
            deadline = began + SEEN_DEADLINE_S
            while time.perf_counter() < deadline:
                with lock:
                    if all(_first_seen(shown_at[i], began, current) is not None for i in range(len(cookies))):
                        break
                stop.wait(0.05)  # the benchmark's own check, not the thing measured
            stop.wait(random.uniform(0.5, 1.5))  # the group talks a moment before the next item
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        facilitator.close()
        for began, question in steps:
            for i in range(len(cookies)):
                moment = _first_seen(shown_at[i], began, question)
                if moment is None:
                    result.missed += 1
                else:
                    result.latencies.append(moment - began)
        print(
            f"[{result.label}] {len(result.latencies)} samples: p50 {_pct(result.latencies, 0.5):.2f} s, "
            f"p95 {_pct(result.latencies, 0.95):.2f} s, max {max(result.latencies, default=float('nan')):.2f} s, "
            f"missed {result.missed}, errors {len(result.errors)}",
            flush=True,
        )
        return result


def _postgres_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str | None]:
    """A PostgreSQL server of our own on a free loopback port, in a temporary directory; None without initdb."""
    initdb, pg_ctl = _postgres_binary("initdb"), _postgres_binary("pg_ctl")
    if not initdb or not pg_ctl:
        yield None
        return
    # PostgreSQL refuses to run as root; then the postgres user runs it.
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    with tempfile.TemporaryDirectory(prefix="denkraam-pg-") as tmp:
        data = Path(tmp) / "data"
        if prefix:
            shutil.chown(tmp, user="postgres")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        quiet = {"capture_output": True, "check": True, "timeout": 120}
        subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "denkraam", "-E", "UTF8"], **quiet)
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {tmp} -c fsync=on"
        log = str(Path(tmp) / "postgres.log")
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-o", options, "-l", log, "-w", "start"], **quiet)
        try:
            yield f"postgres://denkraam@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], **quiet)


def _report(results: list[Result], seconds: float, load: tuple[float, float]) -> str:
    lines = [
        "## Workshop: 'volgende vraag' on the big screen reaches the participants",
        "",
        f"`{Path(sys.executable).name} benchmarks/workshop.py` — {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, waitress with {SERVER_THREADS} threads on 127.0.0.1, run took "
        f"{seconds:.0f} s; load average (1 min) {load[0]:.1f} before, {load[1]:.1f} after. {PARTICIPANTS} "
        f"participants poll the live line every {PARTICIPANT_POLL_SECONDS} s (random phase each), the screen "
        f"polls its partial every {SCREEN_POLL_SECONDS} s; the facilitator presses 'volgende vraag' {STEPS} times. "
        "A sample is the time from the start of her form post until one participant's poll first shows the new "
        f"question ({PARTICIPANTS} × {STEPS} per database). Target: p95 <= {TARGET_P95_S:.0f} s.",
        "",
        "| database | samples | missed | p50 | p95 | max | target | post p50 | poll 204 p50 / p95 "
        "| poll 200 p50 | errors |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for r in results:
        p95 = _pct(r.latencies, 0.95)
        verdict = "met" if p95 <= TARGET_P95_S and not r.missed and not r.errors else "**missed**"
        lines.append(
            f"| {r.label} | {len(r.latencies)} | {r.missed} | {_pct(r.latencies, 0.5):.2f} s | {p95:.2f} s "
            f"| {max(r.latencies, default=float('nan')):.2f} s | {verdict} | {_pct(r.post_ms, 0.5):.0f} ms "
            f"| {_pct(r.poll_204_ms, 0.5):.1f} / {_pct(r.poll_204_ms, 0.95):.1f} ms "
            f"| {_pct(r.poll_200_ms, 0.5):.1f} ms | {len(r.errors)} |"
        )
    for r in results:
        if r.errors:
            lines += ["", f"First errors ({r.label}): " + "; ".join(r.errors[:5])]
    lines += [
        "",
        "Why polling and not server-sent events: waitress serves each request on one of a fixed number of threads "
        f"({SERVER_THREADS} by default); an SSE stream holds its thread for as long as the page is open, so 13 open "
        "pages would take every thread and the next page load would wait. Several web processes would also need a "
        "channel between them (PostgreSQL LISTEN/NOTIFY). A poll is a short request that reads the state from the "
        "database, so any process can answer it; an unchanged state answers 204 with no body and no template, after "
        "the queries every page makes for the login and the access check. The latency is at most one poll "
        "interval plus one request; 'poll 204' is what the 12 participants cost the server every second.",
    ]
    return "\n".join(lines)


def main() -> int:
    began = time.perf_counter()
    load_before = os.getloadavg()[0]
    results = [run_database(None)]
    if os.environ.get("DATABASE_URL"):
        with postgres_database(os.environ["DATABASE_URL"]) as url:
            results.append(run_database(url))
    else:
        with throwaway_postgres() as server_url:
            if server_url is None:
                print("PostgreSQL (initdb, pg_ctl) not found: SQLite only", flush=True)
            else:
                with postgres_database(server_url) as url:
                    results.append(run_database(url))
    write_section("workshop", _report(results, time.perf_counter() - began, (load_before, os.getloadavg()[0])))
    failed = any(r.missed or r.errors or _pct(r.latencies, 0.95) > TARGET_P95_S for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
