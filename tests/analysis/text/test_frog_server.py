"""The deep tier with frog kept loaded: same parse as the batch run, and it recovers from a frog that dies or hangs.

Every test here uses the real frog. Starting frog costs seconds, so one service is shared by the whole module and
the tests run in order: parse, kill, hang, keep hanging.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from denkraam.analysis.text.readability import FrogUnavailable, frog_available
from denkraam.analysis.text.readability.features import sentence_features
from denkraam.analysis.text.readability.frog import frog_features, frog_lines, run_frog
from denkraam.analysis.text.readability.frog_service import (
    FrogAddress,
    FrogService,
    frog_address_parse,
)
from denkraam.analysis.text.tokens import split_sentences

pytestmark = pytest.mark.deep

LETTER = (
    "Geachte mevrouw Jansen,\n\n"
    "Wij hebben uw aanvraag voor bijzondere bijstand op 3 maart ontvangen. "
    "Om uw aanvraag te kunnen beoordelen, hebben wij nog de bankafschriften van de afgelopen drie maanden nodig. "
    "Stuur die vóór 1 april naar ons terug, dan nemen wij binnen vier weken een besluit. "
    "Hebt u vragen? Bel dan met Sanne de Vries van het team Inkomen.\n\n"
    "Met vriendelijke groet,\nSanne de Vries"
)


@pytest.fixture(autouse=True)
def _needs_frog() -> None:
    if not frog_available():
        if os.environ.get("CI"):
            pytest.fail("frog is not installed, but CI must run the deep tier")
        pytest.skip("frog is not installed")


@pytest.fixture(scope="module")
def service() -> Iterator[FrogService]:
    service = FrogService(FrogAddress("auto"), timeout=60)
    yield service
    service.close()


@pytest.fixture(scope="module")
def batch_rows() -> list[list[list[str]]]:
    return run_frog(frog_lines(split_sentences(LETTER)))


def test_the_loaded_frog_gives_the_same_features_as_the_batch_run(
    service: FrogService, batch_rows: list[list[list[str]]]
) -> None:
    sentences = split_sentences(LETTER)
    assert service.parse(frog_lines(sentences)) == batch_rows
    kept_loaded = frog_features(sentences, runner=service.parse)
    batch = frog_features(sentences, runner=run_frog)
    assert kept_loaded == batch
    assert kept_loaded != [sentence_features(sentence) for sentence in sentences]  # measured, not estimated
    assert sum(item.subtlex_words for item in kept_loaded) > 0


def test_a_second_check_uses_the_same_frog(service: FrogService, batch_rows: list[list[list[str]]]) -> None:
    service.parse(["Dit is een zin ."])
    pid, starts = service.pid, service.starts
    assert service.parse(frog_lines(split_sentences(LETTER))) == batch_rows
    assert (service.pid, service.starts) == (pid, starts)


def test_a_killed_frog_is_started_again(service: FrogService, batch_rows: list[list[list[str]]]) -> None:
    service.parse(["Dit is een zin ."])
    old = service.pid
    assert old is not None
    os.kill(old, signal.SIGKILL)
    assert service.parse(frog_lines(split_sentences(LETTER))) == batch_rows
    assert service.pid not in {None, old}


def test_a_hanging_frog_is_stopped_and_started_again(service: FrogService) -> None:
    expected = service.parse(["Wij sturen u de brief ."])
    old = service.pid
    assert old is not None
    os.kill(old, signal.SIGSTOP)  # frog still runs, but answers nothing
    service.timeout = 5
    try:
        started = time.monotonic()
        assert service.parse(["Wij sturen u de brief ."]) == expected
    finally:
        service.timeout = 60
    assert service.pid not in {None, old}
    assert time.monotonic() - started < 5 + service.start_timeout + 5


def test_a_frog_that_keeps_hanging_gives_a_dutch_error_not_a_hang(service: FrogService) -> None:
    service.parse(["Dit is een zin ."])
    # Frog needs well over 10 ms for a sentence of 140 words, also a freshly started one.
    long_sentence = " ".join(["de", "aanvraag", "van", "de", "burger", "en"] * 23) + " ."
    service.timeout = 0.01
    try:
        with pytest.raises(FrogUnavailable, match="gaf binnen 0 seconden geen antwoord, ook niet na een herstart"):
            service.parse([long_sentence])
    finally:
        service.timeout = 60
    assert service.parse(["Dit is een zin ."])[0][0][1] == "Dit"  # and the next check works again


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_frog_server_shares_one_frog_with_other_processes(batch_rows: list[list[list[str]]]) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "denkraam.cli", "frog-server", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        lines = iter(server.stdout.readline, "")
        assert next(lines).startswith("frog wordt geladen")
        assert next(lines).startswith(f"frog staat klaar op 127.0.0.1:{port}")
        service = FrogService(frog_address_parse(f"127.0.0.1:{port}"), timeout=60)
        assert service.parse(frog_lines(split_sentences(LETTER))) == batch_rows
        again = FrogService(frog_address_parse(f"127.0.0.1:{port}"), timeout=60)  # a second process, say
        assert again.parse(["Dit is een zin ."])[0][0][1] == "Dit"
        service.close()
        again.close()
        with socket.create_connection(("127.0.0.1", port), timeout=30) as raw:  # a line no sentence can be
            raw.sendall(b"woord " * 5000 + b"\n")
            assert raw.makefile("rb").readline().decode() == "ERROR\tDe zin is te lang voor de diepe analyse.\n"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_an_unreachable_server_gives_a_dutch_error() -> None:
    service = FrogService(frog_address_parse(f"127.0.0.1:{_free_port()}"), timeout=5)
    with pytest.raises(FrogUnavailable, match="kan frog op 127.0.0.1:.* niet bereiken"):
        service.parse(["Dit is een zin ."])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("auto", FrogAddress("auto")),
        ("", FrogAddress("auto")),
        ("OFF", FrogAddress("off")),
        ("127.0.0.1:7011", FrogAddress("server", "127.0.0.1", 7011)),
        ("[::1]:7011", FrogAddress("server", "::1", 7011)),
    ],
)
def test_the_setting_names_auto_off_or_an_address(raw: str, expected: FrogAddress) -> None:
    assert frog_address_parse(raw) == expected


@pytest.mark.parametrize("raw", ["aan", "127.0.0.1", "localhost:0", "localhost:99999", ":7011"])
def test_a_wrong_setting_is_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="auto, off or host:port"):
        frog_address_parse(raw)


def _cli_deep(setting: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "denkraam.cli", "check", "--deep", "-"],
        input="Wij hebben uw brief ontvangen. U krijgt binnen twee weken antwoord.",
        env={**os.environ, "DENKRAAM_FROG_SERVER": setting},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_cli_says_in_dutch_when_the_frog_server_cannot_be_reached() -> None:
    result = _cli_deep(f"127.0.0.1:{_free_port()}")
    assert result.returncode == 2
    assert "Fout: De diepe analyse kan frog op 127.0.0.1:" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_cli_refuses_a_wrong_frog_setting_in_dutch() -> None:
    result = _cli_deep("aan")
    assert result.returncode == 2
    assert "DENKRAAM_FROG_SERVER moet auto, off of host:poort zijn (zoals 127.0.0.1:7011), niet 'aan'." in result.stderr
