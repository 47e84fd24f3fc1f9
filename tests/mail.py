"""The `smtp_server` fixture: a real SMTP server (aiosmtpd) on 127.0.0.1 that Django sends to during one test.

def test_it_mails(smtp_server: SmtpServer) -> None:
    ...
    (message,) = smtp_server.messages
    assert "Vragenlijst geopend" in message["Subject"]
    assert smtp_server.text(message), smtp_server.html(message), smtp_server.links(message)
"""

from __future__ import annotations

import email
import email.policy
import re
import socket
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from html.parser import HTMLParser
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from pytest_django.fixtures import Settings

_URL = re.compile(r"https?://[^\s<>\"')]+")


class _Handler:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refused: set[str] = set()
        self.lock = threading.Lock()

    async def handle_RCPT(  # noqa: N802 (aiosmtpd)
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802 (aiosmtpd)
        content = envelope.original_content or b""
        message = email.message_from_bytes(content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self.lock:
            self.messages.append(message)
            self.envelopes.append((str(envelope.mail_from), [str(r) for r in envelope.rcpt_tos]))
        return "250 OK"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpServer:
    """A running SMTP server; `.messages` holds what it received, parsed with email.policy.default."""

    def __init__(self) -> None:
        self._handler = _Handler()
        self.host = "127.0.0.1"
        self.port = _free_port()
        self._controller: Controller | None = None
        self.running = False

    @property
    def messages(self) -> list[EmailMessage]:
        with self._handler.lock:
            return list(self._handler.messages)

    def refuse(self, *addresses: str) -> None:
        """Make the server refuse these recipients (550), as a real server does for an unknown mailbox."""
        self._handler.refused.update(addresses)

    @property
    def envelopes(self) -> list[tuple[str, list[str]]]:
        """(MAIL FROM, RCPT TO list) per message, to check that nobody shares a message with another."""
        with self._handler.lock:
            return list(self._handler.envelopes)

    def start(self) -> None:
        """Start (or after `stop`, start again) on the same port; what was received stays in `.messages`."""
        if not self.running:
            # A stopped controller's event loop is closed: a restart needs a new one.
            self._controller = Controller(self._handler, hostname=self.host, port=self.port)
            self._controller.start()
            self.running = True

    def stop(self) -> None:
        """Stop the server: a mail sent afterwards meets a closed port (to test a mail server that is down)."""
        if self.running and self._controller is not None:
            self._controller.stop()
            self.running = False

    def to(self, address: str) -> list[EmailMessage]:
        """The messages whose To: is `address`."""
        return [m for m in self.messages if str(m["To"]) == address]

    @staticmethod
    def text(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain",))
        assert part is not None, "the message has no plain text part"
        return str(part.get_content())  # type: ignore[attr-defined]

    @staticmethod
    def html(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("html",))
        assert part is not None, "the message has no HTML part"
        return str(part.get_content())  # type: ignore[attr-defined]

    @classmethod
    def links(cls, message: EmailMessage) -> list[str]:
        """Every address linked in the message: the <a href>s of the HTML part, then the URLs in the text part."""
        parser = _Links()
        parser.feed(cls.html(message))
        found = parser.hrefs + _URL.findall(cls.text(message))
        return list(dict.fromkeys(found))


@pytest.fixture
def smtp_server(settings: Settings) -> Iterator[SmtpServer]:
    """A real SMTP server for this test; Django's SMTP backend sends to it."""
    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    try:
        yield server
    finally:
        server.stop()


__all__: list[Any] = ["SmtpServer", "smtp_server"]
