"""Invitation fixtures: alice (UWV begeleider) leads an open session with bob; dirk has no account yet."""

from __future__ import annotations

import re

import pytest

from tests.assessments.conftest import assessment, initiative  # noqa: F401 (the same session as the assessment tests)
from tests.mail import SmtpServer

DIRK = "dirk@gemeente-utrecht.nl"
_TOKEN_LINK = re.compile(r"https?://[^/\s]+(/uitnodiging/[A-Za-z0-9_-]+/)")


def invitation_path(smtp_server: SmtpServer, address: str = DIRK) -> str:
    """The path of the accept page in the newest mail to `address` (as the person would click it)."""
    messages = smtp_server.to(address)
    assert messages, f"no mail to {address}"
    for link in smtp_server.links(messages[-1]):
        if found := _TOKEN_LINK.match(link):
            return found.group(1)
    raise AssertionError("the mail has no invitation link")


def token_of(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture
def dirk_address() -> str:
    return DIRK
