"""Browser fixtures: one Debian Chromium per test session (driven by Playwright), a fresh context per test.

Playwright's sync API runs an event loop in this thread, so Django's guard against ORM calls from async code
would trip on our factories; the tests really are synchronous, hence DJANGO_ALLOW_ASYNC_UNSAFE.
Never run `playwright install`: we drive the Chromium from Debian.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from django.conf import settings  # noqa: E402
from django.core.servers.basehttp import ThreadedWSGIServer  # noqa: E402
from django.test import Client  # noqa: E402
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, sync_playwright  # noqa: E402
from pytest_django.live_server_helper import LiveServer  # noqa: E402

from denkraam.accounts.models import User  # noqa: E402
from tests.browser.axe import AXE_PATH  # noqa: E402
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

# Short enough that a broken page fails fast, long enough for a loaded 2-core CI machine.
DEFAULT_TIMEOUT_MS = 10_000


def _missing(what: str) -> None:
    # Locally a missing browser is a setup gap, not a failure; in CI it must never pass silently.
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is missing, and CI=true forbids skipping the browser tests.")
    pytest.skip(f"{what} is missing (install Debian chromium and run npm install)")


class _OneRequestAtATime(ThreadedWSGIServer):
    """Django's threaded test server, with the app run for one request at a time.

    The request threads share the test's in-memory SQLite connection, and with it Django's transaction state: two
    requests in a transaction at once would nest one in the other ("cannot start a transaction within a
    transaction"). Connections stay threaded (a keep-alive connection does not block the others); only the app is
    serialised, which also is what a page and its one-second poll need.
    """

    def set_app(self, application: Any) -> None:
        lock = threading.Lock()

        def one_at_a_time(environ: dict[str, Any], start_response: Any) -> Any:
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest, django_db_setup: None) -> Iterator[LiveServer]:
    """pytest-django's live server, started only once the test database exists, handling one request at a time.

    pytest-django's own fixture does not wait for the test database: it started before `django_db_setup` had
    renamed the database to SQLite's shared in-memory one, so it found no in-memory connection to hand to its
    request threads, and each request thread opened its own connection to that shared-cache database. Shared-cache
    connections refuse each other at once ("database table is locked") instead of waiting, which is what a page
    polling every second next to a form post ran into. Started after the set-up, the server shares the test's
    connection with its request threads, as Django's LiveServerTestCase does, and runs them one after the other.
    """
    addr = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    server = LiveServer(addr, start=False)
    if server.thread.connections_override:
        server.thread.server_class = _OneRequestAtATime
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        _missing(str(CHROMIUM))
    instance = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield instance
    instance.close()


@dataclass
class PageProblems:
    """What went wrong inside the page: script errors and Content-Security-Policy refusals."""

    errors: list[str] = field(default_factory=list)

    def console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.errors.append(f"CSP: {message.text}")

    def page_error(self, error: Exception) -> None:
        self.errors.append(f"script error: {error}")


def _watch(context: BrowserContext, problems: PageProblems) -> None:
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.on("page", lambda page: (page.on("console", problems.console), page.on("pageerror", problems.page_error)))


@pytest.fixture
def context(browser: Browser, live_server: object) -> Iterator[BrowserContext]:
    """A fresh browser context with the app's real CSP in force; fails the test on CSP refusals or script errors."""
    problems = PageProblems()
    ctx = browser.new_context(locale="nl-NL", base_url=live_server.url)
    _watch(ctx, problems)
    yield ctx
    ctx.close()
    assert not problems.errors, "Problems inside the page:\n" + "\n".join(problems.errors)


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def axe_context(browser: Browser, live_server: object) -> Iterator[BrowserContext]:
    """A context that may inject axe-core: it bypasses the CSP (our CSP forbids injected scripts, rightly)."""
    if not AXE_PATH.exists():
        _missing(str(AXE_PATH))
    ctx = browser.new_context(locale="nl-NL", base_url=live_server.url, bypass_csp=True)
    ctx.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield ctx
    ctx.close()


@pytest.fixture
def axe_page(axe_context: BrowserContext) -> Page:
    return axe_context.new_page()


@pytest.fixture
def new_context(browser: Browser, live_server: object) -> Iterator[Callable[[], BrowserContext]]:
    """Make more contexts in one test (one per person in a multi-user flow); all are checked like `context`."""
    made: list[tuple[BrowserContext, PageProblems]] = []

    def make() -> BrowserContext:
        problems = PageProblems()
        ctx = browser.new_context(locale="nl-NL", base_url=live_server.url)
        _watch(ctx, problems)
        made.append((ctx, problems))
        return ctx

    yield make
    errors = [error for ctx, problems in made for error in problems.errors]
    for ctx, _ in made:
        ctx.close()
    assert not errors, "Problems inside the page:\n" + "\n".join(errors)


def login(context: BrowserContext, user: User, *, base_url: str) -> None:
    """Log the user in by giving the context a real session cookie (the login form has its own test)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}])
