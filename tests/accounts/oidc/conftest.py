"""Fixtures of the sign-on tests: a real provider on loopback (provider.py)."""

from tests.accounts.oidc.provider import http_provider_allowed, start_provider  # noqa: F401
