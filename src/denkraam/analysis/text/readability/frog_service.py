"""Frog kept loaded: the deep tier without frog's start-up of seconds on every check.

Frog needs ~3 s of CPU to load its models and ~0.3 s to parse a one-page letter. `FrogService` keeps one frog
loaded for the life of the process and sends it all sentences of a text at once, reading the answers one by one;
threads of the web app share it (one text at a time, behind a lock). Where frog runs is set by `DENKRAAM_FROG_SERVER`:

- `auto` (default): each process (web app, worker, a CLI call) starts its own frog on the first deep check, or at
  start-up of `denkraam serve` (and of `denkraam worker` with DENKRAAM_EVIDENCE_DEEP). It talks to frog over pipes
  (frog's stdin/stdout mode), not over its server mode: frog's server mode (`-S port`) listens on every network
  interface and cannot be told to listen on 127.0.0.1 only, so a port of our own would offer an unauthenticated
  parser to the whole network. Pipes open no port, and frog ends by itself when its process ends (end of file).
- `host:port`: use the frog of `denkraam frog-server` there (`frog_server_run`: one frog loaded, behind a small
  server of ours that listens on 127.0.0.1 only), shared by the web app, the worker and every CLI call. The same
  line protocol also reaches frog's own server mode (`frog -S port` with FROG_ARGUMENTS), but frog 0.20 takes
  ~150 ms per sentence there whatever its length (2 ms over pipes), ten times the parse of a letter.
- `off`: no frog kept loaded; every deep check starts frog once (`run_frog`, seconds).

Every sentence has a deadline (`timeout`). A frog that dies or hangs is stopped and started again once; when the
sentence fails on the new frog too, the check raises FrogUnavailable with a Dutch message. Nothing is cached: the
Tekstcheck page promises that a text is forgotten once it is checked.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import select
import shutil
import socket
import socketserver
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .frog import MAX_PARSE_TOKENS, FrogUnavailable, frog_available, run_frog
from .lint_lexicon import LintLexiconMissing, lint_lexicon

__all__ = [
    "FROG_ARGUMENTS",
    "FrogAddress",
    "FrogService",
    "frog_address",
    "frog_address_parse",
    "frog_runner",
    "frog_service",
    "frog_service_configure",
    "frog_server_run",
    "frog_service_start",
]

# The options of the batch run (`run_frog`), so both give the same parse; one thread, because frog's 8 OpenMP
# threads mostly spin while they wait and then take 4 times the CPU of the parse itself.
FROG_ARGUMENTS = ("--skip=tanc", "-n", "--threads=1", f"--max-parser-tokens={MAX_PARSE_TOKENS}")
ADDRESS_ENV = "DENKRAAM_FROG_SERVER"
TIMEOUT_ENV = "DENKRAAM_FROG_TIMEOUT_SECONDS"
# A longer text goes to the batch run (the CLI, the worker); the Tekstcheck page has its own, lower limit.
MAX_SERVICE_CHARACTERS = 200_000
# One of our lines is at most MAX_PARSE_TOKENS tokens; a line this long is not a sentence frog should see.
MAX_LINE_CHARACTERS = 5_000

logger = logging.getLogger(__name__)

BUSY = "De diepe analyse is op dit moment bezet. Probeer het over een minuut opnieuw."
TOO_SLOW = "De diepe analyse (frog) gaf binnen {seconds:.0f} seconden geen antwoord, ook niet na een herstart."
FAILED = "De diepe analyse (frog) stopte onverwacht, ook na een herstart: {reason}"
NOT_STARTED = "Het programma 'frog' kon niet starten: {reason}"
NOT_REACHED = "De diepe analyse kan frog op {address} niet bereiken: {reason}"


@dataclass(frozen=True, slots=True)
class FrogAddress:
    """Where frog runs: `mode` is "auto", "off" or "server" (then with host and port)."""

    mode: str
    host: str = ""
    port: int = 0

    def __str__(self) -> str:
        return f"{self.host}:{self.port}" if self.mode == "server" else self.mode


def frog_address_parse(raw: str) -> FrogAddress:
    """Read a DENKRAAM_FROG_SERVER value: `auto`, `off` or `host:port`; raises ValueError on anything else."""
    value = raw.strip().lower()
    if value in {"", "auto"}:
        return FrogAddress("auto")
    if value in {"off", "uit"}:
        return FrogAddress("off")
    host, _, port = raw.strip().rpartition(":")
    host = host.strip("[]")
    if host and port.isdigit() and 0 < int(port) < 65536:
        return FrogAddress("server", host, int(port))
    raise ValueError(f"{ADDRESS_ENV} must be auto, off or host:port (such as 127.0.0.1:7011), not {raw!r}")


class _Failure(Exception):
    """Frog died, hung or said something we cannot read: worth one restart."""


class _Frog:
    """What both ways to reach frog share: all sentences are sent at once (frog never waits for us between
    them), the answers are read one by one, each with its own deadline."""

    def send(self, data: bytes) -> None:
        raise NotImplementedError

    def answer(self, deadline: float) -> list[list[str]]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _send_quietly(self, data: bytes) -> None:
        # Frog is gone or was stopped (its pipe closed under us): the reader notices (end of file or deadline).
        with contextlib.suppress(OSError, ValueError):
            self.send(data)

    def parse_lines(self, lines: Sequence[str], timeout: float) -> Iterator[list[list[str]]]:
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        # A thread writes, so a long text cannot fill both pipes (us writing, frog writing) and block the two.
        threading.Thread(target=self._send_quietly, args=(data,), name="denkraam-frog-send", daemon=True).start()
        for _ in lines:
            yield self.answer(time.monotonic() + timeout)


class _PipeFrog(_Frog):
    """One frog child reading sentences on stdin, one per line, and writing its rows on stdout."""

    def __init__(self, *, start_timeout: float) -> None:
        executable = shutil.which("frog")
        if executable is None or not frog_available():
            raise FrogUnavailable()
        self._folder = tempfile.TemporaryDirectory(prefix="denkraam-frog-")
        self._log: collections.deque[str] = collections.deque(maxlen=20)
        self._ready = threading.Event()
        try:
            self.process = subprocess.Popen(
                [executable, *FROG_ARGUMENTS],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=self._folder.name,  # frog writes debug files into the working directory
            )
        except OSError as error:
            self._folder.cleanup()
            raise FrogUnavailable(NOT_STARTED.format(reason=error)) from error
        # Frog logs to stderr as long as it runs; the pipe is read to the end so frog never blocks on it.
        threading.Thread(target=self._read_log, name="denkraam-frog-log", daemon=True).start()
        self._buffer = b""
        deadline = time.monotonic() + start_timeout
        while not self._ready.wait(0.1):
            if self.process.poll() is not None or time.monotonic() > deadline:
                reason = self.last_log() or f"geen antwoord binnen {start_timeout:.0f} seconden"
                self.close()
                raise FrogUnavailable(NOT_STARTED.format(reason=reason))

    def _read_log(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            line = raw.decode("utf-8", "replace").strip()
            if line:
                self._log.append(line)
            if "Initialization done" in line:
                self._ready.set()

    def last_log(self) -> str:
        return self._log[-1] if self._log else ""

    def _read_line(self, deadline: float) -> bytes:
        assert self.process.stdout is not None
        descriptor = self.process.stdout.fileno()
        poller = select.poll()  # not select.select: a busy web app may have descriptors above 1024
        poller.register(descriptor, select.POLLIN)
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            if poller.poll(remaining * 1000):
                chunk = os.read(descriptor, 65536)
                if not chunk:
                    raise _Failure(self.last_log() or "frog is gestopt")
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def answer(self, deadline: float) -> list[list[str]]:
        rows: list[list[str]] = []
        while True:  # the rows of one sentence, then a blank line
            text = self._read_line(deadline).decode("utf-8", "replace")
            if text.strip():
                rows.append(text.split("\t"))
            elif rows:
                return rows

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self._folder.cleanup()


class _SocketFrog(_Frog):
    """A connection to frog in server mode (`frog -S port -n`): a line in, its rows back, then "READY"."""

    def __init__(self, address: FrogAddress, *, timeout: float) -> None:
        try:
            self._socket = socket.create_connection((address.host, address.port), timeout=min(timeout, 10.0))
        except OSError as error:
            raise FrogUnavailable(NOT_REACHED.format(address=address, reason=error)) from error
        self._buffer = b""

    def _read_line(self, deadline: float) -> bytes:
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            self._socket.settimeout(remaining)
            try:
                chunk = self._socket.recv(65536)
            except TimeoutError:
                raise
            except OSError as error:
                raise _Failure(str(error)) from error
            if not chunk:
                raise _Failure("frog sloot de verbinding")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def send(self, data: bytes) -> None:
        self._socket.sendall(data)

    def answer(self, deadline: float) -> list[list[str]]:
        rows: list[list[str]] = []
        while True:
            text = self._read_line(deadline).decode("utf-8", "replace")
            if text == "READY":
                return rows
            if text.startswith("ERROR\t"):  # frog-server's own frog failed; it said why, in Dutch
                raise FrogUnavailable(text.partition("\t")[2])
            if text.strip():
                rows.append(text.split("\t"))

    def close(self) -> None:
        self._socket.close()


class FrogService:
    """One frog kept loaded for this process; `parse` has the shape of `run_frog` (a FrogRunner).

    `timeout` bounds each sentence, `start_timeout` frog's start-up. Thread-safe: one parse at a time, and a thread
    that waits longer than `timeout` for its turn gets a Dutch "busy" error instead of waiting on.
    """

    def __init__(self, address: FrogAddress, *, timeout: float = 30.0, start_timeout: float = 120.0) -> None:
        if address.mode == "off":
            raise ValueError("FrogService needs an address other than off")
        self.address = address
        self.timeout = timeout
        self.start_timeout = start_timeout
        self._lock = threading.Lock()
        self._frog: _Frog | None = None
        self.starts = 0  # how often a frog was started or connected, for tests and the log

    def _connect(self) -> _Frog:
        if self._frog is None:
            self.starts += 1
            if self.address.mode == "auto":
                self._frog = _PipeFrog(start_timeout=self.start_timeout)
            else:
                self._frog = _SocketFrog(self.address, timeout=self.timeout)
        return self._frog

    def _drop(self) -> None:
        if self._frog is not None:
            frog, self._frog = self._frog, None
            frog.close()

    def start(self) -> None:
        """Load frog now (at start-up of the web app or the worker) instead of on the first deep check."""
        with self._lock:
            self._connect()

    @property
    def pid(self) -> int | None:
        """The process id of our own frog (auto mode), while it runs."""
        frog = self._frog
        return frog.process.pid if isinstance(frog, _PipeFrog) else None

    def parse(self, lines: Sequence[str]) -> list[list[list[str]]]:
        """Frog's rows for each line (one sentence of our tokens per line), in order."""
        if not self._lock.acquire(timeout=self.timeout):
            raise FrogUnavailable(BUSY)
        try:
            clean = [" ".join(line.split())[:MAX_LINE_CHARACTERS] for line in lines]
            sent = [line for line in clean if line]  # frog skips an empty line without an answer
            answers: list[list[list[str]]] = []
            restarted = False
            while len(answers) < len(sent):
                frog = self._connect()
                try:
                    for rows in frog.parse_lines(sent[len(answers) :], self.timeout):
                        answers.append(rows)  # kept when a later sentence fails: only the rest is sent again
                except (TimeoutError, _Failure) as error:
                    self._drop()
                    if restarted:
                        if isinstance(error, TimeoutError):
                            raise FrogUnavailable(TOO_SLOW.format(seconds=self.timeout)) from error
                        raise FrogUnavailable(FAILED.format(reason=error)) from error
                    restarted = True
            found = iter(answers)
            return [next(found) if line else [] for line in clean]
        finally:
            self._lock.release()

    def close(self) -> None:
        """Stop our frog (auto mode) or close the connection."""
        with self._lock:
            self._drop()


_service: FrogService | None = None
_address: FrogAddress | None = None
_timeout: float | None = None
_configure_lock = threading.Lock()


def frog_service_configure(address: FrogAddress | str, *, timeout: float | None = None) -> None:
    """Set where frog runs for this process (the web app passes its settings); stops a frog of an old setting."""
    global _service, _address, _timeout
    with _configure_lock:
        old, _service = _service, None
        _address = frog_address_parse(address) if isinstance(address, str) else address
        _timeout = timeout
    if old is not None:
        old.close()


def frog_address() -> FrogAddress:
    """Where this process's deep tier finds frog (frog_service_configure, else DENKRAAM_FROG_SERVER)."""
    global _address
    with _configure_lock:
        if _address is None:
            _address = frog_address_parse(os.environ.get(ADDRESS_ENV, "auto"))
        return _address


def frog_service() -> FrogService | None:
    """This process's frog service, or None when it is off (DENKRAAM_FROG_SERVER=off) or frog is not installed.

    Without frog_service_configure, the environment decides (so a CLI call honours DENKRAAM_FROG_SERVER too).
    """
    global _service, _timeout
    address = frog_address()
    with _configure_lock:
        if _timeout is None:
            raw = os.environ.get(TIMEOUT_ENV, "").strip()
            _timeout = float(raw) if raw else 30.0
        if _service is None and address.mode != "off":
            if address.mode == "auto" and not frog_available():
                return None
            _service = FrogService(address, timeout=_timeout)
        return _service


def frog_service_start() -> None:
    """Start this process's frog service now, when there is one, and load LiNT-II's word lists (1-2 s) that a deep
    check needs too; a failure is logged, and the first deep check reports it."""
    service = frog_service()
    if service is None:
        return
    try:
        lint_lexicon()
        service.start()
    except (FrogUnavailable, LintLexiconMissing):
        logger.warning("de diepe analyse kon niet vooraf starten (%s)", service.address, exc_info=True)


def frog_runner(lines: Sequence[str]) -> list[list[list[str]]]:
    """The deep tier's default FrogRunner: the loaded frog when there is one, else one batch run of frog."""
    service = frog_service()
    if service is None or sum(len(line) for line in lines) > MAX_SERVICE_CHARACTERS:
        return run_frog(lines)
    return service.parse(lines)


class _FrogServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    service: FrogService


# Sentences of one client handed to frog in one go; then other clients get their turn.
_SERVER_BATCH = 64
_TOO_LONG = b"ERROR\tDe zin is te lang voor de diepe analyse.\n"


class _FrogRequest(socketserver.BaseRequestHandler):
    """One client: a sentence per line in; frog's rows, then "READY", out (frog's own server protocol). The lines
    that have arrived go to frog together, so frog does not wait for this server between sentences."""

    server: _FrogServer
    request: socket.socket

    def handle(self) -> None:
        limit = MAX_LINE_CHARACTERS * 4
        pending = b""
        while True:
            chunk = self.request.recv(65536)
            if not chunk:
                return
            *complete, pending = (pending + chunk).split(b"\n")
            if len(pending) > limit or any(len(line) > limit for line in complete):
                self.request.sendall(_TOO_LONG)
                return
            lines = [text for text in (line.decode("utf-8", "replace").strip() for line in complete) if text]
            for start in range(0, len(lines), _SERVER_BATCH):
                try:
                    answers = self.server.service.parse(lines[start : start + _SERVER_BATCH])
                except FrogUnavailable as error:
                    message = " ".join(str(error).split())
                    self.request.sendall(f"ERROR\t{message}\n".encode())
                    return
                reply = "".join("".join("\t".join(row) + "\n" for row in rows) + "\nREADY\n" for rows in answers)
                self.request.sendall(reply.encode("utf-8"))


def frog_server_run(
    *, host: str = "127.0.0.1", port: int = 7011, timeout: float = 30.0, ready: threading.Event | None = None
) -> None:
    """Serve one loaded frog on host:port to other processes (DENKRAAM_FROG_SERVER=host:port), until interrupted.

    The frog loads before the port opens, so a client that connects gets answers at once. Requests of all clients
    take turns, as in one process; `ready` is set once the server listens.
    """
    service = FrogService(FrogAddress("auto"), timeout=timeout)
    service.start()
    try:
        with _FrogServer((host, port), _FrogRequest) as server:
            server.service = service
            if ready is not None:
                ready.set()
            server.serve_forever()
    finally:
        service.close()
