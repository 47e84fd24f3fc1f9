"""Shared by the hostile-file benchmarks: peak memory from /proc, a read in a fresh process with a time limit, the
code of an earlier commit, a file upload through a real form, the form's first error message, and alice uploading
while bob saves answers on the same server."""

from __future__ import annotations

import html as entities
import json
import re
import secrets
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _web_server import Browser, Server, csrf_token

ROOT = Path(__file__).resolve().parents[1]


def status_kb(pid: int | str, key: str) -> int:
    """A line of /proc/<pid>/status in kB: VmRSS (now), VmHWM (the peak so far)."""
    text = Path(f"/proc/{pid}/status").read_text()
    match = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else 0


@dataclass
class Read:
    """One read of a file in a fresh process: seconds, peak MB above the process after its imports, outcome."""

    seconds: float
    extra_mb: float
    outcome: str
    stopped: bool = False


def read_in_child(args: list[str], *, timeout: float, memory_limit_mb: int | None = None) -> Read:
    """Run `python <args>` (the child prints one JSON line with seconds, extra_mb, outcome); stop it at `timeout`.

    `memory_limit_mb` is passed to the child as its last argument, for it to set as its own address-space limit
    (code that would otherwise fill the machine ends with MemoryError instead).
    """
    argv = [sys.executable, *args] + ([str(memory_limit_mb)] if memory_limit_mb else [])
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        peak = status_kb(process.pid, "VmHWM") / 1024  # whole process: the baseline is unknown here
        process.kill()
        process.communicate()
        return Read(timeout, peak, f"still reading after {timeout:.0f} s (stopped)", stopped=True)
    if process.returncode:
        last = err.strip().splitlines()[-1:] or [f"exit code {process.returncode}"]
        return Read(float("nan"), float("nan"), f"crashed: {last[0][:150]}")
    return Read(**json.loads(out.strip().splitlines()[-1]))


def limit_memory(megabytes: int) -> None:
    """Called by a child on itself: allocations beyond `megabytes` of address space raise MemoryError."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (megabytes * 1024 * 1024, megabytes * 1024 * 1024))


def source_at(commit: str, path: str) -> str:
    """The text of `path` at `commit` ("" without git or a checkout)."""
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:{path}"], capture_output=True, text=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


class Uploader(Browser):
    """A browser that can also send a form with a file (multipart/form-data)."""

    def post_file(
        self, path: str, *, token: str, field: str, file: Path, fields: tuple[tuple[str, str], ...] = ()
    ) -> tuple[int, str, float]:
        boundary = secrets.token_hex(16)
        parts = [("csrfmiddlewaretoken", token), *fields]
        body = (
            (
                "".join(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
                    for name, value in parts
                )
                + f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{file.name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + file.read_bytes()
            + f"\r\n--{boundary}--\r\n".encode()
        )
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Origin": f"http://{self.host}:{self.port}",
        }
        return self._request("POST", path, body, headers)


def error_text(html: str) -> str:
    """The first message of a form's error summary, as the user reads it."""
    match = re.search(r"denkraam-error-summary.*?<li>(.*?)</li>", html, re.DOTALL)
    return entities.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


@dataclass
class AliceAndBob:
    """Two people on a benchmark server: alice (facilitator, may upload to the first initiative) and bob (a
    participant of its open assessment, who saves the answers of one principle)."""

    alice: Uploader
    bob: Browser
    initiative_id: str
    questionnaire: str
    answers: list[tuple[str, str]]

    def save_while(self, upload: Callable[[], tuple[int, str, float]]) -> tuple[tuple[int, str, float], list[float]]:
        """Run alice's `upload` while bob saves again and again; its result and the seconds of each of bob's saves
        (inf for a save that did not get its redirect)."""
        done = threading.Event()
        saves: list[float] = []

        def save_meanwhile() -> None:
            while not done.is_set():
                status, _, elapsed = self.bob.post_form(self.questionnaire, self.answers)
                saves.append(elapsed if status == 302 else float("inf"))

        saver = threading.Thread(target=save_meanwhile)
        saver.start()
        try:
            result = upload()
        finally:
            done.set()
            saver.join(timeout=60)
        return result, saves

    def close(self) -> None:
        self.alice.close()
        self.bob.close()


def alice_and_bob(server: Server, *, warm_up_saves: int = 5) -> AliceAndBob:
    """Log both in with the seeded cookies; bob's first saves load the name scrubber, so they are a warm-up."""
    from web import _answers

    from denkraam.framework import load_frame

    cookie_name = str(server.seed["session_cookie_name"])
    alice = Uploader(server.base, cookies={cookie_name: str(server.seed["facilitator_cookie"])}, timeout=600)
    bob = Browser(server.base, cookies={cookie_name: str(server.seed["participant_cookies"][0])})  # type: ignore[index]
    status, html, _ = alice.get("/initiatieven/")
    initiative = re.search(r'href="/initiatieven/([0-9a-f-]{36})/"', html)
    if status != 200 or not initiative:
        raise RuntimeError("no initiative on the list page")
    questionnaire = f"/gesprekken/{server.seed['assessment_id']}/vragenlijst/"
    principle = load_frame().principles()[0]
    _, html, _ = bob.get(f"{questionnaire}?principe={principle.id}")
    ratings = _answers([q.id for q in principle.questions], 1, principle.id)
    answers = [("csrfmiddlewaretoken", csrf_token(html)), *ratings]
    pair = AliceAndBob(alice, bob, initiative.group(1), questionnaire, answers)
    for _ in range(warm_up_saves):
        bob.post_form(questionnaire, answers)
    return pair


def format_read(read: Read | None, *, digits: int = 0) -> tuple[str, str]:
    """(time, memory) cells of a report row; a read stopped at its limit shows the limit and the whole process."""
    if read is None:
        return "not run", "–"
    seconds = f"> {read.seconds:.0f} s" if read.stopped else f"{read.seconds:.2f} s"
    memory = f"{read.extra_mb:,.{digits}f} MB" + (" (whole process)" if read.stopped else "")
    return seconds, memory
