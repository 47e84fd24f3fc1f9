"""Which addresses denkraam may connect to: public ones only.

A URL checker that runs on a server is an open door into that server's network (SSRF): cloud metadata at
169.254.169.254, an admin panel on 127.0.0.1, a database on 10.0.0.5. So every host name is resolved here and
EVERY address it resolves to must be public; the caller then connects to exactly the address that was checked,
so a DNS answer cannot change between check and connect (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from denkraam.analysis.fetch.errors import NOT_PUBLIC_MESSAGE, FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOW_HOSTS_ENV = "DENKRAAM_FETCH_ALLOW_HOSTS"

# Ranges that ipaddress does not (in every Python 3.11 patch release) count as non-global.
_EXTRA_BLOCKED: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = (
    ipaddress.ip_network("0.0.0.0/8"),  # "this network"; 0.0.0.0 reaches the local host on Linux
    ipaddress.ip_network("100.64.0.0/10"),  # carrier-grade NAT
    ipaddress.ip_network("192.0.0.0/24"),  # IETF protocol assignments
    ipaddress.ip_network("198.18.0.0/15"),  # benchmarking
    ipaddress.ip_network("224.0.0.0/4"),  # multicast
    ipaddress.ip_network("240.0.0.0/4"),  # reserved + broadcast
    ipaddress.ip_network("fc00::/7"),  # unique local
    ipaddress.ip_network("fe80::/10"),  # link-local
    ipaddress.ip_network("fec0::/10"),  # deprecated site-local
    ipaddress.ip_network("ff00::/8"),  # multicast
    ipaddress.ip_network("100::/64"),  # discard-only
    ipaddress.ip_network("2001:db8::/32"),  # documentation
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

# Characters a host name may contain once urllib has split the URL. Everything else (spaces, "%", "@", control
# characters) is refused: C's inet_aton, for one, silently accepts "127.0.0.1 anything".
_HOST_CHARS = re.compile(r"^[A-Za-z0-9._\-]+$")
# Hosts made of digits, dots and hex digits only are IP spellings (decimal, octal, hex, shortened), never names.
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}\.?$", re.IGNORECASE)

_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="denkraam-dns")


@dataclass(frozen=True, slots=True)
class CheckedAddress:
    """An address that passed the check, to connect to as is."""

    ip: str
    family: int


def is_public_address(ip: IPAddress) -> bool:
    """True when `ip` is a globally routable unicast address, also looking inside IPv6 wrappers of IPv4."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return is_public_address(embedded)
    if not ip.is_global:
        return False
    if ip.is_multicast or ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_reserved:
        return False
    return not any(ip.version == net.version and ip in net for net in _EXTRA_BLOCKED)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, Teredo, NAT64), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    # IPv4-compatible (deprecated) ::a.b.c.d, apart from :: and ::1 which ipaddress already judges
    if int(ip) >> 32 == 0 and int(ip) > 1:
        return ipaddress.IPv4Address(int(ip))
    return None


def allowed_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    """The test/dev allowance: the given hosts plus those in DENKRAAM_FETCH_ALLOW_HOSTS (comma separated).

    Only for tests and local development, so that a loopback server the test itself starts can be fetched.
    Never set the environment variable on a shared server; with DENKRAAM_ENVIRONMENT=production it is ignored.
    """
    names = {h.strip().lower().rstrip(".") for h in extra}
    # Defence in depth: a production deployment never honours the variable, even when someone sets it.
    if os.environ.get("DENKRAAM_ENVIRONMENT", "").strip().lower() != "production":
        names |= {h.strip().lower().rstrip(".") for h in os.environ.get(ALLOW_HOSTS_ENV, "").split(",")}
    names.discard("")
    return frozenset(names)


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address a host written as an IP stands for, in any spelling (e.g. 2130706433, 0x7f.1, 127.1)."""
    candidate = host.strip("[]")
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
        except OSError:
            raise FetchError("Dit is geen geldig webadres.", code="invalid-url") from None
    return None


def check_host(host: str, port: int, *, allow: frozenset[str], timeout: float) -> list[CheckedAddress]:
    """Resolve `host` and return its addresses if ALL of them are public (or explicitly allowed).

    Raises FetchError before any connection is made when one address is not public.
    """
    name = host.lower().rstrip(".")
    literal = parse_ip_literal(name)
    if literal is None and not _HOST_CHARS.match(name):
        raise FetchError("Dit is geen geldig webadres.", code="invalid-url")
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    else:
        addresses = _resolve(name, port, timeout=timeout)
    checked: list[CheckedAddress] = []
    for ip in addresses:
        if not is_public_address(ip) and not (name in allow or str(ip) in allow):
            raise FetchError(NOT_PUBLIC_MESSAGE, code="not-public")
        checked.append(CheckedAddress(ip=str(ip), family=socket.AF_INET6 if ip.version == 6 else socket.AF_INET))
    return checked


def _resolve(name: str, port: int, *, timeout: float) -> list[IPAddress]:
    # getaddrinfo has no timeout of its own; run it aside so a hanging resolver cannot hold the caller.
    future = _resolver.submit(socket.getaddrinfo, name, port, 0, socket.SOCK_STREAM)
    try:
        infos = future.result(timeout=timeout)
    except FutureTimeout:
        raise FetchError(
            f"De naam van deze website kon niet binnen {timeout:g} seconden worden opgezocht.", code="timeout"
        ) from None
    except (OSError, UnicodeError):
        raise FetchError("De naam van deze website is niet gevonden. Controleer het adres.", code="dns") from None
    result: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        # A scoped IPv6 address ("fe80::1%eth0") keeps its scope; ipaddress understands that.
        ip = ipaddress.ip_address(str(sockaddr[0]))
        if ip not in result:
            result.append(ip)
    if not result:
        raise FetchError("De naam van deze website is niet gevonden. Controleer het adres.", code="dns")
    return result
