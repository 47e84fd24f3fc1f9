"""Shared by the hostile-file benchmarks: peak memory from /proc, a read in a fresh process with a time limit, the
code of an earlier commit, a file upload through a real form, and the form's first error message."""

from __future__ import annotations

import html as entities
import json
import re
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from _web_server import Browser

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
