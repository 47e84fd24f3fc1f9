"""Reading settings from the environment: every helper fails loudly on a value it cannot use."""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on", "ja"}
FALSE_VALUES = {"0", "false", "no", "off", "nee", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_site_url(name: str, default: str) -> str:
    """A site's public address such as `https://denkraam.example.nl`: scheme and host (and port), no path or query.
    Returned without a trailing slash, so a path can be appended as it is."""
    raw = os.environ.get(name)
    value = (default if raw is None or raw.strip() == "" else raw).strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if parts.scheme not in {"http", "https"} or not parts.hostname or not port_ok:
        raise ImproperlyConfigured(f"{name} must be an address like https://denkraam.example.nl, not {raw!r}")
    if parts.path or parts.query or parts.fragment or parts.username or parts.password:
        raise ImproperlyConfigured(f"{name} must be scheme and host only (https://denkraam.example.nl), not {raw!r}")
    return value


def env_ip_address(name: str, *, any_allowed: bool = False) -> str:
    """One IP address, written as a server reports a peer (`::1`, not `0:0:0:0:0:0:0:1`); `*` for any address
    when `any_allowed`; empty when the variable is not set."""
    raw = os.environ.get(name, "").strip()
    if not raw or (any_allowed and raw == "*"):
        return raw
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be one IP address such as 127.0.0.1, not {raw!r}") from exc


def local_secret_key(data_dir: Path) -> str:
    """Return the secret key kept in the data dir, creating it on first use (development only)."""
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # Created with owner-only permissions: the key signs sessions and password-reset links.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


def env_frog_server(name: str, default: str) -> str:
    """Where the deep tier's frog runs: `auto`, `off` or `host:port` (see analysis/text/readability/frog_service)."""
    from denkraam.analysis.text.readability.frog_service import frog_address_parse

    raw = os.environ.get(name, default)
    try:
        return str(frog_address_parse(raw))
    except ValueError as exc:
        raise ImproperlyConfigured(str(exc)) from exc
