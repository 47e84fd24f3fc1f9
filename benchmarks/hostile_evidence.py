"""Hostile evidence uploads (hardening issue, item 1): time to refusal and peak extra memory, before and after, and
a concurrent save by another user against a real server.

The files come from `tests/analysis/text/hostile_files.py`: the two of the issue (a 4.6 MB .docx that unpacks to
199 MB; a 63 KB PDF of 400 pages sharing one heavy content stream) and four more (a PDF whose pages each have
their own heavy stream, so only the deadline stops it; a PDF that draws a thousand forms of 8 MB; Markdown full of
markers that never close; an HTML page of 1.2 million paragraphs).

1. In a fresh subprocess each: `document_from_bytes`, as the upload calls it, timed, with the peak memory above
   the process's own after its imports (VmHWM - VmRSS). "after" is this checkout; "before" is the extraction
   module of BEFORE_COMMIT, run in the same way with an address-space limit of BEFORE_MEMORY_MB, stopped after
   BEFORE_TIMEOUT seconds (`--no-before` leaves it out).
2. Against a real server (`denkraam serve`, waitress, loopback, a fresh SQLite database, default settings):
   alice uploads the file through the form while bob saves the answers of an open assessment in a loop. Recorded:
   what alice sees and when, the server's peak memory during her upload, and bob's saves meanwhile. The "before"
   of this part is not measured here (the old server would hold the lock for minutes): it is the reproduction in
   tests/evidence/test_hostile_uploads.py and the figures of the issue.

Goal (the issue): each hostile file of the issue refused (or read) within 5 s and under 300 MB extra, while a
save by another user takes under 1 s. Run: `.venv/bin/python benchmarks/hostile_evidence.py` (about 8 minutes with
"before", 1 without). Writes the `hostile-evidence` section of BENCHMARKS.md; exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from _hostile import Read, Uploader, error_text, format_read, limit_memory, read_in_child, source_at, status_kb  # noqa: E402
from _report import write_section  # noqa: E402
from _web_server import Browser, Server, csrf_token, running_server  # noqa: E402

BEFORE_COMMIT = "8bef13d"  # the last commit with the unbounded extraction (src/denkraam/analysis/text/extract.py)
BEFORE_PATH = "src/denkraam/analysis/text/extract.py"
BEFORE_TIMEOUT = 300.0
BEFORE_MEMORY_MB = 6_000
AFTER_TIMEOUT = 120.0
TARGET_SECONDS, TARGET_EXTRA_MB, TARGET_SAVE_SECONDS = 5.0, 300.0, 1.0
SERVER_THREADS = 4
# From the issue, on its machine, for the files it describes (ours are built to match them).
ISSUE_BEFORE = {
    "docx": "156 s, web process 1.2 → 4.7 GB, then refused 'te lang'; saves by others: HTTP 500 after 21–22 s",
    "pdf": "298 s, stored; saves by others: HTTP 500 after 21–22 s",
}


@dataclass(frozen=True)
class Hostile:
    name: str
    label: str
    build: Callable[[], bytes]
    of_the_issue: bool  # the goal applies to the files of the issue; the others show the other bounds
    on_server: bool


def _files() -> list[Hostile]:
    from tests.analysis.text import hostile_files as h

    return [
        Hostile("brief.docx", "Word: 4.6 MB, word/document.xml unpacks to 199 MB (ratio 44)", h.docx_bomb, True, True),
        Hostile(
            "gedeeld.pdf", "PDF: 63 KB, 400 pages share one stream of 25,000 operators", h.pdf_shared_stream, True, True
        ),
        Hostile("zwaar.pdf", "PDF: 22 KB, 40 pages, each its own stream (25,000 ops)", h.pdf_heavy_pages, False, True),
        Hostile("formulieren.pdf", "PDF: 8 MB, one page draws 1,000 forms of 8 MB", h.pdf_many_forms, False, False),
        Hostile("notities.md", "Markdown: 1.6 MB of `**woord ` that never closes", h.markdown_markers, False, False),
        Hostile(
            "pagina.html",
            "HTML: 9.6 MB, 1.2 million paragraphs",
            lambda: b"<html><body>" + b"<p>a</p>" * 1_200_000 + b"</body></html>",
            False,
            False,
        ),
    ]


# --- 1. a fresh process per file ------------------------------------------------------------------------------


def _child(mode: str, file: str, module_dir: str, memory_mb: str = "") -> None:
    """Runs in the subprocess: read the file as the upload does and print seconds, extra MB and the outcome."""
    if memory_mb:
        limit_memory(int(memory_mb))
    import docx  # noqa: F401 - imported before the baseline: every version imports these
    import lxml.html  # noqa: F401
    import pypdf  # noqa: F401

    if mode == "before":
        sys.path.insert(0, module_dir)
        import extract_before as extract  # type: ignore[import-not-found]
    else:
        from denkraam.analysis.text import extract  # type: ignore[no-redef]
    path = Path(file)
    data = path.read_bytes()
    baseline = status_kb("self", "VmRSS")
    started = time.perf_counter()
    try:
        document = extract.document_from_bytes(data, source=path.name, hint=path.suffix)
        outcome = f"read: {len(document.text):,} characters"
    except extract.InputError as error:
        outcome = f"refused: {error}"
    except MemoryError:
        outcome = f"out of memory ({memory_mb} MB address-space limit)"
    seconds = time.perf_counter() - started
    extra_mb = (status_kb("self", "VmHWM") - baseline) / 1024
    print(json.dumps({"seconds": seconds, "extra_mb": extra_mb, "outcome": outcome}))


def _read(mode: str, path: Path, module_dir: str) -> Read:
    timeout = BEFORE_TIMEOUT if mode == "before" else AFTER_TIMEOUT
    memory = BEFORE_MEMORY_MB if mode == "before" else None
    return read_in_child([__file__, "--child", mode, str(path), module_dir], timeout=timeout, memory_limit_mb=memory)


# --- 2. a real server, and a concurrent save by another user --------------------------------------------------


@dataclass
class Served:
    seconds: float
    status: int
    message: str
    server_extra_mb: float
    saves: list[float] = field(default_factory=list)  # seconds of each save by bob; inf when it failed


def _peak_rss(pid: int, done: threading.Event, into: list[int]) -> None:
    """Sample the server's resident memory until `done`: its peak during one upload."""
    while not done.wait(0.01):
        into.append(status_kb(pid, "VmRSS"))


def _served(server: Server, files: list[tuple[Hostile, Path]]) -> dict[str, Served]:
    from web import _answers

    from denkraam.framework import load_frame

    cookie_name = str(server.seed["session_cookie_name"])
    alice = Uploader(server.base, cookies={cookie_name: str(server.seed["facilitator_cookie"])}, timeout=600)
    bob = Browser(server.base, cookies={cookie_name: str(server.seed["participant_cookies"][0])})  # type: ignore[index]
    status, html, _ = alice.get("/initiatieven/")
    initiative = re.search(r'href="/initiatieven/([0-9a-f-]{36})/"', html)
    if status != 200 or not initiative:
        raise RuntimeError("no initiative on the list page")
    upload = f"/initiatieven/{initiative.group(1)}/bewijs/nieuw/"
    questionnaire = f"/gesprekken/{server.seed['assessment_id']}/vragenlijst/"
    principle = load_frame().principles()[0]
    answers = _answers([q.id for q in principle.questions], 1, principle.id)
    _, html, _ = bob.get(f"{questionnaire}?principe={principle.id}")
    bob_token = csrf_token(html)
    bob.post_form(questionnaire, [("csrfmiddlewaretoken", bob_token), *answers])  # warm-up
    warm_up = Path(tempfile.mkdtemp()) / "brief.txt"
    warm_up.write_text("Geachte heer De Vries,\n\nWij hebben uw aanvraag ontvangen.\n", encoding="utf-8")
    _, html, _ = alice.get(upload)
    alice.post_file(upload, token=csrf_token(html), field="bestand-upload", file=warm_up, fields=(("way", "bestand"),))
    results: dict[str, Served] = {}
    for spec, path in files:
        _, html, _ = alice.get(upload)
        token = csrf_token(html)
        done = threading.Event()
        saves: list[float] = []
        rss: list[int] = [status_kb(server.process.pid, "VmRSS")]

        def save_meanwhile(saves: list[float] = saves, done: threading.Event = done) -> None:
            while not done.is_set():
                status, _, elapsed = bob.post_form(questionnaire, [("csrfmiddlewaretoken", bob_token), *answers])
                saves.append(elapsed if status == 302 else float("inf"))

        threads = [
            threading.Thread(target=save_meanwhile),
            threading.Thread(target=_peak_rss, args=(server.process.pid, done, rss)),
        ]
        for thread in threads:
            thread.start()
        status, html, seconds = alice.post_file(
            upload, token=token, field="bestand-upload", file=path, fields=(("way", "bestand"),)
        )
        done.set()
        for thread in threads:
            thread.join(timeout=60)
        results[spec.name] = Served(
            seconds=seconds,
            status=status,
            message=error_text(html) if status != 302 else "stored",
            server_extra_mb=(max(rss) - rss[0]) / 1024,
            saves=saves,
        )
        print(f"[server] {spec.name}: HTTP {status} in {seconds:.2f} s; bob saved {len(saves)} times", flush=True)
    alice.close()
    bob.close()
    return results


# --- report ---------------------------------------------------------------------------------------------------


def _short(text: str, limit: int = 150) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _report(
    files: list[tuple[Hostile, Path]],
    before: dict[str, Read],
    after: dict[str, Read],
    served: dict[str, Served],
    *,
    seconds: float,
    load: tuple[float, float],
) -> tuple[str, bool]:
    met = True
    lines = [
        "## Hostile evidence uploads",
        "",
        f"`{Path(sys.executable).name} benchmarks/hostile_evidence.py{'' if before else ' --no-before'}` — "
        f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python {platform.python_version()}, run took "
        f"{seconds:.0f} s. Load average (1 min) {load[0]:.1f} before and {load[1]:.1f} after: other work on the "
        f"machine slows every figure. Goal for the two files of the issue: refused (or read) within "
        f"{TARGET_SECONDS:.0f} s and under {TARGET_EXTRA_MB:.0f} MB extra, while a save by another user takes "
        f"under {TARGET_SAVE_SECONDS:.0f} s. The other files show the other bounds. Only the deadline "
        "(DENKRAAM_EXTRACT_SECONDS, 20 s by default) bounds the PDF of 40 heavy pages: no size gives it away, so "
        "it is read when there is time and refused when there is not.",
        "",
        "### Reading the file, in a fresh process (peak memory above the process after its imports)",
        "",
        f"'before' is the extraction of commit {BEFORE_COMMIT}, in the same way, stopped after "
        f"{BEFORE_TIMEOUT:.0f} s or at {BEFORE_MEMORY_MB:,} MB of address space.",
        "",
        "| file | before: time | before: extra memory | after: time | after: extra memory | after: outcome |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for spec, _path in files:
        b_time, b_mem = format_read(before.get(spec.name))
        read = after[spec.name]
        a_time, a_mem = format_read(read)
        ok = not spec.of_the_issue or (read.seconds < TARGET_SECONDS and read.extra_mb < TARGET_EXTRA_MB)
        met &= ok and not read.stopped
        lines.append(
            f"| {spec.label} | {b_time} | {b_mem} | {a_time} | {a_mem} | {_short(read.outcome)}"
            f"{'' if ok else ' **(goal missed)**'} |"
        )
    lines += [
        "",
        "### Through a real server while another user saves",
        "",
        f"`denkraam serve` (waitress, {SERVER_THREADS} threads) on 127.0.0.1 with a fresh SQLite database and the "
        "default settings: alice uploads the file through the form; meanwhile bob saves the answers of one "
        "principle of an open assessment, again and again until her upload is answered. 'server memory' is the "
        "peak resident memory of the server process during her upload above what it used before.",
        "",
        "| file | alice: HTTP | alice: time | what alice reads | server memory | bob: saves | bob: slowest "
        "| bob: failed |",
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for spec, _path in files:
        if spec.name not in served:
            continue
        result = served[spec.name]
        slowest = max(result.saves) if result.saves else float("nan")
        failed = sum(s == float("inf") for s in result.saves)
        ok = bool(result.saves) and failed == 0 and slowest < TARGET_SAVE_SECONDS
        if spec.of_the_issue:
            ok &= result.seconds < TARGET_SECONDS and result.server_extra_mb < TARGET_EXTRA_MB
        met &= ok
        lines.append(
            f"| {spec.name} | {result.status} | {result.seconds:.2f} s | {_short(result.message, 110)} "
            f"| {result.server_extra_mb:,.0f} MB | {len(result.saves)} | {slowest * 1000:,.0f} ms | {failed}"
            f"{'' if ok else ' **(goal missed)**'} |"
        )
    lines += [
        "",
        "Bob's saves wait for the CPU that alice's read takes, not for the database. The server holds deduce's "
        "name lists for the personal-data scrubber (4.5 million objects); the warm-up freezes them (`gc.freeze()` "
        "in `denkraam.warmup`), because otherwise pypdf's allocations set off full garbage collections that walk "
        "them all: before that, bob's slowest save during the PDF of 40 heavy pages took 4.9 s.",
        "",
        "Before the fix (not measured in this run, the old server holds the lock for minutes): the issue reports, "
        f"for its .docx, {ISSUE_BEFORE['docx']}; for its PDF, {ISSUE_BEFORE['pdf']}; and `denkraam worker` "
        "crashed with 'database is locked'. The reproduction test (`tests/evidence/test_hostile_uploads.py` "
        "against the old services) gave bob's requests 'database is locked' after the 20 s busy timeout while "
        "alice's upload was being read inside its transaction.",
    ]
    return "\n".join(lines), met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-before", action="store_true", help="leave out the old code (saves ~7 minutes)")
    args = parser.parse_args()
    began, load_before = time.perf_counter(), os.getloadavg()[0]
    folder = Path(tempfile.mkdtemp(prefix="denkraam-hostile-evidence-"))
    files = []
    for spec in _files():
        path = folder / spec.name
        path.write_bytes(spec.build())
        files.append((spec, path))
    module_dir = ""
    if not args.no_before and (source := source_at(BEFORE_COMMIT, BEFORE_PATH)):
        (folder / "extract_before.py").write_text(source, encoding="utf-8")
        module_dir = str(folder)
    before: dict[str, Read] = {}
    after: dict[str, Read] = {}
    for spec, path in files:
        after[spec.name] = _read("after", path, module_dir)
        print(f"[after] {spec.name}: {after[spec.name]}", flush=True)
        if module_dir:
            before[spec.name] = _read("before", path, module_dir)
            print(f"[before] {spec.name}: {before[spec.name]}", flush=True)
    with running_server(database_url=None, participants=2, initiatives=1, threads=SERVER_THREADS) as server:
        served = _served(server, [(spec, path) for spec, path in files if spec.on_server])
    report, met = _report(
        files, before, after, served, seconds=time.perf_counter() - began, load=(load_before, os.getloadavg()[0])
    )
    write_section("hostile-evidence", report)
    return 0 if met else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(*sys.argv[2:])
    else:
        raise SystemExit(main())
