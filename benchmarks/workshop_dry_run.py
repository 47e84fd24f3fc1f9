"""Issue 15's scripted workshop dry run against a real server, in Chromium, with its figures in BENCHMARKS.md.

A real server (`denkraam serve`, waitress) on loopback with a fresh SQLite database, seeded as benchmarks/web.py
seeds it (a facilitator, 4 participants from two organisations). Then the steps of tests/browser/dry_run.py, the
same ones the browser test runs: the facilitator sets up a 12-question quick scan through the pages, invites the
four, opens it and starts the big screen; each participant answers in their own browser context (one by keyboard
only, one on a 390×844 phone after typing the join code); reveal via the confirmation page, six agenda items on
the big screen, three actions, close via the confirmation page, the PDF.

Measured: clicks on buttons and links per agenda item on the screen (counted by the page itself), Tab presses from
page load to the first radio button at 1280 and 390 wide, where the first question's text lies at 390×844,
`pdfinfo`'s Tagged line and the structure check of tests/reports/pdf_structure.py, and the wall time.
Run: `.venv/bin/python benchmarks/workshop_dry_run.py [--screenshots]` (about a minute); `--screenshots` also
rewrites the docs/img/workshop-*.png pictures of docs/assessments.md. Writes the `workshop-dry-run` section.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from _report import write_section  # noqa: E402
from _web_server import running_server  # noqa: E402
from playwright.sync_api import BrowserContext, sync_playwright  # noqa: E402

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.dry_run import AGENDA_ITEMS, MAX_TABS, PHONE, Figures, Person, run_dry_run  # noqa: E402
from tests.reports.pdf_structure import check_tagged_pdf  # noqa: E402

PARTICIPANTS = 4
TIMEOUT_MS = 20_000


def _pdfinfo_tagged(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rapport.pdf"
        path.write_bytes(pdf)
        try:
            out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True, timeout=60)
        except (OSError, subprocess.CalledProcessError):
            return "pdfinfo not available"
    match = re.search(r"^Tagged:\s*(\S+)", out.stdout, re.MULTILINE)
    return match.group(1) if match else "no Tagged line"


def dry_run(*, shots: Path | None) -> tuple[Figures, float, str]:
    """Start a server, run the dry run in Chromium; returns the figures, the whole wall time and the database."""
    began = time.perf_counter()
    with running_server(database_url=None, participants=PARTICIPANTS, initiatives=1, threads=8) as server:
        seed = server.seed
        cookie_name = str(seed["session_cookie_name"])
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

            def context_for(cookie: str) -> BrowserContext:
                ctx = browser.new_context(locale="nl-NL", base_url=server.base)
                ctx.set_default_timeout(TIMEOUT_MS)
                ctx.add_cookies([{"name": cookie_name, "value": cookie, "url": server.base}])
                return ctx

            facilitator = context_for(str(seed["facilitator_cookie"])).new_page()
            # The seeded session names its initiative; the dry run starts a new session there.
            facilitator.goto(f"/gesprekken/{seed['assessment_id']}/")
            href = facilitator.locator(".denkraam-breadcrumb a").get_attribute("href")
            assert href, "no initiative link on the seeded session"
            people = [
                Person(
                    context_for(cookie),
                    f"deelnemer{i:02d}",
                    f"Deelnemer{i:02d}",
                    by_keyboard=i == 0,
                    on_phone=i == PARTICIPANTS - 1,
                )
                for i, cookie in enumerate(list(seed["participant_cookies"]))  # type: ignore[call-overload]
            ]
            figures = run_dry_run(facilitator=facilitator, people=people, initiative_path=href, shots=shots)
            browser.close()
        return figures, time.perf_counter() - began, str(seed["database"])


def _report(figures: Figures, total: float, database: str, load: tuple[float, float]) -> str:
    tagged = _pdfinfo_tagged(figures.pdf)
    problems = check_tagged_pdf(figures.pdf).problems
    clicks = figures.steering_clicks_per_item
    top, bottom = figures.first_question_top_px or 0.0, figures.first_question_bottom_px or 0.0
    tabs_1280, tabs_390 = figures.tabs_to_first_radio.get("1280"), figures.tabs_to_first_radio.get("390")
    on_first_screen = top < PHONE["height"] - 40  # the question starts on the first screen, a line of it at least
    rows = [
        ("clicks per agenda item on the big screen (buttons and links)", ", ".join(map(str, clicks)), "≤ 1",
         all(c <= 1 for c in clicks)),
        ("Tab presses from page load to the first radio, 1280 wide", str(tabs_1280), f"≤ {MAX_TABS}",
         tabs_1280 is not None and tabs_1280 <= MAX_TABS),
        ("Tab presses from page load to the first radio, 390×844", str(tabs_390), f"≤ {MAX_TABS}",
         tabs_390 is not None and tabs_390 <= MAX_TABS),
        ("first question's legend at 390×844 (viewport 844 px)", f"{top:.0f}–{bottom:.0f} px", "starts on screen 1",
         on_first_screen),
        ("`pdfinfo` of the PDF: Tagged", tagged, "yes", tagged == "yes"),
        ("structure check (tests/reports/pdf_structure.py)", "; ".join(problems) or "no problems", "no problems",
         not problems),
        ("participants' pages followed the screen without reload", "yes" if figures.participants_followed_without_reload
         else "no", "yes", figures.participants_followed_without_reload),
    ]  # fmt: skip
    lines = [
        "## Workshop dry run: set-up to PDF in Chromium (`benchmarks/workshop_dry_run.py`)",
        "",
        f"`{Path(sys.executable).name} benchmarks/workshop_dry_run.py` — {time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, `denkraam serve` (waitress, 8 threads) on "
        f"127.0.0.1 with {database}, Debian Chromium headless; load average (1 min) {load[0]:.1f} before, "
        f"{load[1]:.1f} after. The steps are those of `tests/browser/test_workshop_dry_run.py` "
        f"(`tests/browser/dry_run.py`): a facilitator and {PARTICIPANTS} participants (two organisations), a "
        f"12-question quick scan set up through the pages, anonymous; one participant answers by keyboard only, one "
        f"on a phone after typing the join code from the screen; reveal via the confirmation page, {AGENDA_ITEMS} "
        "agenda items with a consensus on the big screen, 3 actions, close via the confirmation page, the PDF.",
        "",
        "| figure | result | target | status |",
        "|---|---|---|---|",
        *(f"| {name} | {value} | {target} | {'met' if ok else '**missed**'} |" for name, value, target, ok in rows),
        f"| wall time of the dry run in the browser (server already up) | {figures.seconds:.0f} s | — | — |",
        f"| wall time including seeding and starting the server | {total:.0f} s | — | — |",
        "",
        "Per agenda item the facilitator also chooses the group's rating (one radio button) and types a rationale; "
        "the page counts only clicks on buttons and links, i.e. steering: the one click is *Vastleggen en volgende "
        "vraag*, which records the consensus and shows the next item. Tab presses count the skip link *Direct naar "
        "de vragen* followed by one Enter. The keyboard-only participant needed "
        f"{figures.keyboard_keys} key presses for all 12 questions (Tab, arrows, Space, Enter). On the phone the "
        f"first choice (the radio *Goed*) starts at {figures.first_choice_top_px or 0:.0f} px: the question's text "
        "is on the first screen, its choices "
        + ("too." if (figures.first_choice_top_px or 1e9) < PHONE["height"] else "one short scroll below it.")
        + " On a phone the site header is three short lines (about 115 px); a session title of two lines costs"
        " another line.",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", action="store_true", help="also rewrite docs/img/workshop-*.png")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: install Debian chromium", file=sys.stderr)
        return 2
    load_before = os.getloadavg()[0]
    figures, total, database = dry_run(shots=REPO / "docs" / "img" if args.screenshots else None)
    write_section("workshop-dry-run", _report(figures, total, database, (load_before, os.getloadavg()[0])))
    print(
        f"clicks per item {figures.steering_clicks_per_item}, tabs {figures.tabs_to_first_radio}, first question "
        f"{figures.first_question_top_px}–{figures.first_question_bottom_px} px, dry run {figures.seconds:.1f} s, "
        f"total {total:.1f} s",
        flush=True,
    )
    ok = figures.steering_clicks_per_item == [1] * AGENDA_ITEMS and figures.participants_followed_without_reload
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
