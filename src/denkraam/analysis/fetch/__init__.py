"""Safe fetching of public web pages (no internal addresses, limited time and size)."""

from __future__ import annotations

from denkraam.analysis.fetch.client import FetchedPage, fetch_url, user_agent
from denkraam.analysis.fetch.errors import FetchError
from denkraam.analysis.fetch.guard import is_public_address

__all__ = ["FetchError", "FetchedPage", "fetch_url", "is_public_address", "user_agent"]
